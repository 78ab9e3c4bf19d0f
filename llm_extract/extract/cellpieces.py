"""A row printed cell by cell, each wrapped cell's pieces on lines of their own, one after the other.

A Word table whose number columns are narrow wraps a count of four digits over two lines of its cell. Text tools that
print a page's text in its cells' order (``pdftotext -raw``, pypdfium2) give such a row's cells one after another,
a wrapped cell's pieces on consecutive lines, and the row's one-line cells side by side on a line of their own::

    一、本年新收政府信息公开申请数量
    41
    43
    41
    5
    0 0 0 0
    45
    58

is 4143 415 0 0 0 0 4558: the lines' numbers are more than the row's seven cells, so some lines are pieces of one
cell. Only a run of lines holding one number each may be such pieces (numbers side by side are cells of their own);
a run is cut into cells, consecutive pieces joined, where

* a cell of several pieces starts with no 0, holds no placeholder, and each piece but the last is as wide as the
  first (the column's width), the last no wider;
* the row gets exactly seven cells, and its row sum holds;
* no other cut of the row's lines does both, a line of two numbers read as one count too (``1 2`` for 12: a
  converter parting a count at a space prints so, as pdftotext prints two one-line cells side by side; such a
  reading is never merged here, only weighed).

A tool printing the page's text in content order, one space between runs (pypdf), gives the pieces side by side
instead, the whole row on its label's line (``一、本年新收政府信息公开申请数量 37 55 33 0 43 16 17 4 11 1 44 29`` is 3755
330 43 16 174 111 4429), or some on a line of their own (pypdfium2). Where the row's numbers stand one space apart
(no wider gap, no tab) and no cut keeps numbers side by side apart, its numbers in their printed order are cut
alike, as one run (of twelve at most), under the same three conditions. (Numbers a wider gap apart are laid out
by columns: a count split by a space there, or a cell's runs a line each, is the identities' to place:
:mod:`.glued`.)

The row is then written on its label's line, its seven cells after the whole label, the other lines emptied; the
merged line cites every line its cells were on. Its numbers are the ones on its label's line and the lines of
numbers right after it (or after its label's wrapped words, naming the same row), up to the next text or blank
line; any other doubt leaves the row as printed.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import product

from ..form import FORM
from .cells import parse_cell
from .labels import rows_named
from .layout import has_words, label_key
from .wrapdigits import DIGITS, FIRST_PIECE, row_sum_holds, split_line

__all__ = ["cell_piece_rows"]

_WIDTH = len(FORM.table3_columns)
#: the longest run of one-number lines cut into cells, and the cuts of a row tried at most
_MAX_RUN = 12
_MAX_CUTS = 4096
#: lines a label may wrap onto before its numbers
_MAX_WRAP = 2
#: a line holding one number alone: a piece, perhaps (a line with words, layout.has_words, is a label's); a line
#: ending in more numbers than a row has cells, one space apart: pieces side by side, perhaps
_ONE_NUMBER = re.compile(r"^\s*[0-9０-９]+\s*$")
_MORE_THAN_A_ROW = re.compile(r"(?:^|[^\s0-9] ?)(?:[0-9]+ ){%d,}[0-9]+\s*$" % _WIDTH)
_NUMBERS_APART = re.compile(r"[0-9]\s{2,}[0-9]|\t")


def _cuts(run: list[str]) -> list[list[str]]:
    """Every way of cutting a run of pieces into cells, each cell valid (see the module's docstring)."""
    out: list[list[str]] = []
    for marks in product((False, True), repeat=len(run) - 1):      # True: a new cell starts after piece k
        cells: list[list[str]] = [[run[0]]]
        for piece, new in zip(run[1:], marks):
            if new:
                cells.append([piece])
            else:
                cells[-1].append(piece)
        if all(_joins(c) for c in cells):
            out.append(["".join(c) for c in cells])
    return out


def _joins(pieces: list[str]) -> bool:
    if len(pieces) == 1:
        return True
    width = len(pieces[0])
    return (all(DIGITS.match(p) for p in pieces) and bool(FIRST_PIECE.match(pieces[0]))
            and all(len(p) == width for p in pieces[1:-1]) and len(pieces[-1]) <= width)


def _row(lines: list[list[str]], side_by_side: bool) -> list[str] | None:
    """The row's one cut into seven cells whose row sum holds, numbers side by side kept apart; else, where no cut
    holds and its pieces stand ``side_by_side``, its one cut as one run of pieces in printed order; or None. A line
    of two numbers may be one count a converter parted at a space (``1 2`` for 12): where reading it so holds too,
    the cut is not the only one, and where only that reading holds, it is the identities' to choose (extract/glued.py's
    recounts), never merged here."""
    found = _cut_row(lines)
    if not found and side_by_side and sum(map(len, lines)) <= _MAX_RUN:
        found = _cut_row([[n] for line in lines for n in line])
    return found[0][0] if len(found) == 1 and not found[0][1] else None


def _cut_row(lines: list[list[str]]) -> list[tuple[list[str], bool]]:
    """The row's cuts into seven cells whose row sum holds, each with whether it reads a line of two numbers as one
    count (none where the ways are more than ``_MAX_CUTS``)."""
    parts: list[list[tuple[list[str], bool]]] = []     # per line group: its ways (a multi-number line: apart, joined)
    k = 0
    while k < len(lines):
        if len(lines[k]) != 1:
            parts.append([(lines[k], False), *((cell, True) for cell in _parted(lines[k]))])
            k += 1
            continue
        run = []
        while k < len(lines) and len(lines[k]) == 1:
            run.append(lines[k][0])
            k += 1
        if len(run) > _MAX_RUN:
            return []
        parts.append([(cut, False) for cut in _cuts(run)])
    ways = 1
    for p in parts:
        ways *= len(p)
    if ways > _MAX_CUTS:
        return []
    return [(cells, any(j for _, j in choice)) for choice in product(*parts)
            if len(cells := [c for p, _ in choice for c in p]) == _WIDTH and row_sum_holds(cells)]


def _parted(line: list[str]) -> list[list[str]]:
    """A line of two numbers read as one count a converter parted at a space (``1 2`` for 12, ``2 08`` for 208),
    where the first has no leading 0: one cell; else nothing."""
    return [["".join(line)]] if len(line) == 2 and all(DIGITS.match(p) for p in line) \
        and FIRST_PIECE.match(line[0]) else []


class _Splits(dict):
    """Each line's text and value tokens (:func:`~.wrapdigits.split_line`), when first asked for (1-based)."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__()
        self.lines = lines

    def __missing__(self, n: int):
        self[n] = split = split_line(self.lines[n - 1])
        return split


def _more_than_a_row(lines: list[str]) -> bool:
    """Whether some row of ``lines`` may print more numbers than its cells, cheaply told: a line with text, the
    numbers ending it and those on the lines of numbers alone right after it more than a row's cells.
    (:func:`cell_piece_rows` merges no band of fewer; a label's wrapped words, lines of text without numbers, only
    move a band's start to its last line: counted from there.)"""
    count = None                        # the numbers of the band open on the line before
    for shape in map(_shape, lines):
        if shape < 0:
            count = -shape - 1
        elif shape and count is not None:
            count += shape
        else:
            count = None
        if count is not None and count > _WIDTH:
            return True
    return False


@lru_cache(maxsize=8192)
def _shape(line: str) -> int:
    """A line's part in a band, from its tokens (:func:`~.wrapdigits.split_line`): with text, -1 less the numbers
    ending it (a band's first line); numbers alone, their count (a band goes on); else (blank, or words after a
    number) 0."""
    split = split_line(line)
    if split is None:
        return 0
    text, values = split
    return -1 - len(values) if text else len(values)


def _label_row(text: str) -> bool:
    return len(rows_named(label_key(text))) == 1


def cell_piece_rows(lines: list[str], start: int, end: int) -> tuple[list[str], dict[int, tuple[int, ...]]]:
    """``lines`` with each 表三 row (lines ``start`` … ``end - 1``, 1-based) printed cell by cell with wrapped cells'
    pieces on lines of their own merged onto its label's line (see the module docstring), and for each merged line
    the lines it was made of."""
    out = list(lines)
    merged: dict[int, tuple[int, ...]] = {}
    stop = min(end, len(lines) + 1)
    if not _more_than_a_row(lines[start - 1:stop - 1]):
        return out, merged              # (most tables: no row's numbers more than its cells)
    if not any(_ONE_NUMBER.match(lines[k - 1]) or _MORE_THAN_A_ROW.search(lines[k - 1]) for k in range(start, stop)):
        return out, merged              # no line holds a piece: nothing to merge
    splits = _Splits(lines)
    n = start
    while n < stop:
        if not has_words(lines[n - 1]):
            n += 1                      # (no words: no label)
            continue
        split = splits[n]
        if split is None or not split[0] or not _label_row(" ".join(t for _, _, t in split[0])):
            n += 1
            continue
        text, values = split
        band = [[v for _, _, v in values]] if values else []
        used = [n] if values else []
        m = n + 1
        label = " ".join(t for _, _, t in text)
        words = lines[n - 1][:text[-1][1]]
        while not values and m < stop and m - n <= _MAX_WRAP and (nxt := splits[m]) is not None \
                and nxt[0] and not nxt[1] and rows_named(label_key(label + (more := "".join(t for _, _, t in nxt[0])))) \
                == rows_named(label_key(label)):
            label += more                   # the label's wrapped words, its numbers after them
            words += more
            used.append(m)
            m += 1
        while m < stop and (nxt := splits[m]) is not None and not nxt[0] and nxt[1]:
            band.append([v for _, _, v in nxt[1]])
            used.append(m)
            m += 1
        ends = m >= stop or not lines[m - 1].strip() or (nxt := splits[m]) is None or bool(nxt[0])
        side_by_side = not any(_NUMBERS_APART.search(lines[k - 1]) for k in used)
        if ends and sum(map(len, band)) > _WIDTH and (side_by_side or any(len(b) == 1 for b in band)) \
                and all(parse_cell(v).is_value for b in band for v in b) and (cells := _row(band, side_by_side)) is not None:
            for k in used:
                out[k - 1] = ""
            out[n - 1] = words + " " + " ".join(cells)
            merged[n] = tuple(sorted({n, *used}))
            n = m
            continue
        n += 1
    return out, merged
