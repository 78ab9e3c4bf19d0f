"""Whether a 表三 read from bands of rows in a text tool's printed order stands in an order the text fixes.

Plain ``pdftotext`` (no -layout) prints a row whose cells stand alone on the page as its seven numbers left to
right, as a table read row by row (extract/formorder.py); a band of rows standing close together it prints column
by column, and those columns come out in an order of the page's (the column headers' blocks show it: 法律服务机构
before 科研机构). The six applicant columns are alike to every identity, so a band's columns in another order keep
its rows' sums; only the column identities (总计 = the outcome rows, 一 + 二 = 七 + 四) with the other rows' cells can
tell them apart. A table so read is in the text's order when

* some row printed alone holds applicant cells that differ (:func:`anchored`): the printed order of its cells is
  the page's, and the column identities tie every other row's columns to it;
* no band printed column by column keeps every identity with its six applicant columns in another order giving
  other values, the other rows as read (:func:`other_orders` lists those orders for the reader's own check).

The readers (extract/headcells.py, extract/headbands.py) then read the table as the form's order (proven where
every identity holds); otherwise in a tool's order (``READ.COLUMN_RUNS``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from itertools import permutations
from typing import TypeVar

__all__ = ["anchored", "other_orders"]

T = TypeVar("T")

#: the six applicant columns (the seventh, 总计, is their sum: the row identities place it)
_SIX = 6


def other_orders(band: Sequence[Sequence[T]], value: Callable[[T], object]) -> Iterator[list[list[T]]]:
    """``band`` (rows of seven cells, its columns printed in a tool's order) with its six applicant columns in every
    other order that gives other values (columns alike in values once; the order as read not among them)."""
    read = tuple(tuple(value(row[c]) for row in band) for c in range(_SIX))
    tried = {read}
    for order in permutations(range(_SIX)):
        key = tuple(read[c] for c in order)
        if key in tried:
            continue
        tried.add(key)
        yield [[row[c] for c in order] + list(row[_SIX:]) for row in band]


def anchored(rows_alone: Sequence[Sequence[object]]) -> bool:
    """Whether some row printed alone (its seven values, left to right) holds applicant cells that differ."""
    return any(len(set(row[:_SIX])) > 1 for row in rows_alone)
