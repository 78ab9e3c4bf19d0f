"""表二 printed box by box (``pdf2txt.py``, ``pdftotext``'s default mode): the signs that a row's numbers stand
in the order a text tool chose for its boxes, not the table's (``Method.T2_BOXES``, ``READ.BOX_ORDER``: read,
never proven; no identity checks 表二), and the sign of a web page's text parted by its markup's newlines
(the page's own order)."""

from __future__ import annotations

import re

from .layout import Item

__all__ = ["markup_blank_lines", "boxes_apart", "box_among_empty_rows"]

#: a line holding one count or amount (a 表二 cell)
_NUMBER = re.compile(r"^\s*[0-9０-９][0-9０-９.,，]*\s*$")


def markup_blank_lines(lines: list[str], start: int, end: int) -> bool:
    """Whether lines ``start`` … ``end - 1`` (1-based) part their text as a web page's markup does, cells in the
    page's order: by runs of two blank lines or more only (BeautifulSoup's ``get_text``: ``规章`` / two blank lines /
    ``0`` …), or a row's cells by one blank line and its rows by runs of two or more (the text of a Word "Save as
    web page" page, each ``<td>`` and ``<tr>`` on a line of its own: ``规章`` / ``1`` / ``0`` / ``12`` a blank line
    apart, three blank lines before ``行政规范性文件``), every number one blank line after the cell before it and every
    wider run before a row's first cell (words), three such runs at least. A PDF text tool printing box by box parts
    every box by one blank line. A line of a tab alone is a blank cell (an ``&nbsp;`` of the page: ``第二十条`` /
    ``\t`` / ``第（一）项``), no gap."""
    runs, blank, ones, rows_apart = 0, 0, False, True
    for n in range(max(start, 1), min(end, len(lines) + 1)):
        line = lines[n - 1]
        if line.strip() or line == "\t":     # (a blank cell: an &nbsp; of the page, text of it)
            number = _NUMBER.match(line) is not None
            if blank == 1:
                ones = True
            elif blank > 1:
                runs += 1
            if number and blank != 1:
                rows_apart = False      # a number is a row's cell, one blank line after the cell before it (a wider
                #                         run opens a row: its label's words)
            blank = 0
        else:
            blank += 1
    return runs > 0 and not ones or ones and rows_apart and runs >= 3


def boxes_apart(label: Item, values: list[Item]) -> bool:
    """Whether a row's several numbers stand one to a line after its label, a blank line between each (a PDF
    text tool printing box by box: pdf2txt.py, pdftotext's default mode), none on the label's line."""
    lines = [label.line] + [v.line for v in values]
    return len(values) > 1 and all(b - a >= 2 for a, b in zip(lines, lines[1:]))


def box_among_empty_rows(items: list[Item], i: int, values: list[Item], labelled: list[int]) -> bool:
    """Whether a one-cell row's number stands in a box of its own (a line or more between it and its label)
    while another 表二 row prints no number after its label: a PDF text tool printing box by box puts a
    row's number between two labels where the row above's cell is blank (``行政处罚`` / ``52`` / ``行政强制``,
    52 being 行政强制's), or after the next label where labels stand as a column (``行政处罚`` / ``行政强制`` /
    ``0`` / ``信息内容`` / ``行政事业性收费`` / ``0``, both zeros the stack's, the fee printed further down);
    which row's a number is the order does not tell."""
    if len(values) != 1 or values[0].line - items[i].line < 2:
        return False
    return any(j + 1 >= len(items) or not items[j + 1].is_value for j in labelled if j != i)
