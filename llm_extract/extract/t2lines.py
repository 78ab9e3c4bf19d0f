"""A 表二 row whose numbers stand unevenly after its label: which are which cells is a guess (READ.UNEVEN_LINES).

Word's HTML prints a number in runs (``<span>13</span><span>0</span>``); text converters put the runs on lines of
their own or part them with a space, and drop an empty cell without a trace. ``规章`` / ``1`` / ``13 0`` then reads as
three cells 1, 13, 0 where the report printed 1, an empty cell and 130. No identity checks 表二, so such a row is
read but never proven.
"""

from __future__ import annotations

import unicodedata

from .layout import Item

__all__ = ["uneven_lines", "uneven_gaps", "back_on_next_line", "past_short_row"]


def uneven_lines(label: Item, values: list[Item]) -> bool:
    """Whether a row's numbers stand on several lines after its label's, the lines holding unlike counts of them
    or spaced unlike (``1`` / ``13 0``; ``1`` / blank lines / ``13`` / ``0``): a converter parting one number's
    runs prints so, and which numbers are which cells is then a guess."""
    lines = [v.line for v in values]
    if len(set(lines)) < 2 or label.line in lines:
        return False
    counts = {lines.count(n) for n in set(lines)}
    firsts = sorted(set(lines))
    gaps = {b - a for a, b in zip(firsts, firsts[1:])}
    return len(counts) > 1 or len(gaps) > 1


def uneven_gaps(values: list[Item], lines: list[str] | None) -> bool:
    """Whether two of a row's numbers on one line stand a space apart where others stand columns apart
    (``规章      1          13 0``: a converter parting one number's runs, 130, at a space). A ``0`` before the
    space is a cell of its own (``规章    0 5   154``): no count goes on after a leading 0, so no number was
    parted there."""
    if lines is None:
        return False
    for n in {v.line for v in values if v.col is None}:
        text, at, ends, gaps, parted = lines[n - 1], 0, [], [], []
        previous = None
        for v in (v for v in values if v.line == n and v.col is None):
            start = text.find(v.raw, at)
            if start < 0:
                return False
            if ends:
                gaps.append(start - ends[-1])
                parted.append(gaps[-1] == 1 and not _zero(previous))
            at = start + len(v.raw)
            ends.append(at)
            previous = v
        if any(parted) and max(gaps) >= 3:
            return True
    return False


def _zero(v: Item | None) -> bool:
    """Whether ``v`` prints the count 0 (``0``, ``０``): a whole cell, no number's first run."""
    return v is not None and v.cell.value == 0 and unicodedata.normalize("NFKC", v.raw).strip() == "0"


def _x(text: str, end: int) -> int:
    """The display column of ``text[end]`` (a Chinese character takes two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text[:end])


def back_on_next_line(values: list[Item], lines: list[str] | None) -> bool:
    """Whether a row's numbers run on to a later line where one stands left of a number above it
    (inscriptis: ``规章   0   3`` / ``      0``, the first cell's number pushed down a line by a line break
    in its cell): read in line order the cells come out of their columns' order, so which is which is a guess."""
    rows = [v.line for v in values]
    if lines is None or len(set(rows)) < 2 or len(set(rows)) == len(rows) or any(v.col is not None for v in values):
        return False                # (one number to a line: a column of cells, in order)
    xs: list[int] = []
    at: dict[int, int] = {}
    for v in values:
        text = lines[v.line - 1]
        start = text.find(v.raw.strip(), at.get(v.line, 0))
        if start < 0:
            return False
        at[v.line] = start + len(v.raw.strip())
        xs.append(_x(text, start))
    return any(b <= a for a, b in zip(xs, xs[1:]))


def past_short_row(items: list[Item], i: int, values: list[Item], n: int, labelled: list[int]) -> bool:
    """Whether a row of several columns takes numbers from lines after its label's while the row labelled
    above it printed fewer numbers than it has columns (plain ``pdftotext`` of a LibreOffice table with empty
    cells: ``规章`` / ``0`` / ``行政规范性文件 0`` / ``0`` / ``165``, where the second 0 is 规章's last cell, printed
    after the next row's label, and 行政规范性文件's middle cell is empty): the numbers below the label may be
    the row above's, so which are this row's cells is a guess."""
    if n < 2 or all(v.line == items[i].line for v in values):
        return False
    above = [j for j in labelled if j < i]
    return bool(above) and sum(1 for it in items[above[-1] + 1:i] if it.is_value) < n
