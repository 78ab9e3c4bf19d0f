"""The command line: a thin layer over :mod:`llm_extract.pipeline`, :mod:`llm_extract.compare`
and :mod:`verify`. Every command is callable from Python through those modules."""

from __future__ import annotations

import json
import logging
import sys
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from ._exceptions import GoldenError, ModelConfigError
from .compare import compare_dirs, compare_values, golden_from_record, load_output_dir
from .evidence import Record
from .ingest import InputLimits, iter_inputs
from .outputs import dumps, read_json, write_json
from .exitcodes import LOCKED, REBUILD_FAILED, USAGE, exit_code
from .rebuild import RebuildError
from .runlock import OutputLockedError
from .pipeline import DocumentOutcome, RunSummary, run_batch

if TYPE_CHECKING:
    from .review import ReviewItem
    from .review_store import ReviewStore

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Extract, verify and review the tables of 政府信息公开工作年度报告.")
console = Console()
err = Console(stderr=True, soft_wrap=True)   # messages name paths: never cut them
# libraries' own diagnostics about a document's internals (pdfminer: "Could not get FontBBox from font
# descriptor", once per glyph run) are not the user's business: a document that cannot be read fails by name
QUIET_LOGGERS = ("pdfminer", "pdfplumber", "olefile")


@app.callback()
def _setup() -> None:
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.ERROR)


def _styled(style: str, text: object, rest: object = "") -> Text:
    """``text`` in ``style`` then ``rest``: never read as markup (paths and document text may hold ``[/x]``)."""
    return Text.assemble((str(text), style), str(rest))


def _row(table: Table, *cells: object) -> None:
    table.add_row(*(Text(str(c), overflow="fold") for c in cells))


