"""A cell pinned to a value its printed numbers do not hold: the identities that pinned it prove nothing.

A lost cell whose row printed numbers the reader could not place (``318 0 0 0 0 0 318 21 0 0 0 0 0 21``:
fourteen numbers for seven columns) is pinned by the identities (``verify/derive.py``) to whatever makes
them hold. Where that value is none of the numbers printed for it, nor two of them run together (a count
wrapped in a narrow cell, ``164`` / ``3``), the text and the identities disagree: some other cell of the
equations that pinned it was misread, and those equations, holding only through the pinned value, check
nothing. A PDF table whose first line of wrapped counts (``三、 164 0 0 0 0 0 164``) went to the row above
leaves ``3 — — — — — 3`` for 予以公开 (its row sum holding by chance) and pins 部分公开 to 1958, printed
nowhere: the cells of that column are then ``unverified`` (``DERIVE.UNPRINTED``), not proven, and so is every
cell of a row among them that printed empty cells (``3 — — — — — 3``: its empty cells may be the lost numbers).

A row printing one number fewer than its cells (one lost, or two run together: ``2 0 0 0 0 2``) is judged too:
its values, read and pinned, must print as its numbers with one of them lost or one pair run together. A row
pinned to ``156 39 4 0 0 5 204`` where ``2 0 0 0 0 2`` was printed (the lost row absorbing what a swapped row took
from its column) pins nothing either.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from llm_extract.evidence import CellKind, Reading
from llm_extract.form import FORM
from llm_extract.schema import TABLE3_ROW_PATHS

from .derive import Derivation
from .identities import Equation, equations_by_path

__all__ = ["RULE", "unprinted_pins", "distrusted"]

RULE = "DERIVE.UNPRINTED"

_COUNT = re.compile(r"0|[1-9]\d*")
_WIDTH = len(FORM.table3_columns)


def _counts(raw: str) -> list[str] | None:
    """The separate counts a missing 表三 cell's row printed (its raw text), or None where it printed anything
    else (a glued digit run, ``0100010``: any cut of it may be a cell)."""
    numbers = [t.replace(",", "") for t in raw.split()]
    return numbers if all(_COUNT.fullmatch(n) for n in numbers) else None


#: at most this many of a row's cells wrapped their digits onto a line of their own (extract/wrapoptions.py)
_MAX_WRAPPED = 3


def _printed(counts: list[str]) -> set[int]:
    """The values a cell of a row that printed at least a number for each of its cells may hold: each number
    printed, and each two adjacent run together; in a row of a few numbers more than its cells, a piece of the
    first few joined before a cell of the rest, or of the last few after one (wide counts wrapped onto a line
    above or below the row's: ``131 153`` / ``9 87 13 8 83 26 6``)."""
    out = {int(n) for n in counts} | {int(a + b) for a, b in zip(counts, counts[1:])}
    extra = len(counts) - _WIDTH
    if 0 < extra <= _MAX_WRAPPED:
        out.update(int(p + c) for p in counts[:extra] for c in counts[extra:])
        out.update(int(c + p) for c in counts[:_WIDTH] for p in counts[_WIDTH:])
    return out


def _explains(printed: list[str], values: list[object], budget: int) -> bool:
    """Whether ``printed``, the numbers a row printed, are its cells' ``values`` in order: each value printed as
    itself (a blank, ``None``, printing nothing), and at most ``budget`` of them lost or run together with the
    next (``20`` for 2 and 0)."""
    if not values:
        return not printed
    value, rest = values[0], values[1:]
    if value is None:
        return _explains(printed, rest, budget)
    if printed and printed[0] == str(value) and _explains(printed[1:], rest, budget):
        return True
    if budget and _explains(printed, rest, budget - 1):
        return True                                     # lost
    return bool(budget and rest and rest[0] is not None and printed and printed[0] == f"{value}{rest[0]}"
                and _explains(printed[1:], rest[1:], budget - 1))


def _short_row_unexplained(path: str, numbers: list[str], readings: Mapping[str, Reading],
                           derivation: Derivation) -> bool:
    """Whether the row of ``path``, printing ``numbers`` (one fewer than its cells: one lost, or two run
    together), cannot have printed them with its values, read and pinned: a pinned value other than the lost one
    is printed nowhere. (Fewer numbers still may be cut many ways: not judged.)"""
    if len(numbers) != _WIDTH - 1:
        return False
    values: list[object] = []
    for q in TABLE3_ROW_PATHS[path.split(".")[1]]:
        if q in derivation.values:
            values.append(derivation.values[q])
        elif (r := readings.get(q)) is not None and not r.missing:
            values.append(r.value)
        else:
            return False                                # (a cell neither read nor pinned: nothing to compare)
    return not _explains(numbers, values, _WIDTH - len(numbers))


def unprinted_pins(readings: Mapping[str, Reading], derivation: Derivation) -> dict[str, list[Equation]]:
    """Each pinned cell whose value its printed numbers do not hold (see the module docstring) → the
    equations that pinned it."""
    out: dict[str, list[Equation]] = {}
    for path, value in derivation.values.items():
        r = readings.get(path)
        if r is None or r.kind is not CellKind.MISSING or not r.raw or not path.startswith("applications."):
            continue
        counts = _counts(r.raw)
        if counts is None:
            continue
        if len(counts) >= _WIDTH:                   # a number for each cell, or more
            if value in _printed(counts):
                continue
        elif value in {int(n) for n in counts} or not _short_row_unexplained(path, counts, readings, derivation):
            continue                                # (fewer: its value may be the one printed nowhere)
        used = set(derivation.rules.get(path, ()))
        out[path] = [eq for eq in equations_by_path().get(path, ()) if eq.label in used]
    return out


def distrusted(readings: Mapping[str, Reading], pins: Mapping[str, list[Equation]]) -> set[str]:
    """The read cells the pinning equations of ``pins`` no longer prove: every cell in them, and every cell
    of a row among them that printed an empty cell."""
    cells = {p for eqs in pins.values() for eq in eqs for p in eq.paths}
    rows = [TABLE3_ROW_PATHS[row] for row in {p.split(".")[1] for p in cells}]
    blank = {p for paths in rows if any((r := readings.get(q)) is not None and r.kind is CellKind.BLANK for q in paths)
             for p in paths}
    return {p for p in cells | blank if p in readings}
