"""表二's and 表四's columns printed in another order than the form's, the header naming them so
(llm_extract/extract/headerorder.py): placed as the header says, and the cells the two orders read differently
never proven (``READ.HEADER_ORDER``): no identity checks 表二, and 表四's group sums treat a group's results alike."""

from __future__ import annotations

import pytest

from llm_extract.evidence import Status
from llm_extract.extract.headerorder import STOCK_NAMES, T4_RESULT_NAMES, header_order, review_last, t4_order
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import REVIEW_COLUMNS, REVIEW_GROUPS
from llm_extract.synth.render import TABLE3_ROW_LABELS

_T4 = {"administrative_review": [1, 2, 3, 4, 10], "litigation_direct": [2, 1, 0, 5, 8],
       "litigation_after_review": [0, 3, 1, 2, 6]}
_SUIT_NAMES = {"litigation_direct": "未经复议直接起诉", "litigation_after_review": "复议后起诉"}


def _report(stock: list[int] = [0, 1, 2], t4_columns: list[int] = [0, 1, 2, 3, 4],
            suits: tuple[str, str] = ("litigation_direct", "litigation_after_review")) -> str:
    """A report whose 表二 stock columns and 表四's columns (and suits) are printed in the orders given (form
    indices, printed left to right), the headers naming them so; 表三 all 0."""
    regulations, normative = [0, 0, 3], [5, 2, 51]
    groups = ["administrative_review", *suits]
    t4 = [_T4[g][c] for g in groups for c in t4_columns]
    t3 = [f"{label}\t" + "\t".join(["0"] * 7) for _, label in TABLE3_ROW_LABELS.values()]
    return "\n".join([
        "红旗区人民政府2022年政府信息公开工作年度报告", "", "一、总体情况", "2022年，红旗区扎实推进政府信息公开工作。", "",
        "二、主动公开政府信息情况", "第二十条第（一）项", "信息内容\t" + "\t".join(STOCK_NAMES[c] for c in stock),
        "规章\t" + "\t".join(str(regulations[c]) for c in stock),
        "行政规范性文件\t" + "\t".join(str(normative[c]) for c in stock),
        "第二十条第（五）项", "信息内容\t本年处理决定数量", "行政许可\t3150",
        "第二十条第（六）项", "信息内容\t本年处理决定数量", "行政处罚\t65", "行政强制\t10", "第二十条第（八）项",
        "信息内容\t本年收费金额（单位：万元）", "行政事业性收费\t0", "",
        "三、收到和处理政府信息公开申请情况", "\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计", *t3, "",
        "四、政府信息公开行政复议、行政诉讼情况", "行政复议\t行政诉讼",
        "\t".join(_SUIT_NAMES[g] for g in suits),
        "\t".join([T4_RESULT_NAMES[c] for c in t4_columns] * 3), "\t".join(map(str, t4)), "",
        "五、存在的主要问题及改进情况", "无。", "六、其他需要报告的事项", "无。", ""])


def _read(text: str):
    return process_document(Document.from_text(text, doc_id="t"))


def test_t2_stock_columns_in_the_headers_order_are_placed_so_and_never_proven() -> None:
    """现行有效件数 printed before 本年废止件数: 行政规范性文件 5 51 2 is 5 issued, 2 repealed, 51 in force."""
    record = _read(_report(stock=[0, 2, 1]))
    values = record.report.values()
    for path, value, status in [("active_disclosure.normative_documents.issued", 5, Status.PROVEN),
                                ("active_disclosure.normative_documents.repealed", 2, Status.UNVERIFIED),
                                ("active_disclosure.normative_documents.in_force", 51, Status.UNVERIFIED),
                                ("active_disclosure.regulations.repealed", 0, Status.UNVERIFIED),
                                ("active_disclosure.regulations.in_force", 3, Status.UNVERIFIED)]:
        assert (values[path], record.provenance[path].status) == (value, status), path
    assert "READ.HEADER_ORDER" in record.provenance["active_disclosure.normative_documents.in_force"].rules


@pytest.mark.parametrize("columns, suits", [
    ([0, 1, 3, 2, 4], ("litigation_direct", "litigation_after_review")),     # 尚未审结 before 其他结果
    ([0, 1, 2, 3, 4], ("litigation_after_review", "litigation_direct")),     # 复议后起诉 before 未经复议直接起诉
    ([4, 0, 1, 2, 3], ("litigation_direct", "litigation_after_review")),     # 总计 first
], ids=["pending-before-other", "after-review-first", "total-first"])
def test_t4_columns_in_the_headers_order_are_placed_so_and_never_proven(columns, suits) -> None:
    record = _read(_report(t4_columns=columns, suits=suits))
    values = record.report.values()
    groups = ["administrative_review", *suits]
    printed = [_T4[g][c] for g in groups for c in columns]
    for k, (group, column) in enumerate((g, c) for g in REVIEW_GROUPS for c in REVIEW_COLUMNS):
        path = f"review_litigation.{group}.{column}"
        assert values[path] == _T4[group][REVIEW_COLUMNS.index(column)], path
        if values[path] != printed[k]:          # the form's order reads another number here: the header's word
            assert record.provenance[path].status is Status.UNVERIFIED, path
            assert "READ.HEADER_ORDER" in record.provenance[path].rules, path


