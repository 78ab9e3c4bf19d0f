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
    stock = [[f"{row.path}.{c.key}" for c in row.columns] for row in FORM.table2 if len(row.columns) > 1]   # 规章, 规范性文件
    return [t3, t4, stock]


def _neighbours() -> dict[str, tuple[str, ...]]:
    """Each cell's row neighbours, then its column neighbours above and below (those that exist)."""
    out: dict[str, tuple[str, ...]] = {}
    for grid in _grids():
        for i, row in enumerate(grid):
            for j, path in enumerate(row):
                column = tuple(grid[k][j] for k in (i - 1, i + 1) if 0 <= k < len(grid))
                out[path] = tuple(p for p in row if p != path) + column
    return out


_NEIGHBOURS = _neighbours()


def isolated_blanks(readings: Mapping[str, Reading]) -> set[str]:
    """Paths of blank cells whose every row neighbour and whose column neighbours above and below
    (those that exist) were read as numbers."""
    blank = CellKind.BLANK                  # (an enum member's lookup is not free: once, not per cell)

    def number(path: str) -> bool:
        r = readings.get(path)
        return r is not None and r.value is not None and r.kind is not blank and not r.missing

    out: set[str] = set()
    for path, r in readings.items():
        if r.kind is blank:
            around = _NEIGHBOURS.get(path)
            if around is not None and all(number(p) for p in around):
                out.add(path)
    return out
