"""表四 as one row of fifteen in plain ``pdftotext`` (no -layout) text of a web page a browser printed: the first
group's four results last.

A CMS page's 表四 in the form's shape (行政复议's five headers two rows high beside 未经复议直接起诉 / 复议后起诉 over
their ten) printed by Chromium: poppler prints the groups' names, the suits' ten headers on one line, 行政复议's 总计
with the suits' ten cells after them, then 行政复议's five headers and its first four cells::

    行政复议
    行政诉讼
    未经复议直接起诉
    复议后起诉
    结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计
    7            ← 行政复议's 总计
    0 … 7        ← the suits' ten cells
    结果维持 结果纠正 其他结果 尚未审结 总计
    1 0 5 1      ← 行政复议's four results, one a line

:func:`read_first_group_last` reads exactly that: the ten headers then eleven numbers, the five headers then four,
and no other number in the section; every group's total must hold in the order it gives, and must not in the order
printed (the row of fifteen :mod:`.table4` reads). The order is the tool's (``Method.T4_ACROSS_HEADERS``: never
proven, ``READ.T4_BLOCK_ORDER``).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..evidence import Method
from ..form import FORM
from ..schema import TABLE4_PATHS
from .glued import groups_hold
from .readings import Readings, reading
from .t4headruns import header_blocks, section_lines, section_numbers

__all__ = ["read_first_group_last"]

_HEADERS = "".join(c.label for c in FORM.table4_columns)
_GROUP = len(FORM.table4_columns)
_NAMES = ("行政复议", "行政诉讼", *(g.label.split("·")[-1] for g in FORM.table4_groups[1:]))


def read_first_group_last(lines: Sequence[str], start: int) -> Readings | None:
    """表四's fifteen cells from the suits' headers, then 行政复议's total and the suits' ten cells, then 行政复议's
    headers and its four results (see the module's docstring), or None."""
    found = header_blocks(lines, start)
    if [(spelled, len(cells)) for _, spelled, cells in found] != [(_HEADERS * 2, 2 * _GROUP + 1),
                                                                   (_HEADERS, _GROUP - 1)]:
        return None
    (suits_at, _, suits), (first_at, _, first) = found
    named = [line.strip() for line in section_lines(lines, start)[:suits_at - start - 1]]
    if any(name not in named for name in _NAMES):
        return None
    cells = first + suits
    if {n for n, _ in cells} != set(section_numbers(lines, start)):
        return None                         # (表三's cells among them: not this layout alone)
    values = [c.value for _, c in cells]
    printed = [c.value for _, c in suits + first]
    if not all(v is None or isinstance(v, int) for v in values) \
            or not groups_hold([v or 0 for v in values], _GROUP) or groups_hold([v or 0 for v in printed], _GROUP):
        return None
    heads = [first_at] * (_GROUP - 1) + [suits_at] * (2 * _GROUP + 1)
    return {path: reading(cell, [head, n], Method.T4_ACROSS_HEADERS)
            for path, (n, cell), head in zip(TABLE4_PATHS, cells, heads)}
