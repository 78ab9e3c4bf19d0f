"""A number alone on a line under a row printed several cells to a line explains no break on its own.

PDF text of a report whose row prints a placeholder (``0 0 0 - 0 0 0``) with a page's number alone on the
line below (``3``): read as the row's last cell, it breaks the row's sum. One misprinted cell would explain
the break and prove the rest (verify/misprint.py), but a cell from a line none of its row's other cells
stand on may be no cell of the row, and the row's other cells may have slid: the row stays disputed.
"""

from __future__ import annotations

import re

from llm_extract.evidence import CellKind, Reading, Status
from llm_extract.ingest import Document
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICANT_COLUMNS, Report
from llm_extract.synth import render
from verify.misprint import apart_from_its_row

ROW = "denied_prohibited_by_law"


def test_a_row_read_with_a_number_from_a_line_of_its_own_is_not_proven_by_a_lone_misprint(golden_dir) -> None:
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    report = Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields})
    assert [report.get(f"applications.{ROW}.{c}") for c in APPLICANT_COLUMNS] == [0] * 7
    text = render(report, "pdftext")
    text, n = re.subn(r"^(2\.其他法律行政法规禁止公开)\s.*$", r"\1\n0 0 0 - 0 0 0\n3", text, count=1, flags=re.M)
    assert n == 1
    record = process_document(Document.from_text(text, doc_id="x"))
    for c in APPLICANT_COLUMNS:
        assert record.provenance[f"applications.{ROW}.{c}"].status is not Status.PROVEN, c


def _r(*lines: int) -> Reading:
    return Reading(0, CellKind.ZERO, "0", list(lines), "cells-after-label")


def test_what_stands_apart_from_its_row() -> None:
    row = [f"applications.{ROW}.{c}" for c in APPLICANT_COLUMNS]
    several = {p: _r(10, 12) for p in row[:-1]} | {row[-1]: _r(10, 13)}     # six on line 12, the total on 13
    assert apart_from_its_row(row[-1], several) and not apart_from_its_row(row[0], several)
    per_line = {p: _r(10, 11 + i) for i, p in enumerate(row)}                # a cell per line: none apart
    assert not any(apart_from_its_row(p, per_line) for p in row)
    one_line = {p: _r(10) for p in row}
    assert not any(apart_from_its_row(p, one_line) for p in row)
