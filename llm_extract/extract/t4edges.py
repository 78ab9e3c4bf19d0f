"""表四 as one row of fifteen with its first or last group blank (``pdftotext -layout``): ten numbers.

Printed as one row, a blank first or last group leaves ten numbers on the line and no gap between the
two groups printed (t4lines.py reads the blank middle group by its gap). Which edge is blank is told by
where the ten numbers start against 表四's column header above them: a line of numbers alone, and the
header's lines of header words alone, each start at their first text's place on the page. The first
number under the header's left edge (within a column's pitch) is the first group's; a first number
three to seven columns' pitches right of it leaves the first group's five columns empty::

    结果 结果 其他 尚未 总计 结果 结果               复议后起诉
    维持 纠正 结果 审结          其他 尚未 总计 结果 结果 其他 尚未 总计
                    0   0   0     0   0   0   0   0   0   0

The column pitch is the ten numbers' own (their span over nine). A gap between the fifth and the sixth
twice the others' (a middle group blank, its gap narrower than t4lines.py asks) leaves both edges
unread. Each run of five must hold (its total
the sum of its four results). Layout text spaces its numbers unevenly (a gap twice another's within a
printed group), so a blank cell inside a group leaves no trace the spacing could show: ten numbers under
a header's left edge are groups one and two only if the blanks are a whole group's. That is likely, not
shown: every field so read is unverified (``READ.T4_EDGE_BLANK``), never proven.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence

from ..evidence import CellKind, Method, Reading
from ..form import FORM
from ..schema import REVIEW_COLUMNS, REVIEW_GROUPS
from .columns import spans
from .layout import Item
from .readings import Readings, reading
from .t4lines import ten_on_a_line

__all__ = ["read_edge_blank_row", "header_lines"]

_WIDTH = len(REVIEW_COLUMNS)
_METHOD = Method.T4_EDGE_BLANK
#: the characters of 表四's header: its columns' and its groups' names, brackets and the middle dot aside
_HEADER = frozenset("".join(c.label for c in FORM.table4_columns) + "".join(g.label for g in FORM.table4_groups)
                    + "行政诉讼（）()") - {"·"}
_NEAR_EDGE = 1.0           # a first number within this many pitches of the header's left edge: the first column
_FIRST_BLANK = (3.0, 7.0)  # a first number this many pitches right of it: the first group's columns empty
_NUMBER = re.compile(r"\d+")
#: a gap between the fifth and the sixth number this many times the others' median: no edge is sure
_MIDDLE_TIMES = 2


def header_lines(items: list[Item], before: int, lines: Sequence[str],
                 wide: int = 2) -> list[list[tuple[str, float, float]]]:
    """The tokens (:func:`~.columns.spans`, a CJK character ``wide`` columns) of 表四's header lines from the
    region's first line to line ``before``: lines of 表四's header words alone."""
    out = []
    first = min((it.line for it in items), default=before)
    for n in range(max(first, 1), min(before, len(lines) + 1)):
        toks = spans(lines[n - 1], wide)
        if toks and all(set(t) <= _HEADER for t, _, _ in toks):
            out.append(toks)
    return out


def _header_left(items: list[Item], before: int, lines: Sequence[str]) -> float | None:
    """The leftmost start (display columns) of the header's lines above line ``before`` (None when there is none)."""
    return min((toks[0][1] for toks in header_lines(items, before, lines)), default=None)


def _holds(run: list[Item]) -> bool:
    values = [it.cell.plain for it in run]
    return all(isinstance(v, int) for v in values) and values[-1] == sum(values[:-1])


def read_edge_blank_row(items: list[Item], lines: Sequence[str]) -> Readings | None:
    """表四's ten numbers of one row, its first or its last group blank (see the module docstring); None
    when the text does not tell which, or is not that row."""
    if (values := ten_on_a_line(items, lines)) is None:
        return None
    at = values[0].line
    toks = spans(lines[at - 1])
    if [t for t, _, _ in toks] != [it.raw.strip() for it in values] \
            or not all(it.cell.is_number and _NUMBER.fullmatch(it.raw.strip()) for it in values):
        return None
    runs = (values[:_WIDTH], values[_WIDTH:])
    left = _header_left(items, at, lines)
    if left is None or not all(_holds(run) for run in runs):
        return None
    pitch = (toks[-1][1] - toks[0][1]) / (len(toks) - 1)
    gaps = [b[1] - a[2] for a, b in zip(toks, toks[1:])]
    middle = gaps.pop(_WIDTH - 1)
    if pitch <= 0 or middle >= _MIDDLE_TIMES * max(statistics.median(gaps), 1):
        return None                 # a gap between the two runs: the middle group may be the blank one
    offset = (toks[0][1] - left) / pitch
    if -_NEAR_EDGE <= offset <= _NEAR_EDGE:
        blank_group = len(REVIEW_GROUPS) - 1
    elif _FIRST_BLANK[0] <= offset <= _FIRST_BLANK[1]:
        blank_group = 0
    else:
        return None
    out: Readings = {}
    filled = iter(runs)
    for g, group in enumerate(REVIEW_GROUPS):
        paths = [f"review_litigation.{group}.{c}" for c in REVIEW_COLUMNS]
        if g == blank_group:
            for path in paths:
                out[path] = Reading(None, CellKind.BLANK, "", [at], _METHOD,
                                    "ten numbers of a row of fifteen, placed by the header's left edge: "
                                    "this group printed no cell")
        else:
            for path, it in zip(paths, next(filled)):
                out[path] = reading(it.cell, [it.line], _METHOD)
    return out
