"""A 表二 row of a fixed-width text whose numbers stand unevenly: a single space after a ``0`` parts two cells.

pdftotext prints a row's cells columns apart, but narrow columns may leave one space between two numbers
(``规章    0 5   154``). One space may also part one number's runs (``13 0`` for 130, a cell lost without a
trace), so a row that holds such a gap among wide ones is read, never proven (READ.UNEVEN_LINES). A ``0``
before the space is no number's first run, for no count goes on after a leading 0: ``0 5`` is two cells.
"""

from __future__ import annotations

import re

import pytest

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document
from llm_extract.schema import Report
from llm_extract.synth import render


def _record(golden_dir, row: str):
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    report = Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields})
    text, n = re.subn(r"(?m)^规章 .*$", row, render(report, "pdftext"))
    assert n == 1
    return process_document(Document.from_text(text, doc_id="x"))


@pytest.mark.parametrize("row,cells", [("规章    0 5   154", (0, 5, 154)), ("规章    7   0 5", (7, 0, 5)),
                                       ("规章    ０ ５   １５４", (0, 5, 154))])
def test_a_zero_and_a_space_before_a_number_are_two_cells_proven(golden_dir, row, cells) -> None:
    record = _record(golden_dir, row)
    for c, value in zip(("issued", "repealed", "in_force"), cells):
        path = f"active_disclosure.regulations.{c}"
        assert record.report.get(path) == value, path
        assert record.provenance[path].status is Status.PROVEN, (path, record.provenance[path].note)


@pytest.mark.parametrize("row", ["规章    1 5   154", "规章    7   13 0", "规章    0 1 5   154"])
def test_a_number_and_a_space_before_another_stay_unproven(golden_dir, row) -> None:
    """``1 5`` may be 15 parted at a space (and ``13 0`` 130), a cell lost without a trace."""
    record = _record(golden_dir, row)
    statuses = {record.provenance[f"active_disclosure.regulations.{c}"].status for c in ("issued", "repealed", "in_force")}
    assert Status.PROVEN not in statuses
