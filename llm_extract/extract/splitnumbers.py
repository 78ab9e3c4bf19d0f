"""A number a converter cut at its thousands separator or decimal point: ``2`` / ``,178``, ``5,`` / ``187``, ``2,2 86``,
``1296`` / ``.144219``, ``123.`` / ``9862``.

Word's HTML prints a number in two runs (``<span>2</span><span>,178</span>``); text converters put the runs on
two lines or part them with a space. Each piece alone is no number (``,178``, ``5,``, ``2,2``) or the wrong one
(``2``): read alone, the first digits become the cell. Two neighbouring pieces of one cell, at least one of them no
number by itself, whose text joined is one number written with thousands separators, are that number; so are a
whole number and, on the next line, its decimals; and a number cut right after its point, its decimals in the
next item (the first run may have joined the label's text: ``行政事业性收费123.``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .cells import joined_number, parse_cell
from .layout import Item, label_key

__all__ = ["joined_separators"]


#: a number's decimals a converter put on the next line (``1296`` / ``.144219``: Word's runs of a fee)
_DECIMALS = re.compile(r"^[.．]\d+$")
_WHOLE = re.compile(r"^\d+$")
#: a text ending in a number cut right after its decimal point (``行政事业性收费123.``: the number's first run joined
#: onto the label's line), not an item number (``1.``)
_POINT_ENDED = re.compile(r"(?<!\d)(\d{2,}|0)[.．]\s*$")
_DECIMAL_DIGITS = re.compile(r"^\d{2,}$")


def _joined(a: Item, b: Item) -> str | None:
    """The number ``a`` and ``b`` make together (neighbours in one field, or on neighbouring lines), or None."""
    if a.col != b.col or b.line - a.line > 1 or (a.is_value and b.is_value):
        return None
    left, right = a.raw.strip(), b.raw.strip()
    if b.line == a.line + 1 and _WHOLE.match(left) and _DECIMALS.match(right):
        return left + "." + right[1:]
    return joined_number(a.raw, b.raw)


def _point_ended(a: Item, b: Item) -> tuple[str, str] | None:
    """(the text before it, the number) when ``a`` ends in a number cut right after its decimal point and ``b`` is its
    decimals (``123.`` / ``9862``, ``123. 9862``), or None."""
    if not a.is_text or not b.is_value or a.col != b.col or not _DECIMAL_DIGITS.match(b.raw.strip()):
        return None
    if (m := _POINT_ENDED.search(a.raw)) is None:
        return None
    return a.raw[:m.start()], m.group(1) + "." + b.raw.strip()


#: a text item that may be a piece: digits and separators only (``,178``, ``5,``; a label holds other characters)
_DIGITS_COMMAS = re.compile(r"^[\d,，]*$")


@lru_cache(maxsize=8192)
def _may_join(raw: str) -> bool:
    """Whether a text item may take part in a join, cheaply told: the text item of two pieces joined by
    thousands separators (:func:`~.cells.joined_number`: the two together digits and separators only) or at a
    decimal point (a whole number's decimals ``.144219``), or a number cut right after its point (``…收费123.``)."""
    text = raw.strip()
    return text[:1] in ".．" or text[-1:] in ".．" or _DIGITS_COMMAS.match(text) is not None


def joined_separators(items: list[Item]) -> list[Item]:
    """``items`` with each number cut at its thousands separator or decimal point made one item again (see the module
    docstring)."""
    if not any(map(_may_join, [it.raw for it in items if it.is_text])):
        return items
    out: list[Item] = []
    for it in items:
        if out and (point := _point_ended(out[-1], it)) is not None:
            head, number = point
            last = out.pop()
            if head.strip():
                out.append(Item(head, last.line, parse_cell(head), last.col, label_key(head), last.width, last.grid))
            out.append(Item(number, it.line, parse_cell(number), it.col, "", it.width, it.grid))
            continue
        text = _joined(out[-1], it) if out else None
        if text is None:
            out.append(it)
            continue
        last = out[-1]
        out[-1] = Item(text, last.line, parse_cell(text), last.col, "", last.width, last.grid)
    return out
