"""Whole-row search over 表三: which readings of its rows can hold together.

When every 表三 row is either read or offered as a list of complete readings
(seven numbers that already satisfy the row's own total, e.g. the cuts of a
glued digit run), the column identities decide the rest:

    T3.BALANCE      new_received + carried_over = total_processed + carried_forward   (per column)
    T3.COLUMN_SUM   total_processed = the 21 outcome rows                              (per column)

Rather than trying the product of every row's readings, the search pairs the
four balance rows first (for each total_processed and carried_forward reading
and each new_received reading, carried_over is forced, so it is looked up),
then walks the 21 outcome rows once forwards and once backwards over the
*partial column sums* they reach, each under some total_processed reading: a
dynamic programme whose work grows with the distinct partial sums, not with
the number of combinations. A reading of a row survives when some complete
assignment through it satisfies every equation; the number of complete
assignments is counted exactly. ``max_work`` caps the work per document:
past it the search gives up and says so (``None``).
"""

from __future__ import annotations

import operator
from collections.abc import Mapping, Sequence

from llm_extract.schema import APPLICATION_ROWS, OUTCOME_ROWS

__all__ = ["RowSearch", "search_rows", "DEFAULT_MAX_WORK"]

DEFAULT_MAX_WORK = 400_000
#: the most total_processed readings each partial sum is held under, one by one
MAX_TOPS = 64

Vector = tuple[int, ...]


class RowSearch:
    """Surviving readings per row (indices into its candidates) and the count of complete assignments."""

    __slots__ = ("feasible", "solutions", "work")

    def __init__(self, feasible: dict[str, list[int]], solutions: int, work: int) -> None:
        self.feasible, self.solutions, self.work = feasible, solutions, work


class _Capped(Exception):
    pass


def _add(a: Vector, b: Vector) -> Vector:
    return tuple(x + y for x, y in zip(a, b))


def _sub(a: Vector, b: Vector) -> Vector:
    return tuple(x - y for x, y in zip(a, b))


def _within(a: Vector, bound: Vector) -> bool:
    return all(x <= y for x, y in zip(a, bound))


def search_rows(rows: Mapping[str, Sequence[Vector]], max_work: int = DEFAULT_MAX_WORK) -> RowSearch | None:
    """``rows``: every 表三 row → its candidate readings (blank counted as 0). ``None`` when capped."""
    if set(rows) != set(APPLICATION_ROWS) or any(not c for c in rows.values()):
        raise ValueError("every 表三 row needs at least one candidate reading")
    work = [0]

    def spend(n: int = 1) -> None:
        work[0] += n
        if work[0] > max_work:
            raise _Capped

    try:
        return _search(rows, spend, work)
    except _Capped:
        return None