def _summary_table(summary: RunSummary) -> Table:
    t = Table(title="llm-extract run", show_header=False)
    _row(t, "documents", f"{summary.documents} ({summary.ok} ok, {summary.failed} failed"
              + (f", {summary.resumed} resumed from an earlier run" if summary.resumed else "") + ")")
    if summary.skipped:
        _row(t, "skipped", f"{len(summary.skipped)} files that are not documents (listed in summary.json: "
                           + ", ".join(sorted({s['reason'] for s in summary.skipped})) + ")")
    fields = summary.fields
    queued_fields = sum(v for k, v in fields.items() if k not in ("proven", "reviewed"))
    reviewed = f"{fields['reviewed']} reviewed, " if fields.get("reviewed") else ""   # decided by a person
    _row(t, "fields", f"{fields.get('proven', 0)} proven, {reviewed}{fields.get('derived', 0)} derived, "
                        f"{queued_fields} queued for review")
    _row(t, "review queue", f"{summary.queued} items → {Path(summary.out_dir) / 'review_queue.jsonl'}")
    _row(t, "open", f"{Path(summary.out_dir) / 'report.html'} (also records.xlsx, records.sqlite, fields.csv)")
    if summary.rules:
        _row(t, "findings", ", ".join(f"{k}×{v}" for k, v in summary.rules.items()))
    _row(t, "language model", f"{summary.llm.get('mode')}: {summary.llm.get('reason', '')}")
    if "calls" in summary.llm:
        llm = summary.llm
        _row(t, "model calls", f"{llm['calls']} calls for {llm.get('routed_to_model', 0)} documents "
                  f"({llm.get('cache_hits', 0)} answered from cache, {len(llm.get('failed', []))} failed); "
                  f"{llm.get('input_tokens', 0)} input + {llm.get('output_tokens', 0)} output tokens"
                  + (f" (the endpoint reported no token usage for {n} documents: not counted)"
                     if (n := llm.get("usage_unreported")) else ""))
        if llm.get("stopped"):
            _row(t, "model stage stopped", llm["stopped"])
    _row(t, "time", f"{summary.seconds:.2f} s")
    return t


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Report files or directories (searched recursively).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output directory.")] = Path("out"),
    resume: Annotated[bool, typer.Option(help="Skip documents whose record in OUT matches the input.")] = True,
    llm: Annotated[Optional[str], typer.Option(
        "--llm", help="never | auto (only documents not fully proven) | always. "
                      "Default: auto when a model is configured, never otherwise.")] = None,
    model: Annotated[Optional[str], typer.Option(help="Model name (default: $LLM_EXTRACT_MODEL).")] = None,
    cache: Annotated[bool, typer.Option("--cache/--no-cache", help="Reuse cached model answers.")] = True,
    concurrency: Annotated[Optional[int], typer.Option(
        help="Model calls in flight at once (default: $LLM_EXTRACT_CONCURRENCY or 4).")] = None,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Exit 3 when any document or any model call failed (default: exit 0 when one succeeded).")
    ] = False,
    max_mb: Annotated[Optional[float], typer.Option(
        "--max-mb", min=0, help="The most megabytes of one document read as text or a web page; a PDF or a "
                                "word-processor file 8 times that; larger ones fail by name (default: "
                                "$LLM_EXTRACT_MAX_MB or 10; 0: no limit).")] = None,
    max_pages: Annotated[Optional[int], typer.Option(
        "--max-pages", min=0, help="The most pages of one PDF; longer ones fail by name (default: "
                                   "$LLM_EXTRACT_MAX_PAGES or 500; 0: no limit).")] = None,
) -> None:
    """Extract and verify reports into OUT: records, CSV, SQLite, Excel, HTML report, review queue, summary.

    Exit codes:
    0 done (without --strict: at least one document was processed);
    1 no document could be processed;
    2 usage or configuration error (no input files, unusable model settings, a bad limit);
    3 with --strict: some document or model call failed (listed in OUT/summary.json);
    4 another run holds the lock on OUT (OUT/.llm-extract.lock);
    5 the documents were read, but the combined outputs could not be rebuilt (left as they were).
    """
    try:
        limits = InputLimits.from_env(max_mb=max_mb, max_pages=max_pages)
    except ValueError as exc:
        err.print(_styled("red", exc))
        raise typer.Exit(USAGE)
    settings = None
    if llm != "never":
        from .model.config import load_settings

        try:
            settings = load_settings({"model": model, "concurrency": concurrency})
        except ModelConfigError as exc:
            err.print(_styled("red", exc))
            raise typer.Exit(2)
        if model and not settings.is_configured:       # asked for by name: never a quiet deterministic run
            err.print(_styled("red", f"--model {model} needs an endpoint to send it to: set OPENAI_BASE_URL (a "
                                     "local server) or OPENAI_API_KEY (or --llm never for the deterministic path)"))
            raise typer.Exit(2)
    files = iter_inputs(list(paths))
    if not files:
        err.print(_styled("red", f"no input files found in {', '.join(map(str, paths))}"))
        raise typer.Exit(2)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=True) as progress:
        task = progress.add_task("extracting", total=len(files))

        def step(outcome: DocumentOutcome) -> None:
            if not outcome.ok:
                err.print(_styled("yellow", "failed ", outcome.error))
            progress.advance(task)

        try:
            summary = run_batch(list(paths), out, resume=resume, progress=step, llm=llm, model=settings,
                                use_cache=cache, limits=limits)
        except ModelConfigError as exc:
            err.print(_styled("red", exc))
            raise typer.Exit(USAGE)
        except OutputLockedError as exc:
            err.print(_styled("red", exc))
            raise typer.Exit(LOCKED)
    console.print(_summary_table(summary))
    if summary.rebuild_error:
        err.print(_styled("red", "combined outputs not rebuilt: ", summary.rebuild_error), soft_wrap=True)
        err.print(f"every record is in {out}/records/; the next run (or review command) tries again", markup=False,
                  highlight=False)
    raise typer.Exit(exit_code(summary, strict=strict))


