"""表四 as three rows of five in plain ``pdftotext`` (no -layout) text: each group's four results beside its label,
总计's column after.

A Word table of three groups (rows) under 结果维持 … 总计 with narrow label cells may print its first four headers on
one line, each group's four results after its label's first piece, and 总计's column (header, three cells) after
the rows, past the next section's heading; 表三's last cells, when that table ends on the page, before it all::

    0               ← 表三's
    …
    结果维持 结果纠正 其他结果 尚未审结
    行政复议
    0
    0
    0
    1
    行政诉讼
    0
    0
    29
    0
    （未经复
    议直接起
    诉）
    行政诉讼
    …
    （复议后
    起诉）
    五、存在的主要问题及改进情况
    总计
    1
    29
    1

:func:`read_rows_beside` reads such a table: the four headers side by side, then the three groups in the form's
order, each label's pieces (行政复议; 行政诉讼 … 未经 …; 行政诉讼 … 复议后 …) with exactly four numbers after its first
piece, then 总计 with exactly three; every group's total must hold. The cells' order along a row is the tool's
(``Method.T4_ACROSS_HEADERS``: never proven, ``READ.T4_BLOCK_ORDER``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..evidence import CellKind, Method
from ..form import FORM
from ..schema import TABLE4_PATHS
from .cells import Cell, parse_cell
from .readings import Readings, reading

__all__ = ["read_rows_beside"]

_LABELS = [c.label for c in FORM.table4_columns]
#: each group's label as its pieces join, told by a word of it
_GROUP_WORDS = ("行政复议", "未经", "复议后")
_ROW_START = ("行政复议", "行政诉讼")
_ROW_PIECE = re.compile(r"[行政复议诉讼未经直接起后（）()]+")
_SECTION = re.compile(r"^[五六七八九十]、")
_REACH = 60


def read_rows_beside(lines: Sequence[str], start: int) -> Readings | None:
    """表四's fifteen cells from each group's four results beside its label and 总计's column after them, after
    the heading at line ``start`` (1-based); None unless the text is so (see the module's docstring)."""
    text = [(n, line) for n in range(start + 1, min(len(lines), start + _REACH) + 1) if (line := lines[n - 1].strip())]
    head = next((k for k, (_, line) in enumerate(text) if line.split() == _LABELS[:-1]), None)
    if head is None:
        return None
    rows: list[tuple[str, list[tuple[int, Cell]]]] = []
    totals: list[tuple[int, Cell]] | None = None
    total_at = 0                            # 总计's header line
    for n, line in text[head + 1:]:
        cell = parse_cell(line)
        if cell.is_number or cell.kind is CellKind.PLACEHOLDER:
            if totals is not None:
                totals.append((n, cell))
            elif rows:
                rows[-1][1].append((n, cell))
            else:
                return None
            continue
        if totals:
            break                           # 总计's cells end
        if line == _LABELS[-1] and totals is None:
            totals, total_at = [], n
        elif line.startswith(_ROW_START) and _ROW_PIECE.fullmatch(line) and totals is None:
            rows.append((line, []))
        elif _ROW_PIECE.fullmatch(line) and rows and totals is None:
            rows[-1] = (rows[-1][0] + line, rows[-1][1])
        elif not _SECTION.match(line):
            return None
    if totals is None or len(totals) != len(rows) or len(rows) != len(_GROUP_WORDS) \
            or any(word not in label or len(cells) != len(_LABELS) - 1
                   for word, (label, cells) in zip(_GROUP_WORDS, rows, strict=True)):
        return None
    cells = [got for (_, row), total in zip(rows, totals) for got in row + [total]]
    values = [c.value for _, c in cells]
    if not all(v is None or isinstance(v, int) for v in values) or any(
            (values[g + 4] or 0) != sum(v or 0 for v in values[g:g + 4]) for g in range(0, len(values), len(_LABELS))):
        return None
    heads = ([text[head][0]] * (len(_LABELS) - 1) + [total_at]) * len(rows)
    return {path: reading(cell, [at, n], Method.T4_ACROSS_HEADERS)
            for path, (n, cell), at in zip(TABLE4_PATHS, cells, heads)}
