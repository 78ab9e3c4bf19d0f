"""A row's first cell glued onto the end of its label by a text tool that squeezes a line (pypdf's layout mode).

A PDF's label column can end right where the first number column starts; a tool that lays text out by
characters may then print the label's last characters and the first cell without a space between them::

    3    “、危及 三安０    ０    ０    ０     ０    ０    ０
              ”全一稳定

The row shows six numbers for seven columns, and the seventh stands glued to its label. No label of the form ends in
a digit, so digits right after the label's words, with the row's other six cells after them on the line, are the
row's first cell.
"""

from __future__ import annotations

import re

from .cells import parse_cell
from .layout import Item

__all__ = ["glued_first_cell"]

#: digits right after a label's last word (a Chinese character, a closing quote or bracket)
_GLUED = re.compile(r"(?<=[\u4e00-\u9fff”\"’）)])([0-9０-９]{1,6})$")
#: the text of the next label when it opens with the dot of an item number: the digits are its number
#: (``（三）不予公开1`` / ``.属于国家秘密``, itemnumbers.py)
_ORPHAN_DOT = re.compile(r"^[.、．]")


def glued_first_cell(label: Item, span: list[Item], width: int, after: Item | None = None) -> Item | None:
    """The cell glued onto ``label``'s end, as an item of its own, when the ``span`` after it holds the row's other
    ``width - 1`` cells, all numbers, on the label's line (``after``: the item after the span, a label whose dot
    would claim the digits as its item number); else None."""
    if len(span) != width - 1 or not all(it.cell.is_number and it.line == label.line for it in span):
        return None
    if after is not None and after.is_text and _ORPHAN_DOT.match(after.key):
        return None
    m = _GLUED.search(label.raw.rstrip())
    if m is None:
        return None
    cell = parse_cell(m.group(1))
    if not cell.is_number:
        return None                     # (a leading zero: 05 is no count)
    return Item(m.group(1), label.line, cell, label.col, "", label.width, label.grid)
