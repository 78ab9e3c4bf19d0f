"""Digits of a narrow cell wrapped over lines, centred on the row: read down the cell's column.

A Word table whose number columns are narrow wraps a long count over two lines of its cell, and a PDF text
tool that keeps the page's layout (``pdftotext -layout``) prints the row three lines tall: the wrapped cells'
first pieces on the top line, their last pieces on the bottom line, and the row's short cells (vertically
centred) on the line between::

                          52                        52
    一、本年新收政府信息公开申请    0   0   0   0   0
                          5                         5

pypdf's layout mode prints the same row two lines tall: the row whole on its label's line (the wrapped cells'
first pieces among its cells) and the wrapped cells' last pieces on the line under it. A row whose label stands on
a line of its own (``（七）总计``) may print the first pieces above it and every cell, the last pieces among them,
under it (``236`` / ``（七）总计`` / ``4 0 0 0 0 0 2364``), or the first pieces beside its label.

Read line by line, no line holds the row (loosedigits.py then leaves it unread). Each wrapped cell is its pieces
read top to bottom (``52`` + ``5`` = 525) and the row its cells in their columns' order. Lines are read so only
where that is the only way they make one row:

* a wrapped cell's pieces are digits in one column (centres at most two characters apart), the first never
  shorter than the last (a wrapped cell fills its first line) nor starting with 0 (``0`` over ``0`` is two
  rows' zeros), and no number printed on one line elsewhere in its column is longer than its first piece;
* round its middle: the top and bottom lines hold ``k`` pieces each, paired in order, the middle line the
  other ``n - k`` cells, none in a wrapped cell's column; under its line: the row's line holds all ``n``
  cells and each piece under it stands under one of them, plainly nearer to it than to any other, and no line of
  numbers alone above it holds as many pieces over them (the row may be three lines tall: :mod:`.digitstacks`);
  over its line: the row's line holds all ``n`` cells, no label, and does not make its total as printed; the
  line above holds the first pieces (after the row's label, or alone over a line of the label alone), each over
  one of the cells, plainly nearer to it than to any other (a longer number whole in the column says nothing
  there: the total broken as printed and made joined is the evidence);
* a count with thousands separators wraps inside its last group (``1,2`` over ``62``: 1,262): such a first piece
  (no count alone, :mod:`llm_extract.ingest.commapieces` leaves it where it wraps round the row's own line) is one
  only over exactly the digits its group lacks, and stands in no row unjoined;
* the lines hold one row's label at most (a line under a row that opens with its own item number is that
  row), and 表三's row identity holds (total = the six applicant columns);
* where a row's last pieces could also be the top of a row wrapped round the next line, they are that row's.

The row's cells are then written on one line (the middle line when it has the label, else the first with
text; the row's own line under its label) and the band's other numbers removed; :func:`unstacked_digits` also
says which lines each merged line was made of, so that what is read there cites all of them. Anything else is
left as printed.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache

from ..form import FORM
from .cells import parse_cell
from .glued import row_holds
from .layout import label_key
from .rowbounds import GROUP_KEYS, group_title_piece

__all__ = ["unstacked_digits", "split_tokens", "split_line", "centre", "row_sum_holds", "written_row", "DIGITS",
           "FIRST_PIECE", "CUT_PIECE", "OPENS_ROW", "Tok"]

_TOKEN = re.compile(r"\S+")
DIGITS = re.compile(r"^[0-9０-９]+$")
#: a number's first piece: no leading zero (``0`` over ``0`` is two rows' zeros, never 00)
FIRST_PIECE = re.compile(r"^[1-9１-９][0-9０-９]*$")
#: a count with thousands separators cut inside its last group (``1,2``, ``12,34``): a first piece, never a cell
#: (matched whole: ``CUT_PIECE.fullmatch``)
CUT_PIECE = re.compile(r"[1-9]\d{0,2}(?:,\d{3})*,\d{1,2}")
#: text that opens a row: an item number (一、 （二） 3. 4、)
OPENS_ROW = re.compile(r"^[（(]?[一二三四五六七八九十0-9０-９]{1,2}[)）、.．]")
#: how far apart (in characters) a wrapped cell's top and bottom pieces' centres may print
_PAIR_SLACK = 2.0

Tok = tuple[int, int, str]             # start, end, text
#: a wrapped row: its cells in their columns' order, and the wrapped cells' top pieces
_Row = tuple[list[Tok], list[Tok]]


def split_tokens(line: str, pieces: bool = False) -> tuple[list[Tok], list[Tok]] | None:
    """A line's text tokens and, after them, its value tokens; None when text follows a value. ``pieces``: a count's
    first piece cut inside its thousands group (``1,2``) is a value token too."""
    text: list[Tok] = []
    values: list[Tok] = []
    for m in _TOKEN.finditer(line):
        tok = (m.start(), m.end(), m.group())
        if parse_cell(tok[2]).is_value or pieces and CUT_PIECE.fullmatch(tok[2]):
            values.append(tok)
        elif values:
            return None                 # words after a number: not a row's cells
        else:
            text.append(tok)
    return text, values


#: :func:`split_tokens` once per distinct line: 表三's lines are split by several passes (cellpieces, digitstacks, this
#: one), and many recur across reports. Never mutate what it gives.
split_line = lru_cache(maxsize=8192)(split_tokens)


@lru_cache(maxsize=4096)
def _labels_row(word: str) -> bool:
    """Whether a word opens a row's label: an item number, not a group's title or its piece (``三、`` printed down
    its column beside the row's top line is 三、本年度办理结果's, no row's)."""
    key = label_key(word)
    return bool(OPENS_ROW.match(word)) and not group_title_piece(key) and not any(
        g.startswith(key) or key in g for g in GROUP_KEYS)


def _open(tok: Tok) -> bool:
    return CUT_PIECE.fullmatch(tok[2]) is not None


def centre(tok: Tok) -> float:
    return (tok[0] + tok[1]) / 2


def _stack(top: Tok, bottom: Tok) -> Tok | None:
    """A wrapped cell's two pieces as one token, or None when they are not one: digits only, in one column, the
    top piece never shorter (a wrapped cell fills its first line); a top piece cut inside its thousands group
    (``1,2``) over exactly the digits the group lacks (``62``)."""
    if _open(top):
        if not (bottom[2].isascii() and bottom[2].isdigit()) or len(bottom[2]) != 3 - len(top[2].rsplit(",", 1)[1]):
            return None
    elif not (FIRST_PIECE.match(top[2]) and DIGITS.match(bottom[2])) or len(top[2]) < len(bottom[2]):
        return None
    if abs(centre(top) - centre(bottom)) > _PAIR_SLACK:
        return None
    return min(top[0], bottom[0]), max(top[1], bottom[1]), top[2] + bottom[2]


def _around(top: list[Tok], mid: list[Tok], bottom: list[Tok], n: int) -> _Row | None:
    """The row when the wrapped cells' pieces stand above and below the line of its short cells (``mid``)."""
    k = len(top)
    if not 0 < k < n or len(bottom) != k or len(mid) != n - k or any(map(_open, mid)) or any(map(_open, bottom)):
        return None
    stacks = [_stack(t, b) for t, b in zip(top, bottom)]
    if any(st is None for st in stacks):
        return None
    for a, z, _ in stacks:              # (no short cell in a wrapped cell's column)
        if any(x < z and a < y for x, y, _ in mid):
            return None
    return sorted(stacks + mid, key=centre), top      # type: ignore[operator]


def _under(full: list[Tok], bottom: list[Tok], n: int) -> _Row | None:
    """The row when its line holds all its cells, the wrapped cells' first pieces among them, and the line under
    it their last pieces, each under one of them."""
    if len(full) != n or not 0 < len(bottom) < n or any(map(_open, bottom)):
        return None
    cells = _joined(full, bottom, below=True)
    if cells is None or any(c is f and _open(f) for c, f in zip(cells, full)):
        return None                     # (a first piece left unjoined is no cell)
    return cells, [f for c, f in zip(cells, full) if c is not f]


def _over(top: list[Tok], full: list[Tok], n: int) -> _Row | None:
    """The row when its line holds all its cells, the wrapped cells' last pieces among them, and a line above it
    their first pieces, each over one of them."""
    if len(full) != n or not 0 < len(top) < n or any(map(_open, full)):
        return None
    cells = _joined(full, top, below=False)
    return None if cells is None else (cells, top)


def _joined(full: list[Tok], pieces: list[Tok], *, below: bool) -> list[Tok] | None:
    """The cells of a row's line (``full``) with each of ``pieces`` (printed on the line under it, ``below``, else
    over it) joined to the one cell plainly nearer to it than to any other; None where a piece has no such cell, two
    pieces the same one, or a piece and its cell are no wrapped cell's pieces."""
    cells = list(full)
    for piece in pieces:
        gaps = sorted((abs(centre(f) - centre(piece)), j) for j, f in enumerate(full))
        (gap, j), second = gaps[0], gaps[1][0]
        if second - gap < 1 or cells[j] is not full[j]:
            return None                 # (no one number right beside it, or one already joined)
        stack = _stack(full[j], piece) if below else _stack(piece, full[j])
        if stack is None:
            return None
        cells[j] = stack
    return cells


def _fills_column(tops: list[Tok], band: range, tokens: dict[int, list[Tok]]) -> bool:
    """Whether each wrapped cell's top piece is as long as any number printed in its column on the table's other
    lines: a cell wraps where its column is full, so a longer number on one line there says it is no wrap."""
    return not any(x < z and a < y and DIGITS.match(t) and len(t) > len(top)
                   for a, z, top in tops for line, toks in tokens.items() if line not in band for x, y, t in toks)


#: 表三's columns: a row's cells
_WIDTH = len(FORM.table3_columns)


def row_sum_holds(cells: list[str]) -> bool:
    """Whether 表三's row identity holds for the row's cells (glued.row_holds), a placeholder counting as 0."""
    return row_holds([v if isinstance(v := parse_cell(c).value, int) else 0 for c in cells])


def written_row(text: list[Tok], cells: list[Tok], line: str) -> str:
    """``line``'s text (what stands before its numbers) with the row's cells after it, each at its column where
    that leaves a gap of two spaces before it, else right after that gap."""
    out = line[:text[-1][1]] if text else ""
    for a, _, cell in cells:
        out += " " * (max(a, len(out) + 2 if out.strip() else 0) - len(out)) + cell
    return out


class _Lines:
    """A table's lines split into text and values, and the wrapped rows found among them."""

    def __init__(self, lines: list[str], start: int, end: int, read: Collection[int]) -> None:
        self.split = {i: sp for i in range(start, min(end, len(lines) + 1))
                      if i not in read and (sp := split_line(lines[i - 1], "," in lines[i - 1]))}
        self.values = {i: sp[1] for i, sp in self.split.items()}
        self.n = _WIDTH

    def _valid(self, row: _Row | None, band: range, *, fills: bool = True) -> bool:
        """The row makes its total, one row's label at most stands among its lines, and (``fills``) each wrapped
        cell's first piece is as long as the numbers printed whole in its column."""
        if row is None or not row_sum_holds([c for _, _, c in row[0]]) \
                or fills and not _fills_column(row[1], band, self.values):
            return False
        texts = [self.split[j][0] for j in band]     # one row's label at most: else two rows, not one wrapped
        return sum(any(_labels_row(w) for _, _, w in t) for t in texts) <= 1

    def count(self, i: int) -> int:
        """The numbers on line ``i``."""
        return len(self.values.get(i, ()))

    def around(self, i: int) -> _Row | None:
        """The row wrapped round its middle line ``i + 1``, or None."""
        band = range(i, i + 3)
        k = self.count(i)
        if not 0 < k < self.n or self.count(i + 2) != k or self.count(i + 1) != self.n - k:
            return None                 # (most lines: counts alone tell)
        row = _around(self.values[i], self.values[i + 1], self.values[i + 2], self.n)
        return row if self._valid(row, band) else None

    def under(self, i: int) -> _Row | None:
        """The row on line ``i`` whose wrapped cells end on line ``i + 1``, or None; none where that line may be
        the top of a row wrapped round the line after it."""
        band = range(i, i + 2)
        if self.count(i) != self.n or not 0 < self.count(i + 1) < self.n or self.around(i + 1) is not None:
            return None
        row = _under(self.values[i], self.values[i + 1], self.n)
        if row is not None and self._pieces_above(i, self.values[i + 1]):
            return None
        return row if self._valid(row, band) else None

    def over(self, i: int) -> tuple[_Row, range] | None:
        """The row whose wrapped cells' first pieces stand on line ``i``, the cells (their last pieces among them)
        on the line under it, or under a line of the row's label alone; with its lines. (Where they could be the
        last pieces of the row above, :meth:`under` has read them so first.)"""
        top = self.values.get(i)
        if not top or not 0 < len(top) < self.n:
            return None
        label_alone = self.split.get(i + 1)
        below = i + 2 if label_alone is not None and label_alone[0] and not label_alone[1] \
            and not self.split[i][0] else i + 1
        whole = self.split.get(below)
        if whole is None or whole[0] or len(whole[1]) != self.n or row_sum_holds([c for _, _, c in whole[1]]):
            return None                 # (a row making its total as printed: nothing wrapped)
        band = range(i, below + 1)
        row = _over(top, whole[1], self.n)
        # (a row breaking its total as printed and making it joined: a wider cell of its column printed whole,
        # 1609 beside 236 / 4, says nothing here, as the digits of a proportional font differ in width)
        return (row, band) if self._valid(row, band, fills=False) else None

    def _pieces_above(self, i: int, bottom: list[Tok]) -> bool:
        """Whether the line above row ``i`` holds numbers and no row's label, as many as the pieces under it and over
        them: the row may be three lines tall, its cells' first digits above it (``2 2`` / ``一、… 7 0 0 0 0 0 7`` /
        ``6 6``: 276), not two."""
        above = self.split.get(i - 1)
        if above is None or above[0] and OPENS_ROW.match(above[0][0][2]) or len(above[1]) != len(bottom):
            return False                # (words beside them may be a group's title: 三 / 、（一）予以公开 / 本)
        return all(abs(centre(a) - centre(b)) <= _PAIR_SLACK for a, b in zip(above[1], bottom))


def unstacked_digits(lines: list[str], start: int, end: int, read: Collection[int] = frozenset()
                     ) -> tuple[list[str], dict[int, tuple[int, ...]]]:
    """``lines`` with each row of 表三 (lines ``start`` … ``end - 1``, 1-based) whose narrow cells wrapped their
    digits onto the next line merged onto one line (see the module docstring), and for each merged line
    (1-based) the lines it was made of. Lines ``read`` (merged by :func:`.digitstacks.stacked_rows`) are left out:
    no row of theirs, and their joined numbers say nothing of how wide a column's pieces are."""
    block = lines[start - 1:min(end, len(lines) + 1) - 1]
    if end - start < 2 or 3 * len([line for line in block if "\t" in line]) >= len(block):
        return lines, {}                # (a table of tab-separated fields: they, not their places, say its cells)
    found = _Lines(lines, start, end, read)
    out = list(lines)
    merged: dict[int, tuple[int, ...]] = {}
    counts = [found.count(i) for i in range(start, end)]
    if not any(0 < b < found.n and (a == found.n or 0 < a and a + b == found.n) for a, b in zip(counts, counts[1:])) \
            and not any(0 < a < found.n and found.n in counts[k + 1:k + 3] for k, a in enumerate(counts)):
        return out, merged              # (most tables: no line of numbers under a row's line or a wrapped row's top,
        #                                 nor a few numbers over a row's line)
    i = start
    while i < end - 1:
        row, band = found.around(i), range(i, i + 3)
        if row is None:
            row, band = found.under(i), range(i, i + 2)
        if row is None and (above := found.over(i)) is not None:
            row, band = above
        if row is None:
            i += 1
            continue
        texts = {j: found.split[j][0] for j in band}
        if len(band) == 2 and not texts[band[0]] and texts[band[1]]:
            target = band[1]            # (pieces over a row: the row's line)
        elif len(band) == 2:            # (the line holding every cell keeps them)
            target = band[0]
        else:                           # (the short cells' line, where it has the label, else the first that has)
            target = band[1] if texts[band[1]] else next((j for j in band if texts[j]), band[1])
        for j in band:
            out[j - 1] = lines[j - 1][:texts[j][-1][1]] if texts[j] else ""
        out[target - 1] = written_row(texts[target], row[0], lines[target - 1])
        merged[target] = tuple(band)
        i = band[-1] + 1
    return out, merged
