"""Readings of a 表三 row whose widest cells wrapped their digits onto a line of their own, in text without positions.

A PDF's narrow number columns wrap a wide count over two lines (1319 printed ``131`` over ``9``). A text tool that
keeps no positions (pdfplumber's ``extract_text``, pypdf) prints the pieces as a line of their own, above the row's
line when the row's cells are centred (``131 153`` / ``9 87 13 8 83 26 6``: 1319 and 1536) or below it when they
stand at the top (``131 87 13 8 83 26 153`` / ``9 6``). Nothing says which cells the pieces belong to; the row's
own total narrows it down, and the other identities must choose: each way of joining the pieces, in their order, to
the cells of the full line that keeps the row's total is an option (:mod:`.t3readings`), never a reading.
"""

from __future__ import annotations

from itertools import combinations

from .glued import row_holds
from .layout import Item

__all__ = ["wrapped_piece_options"]

_WIDTH = 7
#: at most this many cells of a row wrapped (more is no row of wrapped counts: a table's lines run together)
_MAX_PIECES = 3


def _digits(items: list[Item]) -> list[str] | None:
    """The items' digits, each a whole count as printed (no sign, fraction or separator), else None."""
    out = [it.raw.strip() for it in items]
    return out if all(d.isdigit() and d.isascii() for d in out) else None


def wrapped_piece_options(numbers: list[Item]) -> list[list[int]]:
    """Every reading of a row printed as its seven cells on one line and a few pieces of its cells' digits on
    the line above (each a cell's first digits) or below (its last), that keeps the row's total (see the module
    docstring); [] for any other row."""
    lines = sorted({n.line for n in numbers})
    if len(lines) != 2 or not _WIDTH < len(numbers) <= _WIDTH + _MAX_PIECES:
        return []
    first = [n for n in numbers if n.line == lines[0]]
    second = [n for n in numbers if n.line == lines[1]]
    if len(first) == _WIDTH:
        cells, pieces, before = _digits(first), _digits(second), False
    elif len(second) == _WIDTH:
        cells, pieces, before = _digits(second), _digits(first), True
    else:
        return []
    if cells is None or pieces is None:
        return []
    options = []
    for slots in combinations(range(_WIDTH), len(pieces)):
        joined = list(cells)
        for slot, piece in zip(slots, pieces):
            joined[slot] = piece + joined[slot] if before else joined[slot] + piece
        if any(len(d) > 1 and d[0] == "0" for d in joined):
            continue                    # a count never starts with 0: the piece is no part of that cell
        values = [int(d) for d in joined]
        if row_holds(values):
            options.append(values)
    return options
