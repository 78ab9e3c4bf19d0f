"""``llm-extract extract``: read a batch of reports into OUT, with a progress bar and a summary table."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from .._exceptions import ModelConfigError
from ..evidence import TRUSTED_STATUSES
from ..exitcodes import LOCKED, USAGE, exit_code
from ..runlock import OutputLockedError
from .console import console, err, row, styled

if TYPE_CHECKING:       # (the reader is imported when a run starts: ``--help`` and the other commands start quickly)
    from ..pipeline import DocumentOutcome, RunSummary

__all__ = ["extract", "summary_table"]


def summary_table(summary: RunSummary) -> Table:
    """The table printed at the end of a run: documents, fields, the review queue, the model stage, time."""
    t = Table(title="llm-extract run", show_header=False)
    row(t, "documents", f"{summary.documents} ({summary.ok} ok, {summary.failed} failed"
             + (f", {summary.resumed} resumed from an earlier run" if summary.resumed else "") + ")")
    if summary.skipped:
        row(t, "skipped", f"{len(summary.skipped)} files that are not documents (listed in summary.json: "
                          + ", ".join(sorted({s['reason'] for s in summary.skipped})) + ")")
    fields = summary.fields
    queued_fields = sum(v for k, v in fields.items() if k not in TRUSTED_STATUSES)
    reviewed = f"{fields['reviewed']} reviewed, " if fields.get("reviewed") else ""   # decided by a person
    pinned = f"{fields['pinned']} pinned, " if fields.get("pinned") else ""    # by identities of proven cells
    row(t, "fields", f"{fields.get('proven', 0)} proven, {pinned}{reviewed}{fields.get('derived', 0)} derived, "
                       f"{queued_fields} queued for review")
    row(t, "review queue", f"{summary.queued} items → {Path(summary.out_dir) / 'review_queue.jsonl'}")
    row(t, "open", f"{Path(summary.out_dir) / 'report.html'} (also records.xlsx, records.sqlite, fields.csv)")
    if summary.rules:
        row(t, "findings", ", ".join(f"{k}×{v}" for k, v in summary.rules.items()))
    row(t, "language model", f"{summary.llm.get('mode')}: {summary.llm.get('reason', '')}")
    if "calls" in summary.llm:
        llm = summary.llm
        row(t, "model calls", f"{llm['calls']} calls for {llm.get('routed_to_model', 0)} documents "
                 f"({llm.get('cache_hits', 0)} answered from cache, {len(llm.get('failed', []))} failed); "
                 f"{llm.get('input_tokens', 0)} input + {llm.get('output_tokens', 0)} output tokens"
                 + (f" (the endpoint reported no token usage for {n} documents: not counted)"
                    if (n := llm.get("usage_unreported")) else ""))
        if llm.get("stopped"):
            row(t, "model stage stopped", llm["stopped"])
    row(t, "time", f"{summary.seconds:.2f} s")
    return t


def extract(
    paths: Annotated[list[Path], typer.Argument(help="Report files or directories (searched recursively).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output directory.")] = Path("out"),
    resume: Annotated[bool, typer.Option(help="Skip documents whose record in OUT matches the input.")] = True,
    llm: Annotated[Optional[str], typer.Option(
        "--llm", help="never | auto (only documents with a field not proven or pinned) | always. "
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
    from ..ingest import InputLimits, iter_inputs
    from ..pipeline import run_batch

    try:
        limits = InputLimits.from_env(max_mb=max_mb, max_pages=max_pages)
    except ValueError as exc:
        err.print(styled("red", exc))
        raise typer.Exit(USAGE)
    settings = None
    if llm != "never":
        from ..model.config import load_settings

        try:
            settings = load_settings({"model": model, "concurrency": concurrency})
        except ModelConfigError as exc:
            err.print(styled("red", exc))
            raise typer.Exit(2)
        if model and not settings.is_configured:       # asked for by name: never a quiet deterministic run
            err.print(styled("red", f"--model {model} needs an endpoint to send it to: set OPENAI_BASE_URL (a "
                                     "local server) or OPENAI_API_KEY (or --llm never for the deterministic path)"))
            raise typer.Exit(2)
    files = iter_inputs(list(paths))
    if not files:
        err.print(styled("red", f"no input files found in {', '.join(map(str, paths))}"))
        raise typer.Exit(2)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=True) as progress:
        task = progress.add_task("extracting", total=len(files))

        def step(outcome: DocumentOutcome) -> None:
            if not outcome.ok:
                err.print(styled("yellow", "failed ", outcome.error))
            progress.advance(task)

        try:
            summary = run_batch(list(paths), out, resume=resume, progress=step, llm=llm, model=settings,
                                use_cache=cache, limits=limits)
        except ModelConfigError as exc:
            err.print(styled("red", exc))
            raise typer.Exit(USAGE)
        except OutputLockedError as exc:
            err.print(styled("red", exc))
            raise typer.Exit(LOCKED)
    console.print(summary_table(summary))
    if summary.rebuild_error:
        err.print(styled("red", "combined outputs not rebuilt: ", summary.rebuild_error), soft_wrap=True)
        err.print(f"every record is in {out}/records/; the next run (or review command) tries again", markup=False,
                  highlight=False)
    raise typer.Exit(exit_code(summary, strict=strict))
