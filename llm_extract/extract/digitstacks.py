"""Digits of very narrow cells stacked down their column over several lines: read each cell down its column.

A Word table whose applicant columns are one character wide prints a count of four digits as four lines of its
cell, vertically centred in the row; a text tool that keeps the page's layout (``pdftotext -layout``, pypdf's
layout mode) prints the row five or six lines tall, the short cells on the line at the row's middle::

                                    2                        2
                                    8                    3   8
    一、本年新收政府信息公开申请数量          0   0   0   0
                                    3                    5   7
                                    8                        3

(自然人 2838, 其他 35, 总计 2873). :mod:`.wrapdigits` reads a row wrapped over two or three lines; this module reads
what it leaves: taller stacks, and pieces printed every other line where a neighbouring column's stack shares
the lines. Lines are read so only where that is the only way they make rows:

* a table's lines with numbers, between page breaks, are cut into consecutive bands, each one row: a line of
  seven numbers whose row identity holds, a line with a row's label and its numbers as printed, or several lines
  whose numbers fall into seven columns (their tokens' centres at most a character and a half apart), each
  column's pieces on lines of their own;
* in a band of several lines: exactly one row's label among its lines (a group's title and its pieces,
  三、本 / 年度办 / 理结果, open no row), or a label's first line right above it and the rest among them; each
  stacked cell's first piece starts with no 0 and fills its column as every piece but the last does; every
  stacked cell is centred on the same line (within half a line), and the one-piece cells stand on one line, the
  middle one of the stacks' and the label's lines or, between two, the upper one; no number printed elsewhere in
  a stacked cell's column, between the same page breaks, is wider than its pieces; and 表三's row identity holds;
* lines are counted as the page prints them; where no cut works so, as lines of numbers only (pypdf prints a
  label's wrapped words on lines of their own between a cell's pieces);
* a stacked band is read only when every cut of the lines into bands has it (two cuts may both work: pypdf
  prints a row's short cells on its stacks' upper middle line, so ``7 0 0 0 0 0 7`` / ``1 1`` is 71 and the next
  row's 4…, or 7 and the next row's 14…; such bands stay as printed); after a page break, a run's first lines of
  numbers alone may end the last row of the page before, so the cuts without them count too.

Each stacked row is then written on its label's line, its cells at their columns, and the band's other numbers
removed; the merged line cites all the band's lines. Anything else is left as printed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from bisect import bisect_left, bisect_right
from functools import lru_cache

from ..form import FORM
from .layout import is_page_furniture, label_key
from .rowbounds import GROUP_KEYS, group_title_piece
from .wrapdigits import DIGITS, FIRST_PIECE, OPENS_ROW, Tok, centre, row_sum_holds, split_line, written_row

__all__ = ["stacked_rows"]

#: text that opens a row: an item number (wrapdigits'), or the total row's word
_OPENS_ROW = re.compile(rf"{OPENS_ROW.pattern}|^(?:总计|合计)")
_WIDTH = len(FORM.table3_columns)
_MAX_LINES = 7              # value lines in one band (a stack of six digits and the short cells' line)
_MAX_SPAN = 10              # lines from a band's first to its last (text-only lines between them)
_GAP = 1.5                  # a column's pieces' centres at most this far apart, in characters
_HALF = 0.5

_Row = tuple[int, list[Tok]]            # the line written, the row's cells in column order


def _opens_row(text: list[Tok]) -> bool:
    """Whether a line's text opens a row of 表三: a word opening with an item number or 总计 that is not a group's
    title or its piece (``法提供  2.没有现成信息需要另行制作``: the second word)."""
    return any(_opens(t[2]) for t in text)


@lru_cache(maxsize=4096)
def _opens(word: str) -> bool:
    return bool(_OPENS_ROW.match(label_key(word))) and not _piece(word)


@lru_cache(maxsize=4096)
def _piece(word: str) -> bool:
    """Whether a word is a group's title or a piece of it (三、本 / 年度办 / (六)其)."""
    key = label_key(word)
    return group_title_piece(key) or any(g.startswith(key) or key in g for g in GROUP_KEYS)


