"""表四 of zeros and blanks in a PDF text that drops empty cells (pdfplumber, pypdf, PyMuPDF, ``pdftotext``):
thirteen 0s for fifteen cells. Every cell is 0 or blank, and a blank counts 0 in every identity; where the two
blanks stood is not known. Each cell is derived 0, queued, never proven. Where a printed number is not 0,
nothing is derived from the count: the numbers' places are not known."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import REVIEW_COLUMNS, REVIEW_GROUPS

_T4 = [f"review_litigation.{g}.{c}" for g in REVIEW_GROUPS for c in REVIEW_COLUMNS]


def _text(printed: str) -> tuple[str, dict]:
    """A report (tests/fakeopenai.py) whose 表四 row prints ``printed`` (its empty cells dropped)."""
    from tests.fakeopenai import report_text, sample_values

    values = sample_values()
    text = report_text(values)
    header = "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n"
    start = text.index(header) + len(header)
    end = text.index("\n", start)
    return text[:start] + printed + text[end:], values


def test_thirteen_zeros_for_fifteen_cells_are_each_derived_zero_never_proven() -> None:
    text, _ = _text("\t".join(["0"] * 13))
    record = process_document(Document.from_text(text, doc_id="t"))
    got = record.report.values()
    assert [got[p] for p in _T4] == [0] * 15
    assert {record.provenance[p].status for p in _T4} == {Status.DERIVED}


def test_thirteen_numbers_one_not_zero_derive_nothing_from_the_count() -> None:
    text, _ = _text("\t".join(["0"] * 4 + ["1", "1"] + ["0"] * 7))
    record = process_document(Document.from_text(text, doc_id="t"))
    assert all(record.provenance[p].status is not Status.PROVEN for p in _T4)
    assert not all(record.report.values()[p] == 0 for p in _T4)
