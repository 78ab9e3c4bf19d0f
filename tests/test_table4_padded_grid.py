"""表四 in a converter's grid whose every row ends with an empty field of its own (trafilatura's Markdown and text
print ``|  |`` after each row's last cell, every line as many fields): that field is no cell. Read as the last of fifteen, it shifted every
cell one column left when the row's first cell was empty (``|  |  ０ |  | ０ | …``), and the shift held as proven."""

from __future__ import annotations

import pytest

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE4_PATHS
from tests.fakeopenai import report_text, sample_values

SECTION = ("行政复议\t行政诉讼\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n"
           "1\t0\t0\t1\t2\t0\t1\t0\t0\t1\t0\t0\t0\t0\t0")
CELLS = ["", "0", "", "0", "0", "0", "0", "0", "0", "0", "0", "0", "", "0", "0"]


def _row(fields: list[str]) -> str:
    return "| " + " | ".join(fields) + " | "


def _grid(pad: int) -> str:
    end = [""] * pad
    head = [_row(["行政复议", "", "", "", "", "行政诉讼"] + [""] * 9 + end),
            _row(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "", "", "", "", "复议后起诉"]
                 + [""] * 4 + end),
            _row([""] * 5 + ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2 + end)]
    return "\n".join(head + [_row(CELLS + end)])


def _read(pad: int):
    text = report_text(sample_values())
    assert SECTION in text
    return process_document(Document.from_text(text.replace(SECTION, _grid(pad)), doc_id="t4"))


@pytest.mark.parametrize("pad", [1, 2])
def test_padding_fields_after_the_headers_last_column_are_no_cells(pad: int) -> None:
    record = _read(pad)
    assert [record.report.get(p) for p in TABLE4_PATHS] == [None if c == "" else int(c) for c in CELLS]
    assert not [p for p in TABLE4_PATHS if record.report.get(p) is not None
                and record.provenance[p].status is not Status.PROVEN]


def test_the_same_grid_without_the_padding_reads_the_same() -> None:
    record = _read(0)
    assert [record.report.get(p) for p in TABLE4_PATHS] == [None if c == "" else int(c) for c in CELLS]


def test_a_header_spanning_the_last_columns_leaves_the_rows_last_field_a_cell() -> None:
    """markdownify: the header's lines have as many fields as the row or fewer, the last group's name in the first of
    its five (``| … | 复议后起诉 | | | | |``), the row's last cell empty: that field is a cell, not padding."""
    head = [_row(["行政复议", "", "", "", "", "行政诉讼"] + [""] * 9),
            _row(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "", "", "", "", "复议后起诉"]
                 + [""] * 4),
            _row(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2)]
    cells = [""] * 5 + ["２", "", "", "", "2"] + [""] * 5
    text = report_text(sample_values())
    record = process_document(Document.from_text(text.replace(SECTION, "\n".join(head + [_row(cells)])), doc_id="t4"))
    assert [record.report.get(p) for p in TABLE4_PATHS] == [None] * 5 + [2, None, None, None, 2] + [None] * 5
