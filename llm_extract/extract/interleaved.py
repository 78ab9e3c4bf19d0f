"""A 表三 item's label and its group's label wrapped in two very narrow cells side by side, their pieces interleaved.

Plain ``pdftotext`` (no -layout) prints two narrow cells of one row line by line, the group's piece and the item's
piece in turn::

    （三）
    1.属于
    不予公
    国家秘
    开
    密

The item's first piece (``1.属于``) begins several rows' labels (属于三类…, 属于四类…); with the item's next piece,
two lines below it (``1.属于国家秘``), it begins one. :func:`rejoined_items` puts the two pieces on the item's first
line (the line between, the group's piece, stays where it is; the item's piece below is left blank) where the first
piece names and begins no row by itself and the two together name or begin exactly one.
"""

from __future__ import annotations

import re

from .labels import row_begun, rows_named, strip_item_number
from .layout import label_key

__all__ = ["rejoined_items"]

#: a short piece of a line: an item number and a few characters, or a few characters (no digits)
_ITEM_PIECE = re.compile(r"\d{1,2}[.、．][\u4e00-\u9fff“”]{1,4}")
_PIECE = re.compile(r"[\u4e00-\u9fff“”、，（）()]{1,5}")


def _names(key: str) -> list[str]:
    rows = rows_named(key)
    return rows if rows else [row] if (row := row_begun(key)) else []


def rejoined_items(lines: list[str], start: int, end: int) -> list[str]:
    """``lines`` with each interleaved item's first two pieces joined on its first line (lines ``start`` …
    ``end - 1``, 1-based); the same list when there are none."""
    out = lines
    for n in range(start, min(end - 2, len(lines) - 1)):
        first, below = lines[n - 1].strip(), lines[n + 1].strip()
        if not _ITEM_PIECE.fullmatch(first) or not _PIECE.fullmatch(below) or _names(label_key(first)):
            continue
        key = label_key(first + below)
        if strip_item_number(label_key(below)) != label_key(below) or len(_names(key)) != 1:
            continue
        if out is lines:
            out = list(lines)
        out[n - 1], out[n + 1] = first + below, ""
    return out
