"""表四's one row of fifteen broken over a page: its long counts' last digits in a second row of cells.

Word lets a table row break across pages. A narrow cell whose count wraps (``106`` in a column two digits wide)
keeps its first line on the page and prints the rest at the top of the next one, under the repeated header; the
other cells of the row print nothing there. A PDF reader that gives a table's cells one to a line (each row's
cells on consecutive lines, a break between rows) then shows two rows of fifteen: the first all numbers, the
second empty cells but for the wrapped counts' last pieces, each in its own cell's place::

    １０        ← 结果维持, first line of 106
    ２９
    ９９
    ２１
    ２５        ← 总计, first line of 255
    …  (ten more)

    ６          ← 结果维持's last digit, at the top of the next page
    (empty)
    (empty)
    (empty)
    ５          ← 总计's last digit
    (empty)  …  (ten more)

Read as printed the region holds seventeen numbers for fifteen cells. Each piece stands in its cell's column, so
the row is the first row's cells with each piece appended to the cell above it (``１０`` + ``６`` = 106): the one
reading, an option for the verifier where every group's total holds with it and not without it (a second row's
digits that leave the totals as they were are no wrapped pieces). None is proven: that the second row continues
the first is the layout's, not the text's, so the verifier derives the row and queues it.
"""

from __future__ import annotations

from ..evidence import Ambiguity, CellKind
from ..schema import TABLE4_PATHS
from .glued import groups_hold
from .layout import Item
from .readings import Readings, missing
from .t4wraps import WIDTH, WRAPPED
from .wrapdigits import DIGITS, FIRST_PIECE

__all__ = ["read_page_broken_row"]


def _rows(values: list[Item]) -> list[list[Item]]:
    """``values`` in runs of consecutive lines: a table's rows, one cell to a line."""
    rows: list[list[Item]] = []
    for it in values:
        if rows and it.line == rows[-1][-1].line + 1:
            rows[-1].append(it)
        else:
            rows.append([it])
    return rows


def _joined(top: Item, piece: Item) -> int | None:
    """A cell's count from its first line's digits and the digits it printed on the next page, else None."""
    if not (isinstance(top.cell.value, int) and isinstance(piece.cell.value, int)):
        return None
    first, last = str(top.cell.value), str(piece.cell.value)
    if not (FIRST_PIECE.match(first) and DIGITS.match(last)) or len(first) < len(last):
        return None
    return int(first + last)


def page_broken_row(values: list[Item]) -> list[int] | None:
    """The row read from two rows of fifteen cells (``values``, one to a line), the second's cells empty but for
    digit pieces each appended to the count above it, where every group's total holds so and not as first printed;
    else None."""
    rows = _rows(values)
    if len(rows) != 2 or any(len(r) != WIDTH for r in rows):
        return None
    top, bottom = rows
    if not all(it.cell.is_number and isinstance(it.cell.value, int) for it in top):
        return None
    row: list[int] = [it.cell.value for it in top]          # type: ignore[misc]
    pieces = 0
    for j, piece in enumerate(bottom):
        if piece.cell.kind is CellKind.BLANK:
            continue
        if not piece.cell.is_number or (joined := _joined(top[j], piece)) is None:
            return None
        row[j], pieces = joined, pieces + 1
    if not pieces or groups_hold([it.cell.value for it in top]) or not groups_hold(row):   # type: ignore[misc]
        return None
    return row


def read_page_broken_row(values: list[Item]) -> tuple[Readings, list[Ambiguity]] | None:
    """表四's row broken over a page (:func:`page_broken_row`): every cell missing, the joined row the one option;
    None where ``values`` (the region's cells, in order) are not so printed."""
    row = page_broken_row(values)
    if row is None:
        return None
    raw, at = " ".join(it.raw.strip() for it in values if it.raw.strip()), sorted({it.line for it in values})
    note = "two rows of 15 cells: the second's digits end the counts over them (a row broken over a page)"
    return ({path: missing(raw, at, WRAPPED, note) for path in TABLE4_PATHS},
            [Ambiguity(paths=list(TABLE4_PATHS), options=[row], raw=raw, lines=at,
                       reason=f"表四: {note}; that the rows are one is the layout's")])
