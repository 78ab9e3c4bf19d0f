"""Fixed-width text of a plain-text table (pandoc's ``plain`` writer): 表三's columns from the table's rule.

pandoc writes a table it cannot draw as a grid as a "simple table": a line of dashes under the header, a group
of dashes for each column, as wide as the column::

      （本列数据的勾稽关系为：第一项加         数据1        数据2     …    总计
    ---------------------- ------------ ------------ … ------------
      一、本年新收政府信息公开申请数
    量                                   0                         0     0

A row that leaves cells blank prints fewer numbers than columns, each inside its column's dashes. Where no
full row places them (blankcols.py) and the header names no column (数据1 … 数据6: headcols.py), the rule does:
its last seven dash groups are 表三's seven value columns, and each number goes to the one group it stands
inside (a CJK character two columns wide, as pandoc lays it out). A number inside no group, or two in one,
places nothing.
"""

from __future__ import annotations

import re

from ..form import FORM
from .columns import spans
from .pagenumbers import PAGE_FEED

__all__ = ["rule_columns", "place_on_rule"]

_RULE = re.compile(r"^-{3,}(?: +-{3,})+$")
_WIDTH = len(FORM.table3_columns)
#: a rule of at least this many dash groups: a label column and the seven value columns
_MIN_GROUPS = _WIDTH + 1


def rule_columns(lines: list[str], start: int, end: int) -> list[tuple[float, float]] | None:
    """The extents of the last seven dash groups of the first rule of eight groups or more among lines ``start``
    … ``end - 1`` (1-based), or None."""
    for i in range(start, min(end, len(lines) + 1)):
        text = lines[i - 1].strip(PAGE_FEED + " ")
        if text[:3] == "---" and _RULE.match(text):
            groups = [(a, b) for _, a, b in spans(lines[i - 1].lstrip(PAGE_FEED))]
            if len(groups) >= _MIN_GROUPS:
                return groups[-_WIDTH:]
    return None


def place_on_rule(line: str, k: int, groups: list[tuple[float, float]]) -> list[int] | None:
    """The column of each of the last ``k`` tokens of ``line``: the one dash group it stands inside, left to
    right, one token a group; else None."""
    slots: list[int] = []
    for _, a, b in spans(line.lstrip(PAGE_FEED))[-k:]:
        inside = [j for j, (lo, hi) in enumerate(groups) if lo <= a and b <= hi]
        if len(inside) != 1 or (slots and inside[0] <= slots[-1]):
            return None
        slots.append(inside[0])
    return slots
