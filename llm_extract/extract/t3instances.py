"""表三's identities as instances over a table's cells, a cell being (row index, column index) in the form's order.

Readers that place numbers by their positions (blocktiles.py: column blocks; above.py, colheads.py, colgroups.py,
formorder.py, t3boxes.py, coltail.py) check a whole candidate table against the form's identities
(``FORM.identities``: every row's sum, every column's sums, the balance) before they read it; the verifier
checks the readings again, as it checks every reading.
"""

from __future__ import annotations

from ..form import FORM

__all__ = ["INSTANCES", "SIDES", "holds_values", "table3_broken", "instances_complete", "known_hold"]

_ROWS = FORM.table3_row_keys
_COLS = FORM.table3_column_keys
_WIDTH = len(_COLS)
_I = {r: i for i, r in enumerate(_ROWS)}


def _instances() -> list[tuple[list[tuple[int, int]], list[tuple[int, int]]]]:
    """Every 表三 identity instance of the form (``FORM.identities``) as (left cells, right cells), a cell
    being (row index, column index): sum(left) == sum(right)."""
    col = {c: i for i, c in enumerate(_COLS)}
    out: list[tuple[list[tuple[int, int]], list[tuple[int, int]]]] = []
    for identity in FORM.identities:
        if identity.kind == "row":
            out += [([(r, col[c]) for c in identity.lhs], [(r, col[c]) for c in identity.rhs])
                    for r in range(len(_ROWS))]
        elif identity.kind == "column":
            out += [([(_I[x], c) for x in identity.lhs], [(_I[x], c) for x in identity.rhs]) for c in range(_WIDTH)]
    return out


INSTANCES = _instances()
#: each row-major cell index's identity instances (indices into ``INSTANCES``) with the side it stands on:
#: the search checks an instance the moment its last cell is placed, instead of only over the full grid
SIDES: list[list[tuple[int, bool]]] = [[] for _ in range(len(_ROWS) * _WIDTH)]
for _k, (_left, _right) in enumerate(INSTANCES):
    for _cells, _on_left in ((_left, True), (_right, False)):
        for _r, _c in _cells:
            SIDES[_r * _WIDTH + _c].append((_k, _on_left))


def holds_values(vals: list[list[int]], fixed: frozenset[tuple[int, int]] = frozenset()) -> bool:
    """Every 表三 identity over a full table of values (row sums, the column sums, the balance), except those
    whose every cell is in ``fixed``: printed beside its label, such an identity says nothing of where a block
    goes (a report that misprints one keeps it broken, for the verifier to show)."""
    for left, right in INSTANCES:
        if fixed and all(cell in fixed for cell in left + right):
            continue
        if sum(vals[r][c] for r, c in left) != sum(vals[r][c] for r, c in right):
            return False
    return True


def table3_broken(values: dict[str, int | None]) -> frozenset[int]:
    """The 表三 identity instances a full table of values (path → value; ``None`` counts 0) breaks."""
    vals = [[values.get(f"applications.{r}.{c}") or 0 for c in _COLS] for r in _ROWS]
    return frozenset(i for i, (left, right) in enumerate(INSTANCES)
                     if sum(vals[r][c] for r, c in left) != sum(vals[r][c] for r, c in right))


def instances_complete(values: dict[tuple[int, int], int]) -> bool:
    """Every 表三 identity instance whose cells all stand in ``values`` ((row, column) → value) holds."""
    return all(sum(values[c] for c in left) == sum(values[c] for c in right) for left, right in INSTANCES
               if all(c in values for c in left + right))


def known_hold(values: dict[str, int | None]) -> bool:
    """Every 表三 identity instance all of whose cells ``values`` holds (path → value; a blank counts 0) holds: those
    with a cell still unread say nothing."""
    return instances_complete({(_I[p.split(".")[1]], _COLS.index(p.split(".")[2])): v or 0 for p, v in values.items()})
