"""What every table reader returns: readings (path → :class:`Reading`), and how it makes them."""

from __future__ import annotations

from decimal import Decimal
from itertools import combinations

from ..evidence import CellKind, Reading
from .cells import Cell

__all__ = ["Readings", "reading", "missing", "gap_options", "MAX_GAP_OPTIONS", "fits_field"]

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


def gap_options(numbers: list[int], width: int) -> list[list[int | None]]:
    """Every way to place ``numbers`` (in order) into ``width`` slots; other slots unknown."""
    options = []
    for slots in combinations(range(width), len(numbers)):
        row: list[int | None] = [None] * width
        for s, v in zip(slots, numbers):
            row[s] = v
        options.append(row)
    return options
