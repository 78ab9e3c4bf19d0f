"""表四 printed as three rows of five, each led by its group's label, the rows out of the form's order.

A table whose rows are the groups (行政复议 | five cells; 行政诉讼（未经复议直接起诉） | five; 行政诉讼（复议后起诉） | five)
prints each row on a line of its own in fixed-width text, tab rows or Markdown. Where a page was put together
again (rows out of order, a row moved by a converter), the three rows may stand in another order than the form's:
``行政诉讼（未经复议直接起诉）`` first, then ``行政复议``. Counted in printed order, the fifteen numbers would give one
group's cells to another, and every group's total still holds: a wrong reading the identities cannot see. Each
row's label says whose its cells are, so the rows are read by their labels: only where each of the three lines
holds exactly five of the cells and exactly one group's label, before them, the three labels naming three groups.
"""

from __future__ import annotations

from ..schema import REVIEW_COLUMNS, REVIEW_GROUPS
from .layout import Item
from .t4lines import group_of

__all__ = ["rows_by_labels", "ROW_LABELS"]

_WIDTH = len(REVIEW_COLUMNS)
_GROUPS = len(REVIEW_GROUPS)
#: the reading's method: each group's five cells placed by the label on their line
ROW_LABELS = "t4-row-labels"


def rows_by_labels(items: list[Item], chosen: list[Item]) -> list[Item] | None:
    """The fifteen ``chosen`` cells in the form's order when they stand as three labelled rows printed out of it (see
    the module docstring); None when they are not so printed, or already in the form's order."""
    if len(chosen) != _WIDTH * _GROUPS:
        return None
    rows = [chosen[g * _WIDTH:(g + 1) * _WIDTH] for g in range(_GROUPS)]
    lines = [row[0].line for row in rows]
    if len(set(lines)) != _GROUPS or any(it.line != row[0].line for row in rows for it in row):
        return None                             # (cheap sign first: most tables print one row of fifteen)
    at = {id(it): n for n, it in enumerate(items)}
    if any(id(row[0]) not in at for row in rows):
        return None
    groups: list[int] = []
    for row, line in zip(rows, lines):
        on_line = [it for it in items if it.line == line]
        if sum(1 for it in on_line if it.is_value) != _WIDTH:
            return None                         # another value on the row's line: not a plain labelled row
        named = [(n, g) for n, it in enumerate(items)
                 if it.line == line and it.is_text and (g := group_of(it.key)) is not None]
        if len(named) != 1 or named[0][0] > at[id(row[0])]:
            return None                         # no label, two, or a label after the cells
        groups.append(named[0][1])
    if sorted(groups) != list(range(_GROUPS)) or groups == sorted(groups):
        return None
    by_group = dict(zip(groups, rows))
    return [it for g in range(_GROUPS) for it in by_group[g]]
