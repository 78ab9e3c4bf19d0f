"""表四's row of fifteen printed twice: a line of numbers copied (a crawler, a copy-paste or a converter doubled it).

A row or a page printed twice leaves 表四 with thirty numbers for fifteen cells, two lines of fifteen, one under
the other, the same fifteen cells in the same order (``1 0 0 0 1 0 0 0 0 0 0 1 0 0 1`` twice). Read as it is, the
row is left unread (``30 numbers for 15 cells``) and all fifteen go to review. :func:`copies_dropped` keeps the first
fifteen cells where the cells are fifteen and fifteen more, each fifteen on lines of their own (a row's line, or a
cell to a line) and a copy of the first, cell for cell as printed:
either line gives the same fifteen values, which the identities then check as any row's. Lines that differ in any
cell (two rows of the table, or a row and last year's) are left as they are.

The cheap sign first: no more than fifteen numbers, and nothing is looked at.
"""

from __future__ import annotations

from collections.abc import Sequence

from .layout import Item

__all__ = ["copies_dropped"]

_CELLS = 15


def copies_dropped(values: Sequence[Item]) -> Sequence[Item]:
    """``values`` without the copies of their first fifteen cells (see the module's docstring)."""
    numbers = [it for it in values if it.cell.is_number]
    if len(numbers) <= _CELLS:
        return values
    start = values.index(numbers[0])    # (the header's empty cells before the numbers: kept)
    cells = values[start:]
    if len(cells) % _CELLS:
        return values
    copies = [cells[k:k + _CELLS] for k in range(0, len(cells), _CELLS)]
    first = [it.raw.strip() for it in copies[0]]
    if any([it.raw.strip() for it in copy] != first for copy in copies[1:]):
        return values
    for before, after in zip(copies, copies[1:]):
        if max(it.line for it in before) >= min(it.line for it in after):
            return values               # (a line shared by two copies: fields of one table, not a row printed again)
    return [*values[:start], *copies[0]]
