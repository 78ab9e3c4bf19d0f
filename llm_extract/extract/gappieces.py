"""A count printed in pieces, a line each, in a table whose cells are parted by blank lines.

Word's web pages often print a count as several runs of text (``<span>1</span><span>5</span>``): a browser
shows ``15``. BeautifulSoup's ``get_text("\\n")`` puts each run on a line of its own, and each cell apart from the
next by the blank lines the page's markup leaves between its cells::

    （二）部分公开（区分处理的，
    (6 blank lines)
    1
    5
    (6 blank lines)
    0
    …

A reader taking a line for a cell sees 1 and 5: eight numbers for the row's seven cells (表二's 行政强制 ``2`` /
``6``: two numbers for its one cell). Where a table's numbers are parted by blank lines (the most common gap before
a number, after its label or the number before it, is two blank lines or more, before four numbers or more, and
numbers right under another are a third of those at most), a run of lines holding a digit run each, with no blank
line between them, a gap before them and no value right after, is one cell's pieces: they are joined into one
number on the run's first line, the other lines left blank (line numbers keep). A run starting with 0 is no count
printed in pieces (``0`` / ``5`` stays two cells), and a table whose cells stand line after line (no common gap),
or as PDF tools print a table column by column (runs of numbers, a blank line here and there), is left as printed.

:func:`joined_gap_pieces` also returns the lines it left blank, so that a reader of the gaps' widths
(:mod:`.blankgaps`) counts them as the piece they were, not as spacing.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from .blanklines import line_kind
from .layout import Region
from .linetext import LineText

__all__ = ["joined_gap_pieces"]

_DIGITS = re.compile(r"[0-9]+")
#: the fewest blank lines parting a table's cells (a PDF tool's text, one blank line here and there, is no such table),
#: the fewest numbers so parted, and how many times more of them there are than numbers right under another
_MIN_SPACING = 2
_MIN_PARTED = 4
_RARE = 3
#: a line holding text after two blank lines or more (two blank lines, each after a line break, then the line's first
#: character), and a line opening with a digit
_AFTER_GAP = re.compile(r"\n[^\S\n]*\n[^\S\n]*\n[^\S\n]*\S")
_DIGIT_UNDER = re.compile(r"\n[^\S\n]*[0-9]")


def _value_lines(lines: list[str], region: Region) -> list[tuple[int, int]]:
    """Each value line of the region (0-based) with the blank lines before it, after the line above it that
    holds anything (a label or a value); a value right after the heading has none counted."""
    out: list[tuple[int, int]] = []
    before: int | None = None
    for i in range(region.start, region.end - 1):       # 0-based indices of the lines after the heading
        kind = line_kind(lines[i])
        if kind == "empty":
            continue
        if kind == "value" and before is not None:
            out.append((i, i - before - 1))
        before = i
    return out


def _runs(lines: list[str], values: list[tuple[int, int]]) -> list[list[int]]:
    """The runs of two lines or more, each a digit run, with no blank line between them and a gap before."""
    runs: list[list[int]] = []
    run: list[int] = []
    for i, gap in values:
        if gap == 0 and run and run[-1] == i - 1 and _DIGITS.fullmatch(lines[i].strip()):
            run.append(i)
            continue
        if len(run) > 1:
            runs.append(run)
        run = [i] if gap > 0 and _DIGITS.fullmatch(lines[i].strip()) else []
    if len(run) > 1:
        runs.append(run)
    return runs


def _may_be_parted(text: LineText, lines: list[str], region: Region) -> bool:
    """Whether the region's numbers may be parted by blank lines, told from a few of its lines: the values after a gap
    of two blank lines or more (at most the lines holding text after one) are :data:`_MIN_PARTED` at least, and more
    than :data:`_RARE` times the values right under a line (at least those of them, opening with a digit, read)."""
    # (a gap's match is its first line's, a value's its own: each with the line above it in the region)
    after_gap = text.count(_AFTER_GAP, region.start - 1, region.end - 1)
    if after_gap < _MIN_PARTED:
        return False
    under = 0
    for i, _ in text.matches(_DIGIT_UNDER, region.start + 1, region.end - 1):
        if lines[i - 1].strip() and line_kind(lines[i]) == "value":
            under += 1
            if under * _RARE > after_gap:
                return False            # (cells line after line: most tables)
    return True


def joined_gap_pieces(lines: list[str], regions: Iterable[Region]) -> tuple[list[str], set[int]]:
    """``lines`` with each count printed in pieces joined (see the module docstring), and the 0-based indices of
    the lines its pieces after the first stood on (left blank)."""
    out, blanked = lines, set[int]()
    text = LineText.of(lines)
    for region in regions:
        if not _may_be_parted(text, lines, region):
            continue
        values = _value_lines(lines, region)
        gaps = Counter(gap for _, gap in values)
        spacing, parted = gaps.most_common(1)[0] if gaps else (0, 0)
        if spacing < _MIN_SPACING or parted < _MIN_PARTED or gaps[0] * _RARE > parted:
            continue
        for run in _runs(lines, values):
            after = run[-1] + 1
            if after < region.end - 1 and line_kind(lines[after]) == "value":
                continue                 # (a placeholder or a decimal right after it: no count of its own)
            pieces = [lines[i].strip() for i in run]
            if pieces[0].startswith("0"):
                continue
            if out is lines:
                out = list(lines)
            first = lines[run[0]]
            out[run[0]] = first[:len(first) - len(first.lstrip())] + "".join(pieces)
            for i in run[1:]:
                out[i] = ""
                blanked.add(i)
    return out, blanked
