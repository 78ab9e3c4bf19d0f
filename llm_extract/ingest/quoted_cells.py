"""Cells a spreadsheet quoted when its table was pasted as text: one logical row over several lines.

A table copied from Excel (or WPS) and pasted into a text file is tab-separated, and a cell holding a line
break is written in double quotes with the break inside::

    "二、上年结转政府
    信息公开申请数量"	0	0	0	0	0	0	0

Read line by line, the label is torn from its numbers. :func:`join_quoted_cells` puts such a row back on
one line (the cell's own line breaks taken out, its quotes and doubled quotes undone as the spreadsheet
wrote them), using :mod:`csv`'s reading of tab-separated text. Only a line with a tab, or a line that opens
a quoted field next to one, is touched; a quote that never closes leaves the text as it is.
"""

from __future__ import annotations

import csv
import re

__all__ = ["join_quoted_cells"]

#: a field that opens a quote and does not close it on its line: at the line's start or after a tab
_OPENS = re.compile(r'(?:^|\t)"(?:[^"]|"")*$')
#: lines a quoted cell may take at most (a longer one is not a pasted cell)
MAX_CELL_LINES = 12


def _fields(row: str) -> list[str]:
    return next(csv.reader([row], delimiter="\t", quotechar='"', strict=False))


def join_quoted_cells(text: str) -> str:
    """``text`` with each row a pasted table spread over lines (quoted cells with line breaks) on one line."""
    if '"' not in text or "\t" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if _OPENS.search(line):
            j = i + 1
            joined = line
            while j < len(lines) and j - i <= MAX_CELL_LINES and joined.count('"') % 2:
                joined += "\n" + lines[j]
                j += 1
            if joined.count('"') % 2 == 0 and "\t" in joined:
                fields = _fields(joined)
                out.append("\t".join(f.replace("\r", "").replace("\n", "") for f in fields))
                i = j
                continue
        out.append(line)
        i += 1
    return "\n".join(out)
