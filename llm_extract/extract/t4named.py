"""表四 printed down the page, one cell a row, each row naming its column after its group's name.

Some agencies print 表四 as a narrow table of fifteen rows (a Word table, a web page): the group's name in a cell
spanning its five rows, then each row's column name and its count, an empty cell where nothing was printed::

    类别                          | 结果    | 数量
    行政复议                      | 结果维持 | 2
                                  | 结果纠正 |
                                  | 其他结果 | 0
                                  | 尚未审结 | 1
                                  | 总计    | 3
    行政诉讼（未经复议直接起诉）  | 结果维持 | …
    行政诉讼（复议后起诉）        | …

In a cell-per-line text (Word, a web page) each column name is followed by its row's cell on the next line, the
empty cell an empty field. :func:`read_named_cells` reads the fifteen cells where each (group, column) is named
exactly once, each right before a cell, every cell of the region so named: the names place the cells, whatever the
order they are printed in. Text where an empty cell leaves no trace (PDF text: a column name followed by the next
name) is not read here: which name lost its cell the text does not say.
"""

from __future__ import annotations

import re

from ..form import FORM
from .layout import Item
from .readings import Readings, reading

__all__ = ["read_named_cells", "T4_NAMED_CELLS"]

#: the reading method: a cell placed by the names of its group and column printed on its row
T4_NAMED_CELLS = "t4-named-cells"
_GROUPS = [g.key for g in FORM.table4_groups]           # administrative_review, litigation_direct, …_after_review
_COLUMNS = {c.label: c.key for c in FORM.table4_columns}  # 结果维持 → upheld …
#: a group's name as a row's label (the longer names first: 复议后起诉 holds 复议, 未经复议直接起诉 too)
_GROUP_NAMES = ((re.compile(r"复议后起诉"), _GROUPS[2]), (re.compile(r"未经复议|直接起诉"), _GROUPS[1]),
                (re.compile(r"^行政复议$|^（?\(?行政复议）?\)?(?:情况)?$"), _GROUPS[0]))


def _group(key: str) -> str | None:
    """The group a row label names, or None."""
    for pattern, group in _GROUP_NAMES:
        if pattern.search(key):
            return group
    return None


def read_named_cells(items: list[Item]) -> Readings | None:
    """表四's fifteen cells placed by the group and column names printed on their rows (see the module docstring),
    or ``None`` where the table is not so printed."""
    group: str | None = None
    found: dict[tuple[str, str], Item] = {}
    named: set[int] = set()
    for i, it in enumerate(items):
        if not it.is_text:
            continue
        key = it.key or it.raw.strip()
        if key in _COLUMNS:
            if group is None or i + 1 >= len(items) or not items[i + 1].is_value \
                    or items[i + 1].line != it.line + 1 or (group, _COLUMNS[key]) in found:
                return None             # a name without its cell after it, before any group's, or named twice
            found[(group, _COLUMNS[key])] = items[i + 1]
            named.add(i + 1)
        elif (g := _group(key)) is not None:
            group = g
    if len(found) != len(_GROUPS) * len(_COLUMNS):
        return None
    if any(it.is_value and i not in named and not (it.cell.kind.value == "blank") for i, it in enumerate(items)):
        return None                     # a count no name places: whose it is, the text does not say
    return {f"review_litigation.{g}.{c}": reading(found[(g, c)].cell, [found[(g, c)].line], T4_NAMED_CELLS)
            for g in _GROUPS for c in _COLUMNS.values()}
