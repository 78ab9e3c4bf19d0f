"""表四 in its printed shapes: one row of 15, three rows of five with their labels, blank cells."""

import pytest

from llm_extract.extract import extract_regex
from llm_extract.ingest import Document

HEAD = "向阳区2021年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n"
TAIL = "五、存在的主要问题及改进情况\n略。\n"
PATHS = [f"review_litigation.{g}.{c}" for g in ("administrative_review", "litigation_direct", "litigation_after_review")
         for c in ("upheld", "corrected", "other", "pending", "total")]


def read(table: str) -> list:
    extraction = extract_regex(Document.from_text(HEAD + table + TAIL, doc_id="t4"))
    return [extraction.readings[p].value for p in PATHS]


@pytest.mark.parametrize("table, expected", [
    ("| 行政复议 | | | | | 行政诉讼 |\n|---|\n| 1 | 0 |  | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 1 | 1 |\n",
     [1, 0, None, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1]),
    ("| 项目 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n|---|---|---|---|---|---|\n"
     "| 行政复议 | 1 | 0 | 0 | 0 | 1 |\n| 未经复议直接起诉 | 0 |  | 0 | 0 | 0 |\n| 复议后起诉 | 0 | 0 | 0 | 1 | 1 |\n",
     [1, 0, 0, 0, 1, 0, None, 0, 0, 0, 0, 0, 0, 1, 1]),
])
def test_an_empty_markdown_field_in_table4_is_a_blank_cell_in_its_place(table, expected):
    assert read(table) == expected


def test_table4_as_one_row_of_fifteen_after_empty_rows():
    table = "行政复议\t行政诉讼\n\n\n\n1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t1\t1\n"
    assert read(table) == [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1]
