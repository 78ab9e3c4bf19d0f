"""表四's fifteen cells printed one to a line: a text tool's order, not the page's.

``pdf2txt.py`` prints a ruled 表四 of three rows by columns (行政复议's 结果维持, then 未经复议直接起诉's,
then 复议后起诉's, then each row's 结果纠正, …). Blank cells and zeros keep every group's total in
any order, so when the cells hold both as rows and as columns and the two readings differ, which cell
is blank is not known: 表四 is left unread (queued), never proven in one order.
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document, load
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE4_PATHS
from tests.block_fixtures import LAYOUTS_DIR, layout_truth, truth_value

_ROW = "1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t1\t1\t"      # golden/002's 表四 as one row of fifteen
#: 表四 as three rows of five, as pdf2txt.py prints it: the columns named once, the rows' names, then the cells
_THREE_ROWS = ["结果维持 结果纠正 其他结果 尚未审结", "总计", "行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）"]


def _with_table4(golden_dir, cells: list[str], header: list[str] | None = None) -> Document:
    text = (golden_dir / "002_0126e23b7202ee31.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("四、政府信息公开行政"))
    end = next(i for i, line in enumerate(lines) if _ROW in line)
    if header is not None:
        lines[start + 1:end] = header
    text = "\n".join(lines)
    assert text.count(_ROW) == 1
    return Document.from_text(text.replace(_ROW, "\n".join(cells)), doc_id="t4")


def test_blanks_and_zeros_printed_by_columns_are_not_proven_in_either_order(golden_dir) -> None:
    # 行政复议 printed blank (—), both litigation rows 0: by columns — 0 0 — 0 0 …, which read by rows would
    # put blanks under 行政复议's 结果维持 and 尚未审结 and zeros between them
    by_columns = ["—", "0", "0"] * 5
    record = process_document(_with_table4(golden_dir, by_columns, _THREE_ROWS))
    assert not any(record.provenance[p].status is Status.PROVEN for p in TABLE4_PATHS)


def test_numbers_one_to_a_line_that_hold_only_by_rows_are_read_by_rows(golden_dir) -> None:
    cells = _ROW.strip("\t").split("\t")
    record = process_document(_with_table4(golden_dir, cells, _THREE_ROWS))
    assert [record.report.get(p) for p in TABLE4_PATHS] == [int(c) for c in cells]
    assert all(record.provenance[p].status is Status.PROVEN for p in TABLE4_PATHS)


def test_one_row_of_fifteen_naming_its_columns_for_each_group_is_read_in_printed_order(golden_dir) -> None:
    """The 2021 form's own layout (结果维持 … 总计 under each of the three groups) fixes the order: read."""
    cells = ["—", "0", "0"] * 5
    record = process_document(_with_table4(golden_dir, cells))
    assert [record.report.get(p) for p in TABLE4_PATHS] == [None if c == "—" else 0 for c in cells]
    assert all(record.provenance[p].status is Status.PROVEN for p in TABLE4_PATHS)


def test_cells_one_to_a_line_with_column_headers_among_them_are_read_but_not_proven(golden_dir) -> None:
    """pdftotext printing the table as blocks goes back to a header after ten cells (``结果维 结果纠`` / ``持``):
    the order is the tool's, and a group's cells swapped keep its total, so none is proven."""
    cells = _ROW.strip("\t").split("\t")
    printed = cells[:10] + ["结果维 结果纠", "持", "正"] + cells[10:12] + ["其他", "结果", "尚未审", "结", "总计"] + cells[12:]
    record = process_document(_with_table4(golden_dir, printed))
    assert [record.report.get(p) for p in TABLE4_PATHS] == [int(c) for c in cells]
    assert not any(record.provenance[p].status is Status.PROVEN for p in TABLE4_PATHS)
    assert all("READ.T4_BLOCK_ORDER" in record.provenance[p].rules for p in TABLE4_PATHS)


