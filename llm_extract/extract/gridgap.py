"""A converter's grid with empty columns among 表三's value columns: closed up.

markitdown lays a PDF's words into a grid by their positions; a header word standing apart from its
column's numbers (``社会公益`` over the gap between two columns) gets a column of its own, which no row's
number fills, and two columns printed close together share one field (``0 0``) beside such an empty
column::

    | 一、本年新收政府信息公开申请数量 |  |  |  | 3 | 0 | 0 |  | 1 | 0 | 0 | 4 |
    | 一、本年新收政府信息公开申请数量 |  |  |  | 1 |  | 0 0 |  | 0 | 0 0 | 1 |

Read as it stands, an empty field is a blank cell in an unknown place, and every row stays unread. Each grid
(markitdown lays each page's table into a grid of its own width) is looked at apart. Where the grid's rows each
print seven cells (most rows; none more; a placeholder, ``-``, is a printed cell) and a column between the table's first
and last value columns holds no number on any line, that column is no column of the form: it is closed up
(the fields after it move one to the left), and each row reads its seven numbers in order. A column the
report leaves blank on every row is no such column: its rows print six numbers. The identities check the
rows as always.
"""

from __future__ import annotations

from ..form import FORM
from .layout import Item

__all__ = ["close_empty_value_column"]

_WIDTH = len(FORM.table3_columns)
#: lines with at least this many values (numbers or placeholders: a report printing ``-`` for its empty cells) are
#: the table's rows of cells
_MIN_NUMBERS = 4


def close_empty_value_column(items: list[Item]) -> list[int]:
    """Close up the empty columns among the grid's value columns (see the module docstring), in place, for each
    grid width apart (a converter lays each page's table into a grid of its own); the columns closed (none when
    no grid has such a column)."""
    by_width: dict[int | None, dict[int, list[Item]]] = {}
    for it in items:
        if it.grid and it.col is not None:
            by_width.setdefault(it.width, {}).setdefault(it.line, []).append(it)
    closed: list[int] = []
    for by_line in by_width.values():
        closed += _close_up(by_line)
    return closed


def _close_up(by_line: dict[int, list[Item]]) -> list[int]:
    """:func:`close_empty_value_column` for the lines of one grid."""
    rows = [line for line in by_line.values() if sum(1 for it in line if it.is_value) >= _MIN_NUMBERS]
    if len(rows) < 3:
        return []
    counts = [sum(1 for it in line if it.is_value) for line in rows]
    if max(counts) > _WIDTH or 4 * sum(1 for n in counts if n == _WIDTH) < 3 * len(rows):
        return []                       # (six numbers a row: a column the report leaves blank, not a gap)
    filled = {it.col for line in rows for it in line if it.is_value and it.col is not None}
    lo, hi = min(filled), max(filled)
    empty = [c for c in range(lo, hi + 1) if c not in filled]
    if not empty or hi - lo + 1 - len(empty) > _WIDTH:
        return []
    if any(it.is_text and it.col in empty for line in rows for it in line):
        return []                       # words in a gap on a row of numbers: a column after all
    for line in by_line.values():
        values = any(it.is_value and it.col is not None and it.col >= lo for it in line)
        for it in line:                 # (every line of the grid is one column narrower: a label's line of
            if values and it.col is not None:   # empty fields too, whose numbers stand on the line below)
                it.col -= sum(1 for c in empty if c < it.col)
            if it.width is not None:
                it.width -= sum(1 for c in empty if c < it.width)
    return empty
