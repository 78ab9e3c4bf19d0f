"""表三's column blocks read down the columns, band by band, as ``pdf2txt.py`` prints them.

pdfminer boxes a ruled table's cells and prints the boxes of a band of rows column by column: the band's first
column top to bottom, then its second, and so on; then the next band (a page's rows, or the rows its grouping
put together, which the labels' places do not always show). Every block is taken in printed order, each at the
first open cell of its band's columns (a block of several lines covers consecutive rows of one column, a line of
two numbers two columns). Which rows make a band is searched: every way to cut the table into bands of
consecutive rows whose blocks fill them exactly and whose rows keep their sums; the tables that keep every
identity are the answer (:mod:`.blocktiles` reads one only when no other tiling gives another table).

Which applicant column a block is, pdfminer's box order says, and the six applicant columns in any order keep
every identity: the verifier proves such cells only where no order of the six changes them (``READ.COLUMN_RUNS``).
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate

from ..form import FORM
from .blocktext import Number, count_of
from .t3instances import INSTANCES, holds_values

__all__ = ["down_tables", "Grid", "MAX_TABLES"]

Grid = list[list["Number | None"]]
Block = list[list[Number]]
#: the distinct tables of one band's completions kept at most; more, and the reading gives up (``None``)
MAX_TABLES = 16

_WIDTH = len(FORM.table3_columns)


#: each identity instance with the first and last row its cells stand in (a band checks those inside it)
_SPANS = [(min(r for r, _ in left + right), max(r for r, _ in left + right), left, right) for left, right in INSTANCES]


def _fill(taken: list[bool], dims: list[tuple[int, int]], blocks: list[Block], start: int, end: int,
          first: int) -> tuple[dict[tuple[int, int], Number], int] | None:
    """Rows ``start``..``end - 1`` filled column by column from block ``first`` on: (the cells placed, the next block),
    or ``None`` where a block does not fit the band's open cells or the blocks run out. ``taken``: the grid's cells
    that hold a number, row-major (a copy of the band's is marked as blocks are placed)."""
    placed: dict[tuple[int, int], Number] = {}
    band = taken[start * _WIDTH:end * _WIDTH]
    height = end - start
    b = first
    for c in range(_WIDTH):
        for r in range(height):
            if band[r * _WIDTH + c]:
                continue
            if b == len(blocks):
                return None
            tall, wide = dims[b]
            if r + tall > height or c + wide > _WIDTH:
                return None
            for i, line in enumerate(blocks[b]):
                at = (r + i) * _WIDTH + c
                for j, n in enumerate(line):
                    if band[at + j]:
                        return None
                    band[at + j] = True
                    placed[start + r + i, c + j] = n
            b += 1
    return placed, b


def _band_holds(grid: Grid, placed: dict[tuple[int, int], Number], start: int, end: int) -> bool:
    """Every identity whose cells all stand in the band holds (its rows' sums)."""
    def value(cell: tuple[int, int]) -> int:
        n = grid[cell[0]][cell[1]]
        return count_of(n if n is not None else placed[cell])
    for top, bottom, left, right in _SPANS:
        if start <= top and bottom < end and sum(map(value, left)) != sum(map(value, right)):
            return False
    return True


def down_tables(grid: Grid, blocks: list[Block], fixed: frozenset[tuple[int, int]],
                budget: list[int]) -> list[Grid] | None:
    """Every distinct table (by values) the blocks give read down the columns band by band that keeps every
    identity (those whose every cell is in ``fixed``, beside its label, left to the verifier); ``None`` when the
    search ran past ``budget`` (bands tried, shared) or a band's completions past :data:`MAX_TABLES`."""
    rows = len(grid)
    memo: dict[tuple[int, int], list[tuple[tuple, dict[tuple[int, int], Number]]] | None] = {}
    sizes = [len(block) * len(block[0]) for block in blocks]
    dims = [(len(block), len(block[0])) for block in blocks]
    taken = [c is not None for row in grid for c in row]
    # blocks of one number (most of a text tool's boxes) fill a band's open cells one each, in column order:
    # each band's open cells listed once, and the blocks wider or taller than a number counted before each block
    wider = list(accumulate((size != 1 for size in sizes), initial=0))
    singles = [block[0][0] for block in blocks]
    # each column's open cells and their rows, top to bottom (a band's are a slice of each)
    open_rows = [[r for r in range(rows) if grid[r][c] is None] for c in range(_WIDTH)]
    open_cells = [[(r, c) for r in open_rows[c]] for c in range(_WIDTH)]

    def fill(start: int, end: int, first: int) -> tuple[dict[tuple[int, int], Number], int] | None:
        """:func:`_fill`, at once where the band takes only blocks of one number."""
        cells = [cell for c in range(_WIDTH)
                 for cell in open_cells[c][bisect_left(open_rows[c], start):bisect_left(open_rows[c], end)]]
        last = first + len(cells)
        if last <= len(blocks) and wider[last] == wider[first]:
            return dict(zip(cells, singles[first:last])), last
        return _fill(taken, dims, blocks, start, end, first)

    def solve(start: int, first: int) -> list[tuple[tuple, dict[tuple[int, int], Number]]] | None:
        """The completions of the table from row ``start`` (block ``first`` next), distinct by values: each with
        its cells' values in order (a band's rows come before the rows below it: its own, then its tail's)."""
        if start == rows:
            return [((), {})] if first == len(blocks) else []
        if (start, first) in memo:          # (another cut of the rows above: the same completions)
            return memo[start, first]
        out: dict[tuple, dict[tuple[int, int], Number]] = {}
        for end in range(start + 1, rows + 1):
            budget[0] -= 1
            if budget[0] < 0:
                return None
            filled = fill(start, end, first)
            if filled is None or not _band_holds(grid, filled[0], start, end):
                continue
            rest = solve(end, filled[1])
            if rest is None:
                return None
            head = tuple(sorted((k, count_of(n)) for k, n in filled[0].items())) if rest else ()
            for values, tail in rest:
                if (key := head + values) not in out:
                    out[key] = {**filled[0], **tail}
            if len(out) > MAX_TABLES:
                memo[start, first] = None
                return None
        memo[start, first] = list(out.items())
        return memo[start, first]

    if sum(sizes) != sum(1 for row in grid for c in row if c is None):
        return []
    found = solve(0, 0)
    if found is None:
        return None
    tables = []
    for _, cells in found:
        table = [[n if n is not None else cells[r, c] for c, n in enumerate(row)] for r, row in enumerate(grid)]
        if holds_values([[count_of(n) for n in row] for row in table], fixed):
            tables.append(table)
    return tables
