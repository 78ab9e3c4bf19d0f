"""A number a converter cut at its thousands separator or decimal point: ``2`` / ``,178``, ``5,`` / ``187``, ``2,2 86``,
``1296`` / ``.144219``.

Word's HTML prints a number in two runs (``<span>2</span><span>,178</span>``); text converters put the runs on
two lines or part them with a space. Each piece alone is no number (``,178``, ``5,``, ``2,2``) or the wrong one
(``2``): read alone, the first digits become the cell. Two neighbouring pieces of one cell, at least one of them no
number by itself, whose text joined is one number written with thousands separators, are that number; so are a
whole number and, on the next line, its decimals.
"""

from __future__ import annotations

import re

from .cells import joined_number, parse_cell
from .layout import Item

__all__ = ["joined_separators"]


#: a number's decimals a converter put on the next line (``1296`` / ``.144219``: Word's runs of a fee)
_DECIMALS = re.compile(r"^[.．]\d+$")
_WHOLE = re.compile(r"^\d+$")


def _joined(a: Item, b: Item) -> str | None:
    """The number ``a`` and ``b`` make together (neighbours in one field, or on neighbouring lines), or None."""
    if a.col != b.col or b.line - a.line > 1 or (a.is_value and b.is_value):
        return None
    left, right = a.raw.strip(), b.raw.strip()
    if b.line == a.line + 1 and _WHOLE.match(left) and _DECIMALS.match(right):
        return left + "." + right[1:]
    return joined_number(a.raw, b.raw)


def joined_separators(items: list[Item]) -> list[Item]:
    """``items`` with each number cut at its thousands separator or decimal point made one item again (see the module
    docstring)."""
    if not any(it.is_text and ("," in it.raw or "，" in it.raw or it.raw.lstrip()[:1] in ".．") for it in items):
        return items
    out: list[Item] = []
    for it in items:
        text = _joined(out[-1], it) if out else None
        if text is None:
            out.append(it)
            continue
        last = out[-1]
        out[-1] = Item(text, last.line, parse_cell(text), last.col, "", last.width, last.grid)
    return out
