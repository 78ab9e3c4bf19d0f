"""表四 as one row of fifteen tab-separated fields, its empty cells empty fields (``4⇥⇥3⇥1⇥8⇥⇥⇥…``).

A web page's or Word file's table saved as tab rows keeps every cell's field, an empty cell's too: the fields'
places are the cells' places. Counting the row's numbers alone (``4 3 1 8``: four for fifteen cells) loses where
they stand; the fields keep it. Read only when every value of 表四 stands on that one line, which has fifteen
fields (the tokenizer keeps each item's field index and the line's field count), and every group's total is the
sum of its results (an empty field a blank cell, counted 0).
"""

from __future__ import annotations

from ..evidence import CellKind
from .cells import parse_cell
from .layout import Item

__all__ = ["tab_row_cells"]

_CELLS = 15


def tab_row_cells(values: list[Item]) -> list[Item] | None:
    """The fifteen cells of the one tab row holding every value of ``values``, an empty field a blank cell; None
    when the values are not so printed."""
    if not values or len({it.line for it in values}) != 1 or len(values) >= _CELLS:
        return None
    if any(it.width != _CELLS or it.col is None for it in values) or len({it.col for it in values}) != len(values):
        return None
    by_col = {it.col: it for it in values}
    line = values[0].line
    cells = [by_col.get(c) or Item("", line, parse_cell(""), col=c, width=_CELLS, placed=True) for c in range(_CELLS)]
    if any(it.cell.kind is not CellKind.BLANK and not it.cell.is_number for it in cells):
        return None
    totals = [[it.cell.value or 0 for it in cells[g:g + 5]] for g in range(0, _CELLS, 5)]
    return cells if all(group[4] == sum(group[:4]) for group in totals) else None
