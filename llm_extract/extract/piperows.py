"""A pipe table's row that lost an outer pipe (an OCR'd or pasted markdown table).

OCR of a printed markdown table, or a pipeline that trimmed its lines, keeps the pipes between the cells but
drops one or both outer pipes, or glues the closing one to the last number::

    一、本年新收政府信息公开申请数量 | 12 | 3 | 0 | 0 | 2 | 1 | 18|
    二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 |  | 0 | 0
    |0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0|

Such a line is the markdown row it came from (:func:`closed_pipe_row` gives it its outer pipes back) when its
pipes part one label (a group's label and a row's in two fields are left alone) and exactly as many cells as a
row of the form has (3 or 1 for 表二, 7 for 表三, 5 or 15 for 表四; a row of numbers only: 5 or 15), each cell
one token (a number, a placeholder, letters OCR reads digits as) or nothing. A blank cell among numbers only in
a row of 表三, whose total checks its place; a row of blank cells only after a label and three fields or more.
A pipe glued to a number closes the row (``18|`` is 18 and the end of the row, not an OCR'd 181); a last pipe
after a space closes the row or parts a blank last cell, whichever leaves a row. Any other line with pipes is
left as it is (read as spaced text, its bars as rule glyphs).
"""

from __future__ import annotations

import re

from ..evidence import CellKind
from .cells import parse_cell

__all__ = ["closed_pipe_row"]

#: the cells of a row of the form: 表二's (3, 1), 表三's (7), 表四's (5 to a group, 15 in one row)
_WIDTHS = frozenset({1, 3, 5, 7, 15})
_LABELLESS_WIDTHS = frozenset({5, 15})
#: the width of a row whose blank cells its total checks (表三's): elsewhere a converter's blank field may stand
#: in another column than its cell (html2text: ``规范性文件 |  7 |   | 168``, the 168 printed under 现行有效 is 废止)
_CHECKED_WIDTH = 7
_ONE_TOKEN = re.compile(r"^\S+$")


def _cell(field: str) -> str:
    """``"blank"``, ``"cell"`` (one token that reads as a cell, or OCR letters in a number's place) or ``"text"``."""
    text = field.strip()
    if not text:
        return "blank"
    if not _ONE_TOKEN.match(text):
        return "text"
    cell = parse_cell(text)
    if cell.is_value or (cell.kind is CellKind.TEXT and _OCR_NUMBER.match(text)):
        return "cell"
    return "text"


#: a number OCR misread some digits of (``3l``, ``O``, ``S``, ``I``)
_OCR_NUMBER = re.compile(r"^[0-9OolISB]{1,7}$")


def closed_pipe_row(text: str) -> str | None:
    """``text`` with both outer pipes when it is a pipe row that lost one (see the module docstring), else None.

    A last pipe closes the row, or parts its last cell left blank (html2text prints no closing pipe: ``3.其他 |
    |  … |``): whichever leaves a form row's count of cells."""
    text = text.strip()
    if "|" not in text or (text[:1] == "|" and text[-1:] == "|" and len(text) > 1):
        return None
    core = text[1:] if text[:1] == "|" else text
    readings = [core[:-1].split("|"), core.split("|")] if core[-1:] == "|" else [core.split("|")]
    rows = [fields for fields in readings if _is_row([_cell(f) for f in fields])]
    return f"|{'|'.join(rows[0])}|" if len(rows) == 1 else None


def _is_row(kinds: list[str]) -> bool:
    labels = 1 if kinds[0] == "text" else 0
    cells, widths = kinds[labels:], _WIDTHS if labels else _LABELLESS_WIDTHS
    if len(cells) not in widths or "text" in cells or ("cell" not in cells and (not labels or len(cells) < 3)):
        return False                    # (a label and one empty field: a row, or a label and a stray pipe?)
    # a blank field's place among cells is checked by 表三's row sums only
    return not ("blank" in cells and "cell" in cells and len(cells) != _CHECKED_WIDTH)
