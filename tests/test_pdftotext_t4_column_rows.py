"""Plain ``pdftotext`` (no -layout) of a Word-made PDF whose 表四 is three rows of five (a row per group, 类别 over
the groups' labels) reads it column by column: each result's header, then its cells top down, the groups' labels
among the first column's. The third row may come out after the columns: the columns print two cells each, and the
third row's cells they left out follow 总计's, in the columns' order. So read, every group's total must hold, and
only one count of 总计's own cells may keep them all; the order is the tool's, so nothing is proven (a person
confirms), but the values are offered as read instead of fifteen blanks."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.extract.t4colrows import read_column_rows
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE4_PATHS

_HEADING = "四、政府信息公开行政复议、行政诉讼情况"
#: the first column's cells among the groups' labels, the next section's heading, then two cells a column
_FIRST_COLUMN = ["类别", "结果维持", "行政复议", "1", "行政诉讼（未经", "0", "复议直接起诉）", "行政诉讼（复议", "7", "后起诉）",
                 "五、存在的主要问题及改进情况"]
_OTHERS = ["结果纠正", "0", "0", "其他结果", "0", "6", "尚未审结", "12", "6", "总计", "13", "12", "15", "0", "0", "22",
           "加强政府信息公开平台建设，完善网站栏目设置，确保信息发布及时、准确、规范。", "六、其他需要报告的事项",
           "本年度未收取信息处理费。"]


def _values(readings) -> list[object]:
    return [readings[p].value for p in TABLE4_PATHS]


def test_the_third_row_after_the_columns_is_read_where_one_count_keeps_every_total() -> None:
    readings = read_column_rows([_HEADING] + _FIRST_COLUMN + _OTHERS, 1)
    assert readings is not None
    # 总计 printing three cells (13 12 15) would leave the third row 7 0 0 22 | 15: its total fails
    assert _values(readings) == [1, 0, 0, 12, 13, 0, 0, 6, 6, 12, 7, 15, 0, 0, 22]


def test_every_column_printing_two_the_third_row_follows_whole() -> None:
    """类别 / the groups' labels / 总计 printed before 结果维持 (a header with no cell under it), then two cells a
    column and the third row's five after 总计's two; 表三's cells printed after the heading are not the table's."""
    lines = [_HEADING, "类别", "行政复议", "行政诉讼（未经", "复议直接起诉）", "行政诉讼（复议", "后起诉）", "总计", "社会公益组", "织",
             "0", "0", "结果维持", "1", "0", "结果纠正", "21", "8", "其他结果", "0", "0", "尚未审结", "0", "0", "总计", "22", "8",
             "0", "0", "2", "0", "2", "五、存在的主要问题及改进情况"]
    readings = read_column_rows(lines, 1)
    assert readings is not None
    assert _values(readings) == [1, 21, 0, 0, 22, 0, 8, 0, 0, 8, 0, 0, 2, 0, 2]


def test_no_reading_where_the_totals_leave_none_or_the_headers_are_not_the_form_s() -> None:
    broken = [_HEADING] + _FIRST_COLUMN + [x if x != "22" else "23" for x in _OTHERS]
    assert read_column_rows(broken, 1) is None
    no_pending = [_HEADING] + _FIRST_COLUMN + _OTHERS[:6] + _OTHERS[9:]
    assert read_column_rows(no_pending, 1) is None
    whole = [_HEADING, "结果维持", "1", "0", "7", "结果纠正", "0", "0", "15", "其他结果", "0", "6", "0", "尚未审结", "12", "6", "0",
             "总计", "13", "12", "22"]
    assert read_column_rows(whole, 1) is None       # every column whole: the results as rows (t4transposed's)


def test_read_in_a_report_but_never_proven() -> None:
    text = "\n".join(["某县自然资源局2022年政府信息公开工作年度报告", ""] + [_HEADING] + _FIRST_COLUMN + _OTHERS)
    record = process_document(Document.from_text(text, doc_id="plain-t4-rows"))
    got = record.report.values()
    assert [got[p] for p in TABLE4_PATHS] == [1, 0, 0, 12, 13, 0, 0, 6, 6, 12, 7, 15, 0, 0, 22]
    assert all(record.provenance[p].status is not Status.PROVEN for p in TABLE4_PATHS)


def test_the_third_row_s_first_cells_beside_its_label_the_rest_after_the_columns() -> None:
    """Narrow label cells (行政诉讼 / （复议后起 / 诉）): the third row's first cells stand after its label's first
    piece, for the columns printed so far; the rest after 总计's. 表三's cells printed after the next section's
    heading, before the next header, are not the table's."""
    lines = [_HEADING, "结果维持", "０", "０", "结果纠正", "０", "０", "行政复议", "行政诉讼", "（未经复议", "直接起诉）", "行政诉讼", "０",
             "１０", "（复议后起", "诉）", "五、存在的主要问题及改进情况", "０", "０", "１", "０", "２", "其他结果", "０", "０", "尚未审结",
             "０", "０", "总计", "０", "０", "５", "０", "１５", "政务公开工作仍存在公开内容不够全面、解读形式较为单一等问题。"]
    readings = read_column_rows(lines, 1)
    assert readings is not None
    assert _values(readings) == [0] * 10 + [0, 10, 5, 0, 15]
    after = [_HEADING, "结果维持", "2", "0", "结果纠正", "0", "22", "其他结果", "0", "0", "尚未审结", "0", "0", "总计", "2", "22",
             "0", "0", "0", "3", "行政复议", "行政诉讼", "（未经复议", "直接起诉）", "行政诉讼", "3", "（复议后起诉）",
             "五、存在的主要问题及改进情况"]
    readings = read_column_rows(after, 1)       # (the third row's 结果维持 beside its label, after every column)
    assert readings is not None
    assert _values(readings) == [2, 0, 0, 0, 2, 0, 22, 0, 0, 22, 3, 0, 0, 0, 3]


def test_表三_s_last_cells_after_the_first_column_s_two() -> None:
    """结果维持's two cells, then 表三's last cells (its table ends on the page), then 结果纠正: the first column
    holds two cells at most here (the third row's stands beside its label), the numbers past them are not the
    table's."""
    lines = [_HEADING, "结果维持", "0", "0", "0", "1", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "7", "0", "结果纠正",
             "20", "0", "其他结果", "0", "0", "尚未审结", "0", "0", "总计", "20", "0", "0", "0", "1", "14", "行政复议", "行政诉讼",
             "（未经复议", "直接起诉）", "行政诉讼", "13", "（复议后起", "诉）", "五、存在的主要问题及改进情况"]
    readings = read_column_rows(lines, 1)
    assert readings is not None
    assert _values(readings) == [0, 20, 0, 0, 20, 0, 0, 0, 0, 0, 13, 0, 0, 1, 14]
