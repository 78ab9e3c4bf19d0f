"""A band of 表三's rows read down the columns (extract/blockbands.py): blocks of one number each fill the band's open
cells one by one in column order, the property the search's quick fill of such bands (its open cells sliced from
each column's, the blocks handed out in turn) rests on."""

from __future__ import annotations

import random

from llm_extract.extract.blockbands import _fill, down_tables
from llm_extract.extract.blocktext import Number
from llm_extract.extract.cells import parse_cell

_ROWS, _WIDTH = 25, 7


def _number(value: int, line: int = 1) -> Number:
    return Number(parse_cell(str(value)), line)


def test_one_number_blocks_fill_a_band_column_by_column() -> None:
    rng = random.Random(20261205)
    for _ in range(300):
        grid = [[_number(1) if rng.random() < 0.3 else None for _ in range(_WIDTH)] for _ in range(_ROWS)]
        start = rng.randrange(_ROWS)
        end = rng.randrange(start + 1, _ROWS + 1)
        open_cells = [(r, c) for c in range(_WIDTH) for r in range(start, end) if grid[r][c] is None]
        blocks = [[[_number(v, v)]] for v in range(len(open_cells) + rng.randrange(3))]
        taken = [n is not None for row in grid for n in row]
        placed, after = _fill(taken, [(1, 1)] * len(blocks), blocks, start, end, 0)   # type: ignore[misc]
        assert list(placed) == open_cells and after == len(open_cells)
        assert [placed[cell] for cell in open_cells] == [block[0][0] for block in blocks[:len(open_cells)]]


def test_too_few_blocks_fill_no_band() -> None:
    grid = [[None] * _WIDTH for _ in range(_ROWS)]
    blocks = [[[_number(0)]] for _ in range(_WIDTH - 1)]
    assert _fill([False] * (_ROWS * _WIDTH), [(1, 1)] * len(blocks), blocks, 0, 1, 0) is None
    assert down_tables(grid, blocks, frozenset(), [1000]) == []
