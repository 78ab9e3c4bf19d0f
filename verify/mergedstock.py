"""``READ.MERGED_BESIDE_BLANK``: a count of 表二's 规章 or 规范性文件 row beside a blank cell of that row.

Two cells run together (a web page's editor merging them, a copy losing the spaces between them) print one number
of their digits, ``6`` and ``5`` as ``65``, and leave a cell of the row empty: ``65 | (empty) | 12`` reads as 65 and a
blank. No identity checks 表二, so nothing tells this from a row that printed 65 and an empty cell. A row of 表二
that prints a blank among its numbers is where it happens: its counts of two digits or more (the ones a merge may
have made, and a count printed with a leading zero, ``06`` for 0 and 6) left of a blank (the cells after a merge
slide left, the row's empty cell after them) are ``unverified``, never proven, and so are the cells between such a
count and the blank (``10 | 1 | (empty)`` for 1, 0, 1: the 1 slid left from the next column); counts of one digit
with no such count left of them, and counts with no blank after them, are not in doubt.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from unicodedata import normalize as nfkc

from llm_extract.evidence import CellKind, Reading
from llm_extract.form import FORM

from .rules import register

__all__ = ["RULE", "merged_beside_blank"]

RULE = "READ.MERGED_BESIDE_BLANK"
register(RULE, "表二规章、规范性文件行中与空白单元格同行的两位数以上数字：可能是两个单元格连在一起（空白是被挤空的那一格），无勾稽关系可核对，不予证明",
         "a count of two digits or more in 表二's 规章 or 规范性文件 row beside a blank cell of that row: two cells run "
         "together may print so (the blank the cell the merge emptied), and no identity checks 表二: not proven")

#: a count printed with a leading zero (``06``): no count is written so, two cells (0 and 6) run together
_LEADING_ZERO = re.compile(r"0\d")
#: 表二's rows of several cells (规章, 规范性文件): each one's paths
_STOCK_ROWS = tuple(tuple(f"{row.path}.{c.key}" for c in row.columns) for row in FORM.table2 if len(row.columns) > 1)


def merged_beside_blank(readings: Mapping[str, Reading]) -> set[str]:
    """The paths of the counts of two digits or more (or printed with a leading zero) in a 规章 or 规范性文件 row with
    a blank cell after them, and of the cells between such a count and the blank."""
    out: set[str] = set()
    for paths in _STOCK_ROWS:
        rows = [readings.get(p) for p in paths]
        blank = [r is not None and r.kind is CellKind.BLANK for r in rows]
        if not any(blank):
            continue                        # (most rows: no blank, nothing in doubt)
        merged = False                      # a count that may be two cells is left of this one
        for k, (p, r) in enumerate(zip(paths, rows)):
            if r is None or blank[k] or not any(blank[k + 1:]):
                continue
            wide = isinstance(r.value, int) and (r.value >= 10
                                                 or _LEADING_ZERO.match(nfkc("NFKC", r.raw or "").strip()) is not None)
            if wide or merged:
                out.add(p)                  # (after a merge: a cell slid left from its own column)
            merged = merged or wide
    return out
