"""表四 in pdf2txt.py text: one box to a line, a blank line after each box (extract/t4boxes.py).

Its fifteen numbers after its own column headers are one run however many blank lines part them; numbers a
text tool printed after the heading before any of 表四's header words (another table's cells and headers)
are not 表四's. Three rows of five printed column by column are read so where only that order keeps every
group's total, never proven (the tool chose the order of a group's cells: READ.T4_BLOCK_ORDER); so is one row of
fifteen parted by pieces of its header.
"""

from __future__ import annotations

from llm_extract.evidence import Method, Status
from llm_extract.extract.t4boxes import BY_COLUMNS, BY_ROWS, read_table4_boxes, table4_boxes
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE4_PATHS

_ROWS = ["70", "5", "5", "12", "92", "30", "5", "12", "5", "52", "1", "2", "1", "1", "5"]
#: three rows of five (3 2 0 1 6 / 0 3 0 2 5 / 0 0 0 1 1) printed column by column
_COLUMNS = ["3", "0", "0", "2", "3", "0", "0", "0", "0", "1", "2", "1", "6", "5", "1"]
_BY_ROW = [3, 2, 0, 1, 6, 0, 3, 0, 2, 5, 0, 0, 0, 1, 1]
_HEADER = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "行政复议", "行政诉讼（未经复议直接起诉）",
           "行政诉讼（复议后起诉）"]


def _boxes(items: list[str]) -> list[str]:
    return [line for item in items for line in (item, "")]


def _text(before: list[str], after: list[str]) -> list[str]:
    return (["某某局2022年政府信息公开工作年度报告", "", "四、政府信息公开行政复议、行政诉讼情况", ""]
            + _boxes(before + _HEADER + after) + ["五、存在的主要问题及改进情况", "正文。"])


def test_the_numbers_after_the_headers_one_box_to_a_line_are_one_run() -> None:
    runs = table4_boxes(_text(["0", "0", "15"], _ROWS))
    assert [[n.cell.raw for n in run] for run in runs] == [_ROWS]


def test_another_tables_cells_and_headers_before_the_tables_own_header_words_are_not_its() -> None:
    """(表三's columns printed after 表四's heading, under 数据1 … 总计.)"""
    runs = table4_boxes(_text(["数据1", "4", "2", "数据2", "0", "总计", "6", "2"], _ROWS))
    assert [[n.cell.raw for n in run] for run in runs] == [_ROWS]


def test_a_row_of_fifteen_parted_by_a_header_is_read_in_printed_order_as_the_tools_order() -> None:
    """(Its header among its cells: the order is the tool's, a group's cells in another order keeping its total;
    read so only where every group's total holds, and never proven: READ.T4_BLOCK_ORDER.)"""
    assert len(table4_boxes(_text([], _ROWS[:10] + ["其他"] + _ROWS[10:]))) == 2
    placed = read_table4_boxes(_text([], _ROWS[:10] + ["其他"] + _ROWS[10:]))
    assert placed is not None and placed[1] == Method.T4_ACROSS_HEADERS
    assert [n.cell.raw for n in placed[0]] == _ROWS
    broken = _ROWS[:4] + ["其他"] + _ROWS[5:] + ["其他"] + [_ROWS[4]]       # (a total printed last: no group holds)
    assert read_table4_boxes(_text([], broken)) is None
    record = process_document(Document.from_text("\n".join(_text([], _ROWS[:10] + ["其他"] + _ROWS[10:])), doc_id="d"))
    for path, raw in zip(TABLE4_PATHS, _ROWS):
        assert record.provenance[path].raw == raw and record.provenance[path].status is Status.UNVERIFIED, path


def test_columns_parted_by_a_header_are_read_by_columns() -> None:
    """(结果维持 … 尚未审结 / their twelve numbers / 总计 / its three: runs of whole columns.)"""
    placed = read_table4_boxes(_text([], _COLUMNS[:12] + ["总计"] + _COLUMNS[12:]))
    assert placed is not None and placed[1] == BY_COLUMNS and [n.cell.value for n in placed[0]] == _BY_ROW


def test_blanks_are_read_by_columns_but_not_in_one_row() -> None:
    """A blank counts 0 in a group's total. Read by columns it is never proven anyway; in one row of fifteen,
    a blank and a 0 of a group trade places keeping its total, so that row is not read."""
    blanks = ["0", "-", "0", "1", "-", "0", "0", "-", "0", "1", "-", "0", "2", "-", "0"]
    placed = read_table4_boxes(_text([], blanks))
    assert placed is not None and placed[1] == BY_COLUMNS
    assert [n.cell.value for n in placed[0]] == [0, 1, 0, 1, 2] + [None] * 5 + [0] * 5
    assert read_table4_boxes(_text([], ["1", "-", "0", "0", "1"] + ["0"] * 10)) is None


