"""表二 in pdf2txt.py text: one box to a line, a blank line after each box (extract/t2boxes.py).

Only the column headers printed before a run of numbers tie it to cells: 本年处理决定数量 printed once per
section (（五） one row, （六） two), 本年收费金额 over one number, 本年制发件数 / 本年废止件数 / 现行有效件数
over 规章's and 行政规范性文件's numbers column by column. Placed under exact counts only, and never proven
(READ.BLOCK_POSITION): no identity checks 表二.
"""

from __future__ import annotations

from llm_extract.evidence import Method, Status
from llm_extract.extract.t2boxes import table2_boxes
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document

_T2 = "active_disclosure."
_COUNTS = ["第二十条第（五）项", "信息内容", "本年处理决定数量", "591", "第二十条第（六）项", "信息内容",
           "本年处理决定数量", "行政处罚", "行政强制", "15", "0", "第二十条第（八）项", "信息内容",
           "本年收费金额（单位：万元）", "行政事业性收费", "12.5"]
_LABELS = ["第二十条第（一）项", "信息内容", "规章", "行政规范性文件", "行政许可"]


def _text(items: list[str]) -> list[str]:
    body = ["某某局2022年政府信息公开工作年度报告", "二、主动公开政府信息情况"] + items + [
        "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况"]
    return [line for item in body for line in (item, "")]


def _values(placed: dict) -> dict[str, object]:
    return {p[len(_T2):]: n.cell.value for p, n in placed.items()}


def test_decision_counts_after_each_sections_header_and_the_fee_after_its_own() -> None:
    assert _values(table2_boxes(_text(_COUNTS))) == {
        "licensing": 591, "punishment": 15, "enforcement": 0, "fees_10k_yuan": 12.5}


def test_decision_counts_in_other_runs_than_the_sections_rows_are_not_placed() -> None:
    """(Three numbers after one header, or one and two the other way round: which is whose?)"""
    three = ["本年处理决定数量", "591", "15", "0", "本年处理决定数量"]
    assert "licensing" not in _values(table2_boxes(_text(three)))
    swapped = ["本年处理决定数量", "591", "15", "本年处理决定数量", "0"]
    assert not {"licensing", "punishment", "enforcement"} & set(_values(table2_boxes(_text(swapped))))


def test_decision_counts_under_one_header_printed_once_for_all_three_rows_are_in_the_forms_order() -> None:
    """A 表二 without the 第二十条 sections: 行政许可, 行政处罚 and 行政强制 under one 本年处理决定数量, its three
    numbers in one run after it (placed by position alone, as every cell here)."""
    one = ["信息内容", "行政许可", "行政处罚", "行政强制", "信息内容", "本年处理决定数量", "0", "394", "22",
           "本年收费金额（单位：万元）", "行政事业性收费", "0"]
    assert _values(table2_boxes(_text(one))) == {
        "licensing": 0, "punishment": 394, "enforcement": 22, "fees_10k_yuan": 0}
    two = ["行政许可", "行政处罚", "行政强制", "本年处理决定数量", "394", "22"]
    assert not {"licensing", "punishment", "enforcement"} & set(_values(table2_boxes(_text(two))))


def test_a_fee_header_over_two_numbers_places_none() -> None:
    assert "fees_10k_yuan" not in _values(table2_boxes(_text(["本年收费金额（单位：万元）", "12.5", "1"])))


def test_a_run_after_one_column_header_is_that_column_of_both_rows() -> None:
    items = _LABELS + ["现行有效件数", "85", "117", "本年制发件数", "2", "17", "本年废止件数", "1", "13"]
    assert _values(table2_boxes(_text(items))) == {
        "regulations.issued": 2, "regulations.repealed": 1, "regulations.in_force": 85,
        "normative_documents.issued": 17, "normative_documents.repealed": 13, "normative_documents.in_force": 117}


def test_a_run_after_several_column_headers_is_their_columns_in_printed_order() -> None:
    items = ["本年制发件数", "本年废止件数", "现行有效件数"] + _LABELS + ["5", "32", "3", "12", "65", "399"]
    assert _values(table2_boxes(_text(items))) == {
        "regulations.issued": 5, "regulations.repealed": 3, "regulations.in_force": 65,
        "normative_documents.issued": 32, "normative_documents.repealed": 12, "normative_documents.in_force": 399}


def test_a_run_of_several_columns_printed_as_one_block_places_only_the_cells_both_orders_read_alike() -> None:
    """Plain pdftotext prints 表二's six numbers one to a line with no blank line between them, as often row by
    row as column by column: 0 0 0 / 11 0 0 is 规章 0 0 0 and 行政规范性文件 11 0 0 read by rows, but 规章 0 0 0 and
    行政规范性文件 0 11 0 read by columns. The cells both orders give alike are placed (never proven), the others
    not (which order is the tool's, nothing tells): no candidate rather than a wrong one."""
    body = ["某某局2022年政府信息公开工作年度报告", "", "二、主动公开政府信息情况", "", "信息内容", "规章", "行政规范性文件",
            "本年制发件数", "本年废止件数", "现行有效件数", "0", "0", "0", "11", "0", "0", "",
            "三、收到和处理政府信息公开申请情况", "", "四、政府信息公开行政复议、行政诉讼情况", "", "五、存在的主要问题及改进情况"]
    assert _values(table2_boxes(body)) == {
        "regulations.issued": 0, "regulations.repealed": 0, "regulations.in_force": 0,
        "normative_documents.in_force": 0}
    boxed = [line for item in body[:10] + ["0", "0", "0", "11", "0", "0"] for line in (item, "")] + body[16:]
    assert _values(table2_boxes(boxed))["normative_documents.repealed"] == 11     # (pdf2txt.py's boxes: by columns)


