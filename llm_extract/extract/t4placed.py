"""表四 as one row of fifteen, blank cells inside its groups, placed column by column (``pdftotext -layout``).

A row of fifteen whose blank cells stand anywhere (not a whole group's) prints fewer numbers than
columns, each where its column is on the page::

                        行政复议                                    行政诉讼
     结果  结果  其他  尚未  总计   未经复议直接起诉                  复议后起诉
     维持  纠正  结果  审结        结果  结果  其他  尚未  总计  结果  结果  其他  尚未  总计
                                   维持  纠正  结果  审结        维持  纠正  结果  审结
      78    43   114         235    10                62    72    55          60         115

Each number goes to the column it stands under, when that is the one column it can be:

* by the header: the column words of 表四's header lines (结果/其他/尚未/总计 over 维持/纠正/结果/审结, on one, two
  or three lines, or a character to a line: 结/果/维/持) stand at fifteen distinct places, 总计 at the fifth, tenth
  and fifteenth only, and every number stands within ``_NEAR`` display columns of exactly one of them (within half
  the narrowest gap between two, where columns stand closer), left to right; else
* by the numbers' own spacing: the first number in column 1 and the last in column 15 of evenly spaced
  columns (their pitch the span over fourteen), every other number within ``_WHOLE`` of a pitch of a whole
  number of pitches from the first.

Each group's total must then equal the sum of its results as placed (a group with no total printed, none of
its results either). The group sums do not say which column inside a group a number stands in, and the
page's positions are a layout's, not the form's: every field so read is unverified
(``READ.T4_COLUMN_PLACED``), never proven; any doubt leaves the table unread.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..evidence import CellKind, Method, Reading
from ..form import FORM
from ..schema import REVIEW_COLUMNS, REVIEW_GROUPS, TABLE4_PATHS
from .columns import on_columns, spans
from .layout import Item
from .readings import Readings, reading
from .t4edges import header_lines

__all__ = ["read_placed_row"]

_WIDTH = len(REVIEW_COLUMNS)
_CELLS = _WIDTH * len(REVIEW_GROUPS)
_METHOD = Method.T4_COLUMN_PLACED
#: the characters of 表四's column words (结果维持, 其他结果, 总计, ...)
_COLUMN_CHARS = frozenset("".join(c.label for c in FORM.table4_columns))
_TOTAL = FORM.table4_columns[-1].label
_NUMBER = re.compile(r"\d+")
_SAME = 1.0     # header words this near one another (centres, display columns) stand in one column
_NEAR = 1.5     # a number this near a column's centre stands in it
_APART = 4.0    # by spacing: columns at least this far apart (a number near one is far from every other)
_CLOSE = 2.0    # by the header: columns at least this far apart, a number placed within half their gap at most
_WHOLE = 0.2    # by spacing: a number within this fraction of a pitch of a whole number of pitches
_MIN_SPACED = 8  # by spacing: at least this many numbers (fewer leave too few gaps to show the pitch)


def _header_columns(items: list[Item], before: int, lines: Sequence[str], wide: int) -> list[float] | None:
    """The fifteen columns' centres by the column words of the header lines above line ``before``."""
    words = sorted(((a + b) / 2, t) for toks in header_lines(items, before, lines, wide)
                   for t, a, b in toks if set(t) <= _COLUMN_CHARS)
    clusters: list[list[tuple[float, str]]] = []
    for w in words:
        if clusters and w[0] - clusters[-1][0][0] <= _SAME:
            clusters[-1].append(w)
        else:
            clusters.append([w])
    if len(clusters) != _CELLS:
        return None
    if any((_TOTAL in t or set(_TOTAL) <= {c for _, w in cl for c in w}) != (j % _WIDTH == _WIDTH - 1)
           for j, cl in enumerate(clusters) for _, t in cl):
        return None     # 总计 (or 总 over 计) elsewhere than every group's last column: not 表四's columns
    columns = [sum(c for c, _ in cl) / len(cl) for cl in clusters]
    if any(b - a < _CLOSE for a, b in zip(columns, columns[1:])):
        return None
    return columns


def _near(columns: list[float]) -> float:
    """How near a column's centre a number must stand to be placed in it: ``_NEAR``, or half the narrowest gap
    between two columns where that is less (a header printed a character to a line over narrow cells: columns
    two or three characters apart), so that a number near one column is as far from every other."""
    return min(_NEAR, min(b - a for a, b in zip(columns, columns[1:])) / 2)


def _by_spacing(centres: list[float]) -> list[int] | None:
    if len(centres) < _MIN_SPACED:
        return None
    pitch = (centres[-1] - centres[0]) / (_CELLS - 1)
    if pitch < _APART:
        return None
    slots: list[int] = []
    for c in centres:
        at = (c - centres[0]) / pitch
        j = round(at)
        if abs(at - j) > _WHOLE or abs(at - j) * pitch > _NEAR or (slots and j <= slots[-1]):
            return None
        slots.append(j)
    return slots


def _holds(cells: list[int | None]) -> bool:
    for g in range(len(REVIEW_GROUPS)):
        *results, total = cells[g * _WIDTH:(g + 1) * _WIDTH]
        if total is None:
            if any(v is not None for v in results):
                return False
        elif total != sum(v or 0 for v in results):
            return False
    return True


def read_placed_row(items: list[Item], lines: Sequence[str]) -> Readings | None:
    """表四's numbers of one row of fifteen, fewer than fifteen, each placed in its column (see the module
    docstring); None when the text does not place every one in exactly one column, or a group sum fails."""
    values = [it for it in items if it.is_value]
    if not 0 < len(values) < _CELLS or len({it.line for it in values}) != 1 or not lines:
        return None
    at = values[0].line
    if not 0 < at <= len(lines) or any(it.line == at for it in items if it.is_text):
        return None
    raws = [it.raw.strip() for it in values]
    if not all(it.cell.is_number and isinstance(it.cell.plain, int) and _NUMBER.fullmatch(r)
               for it, r in zip(values, raws)):
        return None
    slots = None
    for wide in (2, 1):
        toks = spans(lines[at - 1], wide)
        if [t for t, _, _ in toks] != raws:
            return None
        if (columns := _header_columns(items, at, lines, wide)) is not None:
            slots = on_columns(lines[at - 1], len(toks), columns, wide, near=_near(columns))
            break
    else:
        slots = _by_spacing([(a + b) / 2 for _, a, b in spans(lines[at - 1])])
    if slots is None:
        return None
    cells: list[int | None] = [None] * _CELLS
    for j, it in zip(slots, values):
        cells[j] = it.cell.plain
    if not _holds(cells):
        return None
    by_slot = dict(zip(slots, values))
    out: Readings = {}
    for j, path in enumerate(TABLE4_PATHS):
        if (it := by_slot.get(j)) is not None:
            out[path] = reading(it.cell, [it.line], _METHOD)
        else:
            out[path] = Reading(None, CellKind.BLANK, "", [at], _METHOD,
                                "a row of fifteen printing fewer numbers, each placed in its column: "
                                "this column printed no cell")
    return out
