"""表四 printed by a Word or web table with its groups as rows, one cell to a line: 行政复议 and its five cells, 行政诉讼 |
未经复议直接起诉 and five cells, the merged 行政诉讼 cell again (empty) | 复议后起诉 and five cells. Each group's cells are
the five after its label, placeholders and empty cells among them; the empty merged cell is no group's."""

from __future__ import annotations

import re

from llm_extract.evidence import Status
from llm_extract.extract.layout import tokenize
from llm_extract.extract.t4cells import group_rows_short, read_group_cells
from llm_extract.ingest import Document
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document
from llm_extract.schema import REVIEW_COLUMNS, Report
from llm_extract.synth import render

_ROWS = ("四、政府信息公开行政复议、行政诉讼情况\n\t项目\n\t结果维持\n\t结果纠正\n\t其他结果\n\t尚未审结\n\t总计\n\n"
         "\t行政复议\n\t-\n\t无\n\t／\n\t／\n\t/\n\n"
         "\t行政诉讼\n\t未经复议直接起诉\n\t3\n\t／\n\t无\n\t无\n\t３\n\n"
         "\t\n\t复议后起诉\n\t1\n\t/\n\t\n\t-\n\t1\n\n")
_EXPECTED = {"administrative_review": [None] * 5, "litigation_direct": [3, None, None, None, 3],
             "litigation_after_review": [1, None, None, None, 1]}


def _text(golden_dir, rows: str) -> str:
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    text = render(Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields}), "cells")
    text, n = re.subn(r"四、政府信息公开行政复议、行政诉讼情况\n.*?\n\n\n", lambda _: rows + "\n", text, flags=re.S)
    assert n == 1
    return text


def test_groups_as_rows_one_cell_to_a_line_are_read_by_their_labels(golden_dir) -> None:
    record = process_document(Document.from_text(_text(golden_dir, _ROWS), doc_id="t4"))
    for group, values in _EXPECTED.items():
        for column, value in zip(REVIEW_COLUMNS, values):
            path = f"review_litigation.{group}.{column}"
            assert record.report.get(path) == value, path
            assert record.provenance[path].status is Status.PROVEN, path


def test_a_group_row_short_of_five_cells_reads_no_group_by_its_label(golden_dir) -> None:
    rows = _ROWS.replace("\t1\n\t/\n\t\n\t-\n\t1\n", "\t1\n\t/\n\t-\n\t1\n")      # a cell lost: four
    record = process_document(Document.from_text(_text(golden_dir, rows), doc_id="t4-short"))
    assert record.provenance["review_litigation.litigation_after_review.upheld"].status is not Status.PROVEN
    assert record.report.get("review_litigation.litigation_after_review.corrected") != 1


def test_groups_as_rows_on_lines_of_their_own_are_the_row_readers(golden_dir) -> None:
    """OCR'd text printing each group's row on one line, a cell's 1 read as a bar (``0 0 O 1 |``): not a table one
    cell to a line; the row readers place its cells (the bar a cell, the letters guesses)."""
    rows = ("四、政府信息公开行政复议、行政诉讼情况\n结果维持  结果纠正  其他结果  尚未审结  总计\n行政复议 0 0 0 0 0\n"
            "未经复议直接起诉 0 0 O 1 |\n复议后起诉 O o 0 D 0\n")
    record = process_document(Document.from_text(_text(golden_dir, rows), doc_id="t4-ocr"))
    assert record.report.get("review_litigation.administrative_review.total") == 0
    assert record.provenance["review_litigation.administrative_review.total"].status is Status.PROVEN


