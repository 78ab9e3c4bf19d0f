"""The combined outputs of an output directory, rebuilt from its record files in one pass.

:func:`open_exports` opens every combined file; :meth:`Exports.add` takes one record
(and its review items) at a time, or :meth:`Exports.add_fragment` its part of every output
already rendered (:mod:`.fragment`, in a worker process), so memory does not grow with the batch; leaving the
block without an error moves every file into place (each is finished in a temporary
file beside its target before any is renamed), an error leaves the previous files untouched:

    OUT/records.jsonl        records without per-field provenance (export/jsonl.py)
    OUT/review_queue.jsonl   one line per review item
    OUT/records.csv          wide: one row per document, value and status per field
    OUT/fields.csv           long: one row per field
    OUT/records.sqlite       documents, fields, findings, review_items, decisions, indicators
    OUT/records.xlsx         表二, 表三, 表四, indicators, review queue
    OUT/report.html          summary, charts, every document's tables
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..agency_years import CONFLICT
from ..analysis import Rollup, RollUp
from ..decisions import DECISIONS_FILE, load_decisions
from ..outputs import FAILED_DIR, atomic_open, jsonl_lines, read_json
from .csv_tables import FieldsCsv, RecordsCsv
from .fragment import Fragment, render_fragment
from .html import HtmlReport
from .sqlite import SqliteWriter
from .workbook_process import InlineWorkbook, WorkbookProcess

Workbook = InlineWorkbook | WorkbookProcess

__all__ = ["Exports", "open_exports", "OUTPUT_FILES", "Fragment", "render_fragment"]

OUTPUT_FILES = ("records.jsonl", "review_queue.jsonl", "records.csv", "fields.csv", "records.sqlite",
                "records.xlsx", "report.html")


def _decisions(out: Path) -> list[dict[str, Any]]:
    """Every decision on file, in order (a torn last line is skipped)."""
    path = out / DECISIONS_FILE
    rows = []
    if path.exists():
        for line in jsonl_lines(path.read_text(encoding="utf-8")):
            try:
                rows.append(json.loads(line, parse_float=Decimal))
            except ValueError:
                continue
    return rows


class Exports:
    """The combined outputs, open: :meth:`add` or :meth:`add_fragment` each document, then :meth:`finish`."""

    def __init__(self, out: Path, stack: ExitStack, *, workbook_process: bool = False) -> None:
        self.out = out
        # first, so that the workbook process (forked) holds none of the other files
        self.xlsx: Workbook = (WorkbookProcess if workbook_process else InlineWorkbook)(out / "records.xlsx")
        try:
            # written as bytes (a fragment's parts arrive encoded): through the binary buffer of each
            # atomic file, whose text layer is never written to
            self.jsonl = stack.enter_context(atomic_open(out / "records.jsonl")).buffer
            self.queue = stack.enter_context(atomic_open(out / "review_queue.jsonl")).buffer
            self.records_csv = RecordsCsv(stack.enter_context(atomic_open(out / "records.csv")).buffer)
            self.fields_csv = FieldsCsv(stack.enter_context(atomic_open(out / "fields.csv")).buffer)
            self.sqlite = SqliteWriter(out / "records.sqlite")
            self.html = HtmlReport(out / "report.html")
        except BaseException:
            self.xlsx.abort()
            raise
        self.by_year, self.by_agency = RollUp("year"), RollUp("agency")   # summed as documents stream by
        self.fields: Counter[str] = Counter()
        self.rules: Counter[str] = Counter()
        self.ok = self.queued = 0

    def add(self, rec: dict[str, Any], review: list[dict[str, Any]]) -> None:
        """One record (findings merged, ``review`` popped) into every combined output."""
        self.add_fragment(render_fragment(rec, review))

    def add_fragment(self, frag: Fragment) -> None:
        """One document's part of every output, rendered (in a worker process) by :func:`render_fragment`."""
        self.jsonl.write(frag.jsonl)
        self.queue.write(frag.queue)
        self.records_csv.add_text(frag.records_csv)
        self.fields_csv.add_text(frag.fields_csv)
        self.sqlite.add_rows(frag.sql)
        self.xlsx.add_packed(frag.xlsx)
        self.html.add_section(frag.doc_id, frag.html, frag.indicators)
        # a copy or a superseded report of an agency-year is not summed; a conflicting one counts as excluded
        summed, conflict = frag.rollup_role == "counts", frag.rollup_role == CONFLICT
        self.by_year.add(frag.year, frag.indicators, group_trusted=frag.year_trusted and not conflict,
                         summed=summed or conflict, note=frag.rollup_note)
        self.by_agency.add(frag.agency, frag.indicators, group_trusted=frag.agency_trusted and not conflict,
                           summed=summed or conflict, note=frag.rollup_note)
        self.ok += 1
        self.queued += frag.queued
        self.fields.update(frag.field_statuses)
        self.rules.update(frag.rules)

    def finish(self) -> None:
        """Write what needs the whole batch, then move every file into place."""
        failures = _failures(self.out)
        for failure in failures:
            self.records_csv.add_failed(failure)
            self.sqlite.add_failed(failure)
            self.xlsx.add_failed(failure)
        decisions = _decisions(self.out)
        self.sqlite.add_decisions(decisions)
        rollups: list[Rollup] = self.by_year.result() + self.by_agency.result()
        self.sqlite.add_rollups(rollups)
        self.xlsx.add_rollups(rollups)
        # the decisions in force (as summary.json counts them): not the log's lines, which hold every undo
        # and every decision taken back or replaced since (all of them are in records.sqlite's decisions)
        summary = {"documents": self.ok + len(failures), "ok": self.ok, "failed": len(failures),
                   "queued": self.queued, "decisions": len(load_decisions(self.out)) if decisions else 0,
                   "decision_lines": len(decisions), "fields": dict(self.fields),
                   "rules": dict(sorted(self.rules.items()))}
        staged: list[tuple[Path, Path]] = []
        self.xlsx.start_staging()      # its process closes and zips the workbook while this one finishes the others
        try:   # every file finished beside its target before any target is replaced
            staged.append((self.html.stage(summary, failures, rollups), self.out / "report.html"))
            staged.append((self.sqlite.stage(), self.out / "records.sqlite"))
            staged.append((self.xlsx.stage(), self.out / "records.xlsx"))
        except BaseException:
            for tmp, _ in staged:
                tmp.unlink(missing_ok=True)
            raise
        for tmp, target in staged:
            os.chmod(tmp, 0o644)
            os.replace(tmp, target)

    def abort(self) -> None:
        self.sqlite.abort()
        self.html.abort()
        self.xlsx.abort()


def _failures(out: Path) -> list[dict[str, Any]]:
    failures = []
    for p in sorted((out / FAILED_DIR).glob("*.json")) if (out / FAILED_DIR).is_dir() else []:
        try:
            failure = read_json(p)
        except (OSError, ValueError):
            continue
        failure.setdefault("doc_id", p.stem)
        failures.append(failure)
    return failures


@contextmanager
def open_exports(out_dir: str | Path, *, workbook_process: bool = False) -> Iterator[Exports]:
    """Every combined output of ``out_dir``, in place when the block ends without an error;
    ``workbook_process``: records.xlsx is written in a process of its own (:mod:`.workbook_process`)."""
    out = Path(out_dir)
    with ExitStack() as stack:
        exports = Exports(out, stack, workbook_process=workbook_process)
        try:
            yield exports
            exports.finish()
        except BaseException:
            exports.abort()
            raise
