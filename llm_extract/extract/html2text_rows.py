"""html2text's table rows: fields parted by `` | ``, no outer pipes, an empty cell an empty field.

html2text writes a web page's table as rows of fields between pipes, without the pipes at either end, and a rule of
dashes under the table's first row (``---|---|---``)::

    | 申请人情况
    ---|---
    三、本年度办理结果 | （一）予以公开 |  | 2 | 0 | 0 | 0 |  | 0 | 2

A row whose first field is empty starts with a pipe; a space stands on each side of every pipe. Read as words and
numbers, the pipes part nothing and an empty cell leaves no trace: the row above has six numbers for seven cells.
Where the text holds such a rule line (dashes between pipes, none at the ends: no other text writes one), every
line of a table region holding a pipe is such a row: it is written with the outer pipes a Markdown row has, so that
its fields are read as a grid's, an empty field an empty cell; a row of empty fields only (``|  |  |``, a spacer) is
no row of cells and is left empty (a reader of one cell a line would take it for one empty cell). OCR'd text, whose table rules may stand as pipes
between spaces, has no rule line and is left as it is.
"""

from __future__ import annotations

import re

__all__ = ["html2text_rows", "writes_pipe_rows"]

#: html2text's rule under a table's first row: dashes between pipes, no outer pipe (a GFM writer's: any number of
#: dashes, colons for alignment, ``:-:|---|--``)
_RULE = re.compile(r"^\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+$")
#: a line holding numbers only, parted by pipes: a row's cells broken off it
_NUMBERS_ONLY = re.compile(r"^\s*\d[\d.]*(?:\s*\|\s*\d[\d.]*)*\s*$")


def writes_pipe_rows(lines: list[str]) -> bool:
    """Whether the text holds html2text's rule line."""
    return any(("-|" in line or ":|" in line) and _RULE.match(line) for line in lines)


def _row(line: str) -> str:
    text = line.strip()
    if "|" not in text or _RULE.match(text):
        return line
    if not text.replace("|", "").strip():
        return ""                       # a row of empty fields only (a spacer row): no cell, not one empty cell
    if text[:1] == "|" and text[-1:] == "|" and len(text) > 1:
        return line                     # (a Markdown row with its outer pipes is read as one already)
    return "|" + text + "|"


def html2text_rows(lines: list[str], start: int, end: int) -> list[str]:
    """``lines`` with the pipe rows of lines ``start`` … ``end - 1`` (1-based) written with outer pipes, a row
    whose last cell's text went onto the next line (:func:`_broken_cell`) joined with it first."""
    out = list(lines)
    for n in range(start, end - 1):
        if _broken_cell(out[n - 1], out[n]):
            out[n - 1], out[n] = out[n - 1].rstrip() + " " + out[n].strip(), ""
    for n in range(start, end):
        out[n - 1] = _row(out[n - 1])
    return out


def _broken_cell(line: str, nxt: str) -> bool:
    """Whether ``line`` ends in an empty field whose text is ``nxt``: a cell whose content html2text wrote as a
    paragraph of its own (``行政规范性文件| 3| 0|`` / ``70``; ``规章| 0|`` / ``0| 0``). A line of numbers only; a
    row's own first field (``2| 二、上年结转…``: a 序号 column) holds text after it and is no such line."""
    return "|" in line and line.rstrip().endswith("|") and bool(_NUMBERS_ONLY.match(nxt))
