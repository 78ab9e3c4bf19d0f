"""表四's one row of fifteen narrow cells, long counts wrapped inside their cells (extract/t4wraps.py).

A Word report's 表四 sets fifteen number columns on an A4 page; a count wider than its column wraps inside its
cell, and ``pdftotext -layout`` prints the row over two or three lines: 407 as ``40`` on the row's line and ``7``
under it, 888 as ``88`` above the row's line and ``8`` under it. The layout's places are too rough to say which
cell a piece belongs to (a proportional font's digits are narrower than its grid), so the row is never proven:
every placement of the wrapped cells keeping each group's total is an option, the verifier derives the row where
one placement alone does, and it is queued all the same; where several do, the row stays missing.
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.extract.layout import Item
from llm_extract.extract.cells import parse_cell
from llm_extract.extract.t4wraps import wrapped_row_options
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import REVIEW_COLUMNS, REVIEW_GROUPS
from tests.fakeopenai import report_text, sample_values

T4 = [f"review_litigation.{g}.{c}" for g in REVIEW_GROUPS for c in REVIEW_COLUMNS]
T4_HEADING = "四、政府信息公开行政复议、行政诉讼情况"
_HEADER = """
                行政复议                       行政诉讼
                                  未经复议直接起诉                    复议后起诉
       结    结    其     尚
                                结  结  其 尚     结              结  其  尚
       果    果    他     未   总
                                果  果  他 未  总  果              果  他  未           总
       维    纠    结     审   计
                                维  纠  结 审  计  维              纠  结  审           计
       持    正    果     结
                                持  正  果 结     持              正  果  结
"""
#: 407 0 74 0 481 | 0 0 0 0 0 | 185 222 518 0 925: six cells wrapped, their last digits under the row
UNDER = ("       40   0    74    0   48   0   0   0   0   0   18       22   51       0   92\n"
         "       7         1           5   2   8   5\n")
UNDER_VALUES = [407, 0, 74, 0, 481, 0, 0, 0, 0, 0, 185, 222, 518, 0, 925]
#: 888 in two cells of one group: 维持 and 总计, or 纠正 and 总计, … of any group (the identities cannot tell)
AROUND = ("                                      88           88\n"
          "      0   0    0     0   0   0    0        0            0   0       0   0   0\n"
          "                                       8            8\n")


def _report(rows: str) -> str:
    head = report_text(sample_values()).replace("\t", "    ").split(T4_HEADING)[0]
    return head + T4_HEADING + "\n" + _HEADER + rows + "五、存在的主要问题及改进情况\n\n无。\n"


def _record(rows: str):
    return process_document(Document.from_text(_report(rows), doc_id="d"))


def _items(rows: str, first: int) -> tuple[list[Item], list[str]]:
    lines = rows.splitlines()
    return [Item(t, first + i, parse_cell(t)) for i, line in enumerate(lines) for t in line.split()], lines


def test_a_row_whose_wrapped_pieces_one_placement_alone_makes_add_up_is_derived_and_queued() -> None:
    record = _record(UNDER)
    assert [record.report.get(p) for p in T4] == UNDER_VALUES
    assert {record.provenance[p].status for p in T4} == {Status.DERIVED}


def test_a_row_whose_wrapped_pieces_several_placements_make_add_up_stays_missing() -> None:
    record = _record(AROUND)
    assert all(record.report.get(p) is None for p in T4)
    assert all(record.provenance[p].status is Status.MISSING for p in T4)


def test_every_placement_keeping_the_groups_totals_is_an_option() -> None:
    items, lines = _items(AROUND, 1)
    options = wrapped_row_options(items, lines)
    assert len(options) == 12               # 888 with its total: one of four results, in one of three groups
    assert [0, 0, 0, 0, 0, 0, 0, 888, 0, 888, 0, 0, 0, 0, 0] in options
    assert all(sorted(o)[-2:] == [888, 888] and o.count(0) == 13 for o in options)


def test_a_count_cut_inside_its_thousands_group_joins_the_digits_its_group_lacks() -> None:
    items, lines = _items("                                                 1,1   1,1\n"
                          "       0   0    0     11   11   37   0       0               0   0       0   0   0\n"
                          "                                                 10    47\n", 1)
    assert [0, 0, 0, 11, 11, 37, 0, 0, 1110, 1147, 0, 0, 0, 0, 0] in wrapped_row_options(items, lines)


def test_a_first_piece_never_starts_with_zero_nor_is_shorter_than_the_last() -> None:
    items, lines = _items("0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n0\n", 1)
    assert wrapped_row_options(items, lines) == []
    items, lines = _items("1 0 0 0 1 0 0 0 0 0 0 0 0 0 0\n23 23\n", 1)
    assert wrapped_row_options(items, lines) == []


def test_first_pieces_cut_inside_their_thousands_group_are_the_rows_pieces_not_dropped() -> None:
    # 1,110 and 1,147 print 1,1 over 10 and 1,1 over 47; read without their first pieces, the fifteen numbers
    # left (10 and 47 last) were taken for the row
    record = _record("                                                 1,1   1,1\n"
                     "       0   0    0     11   11   37   0       0               0   0       0   0   0\n"
                     "                                                 10    47\n")
    assert all(record.report.get(p) is None for p in T4)     # 37 + 1,110 = 1,147 in 直接起诉: 1,110 维持 纠正 其他 or 尚未审结


def test_a_wrapped_row_left_missing_is_not_read_again_from_the_texts_blocks() -> None:
    # 1,110 in 复议后起诉's 其他结果 and 总计: the blocks' reader took the thirteen zeros and the pieces under them
    # for the row, every group adding up: fifteen zeros proven
    record = _record("                                                                             1,11         1,11\n"
                     "    0   0     0     0    0    0    0       0        0   0    0         0            0\n"
                     "                                                                              0            0\n")
    assert all(record.report.get(p) is None for p in T4)
    assert {record.provenance[p].status for p in T4} == {Status.MISSING}


#: pymupdf4llm's markdown of such a PDF: the row a pipe row, the wrapped cells' last pieces (143's 3 in two cells)
#: a paragraph after the table
PIPE_TABLE = """
|行政复议|Col2|Col3|Col4|Col5|行政诉讼|Col7|Col8|Col9|Col10|Col11|Col12|Col13|Col14|Col15|
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
|结<br>果<br>维<br>持|结<br>果<br>纠<br>正|其<br>他<br>结<br>果|尚<br>未<br>审<br>结|总<br>计|未经复议直接起诉|未经复议直接起诉|未经复议直接起诉|未经复议直接起诉|未经复议直接起诉|复议后起诉|复议后起诉|复议后起诉|复议后起诉|复议后起诉|
|结<br>果<br>维<br>持|结<br>果<br>纠<br>正|其<br>他<br>结<br>果|尚<br>未<br>审<br>结|总<br>计|结<br>果<br>维<br>持|结<br>果<br>纠<br>正|其<br>他<br>结<br>果|尚<br>未<br>审<br>结|总<br>计|结<br>果<br>维<br>持|结<br>果<br>纠<br>正|其<br>他<br>结<br>果|尚<br>未<br>审<br>结|总<br>计|
|0|14|0|0|14|0|22|0|0|22|0|0|0|0|0|


