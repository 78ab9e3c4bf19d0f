"""A number alone on a line under a row printed several cells to a line explains no break on its own.

PDF text of a report whose row lost a cell (``0 0 0 0 0 0``) with a page's number alone on the line below
(``3``): read as the row's last cell, it breaks the row's sum. One misprinted cell would explain
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
    text, n = re.subn(r"^(2\.其他法律行政法规禁止公开)\s.*$", r"\1\n0 0 0 0 0 0\n3", text, count=1, flags=re.M)
    assert n == 1
    record = process_document(Document.from_text(text, doc_id="x"))
    for c in APPLICANT_COLUMNS:
        assert record.provenance[f"applications.{ROW}.{c}"].status is not Status.PROVEN, c


def test_a_row_of_seven_cells_on_its_line_is_read_as_printed_whatever_stands_below(golden_dir) -> None:
    """``0 0 0 - 0 0 0`` and a page's number below: the seven cells are the line's, the placeholder one of them
    (never the six numbers and the page's number)."""
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    report = Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields})
    text = render(report, "pdftext")
    text, n = re.subn(r"^(2\.其他法律行政法规禁止公开)\s.*$", r"\1\n0 0 0 - 0 0 0\n3", text, count=1, flags=re.M)
    assert n == 1
    record = process_document(Document.from_text(text, doc_id="x"))
    cells = [record.report.get(f"applications.{ROW}.{c}") for c in APPLICANT_COLUMNS]
    assert cells == [0, 0, 0, None, 0, 0, 0]


def test_a_row_read_a_cell_to_a_line_ends_where_other_text_stands(golden_dir) -> None:
    """pdftotext's default mode, a cell to a line: ``0 0 - 0 0 0 0``, then pieces of a group's title the tool
    moved there, then a ``2``. The seven cells are the row's, the placeholder among them; the ``2`` is not."""
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    report = Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields})
    text = render(report, "cells").replace("\t", "")
    cells = "\n\n".join(["0", "0", "-", "0", "0", "0", "0", "（三）不\n予公开", "2"])
    text, n = re.subn(r"^(四、结转下年度继续办理)\n(0\n){7}", lambda m: f"{m[1]}\n\n{cells}\n", text, count=1, flags=re.M)
    assert n == 1
    record = process_document(Document.from_text(text, doc_id="x"))
    assert [record.report.get(f"applications.carried_forward.{c}") for c in APPLICANT_COLUMNS] == [0, 0, None, 0, 0, 0, 0]


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
