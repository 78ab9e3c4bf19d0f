"""表四 as three rows of five in plain ``pdftotext`` (no -layout) text: each column's header, then its cells.

A Word table of three groups (rows 行政复议, 行政诉讼（未经复议直接起诉）, 行政诉讼（复议后起诉）) under the five results
(结果维持 … 总计) is read by poppler column by column: a column's header, then its cells top down, the groups' labels
among the first column's cells. The last row may be printed on its own after the columns (its cells left of the
first column's end go with it), so that the columns print two cells each and the third row follows 总计's::

    类别
    结果维持
    行政复议
    1
    行政诉讼（未经
    0
    复议直接起诉）
    行政诉讼（复议
    7
    后起诉）
    五、存在的主要问题及改进情况
    结果纠正
    0
    0
    …
    总计
    13
    12
    15        ← the third row's 结果纠正 … 总计
    0
    0
    22

With narrow label cells the third row's first cells stand after its label's first piece instead (行政诉讼 / 0 /
10 / （复议后起 / 诉）: its cells of the columns printed so far), its others after 总计's.

:func:`read_column_rows` reads such a table: the five headers alone on their lines in the form's order, each
followed by two or three cells (the third row's cells the column left out printed beside its label, then after
总计's, in the columns' order); numbers under the first header past three are its cells (two or three), then
表三's last ones. How many cells 总计's column printed before the third row is not shown: each count is tried, and the table is read only when exactly one reading keeps every group's total. Numbers before the first
header are not the table's (表三's cells printed after the heading), nor numbers after the next section's heading
up to a header (表三's last cells, printed after 表四's heading when 表三 ends on its page). The order is the tool's, so every cell is read as a block's
(``Method.T4_BY_COLUMNS``: never proven, ``READ.T4_BLOCK_ORDER``). A table printing all three cells under every
header is left to the other readers (:mod:`.t4transposed`); so is anything else.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from ..evidence import CellKind, Method
from ..form import FORM
from ..schema import TABLE4_PATHS
from .cells import Cell, parse_cell
from .readings import Readings, reading

__all__ = ["read_column_rows"]

_COLUMNS = [c.label for c in FORM.table4_columns]
_GROUPS = len(FORM.table4_groups)
#: a line of a group's label, whole or a piece (行政诉讼（未经 / 复议直接起诉）), or the header's 类别
_ROW_LABEL = re.compile(r"[类别行政复议诉讼未经直接起后（）()]+")
#: a section's heading, a page's number: no cell
_SKIP = re.compile(r"^[一二三四五六七八九十]+、|^[-－—]?\s*\d+\s*[-－—]$|^第\s*\d+\s*页")
#: the next section's heading: numbers after it, up to a header, are not the table's
_SECTION = re.compile(r"^[五六七八九十]、")
#: prose: a sentence (a sentence's punctuation, or a line long enough)
_PROSE = re.compile(r"[，。；：]|.{16,}")
#: how far after the heading the table may stand
_REACH = 120



class _Printed(NamedTuple):
    line: int
    cell: Cell


class _Columns(NamedTuple):
    """The headers with the cells printed after each (header, its line, cells), and the third row's cells printed
    beside its label (after its first piece), with how many columns had been printed before them."""
    heads: list[tuple[str, int, list[_Printed]]]
    beside: list[_Printed]
    before: int


def _row_begins(line: str) -> bool:
    """A group's label begins the line: 行政复议, or 行政诉讼 (未经复议直接起诉's, then 复议后起诉's)."""
    return line.startswith(("行政复议", "行政诉讼"))


