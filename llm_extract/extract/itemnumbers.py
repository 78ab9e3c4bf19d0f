"""An item number parted from its label where PDF text wrapped the label right after it.

``pdftotext -layout`` wraps a long label anywhere, also between a sub-row's item number and its dot::

    （三）不予公开1                                 2    0     0      0      0     0    2
    .属于国家秘密

The layout reader takes the ``1`` glued to the group heading for the row's first cell (eight numbers
for seven columns), and ``.属于国家秘密`` for a label without its number. A text item that opens with the
dot of an item number (``.属于…``, ``、信访…``) says where the number went: the lone digit among the
numbers before it is the label's number, given back to it, and the row keeps its seven cells.
"""

from __future__ import annotations

import re
from operator import attrgetter

from .cells import normalise
from .layout import Item, label_key

__all__ = ["rejoin_item_numbers"]

#: a label's text that opens with the dot of an item number whose digit stands elsewhere
_ORPHAN_DOT = re.compile(r"^[.、][\u4e00-\u9fff]")
_ITEM_DIGIT = re.compile(r"^[1-9]$")
#: the same, at the start of any key of a table's keys joined a line each (one search in C, not one per item)
_ORPHAN_DOTS = re.compile(r"^[.、][\u4e00-\u9fff]", re.M)
_KEY = attrgetter("key")
_ROW_WIDTH = 7


def _lone_digit(it: Item) -> bool:
    return bool(_ITEM_DIGIT.match(normalise(it.raw)))


def rejoin_item_numbers(items: list[Item]) -> None:
    """Give each label that opens with an orphaned dot its item number back (in place). With ``label``
    the text item before it and ``values`` the items between them:

    * ``（三）不予公开1  2 0 … 2`` / ``.属于国家秘密``: the digit glued to the heading, then the row's seven
      numbers: the label is the heading, the digit and the dotted text, where the numbers follow it;
    * ``（三）不予公开1`` / ``.属于国家秘密  0 0 …``: the digit alone after the heading: the dotted text's;
    * ``（三）不予公开1`` / ``0`` / … / ``0`` / ``.属于国家秘密``: the digit after the heading, the row's seven
      numbers one to a line after it (pdftotext's default mode): the dotted text's;
    * ``… 0 0 0`` / ``2`` / ``.其他法律…``: the digit on a line of its own right before: the dotted text's;
    * ``（三）不予公开`` / ``1`` / ``．属于国家秘密``: a lone digit between a heading and the dotted text (a web
      page's cell holding the number and the label in two spans, its text taken one element to a line): the
      dotted text's.

    Empty items among them (the empty cells of a column the group's title spans, a page's ``&nbsp;``) are no
    numbers.
    """
    if _ORPHAN_DOTS.search("\n".join(map(_KEY, items))) is None:
        return                          # (most tables: no key opens with a dot; a rejoined key opens with a digit)
    previous: int | None = None          # index of the last text item
    i = 0
    while i < len(items):
        it = items[i]
        if not it.is_text:
            i += 1
            continue
        if previous is not None and _ORPHAN_DOT.match(it.key):
            label = items[previous]
            values = [v for v in items[previous + 1:i] if v.raw.strip()]   # (a spanned column's empty cells: none)
            if all(v.is_value for v in values) and values:
                first, last = values[0], values[-1]
                if len(values) == _ROW_WIDTH + 1 and _lone_digit(first) and all(v.line == label.line for v in values):
                    label.raw = label.raw.rstrip() + normalise(first.raw) + it.raw.lstrip()
                    label.key = label_key(label.raw)
                    del items[i]
                    items.remove(first)
                    i = previous
                elif len(values) == _ROW_WIDTH + 1 and _lone_digit(first) and first.line == label.line \
                        and all(v.line > label.line for v in values[1:]):
                    it.raw = normalise(first.raw) + it.raw.lstrip()     # numbers one to a line between them
                    it.key = label_key(it.raw)
                    items.remove(first)
                    i -= 1
                elif _lone_digit(last) and (len(values) == 1 or (
                        len(values) == _ROW_WIDTH + 1 and all(v.line < last.line for v in values[:-1]))):
                    it.raw = normalise(last.raw) + it.raw.lstrip()
                    it.key = label_key(it.raw)
                    items.remove(last)
                    i -= 1
        previous = i
        i += 1
