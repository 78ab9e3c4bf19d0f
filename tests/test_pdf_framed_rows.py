"""A framed table whose rows have no vertical rules below its shaded header is no grid of cells.

Word and browsers print such tables: a frame round the table, a shaded header of one cell per column, then
rows parted by hairlines only. pdfplumber finds a table in its rules whose header row has a cell per column
and whose every other row is one cell across the frame: its text runs the row's numbers together
(``一、新收 5 5``), the blank cell lost, and a label wrapped over lines is joined to the numbers of the rows
around it. Such a table is read from the page instead, each number placed in its column by its position.
"""

from __future__ import annotations

import io

import pytest

pytest.importorskip("pdfplumber")

import pdfplumber  # noqa: E402

from llm_extract.ingest.pdf import pdf_to_text  # noqa: E402
from llm_extract.ingest.pdf_tables import read_tables  # noqa: E402
from tests.pdf_text_layer import Fill, Rule, Run, text_pdf  # noqa: E402

_XS = (100.0, 220.0, 280.0, 340.0, 400.0)     # the column borders of the header
_TOPS = (940.0, 920.0, 900.0, 880.0, 860.0)  # the rules between rows, from the bottom of the page


def _framed(rows: list[list[str]]) -> bytes:
    items: list[Run | Rule | Fill] = [Fill(x0, _TOPS[1], x1, _TOPS[0]) for x0, x1 in zip(_XS, _XS[1:])]
    items += [Run(t, x + 4, _TOPS[1] + 6, 9) for t, x in zip(["项目", "自然人", "法人", "总计"], _XS)]
    items += [Rule(_XS[0], y, _XS[-1], y) for y in _TOPS]
    items += [Rule(_XS[0], _TOPS[-1], _XS[0], _TOPS[0]), Rule(_XS[-1], _TOPS[-1], _XS[-1], _TOPS[0])]
    for top, cells in zip(_TOPS[1:], rows):
        items += [Run(t, x + 4, top - 14, 9) for t, x in zip(cells, _XS) if t]
    return text_pdf([items])


_ROWS = [["一、新收", "5", "", "5"], ["二、结转", "1", "0", "1"], ["三、公开", "6", "0", "6"]]


def test_rows_one_cell_across_the_frame_are_no_table() -> None:
    with pdfplumber.open(io.BytesIO(_framed(_ROWS))) as pdf:
        tables = read_tables(pdf.pages[0], 1)
    assert not any("5 5" in c.text for t in tables for r in t.rows for c in r if c is not None)


def test_their_numbers_are_placed_by_position_keeping_the_blank_cell() -> None:
    text = pdf_to_text(_framed(_ROWS))
    assert "\t一、新收\n\t5\n\t\n\t5\n" in text
    assert "二、结转" in text and "1" in text.split("二、结转")[1].split("三、公开")[0]


def test_a_ruled_grid_with_a_spaced_number_in_its_cells_stays_a_table() -> None:
    """Only a cell across column borders of other rows holding values side by side undoes the grid."""
    items: list[Run | Rule | Fill] = [Rule(_XS[0], y, _XS[-1], y) for y in _TOPS[:3]]
    items += [Rule(x, _TOPS[2], x, _TOPS[0]) for x in _XS]
    items += [Run(t, x + 4, _TOPS[1] + 6, 9) for t, x in zip(["项目", "自然人", "法人", "总计"], _XS)]
    items += [Run(t, x + 4, _TOPS[2] + 6, 9) for t, x in zip(["一、新收", "1 0", "0", "10"], _XS)]
    with pdfplumber.open(io.BytesIO(text_pdf([items]))) as pdf:
        tables = read_tables(pdf.pages[0], 1)
    assert len(tables) == 1 and len(tables[0].rows) == 2


def test_a_row_of_marks_one_cell_across_the_frame_undoes_the_grid_too() -> None:
    # every body row one cell across the frame, a blank row's cells printed as marks (``- - -``): no numbers side by
    # side in any cell, but values all the same
    rows = [["一、新收", "-", "-", "-"], ["二、结转", "-", "-", "-"], ["三、公开", "—", "—", "—"]]
    with pdfplumber.open(io.BytesIO(_framed(rows))) as pdf:
        tables = read_tables(pdf.pages[0], 1)
    assert not any("- -" in c.text for t in tables for r in t.rows for c in r if c is not None)
