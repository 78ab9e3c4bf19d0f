"""A row whose text lost one cell: which of its cells does the text print, wherever the lost one stood?

    settled_cells(printed, count, sums) -> [value or None per cell]

PDF text drops a cell (``8.属于行政查询事项 0 0 0 0 0 1`` under seven columns): the numbers printed are the row's
cells but one, and nothing in the text says which one. A model's cells that fit the printed numbers with one of
them left out prove only that the model's choice of the lost cell is *a* choice: the model that put the lost
``1`` under 科研机构 instead of 商业企业 (two rows of one group swapped, a shifted row) fits them as well. A cell is
printed where the model says only when every place of the lost cell gives it the same value.

The place of the lost cell leaves a cell's value alone when the printed numbers on either side of it are equal and
the lost cell's value is known wherever it stands. That value is known from a sum the row prints (``sums``: spans
``[a, b)`` of cells whose last is the sum of the others, 表三's row total, 表四's group totals): a lost part is the
total less the printed parts, a lost total their sum (a negative part is no place for it); where that value is 0, the
lost cell may as well have been a blank the text printed as nothing (the commonest lost cell of PDF text), so a cell
that may be a lost 0 is never settled. Outside every sum the lost cell may hold anything, so no cell of such a row
(表二's 规章 ``2 15``) is settled: each may be the lost one.

Pure: printed numbers, the row's cell count and its sums in; per cell its settled value or None.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

__all__ = ["settled_cells"]

#: a lost cell whose sum leaves it 0: a 0 the text lost, or a blank cell it printed as nothing (the sums count both
#: alike): no value of the text's
_ZERO_OR_BLANK = object()


def _lost_value(cells: list[Decimal | None], at: int, sums: Sequence[tuple[int, int]]) -> Decimal | None:
    """The value of the lost cell at ``at`` that its sum pins (None: no sum holds it, or no value fits)."""
    for a, b in sums:
        if a <= at < b:
            parts = [cells[k] for k in range(a, b - 1) if k != at]
            if at == b - 1:
                return sum(parts, Decimal(0))          # type: ignore[arg-type]
            total = cells[b - 1]
            value = total - sum(parts, Decimal(0))     # type: ignore[operator,arg-type]
            return value if value >= 0 else Decimal(-1)
    return None


def settled_cells(printed: Sequence[str], count: int, sums: Sequence[tuple[int, int]] = ()) -> list[Decimal | None]:
    """Each cell's value when every place of the one lost cell gives it that value, else None (see the module
    docstring). ``printed`` holds ``count - 1`` numbers."""
    numbers = [Decimal(t) for t in printed]
    seen: list[set[object]] = [set() for _ in range(count)]
    for at in range(count):
        cells: list[Decimal | None] = numbers[:at] + [None] + numbers[at:]
        value = _lost_value(cells, at, sums)
        if value is not None and value < 0:
            continue                                   # a part larger than its total: the cell was not lost there
        cells[at] = value
        for k, v in enumerate(cells):
            seen[k].add(_ZERO_OR_BLANK if k == at and v == 0 else v)
    return [next(iter(s)) if len(s) == 1 and None not in s and _ZERO_OR_BLANK not in s else None for s in seen]
