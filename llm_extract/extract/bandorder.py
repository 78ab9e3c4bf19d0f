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
  other values, the other rows as read, nor every band in one same other order (:func:`other_tables` lists those
  tables for the reader's own check).

Nor where a printed blank stands among zeros: the identities count a blank as 0, so a blank row's marks and a row of
zeros may trade places under any order. The readers (extract/formorder.py, extract/headcells.py,
extract/headbands.py) then read the table as the form's order (proven where every identity holds); otherwise in a
tool's order (``READ.COLUMN_RUNS``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from itertools import permutations
from typing import TypeVar

from ..evidence import CellKind
from ..form import FORM
from .blocktext import Number
from .t3instances import table3_broken

__all__ = ["anchored", "other_orders", "other_tables", "in_text_order", "blanks_among_zeros"]

T = TypeVar("T")

#: the six applicant columns (the seventh, 总计, is their sum: the row identities place it)
_SIX = 6
_COLS = FORM.table3_column_keys
_ROWS = FORM.table3_row_keys
#: a blank printed (a mark) or left empty in a cell
_BLANKS = frozenset({CellKind.PLACEHOLDER, CellKind.BLANK})


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


def other_tables(rows: Sequence[Sequence[T]], bands: Sequence[tuple[int, int]],
                 value: Callable[[T], object]) -> Iterator[list[list[T]]]:
    """``rows`` (a table's rows of seven cells) with the six applicant columns of its ``bands`` ((first row, rows)
    each, printed column by column) in another order giving other values: each band alone, then every band in one
    same order (a page prints its bands' columns alike, so an order misread for one band is misread for all, and
    two columns whose totals are equal then trade every band's cells keeping every identity). Other mixes of
    orders, one band's with another's, are not tried (720 to the power of the bands)."""
    table = [list(r) for r in rows]
    for at, k in bands:
        for band in other_orders(table[at:at + k], value):
            yield table[:at] + band + table[at + k:]
    if len(bands) < 2:
        return
    inside = [r for at, k in bands for r in range(at, at + k)]
    for moved in other_orders([table[r] for r in inside], value):
        other = list(table)
        for r, row in zip(inside, moved):
            other[r] = row
        yield other


def anchored(rows_alone: Sequence[Sequence[object]]) -> bool:
    """Whether some row printed alone (its seven values, left to right) holds applicant cells that differ."""
    return any(len(set(row[:_SIX])) > 1 for row in rows_alone)


def blanks_among_zeros(rows: Sequence[Sequence[Number]]) -> bool:
    """Whether the cells hold a printed blank and a 0 (the identities count the blank as 0)."""
    cells = [n.cell for row in rows for n in row]
    return any(c.kind in _BLANKS for c in cells) and any(c.value == 0 for c in cells)


def _broken(rows: Sequence[Sequence[Number]], keys: Sequence[str]) -> bool:
    values = {f"applications.{r}.{c}": 0 for r in _ROWS if r not in keys for c in _COLS}
    values.update({f"applications.{r}.{c}": n.cell.value for r, row in zip(keys, rows) for c, n in zip(_COLS, row)})
    return table3_broken(values)


def in_text_order(rows: Sequence[Sequence[Number]], shapes: Sequence[tuple[int, bool]], keys: Sequence[str]) -> bool:
    """Whether a table read as blocks (``shapes``: each block's rows, and whether it is one row printed alone, top
    down; ``rows`` the table's rows, ``keys`` their row keys) stands in the text's order: no printed blank among
    zeros, some row printed alone anchored, and every other block's six applicant columns in another order breaking
    an identity."""
    if blanks_among_zeros(rows):
        return False
    alone, bands, at = [], [], 0
    for k, single in shapes:
        if single:
            alone.append([n.cell.value for n in rows[at]])
        else:
            bands.append((at, k))
        at += k
    return anchored(alone) and all(_broken(table, keys) for table in other_tables(rows, bands, lambda n: n.cell.value))