def test_fifteen_zeros_one_to_a_line_with_column_headers_among_them_are_proven(golden_dir) -> None:
    """A year without reviews or suits: the tool's order of fifteen 0 is the same table in any order. One cell
    of another value, and the order matters again."""
    cells = ["0"] * 15
    printed = cells[:10] + ["结果维 结果纠", "持", "正"] + cells[10:12] + ["其他", "结果", "尚未审", "结", "总计"] + cells[12:]
    record = process_document(_with_table4(golden_dir, printed))
    assert [record.report.get(p) for p in TABLE4_PATHS] == [0] * 15
    assert all(record.provenance[p].status is Status.PROVEN for p in TABLE4_PATHS)
    printed[3], printed[4] = "1", "1"           # 纠正 1, 总计 1 of 行政复议: the two could trade places
    record = process_document(_with_table4(golden_dir, printed))
    assert all("READ.T4_BLOCK_ORDER" in record.provenance[p].rules for p in TABLE4_PATHS)


def test_header_pieces_run_together_with_a_groups_name_among_the_cells_still_leave_them_unproven(golden_dir) -> None:
    """pdftotext joined a group's name and the character-split headers beside it into one line among the cells
    (``未经复议直接起诉`` / ``结 结 其 尚 果 果 他 维 纠 持``): still header pieces among the cells, the order the
    tool's; a blank in one group and a 0 in another would trade places keeping every total."""
    cells = ["0", "0", "0", "1", "1", "—", "—", "—", "—", "0", "0", "—", "0", "0", "0"]
    printed = cells[:5] + ["未经复议直接起诉结结其尚果果他维纠持"] + cells[5:6] + ["复议后起诉总计结结其他尚总"] + cells[6:]
    record = process_document(_with_table4(golden_dir, printed))
    assert not any(record.provenance[p].status is Status.PROVEN for p in TABLE4_PATHS)
    assert all("READ.T4_BLOCK_ORDER" in record.provenance[p].rules for p in TABLE4_PATHS
               if record.report.get(p) is not None)


def test_cells_one_to_a_line_under_headers_printed_in_pieces_side_by_side_are_read_but_not_proven(golden_dir) -> None:
    """``结果 结果`` / ``维持 纠正``: pdftotext laid the headers out by lines, two columns' pieces side by side,
    and printed the cells after them in an order of its own (``0 0 1 0 1`` for ``0 1 0 0 1``)."""
    pieces = ["行政复议", "行政诉讼", "结果 结果", "维持 纠正", "未经复议直接起诉", "复议后起诉", "其他 尚未",
              "总计 结果 结果 其他 尚未", "结果 审结", "总计"]
    cells = _ROW.strip("\t").split("\t")
    record = process_document(_with_table4(golden_dir, cells, pieces))
    assert [record.report.get(p) for p in TABLE4_PATHS] == [int(c) for c in cells]
    assert all(record.provenance[p].status is Status.UNVERIFIED for p in TABLE4_PATHS)
    assert all("READ.T4_BLOCK_ORDER" in record.provenance[p].rules for p in TABLE4_PATHS)


