"""A ruled table's last row that a page break left open is still a row of the table.

A browser printing a web page draws each cell's side rules down to the page break and leaves the
row open: its bottom rule comes on the next page. pdfplumber finds no cell in such a row, and its
label and numbers fell out of the table into the page's loose text, where the label's pieces
(``1.本`` / ``机关`` / ``不掌``) matched no row: the row was lost. The table is closed where its
column rules end; a table closed by its own rule is read as before.
"""

from __future__ import annotations

import io

import pytest

pytest.importorskip("pdfplumber")

import pdfplumber  # noqa: E402

from llm_extract.ingest.pdf_tables import open_bottom, read_tables  # noqa: E402
from tests.pdf_text_layer import Rule, Run, text_pdf  # noqa: E402

_COLUMNS = (100.0, 200.0, 260.0, 320.0)
_TOP, _MIDDLE, _BOTTOM = 900.0, 880.0, 840.0


def _table(closed: bool) -> bytes:
    """A header row, then a row of a label and two numbers whose side rules run down to the page break."""
    left, right = _COLUMNS[0], _COLUMNS[-1]
    rules = [Rule(left, _TOP, right, _TOP), Rule(left, _MIDDLE, right, _MIDDLE)]
    rules += [Rule(x, _BOTTOM, x, _TOP) for x in _COLUMNS]
    if closed:
        rules.append(Rule(left, _BOTTOM, right, _BOTTOM))
    runs = [Run("项目", 105, 886, 9), Run("自然人", 205, 886, 9), Run("总计", 265, 886, 9),
            Run("1.本机关不掌", 105, 866, 9), Run("3", 225, 866, 9), Run("3", 285, 866, 9)]
    return text_pdf([rules + runs])


def _rows(data: bytes) -> list[list[str]]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        tables = read_tables(pdf.pages[0], 1)
    return [[c.text for c in row if c is not None] for row in tables[0].rows]


def test_a_last_row_left_open_by_a_page_break_is_read_as_a_row_of_the_table() -> None:
    assert _rows(_table(closed=False)) == [["项目", "自然人", "总计"], ["1.本机关不掌", "3", "3"]]


def test_side_rules_running_past_a_closed_table_open_no_row() -> None:
    # the bottom rule drawn, the side rules a few points longer: nothing below the rule to read
    left, right = _COLUMNS[0], _COLUMNS[-1]
    rules = [Rule(left, y, right, y) for y in (_TOP, _MIDDLE, _BOTTOM)] + [Rule(x, _BOTTOM - 6, x, _TOP) for x in _COLUMNS]
    runs = [Run("项目", 105, 886, 9), Run("自然人", 205, 886, 9), Run("总计", 265, 886, 9),
            Run("1.本机关不掌", 105, 866, 9), Run("3", 225, 866, 9), Run("3", 285, 866, 9)]
    with pdfplumber.open(io.BytesIO(text_pdf([rules + runs]))) as pdf:
        assert open_bottom(pdf.pages[0].edges, pdf.pages[0].chars) is None
        rows = [[c.text for c in row if c is not None] for row in read_tables(pdf.pages[0], 1)[0].rows]
    assert rows == [["项目", "自然人", "总计"], ["1.本机关不掌", "3", "3"]]


def test_a_table_closed_by_its_own_rule_reads_the_same() -> None:
    assert _rows(_table(closed=True)) == [["项目", "自然人", "总计"], ["1.本机关不掌", "3", "3"]]
    with pdfplumber.open(io.BytesIO(_table(closed=True))) as pdf:
        assert open_bottom(pdf.pages[0].edges, pdf.pages[0].chars) is None
