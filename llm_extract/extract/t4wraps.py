"""表四's one row of fifteen narrow cells, its long counts wrapped inside their cells over two or three lines.

A Word table of fifteen number columns on an A4 page leaves each column a character or two wide: a count wider
than its column wraps inside its cell, and ``pdftotext -layout`` prints the row over two or three lines, the
wrapped cells' first pieces above (or on) the row's line and their last pieces under it::

             88           88
     0   0    0     0   0   0    0        0            0   0       0   0   0
              8            8

(888 in two cells: 直接起诉's 其他结果 and 总计). A count with thousands separators wraps inside its last group
(``1,1`` over ``10``: 1,110). The layout text places each piece roughly over its column only: a proportional
font's digits are narrower than the text grid, so a piece may print nearer to a neighbour's column than to its
own. The pieces' columns are therefore not read from the places; every placement of the wrapped cells among the
fifteen (the other cells in printed order, pieces paired in order) that keeps each group's total
(total = 维持 + 纠正 + 其他 + 尚未审结) is an option for the verifier, which derives the row where one placement
alone keeps every identity and queues it all the same; none is proven.

The shapes read (lines of numbers only, next to each other, holding every number of the region):

* round its middle: ``k`` pieces, ``15 - k`` cells, ``k`` pieces;
* under its line: fifteen cells (the wrapped cells' first pieces among them), then ``k`` last pieces;
* over its line: ``k`` first pieces, then fifteen cells (the last pieces among them).

A wrapped cell's first piece never starts with 0 and is never shorter than its last piece (a wrapped cell fills
its first line).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations
from math import comb

from ..evidence import Ambiguity
from ..schema import TABLE4_PATHS
from .glued import groups_hold
from .layout import Item
from .readings import Readings, missing
from .wrapdigits import CUT_PIECE, DIGITS, FIRST_PIECE, Tok, split_line

__all__ = ["read_wrapped_row", "wrapped_row_options", "WIDTH", "WRAPPED"]

#: how a row so printed is read: its cells missing, its placements options (the text's blocks read it no further:
#: their readers take the row's pieces for cells or drop them, :mod:`.blockread`)
WRAPPED = "row-of-15-wrapped"
#: 表四's cells in its one row
WIDTH = 15
#: placements tried at most (C(15, 7) = 6435)
_MAX_PLACEMENTS = 7000


def _stack(top: str, bottom: str) -> int | None:
    """A wrapped cell's value from its first and last pieces, or None when they cannot be one cell."""
    if "," in top:                      # 1,1 over 10: cut inside its last thousands group
        head, _, tail = top.rpartition(",")
        if not (head.isdigit() and tail.isdigit() and bottom.isascii() and bottom.isdigit()
                and len(tail) + len(bottom) == 3 and FIRST_PIECE.match(head)):
            return None
        return int(head + tail + bottom)
    if not (FIRST_PIECE.match(top) and DIGITS.match(bottom)) or len(top) < len(bottom):
        return None
    return int(top + bottom)


def _whole(tok: str) -> int | None:
    """A cell printed on one line: a count (thousands separators allowed), else None."""
    plain = tok.replace(",", "")
    if not plain.isdigit() or "," in tok and not all(len(g) == 3 for g in tok.split(",")[1:]):
        return None
    return int(plain)


def _number_lines(lines: Sequence[str], numbered: list[int]) -> list[list[Tok]] | None:
    """The tokens of each line in ``numbered`` (1-based), when each holds numbers only, else None."""
    out = []
    for n in numbered:
        sp = split_line(lines[n - 1], "," in lines[n - 1])
        if sp is None or sp[0] or not sp[1]:
            return None
        out.append(sp[1])
    return out


def _around(top: list[Tok], mid: list[Tok], bottom: list[Tok]) -> list[list[int | None]]:
    stacks = [_stack(t[2], b[2]) for t, b in zip(top, bottom)]
    shorts = [_whole(t[2]) for t in mid]
    if any(v is None for v in stacks + shorts):
        return []
    k = len(stacks)
    options: list[list[int | None]] = []
    for slots in combinations(range(WIDTH), k):
        s, m, row = iter(stacks), iter(shorts), []
        for j in range(WIDTH):
            row.append(next(s) if j in slots else next(m))
        if groups_hold(row):            # type: ignore[arg-type]
            options.append(row)         # type: ignore[arg-type]
    return options


def _joined(full: list[str], pieces: list[str], *, below: bool) -> list[list[int | None]]:
    cells = [_whole(t) for t in full]
    if any(v is None for v in cells):
        return []
    options: list[list[int | None]] = []
    for slots in combinations(range(WIDTH), len(pieces)):
        row: list[int | None] = list(cells)
        for j, piece in zip(slots, pieces):
            row[j] = _stack(full[j], piece) if below else _stack(piece, full[j])
            if row[j] is None:
                break
        else:
            if groups_hold(row):        # type: ignore[arg-type]
                options.append(row)
    return options


def wrapped_row_options(numbers: list[Item], lines: Sequence[str]) -> list[list[int | None]]:
    """Every reading of 表四's row whose cells wrapped over two or three lines of ``lines`` (the region's numbers
    ``numbers`` all on them, next to each other) that keeps each group's total; [] where the numbers are not so
    printed."""
    numbered = sorted({it.line for it in numbers})
    if not 2 <= len(numbered) <= 3 or numbered[-1] - numbered[0] != len(numbered) - 1 or not lines \
            or numbered[-1] > len(lines):
        return []
    toks = _number_lines(lines, numbered)
    if toks is None:
        return []
    counts = [len(t) for t in toks]
    if len(toks) == 3:
        k = counts[0]
        if not 0 < k < WIDTH or counts[2] != k or counts[1] != WIDTH - k or _too_many(k):
            return []
        return _around(*toks)
    first, second = ([t for _, _, t in line] for line in toks)
    if counts[0] == WIDTH and 0 < counts[1] < WIDTH and not _too_many(counts[1]):
        return _joined(first, second, below=True)
    if counts[1] == WIDTH and 0 < counts[0] < WIDTH and not _too_many(counts[0]):
        return _joined(second, first, below=False)
    return []


def _too_many(k: int) -> bool:
    """Whether placing ``k`` wrapped cells among fifteen makes too many placements to try."""
    return comb(WIDTH, k) > _MAX_PLACEMENTS


def read_wrapped_row(items: list[Item], numbers: list[Item], lines: Sequence[str]
                     ) -> tuple[Readings, list[Ambiguity]] | None:
    """表四's row printed over lines (:func:`wrapped_row_options`): every cell missing, each placement of the
    wrapped cells that keeps the groups' totals an option; None where the numbers (``numbers`` of the region's
    ``items``, and its counts cut inside their thousands groups, ``1,1``) are not so printed."""
    numbers = sorted(numbers + [it for it in items if CUT_PIECE.fullmatch(it.raw.strip())], key=lambda it: it.line)
    if len(numbers) <= WIDTH:
        return None
    options = wrapped_row_options(numbers, lines)
    if not options:
        return None
    raw, at = " ".join(n.raw for n in numbers), sorted({n.line for n in numbers})
    note = f"{len(numbers)} numbers over {len(at)} lines: long counts wrapped inside narrow cells"
    return ({path: missing(raw, at, WRAPPED, note) for path in TABLE4_PATHS},
            [Ambiguity(paths=list(TABLE4_PATHS), options=options, raw=raw, lines=at,
                       reason=f"表四: {note}; which cells wrapped is unknown")])
