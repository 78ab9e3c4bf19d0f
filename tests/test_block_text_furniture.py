"""PDF text printed as blocks (``pdf2txt.py``, ``pdftotext`` without ``-layout``): what a page prints besides the
table, broken over lines by the text tool, is no table cell.

- A page's foot ``第 2 页 共 5 页`` broken after its number (`` 第 2 `` / `` 页 共 5 页``) reads as the foot it is:
  its 2 is no cell after a word.
- A generic column header's number printed on the line under its word (``数据`` / ``1``) is the header's.
- Lines of numbers after two row labels printed one under the other, the upper with no number of its own: the
  first is either row's, neither row is read, each reading a candidate (the identities cannot tell them apart).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE3_PATHS
from tests.block_fixtures import fixture_text, fixture_truth, truth_value

_BLOCKS = Path(__file__).parent / "fixtures" / "pdftext_blocks"


def _table3(text: str) -> dict[str, tuple[object, Status]]:
    record = process_document(Document.from_text(text, doc_id="t"))
    return {p: (record.report.values()[p], record.provenance[p].status) for p in TABLE3_PATHS}


def _with_lines_in_table3(text: str, inserted: list[str]) -> str:
    """``text`` with ``inserted`` put in the middle of 表三, at an empty line before a line of numbers."""
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if "收到和处理政府信息公开申请情况" in line)
    end = next(i for i, line in enumerate(lines) if i > start and "行政复议" in line)
    gaps = [i for i in range(start, end) if not lines[i].strip() and lines[i + 1].strip()[:1].isdigit()]
    at = gaps[len(gaps) // 2]
    return "\n".join(lines[:at] + inserted + lines[at:])


@pytest.mark.parametrize("name", ["pdf2txt_real_pages_by_column", "pdftotext_two_column_blocks"])
def test_a_page_foot_broken_after_its_number_reads_as_the_whole_foot(name: str) -> None:
    text = (_BLOCKS / f"{name}.txt").read_text(encoding="utf-8")
    whole = _table3(_with_lines_in_table3(text, ["", " 第 2 页 共 5 页", ""]))
    assert sum(1 for _, status in whole.values() if status is Status.PROVEN) == len(TABLE3_PATHS)
    assert _table3(_with_lines_in_table3(text, ["", " 第 2 ", "", " 页 共 5 页", ""])) == whole


def test_a_broken_page_foot_is_joined_on_its_first_line_and_nothing_else_is() -> None:
    from llm_extract.extract.pagenumbers import joined_page_marks

    lines = [" 第 2 ", "", " 页 共 5 页", "第 3", "页码", "共 5 页"]
    assert joined_page_marks(lines) == [" 第 2 页 共 5 页", "", "", "第 3", "页码", "共 5 页"]


def test_a_generic_headers_number_under_its_word_is_no_cell() -> None:
    """``pdftotext -raw`` of an independent generator's report (office seed 43) whose 表三 header is 数据 1 … 数据 6:
    each word on a line, its number on the next. Those numbers are no cells: 表三 reads as printed."""
    name = "pdftotext_raw_generic_header_numbers"
    text = fixture_text(name)
    assert "\n数据\n1\n\n数据\n2\n" in text                       # the shape this test is about
    record = process_document(Document.from_text(text, doc_id=name))
    truth = fixture_truth(name)
    assert [p for p in TABLE3_PATHS if record.report.get(p) != truth_value(truth, p)] == []


def test_lines_of_numbers_after_two_labels_one_under_the_other_are_neither_rows_proven() -> None:
    """``pdf2txt.py`` of an independent generator's report (office seed 52): 一、 and 二、's labels one under the other,
    then their two lines of numbers (``4 1 0 0 0 0 5`` / ``0 0 0 0 0 0 0``), then a page's foot and the next page.
    Read as a label detached above its numbers, 二、 took 一、's line and 一、 was derived from the identities: the two
    rows add to the same totals, so every identity held, both rows wrong. The table's 175 numbers stand in the
    form's order (its footers cut in two, 第 2 / 页 共 5 页, and （四）无法提供's 无 boxed apart are no cells): read so,
    each row holds its own line, but the two rows may trade places keeping every identity, so no cell whose value
    the trade would change is proven."""
    name = "pdfminer_stacked_labels_then_lines"
    text = fixture_text(name)
    assert "二、上年结转政府信息公\n开申请数量\n\n4 1 0 0 0 0 5\n\n0 0 0 0 0 0 0\n" in text   # the shape this test is about
    record = process_document(Document.from_text(text, doc_id=name))
    truth = fixture_truth(name)
    got = record.report.values()
    wrong = [p for p in TABLE3_PATHS if record.provenance[p].status is Status.PROVEN
             and got[p] != truth_value(truth, p)]
    assert wrong == []
    first = [p for p in TABLE3_PATHS if ".new_received." in p]
    second = [p for p in TABLE3_PATHS if ".carried_over." in p]
    assert [got[p] for p in first + second] == [truth_value(truth, p) for p in first + second]
    traded = [p for a, b in zip(first, second) if got[a] != got[b] for p in (a, b)]
    assert len(traded) >= 4 and all(record.provenance[p].status is not Status.PROVEN for p in traded)
