"""A table printing some rows' numbers above their labels and others on their labels' lines (extract/direction.py).

A PDF text of a Word table whose wrapped labels sit lower than their cells prints a two-line label's numbers
above it, a one-line label's beside it. A blank row printed with a one-line label then has a line of numbers
under it, the next row's: read from below, it takes them, and every row after it the next one's, down to
the next row printed beside its label. Rows shifted inside 表三's outcomes keep every identity, so no
identity tells: those rows are read, never proven (``READ.ABOVE_OR_BELOW``). Numbers under a group's heading
(（三）不予公开 / numbers / 1.属于国家秘密) or under a piece of the row's own wrapped label are no sign of it.
"""

from __future__ import annotations

from llm_extract.evidence import Method, Status
from llm_extract.ingest import load
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE3_PATHS
from tests.block_fixtures import LAYOUTS_DIR, proven_wrong


def _record(name: str):
    return process_document(load(LAYOUTS_DIR / f"{name}.txt"))


def test_a_blank_row_among_rows_printed_above_their_labels_shifts_no_row_into_a_proof() -> None:
    name = "wrapped_pdf_numbers_above_and_beside_labels"
    text = (LAYOUTS_DIR / f"{name}.txt").read_text(encoding="utf-8")
    assert "554\t0\t11\t0\t0\t5\t570\n一、本年新收政府\n" in text          # a row's numbers above its label
    assert "２．其他法律行政止公开\n0\t0\t0\t0\t0\t0\t0\n３．危及“三" in text   # a blank row, the next row's numbers
    record = _record(name)
    assert proven_wrong(record, name) == []
    for path in [p for p in TABLE3_PATHS if ".denied_prohibited_by_law." in p or ".denied_third_party." in p]:
        assert record.provenance[path].status is not Status.PROVEN, path


def _either_way(record) -> list[str]:
    return [p for p in TABLE3_PATHS if record.provenance[p].method == Method.CELLS_ABOVE_OR_BELOW]


def test_numbers_under_a_group_heading_are_no_sign_of_numbers_printed_above_labels() -> None:
    # pandoc's plain text: each row's numbers on the line under its label; （三）不予公开's first row under the
    # heading, its numbers between the heading and its label
    name = "pandoc_plainwide_group_heading_over_numbers"
    record = _record(name)
    assert _either_way(record) == [] and proven_wrong(record, name) == []


def test_numbers_under_pieces_of_labels_run_together_are_no_sign_of_numbers_printed_above_labels() -> None:
    # pdfplumber's text: ``（五） 开出版物`` / ``不 4.无正当理由`` read as one piece ending in the next row's label,
    # its numbers after it
    name = "pdfplumber_label_pieces_run_together"
    record = _record(name)
    assert _either_way(record) == [] and proven_wrong(record, name) == []
