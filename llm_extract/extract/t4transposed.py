"""表四 printed transposed: the five results as rows, the three groups as columns.

Some agencies turn 表四 on its side::

    项目      行政复议   行政诉讼（未经复议直接起诉）   行政诉讼（复议后起诉）
    结果维持      0              0                         1
    结果纠正      0              0                         0
    其他结果      0              0                         2
    尚未审结      0              0                         2
    总计          0              0                         5

Read in the form's order, a group's cells would be a result's. :func:`read_transposed` reads such a table where it
is plain: the header names the three groups, each once, and is followed by the five results' labels, each with
exactly three cells; each cell goes to its group (the header's order) and its result (its row's label). The
identities check each group's total, as for any 表四.
"""

from __future__ import annotations

from ..form import FORM
from ..schema import REVIEW_COLUMNS, REVIEW_GROUPS
from .layout import Item
from .readings import Readings, reading

__all__ = ["read_transposed", "T4_TRANSPOSED"]

#: the method of a cell so read
T4_TRANSPOSED = "t4-transposed"
_RESULTS = {c.label: key for c, key in zip(FORM.table4_columns, REVIEW_COLUMNS)}


def _group(key: str) -> str | None:
    if "复议后" in key:
        return "litigation_after_review"
    if "直接" in key or "未经复议" in key:
        return "litigation_direct"
    if "复议" in key and "诉讼" not in key:
        return "administrative_review"
    return None


def read_transposed(items: list[Item]) -> Readings | None:
    """表四's fifteen cells from a transposed table among ``items``, or None when it is not one plainly."""
    rows = [i for i, it in enumerate(items) if it.is_text and it.key.replace(" ", "") in _RESULTS]
    if len(rows) != len(REVIEW_COLUMNS):
        return None
    groups = [g for it in items[:rows[0]] if it.is_text and (g := _group(it.key.replace(" ", ""))) is not None]
    if sorted(groups) != sorted(REVIEW_GROUPS):
        return None                         # each group named once in the header, or not read here
    out: Readings = {}
    for k, i in enumerate(rows):
        end = rows[k + 1] if k + 1 < len(rows) else len(items)
        cells = items[i + 1:end]
        if len(cells) != len(groups) or not all(c.is_value for c in cells):
            return None
        column = _RESULTS[items[i].key.replace(" ", "")]
        for group, cell in zip(groups, cells):
            out[f"review_litigation.{group}.{column}"] = reading(cell.cell, [items[i].line, cell.line], T4_TRANSPOSED)
    return out if len(out) == len(REVIEW_GROUPS) * len(REVIEW_COLUMNS) else None