def test_group_names_in_a_header_one_to_a_line_leave_fifteen_cells_after_it_to_the_row_readers(golden_dir) -> None:
    """pdftotext's default mode prints the two-level header one cell to a line, then the fifteen numbers: the group
    names head columns, no cell follows them, and the fifteen are read as a row."""
    cells = ["0", "0", "0", "0", "0", "1", "0", "0", "0", "1", "0", "0", "0", "0", "0"]
    rows = ("四、政府信息公开行政复议、行政诉讼情况\n\n行政复议\n\n行政诉讼\n\n未经复议直接起诉\n\n复议后起诉\n\n"
            "结果维持\n\n结果纠正\n\n其他结果\n\n尚未审结\n\n总计\n\n" + "\n\n".join(cells) + "\n\n")
    record = process_document(Document.from_text(_text(golden_dir, rows), doc_id="t4-header"))
    assert record.report.get("review_litigation.litigation_direct.upheld") == 1
    assert record.provenance["review_litigation.litigation_direct.total"].status is Status.PROVEN


def test_a_text_tools_run_of_header_words_naming_a_group_is_no_rows_label(golden_dir) -> None:
    """pdftotext's default mode prints a header's cells one to a line, numbers among them, and the reader joins the
    words into one text (``行政复议其他尚未审结果结``): it names a group, but heads no row of cells."""
    rows = ("四、政府信息公开行政复议、行政诉讼情况\n结果\n维持\n\n0\n\n3\n\n行政复议\n其他\n尚未审\n\n1\n\n0\n\n行政诉讼\n总\n计\n\n4\n\n"
            "结果\n维持\n\n0\n\n未经复议直接起诉\n结果\n其他\n\n0\n\n2\n\n0\n\n总\n计\n\n2\n\n1\n\n0\n\n复议后起诉\n其他\n\n1\n\n1\n\n"
            "总计\n\n3\n\n")
    items = tokenize(rows.split("\n"), 1, rows.count("\n") + 1)
    assert not group_rows_short(items) and read_group_cells(items) is None


def test_a_row_number_column_and_a_remark_column_take_no_group_cell(golden_dir) -> None:
    """The table numbers its rows (序号) and ends each in a 备注: ``1`` / ``行政复议`` / five cells / (remark) / ``2`` /
    ``行政诉讼（未经复议直接起诉）`` …: each group's cells are the five after its label; the numbers are its rows'."""
    rows = ("四、政府信息公开行政复议、行政诉讼情况\n\t序号\n\t\n\t结果维持\n\t结果纠正\n\t其他结果\n\t尚未审结\n\t总计\n\t备注\n\n"
            "\t1\n\t行政复议\n\t1\n\t3\n\t0\n\t2\n\t6\n\t\n\n"
            "\t2\n\t行政诉讼（未经复议直接起诉）\n\t0\n\t1\n\t2\n\t0\n\t3\n\t含网上申请\n\n"
            "\t3\n\t行政诉讼（复议后起诉）\n\t7\n\t0\n\t0\n\t1\n\t8\n\t\n\n")
    record = process_document(Document.from_text(_text(golden_dir, rows), doc_id="t4-numbered"))
    expected = {"administrative_review": [1, 3, 0, 2, 6], "litigation_direct": [0, 1, 2, 0, 3],
                "litigation_after_review": [7, 0, 0, 1, 8]}
    for group, values in expected.items():
        for column, value in zip(REVIEW_COLUMNS, values):
            path = f"review_litigation.{group}.{column}"
            assert record.report.get(path) == value, path
            assert record.provenance[path].status is Status.PROVEN, path


def test_a_table_of_empty_cells_only_is_read_blank_where_each_cell_is_a_line(golden_dir) -> None:
    """An agency with no case leaves every cell empty. Where each of the table's cells is a line (a Word file's or
    web page's table: an empty cell a line holding its tab alone), each group's five empty cells are read blank,
    proven; in a text tool's output, where empty cells are empty lines or nothing, no table without a number is
    read."""
    empty = ("四、政府信息公开行政复议、行政诉讼情况\n\t项目\n\t结果维持\n\t结果纠正\n\t其他结果\n\t尚未审结\n\t总计\n\n"
             "\t行政复议\n" + "\t\n" * 5 + "\n\t行政诉讼\n\t未经复议直接起诉\n" + "\t\n" * 5 +
             "\n\t\n\t复议后起诉\n" + "\t\n" * 5 + "\n")
    record = process_document(Document.from_text(_text(golden_dir, empty), doc_id="t4-empty"))
    paths = [f"review_litigation.{g}.{c}" for g in _EXPECTED for c in REVIEW_COLUMNS]
    assert [record.report.get(p) for p in paths] == [None] * 15
    assert [record.provenance[p].status for p in paths] == [Status.PROVEN] * 15
    lines_only = empty.replace("\t\n", "\n")           # a text tool's: the empty cells are empty lines
    record = process_document(Document.from_text(_text(golden_dir, lines_only), doc_id="t4-lines"))
    assert all(record.provenance[p].status is not Status.PROVEN for p in paths)


