"""Table rows written as sentences that name each cell beside its number.

    一、本年新收政府信息公开申请数量：总计1件，其中自然人1件、商业企业0件、科研机构0件、社会公益组织0件、法律服务机构0件、其他0件。
    行政复议：结果维持0件，结果纠正0件，其他结果5件，尚未审结0件，总计5件。

A report reposted as an article, or a table rewritten as text, names each number's column. Where a line names
every one of 表三's seven columns once, or of a 表四 group's five (the form's names of them, ``llm_extract.form``),
each right before its number or its empty cell's mark (``商业企业无``, ``总计-``), the line is the row's label and
its numbers in the form's order: the names place them, in whatever order they are written. A line naming fewer, or
one twice, or with words between two of its cells, is left as it is (a narrative's sentence names a few). Such a
line is a table's row, never the narrative's (``prose.prose_lines``).

A 表二 row may name its columns in brackets after its label instead (``规章（本年制发件数、本年废止件数、现行有效件数）：3、1、14``,
``行政许可（本年处理决定数量）：3684``): the bracket is the row's header, not its label's words
(:func:`columns_in_brackets`), the numbers after the colon its cells.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..form import FORM, Column

__all__ = ["named_cells", "columns_in_brackets"]

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


#: 表二's columns' words (the stock columns' names, the one-cell rows' 本年处理决定数量 / 本年收费金额 and its unit)
_T2_COLUMNS = tuple(dict.fromkeys(c.label for row in FORM.table2 for c in row.columns))
_STOCK = tuple(c.label for c in FORM.table2[0].columns)
_T2_WORDS = re.compile("(?:" + "|".join(re.escape(w) for w in sorted(
    {*_T2_COLUMNS, "本年收费金额", "单位", "万元", "元"}, key=len, reverse=True)) + r"|[（）()：:，,、\s])+")
#: a label, its columns in brackets, a colon, its numbers (parted by 、 or spaces)
_BRACKETED = re.compile(r"^(?P<label>[^（(]+)[（(](?P<names>[^（）()]*(?:[（(][^（）()]*[）)][^（）()]*)?)[）)]\s*[:：]\s*"
                        r"(?P<cells>[0-9０-９.,，/／\-—－–无]+(?:\s*[、\s]\s*[0-9０-９.,，/／\-—－–无]+)*)\s*$")


def columns_in_brackets(line: str) -> str | None:
    """``label c1 …`` for a 表二 row naming its columns in brackets between its label and its numbers, in the form's
    order (a bracket naming the stock columns in another order is left as it is: no identity checks 表二, so cells
    placed by it could never be proven); ``None`` otherwise."""
    m = _BRACKETED.match(line)
    if m is None or not _T2_WORDS.fullmatch(m.group("names")):
        return None
    stock = [at for n in _STOCK if (at := m.group("names").find(n)) >= 0]
    if stock != sorted(stock):
        return None                     # the stock columns in another order: no identity would check a reordering
    cells = [c for c in re.split(r"\s*[、\s]\s*", m.group("cells").strip()) if c]
    return " ".join([m.group("label").strip(), *cells])
