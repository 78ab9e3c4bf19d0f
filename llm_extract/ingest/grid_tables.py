"""Grid tables (pandoc's ``+---+`` tables) in text: each read as the HTML reader reads a table.

Pandoc and converters built on it write tables as grids drawn in characters::

    +----------------+--------+------+
    | 二、上年结转政府 | 0      | 0    |
    | 信息公开申请数量 |        |      |
    +----------------+--------+------+

A cell's text wraps over as many lines as its column is narrow (a label may take six lines, two
characters each), a merged cell spans columns (no ``|`` between them) or rows (no border under it),
and columns line up by display width (a Chinese character takes two columns). Read line by line, each
wrapped line is a table row of its own: its empty fields look like a blank row, its label pieces like
nothing. :func:`unfold_grid_tables` finds each grid, rebuilds its cells (text joined over their lines,
row and column spans kept) and writes it as the HTML reader writes a table (one cell per line, a merged
cell once, an empty line after each row: :func:`~llm_extract.ingest.html.html_to_text`), so a grid table
reaches the row reader as a web page's table does. A block that does not parse as a grid (a ruled box
around prose, a torn table) stays as it is.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from .box_tables import boxes_as_grids
from .grid_frames import display_columns, layout_cells
from .html import html_to_text

__all__ = ["unfold_grid_tables"]

#: a grid's full border: ``+---+===+:--+``
_BORDER = re.compile(r"^\+(?:[-=:]+\+)+$")
_RULE_CHARS = frozenset("-=:")
_EDGE_CHARS = frozenset("|+")
#: a pandoc simple table's rule (``---------- ------ ------``): runs of dashes, spaces between them
_SIMPLE_RULE = re.compile(r"^\s*-{3,}(?:\s+-{3,})+\s*$")
#: lines at most in one grid (a bound on the work; a longer block stays text)
MAX_GRID_LINES = 20_000


@dataclass
class _Cell:
    left: int
    right: int
    top: int                                     # the row (band) it starts in
    bottom: int = -1                             # the row it ends in
    lines: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        out = ""
        for piece in (p.strip() for p in self.lines):
            if not piece:
                continue
            if out and out[-1].isascii() and out[-1].isalnum() and piece[0].isascii() and piece[0].isalnum():
                out += " "
            out += piece
        return out


def _bounds(grid: list[list[str]]) -> list[int]:
    """Display columns of the grid's column boundaries: every ``+`` of a border line."""
    found: set[int] = set()
    for row in grid:
        for i, ch in enumerate(row):
            if ch == "+" and ((i + 1 < len(row) and row[i + 1] in _RULE_CHARS) or (i and row[i - 1] in _RULE_CHARS)):
                found.add(i)
    return sorted(found)


def _segment(row: list[str], a: int, b: int) -> str:
    return "".join(row[a + 1:b]) if a + 1 < len(row) else ""


def _parse(block: list[str]) -> list[_Cell] | None:
    """The grid's cells, or None when the block is no well-formed grid."""
    grid = [display_columns(line) for line in block]
    if len({len(row) for row in grid}) > 1:         # rows of unlike widths: a tool that drew “ ” two columns wide?
        wide = [display_columns(line, ambiguous_wide=True) for line in block]
        if len({len(row) for row in wide}) == 1:
            grid = wide
    xs = _bounds(grid)
    if len(xs) < 2 or any(len(row) < xs[-1] + 1 for row in grid):
        return None
    ncols = len(xs) - 1
    cur: list[_Cell | None] = [None] * ncols
    cells: list[_Cell] = []
    band = 0
    for row in grid[1:]:
        if row[xs[0]] not in _EDGE_CHARS or row[xs[-1]] not in _EDGE_CHARS:
            return None
        border = [bool(seg) and set(seg) <= _RULE_CHARS for seg in (_segment(row, xs[j], xs[j + 1])
                                                                     for j in range(ncols))]
        for j in range(ncols):
            if border[j] and (cell := cur[j]) is not None:
                cell.bottom = band
                for k in range(cell.left, cell.right + 1):
                    cur[k] = None
        j = 0
        while j < ncols:
            if border[j]:
                j += 1
                continue
            k = j
            while k + 1 < ncols and not border[k + 1] and row[xs[k + 1]] not in _EDGE_CHARS:
                k += 1                  # no rule between: the cell spans the next column too
            cell = cur[j]
            if cell is None:
                if any(cur[c] is not None for c in range(j, k + 1)):
                    return None         # a cell that would overlap another: not a grid read right
                cell = _Cell(j, k, band)
                cells.append(cell)
                for c in range(j, k + 1):
                    cur[c] = cell
            cell.lines.append(_segment(row, xs[j], xs[k + 1]))
            j = k + 1
        if border[-1]:
            band += 1
    if any(c is not None for c in cur) or not cells:
        return None                     # the last line closes every cell
    return cells


def _as_html(cells: list[_Cell]) -> str:
    rows: dict[int, list[_Cell]] = {}
    for cell in cells:
        rows.setdefault(cell.top, []).append(cell)
    out = ["<table>"]
    for band in sorted(rows):
        out.append("<tr>")
        for cell in sorted(rows[band], key=lambda c: c.left):
            span = f' colspan="{cell.right - cell.left + 1}"' if cell.right > cell.left else ""
            span += f' rowspan="{cell.bottom - cell.top + 1}"' if cell.bottom > cell.top else ""
            out.append(f"<td{span}>{html.escape(cell.text)}</td>")
        out.append("</tr>")
    out.append("</table>")
    return "".join(out)


def unfold_grid_tables(text: str) -> str:
    """``text`` with each grid table (drawn in ASCII or in box-drawing characters: :mod:`.box_tables`) replaced
    by its cells as the HTML reader writes a table's."""
    text = boxes_as_grids(text)
    if "+-" not in text and "+=" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        if not _BORDER.match(lines[i].strip()):
            out.append(lines[i])
            i += 1
            continue
        indent = len(lines[i]) - len(lines[i].lstrip())
        j = i + 1
        while j < len(lines) and j - i < MAX_GRID_LINES and lines[j][:indent].strip() == "" \
                and lines[j][indent:indent + 1] in ("|", "+"):
            j += 1
        block = [line[indent:].rstrip() for line in lines[i:j]]
        inner = layout_cells(block)
        if inner is not None and any(_BORDER.match(x.strip()) or _SIMPLE_RULE.match(x) for cell in inner for x in cell):
            for cell in inner:          # a layout table around grids (or pandoc's simple tables, ``---- ----``):
                #                         its cells' lines as printed, their grids read
                out.extend(["", unfold_grid_tables("\n".join(cell)), ""])
            i = j
            continue
        cells = _parse(block) if len(block) >= 3 and _BORDER.match(block[-1]) else None
        if cells is None:
            out.extend(lines[i:j])
        else:
            out.extend(["", html_to_text(_as_html(cells)).strip("\n"), ""])
        i = j
    return "\n".join(out)