def _segments(lines: Sequence[str], start: int) -> _Columns | None:
    """The column headers after the heading at ``start`` (1-based) with the cells printed after each; None where a
    line after the first cell under a header is neither a cell, a header, a group's label, a heading nor prose.
    Numbers after the next section's heading, up to a header, are set aside (表三's cells printed after 表四's
    heading); numbers right after the third group's label begins are that row's (its first columns')."""
    out: list[tuple[str, int, list[_Printed]]] = []
    beside: list[_Printed] = []
    before = rows = 0
    apart = third = False
    for n in range(start + 1, min(len(lines), start + _REACH) + 1):
        line = lines[n - 1].strip()
        if not line:
            continue
        if line in _COLUMNS:
            out.append((line, n, []))
            apart = third = False
            continue
        cell = parse_cell(line)
        if cell.is_number or cell.kind is CellKind.PLACEHOLDER:
            if third:
                beside.append(_Printed(n, cell))
            elif out and not apart:
                out[-1][2].append(_Printed(n, cell))
            continue                        # before any header, or after the next section's heading: not the table's
        third = False
        ended = bool(out) and out[-1][0] == _COLUMNS[-1] and bool(out[-1][2])
        if _ROW_LABEL.fullmatch(line):
            rows += _row_begins(line)
            if rows == _GROUPS and _row_begins(line) and out and not beside:
                third, before = True, sum(1 for _, _, cells in out if cells)
            continue
        if ended:
            break                           # the last column's cells (and the third row's) end
        if _SKIP.search(line) or _PROSE.search(line):
            apart = apart or (bool(_SECTION.match(line)) and any(cells for _, _, cells in out))
            continue
        if apart:
            continue
        if any(cells for _, _, cells in out):
            return None
        out = []                            # no cell under a header yet (总计 among the groups' labels): still before
    return _Columns(out, beside, before)


def _holds(grid: list[list[Cell]]) -> bool:
    return all((row[-1].value or 0) == sum(c.value or 0 for c in row[:-1]) for row in grid)


def read_column_rows(lines: Sequence[str], start: int) -> Readings | None:
    """表四's fifteen cells printed column by column after the heading at line ``start`` (1-based), the third row's
    left-out cells beside its label or after the last column's; None unless exactly one such reading keeps every
    group's total."""
    found = _segments(lines, start)
    if found is None:
        return None
    columns = [s for s in found.heads if s[2]]      # a header with no cell under it (总计 among the groups' labels)
    if [label for label, _, _ in columns] != _COLUMNS or len(found.beside) > found.before:
        return None
    beside, width = found.beside, len(_COLUMNS)
    first, last = columns[0][2], columns[-1][2]
    # more numbers under the first header than the column holds: its cells first, then 表三's last ones
    firsts = [first] if len(first) <= _GROUPS else [first[:2], first[:_GROUPS]]
    tables: dict[tuple[object, ...], Readings] = {}
    for head, shown in ((h, s) for h in firsts for s in range(2, _GROUPS + 1 - (len(beside) == width))):
        counts = [len(head)] + [len(cells) for _, _, cells in columns[1:-1]]
        if not all(2 <= c <= _GROUPS - (i < len(beside)) for i, c in enumerate(counts)) \
                or (not beside and all(c == _GROUPS for c in counts)):
            continue                        # (every column whole: a table the other readers read)
        printed = [head] + [cells for _, _, cells in columns[1:-1]] + [last[:shown]]
        grid: list[list[_Printed | None]] = [[None] * width for _ in range(_GROUPS)]
        for c, cells in enumerate(printed):
            for r, got in enumerate(cells):
                grid[r][c] = got
        for c, got in enumerate(beside):
            grid[_GROUPS - 1][c] = got if grid[_GROUPS - 1][c] is None else None
        left = [(r, c) for r in range(_GROUPS) for c in range(width) if grid[r][c] is None]
        tail = last[shown:]
        if len(beside) > width or len(left) != len(tail) or any(r != _GROUPS - 1 for r, _ in left) \
                or any(grid[_GROUPS - 1][c] is not got for c, got in enumerate(beside)):
            continue                        # only the third row is printed beside its label or after the columns
        for (r, c), got in zip(left, tail):
            grid[r][c] = got
        full = [[got for got in row if got is not None] for row in grid]
        if not _holds([[got.cell for got in row] for row in full]):
            continue
        heads = [n for _, n, _ in columns]
        out = {path: reading(got.cell, [heads[i % width], got.line], Method.T4_BY_COLUMNS)
               for i, (path, got) in enumerate(zip(TABLE4_PATHS, (got for row in full for got in row)))}
        tables[tuple((got.cell.kind, got.cell.value) for row in full for got in row)] = out
    return next(iter(tables.values())) if len(tables) == 1 else None