@app.command()
def compare(
    out_dir: Annotated[Path, typer.Argument(help="An extract output directory.")],
    golden_dir: Annotated[Path, typer.Argument(help="A directory of golden *.json files.")],
    min_accuracy: Annotated[float, typer.Option(help="Exit 1 when strict field accuracy is below this (0-1).")] = 0.0,
    as_json: Annotated[bool, typer.Option("--json", help="Print the comparison as JSON.")] = False,
) -> None:
    """Strict field accuracy against golden files, and every differing field."""
    try:
        cmp = compare_dirs(out_dir, golden_dir)
    except GoldenError as exc:
        err.print(_styled("red", exc))
        raise typer.Exit(2)
    if as_json:
        console.print_json(dumps(cmp.model_dump(mode="json") | {"accuracy": cmp.accuracy,
                                                                "silent_errors": cmp.silent_errors}))
    else:
        t = Table(title=f"strict field accuracy: {cmp.accuracy:.2%} ({cmp.correct}/{cmp.fields})")
        t.add_column("scope")
        t.add_column("accuracy", justify="right")
        t.add_column("fields", justify="right")
        for name, (ok, n) in cmp.per_table.items():
            _row(t, name, f"{ok / n:.2%}", n)
        for name, (ok, n) in cmp.per_document.items():
            _row(t, name, f"{ok / n:.2%}", n)
        console.print(t)
        if cmp.missing_documents:
            console.print(_styled("red", "no output for: ", ", ".join(cmp.missing_documents)))
        if cmp.differences:
            # one plain line per field, never truncated, easy to grep
            console.print(f"{len(cmp.differences)} differing fields "
                          f"({cmp.silent_errors} not in the review queue):", highlight=False, markup=False)
            for diff in cmp.differences:
                expected = json.dumps(diff.expected, ensure_ascii=False, default=str)
                got = json.dumps(diff.got, ensure_ascii=False, default=str)
                where = ("no record: the document failed" if diff.no_record
                         else "in review queue" if diff.queued else "NOT in review queue")
                console.print(f"  {diff.doc_id}  {diff.path}  expected {expected}  got {got}  ({where})",
                              highlight=False, soft_wrap=True, markup=False)
    if cmp.accuracy < min_accuracy:
        err.print(f"[red]accuracy {cmp.accuracy:.2%} is below --min-accuracy {min_accuracy:.2%}[/red]")
        raise typer.Exit(1)


@app.command()
def verify(
    record_path: Annotated[Path, typer.Argument(help="A record JSON written by extract (possibly edited by hand).")],
) -> None:
    """Re-check a record's identities and statuses; exit 1 when an identity is broken."""
    from verify import verify_report
    from verify.narrative import recheck_narrative

    try:
        record = Record.from_json_dict(read_json(record_path))
    except (OSError, ValueError) as exc:
        err.print(_styled("red", f"{record_path}: cannot read record: {exc}"))
        raise typer.Exit(2)
    # (the narrative too, as every decision re-checks it: a figure the prose states against a cell takes its
    # proof away, which the identities alone would give back)
    checked = recheck_narrative(verify_report(record))
    broken = [f for f in checked.findings if f.severity == "error"]
    counts = checked.status_counts()
    console.print(f"{record_path}: " + ", ".join(f"{v} {k}" for k, v in counts.items() if v), markup=False)
    for f in broken:
        console.print(_styled("red", f.code, f" {f.message}"))
    if broken:
        raise typer.Exit(1)
    console.print("[green]every identity holds[/green]")


@app.command()
def rules() -> None:
    """List every rule code with its description in Chinese and English."""
    import verify.decide  # noqa: F401  (registers the codes)
    from verify.rules import RULES

    t = Table(title="rules")
    for col in ("code", "中文", "English"):
        t.add_column(col)
    for code in sorted(RULES):
        r = RULES[code]
        _row(t, r.code, r.zh, r.en)
    console.print(t)


def _value(v: object) -> str:
    return json.dumps(v, ensure_ascii=False, default=str)


def _store(out_dir: Path, *, rebuild_later: bool = False) -> "ReviewStore":
    """The review store of ``out_dir``, its combined outputs (the queue file among them) brought up to date first
    when a run or a review page was killed before it rebuilt them (the queue would offer items decided since)."""
    from .rebuild import outputs_current
    from .review_store import ReviewStore

    try:
        store = ReviewStore(out_dir, rebuild_later=rebuild_later)
    except FileNotFoundError as exc:
        err.print(str(exc), markup=False)
        raise typer.Exit(2)
    if not outputs_current(store.out):
        err.print("the combined outputs (the review queue among them) do not hold every record and decision "
                  f"in {out_dir} yet: rebuilding them first…", markup=False, highlight=False, soft_wrap=True)
        try:
            store.rebuild_now()
        except (OutputLockedError, RebuildError) as exc:
            err.print(f"{exc}\nthe queue is shown as last rebuilt, without the decisions made since", markup=False,
                      highlight=False, soft_wrap=True)
    return store


