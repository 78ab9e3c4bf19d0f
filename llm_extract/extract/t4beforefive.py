"""表四's 行政复议 group alone before section 五's heading: the suits' ten columns printed after it.

A Word table LibreOffice printed into a PDF, read by plain ``pdftotext``, gives 表四's groups as blocks of their own:
行政复议's header (its five column headers, their characters at times one a line: ``结`` / ``结`` / ``果`` / ``果`` /
``维`` / ``纠`` …) and its five cells, then section 五's heading, and only after it 行政诉讼's header and its ten
cells, among other text (表三's last cells, 五's paragraph)::

    四、政府信息公开行政复议、行政诉讼情况
    行政复议 / 结果 结果 / 维持 纠正 / 其他 / 结果 / 尚未 / 审结 / 总计
    0 / 2 / 0 / 0 / 2                           ← 行政复议's five cells, one a line
    五、存在的主要问题及改进情况
    0 / 0 / 行政诉讼 / 未经复议直接起诉 / …        ← the suits' cells, mixed with other text

The region (up to 五's heading) then holds five numbers for fifteen cells, and nothing of it was read. Here, where
the region holds exactly five numbers, one a line, after 行政复议 and its column headers' characters (no other word
of the table's before them, none of the suits' group words in the region) and 行政诉讼 is printed within a few lines
after 五's heading, the five are 行政复议's row in the header's order, where its four results sum to its 总计. The
order is the tool's (``Method.T4_ACROSS_HEADERS``: never proven, ``READ.T4_BLOCK_ORDER``); the suits' ten cells stay
unread.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..evidence import Method
from ..form import FORM
from ..schema import REVIEW_COLUMNS, REVIEW_GROUPS, TABLE4_PATHS
from .layout import Item
from .readings import Readings, missing, reading

__all__ = ["read_review_before_five"]

_WIDTH = len(REVIEW_COLUMNS)
#: the characters 行政复议's header may print (its column headers', the group's name, the section's heading)
_HEADER_CHARS = frozenset("".join(c.label for c in FORM.table4_columns)) | frozenset("行政复议")
#: the suits' group words: none may stand before 五's heading
_SUITS = ("行政诉讼", "直接起诉", "复议后起诉")
#: the lines after 五's heading in which the suits' header must begin
_AFTER = 12
#: section 四's heading, printed with the header (it names 行政诉讼 too)
_HEADING = re.compile(r"^四、[^行]*行政复议[^情]*情况")
_NOTE = "行政诉讼's ten cells printed after section 五's heading, among other text: not read"


def read_review_before_five(items: list[Item], lines: Sequence[str], end: int) -> Readings | None:
    """行政复议's five cells (and the suits' ten left unread) where the region ending at 五's heading (``end``, the
    heading's 1-based line) is that layout (see the module's docstring), else ``None``."""
    numbers = [it for it in items if it.is_value]
    if len(numbers) != _WIDTH or not all(it.cell.is_number and isinstance(it.cell.value, int) for it in numbers):
        return None                     # (most regions: fifteen numbers, or other layouts)
    words = [it for it in items if not it.is_value]
    if not words or any(it.line >= numbers[0].line for it in words) \
            or [it.line for it in numbers] != list(range(numbers[0].line, numbers[0].line + _WIDTH)):
        return None
    head = _HEADING.sub("", "".join(it.raw for it in words).replace(" ", ""), count=1)
    if not head.startswith("行政复议") or any(w in head for w in _SUITS) or not set(head) <= _HEADER_CHARS \
            or not {"总", "计"} <= set(head):
        return None
    if not (0 < end <= len(lines) and lines[end - 1].lstrip().startswith("五、")):
        return None
    after = "".join(lines[end:end + _AFTER])
    if not any(w in after for w in _SUITS):
        return None                     # (the suits' header not printed right after 五's heading)
    values = [int(it.cell.value) for it in numbers]
    if sum(values[:-1]) != values[-1]:
        return None
    out: Readings = {}
    first = [f"review_litigation.{REVIEW_GROUPS[0]}.{c}" for c in REVIEW_COLUMNS]
    for path, it in zip(first, numbers):
        out[path] = reading(it.cell, [it.line], Method.T4_ACROSS_HEADERS)
    for path in TABLE4_PATHS:
        if path not in out:
            out[path] = missing("", [], "row-of-15", _NOTE)
    return out
