"""A one-cell-a-line text export whose tabs a tool wrote as spaces.

Word's text export (and a page's text, as this project's HTML reader writes it) prints a table one cell to a line,
a tab before each cell's text, a tab alone for an empty cell: ``⇥0`` / ``⇥`` / ``⇥一、本年新收…``. An editor's or a
CMS's "tabs to spaces" (``expand``, or a tab written as one space) turns each into the same run of spaces:
``        0`` / ``        `` (eight, four or one). The empty cells then look like empty lines, and a row left
blank loses its seven cells. Where the text holds no tab and many lines hold a number alone after the same run of
spaces (no prose does: a table's cells), one right after another, and fewer lines hold that run alone, that run at
a line's start is the tab it was, and a line of only that run an empty cell. A page's text as lxml's text_content
gives it (each cell indented and between lines of the markup's indentation: ``  0`` / ``  `` / ``  `` / ``  3``) has
as many lines of spaces as cells, and no two cells on adjacent lines: it is left as it is.
"""

from __future__ import annotations

import re
from collections import Counter

__all__ = ["tabs_unexpanded"]

#: a line holding a number alone after its leading spaces (a cell of a table, one to a line)
_NUMBER_CELL = re.compile(r"^( +)\d+$", re.M)
#: this many such lines at least, with the same run of spaces before their numbers, this many of them right after
#: another, and lines of that run alone fewer than this share of the lines of text after it
_MIN_CELLS = 30
_MIN_ADJACENT = 20
_MAX_EMPTY_SHARE = 0.5


def tabs_unexpanded(text: str) -> str:
    """``text`` with the run of spaces its tabs became written as tabs again (see the module docstring), or ``text``
    itself."""
    if "\t" in text or not text.startswith(" ") and "\n " not in text:
        return text
    runs = Counter(len(m.group(1)) for m in _NUMBER_CELL.finditer(text))
    if not runs:
        return text
    width, count = runs.most_common(1)[0]
    if count < _MIN_CELLS:
        return text
    lines = text.split("\n")
    indent = " " * width
    numbers = [len(line) > width and line.startswith(indent) and line[width:].isdigit() for line in lines]
    empty = sum(1 for line in lines if line == indent)
    filled = sum(1 for line in lines if line.startswith(indent) and line[width:width + 1] not in ("", " "))
    if sum(a and b for a, b in zip(numbers, numbers[1:])) < _MIN_ADJACENT or empty >= _MAX_EMPTY_SHARE * filled:
        return text
    cell = re.compile(rf"^ {{{width}}}(?=[^ ]|$)", re.M)
    return cell.sub("\t", text)