def _filters(store: "ReviewStore", doc: str | None, status: str | None,
             table: str | None) -> tuple[str | None, str | None]:
    """The queue filters as the queue spells them (:meth:`ReviewStore.filters`); exit 2 naming what is allowed."""
    from .review_store import UnknownFilter

    try:
        return store.filters(doc=doc, status=status, table=table)
    except UnknownFilter as exc:
        err.print(str(exc), markup=False)
        raise typer.Exit(2)


@app.command()
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


@app.command()
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
    from .review_store import DecisionRequest, InvalidDecision, requests_from_csv

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


@app.command()
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


@app.command()
def serve(
    out_dir: Annotated[Path, typer.Argument(help="An extract output directory.")],
    port: Annotated[int, typer.Option(help="Port.")] = 8765,
    host: Annotated[str, typer.Option(help="Address to listen on (default: this machine only).")] = "127.0.0.1",
) -> None:
    """A local review web page: documents, tables coloured by status, keyboard-driven decisions."""
    from .web import serve as run_server

    store = _store(out_dir, rebuild_later=True)   # (brought up to date first: a run or a page killed before it rebuilt)
    console.print(f"review page: http://{host}:{port}/  (Ctrl-C to stop)", markup=False, highlight=False)
    run_server(store, host=host, port=port)
    if store.later is not None and store.later.pending():
        console.print("bringing the combined outputs up to date with the last decisions… (Ctrl-C again to stop "
                      "now: the decisions are kept either way)", markup=False, highlight=False)
    try:
        store.flush()
    except KeyboardInterrupt:
        err.print(f"stopped before the combined outputs were rebuilt: every decision is in {out_dir}/decisions.jsonl "
                  "and its document's record; the next `llm-extract extract` or `serve` on it rebuilds them",
                  markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(130)


@app.command("update-golden")
def update_golden(
    out_dir: Annotated[Path, typer.Argument(help="An extract output directory.")],
    golden_dir: Annotated[Path, typer.Argument(help="The golden directory to write into.")],
    doc: Annotated[list[str], typer.Option("--doc", help="Document id to (re)write; repeat for several.")],
    allow_unproven: Annotated[bool, typer.Option(help="Write even when fields are not proven.")] = False,
) -> None:
    """Rewrite golden files from reviewed records: the only way golden files change.

    Prints every field that changes. Refuses records with fields neither proven nor reviewed
    unless --allow-unproven (golden files are data, reviewed like code).
    """
    try:
        records, _ = load_output_dir(out_dir, only=set(doc))
    except GoldenError as exc:
        err.print(_styled("red", exc))
        raise typer.Exit(2)
    for doc_id in doc:
        rec = records.get(doc_id)
        if rec is None:
            err.print(_styled("red", f"{doc_id}: no record in {out_dir}"))
            raise typer.Exit(2)
        # a reviewed field is what the refusal asks for ("review them"): as good as proven here
        unproven = {k: v for k, v in rec.get("status_counts", {}).items() if k not in ("proven", "reviewed") and v}
        if unproven and not allow_unproven:
            err.print(_styled("red", f"{doc_id}: fields not proven ({unproven}); review them or pass --allow-unproven"))
            raise typer.Exit(1)
        path = golden_dir / f"{doc_id}.json"
        previous = read_json(path) if path.exists() else None
        new = golden_from_record(rec, previous)
        if previous is not None:
            _, diffs = compare_values(doc_id, previous, new)
            for d in diffs:
                console.print(f"{doc_id}  {d.path}: {d.expected!r} → {d.got!r}", highlight=False, markup=False)
        write_json(path, new, indent=2, sync=True)     # golden files are read and diffed by people
        console.print(f"wrote {path}", markup=False)


def main() -> None:  # console-script entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
