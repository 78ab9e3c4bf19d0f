"""Fixed-width text of a web page's table whose cells hold a count and its unit as two paragraphs (inscriptis).

A CMS page may print each count of 表三 as ``<p>8</p><p>件</p>``. A converter that lays a table out in columns
(inscriptis) makes such a row three lines tall and puts each cell's paragraphs where the cell's height leaves
them: a cell of two paragraphs on the top and bottom lines, a cell of one on the middle line, beside the label::

                                   8                             0   0  0
    一、本年新收政府信息公开申请数量                               0       0                 8
                                   件                             件   件  件

Read as printed, the top line is a line of numbers with no label (the row above's, or the row below's) and the
label's line holds three of seven. Each cell has a column of its own, though: the row's cells are its numbers
in the order of their columns, whichever line each stands on. A label's line is merged so with the lines
right above it when those hold numbers only and the lines right below it unit words only (件), each unit under
a number of the row and some under those above, and no two numbers (nor a number and the label) share a
column. The numbers are written onto the label's line at their columns; the other lines are emptied.
Anything else is left as printed.
"""

from __future__ import annotations

import re

from .cells import parse_cell
from .linetext import LineText

__all__ = ["merged_tall_rows"]

_TOKEN = re.compile(r"\S+")
#: a count's unit printed as a paragraph of its own under it
_UNITS = frozenset({"件", "个", "项", "次", "条", "人次"})
_UNIT_WORD = "(?:" + "|".join(sorted(_UNITS, key=len, reverse=True)) + ")"
#: a line of unit words only (:func:`_kind`'s ``units``), and a line ending in one (in a text of lines,
#: :class:`.LineText`: the only lines that may be one, found at once)
_UNITS_LINE = re.compile(rf"^\s*{_UNIT_WORD}(?:\s+{_UNIT_WORD})*\s*$")
_ENDS_IN_UNIT = re.compile(rf"(?m){_UNIT_WORD}[^\S\n]*$")
#: lines of numbers above a label's line, or of units below it, in one row at most
_MAX_ABOVE = 2


def _tokens(line: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(line)]


def _is_value(text: str) -> bool:
    return parse_cell(text).is_value


def _kind(tokens: list[tuple[int, int, str]]) -> str:
    """A line's kind: ``blank``, ``units`` (unit words only), ``numbers`` (values only) or ``words``."""
    if not tokens:
        return "blank"
    if all(t in _UNITS for _, _, t in tokens):
        return "units"
    return "numbers" if all(_is_value(t) for _, _, t in tokens) else "words"


def _merged(label: list[tuple[int, int, str]], above: list[list[tuple[int, int, str]]],
            units: list[list[tuple[int, int, str]]], text: str) -> str | None:
    """The label's line ``text`` with the numbers of the lines ``above`` it written on at their columns, or None
    when it is no such row: no unit under a number, a unit under none, or two numbers (or a number and the
    label) in one column."""
    numbers = [tok for line in above for tok in line]
    taken = [(a, b) for a, b, _ in label]
    for a, b, _ in numbers:
        if any(a < y and x < b for x, y in taken):
            return None                 # two numbers in one column, or a number inside the label's text
        taken.append((a, b))
    starts = {a for a, _, t in numbers + label if _is_value(t)}
    if not all(a in starts for line in units for a, _, _ in line) or not any(a in starts for a, _, _ in numbers):
        return None                     # a unit under no number, or none under those moved: not this layout
    line = list(text.rstrip())
    for a, b, t in numbers:
        line += [" "] * max(0, b - len(line))
        line[a:b] = list(t)
    return "".join(line)


def merged_tall_rows(lines: list[str], start: int, end: int) -> list[str]:
    """``lines`` with each tall row of lines ``start`` … ``end - 1`` (1-based) merged onto its label's line (see
    the module docstring)."""
    if not any(_UNITS_LINE.match(lines[i]) for i in LineText.of(lines).indices(_ENDS_IN_UNIT, start - 1, end - 1)):
        return lines                    # (no line of units: no tall row; most texts, so told at once)
    out = list(lines)
    toks = {n: _tokens(out[n - 1]) for n in range(start, end)}
    kinds = {n: _kind(t) for n, t in toks.items()}
    for n in range(start, end):
        if kinds[n] != "words":
            continue
        above = []
        while n - len(above) - 1 >= start and kinds[n - len(above) - 1] == "numbers" and len(above) < _MAX_ABOVE:
            above.append(n - len(above) - 1)
        below = []
        while n + len(below) + 1 < end and kinds[n + len(below) + 1] == "units" and len(below) < _MAX_ABOVE:
            below.append(n + len(below) + 1)
        if not above or not below:
            continue
        merged = _merged(toks[n], [toks[i] for i in above], [toks[i] for i in below], out[n - 1])
        if merged is not None:
            out[n - 1] = merged
            for i in above + below:
                out[i - 1] = ""
    return out
