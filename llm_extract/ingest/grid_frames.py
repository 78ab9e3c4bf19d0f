"""A layout table drawn as a grid around a page's article: the frame taken off, its text kept as lines.

Many government sites place the article in a cell of a page-layout ``<table>``. Pandoc's plain text writes that
outer table as a grid of one column whose cell holds every line of the article, the report's own tables
(grids themselves) included::

    +--------------------------------------------------+
    | 二、主动公开政府信息情况                         |
    |                                                  |
    | +----------------+--------------+                |
    | | 信息内容       | 本年制发件数 |                |
    | +----------------+--------------+                |
    +--------------------------------------------------+

Read as one grid, the inner tables' ``+`` are taken for the outer grid's column bounds and nothing parses; read
as one cell, the article's lines and its tables become one run-on string. :func:`frame_interior` gives the
lines inside such a frame (the border columns cut off, display width counted: a Chinese character takes two
columns), so the caller reads them as text again, the inner grids as the tables they are. Only a frame of one
column is taken off, and only when every line of the block keeps its two borders at the frame's edges.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["frame_interior"]

#: a one-column grid's border: ``+-----+`` (no inner ``+``)
_FRAME_BORDER = re.compile(r"^\+[-=:]+\+$")


def _display(line: str) -> list[str]:
    """The line by display column: a wide character takes two, the second held by ``""``."""
    out: list[str] = []
    for ch in line:
        out.append(ch)
        if unicodedata.east_asian_width(ch) in ("W", "F"):
            out.append("")
    return out


def frame_interior(block: list[str]) -> list[str] | None:
    """The lines inside a one-column grid (``block``: its lines, top and bottom border included), a row's
    border inside the frame an empty line; None when ``block`` is no such frame."""
    if len(block) < 3 or not _FRAME_BORDER.match(block[0]) or not _FRAME_BORDER.match(block[-1]):
        return None
    right = len(block[0]) - 1               # (a border is ASCII: its length is its display width)
    if len(block[-1]) - 1 != right:
        return None
    out: list[str] = []
    for line in block[1:-1]:
        if _FRAME_BORDER.match(line) and len(line) - 1 == right:
            out.append("")                  # a row's border: the layout table's rows are paragraphs
            continue
        row = _display(line)
        if len(row) != right + 1 or row[0] != "|" or row[right] != "|":
            return None
        out.append("".join(row[1:right]).rstrip())
    if all(x[:1] == " " for x in out if x):
        out = [x[1:] for x in out]          # the cell's padding: one space after the border
    return out
