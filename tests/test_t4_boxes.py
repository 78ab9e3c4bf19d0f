"""表四 in pdf2txt.py text: one box to a line, a blank line after each box (extract/t4boxes.py).

Its fifteen numbers after the column headers are one run however many blank lines part them; numbers a
text tool printed right after the heading, before any header (another table's cells), are not 表四's.
"""

from __future__ import annotations

from llm_extract.extract.t4boxes import table4_boxes

_CELLS = ["70", "5", "5", "12", "92", "30", "5", "12", "5", "52", "1", "2", "1", "1", "5"]
_HEADER = ["行政复议", "行政诉讼", "结果", "维持", "结果", "纠正", "其他", "结果", "尚未", "审结", "总计",
           "未经复议直接起诉", "复议后起诉"]


def _boxes(items: list[str]) -> list[str]:
    return [line for item in items for line in (item, "")]


def _text(before: list[str], after: list[str]) -> list[str]:
    return (["三、收到和处理政府信息公开申请情况", "", "四、政府信息公开行政复议、行政诉讼情况", ""]
            + _boxes(before + _HEADER + after) + ["五、存在的主要问题及改进情况", "正文。"])


def test_the_numbers_after_the_headers_one_box_to_a_line_are_one_run() -> None:
    numbers = table4_boxes(_text(["0", "0", "15"], _CELLS))
    assert [n.cell.raw for n in numbers] == _CELLS


def test_a_second_run_after_a_header_leaves_the_table_unread() -> None:
    assert table4_boxes(_text([], _CELLS[:10] + ["其他"] + _CELLS[10:])) == []


def test_a_run_of_another_count_leaves_the_table_unread() -> None:
    assert table4_boxes(_text([], _CELLS[:14])) == []
