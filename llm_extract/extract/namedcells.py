"""Table rows written as sentences that name each cell beside its number.

    一、本年新收政府信息公开申请数量：总计1件，其中自然人1件、商业企业0件、科研机构0件、社会公益组织0件、法律服务机构0件、其他0件。
    行政复议：结果维持0件，结果纠正0件，其他结果5件，尚未审结0件，总计5件。

A report reposted as an article, or a table rewritten as text, names each number's column. Where a line names
every one of 表三's seven columns once, or of a 表四 group's five (the form's names of them, ``llm_extract.form``),
each right before its number or its empty cell's mark (``商业企业无``, ``总计-``), the line is the row's label and
its numbers in the form's order: the names place them, in whatever order they are written. A line naming fewer, or
one twice, or with words between two of its cells, is left as it is (a narrative's sentence names a few). Such a
line is a table's row, never the narrative's (``prose.prose_lines``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..form import FORM, Column

__all__ = ["named_cells"]

#: what may stand between the label and its first named cell, or between two of them
_JOINERS = re.compile(r"^[\s:：,，、;；。其中为是共有（）()]*$")
#: a cell's number or its empty cell's mark, after its name (a colon between them at most, 件 after it)
_CELL = r")\s*[:：]?\s*([0-9０-９][0-9０-９,，]*|不适用|[无/／\-—－–]+)\s*件?"


class _Names:
    """One table's column names: which column each names, and the pattern of a name before its cell."""

    def __init__(self, columns: Sequence[Column], extra: dict[str, tuple[str, ...]]) -> None:
        self.of = {name: i for i, c in enumerate(columns) for name in (c.label, *c.also, *extra.get(c.label, ()))}
        self.width = len(columns)
        self.pair = re.compile("(" + "|".join(sorted(self.of, key=len, reverse=True)) + _CELL)


_TABLES = (_Names(FORM.table3_columns, {"总计": ("合计",)}), _Names(FORM.table4_columns, {"总计": ("合计",)}))


def named_cells(line: str) -> str | None:
    """The row ``label c1 … cN`` (the form's column order, numbers and marks as printed) a line naming every one of
    a 表三 row's seven columns, or a 表四 group's five, once with its cell stands for; ``None`` for any other line."""
    if "总计" not in line and "合计" not in line:
        return None                     # (most lines, at once: every row so written names its 总计)
    for names in _TABLES:
        row = _row(line, names)
        if row is not None:
            return row
    return None


def _row(line: str, names: _Names) -> str | None:
    pairs = list(names.pair.finditer(line))
    if len(pairs) != names.width:
        return None
    cells: list[str | None] = [None] * names.width
    for k, m in enumerate(pairs):
        column = names.of[m.group(1)]
        if cells[column] is not None:
            return None
        if not _JOINERS.match(line[m.end():pairs[k + 1].start() if k + 1 < len(pairs) else len(line)]):
            return None                 # words between two cells: a sentence, not a row
        cells[column] = m.group(2).replace("，", ",")
    label = line[:pairs[0].start()].rstrip(" ：:，,")
    if not label.strip() or not _JOINERS.match(line[len(label):pairs[0].start()]):
        return None
    return " ".join([label.strip(), *cells])         # type: ignore[list-item]
