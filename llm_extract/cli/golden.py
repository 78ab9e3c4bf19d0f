"""The commands about golden files: ``compare`` (strict field accuracy against them) and ``update-golden`` (the
only way they change)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from .._exceptions import GoldenError
from ..evidence import TRUSTED_STATUSES
from ..compare import compare_dirs, compare_values, golden_from_record, load_output_dir
from ..outputs import RECORDS_DIR, dumps, read_json, write_json
from .console import console, err, row, styled

__all__ = ["compare", "update_golden"]


def compare(
    out_dir: Annotated[Path, typer.Argument(help="An extract output directory.")],
    golden_dir: Annotated[Path, typer.Argument(help="A directory of golden *.json files.")],
    min_accuracy: Annotated[float, typer.Option(help="Exit 1 when strict field accuracy is below this (0-1).")] = 0.0,
    as_json: Annotated[bool, typer.Option("--json", help="Print the comparison as JSON.")] = False,
) -> None:
    """Strict field accuracy against golden files, and every differing field."""
    if (out_dir / RECORDS_DIR).is_dir():    # the queue as the records make it now: stale outputs rebuilt first
        from ..review_store import ReviewStore
        from .reviewing import up_to_date

        up_to_date(ReviewStore(out_dir), "whether a field is in the review queue is read from the records; "
                                         "cross-year and roll-up findings as last rebuilt")
    try:
        cmp = compare_dirs(out_dir, golden_dir)
    except GoldenError as exc:
        err.print(styled("red", exc))
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
            row(t, name, f"{ok / n:.2%}", n)
        for name, (ok, n) in cmp.per_document.items():
            row(t, name, f"{ok / n:.2%}", n)
        console.print(t)
        if cmp.missing_documents:
            console.print(styled("red", "no output for: ", ", ".join(cmp.missing_documents)))
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


def update_golden(
    out_dir: Annotated[Path, typer.Argument(help="An extract output directory.")],
    golden_dir: Annotated[Path, typer.Argument(help="The golden directory to write into.")],
    doc: Annotated[list[str], typer.Option("--doc", help="Document id to (re)write; repeat for several.")],
    allow_unproven: Annotated[bool, typer.Option(help="Write even when fields are not proven.")] = False,
) -> None:
    """Rewrite golden files from reviewed records: the only way golden files change.

    Prints every field that changes. Refuses records with fields neither proven, pinned nor reviewed
    unless --allow-unproven (golden files are data, reviewed like code).
    """
    try:
        records, _ = load_output_dir(out_dir, only=set(doc))
    except GoldenError as exc:
        err.print(styled("red", exc))
        raise typer.Exit(2)
    for doc_id in doc:
        rec = records.get(doc_id)
        if rec is None:
            err.print(styled("red", f"{doc_id}: no record in {out_dir}"))
            raise typer.Exit(2)
        # a reviewed field is what the refusal asks for ("review them"): as good as proven here (so is a pinned one)
        unproven = {k: v for k, v in rec.get("status_counts", {}).items() if k not in TRUSTED_STATUSES and v}
        if unproven and not allow_unproven:
            err.print(styled("red", f"{doc_id}: fields not proven ({unproven}); review them or pass --allow-unproven"))
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
