"""（六）其他处理 printed as one row (FORM.md: no sub-rows): 表三's rows with that row standing in for its three
sub-rows (in the last one's place), and the sub-rows' readings from it, for the readers of the form's order
(:mod:`.formorder`, :mod:`.colheads`, :mod:`.colgroups`)."""

from __future__ import annotations

from ..evidence import CellKind, Method, Reading
from ..form import FORM
from .blocktext import Number
from .readings import Readings

__all__ = ["SUB_ROWS", "ONE_ROWS", "one_row_readings"]

_ROWS = tuple(r.key for r in FORM.table3_rows)
_COLS = tuple(c.key for c in FORM.table3_columns)
#: （六）其他处理's sub-rows: printed as one row, the last stands for it
SUB_ROWS = ("other_no_correction", "other_unpaid_fee", "other_other")
#: the rows of 表三 with （六）其他处理 printed as one row (its last sub-row's place standing for it)
ONE_ROWS = tuple(r for r in _ROWS if r not in SUB_ROWS[:-1])


def one_row_readings(numbers: list[Number]) -> Readings:
    """（六）其他处理's sub-rows from its one printed row: each 0 where the row is all 0, else absent."""
    zero = all(n.cell.kind is CellKind.ZERO for n in numbers)
    out: Readings = {}
    for sub in SUB_ROWS:
        for col, n in zip(_COLS, numbers):
            out[f"applications.{sub}.{col}"] = (
                Reading(0, CellKind.ZERO, n.cell.raw, [n.line], Method.OTHER_AS_ONE_ROW,
                        "（六）其他处理 printed as one row of zeros: each sub-row is 0") if zero else
                Reading(None, CellKind.ABSENT, n.cell.raw or "", [n.line], Method.OTHER_AS_ONE_ROW,
                        "（六）其他处理 printed as one row: its sub-rows are not given"))
    return out
