"""A text export whose table cells a database or a crawler parted by ``|`` instead of tabs.

A report stored in a database field, or a crawler's text export, sometimes writes a table row's cells joined by
``|`` (a tab is its own record or column separator there), bare or with a space each side (a database client's
``(一)予以公开 | 0 | 0 | …``)::

    (一)予以公开|0|0|0|0|0|0|0
    ||1.属于国家秘密|0|0|0|0|0|0|0|||
    |0

That is the tab text the report's Word or web page gives, each tab written ``|``: read so (each such pipe a tab),
its rows read as tab rows do, an empty field between two pipes an empty cell. A Markdown table is something else:
its rows stand between outer pipes on every line, usually padded (``| 0 | 0 |``), under a rule line
(``|---|---|``); and a table a crawler ran onto one line (:mod:`.pipe_runs`) holds dozens of pipes on a line. So
this applies only to a text whose lines with pipes hold no tab, no rule line and no such long run, most of those
lines not closed by pipes at both ends, and nearly every pipe bare (no space beside it) or nearly every one spaced
alike (one space each side, none at a line's end): a GFM table without outer pipes has a rule line.
"""

from __future__ import annotations

import re

from .md_rule import MD_RULE

__all__ = ["tabbed_bare_pipes"]

#: this many lines with pipes at least: a few bars in a text (a breadcrumb, a page's footer) part no cells
_MIN_LINES = 10
#: this many lines at least part a table row's cells (four pipes or more), or this many hold one cell each after
#: their pipe (a one-cell-a-line export's ``⇥0``: ``|0``): OCR reads a table's rules as lone bars
_MIN_ROWS = 5
_ROW_PIPES = 4
_MIN_CELL_LINES = 30
#: a line with more pipes than this is a whole table run onto one line (pipe_runs.py reads it)
_MAX_PIPES = 24
#: at most this share of the lines with pipes stand between two outer pipes (a Markdown table's: all of them)
_MAX_CLOSED = 0.5
#: at least this share of the pipes have no space beside them, or this share a space each side
_MIN_ALIKE = 0.9
#: a pipe and the one space each side of it (a database client's separator)
_SPACED_PIPE = re.compile(r" ?\| ?")


def _bare(line: str, at: int) -> bool:
    return (at == 0 or line[at - 1] != " ") and line[at + 1:at + 2] != " "


def _spaced(line: str, at: int) -> bool:
    return (at == 0 or line[at - 1] == " ") and (at == len(line) - 1 or line[at + 1] == " ")


def tabbed_bare_pipes(text: str) -> str:
    """``text`` with each pipe of its cell-parting lines (with the space each side of it, where the export spaces
    them) written as a tab (see the module docstring), or ``text`` itself where its pipes are not such an export's."""
    if text.count("|") < _MIN_LINES:
        return text
    lines = text.split("\n")
    piped = [i for i, line in enumerate(lines) if "|" in line]
    if len(piped) < _MIN_LINES or any("\t" in lines[i] or lines[i].count("|") > _MAX_PIPES
                                      or MD_RULE.match(lines[i]) for i in piped):
        return text
    closed = sum(1 for i in piped if (s := lines[i].strip()).startswith("|") and s.endswith("|") and len(s) > 1)
    pipes = [(i, at) for i in piped for at, ch in enumerate(lines[i]) if ch == "|"]
    rows = sum(lines[i].count("|") >= _ROW_PIPES for i in piped)
    cells = sum(lines[i].count("|") == 1 and (cell := lines[i].lstrip(" "))[:1] == "|" and cell[1:].strip() != ""
                for i in piped)
    if closed > _MAX_CLOSED * len(piped) or (rows < _MIN_ROWS and cells < _MIN_CELL_LINES):
        return text
    if sum(_bare(lines[i], at) for i, at in pipes) >= _MIN_ALIKE * len(pipes):
        for i in piped:
            lines[i] = lines[i].replace("|", "\t")
    elif sum(_spaced(lines[i], at) for i, at in pipes) >= _MIN_ALIKE * len(pipes):
        for i in piped:
            lines[i] = _SPACED_PIPE.sub("\t", lines[i])
    else:
        return text
    return "\n".join(lines)
