"""The reviewer's commands: ``review`` (the queue), ``resolve`` and ``undo`` (decisions), ``serve`` (the review
page). Each works on an output directory's review store (:mod:`llm_extract.review_store`)."""

from __future__ import annotations

import json
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, Optional

import typer

from .._exceptions import RebuildError
from ..exitcodes import LOCKED, REBUILD_FAILED
from ..runlock import OutputLockedError
from .console import console, err

if TYPE_CHECKING:
    from ..review import ReviewItem
    from ..review_store import ReviewStore

__all__ = ["review", "resolve", "undo", "serve"]


def _value(v: object) -> str:
    return json.dumps(v, ensure_ascii=False, default=str)


def _store(out_dir: Path, *, rebuild_later: bool = False) -> "ReviewStore":
    """The review store of ``out_dir``, its combined outputs (the queue file among them) brought up to date first
    when a run or a review page was killed before it rebuilt them (the queue would offer items decided since)."""
    from ..review_store import ReviewStore

    try:
        store = ReviewStore(out_dir, rebuild_later=rebuild_later)
    except FileNotFoundError as exc:
        err.print(str(exc), markup=False)
        raise typer.Exit(2)
    up_to_date(store, "the queue is shown as last rebuilt, without the decisions made since")
    return store


def up_to_date(store: "ReviewStore", otherwise: str) -> None:
    """The combined outputs of the store's OUT rebuilt now unless they hold every record and decision (said on
    stderr); a rebuild refused (an ``extract`` run holds OUT, an OUT this user may not write) or failed is said, with
    ``otherwise``."""
    from ..rebuild import outputs_current

    if outputs_current(store.out):
        return
    err.print("the combined outputs (the review queue among them) do not hold every record and decision "
              f"in {store.out} yet: rebuilding them first…", markup=False, highlight=False, soft_wrap=True)
    try:
        store.rebuild_now()
    except (OutputLockedError, RebuildError, OSError) as exc:     # (OSError: an OUT this user may not write)
        err.print(f"{exc}\n{otherwise}", markup=False, highlight=False, soft_wrap=True)


def _filters(store: "ReviewStore", doc: str | None, status: str | None,
             table: str | None) -> tuple[str | None, str | None]:
    """The queue filters as the queue spells them (:meth:`ReviewStore.filters`); exit 2 naming what is allowed."""
    from ..review_store import UnknownFilter

    try:
        return store.filters(doc=doc, status=status, table=table)
    except UnknownFilter as exc:
        err.print(str(exc), markup=False)
        raise typer.Exit(2)


def review(
    out_dir: Annotated[Path, typer.Argument(help="An extract output directory.")],
    doc: Annotated[Optional[str], typer.Option(help="Only this document id.")] = None,
    status: Annotated[Optional[str], typer.Option(help="Only this status (derived, disputed, missing, ...).")] = None,
    table: Annotated[Optional[str], typer.Option(help="Only this table (meta, 表二, 表三, 表四; or T2, T3, T4).")] = None,
    rule: Annotated[Optional[str], typer.Option(help="Only items with this rule code (or prefix, e.g. T3.).")] = None,
    full: Annotated[bool, typer.Option("--full", help="Also the message and the source lines of each item.")] = False,
) -> None:
    """Show the review queue: one line per item (id, field, status, value, candidates, rules)."""
    store = _store(out_dir)
    status, table = _filters(store, doc, status, table)
    shown = 0
    # a document's items at a time (the queue of a large batch is hundreds of MB); nothing from a document is
    # markup: printed with markup=False
    for doc_id, group in groupby(store.iter_items(doc=doc, status=status, table=table, rule=rule),
                                 key=lambda i: i.doc_id):
        items = list(group)
        shown += len(items)
        console.print(f"{doc_id}: {len(items)} items", markup=False, highlight=False, style="bold")
        for i in items:
            _print_item(i, full)
    for note in store.notes():
        console.print(f"note: {note}", markup=False, highlight=False, soft_wrap=True)
    console.print(f"{shown} items", highlight=False)


def _print_item(i: "ReviewItem", full: bool) -> None:
    cands = ", ".join(f"{c['source']}={_value(c['value'])}" for c in i.candidates)
    stale = f"  {i.decision['problem']}: {i.decision['message']}" if i.decision else ""
    console.print(f"  {i.id}  {i.path or '(document)'}  {i.status}  value={_value(i.value)}"
                  f"  [{cands or '-'}]  {','.join(i.rules)}{stale}", markup=False, highlight=False, soft_wrap=True)
    if full:
        console.print(f"      {i.message}", markup=False, highlight=False, soft_wrap=True)
        for line in i.source_lines:
            console.print(f"      {line.n:>5} | {line.text}", markup=False, highlight=False, soft_wrap=True)


