"""The search of :mod:`.blocktiles`: every tiling of 表三's open cells by the free blocks, the identities kept.

Blocks are placed at the first open cell in row-major order, blocks of one shape in printed order; a placement
is taken only where every identity instance it touches can still hold. Two placements that leave the same values
with the same blocks used have the same completions, so a state is searched once. The search counts every state
it reaches against a budget shared over one document's 表三 and stops (reads nothing) past it.

The search is the hot loop of reading PDF text blocks (tens of thousands of states a document, for some): its
state is kept as plain integers and lists in one closure rather than an object's attributes, and each identity
instance's placed cells as one integer (:data:`_SUM`): the left side's placed sum less the right's, above the
left side's open cells, above the right side's, so that placing a block adds one number an instance it touches.
An instance can still hold unless one side is all placed and the other already sums past it (or both are, and
differ): a difference below zero with no left cell open, or above zero with no right cell open.
"""

from __future__ import annotations

from ..form import FORM
from .blockbands import Grid
from .blocktext import Number, count_of
from .t3instances import INSTANCES, SIDES, holds_values

__all__ = ["TilingSearch"]

_WIDTH = len(FORM.table3_columns)
#: a block at a place: its cells' bits, what it adds to each identity instance it touches (instance, left sum
#: less right sum, left cells, right cells), and what it adds to the state's key
_Plan = tuple[int, tuple[tuple[int, int], ...], int]
#: an instance's state ``(left sum - right sum) * _SUM + left open * _OPEN + right open``: the open counts (at most
#: 175) in 10 bits each, so the difference is the state shifted right (floored), its sign the state's own
_OPEN = 1 << 10
_SUM = _OPEN * _OPEN
_RIGHT_OPEN = _OPEN - 1
_LEFT_OPEN = _RIGHT_OPEN * _OPEN


