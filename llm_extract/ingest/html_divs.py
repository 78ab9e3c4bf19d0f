"""Tables a web page builds of ``<div>``s: which table element a ``<div>`` stands for.

* ARIA roles: ``role="table"`` / ``"grid"`` a table, ``"row"`` a row, ``"cell"`` / ``"gridcell"`` /
  ``"columnheader"`` / ``"rowheader"`` a cell. A CSS-grid table gives its cells no row element: each cell
  names its row in its style (``grid-row:4 / span 1``), and a row ends where that changes
  (:func:`grid_row`).
* Flex rows: a ``<div>`` laid out as a row of boxes (``display:flex``, not a column) is a table's row,
  each of its children a box and a cell: ``<div>`` boxes, and boxes of an inline tag (``<span>`` boxes a
  style sheet makes ``flex:1``: :class:`FlexBoxes`); a merged cell's hidden placeholder is left out as every
  hidden element is; a heading or a paragraph in the row stays what it is. Page layout uses flex rows too (a logo beside a search box): a flex row read as a
  table's row is kept only when it gave two cells or more, none of them a paragraph (:func:`is_table_row`).
* CSS tables: a ``<div>`` displayed as ``table``, ``table-row`` or ``table-cell`` is that element.
* A ``<div>``'s display is its inline style's, else that of a top-level rule of the page's own style sheets
  naming one of its classes or its id (``.fr {display:flex}``, ``.td {display:table-cell}``:
  :func:`layout_rules`, on the rules :func:`~llm_extract.ingest.html_head.class_rules` reads).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from .html_head import class_rules

__all__ = ["FLEX_ROW", "FlexBoxes", "NO_LAYOUT", "div_tag", "grid_row", "is_table_row", "layout_rules"]

#: the element a flex row of boxes stands for: a table of one row
FLEX_ROW = "flexrow"
_ROLE_TAGS = {"table": "table", "grid": "table", "treegrid": "table", "row": "tr", "cell": "td",
              "gridcell": "td", "columnheader": "th", "rowheader": "th"}
_GRID_ROW = re.compile(r"grid-row(?:-start)?\s*:\s*(\d+)")
_DISPLAY = re.compile(r"display\s*:\s*(table-row|table-cell|(?:inline-)?table|(?:inline-)?flex)(?![-\w])", re.I)
_DISPLAY_TAGS = {"table-row": "tr", "table-cell": "td", "table": "table", "inline-table": "table",
                 "flex": FLEX_ROW, "inline-flex": FLEX_ROW}
_ANY_DISPLAY = re.compile(r"display\s*:", re.I)
_COLUMN = re.compile(r"flex-direction\s*:\s*column", re.I)
#: a cell longer than this is a paragraph of page layout, not a table's cell
_CELL_CHARS = 100
#: a page whose style sheets display no class or id as a table's element
NO_LAYOUT: Mapping[str, str] = {}


def _shown_as(declarations: str) -> str | None:
    """The table element CSS declarations display an element as (a column of flex boxes is none)."""
    m = _DISPLAY.search(declarations) if "display" in declarations else None
    if m is None:
        return None
    tag = _DISPLAY_TAGS[m[1].lower()]
    return None if tag == FLEX_ROW and _COLUMN.search(declarations) else tag


def layout_rules(page: str) -> Mapping[str, str]:
    """The table element each class (``.name``) or id (``#name``) of the page's style sheets displays as."""
    rules: dict[str, str] = {}
    for kind, name, body in class_rules(page, _DISPLAY):
        if (tag := _shown_as(body)) is not None:
            rules[kind + name] = tag
    return rules or NO_LAYOUT


def div_tag(attrib: dict[str, str], parent: str, layout: Mapping[str, str] = NO_LAYOUT) -> str:
    """The table element (``table``, ``tr``, ``td``, ``th``, :data:`FLEX_ROW`) a ``<div>`` with these
    attributes stands for, inside a ``<div>`` that stands for ``parent``, on a page whose style sheets
    display classes and ids as ``layout`` says; ``div`` for none."""
    role = _ROLE_TAGS.get(attrib.get("role", "").strip().lower())
    if role is not None:
        return role
    if parent == FLEX_ROW:
        return "td"
    style = attrib.get("style", "")
    shown = _shown_as(style)
    if shown is None and layout and not _ANY_DISPLAY.search(style):      # (its own display comes first)
        names = [f".{name}" for name in attrib.get("class", "").split()] + [f"#{attrib.get('id', '')}"]
        shown = next((layout[name] for name in names if name in layout), None)
    return shown or "div"


def grid_row(attrib: dict[str, str]) -> str | None:
    """The grid row a CSS-grid cell's style places it in, or None."""
    m = _GRID_ROW.search(attrib.get("style", ""))
    return m[1] if m else None


def is_table_row(lines: list[str]) -> bool:
    """Whether the lines a flex row gave (cells as tab lines) are a table's row: two cells or more, each short."""
    cells = [line for line in lines if line.startswith("\t")]
    return len(cells) >= 2 and len(cells) == len([line for line in lines if line]) \
        and all(len(line) <= _CELL_CHARS for line in cells)


class FlexBoxes:
    """Which elements are a flex row's boxes: the row's children, whatever their tag. The converter tells
    every element's start and end (:meth:`start`, :meth:`end`); each open flex row counts the elements open
    inside it."""

    def __init__(self) -> None:
        self._depth: list[int] = []              # per open flex row: elements open inside it
        self.active = False                      # is a flex row open (else no element is a box: nothing to count)

    def open_row(self) -> None:
        self._depth.append(0)
        self.active = True

    def close_row(self) -> None:
        if self._depth:
            self._depth.pop()
        self.active = bool(self._depth)

    def start(self) -> bool:
        """An element starts: is it a box of the innermost open flex row?"""
        if not self._depth:
            return False
        self._depth[-1] += 1
        return self._depth[-1] == 1

    def end(self) -> bool:
        """An element ends: was it a box of the innermost open flex row? (False for the row's own end.)"""
        if not self._depth or not self._depth[-1]:
            return False
        self._depth[-1] -= 1
        return not self._depth[-1]
