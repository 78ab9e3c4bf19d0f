"""PyMuPDF's text of a PDF, pages one after another, a cell to a line: a page's bare number (``2``) stands among
表三's cells where the page ends, an eighth number after a row's seven (``1 0 0 0 0 0 1`` / ``2``; read as the last
seven, ``0 0 0 0 0 1 2``, the row's total breaks). The seven keep the row's total, the next
row reads seven of its own: the eighth is nobody's, and the row is read (and proven by the identities)."""

from __future__ import annotations

from pathlib import Path

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICANT_COLUMNS, Report
from llm_extract.synth import render

_ROW = "denied_process_info"            # 6.属于四类过程性信息: 1 0 0 0 0 0 1 in golden/003


def _report(golden_dir: Path) -> Report:
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    return Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields})


def _pymupdf_lines(report: Report) -> list[str]:
    """The report a cell to a line, no tabs and no empty lines (PyMuPDF's ``get_text()`` of a ruled table)."""
    return [line.strip() for line in render(report, "cells").split("\n") if line.strip()]


def _with_page_number_after(lines: list[str], label: str) -> str:
    at = lines.index(label)
    lines.insert(at + 8, "2")          # page 2's foot, after the row's seven cells, before the next row's label
    return "\n".join(lines + ["3"])


def test_a_pages_number_after_a_rows_seven_cells_is_nobodys(golden_dir: Path) -> None:
    # (``1 0 0 0 0 0 1`` / ``1`` would hold either way, and is left to the identities)
    report = _report(golden_dir)
    text = _with_page_number_after(_pymupdf_lines(report), "6.属于四类过程性信息")
    record = process_document(Document.from_text(text, doc_id="p"))
    for c in APPLICANT_COLUMNS:
        path = f"applications.{_ROW}.{c}"
        assert record.report.get(path) == report.get(path), path
        assert record.provenance[path].status is Status.PROVEN, path


def test_an_eighth_number_the_next_row_may_need_is_not_dropped(golden_dir: Path) -> None:
    """The next row prints six numbers: the eighth may be its first, so neither row is read by dropping it."""
    report = _report(golden_dir)
    lines = _pymupdf_lines(report)
    nxt = lines.index("7.属于行政执法案卷")
    del lines[nxt + 1]                 # the next row's first cell, lost
    text = _with_page_number_after(lines, "6.属于四类过程性信息")
    record = process_document(Document.from_text(text, doc_id="p"))
    for c in APPLICANT_COLUMNS:
        path = f"applications.{_ROW}.{c}"
        assert record.report.get(path) == report.get(path) or record.provenance[path].status is not Status.PROVEN, path