<u>3</u> <u>3</u>
"""


def test_a_converters_pipe_row_whose_wrapped_pieces_print_after_the_table_is_never_proven() -> None:
    # read from the pipe row alone, 复议's 14 and 14 were proven: they are 143 and 143 (or 直接起诉's 22 and 22 are
    # 223 and 223: both placements keep every total)
    head = report_text(sample_values()).split(T4_HEADING)[0]
    text = head + T4_HEADING + "\n" + PIPE_TABLE + "五、存在的主要问题及改进情况\n\n无。\n"
    record = process_document(Document.from_text(text, doc_id="d", source_kind="md"))
    assert all(record.report.get(p) is None for p in T4)
    assert {record.provenance[p].status for p in T4} == {Status.MISSING}


def test_a_pipe_row_of_numbers_reads_as_its_cells_and_blank_lines_part_no_wrapped_row() -> None:
    lines = ["|0|14|0|0|14|0|22|0|0|22|0|0|0|0|0|", "", "", "3 3"]
    items = [Item(t, 1, parse_cell(t)) for t in lines[0].strip("|").split("|")] + \
        [Item("3", 4, parse_cell("3")), Item("3", 4, parse_cell("3"))]
    options = wrapped_row_options(items, lines)
    assert [0, 143, 0, 0, 143, 0, 22, 0, 0, 22, 0, 0, 0, 0, 0] in options
    assert [0, 14, 0, 0, 14, 0, 223, 0, 0, 223, 0, 0, 0, 0, 0] in options


def test_wrapped_pieces_stacked_in_their_own_fields_are_one_count_derived_and_queued() -> None:
    # pymupdf4llm keeps a wrapped count's pieces in its field (2<br>2<br>2): read as numbers, the row had 23 for
    # 15 cells and was left missing; each field is one cell, its pieces one count, the verifier's to check
    rows = PIPE_TABLE.split("|0|14|")[0] + "|0|2<br>2<br>2|0|0|2<br>2<br>2|0|0|0|1<br>4<br>8|1<br>4<br>8|0|0|0|0|0|\n"
    head = report_text(sample_values()).split(T4_HEADING)[0]
    text = head + T4_HEADING + "\n" + rows + "五、存在的主要问题及改进情况\n\n无。\n"
    record = process_document(Document.from_text(text, doc_id="d", source_kind="md"))
    assert [record.report.get(p) for p in T4] == [0, 222, 0, 0, 222, 0, 0, 0, 148, 148, 0, 0, 0, 0, 0]
    assert {record.provenance[p].status for p in T4} == {Status.DERIVED}


def test_stacked_pieces_that_cannot_be_one_count_or_break_a_total_are_no_option() -> None:
    line = "|0|2<br>2|0|0|2<br>2|0|0|0|0|0|0|0|0|0|0|"
    items = [Item(t, 1, parse_cell(t)) for t in "0 2 2 0 0 2 2 0 0 0 0 0 0 0 0 0 0".split()]
    assert wrapped_row_options(items, [line]) == [[0, 22, 0, 0, 22] + [0] * 10]
    assert wrapped_row_options(items, [line.replace("2<br>2|0|0|0", "2<br>3|0|0|0")]) == []   # 22 ≠ 23
    assert wrapped_row_options(items, [line.replace("|2<br>2|0|0|2", "|0<br>2|0|0|2")]) == []  # no 02
