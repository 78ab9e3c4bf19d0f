"""A layout table drawn as a grid around a page's article: the frame taken off, its text kept as lines.

Many government sites place the article in a cell of a page-layout ``<table>`` (beside a column of links, at
times inside a second frame). Pandoc's plain text writes that outer table as a grid whose cells hold every line
of what they hold, the report's own tables (grids themselves) included::

    +--------------+-----------------------------------------------+
    | 信息公开目录 | 二、主动公开政府信息情况                      |
    |              |                                               |
    | - 机构职能   | +----------------+--------------+             |
    |              | | 信息内容       | 本年制发件数 |             |
    |              | +----------------+--------------+             |
    +--------------+-----------------------------------------------+

Read as one grid, the inner tables' ``+`` are taken for the outer grid's column bounds and nothing parses; read
as cells, the article's lines and its tables become one run-on string. :func:`layout_cells` gives the lines
inside each cell of such a layout grid, in reading order (row by row, a row's cells left to right; the border
columns cut off, display width counted: a Chinese character takes two columns), so the caller reads them as
text again and the inner grids as the tables they are. The layout grid's columns are those of its top border,
and every line keeps a border at each of them (a layout table merges no cells); anything else is no layout
grid.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["layout_cells", "display_columns"]

_BORDER = re.compile(r"^\+(?:[-=:]+\+)+$")


def display_columns(line: str, ambiguous_wide: bool = False) -> list[str]:
    """The line by display column: a wide (Chinese) character takes two, the second held by ``""`` (a plain-text
    table's columns are display columns: grid_tables, simple_tables and the layout grid here). ``ambiguous_wide``:
    so do characters of ambiguous width (“ ” ‘ ’ …), as a terminal in a Chinese locale draws them (w3m)."""
    if line.isascii():                  # (a border or an ASCII cell: every character one column)
        return list(line)
    wide = ("W", "F", "A") if ambiguous_wide else ("W", "F")
    out: list[str] = []
    for ch in line:
        out.append(ch)
        if unicodedata.east_asian_width(ch) in wide:
            out.append("")
    return out


def _unpadded(lines: list[str]) -> list[str]:
    """A cell's lines without the grid's padding (one space after the border), trailing spaces and the empty
    lines under a short cell (a column of links beside the article)."""
    lines = [x.rstrip() for x in lines]
    if all(x[:1] == " " for x in lines if x):
        lines = [x[1:] for x in lines]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def layout_cells(block: list[str]) -> list[list[str]] | None:
    """The lines of each cell of the grid ``block`` (its lines, top and bottom border included), in reading
    order, a cell's lines as printed; None when ``block`` is no grid without merged cells."""
    if len(block) < 3 or not _BORDER.match(block[0]) or not _BORDER.match(block[-1]):
        return None
    bounds = [i for i, ch in enumerate(block[0]) if ch == "+"]    # (a border is ASCII: index = display column)
    if len(block[-1]) != len(block[0]) or [i for i, ch in enumerate(block[-1]) if ch == "+"] != bounds:
        return None
    cells: list[list[str]] = []
    row: list[list[str]] = [[] for _ in bounds[1:]]
    for line in block[1:]:
        if _BORDER.match(line) and len(line) == len(block[0]):
            cells += [_unpadded(c) for c in row]          # a row's border: its cells are done
            row = [[] for _ in bounds[1:]]
            continue
        chars = display_columns(line)
        if len(chars) != bounds[-1] + 1 or any(chars[b] not in "|+" for b in bounds):
            return None
        for k, (a, b) in enumerate(zip(bounds, bounds[1:])):
            row[k].append("".join(chars[a + 1:b]))
    return cells
