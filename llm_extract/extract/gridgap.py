"""A converter's grid with an empty column among 表三's value columns: closed up.

markitdown lays a PDF's words into a grid by their positions; a header word standing apart from its
column's numbers (``社会公益`` over the gap between two columns) gets a column of its own, which no row's
number fills. Every row then prints eight fields for seven cells, one always empty::

    | 一、本年新收政府信息公开申请数量 |  |  |  | 3 | 0 | 0 |  | 1 | 0 | 0 | 4 |

Read as it stands, the empty field is a blank cell in an unknown place (the row's last seven fields
hold a blank, its first number is left among the label's fields), and every row stays unread. Where
the table's numbers fill exactly eight consecutive columns and one inside them holds no number on any
line, that column is no column of the form: it is closed up (the fields after it move one to the left),
and each row reads its seven fields. The identities check the rows as always.
"""

from __future__ import annotations

from .layout import Item

__all__ = ["close_empty_value_column"]

_WIDTH = 7
#: lines with at least this many numbers are the table's rows of numbers
_MIN_NUMBERS = 4


def close_empty_value_column(items: list[Item]) -> int | None:
    """Close up the empty column among the grid's value columns (see the module docstring), in place;
    the column closed, or ``None`` when the grid has none."""
    by_line: dict[int, list[Item]] = {}
    for it in items:
        if it.grid and it.col is not None:
            by_line.setdefault(it.line, []).append(it)
    rows = [line for line in by_line.values() if sum(1 for it in line if it.cell.is_number) >= _MIN_NUMBERS]
    if len(rows) < 3:
        return None
    filled = {it.col for line in rows for it in line if it.is_value and it.col is not None}
    lo, hi = min(filled), max(filled)
    empty = [c for c in range(lo, hi + 1) if c not in filled]
    if hi - lo + 1 != _WIDTH + 1 or len(empty) != 1 or any(
            sum(1 for it in line if it.is_value) > _WIDTH for line in rows):
        return None
    gap = empty[0]
    if any(it.is_text and it.col == gap for line in rows for it in line):
        return None                     # words in the gap on a row of numbers: a column after all
    for line in by_line.values():
        if any(it.is_value and it.col is not None and it.col >= lo for it in line):
            for it in line:
                if it.col is not None and it.col > gap:
                    it.col -= 1
                if it.width is not None and it.width > gap:
                    it.width -= 1
    return gap
