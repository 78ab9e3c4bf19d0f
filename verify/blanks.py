"""Isolated blanks: a blank cell whose neighbours in its row and its column are all numbers.

A table filled with numbers rarely leaves one cell empty: more often a ``0`` was lost
(by OCR, a PDF converter, a crawler). Blank counts as 0 in the identities, so they
cannot tell the two apart; such a cell is ``unverified`` (rule ``READ.ISOLATED_BLANK``),
never proven.
"""

from __future__ import annotations

from collections.abc import Mapping

from llm_extract.evidence import CellKind, Reading
from llm_extract.form import FORM

__all__ = ["isolated_blanks", "RULE"]

RULE = "READ.ISOLATED_BLANK"


def _grids() -> list[list[list[str]]]:
    t3 = [[f"applications.{r}.{c}" for c in FORM.table3_column_keys] for r in FORM.table3_row_keys]
    t4 = [[f"review_litigation.{g}.{c}" for c in FORM.table4_column_keys] for g in FORM.table4_group_keys]
    return [t3, t4]


_GRIDS = _grids()


def isolated_blanks(readings: Mapping[str, Reading]) -> set[str]:
    """Paths of blank cells whose every row neighbour and whose column neighbours above and below
    (those that exist) were read as numbers."""
    def number(path: str) -> bool:
        r = readings.get(path)
        return r is not None and r.value is not None and r.kind is not CellKind.BLANK and not r.missing

    out: set[str] = set()
    if not any(r.kind is CellKind.BLANK for r in readings.values()):
        return out
    for grid in _GRIDS:
        for i, row in enumerate(grid):
            for j, path in enumerate(row):
                r = readings.get(path)
                if r is None or r.kind is not CellKind.BLANK:
                    continue
                column = [grid[k][j] for k in (i - 1, i + 1) if 0 <= k < len(grid)]
                if all(number(p) for p in row if p != path) and all(number(p) for p in column):
                    out.add(path)
    return out
