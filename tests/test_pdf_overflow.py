"""Wrapped text overflowing its ruled cell is read in the cell it is centred in.

A spreadsheet row one line high whose label wraps onto two lines prints the label centred on the row:
its first line reaches into the row above, its last into the row below. Read character by character,
``（二）部分公开…`` fell into the row of （一）, and two such labels at one height were interleaved
character by character. A paragraph (full lines wrapped at the column's rule, or characters stacked
one per line) crossing a rule is read whole at its middle; single lines in their own rows, a cell's short
last line and a column of placeholders are not paragraphs.
"""

from __future__ import annotations

import io

import pytest

from llm_extract.ingest.pdf_overflow import paragraph_middles

pytest.importorskip("pdfplumber")

import pdfplumber  # noqa: E402

from llm_extract.ingest.pdf_tables import read_tables  # noqa: E402
from tests.pdf_text_layer import Rule, Run, text_pdf  # noqa: E402

_SIZE = 6.0


def _chars(text: str, x: float, top: float) -> list[dict[str, object]]:
    return [{"text": ch, "x0": x + k * _SIZE, "x1": x + (k + 1) * _SIZE, "top": top, "bottom": top + _SIZE,
             "size": _SIZE} for k, ch in enumerate(text)]


ROWS = [(100.0, 110.0), (110.0, 120.0), (120.0, 130.0)]
EDGES = [40.0, 100.0, 130.0]                    # a label column 60 points wide (ten characters), a value column
AREA = (40.0, 100.0, 130.0, 130.0)


def test_a_label_wrapped_over_the_rules_of_its_row_is_read_at_its_middle() -> None:
    chars = _chars("（一）予以公开", 40, 102) + _chars("（二）部分公开（区分", 40, 108) + _chars("处理的）", 40, 116)
    moved = paragraph_middles(chars, ROWS, EDGES, AREA)
    assert sorted(moved) == list(range(7, len(chars)))               # （二）'s two lines, not （一）
    assert set(moved.values()) == {(108 + 116 + _SIZE) / 2}            # 115: the middle row


def test_lines_inside_their_own_rows_and_a_short_line_above_a_wrapped_one_stay() -> None:
    inside = _chars("1.属于国家秘密", 40, 102) + _chars("2.其他法律行政法规禁止", 40, 112) + _chars("3.危及", 40, 122)
    assert paragraph_middles(inside, ROWS, EDGES, AREA) == {}
    short_then_full = _chars("5.要求", 40, 106) + _chars("6.属于四类过程性信息", 40, 114)
    assert paragraph_middles(short_then_full, ROWS, EDGES, AREA) == {}   # 5.要求 is not full: a cell of its own


def test_characters_stacked_one_per_line_are_one_header_but_placeholders_are_values() -> None:
    stacked = [c for k, ch in enumerate("结果维持") for c in _chars(ch, 104, 99 + 8.5 * k)]
    moved = paragraph_middles(stacked, ROWS, EDGES, AREA)
    assert len(moved) == 4 and set(moved.values()) == {(99 + 99 + 3 * 8.5 + _SIZE) / 2}
    placeholders = [c for k in range(3) for c in _chars("无", 104, 102 + 8.5 * k)]
    assert paragraph_middles(placeholders, ROWS, EDGES, AREA) == {}


def _ruled_rows(runs: list[Run]) -> list[list[str]]:
    left, middle, right = 100.0, 190.0, 230.0
    ys = (900.0, 890.0, 880.0, 870.0)
    rules = [Rule(left, y, right, y) for y in ys] + [Rule(x, ys[-1], x, ys[0]) for x in (left, middle, right)]
    with pdfplumber.open(io.BytesIO(text_pdf([rules + runs]))) as pdf:
        table = read_tables(pdf.pages[0], 1)[0]
    return [[c.text for c in row if c is not None] for row in table.rows]


def test_a_ruled_table_reads_an_overflowing_label_in_its_own_row() -> None:
    runs = [Run("（一）予以公开", 101, 892.72, 6), Run("3", 200, 892.72, 6),
            Run("（二）部分公开（区分处", 101, 887.96, 8), Run("理的）", 101, 879.46, 8), Run("1", 200, 882.72, 6),
            Run("（三）不予公开", 101, 871.72, 6), Run("0", 200, 871.72, 6)]
    assert _ruled_rows(runs) == [["（一）予以公开", "3"], ["（二）部分公开（区分处理的）", "1"], ["（三）不予公开", "0"]]


def test_a_rows_label_and_numbers_on_one_line_are_no_paragraph_though_they_reach_the_last_rule() -> None:
    """A row whose label and numbers stand on one printed line, its last number against the table's right rule,
    over a group's title printed a character to a line (三 / 、 / 本 / 年 …, crossing the rows below): the line is
    several cells' text, the gap between label and number having a column rule in it, so neither it nor the title
    is read elsewhere (LibreOffice's PDF of a Word table: rows 一 and 二 were read in a row far below)."""
    rows = [(100.0, 110.0), (110.0, 120.0), (120.0, 160.0)]
    edges = [40.0, 100.0, 130.0]
    line_one = _chars("一、本年新收数量", 40, 102) + _chars("17", 118, 102)      # ends at 130, the last rule
    line_two = _chars("二、上年结转数量", 40, 110.5) + _chars("2", 124, 110.5)   # a line's pitch below it
    title = [c for k, ch in enumerate("三、本年度") for c in _chars(ch, 42, 117.5 + 7.5 * k)]
    moved = paragraph_middles(line_one + line_two + title, rows, edges, (40.0, 100.0, 130.0, 160.0))
    assert not set(moved) & set(range(len(line_one) + len(line_two)))          # the two rows stay in their rows


def test_a_clipped_header_cells_text_spilling_over_the_row_below_is_read_in_its_own_cell() -> None:
    # LibreOffice repeats a header row lower than its merged cell's text on a new page: it clips the cell, and the
    # text layer keeps the rest printed over the first row below it (询事项, the rest of a row the break split)
    rows = [(100.0, 115.0), (115.0, 130.0)]
    header = _chars("（本列数据的勾稽关系", 40, 101) + _chars("为：第一项加第二项之", 40, 108.5) + _chars("和，等于", 40, 116)
    chars = header + _chars("询事项", 40, 117)
    moved = paragraph_middles(chars, rows, EDGES, AREA)
    assert sorted(moved) == list(range(len(header)))                  # the header's lines, not 询事项
    assert set(moved.values()) == {(101 + 116 + _SIZE) / 2}            # inside the header's row


def test_a_paragraph_running_into_the_next_row_over_nothing_stays_where_it_is_printed() -> None:
    rows = [(100.0, 115.0), (115.0, 130.0)]
    chars = _chars("（四）无法提供1.本机", 40, 108) + _chars("关不掌握", 40, 116)
    assert paragraph_middles(chars, rows, EDGES, AREA) == {}
