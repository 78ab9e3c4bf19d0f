"""A block of 表三's rows whose applicant columns a text tool printed in an order of its own, ordered by the
identities.

``pdf2txt.py`` with ``boxes_flow=None`` prints a page's boxes by their lower edges: most rows of a ruled table
come as a row's seven cells in the page's order, but a few last rows, each column's cells in one box, come
column by column in an order the boxes' edges chose (``0 6 3`` / ``0 0 3`` / … / ``0 9 12`` / ``0 3 3``: 自然人's
box last). The row sums find the block's total column (:mod:`.formorder`); which of the six applicant columns
each of the others is, only the column identities tell (the column sums and the balance tie the block's
cells to the rows above it). Every order of the six is tried; each table that keeps every identity is given,
for the reader to take only when there is exactly one. No cell of such a table is proven, not even a total
(``READ.ROW_ORDER``): the same boxes put a row's 自然人 cell after other rows' cells (``0 0 0 0 0 0 0 0 0 0 13 0 13``:
（一）予以公开's 13 and 13 among （二）'s zeros), and two outcome rows trading their cells keep every identity, so which
row a cell is the tool's order alone says.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import permutations

from ..form import FORM
from .blocktext import Number

__all__ = ["permuted_tables"]

_COLS = FORM.table3_column_keys
_WIDTH = len(_COLS)
#: the six applicant columns (the row identity's summands) as column indices
_APPLICANTS = tuple(_COLS.index(c) for i in FORM.identities if i.kind == "row" for c in i.rhs)


def permuted_tables(numbers: Sequence[Number], moved: tuple[int, ...],
                    holds: Callable[[list[Number]], bool]) -> list[list[Number]]:
    """The tables (numbers row-major) that keep ``holds``: ``numbers`` itself when ``moved`` is empty, else
    ``numbers`` with the applicant columns of the block ``moved`` = (first row, rows) in every order, each
    set of values once. More than one block so moved is not ordered (orders of two blocks multiply)."""
    numbers = list(numbers)
    if not moved:
        return [numbers] if holds(numbers) else []
    if len(moved) != 2:
        return []
    first, k = moved
    out: dict[tuple, list[Number]] = {}
    for order in permutations(_APPLICANTS):
        table = list(numbers)
        for r in range(first, first + k):
            row = numbers[r * _WIDTH:(r + 1) * _WIDTH]
            for to, frm in zip(_APPLICANTS, order):
                table[r * _WIDTH + to] = row[frm]
        key = tuple(n.cell.value for n in table[first * _WIDTH:(first + k) * _WIDTH])
        if key not in out and holds(table):
            out[key] = table
    return list(out.values())