def test_column_runs_not_used_up_whole_or_after_another_tables_words_place_none() -> None:
    odd = ["本年制发件数", "本年废止件数", "现行有效件数", "5", "32", "3"]
    assert _values(table2_boxes(_text(odd))) == {}
    foreign = ["本年制发件数", "本年废止件数", "现行有效件数", "5", "32", "申请人情况", "3", "12", "65", "399"]
    assert _values(table2_boxes(_text(foreign))) == {}


def test_cells_placed_by_their_headers_are_never_proven() -> None:
    record = process_document(Document.from_text("\n".join(_text(_COUNTS)), doc_id="d"))
    assert record.report.get(_T2 + "licensing") == 591
    prov = record.provenance[_T2 + "licensing"]
    assert prov.method == Method.TEXT_BLOCK_POSITION and prov.status is Status.UNVERIFIED


def test_a_cells_note_whose_words_a_space_parts_is_that_cells_note() -> None:
    """pdfminer keeps the spaces around a number inside a note (``7（其中修改 1 件）``): one cell, 7 with its
    note, not a line of text parting the column's run."""
    items = _LABELS + ["本年制发件数", "4", "7（其中修改 1 件）", "本年废止件数", "3", "11", "现行有效件数", "29", "276"]
    placed = table2_boxes(_text(items))
    assert _values(placed) == {
        "regulations.issued": 4, "regulations.repealed": 3, "regulations.in_force": 29,
        "normative_documents.issued": 7, "normative_documents.repealed": 11, "normative_documents.in_force": 276}
    assert placed[_T2 + "normative_documents.issued"].cell.note == "其中修改1件"


def test_rows_whose_first_cell_is_boxed_with_their_label_are_read_column_by_column() -> None:
    """The headers first, then 规章 / its 本年制发件数 / 行政规范性文件 / its 本年制发件数, then the other two
    columns' cells column by column: placed by position alone, never proven."""
    items = ["第二十条第（一）项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "规章", "0",
             "行政规范性文件", "23（其中修改13件）", "0", "1", "0", "25", "信息内容", "行政许可"]
    assert _values(table2_boxes(_text(items))) == {
        "regulations.issued": 0, "regulations.repealed": 0, "regulations.in_force": 0,
        "normative_documents.issued": 23, "normative_documents.repealed": 1, "normative_documents.in_force": 25}
    record = process_document(Document.from_text("\n".join(_text(items)), doc_id="d"))
    assert record.report.get(_T2 + "normative_documents.in_force") == 25
    assert record.provenance[_T2 + "normative_documents.in_force"].status is not Status.PROVEN


def test_rows_beside_their_labels_with_a_cell_too_many_or_too_few_place_none() -> None:
    head = ["本年制发件数", "本年废止件数", "现行有效件数", "规章", "0", "行政规范性文件", "23"]
    for rest in (["0", "1", "0"], ["0", "1", "0", "25", "7"]):
        placed = _values(table2_boxes(_text(head + rest + ["信息内容"])))
        assert not any(k.startswith(("regulations", "normative")) for k in placed)


def test_the_last_shared_columns_numbers_printed_after_the_next_header_are_that_columns() -> None:
    """LibreOffice's 表二 without 第二十条 sections in pdf2txt.py: 规章's and 行政规范性文件's first two columns after
    the three headers, then 本年处理决定数量 and five numbers: 现行有效件数 of both rows, then the three decision
    counts (placed by the exact counts of both runs, never proven)."""
    items = ["信息内容", "规章", "行政规范性文件", "信息内容", "行政许可", "行政处罚", "行政强制", "信息内容",
             "本年制发件数", "本年废止件数", "现行有效件数", "2", "0", "0", "0", "本年处理决定数量", "10", "0", "0", "33",
             "31", "本年收费金额（单位：万元）", "行政事业性收费", "0"]
    assert _values(table2_boxes(_text(items))) == {
        "regulations.issued": 2, "regulations.repealed": 0, "regulations.in_force": 10,
        "normative_documents.issued": 0, "normative_documents.repealed": 0, "normative_documents.in_force": 0,
        "licensing": 0, "punishment": 33, "enforcement": 31, "fees_10k_yuan": 0}
    four = items[:16] + ["10", "0", "0", "33"] + items[21:]        # one number short: whose?
    assert not {"licensing", "regulations.in_force"} & set(_values(table2_boxes(_text(four))))


def test_rows_printed_across_after_their_labels_are_the_columns_of_the_headers_before_them() -> None:
    """Word's 表二 in plain pdftotext: the headers of the first two columns, then 规章 and its two cells, then
    行政规范性文件 and its two, then the last column after its own header. Each row's numbers after its label are
    that row's, in the headers' order (规章 0 2, 行政规范性文件 8 0), not a column each (never proven)."""
    items = ["信息内容", "本年制发件数", "本年废止件数", "规章", "0", "2", "行政规范性文件", "8", "0", "信息内容",
             "本年处理决定数量", "行政许可", "行政处罚", "行政强制", "0", "1057", "0", "现行有效件数", "0", "6"]
    assert {k: v for k, v in _values(table2_boxes(_text(items))).items() if "." in k} == {
        "regulations.issued": 0, "regulations.repealed": 2, "regulations.in_force": 0,
        "normative_documents.issued": 8, "normative_documents.repealed": 0, "normative_documents.in_force": 6}
    three = items[:7] + ["8", "0", "5"] + items[9:]          # (a row with a number too many: neither is placed)
    assert not {"regulations.issued", "normative_documents.issued"} & set(_values(table2_boxes(_text(three))))
