"""A 表三 row's seven value cells on one line of a converter's grid (Markdown): its last seven fields after the label,
or seven numbers where fields hold two columns' numbers stacked or side by side, or seven printed cells a field off
the grid's columns. :mod:`.gridrows` decides which line is the row's; this module reads that line.
"""

from __future__ import annotations

from ..evidence import CellKind
from .cells import Cell
from .layout import Item
from .rowplace import field_cells

__all__ = ["stacked_cells", "grid_cells", "seven_printed"]


def stacked_cells(line_items: list[Item], label_col: int) -> list[Cell] | None:
    """The seven cells of a grid row with fewer than seven value fields, some holding numbers stacked
    one above the other (pymupdf4llm joins two columns into one field: ``| 一、本年新收… | 1<br>0 | 0 | 28 |
    0 | 0 | 29 |``), or side by side (markitdown: ``| 2 0 | 0 | 0 | 0 0 | 2 |``): exactly seven numbers or
    placeholders after the label, no empty field and no word among them, in
    field order. Read as ``10``, the row would have six cells for seven columns: the stacked reading is
    the only whole one, and the row's and table's identities check it. ``None`` otherwise."""
    after = [it for it in line_items if (it.col if it.col is not None else -1) > label_col]
    if len(after) != 7 or any(it.is_text or not (it.cell.is_number or it.cell.kind is CellKind.PLACEHOLDER)
                              for it in after):
        return None                     # (a placeholder is a cell too: | — — | — | — | — — | — |)
    cols = [it.col for it in after]
    if len(set(cols)) == 7 or cols != sorted(cols) or max(cols) - min(cols) + 1 != len(set(cols)):
        return None                     # no stacked field, or an empty field among them
    return [it.cell for it in after]


def grid_cells(line_items: list[Item], width: int, label_col: int, lost: bool = False) -> list[Cell] | None:
    """The seven value cells of a grid row: its last seven fields, when the label stands before them
    (a label spanning several columns leaves empty fields between it and the numbers) and no text
    stands among them; or its seven numbers where fields hold numbers stacked (:func:`stacked_cells`).
    ``None`` when the row does not have that shape. ``width`` is one past the table's last value column.
    Where the grid lost a column (``lost``: six value fields, :func:`.gridrows.grid_shape`), its first and last fields are
    自然人 and 总计 and the four between hold the other five columns: read only where all four are empty."""
    if (stacked := stacked_cells(line_items, label_col)) is not None:
        return stacked
    lo = width - 7
    if lo < 1 or label_col >= lo:
        return None
    by_col: dict[int, Item] = {}
    for it in line_items:
        col = it.col if it.col is not None else -1
        if col >= width:                                  # past the table's last value column
            return None
        if col >= lo and (it.is_text or col in by_col):   # a word among the cells, or "1 0" in one field
            return None
        if col < lo and it.is_value:                      # a number among the label fields
            return None
        if col >= lo:
            by_col[col] = it
    if not lost:
        return field_cells(by_col, lo, width)
    if lo in by_col or any(col in by_col for col in range(lo + 2, width - 1)):
        return None                     # (a value in the four fields of five columns: which column's?)
    six = field_cells(by_col, lo + 1, width)
    return six[:1] + six[1:2] * 5 + six[-1:]


def seven_printed(same: list[Item]) -> list[Cell] | None:
    """A grid line's seven printed cells after its label, in order, where their fields do not line up with the
    grid's columns (markitdown places a page's total row a field to the left of the rows above it) but nothing
    else stands there: no word, no empty field among them, no eighth value."""
    values = [it for it in same if it.is_value]
    if len(values) != 7 or len(values) != len(same) or any(it.cell.kind is CellKind.BLANK for it in values):
        return None
    return [it.cell for it in values]