def test_a_run_of_another_count_leaves_the_table_unread() -> None:
    assert table4_boxes(_text([], _ROWS[:14])) == []


def test_one_row_of_fifteen_is_read_in_printed_order() -> None:
    placed = read_table4_boxes(_text([], _ROWS))
    assert placed is not None and placed[1] == BY_ROWS and [n.cell.raw for n in placed[0]] == _ROWS


def test_three_rows_printed_column_by_column_are_read_by_columns() -> None:
    placed = read_table4_boxes(_text([], _COLUMNS))
    assert placed is not None and placed[1] == BY_COLUMNS and [n.cell.value for n in placed[0]] == _BY_ROW


def test_both_orders_keeping_every_total_with_other_values_leave_the_table_unread() -> None:
    either = ["0", "0", "0", "0", "0", "2", "0", "0", "0", "2", "0", "0", "2", "0", "2"]
    assert read_table4_boxes(_text([], either)) is None        # (by columns: 0 0 0 2 2 / 0 0 0 0 0 / 0 2 0 0 2)


def test_zeros_read_either_way_are_read() -> None:
    placed = read_table4_boxes(_text([], ["0"] * 15))
    assert placed is not None and [n.cell.value for n in placed[0]] == [0] * 15


def test_a_printed_order_that_breaks_a_group_is_read_by_columns_and_never_proven() -> None:
    record = process_document(Document.from_text("\n".join(_text([], _COLUMNS)), doc_id="d"))
    assert [record.report.get(p) for p in TABLE4_PATHS] == _BY_ROW
    for path in TABLE4_PATHS:
        prov = record.provenance[path]
        assert prov.method == Method.T4_BY_COLUMNS and prov.status is Status.UNVERIFIED, path
        assert "READ.T4_BLOCK_ORDER" in prov.rules, path


def test_section_fives_heading_boxed_among_the_cells_parts_no_run_from_the_table() -> None:
    """pdfminer may print 五's heading after the first column's three cells, the other twelve right after it
    (then 五's text): they are 表四's, read by columns (never proven)."""
    lines = (["某某局2022年政府信息公开工作年度报告", "", "四、政府信息公开行政复议、行政诉讼情况", ""]
             + _boxes(_HEADER + _COLUMNS[:3] + ["五、存在的主要问题及改进情况"] + _COLUMNS[3:])
             + ["一是主动公开的深度还需拓展。", "", "六、其他需要报告的事项", "", "无。"])
    placed = read_table4_boxes(lines)
    assert placed is not None and placed[1] == BY_COLUMNS and [n.cell.value for n in placed[0]] == _BY_ROW


def test_numbers_after_section_fives_text_are_not_the_tables() -> None:
    lines = (["某某局2022年政府信息公开工作年度报告", "", "四、政府信息公开行政复议、行政诉讼情况", ""]
             + _boxes(_HEADER + _COLUMNS[:3] + ["五、存在的主要问题及改进情况", "一是主动公开的深度还需拓展。"]
                      + _COLUMNS[3:]) + ["六、其他需要报告的事项", "", "无。"])
    assert read_table4_boxes(lines) is None


def test_the_rows_last_cells_ending_its_page_after_section_five_and_six_are_the_tables_never_proven() -> None:
    """Plain pdftotext may print a one-row 表四's last columns at the end of the page, after 五's and 六's
    paragraphs (a form feed after them): with the cells up to 五 they are the fifteen, read in printed order where
    every group's total holds, never proven (READ.T4_BLOCK_ORDER)."""
    body = (["某某局2022年政府信息公开工作年度报告", "", "四、政府信息公开行政复议、行政诉讼情况", ""]
            + _boxes(_HEADER + _ROWS[:11]) + ["五、存在的主要问题及改进情况", "一是主动公开的深度还需拓展。", "",
                                              "六、其他需要报告的事项", "本年度未收取信息处理费。", ""])
    lines = body + _boxes(_ROWS[11:]) + ["\x0c"]
    placed = read_table4_boxes(lines)
    assert placed is not None and [n.cell.raw for n in placed[0]] == _ROWS
    record = process_document(Document.from_text("\n".join(lines), doc_id="d"))
    for path, raw in zip(TABLE4_PATHS, _ROWS):
        assert record.provenance[path].raw == raw and record.provenance[path].status is Status.UNVERIFIED, path
    assert read_table4_boxes(body + _boxes(_ROWS[12:]) + ["\x0c"]) is None        # (three: not the fifteen)
    next_page = body[:-6] + ["\x0c五、存在的主要问题及改进情况"] + body[-5:] + _boxes(_ROWS[11:])
    assert read_table4_boxes(next_page) is None      # (五 on the next page: its page's end is not 表四's)


