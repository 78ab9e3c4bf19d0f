"""Digits of a narrow cell wrapped over lines are read down the cell's column (extract/wrapdigits.py).

A Word report's narrow number columns wrap 11 as ``１`` over ``１``; ``pdftotext -layout`` prints the row three
lines tall (the wrapped cells' pieces above and below, the short cells between), pypdf's layout mode two (the
row on its label's line, the wrapped cells' last pieces under it). Either way the row is its columns read top
to bottom, where that makes the row's total; otherwise the lines stay as printed (loosedigits.py then leaves
the row unread).
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.extract.wrapdigits import unstacked_digits
from llm_extract.ingest import load
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE3_PATHS
from tests.block_fixtures import LAYOUTS_DIR

_FIXTURE = LAYOUTS_DIR / "pdftext_narrow_cells_digits_wrapped.txt"


def _merged(*lines: str) -> tuple[list[str], dict[int, tuple[int, ...]]]:
    return unstacked_digits(list(lines), 1, len(lines) + 1)


def _line(label: str, *cells: str | None) -> str:
    """A line of fixed-width text: ``label``, then each cell at its column (four characters apart from the 20th),
    None leaving its column empty."""
    out = label
    for i, cell in enumerate(cells):
        if cell is not None:
            out += " " * (20 + 4 * i - len(out)) + cell
    return out


def _numbers(line: str) -> list[str]:
    return [t for t in line.split() if t.isdigit()]


def test_a_row_wrapped_round_its_middle_line_is_read_down_its_columns() -> None:
    out, merged = _merged("                  37                        37",
                          "（一）予以公开                 0   0   0   0   0",
                          "                   8                         8")
    assert _numbers(out[1]) == ["378", "0", "0", "0", "0", "0", "378"]
    assert out[1].startswith("（一）予以公开") and out[0] == out[2] == ""
    assert merged == {2: (1, 2, 3)}


def test_a_label_wrapped_with_the_digits_keeps_its_pieces_and_takes_the_row() -> None:
    out, merged = _merged("一、本年新收政府信息公开申请    52                        52",
                          "                        0   0   0   0   0",
                          "数量                 5                         5")
    assert out[0].startswith("一、本年新收政府信息公开申请") and _numbers(out[0])[0] == "525"
    assert out[1] == "" and out[2] == "数量"
    assert merged == {1: (1, 2, 3)}


def test_the_last_pieces_under_a_row_printed_on_its_label_line_are_joined_on() -> None:
    # pypdf's layout mode: 11 and 12 print 1 … 1 on the label's line, 1 … 2 under it
    out, merged = _merged("    一、本年新收政府信息公开申请数量          １ ０ ０ ０  ０ １ １",
                          "                              １            ２")
    assert _numbers(out[0]) == ["１１", "０", "０", "０", "０", "１", "１２"]
    assert merged == {1: (1, 2)}


def test_last_pieces_under_a_row_with_as_many_first_pieces_above_it_are_not_joined_on_as_two_lines() -> None:
    """pypdf's layout mode prints 276 three lines tall: ``2 … 2`` above the label's line, ``7 … 7`` on it among the
    row's zeros, ``6 … 6`` under it. Read as two lines the row says 76 (its total holds: 76 = 76): left as printed."""
    lines = [_line("", "2", None, None, None, None, None, "2"),
             _line("一、本年新收", "7", "0", "0", "0", "0", "0", "7"),
             _line("", "6", None, None, None, None, None, "6")]
    out, merged = unstacked_digits(lines, 1, 4)
    assert "76" not in " ".join(out) and merged == {}
    lines[0] = "三" + lines[0][1:]                  # a group's title printed down beside them: no row's label
    assert unstacked_digits(lines, 1, 4)[1] == {}


def test_first_pieces_over_a_label_alone_join_the_cells_under_it_onto_the_labels_line() -> None:
    """pdftotext's layout text of a row whose label stands on a line of its own: the wrapped cell's first piece above
    the label (``236``), the row's cells under it, the last piece (``4``) among them: 2364, its total made. A wider
    count printed whole in the column elsewhere (1609: a 1 is narrow) does not keep it from being read."""
    lines = [_line("（一）予以公开", "1609", "0", "0", "0", "0", "0", "1609"),
             _line("", "236"),
             "（七）总计",
             _line("", "4", "0", "0", "0", "0", "0", "2364")]
    out, merged = unstacked_digits(lines, 1, 5)
    assert out[2].startswith("（七）总计") and _numbers(out[2]) == ["2364", "0", "0", "0", "0", "0", "2364"]
    assert out[1] == out[3] == "" and merged == {3: (2, 3, 4)}


def test_first_pieces_beside_the_label_join_the_cells_on_the_next_line() -> None:
    # pypdf's layout mode: the first piece on the label's line, the row's cells under it
    out, merged = _merged(_line("（七）总计", "236"), _line("", "4", "0", "0", "0", "0", "0", "2364"))
    assert out[0].startswith("（七）总计") and _numbers(out[0]) == ["2364", "0", "0", "0", "0", "0", "2364"]
    assert out[1] == "" and merged == {1: (1, 2)}


def test_a_number_over_a_row_is_no_first_piece_unless_the_row_breaks_its_total_and_joined_makes_it() -> None:
    holds = [_line("", "3"), "（七）总计", _line("", "1", "0", "0", "0", "0", "0", "1")]     # (a page's number over it)
    assert _merged(*holds) == (holds, {})
    still_broken = [_line("", "23"), "（七）总计", _line("", "4", "0", "0", "0", "0", "0", "2364")]
    assert _merged(*still_broken) == (still_broken, {})


