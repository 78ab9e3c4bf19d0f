"""An OCR engine drops digits: tesseract read a 表四 group's ``1`` (尚未审结) and its total ``1`` as nothing, and
the group's one identity (0 + 0 + 0 + blank = blank) still held, so the empty cells came out proven. In an OCR'd
text a 表四 cell holding nothing is never proven (``READ.OCR_BLANK``); the same text typed proves it empty. So is a 表三
cell: a dropped 0 breaks no identity (a blank counts as 0 in them)."""

from __future__ import annotations

import json

import pytest

from llm_extract.evidence import Status
from llm_extract.ingest import load_bytes
from llm_extract.pipeline import process_document
from llm_extract.schema import Report
from llm_extract.synth import render
from tests.fixtures.ingest.tool_outputs import ocr_spaced

#: 表四: a group's 尚未审结 and its total dropped (the group's one identity still holds);
#: 表三: three 0 cells of one column dropped, one above the other: each has a blank beside it (not an isolated
#: blank, verify/blanks.py), and every identity holds. Each with a printed cell its identities still prove.
CASES = {
    "表四": (("review_litigation.litigation_after_review.pending", "review_litigation.litigation_after_review.total"),
            "review_litigation.litigation_after_review.upheld"),
    "表三": (("applications.other_other.research", "applications.total_processed.research",
             "applications.carried_forward.research"), "applications.total_processed.total"),
}


def _text(golden_dir, emptied: tuple[str, ...]) -> str:
    data = json.loads((golden_dir / "003_d677def7845cc038.json").read_text(encoding="utf-8"))
    for path in emptied:
        table, row, cell = path.split(".")
        data[table][row][cell] = None
    return render(Report.model_validate({k: v for k, v in data.items() if k in Report.model_fields}), "cells")


@pytest.mark.parametrize("table", CASES)
def test_an_empty_cell_of_ocr_text_is_not_proven(golden_dir, table: str) -> None:
    emptied, printed = CASES[table]
    record = process_document(load_bytes(ocr_spaced(_text(golden_dir, emptied)).encode("utf-8"), doc_id="ocr"))
    assert "INGEST.OCR_SPACING" in {f.code for f in record.findings}
    for path in emptied:
        prov = record.provenance[path]
        assert record.report.get(path) is None
        assert prov.status is Status.UNVERIFIED and "READ.OCR_BLANK" in prov.rules, path
    assert record.provenance[printed].status is Status.PROVEN


@pytest.mark.parametrize("table", CASES)
def test_the_same_empty_cells_typed_are_proven_empty(golden_dir, table: str) -> None:
    emptied, _ = CASES[table]
    record = process_document(load_bytes(_text(golden_dir, emptied).encode("utf-8"), doc_id="typed"))
    for path in emptied:
        assert record.report.get(path) is None and record.provenance[path].status is Status.PROVEN, path


def _with_slashes(golden_dir, paths: tuple[str, ...]) -> str:
    """The report as a crawler's cell-a-line text with the cells of ``paths`` (each 0 in the report) printed ``/``."""
    data = json.loads((golden_dir / "003_d677def7845cc038.json").read_text(encoding="utf-8"))
    marks = {}
    for k, path in enumerate(paths):
        table, row, cell = path.split(".")
        assert data[table][row][cell] == 0
        data[table][row][cell] = marks.setdefault(path, 987650 + k)
    text = render(Report.model_validate({k: v for k, v in data.items() if k in Report.model_fields}), "cells")
    for mark in marks.values():
        text = text.replace(str(mark), "/")
    return text


def test_a_lone_slash_of_ocr_text_is_not_proven_blank(golden_dir) -> None:
    """scan19: RapidOCR read (七)总计's 0 as ``/`` on a noisy scan, the column's sums holding with a blank, and the cell
    came out proven blank. A table printing one or two slashes among its numbers: each is unverified in OCR text."""
    path = "applications.total_processed.social_org"
    record = process_document(load_bytes(ocr_spaced(_with_slashes(golden_dir, (path,))).encode("utf-8"), doc_id="ocr"))
    assert "INGEST.OCR_SPACING" in {f.code for f in record.findings}
    prov = record.provenance[path]
    assert prov.status is Status.UNVERIFIED and "READ.OCR_BLANK" in prov.rules


def test_slashes_a_report_marks_its_blanks_with_stay_as_their_identities_say(golden_dir) -> None:
    """A table printing many slashes marks its blanks so: they are its own mark, kept as before."""
    paths = tuple(f"applications.{row}.social_org" for row in ("new_received", "granted", "total_processed",
                                                                "carried_forward"))
    record = process_document(load_bytes(ocr_spaced(_with_slashes(golden_dir, paths)).encode("utf-8"), doc_id="ocr"))
    for path in paths:
        assert "READ.OCR_BLANK" not in record.provenance[path].rules, path
    typed = process_document(load_bytes(_with_slashes(golden_dir, paths[2:3]).encode("utf-8"), doc_id="typed"))
    assert typed.provenance[paths[2]].status is Status.PROVEN         # (typed text: a slash is a slash)