def test_each_groups_first_cell_flowed_with_the_group_headers_then_the_rest_is_read_in_that_order() -> None:
    """Plain pdftotext of a one-row 表四 whose group headers stand over each group's first column: the three
    groups' first cells, the first group's other four before 五, the other groups' eight at the page's end
    (after 五's and 六's paragraphs, a page number between). Read in that order where only it keeps every
    group's total, never proven (READ.T4_BLOCK_ORDER)."""
    row = ["0", "0", "0", "3", "3", "0", "1", "0", "0", "1", "2", "0", "2", "0", "4"]
    printed = [row[0], row[5], row[10]] + row[1:5] + row[6:10] + row[11:15]
    body = (["某某局2022年政府信息公开工作年度报告", "", "四、政府信息公开行政复议、行政诉讼情况", "行政复议", "行政诉讼",
             "未经复议直接起诉", "复议后起诉"] + ["结果维持 结果纠正 其他结果 尚未审结 总计"] * 3 + [""]
            + _boxes(printed[:7]) + ["五、存在的主要问题及改进情况", "一是主动公开的深度还需拓展。", "",
                                     "六、其他需要报告的事项", "本年度未收取信息处理费。", "", "- 2 -", ""])
    lines = body + _boxes(printed[7:]) + ["\x0c"]
    placed = read_table4_boxes(lines)
    assert placed is not None and [n.cell.raw for n in placed[0]] == row
    record = process_document(Document.from_text("\n".join(lines), doc_id="d"))
    for path, raw in zip(TABLE4_PATHS, row):
        assert record.provenance[path].raw == raw and record.provenance[path].status is Status.UNVERIFIED, path
    later = body[:11] + _boxes(printed[:9]) + body[11 + 2 * 7:] + _boxes(printed[9:]) + ["\x0c"]
    assert [n.cell.raw for n in read_table4_boxes(later)[0]] == row       # (the page cut after the second group's two)
    numbered = body[:-2] + ["", "2", ""] + _boxes(printed[7:]) + ["\x0c"]      # (page 2's bare number)
    assert read_table4_boxes(["\x0c"] + numbered) is not None                 # (a form feed before: page 2)
    assert read_table4_boxes(numbered) is None                               # (page 1's number is not 2: a cell?)
    both = ["0", "0", "1", "0", "1", "0", "1", "0", "0", "1", "1", "0", "0", "0", "1"]  # the printed order holds too
    body_both = body[:11] + _boxes(both[:7]) + body[11 + 2 * 7:]
    assert read_table4_boxes(body_both + _boxes(both[7:]) + ["\x0c"]) is None     # (with other values: neither)


def test_section_fives_heading_boxed_before_the_header_line_and_all_the_numbers_leaves_them_the_tables() -> None:
    """pdf2txt.py of Chromium's three rows under 类别: the row labels, then 五's heading, then the column header
    line and the fifteen numbers, then 五's paragraph. Pieces of 表四's header after 五's heading (and among the
    numbers: 总 / 计 / 7) do not end its run; other text does."""
    rows = ["0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0"]
    lines = (["某某局2022年政府信息公开工作年度报告", "", "四、政府信息公开行政复议、行政诉讼情况", "", "类别", "",
              "行政复议", "", "行政诉讼（未经复议直接起诉）", "", "行政诉讼（复议后起诉）", "", "五、存在的主要问题及改进情况",
              "", "结果维持 结果纠正 其他结果 尚未审结 总计", ""] + _boxes(rows) + ["一是主动公开的深度还需拓展。"])
    placed = read_table4_boxes(lines)
    assert placed is not None and [n.cell.raw for n in placed[0]] == rows
    split = (["某某局2022年政府信息公开工作年度报告", "", "四、政府信息公开行政复议、行政诉讼情况", ""]
             + _boxes(_HEADER + ["2", "0", "0", "0", "2", "3", "4", "0", "0", "五、存在的主要问题及改进情况", "总", "计", "7",
                                 "结果", "维持", "0", "0", "0", "0", "总", "计", "0"]) + ["一是主动公开的深度还需拓展。"])
    placed = read_table4_boxes(split)
    assert placed is not None and [n.cell.value for n in placed[0]] == [2, 0, 0, 0, 2, 3, 4, 0, 0, 7, 0, 0, 0, 0, 0]
    prose = lines[:13] + ["", "一是主动公开的深度还需拓展。", ""] + _boxes(rows)     # (after 五's own text: not 表四's)
    assert read_table4_boxes(prose) is None


