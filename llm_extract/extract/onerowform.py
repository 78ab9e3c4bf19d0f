"""（六）其他处理 printed as one row (FORM.md: no sub-rows): 表三's rows with that row standing in for its three
sub-rows (in the last one's place), and the sub-rows' readings from it, for the readers of the form's order
(:mod:`.formorder`, :mod:`.colheads`, :mod:`.colgroups`)."""

from __future__ import annotations

from ..evidence import CellKind, Method, Reading
from ..form import FORM
from .blocktext import Number
from .readings import Readings

__all__ = ["SUB_ROWS", "ONE_ROWS", "SINGLE", "one_row_readings", "sub_row_readings"]

_ROWS = FORM.table3_row_keys
_COLS = FORM.table3_column_keys
#: the pseudo row a reader places for （六）其他处理 printed as one row
SINGLE = "（六）其他处理"
#: （六）其他处理's sub-rows: printed as one row, the last stands for it
SUB_ROWS = tuple(r for r in _ROWS if FORM.table3_levels[r] == SINGLE)
#: the rows of 表三 with （六）其他处理 printed as one row (its last sub-row's place standing for it)
ONE_ROWS = tuple(r for r in _ROWS if r not in SUB_ROWS[:-1])


def one_row_readings(numbers: list[Number]) -> Readings:
    """（六）其他处理's sub-rows from its one printed row of numbers (:func:`sub_row_readings`)."""
    return sub_row_readings([Reading(n.cell.plain, n.cell.kind, n.cell.raw, [n.line], Method.OTHER_AS_ONE_ROW)
                             for n in numbers], numbers[0].line if numbers else 0)


def sub_row_readings(row: list[Reading], line: int) -> Readings:
    """（六）其他处理's sub-rows from the readings of its one printed row (``line`` its label's): 0 where the
    row is 0 (counts are never negative), else not printed (absent: FORM.md's "missing otherwise", even in
    a column where the row holds 0). An O where a 0 belongs is a guess of 0: each sub-row keeps the guess,
    for the identities to pin."""
    zero = all(r.kind is CellKind.ZERO or (r.kind is CellKind.MISSING and r.value == 0) for r in row)
    out: Readings = {}
    for sub in SUB_ROWS:
        for col, r in zip(_COLS, row):
            path = f"applications.{sub}.{col}"
            if zero and r.kind is CellKind.MISSING:
                out[path] = r
            elif zero:
                out[path] = Reading(0, CellKind.ZERO, r.raw, r.lines, Method.OTHER_AS_ONE_ROW,
                                    "（六）其他处理 printed as one row of zeros: each sub-row is 0")
            else:
                out[path] = Reading(None, CellKind.ABSENT, r.raw or "", r.lines or [line], Method.OTHER_AS_ONE_ROW,
                                    "（六）其他处理 printed as one row: its sub-rows are not given")
    return out
