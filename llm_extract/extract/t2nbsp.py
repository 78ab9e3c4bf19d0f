"""A 表二 row of a crawler's dump whose empty cells are no-break spaces: each one a cell, in its place.

A CMS page writes an empty cell as ``<td>&nbsp;</td>``; BeautifulSoup's ``get_text("")`` runs the row's cells
together, each ``&nbsp;`` a no-break space (U+00A0) where its cell stood::

    规范性文件\u00a0\u00a0106        ← 本年制发件数 empty, 本年废止件数 empty, 现行有效件数 106

A reader that takes spaces as spacing sees one number for three cells. Where the row's line after its label holds
nothing but no-break (or full-width) spaces and the row's numbers, one mark or one number to a cell making exactly
the row's cells, each space is its empty cell, in place. A number run glued to another (``3\u00a028``) or an ordinary
space among them leaves the row as printed.
"""

from __future__ import annotations

import re

from .cells import parse_cell
from .layout import Item

__all__ = ["nbsp_cells"]

#: one cell of such a row: a no-break or full-width space (an empty cell), or a number
_CELL = re.compile(r"[\u00a0\u3000]|[0-9０-９][0-9０-９,，.．]*")


def nbsp_cells(label: Item, values: list[Item], n: int, line: str) -> list[Item] | None:
    """The row's ``n`` cells where its ``line`` after the label's text is its ``values`` and no-break spaces only
    (:mod:`this module <.t2nbsp>`), each space an empty cell; None otherwise."""
    at = line.find(label.raw.strip())
    if at < 0 or not values or any(v.line != label.line or v.col is not None for v in values):
        return None
    tail = line[at + len(label.raw.strip()):].rstrip(" \t")
    cells = _CELL.findall(tail)
    if "".join(cells) != tail or len(cells) != n or not any(c in "\u00a0\u3000" for c in cells):
        return None
    numbers = [c for c in cells if c not in "\u00a0\u3000"]
    if numbers != [v.raw.strip() for v in values]:
        return None
    it = iter(values)
    return [Item("", label.line, parse_cell(""), key="") if c in "\u00a0\u3000" else next(it) for c in cells]