def test_headers_in_the_forms_order_are_read_and_proven() -> None:
    record = _read(_report())
    values = record.report.values()
    for group in REVIEW_GROUPS:
        for c, column in enumerate(REVIEW_COLUMNS):
            path = f"review_litigation.{group}.{column}"
            assert (values[path], record.provenance[path].status) == (_T4[group][c], Status.PROVEN), path
    path = "active_disclosure.normative_documents.in_force"
    assert (values[path], record.provenance[path].status) == (51, Status.PROVEN)


@pytest.mark.parametrize("header", [
    ["本年制发件数", "本年废止件数", "现行有效件数"],             # the form's order
    ["本年制发件数", "现行有效件数"],                            # one not named
    ["数据1", "数据2", "数据3"],
])
def test_a_t2_header_that_does_not_name_its_columns_once_in_another_order_moves_nothing(header) -> None:
    assert header_order(header, STOCK_NAMES) is None


def test_a_t4_header_naming_its_columns_in_two_orders_moves_nothing() -> None:
    header = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "结果维持", "结果纠正", "尚未审结", "其他结果", "总计",
              "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    assert t4_order(header) is None


def test_t4_printed_as_three_labelled_rows_in_another_order_is_placed_by_its_labels() -> None:
    """行政复议 / 行政诉讼（复议后起诉） / 行政诉讼（未经复议直接起诉）: the rows' labels name the suits."""
    text = _report()
    start, end = text.index("四、政府信息公开行政复议"), text.index("五、存在的主要问题")
    rows = [("行政复议", "administrative_review"), ("行政诉讼（复议后起诉）", "litigation_after_review"),
            ("行政诉讼（未经复议直接起诉）", "litigation_direct")]
    table = "\n".join(["四、政府信息公开行政复议、行政诉讼情况", "\t" + "\t".join(T4_RESULT_NAMES),
                       *(label + "\t" + "\t".join(map(str, _T4[g])) for label, g in rows), ""])
    record = _read(text[:start] + table + text[end:])
    values = record.report.values()
    for group in REVIEW_GROUPS:
        for c, column in enumerate(REVIEW_COLUMNS):
            assert values[f"review_litigation.{group}.{column}"] == _T4[group][c], (group, column)
    path = "review_litigation.litigation_direct.total"
    assert record.provenance[path].status is Status.UNVERIFIED and "READ.HEADER_ORDER" in record.provenance[path].rules


def test_t2_stock_columns_named_on_a_line_of_pdf_text_are_placed_so() -> None:
    record = _read(_report(stock=[0, 2, 1]).replace("\t", "    "))
    path = "active_disclosure.normative_documents.in_force"
    assert (record.report.values()[path], record.provenance[path].status) == (51, Status.UNVERIFIED)


def test_suits_named_on_two_lines_of_a_stacked_header_say_nothing_of_their_order() -> None:
    """A header printed in stacked cells (inscriptis' text of an HTML table) may put the right-hand suit's name on a
    line above the left-hand one's: 复议后起诉 higher, yet printed second. Read in the form's order, as printed."""
    text = _report().replace("\t".join(_SUIT_NAMES[g] for g in ("litigation_direct", "litigation_after_review")),
                             " " * 40 + "复议后起诉\n" + " " * 30 + "未经复议直接起诉", 1)
    assert "复议后起诉\n" in text
    record = _read(text)
    values = record.report.values()
    for group in REVIEW_GROUPS:
        for c, column in enumerate(REVIEW_COLUMNS):
            path = f"review_litigation.{group}.{column}"
            assert (values[path], record.provenance[path].status) == (_T4[group][c], Status.PROVEN), path


@pytest.mark.parametrize("header, last", [
    (["四、政府信息公开行政复议、行政诉讼情况", "行政诉讼        行政复议"], True),      # one line of PDF text, 行政诉讼 left
    (["四、政府信息公开行政复议、行政诉讼情况", "\t行政诉讼", "\t行政复议"], True),    # a web page's row, a cell to a line
    (["四、政府信息公开行政复议、行政诉讼情况", "行政复议        行政诉讼"], False),
    (["四、政府信息公开行政复议、行政诉讼情况", "行政诉讼", "行政复议"], False),       # stacked PDF cells: no order
    (["四、政府信息公开行政复议、行政诉讼情况", "（本表行政诉讼和行政复议均以件计）"], False),   # a note, not cells
    (["四、政府信息公开行政复议、行政诉讼情况"], False),
], ids=["one-line", "cells", "forms-order", "stacked", "note", "heading-only"])
def test_t4_groups_are_taken_for_printed_review_last_only_where_the_header_prints_them_so(header, last) -> None:
    assert review_last([*header, "1"], 1, len(header) + 1) is last