def test_a_header_printing_each_groups_columns_is_one_rows_and_its_numbers_are_not_read_by_columns() -> None:
    """0 × 11, 4 0 0 4 keeps every total read as one row (复议后起诉 0 4 0 0 4) and column by column too (0 0 0 4 4):
    under a header printing 结果维持 … 总计 once per group (the form's one row of fifteen) it is the row; under one
    printing them once (three rows of five) nothing tells, and nothing is read."""
    numbers = ["0"] * 11 + ["4", "0", "0", "4"]
    per_group = ["行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉"] + ["结果", "维持", "结果", "纠正", "其他", "结果",
                                                                   "尚未", "审结", "总", "计"] * 3
    lines = (["某某局2022年政府信息公开工作年度报告", "", "四、政府信息公开行政复议、行政诉讼情况", ""]
             + _boxes(per_group + numbers) + ["五、存在的主要问题及改进情况", "正文。"])
    placed = read_table4_boxes(lines)
    assert placed is not None and [n.cell.value for n in placed[0]] == [0] * 11 + [4, 0, 0, 4]
    assert read_table4_boxes(_text([], numbers)) is None


def test_the_rows_last_cells_ending_the_page_before_the_next_pages_first_line_are_the_tables() -> None:
    """The page-end run of 表四's last cells, after 五's paragraph, where the next page opens with 六's heading on
    the form feed's own line (``\\f六、其他需要报告的事项``): that line is the next page's, the run still ends its page."""
    body = (["某某局2022年政府信息公开工作年度报告", "", "四、政府信息公开行政复议、行政诉讼情况", ""]
            + _boxes(_HEADER + _ROWS[:12]) + ["五、存在的主要问题及改进情况", "一是主动公开的深度还需拓展。", ""])
    lines = body + _boxes(_ROWS[12:]) + ["\x0c六、其他需要报告的事项", "本年度未收取信息处理费。", "", "\x0c"]
    placed = read_table4_boxes(lines)
    assert placed is not None and [n.cell.raw for n in placed[0]] == _ROWS


def test_one_run_that_also_keeps_every_total_with_the_groups_first_cells_first_is_not_read() -> None:
    """A one-row 表四 printed as one run whose printed order keeps every total and whose order with the groups'
    first cells first (plain pdftotext flowing them with the group headers) keeps them too, with other values:
    which one the text tool printed, nothing tells; nothing is read (rather than a row proven by its sums)."""
    printed = ["0", "0", "1", "0", "1", "0", "1", "0", "0", "1", "1", "0", "0", "0", "1"]
    per_group = ["行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉"] + ["结果维持 结果纠正 其他结果 尚未审结 总计"] * 3
    lines = (["某某局2022年政府信息公开工作年度报告", "", "四、政府信息公开行政复议、行政诉讼情况", ""]
             + _boxes(per_group + printed) + ["五、存在的主要问题及改进情况", "正文。"])
    assert read_table4_boxes(lines) is None


def test_another_tables_cells_between_the_group_words_and_the_column_words_are_not_the_tables() -> None:
    """pdf2txt.py of Chromium's page: 表四's group words (行政复议 / 行政诉讼), then 表三's spilled cells, then the
    column words and 表四's own numbers among them. Where all the numbers after the group words are more than
    fifteen and those from the first column word on are exactly fifteen, those are 表四's."""
    spilled = ["3"] * 20
    own = ["结果", "维持", "结果", "纠正", "其他", "结果", "尚未", "审结", "总", "计", "未经复议直接起诉", "复议后起诉", "1", "结果",
           "维持", "0", "0", "0", "总", "计", "1", "0", "0", "0", "0", "0", "2", "0", "0", "0", "2"]
    lines = (["某某局2022年政府信息公开工作年度报告", "", "四、政府信息公开行政复议、行政诉讼情况", ""]
             + _boxes(["行政复议", "行政诉讼"] + spilled + own) + ["五、存在的主要问题及改进情况", "正文。"])
    runs = table4_boxes(lines)
    assert [n.cell.raw for run in runs for n in run] == [x for x in own if x.isdigit()]
    short = lines[:4] + _boxes(["行政复议", "行政诉讼"] + spilled + own[:-1]) + lines[-2:]
    assert table4_boxes(short) == []          # (fourteen from the first column word on: whose are they?)
