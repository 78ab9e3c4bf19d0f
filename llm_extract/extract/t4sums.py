"""Sums an agency adds to 表四: a 合计 row under the three groups' rows, or a 总计 column after them.

Neither is a cell of the form; read with the fifteen, they make sixteen or twenty numbers and the table is left
unread. :func:`without_sums` takes them out where they plainly are what they say: a row labelled as sums after
three rows of a label and five cells (fifteen cells before it, only cells after it), or a sixteenth number equal to
the three groups' totals' sum under a header naming one 总计 more than the groups do.
"""

from __future__ import annotations

from ..evidence import CellKind
from .layout import Item, Region

__all__ = ["without_sums"]

#: the label of a row an agency adds under 表四's three groups, or of a column after them: their sums, no cell of the form
_SUM_LABELS = frozenset({"合计", "总计", "小计", "合计数"})


def without_sums(region: Region) -> Region:
    """The region without the sums an agency adds to 表四: a 合计 row under the three groups' rows (``合 计 | 3 | 3 |
    0 | 3 | 9``: a label of sums after fifteen cells or three rows of a label and five cells, only cells after it),
    or a 总计 column after them (a sixteenth number, the three groups' totals' sum, under a header naming one 总计
    more than the groups do)."""
    items = region.items
    for i, it in enumerate(items):
        if it.is_text and it.key.replace(" ", "") in _SUM_LABELS and 0 < len(items) - i - 1 <= 5 \
                and all(x.is_value for x in items[i + 1:]) \
                and (sum(1 for x in items[:i] if x.is_value and x.cell.kind is not CellKind.BLANK) == 15
                     or _three_rows_above(items, i)):
            return Region(region.name, region.start, region.end, region.heading, items[:i])
    values = [it for it in items if it.is_value and it.cell.kind is not CellKind.BLANK]
    sums = sum(1 for it in items if it.is_text and it.key.replace(" ", "") in _SUM_LABELS)
    if len(values) == 16 and sums == 4 and all(v.cell.is_number or v.cell.kind is CellKind.PLACEHOLDER for v in values):
        n = [v.cell.value if v.cell.is_number else 0 for v in values]      # (a placeholder: an empty cell)
        if all(n[g * 5 + 4] == sum(n[g * 5:g * 5 + 4]) for g in range(3)) and n[15] == n[4] + n[9] + n[14]:
            return Region(region.name, region.start, region.end, region.heading,
                          [it for it in items if it is not values[15]])
    return region


def _three_rows_above(items: list[Item], i: int) -> bool:
    """Three rows of a label and five cells (empty ones too: a group with no case) just above item ``i``."""
    k = i
    for _ in range(3):
        j = k - 1
        while j >= 0 and items[j].is_value:
            j -= 1
        if j < 0 or k - j - 1 != 5:
            return False
        while j > 0 and items[j - 1].is_text:
            j -= 1                      # a label in pieces (行政诉讼 / 未经复议直接起诉)
        k = j
    return True