def test_a_row_merged_before_says_nothing_of_how_wide_its_columns_pieces_are() -> None:
    """A row of stacked digits already merged (``总计 20 1 0 0 0 0 21``, by digitstacks) holds numbers wider than the
    pieces of a row wrapped under its label line (``2 … 2`` / ``0 … 1``): left out, it no longer keeps that row from
    being read (20 and 21); counted, it would (a longer number in a column says its cells did not wrap)."""
    lines = [_line("一、本年新收", "2", "1", "0", "0", "0", "0", "2"),
             _line("", "0", None, None, None, None, None, "1"),
             _line("二、上年结转", "1", "0", "0", "0", "0", "0", "1"),
             _line("总计", "20", "1", "0", "0", "0", "0", "21")]
    assert unstacked_digits(lines, 1, 5)[1] == {}
    out, merged = unstacked_digits(lines, 1, 5, read={4})
    assert merged == {1: (1, 2)} and _numbers(out[0]) == ["20", "1", "0", "0", "0", "0", "21"]


def test_lines_that_do_not_make_the_row_total_stay_as_printed() -> None:
    lines = ("                  37                        37",
             "（一）予以公开                 0   0   0   0   1",
             "                   8                         8")
    assert _merged(*lines) == (list(lines), {})


def test_two_rows_zeros_are_never_one_wrapped_zero() -> None:
    # a row of zeros over a row with blank cells: 0 over 0 is no number's pieces (no number starts with 0)
    lines = (_line("二、上年结转政府信息公开申请数量", "1", "0", "0", "0", "0", "0", "1"),
             _line("", None, "0", "0", "0", "0", "0"))
    assert _merged(*lines) == (list(lines), {})


def test_a_line_under_a_row_that_holds_another_row_label_is_that_row() -> None:
    # （一）'s 2 and 2 (its other cells blank) under 二's 1 and 1: two rows, not 12 and 12
    lines = (_line("二、上年结转政府信息公开申请数量", "1", "0", "0", "0", "0", "0", "1"),
             _line("（一）予以公开", "2", None, None, None, None, None, "2"))
    assert _merged(*lines) == (list(lines), {})
    assert _merged(lines[0], _line("", "2", None, None, None, None, None, "2"))[1] == {1: (1, 2)}


def test_a_longer_number_in_the_column_says_the_cell_did_not_wrap() -> None:
    # the natural-person column prints 128 on one line elsewhere: 37 over 8 there is no wrapped 378
    wrapped = ("                  37                        37",
               "（一）予以公开                 0   0   0   0   0",
               "                   8                         8")
    assert _merged(*wrapped)[1] == {2: (1, 2, 3)}
    other_row = "（二）部分公开           128  0   0   0   0   0   128"
    assert _merged(*wrapped, other_row)[1] == {}


def test_a_row_wrapped_round_its_middle_wins_over_the_last_pieces_of_the_row_above() -> None:
    # 3.其他 prints whole; 1 … 1 is the top of 总计's 10 and 11, not the rest of 3.其他's 1 and 1
    out, merged = _merged("                       3.其他    １ ０ ０ ０ ０ ０ １",
                          "                               １           １",
                          "                   (七)总计         ０ ０ ０ ０ ０",
                          "                               ０           ０")
    assert merged == {3: (2, 3, 4)}
    assert _numbers(out[0]) == ["１", "０", "０", "０", "０", "０", "１"]
    assert _numbers(out[2]) == ["１０", "０", "０", "０", "０", "０", "１０"]


def test_a_report_with_wrapped_rows_is_read_whole_and_cites_every_line() -> None:
    record = process_document(load(_FIXTURE))
    assert all(record.provenance[p].status is Status.PROVEN for p in TABLE3_PATHS)
    assert [record.report.get(f"applications.new_received.{c}") for c in
            ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total")] \
        == [11, 0, 0, 0, 0, 1, 12]
    lines = _FIXTURE.read_text(encoding="utf-8").split("\n")
    cited = record.provenance["applications.new_received.total"].lines
    assert [lines[n - 1].split()[-1] for n in cited] == ["１", "１", "２"]


def test_a_stray_tab_elsewhere_in_the_table_keeps_wrapped_rows_read_and_a_table_of_tab_fields_is_left_alone() -> None:
    # a converter's tab in one label (区分处理的,) is no table of tab-separated fields; a table of them is read by
    # its fields, whatever their places
    wrapped = ["                  37                        37",
               "（一）予以公开                 0   0   0   0   0",
               "                   8                         8"]
    assert _merged("（二）部分公开（区分处理的\t", *wrapped)[1] == {3: (2, 3, 4)}
    tabbed = ["（一）予以公开\t37\t0\t0\t0\t0\t0\t37"] * 3
    assert _merged(*tabbed, *wrapped)[1] == {}


def test_a_group_titles_piece_beside_the_top_pieces_is_no_second_row() -> None:
    # 三、本年度办理结果 printed down its column: 三、 beside 5,452's first piece, 本年 beside its last
    out, merged = _merged("        三、                            5,4                                  5,4",
                          "                   （一）予以公开                  0      0        0    0    0",
                          "        本年                            52                                   52")
    assert _numbers(out[1].replace(",", "")) == ["5452", "0", "0", "0", "0", "0", "5452"]
    assert merged == {2: (1, 2, 3)}
