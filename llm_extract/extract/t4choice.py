"""When fifteen printed numbers are not 表四's fifteen cells: cells between them that the choice would skip.

表四's reader takes the fifteen numbers of the section as its cells where exactly fifteen stand there. Two things
printed among them say otherwise: a placeholder or an OCR cell of letters alone (``o`` for 0) between the first
number and the last (``- 0 0 0 — …``: a cell, so a date or a phone number under the table, or a number split in
two, ``2 5``, made up the count), and a group's row of empty cells right after its
label (行政复议 and five empty cells, then the other rows and a 合计 row).
"""

from __future__ import annotations

from ..evidence import CellKind
from .layout import Item
from .t4lines import group_of

__all__ = ["placeholder_among", "leaves_a_groups_cells"]


def placeholder_among(values: list[Item], numbers: list[Item]) -> bool:
    """A placeholder printed between the first number and the last (``- 0 0 0 — 0 …``): a cell, so fifteen numbers
    around it are not the fifteen cells (a date or a phone number after the table may make up the count)."""
    first, last = values.index(numbers[0]), values.index(numbers[-1])
    return any(it.cell.kind is CellKind.PLACEHOLDER or _letters_alone(it) for it in values[first:last])


def _letters_alone(it: Item) -> bool:
    """An OCR cell of letters alone (``o``, ``D``): unreadable, but a cell in its place all the same."""
    return it.cell.kind is CellKind.MISSING and isinstance(it.cell.value, int)


def leaves_a_groups_cells(items: list[Item], chosen: list[Item]) -> bool:
    """Rows of a label and its cells, and empty cells printed right after a group's label (行政复议 and five empty
    cells: no case) that the fifteen chosen leave out: they are that group's cells, so the fifteen are not the
    table's."""
    first, last = chosen[0].line, chosen[-1].line      # (a chosen cell may be made anew: an OCR'd bar read as 1)
    if not any(it.is_text and group_of(it.key) is not None and first <= it.line <= last for it in items):
        return False                    # the fifteen not in labelled rows (a header's empty cells above them)
    kept = set(map(id, chosen))
    label: Item | None = None
    for it in items:
        if it.is_text:
            label = it
        elif it.cell.kind is not CellKind.BLANK:
            label = None                # (empty cells after a row's numbers: a table's trailing empty row)
        elif id(it) not in kept and label is not None and group_of(label.key) is not None:
            return True
    return False