class _Table:
    """A run of a table's lines between page breaks: each line's text and value tokens."""

    def __init__(self, split: dict[int, tuple[list[Tok], list[Tok]]], run: list[int], by_lines: bool) -> None:
        self.split = split
        self.run = run
        self.by_lines = by_lines                # rows placed by the page's lines, else by the lines of numbers
        self.opening = [j for j in range(run[0] - 3, run[-1] + 1)      # (a label up to three lines above the
                        if j in split and _opens_row(split[j][0])]      # run's first numbers)
        self.ordinal = {n: k for k, n in enumerate(run)}     # each line of numbers' place among them

    def _labels(self, first: int, last: int) -> list[int]:
        return self.opening[bisect_left(self.opening, first):bisect_right(self.opening, last)]

    def one_line(self, i: int) -> bool:
        """Whether value line ``i`` is a row by itself: seven numbers whose identity holds, or a row's label and
        its numbers as printed (a short row's blank cells are the other readers' to place)."""
        text, values = self.split[i]
        return len(values) == _WIDTH and row_sum_holds([v[2] for v in values]) or bool(self._labels(i, i))

    def band(self, lines: list[int]) -> _Row | None:
        """The row stacked over value lines ``lines``, or None (see the module docstring)."""
        if lines[-1] - lines[0] > _MAX_SPAN:
            return None
        labels = self._labels(lines[0], lines[-1])
        if not labels and self._label_above(lines):
            labels = [-1]               # (written on the line of its one-piece cells, amid the label's lines)
        if len(labels) != 1:
            return None
        toks = sorted(((centre(t), n, t) for n in lines for t in self.split[n][1]), key=lambda x: x[0])
        columns: list[list[tuple[float, int, Tok]]] = []
        for tok in toks:
            if columns and tok[0] - columns[-1][-1][0] <= _GAP:
                columns[-1].append(tok)
            else:
                columns.append([tok])
        if len(columns) != _WIDTH:
            return None
        cells: list[Tok] = []
        stacks: list[list[int]] = []
        singles: set[int] = set()
        for col in columns:
            col.sort(key=lambda x: x[1])
            rows = [n for _, n, _ in col]
            if len(set(rows)) != len(rows) or max(c for c, _, _ in col) - min(c for c, _, _ in col) > _GAP + 1:
                return None
            if len(col) == 1:
                singles.add(rows[0])
                cells.append(col[0][2])
                continue
            pieces = [t[2] for _, _, t in col]
            width = len(pieces[0])
            if not FIRST_PIECE.match(pieces[0]) or not all(DIGITS.match(p) for p in pieces) \
                    or any(len(p) != width for p in pieces[:-1]) or len(pieces[-1]) > width:
                return None
            stacks.append(rows)
            cells.append((min(t[0] for _, _, t in col), max(t[1] for _, _, t in col), "".join(pieces)))
        if not stacks or len(singles) > 1:
            return None
        single = next(iter(singles), None)
        label_lines = self._label_lines(labels[0], lines[-1]) if labels[0] > 0 else []
        if not (self._placed(stacks, single, label_lines, lambda n: n) if self.by_lines
                else self._placed(stacks, single, [n for n in label_lines if n in self.ordinal], self.ordinal.get)):
            return None
        if not row_sum_holds([c[2] for c in cells]) or not self._fills_columns(cells, lines):
            return None
        target = labels[0] if labels[0] > 0 else (single if single is not None else stacks[0][len(stacks[0]) // 2])
        return (target if target in self.split else lines[0]), cells

    @staticmethod
    def _placed(stacks: list[list[int]], single: int | None, label_lines: list[int], at: Callable) -> bool:
        """Whether stacked cells (each its pieces' lines) and the one-piece cells' line stand as one row's cells do,
        each line placed by ``at``: every stack centred on one place (within half a line), the one-piece cells on
        the middle line of the stacks' and the label's lines or, between two, the upper one."""
        centres = [sum(at(n) for n in rows) / len(rows) for rows in stacks]
        if max(centres) - min(centres) > _HALF:
            return False
        ends = [at(n) for rows in stacks for n in (rows[0], rows[-1])] + [at(n) for n in label_lines]
        return single is None or 0 <= (min(ends) + max(ends)) / 2 - at(single) <= _HALF

    def _label_lines(self, label: int, last: int) -> list[int]:
        """The lines of a row's label: its first, and the lines of words after it that open no row (its wrapped
        rest: ``5.要求行政机关确认`` / ``或重新出具已获取信`` / ``息``), up to two lines past the band."""
        out = [label]
        j = label + 1
        while j <= last + 2 and j in self.split and self.split[j][0] and not _opens_row(self.split[j][0]) \
                and not all(_piece(t[2]) for t in self.split[j][0]):
            out.append(j)
            j += 1
        return out

    def _label_above(self, lines: list[int]) -> bool:
        """Whether the band's row is labelled above it: a line of words alone opening a row, at most three lines up,
        and the rest of a label (words opening no row) among the band's lines (``2.申请人逾期未按收费通知要求缴纳`` /
        ``1 1`` / ``(六)其  费用、行政机关不再处理其政府信息  0 0 0 0 0`` / ``0 0``)."""
        above = next((j for j in range(lines[0] - 1, lines[0] - 4, -1) if j in self.split and self.split[j][0]), None)
        if above is None or self.split[above][1] or not _opens_row(self.split[above][0]):
            return False
        return any(not _opens_row(self.split[n][0]) and any(not _piece(t[2]) for t in self.split[n][0])
                   for n in lines)

    def _fills_columns(self, cells: list[Tok], lines: list[int]) -> bool:
        """No number printed on the run's other lines in a stacked cell's column is wider than its pieces (a
        cell wraps where its column is full)."""
        band = set(lines)
        for a, z, cell in cells:
            pieces = [t[2] for n in lines for t in self.split[n][1] if t[0] < z and a < t[1]]
            if len(pieces) < 2:
                continue
            width = max(len(p) for p in pieces)
            if any(x < z and a < y and DIGITS.match(t) and len(t) > width
                   for n in self.run if n not in band for x, y, t in self.split[n][1]):
                return False
        return True

    def cut(self) -> list[tuple[list[int], _Row]] | None:
        """The stacked bands every cut of the run into bands shares (None when no cut works): counting the cuts of
        the lines before and after each band, a band is in every cut when those counts multiply to all of them."""
        run = self.run
        n = len(run)
        edges: list[tuple[int, int, _Row | None]] = []
        for k in range(n):
            if self.one_line(run[k]):
                edges.append((k, 1, None))
            for size in range(2, min(_MAX_LINES, n - k) + 1):
                if run[k + size - 1] - run[k] > _MAX_SPAN or len(self._labels(run[k], run[k + size - 1])) > 1:
                    break                       # (longer bands only hold more lines and labels)
                if (row := self.band(run[k:k + size])) is not None:
                    edges.append((k, size, row))
        before = [1] + [0] * n          # cuts of run[:k]
        for k, size, _ in edges:        # (in order of k: every edge into k is counted before k is left)
            before[k + size] += before[k]
        after = [0] * n + [1]           # cuts of run[k:]
        for k, size, _ in reversed(edges):
            after[k] += after[k + size]
        if not after[0]:
            return None
        return [(run[k:k + size], row) for k, size, row in edges
                if row is not None and before[k] * after[k + size] == after[0]]


def _runs(lines: list[str], start: int, end: int) -> tuple[dict[int, tuple[list[Tok], list[Tok]]], list[list[int]]]:
    """Each line's tokens, and the runs of value lines between page breaks: a page's furniture, two empty lines,
    three lines without a number (a header repeated on a new page), or words after a number."""
    split: dict[int, tuple[list[Tok], list[Tok]]] = {}
    runs: list[list[int]] = [[]]
    empty = quiet = 0
    for i in range(start, min(end, len(lines) + 1)):
        line = lines[i - 1]
        sp = split_line(line) if not is_page_furniture(line) else None
        empty = empty + 1 if not line.strip() else 0
        quiet = quiet + 1 if sp is not None and not sp[1] else 0
        if sp is None or empty >= 2 or quiet >= 3:
            runs.append([])
        if sp is None:
            continue
        split[i] = sp
        if sp[1]:
            runs[-1].append(i)
    return split, [r for r in runs if len(r) >= 2]


def stacked_rows(lines: list[str], start: int, end: int) -> tuple[list[str], dict[int, tuple[int, ...]]]:
    """``lines`` with each row of 表三 (lines ``start`` … ``end - 1``, 1-based) whose narrow cells stacked their
    digits over several lines merged onto its label's line (see the module docstring), and for each merged line
    the lines it was made of."""
    block = lines[start - 1:min(end, len(lines) + 1) - 1]
    if end - start < 3 or 3 * len([line for line in block if "\t" in line or "|" in line]) >= len(block):
        return lines, {}                # (tab-separated fields or a grid: they, not their places, say the cells)
    if len([line for line in block if "  " in line]) < 3:
        return lines, {}                # (no columns set apart by runs of spaces: no page's layout kept)
    split, runs = _runs(lines, start, end)
    cuts = [_cut(split, run, after_break=k > 0) for k, run in enumerate(runs)]
    for k in range(1, len(cuts)):
        if cuts[k][1] and cuts[k - 1][0] and len(cuts[k - 1][0][-1][0]) > 1 \
                and cuts[k - 1][0][-1][0][-1] == runs[k - 1][-1]:
            cuts[k - 1][0].pop()        # a page's last row stacked, the next page's first lines in doubt: its too
    out = list(lines)
    merged: dict[int, tuple[int, ...]] = {}
    for bands, _ in cuts:
        for band, (target, cells) in bands:
            first, last = min(band[0], target), max(band[-1], target)
            for j in range(first, last + 1):
                if j in split and split[j][1]:
                    text = split[j][0]
                    out[j - 1] = lines[j - 1][:text[-1][1]] if text else ""
            out[target - 1] = written_row(split[target][0], cells, lines[target - 1])
            merged[target] = tuple(range(first, last + 1))
    return out, merged


def _may_stack(split: dict[int, tuple[list[Tok], list[Tok]]], run: list[int]) -> bool:
    """What any stacked row needs, cheaply told: a line of fewer than seven numbers and no words, and numbers
    printed in seven columns or more (a text of one cell a line prints all its numbers in one)."""
    if not any(not split[n][0] and len(split[n][1]) < _WIDTH for n in run):
        return False
    centres = sorted({centre(t) for n in run for t in split[n][1]})
    return sum(1 for a, b in zip(centres, centres[1:]) if b - a > _GAP) + 1 >= _WIDTH


def _cut(split: dict[int, tuple[list[Tok], list[Tok]]], run: list[int],
         after_break: bool) -> tuple[list[tuple[list[int], _Row]], bool]:
    """A run's stacked bands, and whether its first lines are in doubt. After a page break, a run's first lines of
    numbers alone may be the end of the last row of the page before (its cell's digits carried over): where the
    run also cuts without them, the bands the cuts do not share are left as printed."""
    if not _may_stack(split, run):
        return [], False
    lead = 0
    while after_break and lead < min(3, len(run) - 1) and not split[run[lead]][0]:
        lead += 1
    found = [c for j in range(lead + 1) if (c := _Table(split, run[j:], by_lines=True).cut()) is not None] \
        or [c for j in range(lead + 1) if (c := _Table(split, run[j:], by_lines=False).cut()) is not None]
    if not found:
        return [], False
    return [b for b in found[0] if all(b in c for c in found[1:])], len(found) > 1