def _rebuild_failed(exc: Exception) -> NoReturn:
    """A decision written (decisions.jsonl, its record) whose combined outputs could not be rebuilt: exit 5."""
    err.print(f"the decision is recorded (decisions.jsonl and its document's record), but the combined outputs "
              f"were not rebuilt: {exc}", markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(REBUILD_FAILED)


def resolve(
    out_dir: Annotated[Path, typer.Argument(help="An extract output directory.")],
    item_id: Annotated[Optional[str], typer.Argument(help="The review item id (see `llm-extract review`).")] = None,
    value: Annotated[Optional[str], typer.Argument(
        help="A count, a fee in 万元, a name or a year; null for a blank cell; keep to accept the value as it "
             "stands (or acknowledge a finding).")] = None,
    from_csv: Annotated[Optional[Path], typer.Option("--from", help="A CSV file of item_id,value[,note] rows.")] = None,
    accept: Annotated[bool, typer.Option("--accept", help="Accept the current values of the items matching "
                                                          "--status/--doc/--table/--rule.")] = False,
    status: Annotated[Optional[str], typer.Option(help="With --accept: only this status.")] = None,
    doc: Annotated[Optional[str], typer.Option(help="With --accept: only this document id.")] = None,
    table: Annotated[Optional[str], typer.Option(help="With --accept: only this table.")] = None,
    rule: Annotated[Optional[str], typer.Option(help="With --accept: only this rule code (or prefix).")] = None,
    reviewer: Annotated[Optional[str], typer.Option(help="Who decided.")] = None,
    note: Annotated[Optional[str], typer.Option(help="Why.")] = None,
) -> None:
    """Decide review items: each value is checked against its field, then appended to OUT/decisions.jsonl,
    applied to its record and re-verified. An invalid value is refused and nothing is written."""
    from ..review_store import DecisionRequest, InvalidDecision, requests_from_csv

    store = _store(out_dir)
    modes = [item_id is not None, from_csv is not None, accept]
    if sum(modes) != 1 or (item_id is not None and value is None):
        err.print("give ITEM_ID VALUE, or --from FILE.csv, or --accept with filters", markup=False)
        raise typer.Exit(2)
    if accept and not any((status, doc, table, rule)):
        err.print("--accept needs at least one filter (--status, --doc, --table, --rule)", markup=False)
        raise typer.Exit(2)
    try:
        if accept:
            status, table = _filters(store, doc, status, table)
            outcome = store.accept(status=status, doc=doc, table=table, rule=rule, reviewer=reviewer, note=note)
        else:
            requests = (requests_from_csv(from_csv) if from_csv is not None
                        else [DecisionRequest(item_id=item_id or "", value=value or "", note=note)])
            outcome = store.resolve(requests, reviewer=reviewer)
    except OutputLockedError as exc:
        err.print(str(exc), markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(LOCKED)
    except RebuildError as exc:
        _rebuild_failed(exc)
    except (InvalidDecision, OSError) as exc:
        err.print(str(exc), markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(2)
    console.print(f"{outcome.decided} decision(s) recorded in {len(outcome.documents)} document(s); "
                  f"{len(store.items())} items left in the queue", markup=False, highlight=False)
    if outcome.skipped_missing:
        console.print(f"{outcome.skipped_missing} missing field(s) passed over: nothing was read, so there is no "
                      "value to accept (give each its value, or null for a blank cell)", markup=False, highlight=False)
    for doc_id, counts in outcome.status_counts.items():
        console.print(f"  {doc_id}: " + ", ".join(f"{v} {k}" for k, v in counts.items()), markup=False, highlight=False)
        for line in outcome.broken.get(doc_id, []):
            console.print(f"    {line}", markup=False, highlight=False, soft_wrap=True)


def undo(
    out_dir: Annotated[Path, typer.Argument(help="An extract output directory.")],
    doc: Annotated[Optional[str], typer.Option(help="The last decision about this document id.")] = None,
    reviewer: Annotated[Optional[str], typer.Option(help="Who takes it back.")] = None,
) -> None:
    """Take back the last decision (appends an undo line; the field returns to its state before)."""
    try:
        taken = _store(out_dir).undo(doc=doc, reviewer=reviewer)
    except OutputLockedError as exc:
        err.print(str(exc), markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(LOCKED)
    except RebuildError as exc:
        _rebuild_failed(exc)
    if taken is None:
        err.print("no decision to undo", markup=False)
        raise typer.Exit(1)
    console.print(f"undone: {taken.doc_id}  {taken.path or taken.finding}  {taken.action} {_value(taken.value)}",
                  markup=False, highlight=False)


def serve(
    out_dir: Annotated[Path, typer.Argument(help="An extract output directory.")],
    port: Annotated[int, typer.Option(help="Port.")] = 8765,
    host: Annotated[str, typer.Option(help="Address to listen on (default: this machine only).")] = "127.0.0.1",
) -> None:
    """A local review web page: documents, tables coloured by status, keyboard-driven decisions."""
    from ..web import serve as run_server

    store = _store(out_dir, rebuild_later=True)   # (brought up to date first: a run or a page killed before it rebuilt)
    console.print(f"review page: http://{host}:{port}/  (Ctrl-C to stop)", markup=False, highlight=False)
    run_server(store, host=host, port=port)
    if store.later is not None and store.later.pending() and store.later.error is None:
        console.print("bringing the combined outputs up to date with the last decisions… (Ctrl-C again to stop "
                      "now: the decisions are kept either way)", markup=False, highlight=False)
    try:
        rebuilt = store.flush()
    except KeyboardInterrupt:
        err.print(f"stopped before the combined outputs were rebuilt: every decision is in {out_dir}/decisions.jsonl "
                  "and its document's record; the next `llm-extract extract` or `serve` on it rebuilds them",
                  markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(130)
    if not rebuilt and store.later is not None:
        _rebuild_failed(RebuildError(store.later.error))
