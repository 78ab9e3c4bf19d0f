"""A pipe table's row that lost an outer pipe (an OCR'd or pasted markdown table).

OCR of a printed markdown table, or a pipeline that trimmed its lines, keeps the pipes between the cells but
drops one or both outer pipes, or glues the closing one to the last number::

    一、本年新收政府信息公开申请数量 | 12 | 3 | 0 | 0 | 2 | 1 | 18|
    二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 |  | 0 | 0
    |0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0|

Such a line is the markdown row it came from (:func:`closed_pipe_row` gives it its outer pipes back) when its
pipes part one label (a group's label and a row's in two fields are left alone) and 表三's seven cells, each
one token (a number, a placeholder, letters OCR reads digits as) or nothing (a blank cell: the row's total and
the column sums check its place), or, with no label, 表四's five or fifteen cells, none blank. A pipe glued to a
number closes the row (``18|`` is 18 and the end of the row, not an OCR'd 181); a last pipe after a space closes
the row or parts a blank last cell, whichever leaves a row. Any other line with pipes is left as it is (read as
spaced text, its bars as rule glyphs: a row of 表二 so read is never proven).
"""

from __future__ import annotations

import re

from ..evidence import CellKind
from .cells import parse_cell

__all__ = ["closed_pipe_row"]

#: the cells of a row of 表三 after its label: its row and column sums check every cell's place (a row of 表二
#: read across its rules is never proven, ruleglyphs.py: its pipes are left to be read so)
_ROW_WIDTH = 7
#: a row of numbers only: 表四's group, or its three groups in one row
_LABELLESS_WIDTHS = frozenset({5, 15})
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
    if kinds[0] == "text":              # a label and 表三's seven cells, blank ones too
        return len(kinds) == _ROW_WIDTH + 1 and "text" not in kinds[1:]
    return len(kinds) in _LABELLESS_WIDTHS and set(kinds) == {"cell"}