def _search(rows: Mapping[str, Sequence[Vector]], spend, work: list[int]) -> RowSearch:
    width = len(rows["total_processed"][0])
    zero: Vector = (0,) * width
    # 1. balance: new + carried_over = total_processed + carried_forward, per column
    carried = {}
    for ci, c in enumerate(rows["carried_over"]):
        carried.setdefault(c, []).append(ci)
    combos: list[tuple[int, int, int, int]] = []        # (new, carried_over, total_processed, forward)
    for ti, t in enumerate(rows["total_processed"]):
        for fi, f in enumerate(rows["carried_forward"]):
            tf = _add(t, f)
            for ni, n in enumerate(rows["new_received"]):
                spend()
                for ci in carried.get(_sub(tf, n), ()):
                    combos.append((ni, ci, ti, fi))
    targets = {rows["total_processed"][ti] for _, _, ti, _ in combos}
    feasible: dict[str, list[int]] = {r: [] for r in APPLICATION_ROWS}
    if not targets:
        return RowSearch(feasible, 0, work[0])
    bound = tuple(max(t[k] for t in targets) for k in range(width))
    # a partial sum must stay under one total_processed reading, not only under their columns' largest: where the
    # readings move a number from column to column (a row whose empty cells left no trace), the largest of every
    # column together would let nearly every partial sum through (past MAX_TOPS readings, the columns' largest only:
    # each test would cost more than it saves)
    tops = [t for t in targets if not any(u != t and _within(t, u) for u in targets)] \
        if len(targets) <= MAX_TOPS else []

    ops = _Packed(width) if _packable(rows, bound) else _Tuples()
    options_of = {row: [ops.encode(o) for o in rows[row]] for row in OUTCOME_ROWS}
    bound_v, tops_v, within, add = ops.encode(bound), [ops.encode(t) for t in tops], ops.within, ops.add

    def under(v) -> bool:
        return within(v, bound_v) and (not tops_v or any(within(v, t) for t in tops_v))
    # 2. forward over the outcome rows: partial column sums → number of ways to reach them
    zero_v = ops.encode(zero)
    forward: list[dict] = [{zero_v: 1}]
    for row in OUTCOME_ROWS:
        nxt: dict = {}
        for s, ways in forward[-1].items():
            spend(len(rows[row]))
            for o in options_of[row]:
                v = add(s, o)
                if under(v):
                    nxt[v] = nxt.get(v, 0) + ways
        forward.append(nxt)
    reach = forward[-1]
    solutions = 0
    for ni, ci, ti, fi in combos:
        ways = reach.get(ops.encode(rows["total_processed"][ti]), 0)
        if ways:
            solutions += ways
            for row, i in zip(("new_received", "carried_over", "total_processed", "carried_forward"),
                              (ni, ci, ti, fi)):
                if i not in feasible[row]:
                    feasible[row].append(i)
    if not solutions:
        return RowSearch({r: [] for r in APPLICATION_ROWS}, 0, work[0])
    live = [ops.encode(rows["total_processed"][ti]) for ti in feasible["total_processed"]]
    # 3. backward: the sums the remaining rows can still add; a reading survives when some
    #    forward sum, it, and some backward sum make a live total_processed
    backward: dict = {zero_v: 1}
    for k in range(len(OUTCOME_ROWS) - 1, -1, -1):
        row = OUTCOME_ROWS[k]
        options = options_of[row]
        if len(options) == 1:
            feasible[row] = [0]
        else:
            for oi, o in enumerate(options):
                spend(len(forward[k]) * len(live))
                if any(ops.rest(t, s, o) in backward for s in forward[k] for t in live):
                    feasible[row].append(oi)
        nxt_back: dict = {}
        for b in backward:
            spend(len(options))
            for o in options:
                v = add(b, o)
                if under(v):
                    nxt_back[v] = 1
        backward = nxt_back
    return RowSearch(feasible, solutions, work[0])


#: a count below this packs into a field of :class:`_Packed` (sums of two stay below its guard bit)
_PACK_LIMIT = 1 << 60
_FIELD = 64


def _packable(rows: Mapping[str, Sequence[Vector]], bound: Vector) -> bool:
    """Whether every outcome row's reading, every total and the bound pack into :class:`_Packed`'s fields."""
    return all(0 <= x < _PACK_LIMIT for x in bound) and all(
        0 <= x < _PACK_LIMIT for row in (*OUTCOME_ROWS, "total_processed") for o in rows[row] for x in o)


class _Tuples:
    """The partial sums as tuples (a reading with a negative or outsized number)."""

    add = staticmethod(_add)

    @staticmethod
    def encode(v: Vector) -> Vector:
        return v

    @staticmethod
    def within(a: Vector, bound: Vector) -> bool:
        return _within(a, bound)

    @staticmethod
    def rest(t: Vector, s: Vector, o: Vector) -> Vector:
        return _sub(_sub(t, s), o)


class _Packed:
    """The partial sums as one integer each, a column to a 64-bit field: a sum is one addition, and ``a`` within
    ``b`` (every column of ``a`` at most ``b``'s) one subtraction, each field's top bit a guard no borrow crosses
    (every number below 2⁶⁰, so two summed stay below the guard)."""

    add = staticmethod(operator.add)

    def __init__(self, width: int) -> None:
        self.shifts = [k * _FIELD for k in range(width)]
        self.guard = sum(1 << (shift + _FIELD - 1) for shift in self.shifts)

    def encode(self, v: Vector) -> int:
        return sum(x << shift for x, shift in zip(v, self.shifts))

    def within(self, a: int, b: int) -> bool:
        guard = self.guard
        return ((b | guard) - a) & guard == guard

    @staticmethod
    def rest(t: int, s: int, o: int) -> int:
        """``t - s - o``: a column below zero borrows from the next, giving a field past any bound (or a negative
        integer): never a key of the sums reached, as the tuples' negative column is not."""
        return t - s - o
