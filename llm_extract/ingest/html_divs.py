"""Tables a web page builds of ``<div>``s: which table element a ``<div>`` stands for.

* ARIA roles: ``role="table"`` / ``"grid"`` a table, ``"row"`` a row, ``"cell"`` / ``"gridcell"`` /
  ``"columnheader"`` / ``"rowheader"`` a cell. A CSS-grid table gives its cells no row element: each cell
  names its row in its style (``grid-row:4 / span 1``), and a row ends where that changes
  (:func:`grid_row`).
* Flex rows: a ``<div>`` laid out as a row of boxes (``display:flex``, not a column) whose boxes are
  ``<div>``s is a table's row, each box a cell (a merged cell's hidden placeholder is left out as every
  hidden element is). Page layout uses flex rows too (a logo beside a search box): a flex row read as a
  table's row is kept only when it gave two cells or more, none of them a paragraph (:func:`is_table_row`).
"""

from __future__ import annotations

import re

__all__ = ["FLEX_ROW", "div_tag", "grid_row", "is_table_row"]

#: the element a flex row of ``<div>`` boxes stands for: a table of one row
FLEX_ROW = "flexrow"
_ROLE_TAGS = {"table": "table", "grid": "table", "treegrid": "table", "row": "tr", "cell": "td",
              "gridcell": "td", "columnheader": "th", "rowheader": "th"}
_GRID_ROW = re.compile(r"grid-row(?:-start)?\s*:\s*(\d+)")
_FLEX = re.compile(r"display\s*:\s*(?:inline-)?flex\b", re.I)
_COLUMN = re.compile(r"flex-direction\s*:\s*column", re.I)
#: a cell longer than this is a paragraph of page layout, not a table's cell
_CELL_CHARS = 100


def div_tag(attrib: dict[str, str], parent: str) -> str:
    """The table element (``table``, ``tr``, ``td``, ``th``, :data:`FLEX_ROW`) a ``<div>`` with these
    attributes stands for, inside a ``<div>`` that stands for ``parent``; ``div`` for none."""
    role = _ROLE_TAGS.get(attrib.get("role", "").strip().lower())
    if role is not None:
        return role
    if parent == FLEX_ROW:
        return "td"
    style = attrib.get("style", "")
    if "flex" in style and _FLEX.search(style) and not _COLUMN.search(style):
        return FLEX_ROW
    return "div"


def grid_row(attrib: dict[str, str]) -> str | None:
    """The grid row a CSS-grid cell's style places it in, or None."""
    m = _GRID_ROW.search(attrib.get("style", ""))
    return m[1] if m else None


def is_table_row(lines: list[str]) -> bool:
    """Whether the lines a flex row gave (cells as tab lines) are a table's row: two cells or more, each short."""
    cells = [line for line in lines if line.startswith("\t")]
    return len(cells) >= 2 and len(cells) == len([line for line in lines if line]) \
        and all(len(line) <= _CELL_CHARS for line in cells)
