"""表四 in a Word file saved as text (LibreOffice's Text export): every cell a line of its own, an empty cell an
empty line, the row's fifteen cells right under the header's last word and the section's sentence right after
them. Two groups with no case left empty print ten empty lines; the numbers alone (5 12 5 5 27) are five for
fifteen cells and were left unread. The fifteen lines are the fifteen cells: read in place, empty ones blank."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE4_PATHS

HEAD = """江苏省司法局2021年政府信息公开工作年度报告
二、主动公开政府信息情况
第二十条第（一）项
信息内容
本年制发件数
本年废止件数
现行有效件数
规章
0
0
3
行政规范性文件
5
1
40
四、政府信息公开行政复议、行政诉讼情况
行政复议
行政诉讼
结果维持
结果纠正
其他结果
尚未审结
总计
未经复议直接起诉
复议后起诉





结果维持
结果纠正
其他结果
尚未审结
总计
结果维持
结果纠正
其他结果
尚未审结
总计
"""
TAIL = "2021年，因政府信息公开工作被申请行政复议0件，被提起行政诉讼27件。\n五、存在的主要问题及改进情况\n无。\n"


def _record(cells: list[str]):
    text = HEAD + "\n".join(cells) + "\n" + TAIL
    return process_document(Document.from_text(text, doc_id="lo_txt_t4", source_kind="txt"))


def test_fifteen_lines_under_the_header_are_the_fifteen_cells() -> None:
    cells = [""] * 10 + ["5", "12", "5", "5", "27"]
    record = _record(cells)
    assert [record.report.get(p) for p in TABLE4_PATHS] == [None] * 10 + [5, 12, 5, 5, 27]
    assert all(record.provenance[p].status is Status.PROVEN for p in TABLE4_PATHS[10:])


def test_a_middle_group_left_empty() -> None:
    cells = ["2", "1", "12", "12", "27", "", "", "", "", "", "12", "0", "2", "1", "15"]
    record = _record(cells)
    assert [record.report.get(p) for p in TABLE4_PATHS] == [2, 1, 12, 12, 27] + [None] * 5 + [12, 0, 2, 1, 15]


def test_a_group_that_does_not_add_up_is_not_read_in_place() -> None:
    """Read in place, 5 12 5 5 26 breaks its group's sum: the lines are no row of cells, nothing is proven."""
    cells = [""] * 10 + ["5", "12", "5", "5", "26"]
    record = _record(cells)
    assert not any(record.provenance[p].status is Status.PROVEN and record.report.get(p) is not None
                   for p in TABLE4_PATHS)


def test_sixteen_lines_are_no_row_of_fifteen() -> None:
    """One line more (an empty paragraph after the table): which lines are cells is not known."""
    cells = [""] * 11 + ["5", "12", "5", "5", "27"]
    record = _record(cells)
    assert not any(record.provenance[p].status is Status.PROVEN for p in TABLE4_PATHS[:10])
