"""Plain ``pdftotext`` (no -layout) of a Word-made PDF reads a ruled 表四 column by column: a column's header pieces
one to a line (结果 / 维持), then its cell; the group's name before its columns; the next section's heading and prose
among the columns when the table ends a page. Each cell printed right after its own column's header is that
column's (proven); cells after headers printed side by side (结果 结果 其他 / 维持 纠正 结果) are in an order the
text does not prove: alike, they are read; unlike, every order is a candidate and the group's total may leave one,
else they stay queued. Headers without their cells leave 表四 to the other readers."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.extract.t4labelled import read_labelled_columns
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE4_PATHS

_HEAD = ["某县自然资源局2022年政府信息公开工作年度报告", "", "四、政府信息公开行政复议、行政诉讼情况", "",
         "行政复议", "结果", "维持", "0", "", "结果", "纠正", "1", "", "其他", "结果", "0", "", "尚未", "审结", "0", "",
         "总计", "1", "", "五、存在的主要问题及改进情况", "", "行政诉讼", "未经复议直接起诉"]
_TAIL = ["严格执行依申请公开办理流程，规范答复文书，按时答复申请人。", "六、其他需要报告的事项", "本年度未收取信息处理费。", "",
         "总计", "30", "", "复议后起诉", "结果", "结果", "维持", "纠正", "0", "0", "", "其他", "结果", "0", "",
         "尚未", "审结", "0", "", "总计", "0", ""]


def _record(direct: list[str]):
    text = "\n".join(_HEAD + direct + _TAIL)
    return process_document(Document.from_text(text, doc_id="plain-t4"))


def _values(record) -> dict[str, object]:
    got = record.report.values()
    return {p: got[p] for p in TABLE4_PATHS}


def test_each_cell_after_its_column_header_is_that_column_s_across_the_next_section() -> None:
    record = _record(["结果", "维持", "0", "", "结果", "纠正", "0", "", "其他", "结果", "30", "", "尚未", "审结", "0", ""])
    values = _values(record)
    assert [values[f"review_litigation.administrative_review.{c}"]
            for c in ("upheld", "corrected", "other", "pending", "total")] == [0, 1, 0, 0, 1]
    assert [values[f"review_litigation.litigation_direct.{c}"]
            for c in ("upheld", "corrected", "other", "pending", "total")] == [0, 0, 30, 0, 30]
    assert all(values[f"review_litigation.litigation_after_review.{c}"] == 0
               for c in ("upheld", "corrected", "other", "pending", "total"))
    assert all(record.provenance[p].status is Status.PROVEN for p in TABLE4_PATHS)


def test_unlike_cells_under_side_by_side_headers_are_not_proven() -> None:
    record = _record(["结果", "结果", "其他", "维持", "纠正", "结果", "0", "0", "30", "", "尚未", "审结", "0", ""])
    values = _values(record)
    side = [f"review_litigation.litigation_direct.{c}" for c in ("upheld", "corrected", "other")]
    for path in side:                       # 0 0 30 or 30 0 0: the total 30 keeps every order
        assert record.provenance[path].status is not Status.PROVEN, path
    assert values["review_litigation.litigation_direct.total"] == 30
    assert values["review_litigation.administrative_review.corrected"] == 1
    assert record.provenance["review_litigation.administrative_review.corrected"].status is Status.PROVEN
    # alike cells side by side (0 0 under 结果维持 结果纠正 of 复议后起诉): every order is the same table
    assert record.provenance["review_litigation.litigation_after_review.upheld"].status is Status.PROVEN


def test_a_header_without_its_cell_is_not_read_so() -> None:
    """A blank cell prints nothing: 尚未审结's header straight before 总计's is not read, nor the table so."""
    lines = _HEAD + ["结果", "维持", "0", "", "结果", "纠正", "0", "", "其他", "结果", "30", "", "尚未", "审结", ""] + _TAIL
    assert read_labelled_columns(lines, 3) is None


def test_headers_cut_anywhere_in_a_narrow_column() -> None:
    """结果维 / 持, 其他结 / 果: a narrow column cuts its header where the width ends, not between its words."""
    lines = ["四、政府信息公开行政复议、行政诉讼情况", "行政复议", "结果维", "持", "0", "结果纠", "正", "3", "其他结", "果", "0",
             "尚未审", "结", "0", "五、存在的主要问题及改进情况", "总计", "3", "行政诉讼", "未经复议直接起诉", "结果维", "结果纠",
             "持", "正", "0", "0", "其他结", "果", "1", "尚未审", "结", "0", "总计", "1", "复议后起诉", "结果维", "持", "0",
             "结果纠", "正", "0", "其他结", "果", "0", "尚未审", "结", "0", "总计", "0"]
    read = read_labelled_columns(lines, 1)
    assert read is not None
    readings, side = read
    assert side == []                       # 0 0 side by side: every order is the same
    assert [readings[f"review_litigation.{g}.{c}"].value for g in ("administrative_review", "litigation_direct")
            for c in ("upheld", "corrected", "other", "pending", "total")] == [0, 3, 0, 0, 3, 0, 0, 1, 0, 1]


def test_a_header_printed_apart_from_its_column_is_passed_over() -> None:
    """The table's 总计 before the first group's name, and a 总计 printed among a group's headers with its cell
    further on (其他 / 结果 / 1 / 总计 / 尚未 / 审结 / 0 / 总计 / 1): no cell follows them, and every column is still
    read after its own header, in the form's order."""
    lines = ["四、政府信息公开行政复议、行政诉讼情况", "总计", "行政复议", "结果", "维持", "0", "结果", "纠正", "30", "其他", "结果", "0",
             "尚未", "审结", "0", "总计", "30", "五、存在的主要问题及改进情况", "行政诉讼", "未经复议直接起诉", "结果", "维持", "5",
             "结果", "纠正", "0", "其他", "结果", "1", "总计", "尚未", "审结", "0", "总计", "6", "复议后起诉", "结果维持", "0",
             "结果纠正", "0", "其他结果", "0", "尚未审结", "0", "总计", "0"]
    read = read_labelled_columns(lines, 1)
    assert read is not None
    readings, side = read
    assert side == []
    assert [readings[p].value for p in TABLE4_PATHS] == [0, 30, 0, 0, 30, 5, 0, 1, 0, 6, 0, 0, 0, 0, 0]