def test_one_tab_row_of_fifteen_fields_keeps_its_empty_cells_places(golden_dir) -> None:
    """A web page's table saved as tab rows: ``4⇥⇥3⇥1⇥8⇥⇥…``, one field a cell, an empty field an empty cell. Its four
    numbers are 行政复议's 维持, 其他, 未审结 and 总计 where the fields put them (counted alone, four numbers for
    fifteen cells were no reading at all)."""
    header = "\t".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3)
    rows = ("四、政府信息公开行政复议、行政诉讼情况\n行政复议\t行政诉讼\n"
            "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉\n"
            f"{header}\n" + "\t".join(["4", "", "3", "1", "8"] + [""] * 5 + ["2", "", "", "", "2"]) + "\n\n")
    record = process_document(Document.from_text(_text(golden_dir, rows), doc_id="t"))
    expected = {"administrative_review": [4, None, 3, 1, 8], "litigation_direct": [None] * 5,
                "litigation_after_review": [2, None, None, None, 2]}
    for group, values in expected.items():
        for column, value in zip(REVIEW_COLUMNS, values):
            path = f"review_litigation.{group}.{column}"
            assert (record.report.values()[path], record.provenance[path].status) == (value, Status.PROVEN), path


def test_a_tab_rows_field_of_ocr_letters_alone_is_a_cell_in_its_place(golden_dir) -> None:
    """An OCR'd table saved as tab rows: ``0⇥0⇥5⇥S⇥10⇥⇥…⇥O⇥0⇥1⇥0⇥1``. A field of a confusable letter alone (S for 5, O
    for 0) is still its field's cell: the row is read by its fields, the empty ones blank; the letters' cells are
    pinned by their groups' sums (10 = 0 + 0 + 5 + S), never taken on the letter's say alone."""
    header = "\t".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3)
    rows = ("四、政府信息公开行政复议、行政诉讼情况\n行政复议\t行政诉讼\n"
            "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉\n"
            f"{header}\n" + "\t".join(["0", "0", "5", "S", "10"] + [""] * 5 + ["O", "0", "1", "0", "1"]) + "\n\n")
    record = process_document(Document.from_text(_text(golden_dir, rows), doc_id="t"))
    expected = {"administrative_review": [0, 0, 5, 5, 10], "litigation_direct": [None] * 5,
                "litigation_after_review": [0, 0, 1, 0, 1]}
    for group, values in expected.items():
        for column, value in zip(REVIEW_COLUMNS, values):
            path = f"review_litigation.{group}.{column}"
            assert record.report.values()[path] == value, path
            assert record.provenance[path].status is not Status.MISSING, path
    assert "READ.OCR_LETTERS_PINNED" in record.provenance["review_litigation.administrative_review.pending"].rules


def test_a_tab_row_whose_letters_break_a_groups_sum_is_not_read_by_its_fields(golden_dir) -> None:
    """The letter's guess must let its group add up (``0⇥0⇥5⇥B⇥10``: B read 8, 0 + 0 + 5 + 8 ≠ 10): else no reading."""
    header = "\t".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3)
    rows = ("四、政府信息公开行政复议、行政诉讼情况\n行政复议\t行政诉讼\n"
            f"{header}\n" + "\t".join(["0", "0", "5", "B", "10"] + [""] * 10) + "\n\n")
    record = process_document(Document.from_text(_text(golden_dir, rows), doc_id="t"))
    assert record.provenance["review_litigation.administrative_review.pending"].status is not Status.PROVEN


