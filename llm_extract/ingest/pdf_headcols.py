"""表四 (or 表三) printed without vertical rules, its blank cells printed as nothing: the header places them.

A rule-less table's row with blank cells is read by position against the table's full rows
(:mod:`.pdf_columns`); 表四 printed as one row of fifteen cells has no other row to measure its columns by.
Its column headers do: 结果维持, 结果纠正, 其他结果, 尚未审结, 总计, once for each of its three groups, each
over its column, whole or broken over lines (结果 / 维持, one character a line). The header's words made of
those characters only (group names, headings and sentences have others) stack into bands as a column's
numbers do; they are the row's columns only when they are exactly fifteen, standing apart. Anything else
(a header word missing, two columns' words touching) gives no columns, and the row stays as printed.

表三 printed with rules between its rows only, a column none of its rows fills (两列全空: 社会公益组织 and 其他
left blank in every row), has no full row to measure its columns by either: its seven column headers (自然人 …
总计, 商业 / 企业 broken over lines) place its numbers the same way, when they are exactly seven bands.

表四 printed as three rows of five under one header (类别 | 结果维持 … 总计, a group's name heading each row), its blank
cells printed as nothing, is placed by its five column headers the same way.

The header's words are compared as the reader reads them: a radical code point a PDF producer wrote for a
character (Chromium's ``⾃然⼈`` for 自然人, :mod:`.radicals`) is that character.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..form import FORM
from .pdf_lines import Word
from .radicals import fold_radicals

__all__ = ["header_columns", "stacked_bands"]

#: for 表四 and 表三: the characters of its column headers (a word of these only is a piece of one) and its
#: number of value columns (表四: five for each of its three groups in one row, or five over its three rows)
_T4_CHARS = frozenset("".join(c.label for c in FORM.table4_columns))
_HEADERS = ((_T4_CHARS, len(FORM.table4_columns) * len(FORM.table4_groups)),
            (_T4_CHARS, len(FORM.table4_columns)),
            (frozenset("".join(c.label for c in FORM.table3_columns)), len(FORM.table3_columns)))


def stacked_bands(spans: Iterable[tuple[float, float, float]]) -> list[list[float]]:
    """Horizontal spans ``(x0, x1, font size)`` stacked into bands left to right: a span that starts inside the
    band before it joins it (``[x0, x1, largest size]`` each)."""
    stacked: list[list[float]] = []
    for x0, x1, size in sorted(spans):
        if stacked and x0 < stacked[-1][1]:
            stacked[-1][1] = max(stacked[-1][1], x1)
            stacked[-1][2] = max(stacked[-1][2], size)
        else:
            stacked.append([x0, x1, size])
    return stacked


def header_columns(header: list[Word], gap: float) -> list[tuple[float, float]] | None:
    """The columns 表四's (fifteen) or 表三's (seven) column headers among ``header`` stand over, left to right
    (each the extent of the words stacked in it); None unless they stack into exactly that many bands at least
    ``gap`` font sizes apart."""
    for chars, width in _HEADERS:
        stacked = stacked_bands((w.x0, w.x1, w.size) for w in header
                                if w.text and set(fold_radicals(w.text)) <= chars)
        if len(stacked) != width:
            continue
        if any(b[0] - a[1] < gap * max(a[2], b[2]) for a, b in zip(stacked, stacked[1:])):
            return None
        return [(b[0], b[1]) for b in stacked]
    return None
