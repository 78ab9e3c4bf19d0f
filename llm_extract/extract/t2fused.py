"""表二 stock rows whose header fused two columns into one field, and each row's two cells with them.

A PDF converter (pymupdf4llm) that misses the rule between two columns of 表二's stock table writes both in one
Markdown field, the header's words and each row's numbers over a line break::

    |信息内容|本年制发件数<br>本年废止件数|现行有效件数|
    |规章|0<br>1|0|

Two numbers in one field are otherwise never two cells (``1 0`` may be 10 split by a PDF's spacing). Here the
header's field names two columns, so the row's field holds two cells, in the order its words name them: the row
is read where every value field holds as many numbers as the header's field above it names columns (of the three
stock columns, each named once in all).
"""

from __future__ import annotations

from collections import Counter

from .headerorder import STOCK_NAMES
from .layout import Item

__all__ = ["fused_header_fields"]


def _is_header(item: Item) -> bool:
    return item.is_text and item.grid and item.key.replace(" ", "").startswith("信息内容")


def _header_line(items: list[Item], label: int) -> int | None:
    """The line of the sub-table's header (its 信息内容 field) above the row labelled at ``label``. The sub-table's
    heading (第二十条第（一）项) ends the search, unless it stands in the header's own line: a converter that fused
    the heading's row into the header's writes it as the first piece of a header field
    (``|信息内容|第二十条第（一）项<br>本年制发件数<br>本年废止件数|现行有效件数|``, pymupdf4llm of a browser's print)."""
    for j in range(label - 1, -1, -1):
        key = items[j].key.replace(" ", "") if items[j].is_text else ""
        if _is_header(items[j]):
            return items[j].line
        if key.startswith("第二十条"):
            line = items[j].line
            return line if items[j].grid and any(_is_header(it) for it in items if it.line == line) else None
    return None


def fused_header_fields(items: list[Item], label: int, values: list[Item]) -> bool:
    """Whether the stock row labelled at ``label`` holds its ``values`` (three, some sharing a grid field) in fields
    that the header's fields above name as many columns each (``本年制发件数<br>本年废止件数`` over ``0<br>1``)."""
    if len(values) != len(STOCK_NAMES) or not all(v.grid and v.col is not None and v.cell.is_number for v in values):
        return False
    per_field = Counter(v.col for v in values)
    if max(per_field.values()) < 2 or (at := _header_line(items, label)) is None:
        return False
    named: Counter[int] = Counter()
    for it in items:
        if it.line == at and it.is_text and it.col is not None:
            key = it.key.replace(" ", "")
            named[it.col] += sum(key.count(name) for name in STOCK_NAMES)
    return sum(named.values()) == len(STOCK_NAMES) and all(named[col] == k for col, k in per_field.items())