def test_a_tab_row_whose_fields_break_a_groups_sum_is_not_read_by_its_fields(golden_dir) -> None:
    rows = ("四、政府信息公开行政复议、行政诉讼情况\n行政复议\t行政诉讼\n"
            f"{chr(9).join(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] * 3)}\n"
            + "\t".join(["4", "", "3", "1", "9"] + [""] * 10) + "\n\n")
    record = process_document(Document.from_text(_text(golden_dir, rows), doc_id="t"))
    assert record.provenance["review_litigation.administrative_review.upheld"].status is not Status.PROVEN


def test_a_tab_row_of_fifteen_empty_fields_is_fifteen_blank_cells(golden_dir) -> None:
    """A body with no case leaves 表四's row empty: fifteen tab fields, every one empty, then a sentence saying
    none was brought. Each cell is blank (null, not 0: the golden contract keeps them apart), read from the row."""
    header = "\t".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3)
    rows = ("四、因政府信息公开工作被申请行政复议、提起行政诉讼情况\n行政复议\t行政诉讼\n"
            "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉\n"
            f"{header}\n" + "\t" * 14 + "\n\n2022年度，未发生因政府信息公开工作被申请行政复议或提起行政诉讼的情况。\n\n")
    record = process_document(Document.from_text(_text(golden_dir, rows), doc_id="t"))
    for group in ("administrative_review", "litigation_direct", "litigation_after_review"):
        for column in REVIEW_COLUMNS:
            path = f"review_litigation.{group}.{column}"
            assert (record.report.values()[path], record.provenance[path].status) == (None, Status.PROVEN), path


def test_a_markdown_grid_line_of_fifteen_empty_fields_is_fifteen_blank_cells(golden_dir) -> None:
    """The same empty row in a Markdown table (a converter's pipe grid: ``|  |  | … |``, fifteen fields under the
    two-level header): each cell is blank (null), read from the row as a tab row's are."""
    header = "| " + " | ".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3) + " |"
    rows = ("四、政府信息公开行政复议、行政诉讼情况\n| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |\n"
            "|" + "---|" * 15 + "\n| | | | | | 未经复议直接起诉 | | | | | 复议后起诉 | | | | |\n"
            f"{header}\n" + "|  " * 15 + "|\n\n")
    record = process_document(Document.from_text(_text(golden_dir, rows), doc_id="t"))
    for group in ("administrative_review", "litigation_direct", "litigation_after_review"):
        for column in REVIEW_COLUMNS:
            path = f"review_litigation.{group}.{column}"
            assert (record.report.values()[path], record.provenance[path].status) == (None, Status.PROVEN), path


def test_three_labelled_tab_rows_keep_their_empty_cells_places(golden_dir) -> None:
    """表四 as three rows of six tab fields (the group's label and its five cells): a group with no case prints only
    its total, ``行政诉讼（复议后起诉）⇥⇥⇥⇥⇥0``; its empty fields are blank cells in their places, not lost ones."""
    rows = ("四、因政府信息公开工作被申请行政复议、提起行政诉讼情况\n类别\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n"
            "行政复议\t29\t7\t8\t5\t49\n行政诉讼（未经复议直接起诉）\t\t\t\t\t0\n行政诉讼（复议后起诉）\t\t\t\t\t0\n\n")
    record = process_document(Document.from_text(_text(golden_dir, rows), doc_id="t"))
    expected = {"administrative_review": [29, 7, 8, 5, 49], "litigation_direct": [None, None, None, None, 0],
                "litigation_after_review": [None, None, None, None, 0]}
    for group, values in expected.items():
        for column, value in zip(REVIEW_COLUMNS, values):
            path = f"review_litigation.{group}.{column}"
            assert (record.report.values()[path], record.provenance[path].status) == (value, Status.PROVEN), path
