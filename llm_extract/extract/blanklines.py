"""表三 printed one cell to a line, an empty cell as an empty line (text copied from a phone article).

A phone article's table copied as text puts each cell on a line of its own; a cell left empty is a line
with nothing on it::

    一、本年新收政府信息公开申请数量
    43
    (four empty lines: 商业企业 … 法律服务机构 left empty)
    10
    53

The empty lines are the row's empty cells, but a reader that skips empty lines (as everywhere else they are
only spacing) sees three numbers for seven cells. Where every row of the table is followed by exactly seven
lines of cells (a number, a placeholder or nothing) before the next label, the table is printed that way: a
row whose seven lines hold an empty one, and whose total is the sum of its other cells (an empty cell
counting 0), or whose seven lines are all empty, is handed on as a cell-per-line export prints it: each line a tab and its cell, an empty cell a
tab alone (line numbers keep). Anything else (a row of more or fewer lines, a total that does not add up) leaves
the lines as they were: such a row is read as before, or left missing.

表四 printed so (Word's or LibreOffice's "save as text": every cell a line, an empty one empty) is one row of fifteen
lines under its column headers, the first group's 结果维持 to the last group's 总计::

    总计
    (ten empty lines: 行政复议 and 未经复议直接起诉, no case)
    5
    12
    5
    5
    27
    2021年，因政府信息公开工作被申请行政复议0件，被提起行政诉讼27件。

Where the lines between the last header word (a column's or a group's name) and the next text are exactly fifteen,
each a count, a placeholder or nothing, and they are the only cells of the region, each group's total the sum of
its results (an empty cell counting 0), they are handed on as a cell-per-line export prints them (a tab and its
cell; t4oneline and table4 read those); fifteen empty lines there are a row with no case. Cells spaced by empty
lines (a value and an empty line, by turns) are not such a row.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from ..form import FORM
from .cells import parse_cell
from .layout import Region

__all__ = ["blank_line_cells", "blank_line_row", "adds_up", "line_kind", "SPANNED_LABELS"]

_WIDTH = len(FORM.table3_columns)
_T4_GROUP = len(FORM.table4_columns)
_T4_CELLS = len(FORM.table4_groups) * _T4_GROUP
#: the words of 表四's header (its columns' and groups' names): the line right above the row's cells holds one
_T4_HEADS = tuple(c.label for c in FORM.table4_columns) + tuple(g.label for g in FORM.table4_groups) + ("起诉",)
_TOP = re.compile(r"[一二三四][、.．]")    # 表三's top-level rows (一、本年新收 … 四、结转下年度)
#: the label columns left of a row's own label that span rows (三、本年度办理结果, （三）不予公开): a Word table printed
#: as text prints them again, empty, before the rows below their first
SPANNED_LABELS = 2


@lru_cache(maxsize=16384)
def line_kind(line: str) -> str:
    """``"empty"``, ``"value"`` (a number or a placeholder) or ``"text"``. (Cached: every pass over a table's lines
    asks it of each line, and the same lines, ``\t0`` and the form's labels, recur in every report.)"""
    text = line.strip()
    if not text:
        return "empty"
    return "value" if parse_cell(text).is_value else "text"


def _spanned(lines: list[str], start: int, stop: int) -> int:
    """The end of a run's seven cells where it is followed by the next row's spanned label cells, printed empty
    (a Word file's 表三 as LibreOffice writes it as text: 三、本年度办理结果 and （三）不予公开 span the rows beside
    them, and each row below their first prints their cells as empty lines before its own label): at most
    :data:`SPANNED_LABELS` empty lines after the seventh, before a row of 三's results (no cell spans the rows of 一、二、四、:
    an empty line before them is spacing, and a table so spaced is left as printed); else ``stop``."""
    if _WIDTH < stop - start <= _WIDTH + SPANNED_LABELS and stop < len(lines) and not _TOP.match(lines[stop].strip()) \
            and all(line_kind(lines[i]) == "empty" for i in range(start + _WIDTH, stop)):
        return start + _WIDTH
    return stop


def _runs(lines: list[str], region: Region) -> list[tuple[int, int]] | None:
    """The runs of cell lines (0-based start, end) that follow a text line in the region, each holding a
    value: None unless every one is ``_WIDTH`` lines long (the last may be followed by empty lines)."""
    end = region.end - 1
    # the runs of cells: those holding a value, and a row's seven empty lines between two labels
    runs: list[tuple[int, int]] = []
    valued = False                                      # whether a run kept holds a value
    start: int | None = None
    holds = False                                       # whether the open run holds a value
    for i, kind in enumerate(map(line_kind, lines[region.start:end]), region.start):  # (after the heading)
        if kind == "value":
            holds = True
        elif kind == "text":
            if start is not None and (holds or i - start == _WIDTH or _spanned(lines, start, i) != i):
                if runs and runs[-1][1] - runs[-1][0] != _WIDTH:
                    return None                         # (only the last run may be trimmed to its seven lines)
                runs.append((start, _spanned(lines, start, i)))
                valued = valued or holds
            start, holds = i + 1, False
    if start is not None and holds:
        if runs and runs[-1][1] - runs[-1][0] != _WIDTH:
            return None
        runs.append((start, end))
        valued = True
    if not valued:
        return None
    a, b = runs[-1]
    while b - a > _WIDTH and line_kind(lines[b - 1]) == "empty":
        b -= 1                                          # the spacing before the next section
    runs[-1] = (a, b)
    if any(b - a != _WIDTH for a, b in runs):
        return None
    return runs


def adds_up(cells: list[str]) -> bool:
    values = [parse_cell(c).value if c else None for c in cells]
    if any(v is not None and not isinstance(v, int | Decimal) for v in values):
        return False
    parts = sum(v or 0 for v in values[:-1])
    return values[-1] is not None and values[-1] == parts


def blank_line_cells(lines: list[str], region: Region | None) -> list[str]:
    """``lines`` with 表三's rows of one cell to a line and empty cells as empty lines as a cell-per-line
    export's (see the module docstring); the lines unchanged where the table is not printed so."""
    if region is None:
        return lines
    runs = _runs(lines, region)
    if runs is None:
        return lines
    out = list(lines)
    for a, b in runs:
        cells = [lines[i].strip() for i in range(a, b)]
        if all(cells) or (any(cells) and not adds_up(cells)):
            continue                                    # (a row of empty lines only: seven empty cells)
        for i, cell in zip(range(a, b), cells):
            out[i] = "\t" + cell
    return out


def _t4_runs(lines: list[str], region: Region) -> list[tuple[int, int]]:
    """The runs of lines (0-based start, end) with no text in 表四's region, each ended by a text line (the next
    section's heading, at the region's end, ends the last)."""
    runs: list[tuple[int, int]] = []
    start: int | None = None
    for i in range(region.start, min(region.end, len(lines))):
        if line_kind(lines[i]) == "text":
            if start is not None and start < i:
                runs.append((start, i))
            start = i + 1
    return runs


def _by_turns(cells: list[str]) -> bool:
    """Whether ``cells`` are values spaced by empty lines (a value, an empty line, a value …): paragraph spacing."""
    return len(cells) % 2 == 1 and all(bool(c) == (k % 2 == 0) for k, c in enumerate(cells))


def blank_line_row(lines: list[str], region: Region | None) -> list[str]:
    """``lines`` with 表四's fifteen cells written one to a line, its empty cells empty lines, as a cell-per-line
    export's (see the module docstring); the lines unchanged where the table is not printed so."""
    if region is None:
        return lines
    runs = _t4_runs(lines, region)
    valued = [(a, b) for a, b in runs if any(line_kind(lines[i]) == "value" for i in range(a, b))]
    if len(valued) > 1:
        return lines
    chosen = valued or [(a, b) for a, b in runs if b - a == _T4_CELLS]
    if len(chosen) != 1:
        return lines
    a, b = chosen[0]
    above = lines[a - 1].strip()
    if b - a != _T4_CELLS or not any(above.endswith(w) for w in _T4_HEADS):
        return lines
    cells = [lines[i].strip() for i in range(a, b)]
    if all(cells) or _by_turns(cells):
        return lines
    for g in range(0, _T4_CELLS, _T4_GROUP):
        group = cells[g:g + _T4_GROUP]
        if any(group) and not adds_up(group):
            return lines
    out = list(lines)
    for i, cell in zip(range(a, b), cells):
        out[i] = "\t" + cell
    return out
