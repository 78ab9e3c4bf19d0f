"""A 表二 row printed one cell to a line whose number's runs a crawler parted on its line (``2 0`` for 20).

Word pasted into a CMS page keeps a cell's number in runs (``<span>2</span><span>0</span>``); a crawler's
``get_text(" ")`` prints each cell of the table on a line of its own and parts the runs with a space::

    行政规范性文件
    0
    2 0
    4（其中修订2件）

Three lines after the label for three cells, one cell alone on a line: each line is a cell, and the line of two
numbers one number parted (joined as printed: ``runjoins``; ``0 5`` joins to no count, so it stays two cells and
nothing is read here).
Which cell a line is, is still a guess about the layout: read, never proven (the row's cells on uneven lines).
"""

from __future__ import annotations

from .cells import Cell, parse_cell
from .layout import Item
from .runjoins import printed_pieces

__all__ = ["cells_one_to_a_line"]


def cells_one_to_a_line(label: Item, values: list[Item], n: int) -> list[tuple[Cell, int]] | None:
    """The row's ``n`` cells and their lines where its values stand on exactly ``n`` lines after the label's, one
    of them a cell alone, a line of several numbers (no tab fields) one count parted; ``None`` otherwise (a
    one-cell row's ``3 15`` joins nothing)."""
    lines = sorted({v.line for v in values})
    if len(values) <= n or len(lines) != n or label.line in lines \
            or not any(sum(v.line == line for v in values) == 1 for line in lines):
        return None             # (a one-cell row's 3 15, or no line of one cell: nothing shows a line is a cell)
    out: list[tuple[Cell, int]] = []
    for line in lines:
        on = [v for v in values if v.line == line]
        if len(on) == 1:
            out.append((on[0].cell, line))
            continue
        if any(v.col is not None or not v.cell.is_number or not isinstance(v.cell.value, int) for v in on):
            return None
        joined = "".join(printed_pieces([v.raw for v in on], [int(v.cell.value) for v in on]))
        if not joined.isdigit() or (joined[0] == "0" and joined != "0"):
            return None
        out.append((parse_cell(joined), line))
    return out