def test_a_super_header_above_the_column_headers_is_no_pair_of_pieces_side_by_side(golden_dir) -> None:
    """PyMuPDF prints a three-rows-of-five 表四 one cell to a line: ``类别`` / ``办理结果`` / ``结果维持`` / … /
    ``总计`` / each group's name and its five cells. ``办理结果`` then ``结果维持`` run together read ``结果结果``, but
    on two lines they are a header over its columns, not two columns' pieces side by side: read and proven."""
    header = ["类别", "办理结果", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    cells = _ROW.strip("\t").split("\t")
    printed = ["行政复议", *cells[:5], "行政诉讼（未经复议直", "接起诉）", *cells[5:10], "行政诉讼（复议后起", "诉）",
               *cells[10:]]
    record = process_document(_with_table4(golden_dir, printed, header))
    assert [record.report.get(p) for p in TABLE4_PATHS] == [int(c) for c in cells]
    assert all(record.provenance[p].status is Status.PROVEN for p in TABLE4_PATHS)


def test_table_four_as_two_tables_has_the_second_tables_header_between_their_cells_and_is_proven(golden_dir) -> None:
    """行政复议 as a table of five, then 行政诉讼 as a table of ten under a two-level header (PyMuPDF, one cell to a line):
    the second table's header pieces stand between the two tables' cells, after its groups' names, where a
    group's cells end. They are that table's own header, not a tool going back to a header: read and proven."""
    cells = _ROW.strip("\t").split("\t")
    header = ["结果维", "持", "结果纠", "正", "其他结", "果", "尚未审", "结", "总计"]
    printed = ["行政复议", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", *cells[:5],
               "行政诉讼", "未经复议直接起诉", "复议后起诉", *header, *header, *cells[5:]]
    record = process_document(_with_table4(golden_dir, printed, []))
    assert [record.report.get(p) for p in TABLE4_PATHS] == [int(c) for c in cells]
    assert all(record.provenance[p].status is Status.PROVEN for p in TABLE4_PATHS)


def test_counts_in_a_sentence_under_the_heading_are_not_cells(golden_dir) -> None:
    """``本年度因政府信息公开被申请行政复议 1 件，被提起行政诉讼 1 件。`` printed between 表四's heading and its
    table (LibreOffice's PDF through pdftotext: each group's headers, then its numbers): the sentence's counts
    are no cells, the table's fifteen numbers are read."""
    cells = _ROW.strip("\t").split("\t")
    headers = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    printed = cells[:5] + ["未经复议直接起诉", "复议后起诉"] + headers + headers + cells[5:]
    sentence = "本年度因政府信息公开被申请行政复议 1 件，被提起行政诉讼 1 件。"
    record = process_document(_with_table4(golden_dir, printed, [sentence, "行政复议", "行政诉讼"] + headers))
    assert [record.report.get(p) for p in TABLE4_PATHS] == [int(c) for c in cells]


def test_a_group_printed_as_a_row_of_blank_cells_in_a_markdown_table_of_three_rows(golden_dir) -> None:
    """``| 行政诉讼（未经复议直接起诉） |  |  |  |  |  |``: a converter keeps the group's row with five empty
    cells; the other two rows hold their five numbers each, and the blank group is five blank cells."""
    header = ["|  | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |", "|---|---|---|---|---|---|"]
    rows = ["| 行政复议 | 1 | 0 | 0 | 0 | 1 |", "| 行政诉讼（未经复议直接起诉） |  |  |  |  |  |",
            "| 行政诉讼（复议后起诉） | 0 | 0 | 0 | 1 | 1 |"]
    record = process_document(_with_table4(golden_dir, rows, header))
    assert [record.report.get(p) for p in TABLE4_PATHS] == [1, 0, 0, 0, 1] + [None] * 5 + [0, 0, 0, 1, 1]
    assert all(record.provenance[p].status is Status.PROVEN for p in TABLE4_PATHS)


def test_blanks_and_zeros_under_columns_named_once_with_the_groups_named_after_are_not_proven(golden_dir) -> None:
    """pdftotext: each column named once (结果维持 … 总计), the cells by columns in groups of three, the rows'
    names only after them: a grid of three rows as well, whose blanks and zeros hold either order."""
    header = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    cells = ["—", "—", "0", ""] * 5 + ["行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）"]
    record = process_document(_with_table4(golden_dir, cells, header))
    assert not any(record.provenance[p].status is Status.PROVEN for p in TABLE4_PATHS)


def test_cells_sharing_a_line_with_single_header_characters_among_them_are_not_proven() -> None:
    # pdfminer's text of a Word report's 表四 (an independent generator's): the headers one character to a line,
    # three cells side by side where their boxes lined up (``0 无 0``), the others one to a line between header
    # characters. The order is pdfminer's: 无 stands where 其他结果 is, read as 结果纠正's in printed order.
    name = "pdfminer_table4_header_pieces_among_cells"
    text = (LAYOUTS_DIR / f"{name}.txt").read_text(encoding="utf-8")
    assert "纠\n正\n结\n果\n0 无 0\n" in text                    # the shape this test is about
    record = process_document(load(LAYOUTS_DIR / f"{name}.txt"))
    truth = layout_truth(name)
    wrong = [p for p in TABLE4_PATHS if record.provenance[p].status is Status.PROVEN
             and record.report.get(p) != truth_value(truth, p)]
    assert wrong == []
    assert not any(record.provenance[p].status is Status.PROVEN for p in TABLE4_PATHS)
