"""What every table reader returns: readings (path → :class:`Reading`), and how it makes them."""

from __future__ import annotations

from decimal import Decimal
from itertools import combinations
from typing import TYPE_CHECKING

from ..evidence import CellKind, Reading
from .cells import Cell

if TYPE_CHECKING:
    from .blocktext import Number

__all__ = ["Readings", "reading", "missing", "gap_options", "MAX_GAP_OPTIONS", "fits_field", "agreed"]

Readings = dict[str, Reading]
MAX_GAP_OPTIONS = 120


def reading(cell: Cell, lines: list[int], method: str) -> Reading:
    """A cell's reading: its value with a whole decimal as an int (``Cell.plain``)."""
    return Reading(cell.plain, cell.kind, cell.raw, lines, method, cell.note)   # positional: hot path


def fits_field(path: str, value: object) -> bool:
    """Whether ``value`` can be the value of field ``path``: every field but the fee counts, a count is whole (a
    fraction where a count stands says a reader placed another cell's number there)."""
    return not isinstance(value, Decimal) or path.endswith("fees_10k_yuan")


def missing(raw: str, lines: list[int], method: str, note: str) -> Reading:
    return Reading(value=None, kind=CellKind.MISSING, raw=raw, lines=lines, method=method, note=note)


def agreed(options: dict[str, list[Number]], method: str, note: str) -> Readings:
    """Each field read where every surviving reading of its table (its printed numbers in ``options``) gives it one
    value; else left unread (``note``), the numbers the readings gave it as its raw text."""
    out: Readings = {}
    for path, cells in options.items():
        if len({n.cell.value for n in cells}) == 1:
            out[path] = reading(cells[0].cell, [cells[0].line], method)
        else:
            out[path] = missing(" / ".join(dict.fromkeys(n.cell.raw for n in cells)), sorted({n.line for n in cells}),
                                method, note)
    return out


def gap_options(numbers: list[int], width: int) -> list[list[int | None]]:
    """Every way to place ``numbers`` (in order) into ``width`` slots; other slots unknown."""
    options = []
    for slots in combinations(range(width), len(numbers)):
        row: list[int | None] = [None] * width
        for s, v in zip(slots, numbers):
            row[s] = v
        options.append(row)
    return options