class TilingSearch:
    """Every tiling of the open cells by the free blocks, in row-major order of their top-left cells."""

    @staticmethod
    def _state(diff: int, left_open: int, right_open: int) -> int:
        """An identity instance's state (:data:`_SUM`)."""
        return diff * _SUM + left_open * _OPEN + right_open

    def __init__(self, grid: Grid, blocks: list[list[list[Number]]], fixed: frozenset[tuple[int, int]],
                 budget: list[int]) -> None:
        self.budget = budget                            # the placements left to try, shared
        self.grid = grid
        self.fixed = fixed
        self.blocks = blocks
        #: blocks of one shape are placed in printed order: each shape's blocks
        by_shape: dict[tuple[int, int], list[int]] = {}
        for b, block in enumerate(blocks):
            by_shape.setdefault((len(block), len(block[0])), []).append(b)
        self.shapes = list(by_shape.values())
        self.shape_of = {b: s for s, bs in enumerate(self.shapes) for b in bs}
        self.found: list[Grid] = []
        #: the cells' values before any block is placed (``None`` an open cell)
        self.values: list[int | None] = [None if n is None else count_of(n) for row in grid for n in row]
        #: the state as one integer: every cell's value (:meth:`_code`) and, in the bits above them, how many
        #: blocks of each shape are placed (``bits_per_shape`` bits a shape, adding ``one_more[shape]`` a block)
        self.codes: dict[int, int] = {}
        for v in [v for v in self.values if v is not None] + [count_of(n) for b in blocks for ln in b for n in ln]:
            self.codes.setdefault(v, len(self.codes) + 1)
        self.bits = len(self.codes).bit_length()
        self.key = self._code([(at, v) for at, v in enumerate(self.values) if v is not None])
        bits_per_shape = len(blocks).bit_length()
        self.one_more = [1 << (len(self.values) * self.bits + s * bits_per_shape) for s in range(len(self.shapes))]
        #: the cells taken (a bit each, row-major): a block fits where its cells' bits are clear
        self.taken = sum(1 << k for k, v in enumerate(self.values) if v is not None)
        #: the instances whose every cell is a label's (left to the verifier: never checked, nor kept)
        self.own = frozenset(k for k, (left, right) in enumerate(INSTANCES) if all(x in fixed for x in left + right))
        #: each instance's state (:data:`_SUM`): its placed left sum less its placed right sum, its open cells per side
        self.states = [0] * len(INSTANCES)
        for at, v in enumerate(self.values):
            for k, left in SIDES[at]:
                if v is None:
                    self.states[k] += self._state(0, 1, 0) if left else self._state(0, 0, 1)
                else:
                    self.states[k] += self._state(v if left else -v, 0, 0)
        #: by block and place (b * 175 + top-left cell), ``False`` before it is worked out
        self.plans: list[_Plan | None | bool] = [False] * (len(blocks) * len(self.values))

    def _code(self, cells: list[tuple[int, int]]) -> int:
        """Cells' values as one integer: ``bits`` bits a cell (row-major), the value's code (0 an open cell).
        Two grids have one code exactly when every cell's value (or openness) is the same."""
        return sum(self.codes[v] << (at * self.bits) for at, v in cells)

    def _plan(self, b: int, at: int) -> _Plan | None:
        """Block ``b`` with its top-left cell at row-major index ``at``, or ``None`` past the table's edge (the
        instances :attr:`own` left out of what it adds: less open cells, more placed values). Worked out once a
        search, the first time it is tried there."""
        block = self.blocks[b]
        r, c = divmod(at, _WIDTH)
        if r + len(block) > len(self.grid) or c + len(block[0]) > _WIDTH:
            plan = None
        else:
            cells = [at + i * _WIDTH + j for i in range(len(block)) for j in range(len(block[0]))]
            vals = [count_of(n) for line in block for n in line]
            adds: dict[int, int] = {}
            for cell, v in zip(cells, vals):
                for k, left in SIDES[cell]:
                    if k not in self.own:
                        adds[k] = adds.get(k, 0) + (self._state(v, -1, 0) if left else self._state(-v, 0, -1))
            plan = (sum(1 << cell for cell in cells), tuple(adds.items()),
                    self._code(list(zip(cells, vals))) + self.one_more[self.shape_of[b]])
        self.plans[b * len(self.values) + at] = plan
        return plan

    def _table(self, stack: list[tuple[int, int]]) -> Grid:
        """The table of the blocks placed (block, top-left cell): the grid's numbers, the blocks' in their cells."""
        table = [list(row) for row in self.grid]
        for b, at in stack:
            r, c = divmod(at, _WIDTH)
            for i, line in enumerate(self.blocks[b]):
                for j, n in enumerate(line):
                    table[r + i][c + j] = n
        return table

    def run(self) -> bool:
        """Search from the state at hand; False when the search was cut short (the budget spent)."""
        cells = len(self.values)
        shapes = [(s, blocks, len(blocks)) for s, blocks in enumerate(self.shapes)]
        placed = [0] * len(shapes)
        plans, make_plan = self.plans, self._plan
        states = self.states
        seen = {self.key}
        stack: list[tuple[int, int]] = []
        left = self.budget[0] - 1               # every state reached counts, a state reached again too

        def expand(taken: int, key: int) -> bool:
            """The placements from a state reached the first time, and the search on from each."""
            nonlocal left
            at = (~taken & (taken + 1)).bit_length() - 1        # the first open cell: the lowest clear bit
            if at >= cells:
                table = self._table(stack)
                if holds_values([[count_of(n) for n in row] for row in table], self.fixed):
                    self.found.append(table)
                return True
            for s, blocks, count in shapes:
                i = placed[s]
                if i == count:
                    continue
                b = blocks[i]                   # the first of its shape not yet placed
                plan = plans[b * cells + at]
                if plan is False:
                    plan = make_plan(b, at)
                if plan is None or taken & plan[0]:
                    continue                    # past the table's edge, or on a cell taken
                after = key + plan[2]
                if after in seen:               # (reached before, so its instances were checked: they hold)
                    left -= 1
                    if left < 0:
                        return False
                    continue
                adds = plan[1]
                for k, d in adds:               # every instance it touches can still hold
                    d += states[k]
                    if (d < 0 and not d & _LEFT_OPEN) or (d >= _SUM and not d & _RIGHT_OPEN):
                        break
                else:
                    left -= 1
                    if left < 0:
                        return False
                    seen.add(after)
                    placed[s] = i + 1
                    stack.append((b, at))
                    for k, d in adds:
                        states[k] += d
                    ok = expand(taken | plan[0], after)
                    for k, d in adds:
                        states[k] -= d
                    stack.pop()
                    placed[s] = i
                    if not ok:
                        return False
            return True

        try:
            return left >= 0 and expand(self.taken, self.key)
        finally:
            self.budget[0] = left
