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

A PDF converter that writes the table as markdown (pymupdf4llm) gives the row's line as a pipe row, each field a
number, and the wrapped cells' other pieces as a paragraph of their own after (or before) the table, blank lines
between; a pipe row of numbers reads as that many numbers and blank lines between the number lines are no break::

    |0|14|0|0|14|0|22|0|0|22|0|0|0|0|0|

    3 3

(143 in 复议's 纠正 and 总计, or in 直接起诉's: two placements keep every total; neither is proven). Or it keeps
each wrapped cell's pieces in its own field, a line break between them (``|0|2<br>2<br>2|0|0|2<br>2<br>2|…|``,
fifteen fields): each field is one cell, its pieces one count (222), the one reading, an option for the verifier
where every group's total holds (derived then, and queued: a stack could be two rows' counts, never proven).

A wrapped cell's first piece never starts with 0 and is never shorter than its last piece (a wrapped cell fills
its first line).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations
from math import comb

from ..evidence import Ambiguity
from ..ingest.stacked_rows import br_parts
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


def _pipe_numbers(line: str) -> list[Tok] | None:
    """A markdown pipe row whose every field is one number (``|0|14|0|``): its numbers, else None."""
    text = line.strip()
    if len(text) < 3 or text[0] != "|" or text[-1] != "|":
        return None
    fields = [f.strip() for f in text[1:-1].split("|")]
    if not all(_whole(f) is not None for f in fields):
        return None
    return [(0, 0, f) for f in fields]


def _number_lines(lines: Sequence[str], numbered: list[int]) -> list[list[Tok]] | None:
    """The tokens of each line in ``numbered`` (1-based), when each holds numbers only, else None."""
    out = []
    for n in numbered:
        if (piped := _pipe_numbers(lines[n - 1])) is not None:
            out.append(piped)
            continue
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


def _stacked_fields(line: str) -> list[list[int | None]]:
    """The row read from one pipe row of fifteen fields whose wrapped counts' pieces are stacked in their field
    (``1<br>4<br>8``), each field's pieces joined, where every group's total holds; else []."""
    text = line.strip()
    if len(text) < 3 or text[0] != "|" or text[-1] != "|":
        return []
    fields = [br_parts(f) for f in text[1:-1].split("|")]
    if len(fields) != WIDTH or not any(len(f) > 1 for f in fields):
        return []
    row: list[int | None] = []
    for parts in fields:
        if len(parts) == 1:
            value = _whole(parts[0])
        elif FIRST_PIECE.match(parts[0]) and all(DIGITS.match(p) and len(p) <= len(parts[0]) for p in parts[1:]):
            value = int("".join(parts))
        else:
            return []
        if value is None:
            return []
        row.append(value)
    return [row] if groups_hold(row) else []


def wrapped_row_options(numbers: list[Item], lines: Sequence[str]) -> list[list[int | None]]:
    """Every reading of 表四's row whose cells wrapped over two or three lines of ``lines`` (the region's numbers
    ``numbers`` all on them, next to each other) that keeps each group's total; [] where the numbers are not so
    printed."""
    numbered = sorted({it.line for it in numbers})
    if len(numbered) == 1 and lines and numbered[0] <= len(lines):
        return _stacked_fields(lines[numbered[0] - 1])
    if not 2 <= len(numbered) <= 3 or not lines or numbered[-1] > len(lines) \
            or any(lines[n - 1].strip() for n in range(numbered[0], numbered[-1] + 1) if n not in numbered):
        return []                       # (only blank lines between the number lines)
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


def _pieces_beside(items: list[Item], numbers: list[Item], lines: Sequence[str]) -> list[Item]:
    """The numbers of ``items`` on the nearest line above and below the lines of ``numbers`` (only blank lines
    between) that the reader left out of the row: a table's row read from its grid (a markdown pipe row), the
    wrapped cells' pieces printed outside it."""
    if not numbers or not lines:
        return []
    at = {it.line for it in numbers}
    near: set[int] = set()
    for start, step in ((min(at) - 1, -1), (max(at) + 1, 1)):
        n = start
        while 1 <= n <= len(lines) and not lines[n - 1].strip():
            n += step
        near.add(n)
    return [it for it in items if it.line in near and it.cell.is_number and it not in numbers]


def read_wrapped_row(items: list[Item], numbers: list[Item], lines: Sequence[str]
                     ) -> tuple[Readings, list[Ambiguity]] | None:
    """表四's row printed over lines (:func:`wrapped_row_options`): every cell missing, each placement of the
    wrapped cells that keeps the groups' totals an option; None where the numbers (``numbers`` of the region's
    ``items``, and its counts cut inside their thousands groups, ``1,1``) are not so printed."""
    numbers = sorted(numbers + [it for it in items if CUT_PIECE.fullmatch(it.raw.strip())], key=lambda it: it.line)
    options = wrapped_row_options(numbers, lines) if len(numbers) > WIDTH else []
    if not options and (beside := _pieces_beside(items, numbers, lines)):
        numbers = sorted(numbers + beside, key=lambda it: it.line)
        options = wrapped_row_options(numbers, lines)
    if not options:
        return _pieces_unplaced(numbers, lines)
    raw, at = " ".join(n.raw for n in numbers), sorted({n.line for n in numbers})
    note = f"{len(numbers)} numbers over {len(at)} lines: long counts wrapped inside narrow cells"
    return ({path: missing(raw, at, WRAPPED, note) for path in TABLE4_PATHS},
            [Ambiguity(paths=list(TABLE4_PATHS), options=options, raw=raw, lines=at,
                       reason=f"表四: {note}; which cells wrapped is unknown")])


def _pieces_unplaced(numbers: list[Item], lines: Sequence[str]) -> tuple[Readings, list[Ambiguity]] | None:
    """A pipe row of fifteen numbers with numbers alone on lines of their own beside it (blank lines between: the
    pieces of counts wrapped inside narrow cells, printed outside the table, ``|…|0|3|0|0|3|…|0|7|7|`` then ``4 4 7 7
    0 0`` after a page break: 37 and 740) that no placement reads (a count wrapped over three lines): every cell
    missing, the row's fifteen numbers not its cells; None for any other shape."""
    at = sorted({n.line for n in numbers})
    rows = [n for n in at if (piped := _pipe_numbers(lines[n - 1])) is not None and len(piped) == WIDTH]
    if len(rows) != 1 or len(at) < 2 or _number_lines(lines, at) is None \
            or any(lines[n - 1].strip() for n in range(at[0], at[-1] + 1) if n not in at):
        return None
    raw = " ".join(n.raw for n in numbers)
    note = f"a row of fifteen numbers and {len(numbers) - WIDTH} more beside it, outside the table: pieces of " \
           "wrapped counts that no placement keeps the totals of"
    return {path: missing(raw, at, WRAPPED, note) for path in TABLE4_PATHS}, []