def test_headers_side_by_side_with_total_whole_on_the_top_line() -> None:
    """结果 结果 其他 尚未 总计 over 维持 纠正 结果 审结: 总计 is printed whole and takes no piece of the line under it."""
    lines = ["四、政府信息公开行政复议、行政诉讼情况", "行政复议", "结果 结果 其他 尚未 总计", "维持 纠正 结果 审结", "0", "0", "0", "0", "0",
             "五、存在的主要问题及改进情况", "行政诉讼", "未经复议直接起诉", "结果维持", "0", "结果纠正", "0", "其他结果", "3", "尚未审结", "0",
             "总计", "3", "复议后起诉", "结果维持", "0", "结果纠正", "0", "其他结果", "0", "尚未审结", "0", "总计", "0"]
    read = read_labelled_columns(lines, 1)
    assert read is not None
    readings, side = read
    assert side == []                       # five 0 side by side: every order is the same
    assert [readings[p].value for p in TABLE4_PATHS] == [0] * 7 + [3, 0, 3] + [0] * 5


def test_side_by_side_cells_offered_in_printed_order_where_it_keeps_the_total() -> None:
    """0 30 0 under 结果 结果 其他 / 维持 纠正 结果, then 总计 30: poppler prints the cells left to right, and that
    order keeps the total, so 结果纠正 is offered as 30, for a person to confirm (the order is the tool's: 30 0 0
    keeps the total as well). Where the printed order breaks the total, every order stays a candidate."""
    record = _record(["结果 结果 其他", "维持 纠正 结果", "0", "30", "0", "", "尚未", "审结", "0", ""])
    values = _values(record)
    paths = [f"review_litigation.litigation_direct.{c}" for c in ("upheld", "corrected", "other", "pending", "total")]
    assert [values[p] for p in paths] == [0, 30, 0, 0, 30]
    assert all(record.provenance[p].status is not Status.PROVEN for p in paths[:3])
    lines = _HEAD + ["结果 结果 其他", "维持 纠正 结果", "0", "2", "1", "", "尚未", "审结", "0", ""] + _TAIL
    read = read_labelled_columns(lines, 3)
    assert read is not None
    readings, side = read
    assert len(side) == 1 and readings[paths[1]].value is None
