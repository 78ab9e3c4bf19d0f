"""Pandoc's headerless simple and multiline tables in text: each read as the HTML reader reads a table.

Pandoc's plain text writes a table without a header row between two lines of dashes, one run of dashes over
each column, the cells under their runs and apart by spaces only::

      -- ---------------- ----------------------------- --- --- ---
         （四）无法提供   1、本机关不掌握相关政府信息    0   1   1
      -- ---------------- ----------------------------- --- --- ---

A table's rows are its lines (a simple table), or, where blank lines stand between them, the blocks of lines
between blank lines, a cell's text wrapped over a block's lines (a multiline table). Read line by line, the
columns are only spaces: an empty cell leaves no mark, and a label cut into two cells reads as one.
:func:`unfold_simple_tables` cuts each line at its columns (display width counted: a Chinese character takes
two columns) and writes the table as the HTML reader writes one (one cell per line, an empty line after each
row: :func:`~llm_extract.ingest.html.html_to_text`). A table whose text stands outside its columns, or whose
closing line is not the opening line's, stays as it is.
"""

from __future__ import annotations

import html
import re

from .grid_frames import display_columns
from .html import html_to_text

__all__ = ["unfold_simple_tables"]

#: a line of dash runs, two at least, apart by spaces (the table's opening or closing line)
_DASHES = re.compile(r"^( *)-+(?: +-+)+ *$")
#: lines at most in one table (a bound on the work; a longer block stays text)
MAX_TABLE_LINES = 2_000


def _runs(line: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"-+", line)]


def _cells(line: str, runs: list[tuple[int, int]]) -> list[str] | None:
    """The line's text under each run; None when text stands between two runs (no column of this table)."""
    chars = display_columns(line)
    edges = [0] + [e for _, e in runs]
    starts = [s for s, _ in runs] + [len(chars) + 1]
    if any("".join(chars[a:b]).strip() for a, b in zip(edges, starts)):
        return None
    return ["".join(chars[s:e]).strip() for s, e in runs]


def _rows(body: list[str], runs: list[tuple[int, int]]) -> list[list[str]] | None:
    """The table's rows: a line each, or where blank lines part them, a block of lines each (a multiline
    table; pandoc ends a one-row one with a blank line: no row)."""
    while body and not body[-1].strip():
        body = body[:-1]
    while body and not body[0].strip():
        body = body[1:]
    if not body:
        return None
    groups: list[list[str]] = [[]]
    for line in body:
        if line.strip():
            groups[-1].append(line)
        else:
            groups.append([])
    if len(groups) == 1:
        groups = [[line] for line in groups[0]]          # a simple table: a row to a line
    rows: list[list[str]] = []
    for group in groups:
        cut = [_cells(line, runs) for line in group]
        if not group or any(c is None for c in cut):
            return None
        rows.append(["".join(c[k] for c in cut if c is not None) for k in range(len(runs))])
    return rows


def _as_text(rows: list[list[str]]) -> str:
    cells = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    return html_to_text(f"<table>{cells}</table>").strip("\n")


def unfold_simple_tables(text: str) -> str:
    """``text`` with each headerless simple or multiline table written as the HTML reader writes a table."""
    if "-- " not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        m = _DASHES.match(lines[i])
        if not m:
            out.append(lines[i])
            i += 1
            continue
        j = i + 1
        while j < len(lines) and j - i < MAX_TABLE_LINES and lines[j].rstrip() != lines[i].rstrip() \
                and not _DASHES.match(lines[j]):
            j += 1
        rows = None
        if j < len(lines) and lines[j].rstrip() == lines[i].rstrip():
            rows = _rows(lines[i + 1:j], _runs(lines[i]))
        if rows is None:
            out.append(lines[i])
            i += 1
            continue
        out.extend(["", _as_text(rows), ""])
        i = j + 1
    return "\n".join(out)
