"""Blanks the identities cannot tell from lost numbers.

Isolated blanks: a blank cell whose neighbours in its row and its column are all numbers. A table
filled with numbers rarely leaves one cell empty: more often a ``0`` was lost (by OCR, a PDF
converter, a crawler). Blank counts as 0 in the identities, so they cannot tell the two apart; such a
cell is ``unverified`` (rule ``READ.ISOLATED_BLANK``), never proven.

Empty grid rows: a 表三 row read from a Markdown grid line of empty fields, in a table where the
identities pinned lost cells (``READ.EMPTY_GRID_ROW``). A converter that drops a row's numbers (onto
a line no label claims, or nowhere) leaves its fields empty; the pinned cells then take the dropped
numbers too (a lost row of 19 pinned to 37 beside an empty row of 18), and every identity holds. Where
nothing was pinned the identities check an empty row as any other.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from llm_extract.evidence import CellKind, Method, Reading
from llm_extract.form import FORM
from llm_extract.schema import TABLE3_ROW_PATHS

from .rules import register

__all__ = ["isolated_blanks", "RULE", "empty_grid_rows", "EMPTY_GRID_ROW_RULE"]

RULE = "READ.ISOLATED_BLANK"
EMPTY_GRID_ROW_RULE = "READ.EMPTY_GRID_ROW"
register(EMPTY_GRID_ROW_RULE, "表三此行读自 Markdown 表格中一行空白字段，而表中另有缺失单元格由勾稽关系确定：转换工具丢掉一行数字时留下空字段，"
         "确定的单元格会把丢掉的数字一并吸收，勾稽关系照样成立：空白不予证明",
         "a 表三 row read from a Markdown grid line of empty fields, in a table whose lost cells the identities "
         "pinned: a converter that drops a row's numbers leaves its fields empty, and the pinned cells absorb the "
         "dropped numbers while every identity holds: the blanks are not proven")


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


def empty_grid_rows(readings: Mapping[str, Reading], pinned: Collection[str]) -> set[str]:
    """The cells of every 表三 row read as empty fields of a Markdown grid line, when the identities pinned
    some 表三 cell (``pinned``: the derived paths)."""
    if not any(p.startswith("applications.") for p in pinned):
        return set()
    out: set[str] = set()
    for paths in TABLE3_ROW_PATHS.values():
        rs = [readings.get(p) for p in paths]
        if all(r is not None and r.kind is CellKind.BLANK and r.method == Method.GRID_ROW for r in rs):
            out.update(paths)
    return out
