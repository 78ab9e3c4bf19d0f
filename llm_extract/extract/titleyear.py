"""A title's year printed apart from its words: put back where the title left its place.

A web page's title printed to PDF by a browser sets its year's digits in another font; pdfplumber's
``extract_text`` groups characters into lines by their tops, so the digits land on a line of their own,
right after the title's line (or lines), and the title keeps a gap where they stood::

    南阳市人民政府 年政府信息公开工作年度报     桐柏县应急管理局              宾县人民政府 年
    2022                                       年政府信息公开工作年度报告      2021
    告                                         2023                          政府信息公开工作年度报告

The year goes back into the one place the title lines above it leave for it: a 年 after a gap (a space, or
the start of a line) with no digit before it. Safe: it is done only where the line is a year and nothing
else, the one or two non-empty lines right above it
or the one below name 信息公开, and exactly one such place is in them;
the year it puts back is still checked against the statistics period (meta.read_meta queues a difference).
"""

from __future__ import annotations

import re

__all__ = ["years_put_back"]

#: the head's lines searched for a year alone (as meta's title search)
_HEAD_LINES = 30
#: a line that is a year and nothing else
_YEAR_ALONE = re.compile(r"^\s*(20\d{2})\s*$")
#: the year's place: 年 at a line's start or after a gap whose left side is no digit (``南阳市人民政府 年``)
_SLOT = re.compile(r"(?:^|(?<=[^\d\s])[ \t\u3000]+)(?=年)")
#: the words of a title (the year's place must be in one)
_TITLE_WORDS = "信息公开"


def years_put_back(lines: list[str]) -> list[str]:
    """``lines`` with a title's year put back in its place (see the module's docstring), the year's own line
    left empty (line numbers unchanged); the list itself when there is none."""
    out: list[str] | None = None
    seen = 0
    for n, line in enumerate(lines):
        if not line.strip():
            continue
        seen += 1
        if seen > _HEAD_LINES:
            break
        m = _YEAR_ALONE.match(line)
        if m is None:
            continue
        above = [k for k in range(n - 1, max(-1, n - 8), -1) if lines[k].strip()][:2]
        below = [k for k in range(n + 1, min(len(lines), n + 8)) if lines[k].strip()][:1]
        current = out if out is not None else lines
        if not above or not any(_TITLE_WORDS in current[k] for k in above + below):
            continue
        slots = [(k, s) for k in above for s in _SLOT.finditer(current[k])]
        if len(slots) != 1:
            continue
        k, s = slots[0]
        if out is None:
            out = list(lines)
        text = out[k]
        out[k] = text[:s.start()] + m.group(1) + text[s.end():]
        out[n] = ""
    return out if out is not None else lines
