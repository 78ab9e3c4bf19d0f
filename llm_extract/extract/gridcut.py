"""A Markdown grid row cut by a page break (or a wrap): its numbers' last digits at the top of the next grid line.

A converter that prints a PDF's tables as Markdown (pymupdf4llm) closes a table at a page's foot and opens
another at the next page's head. A row whose numbers wrap inside narrow cells (290 printed ``29`` over ``0``)
may be cut by the page break between its two lines: the first table's last grid line holds the row with its
numbers' first digits, whole-looking (``| 三 | （一）予以公开 | 29 | 0 | 0 | 0 | 0 | 0 | 29 |``: its row sum holds),
and the next table's first grid line their rest, alone in those fields, every other value field empty
(``| 、<br>本 | （二）部分公开 | 0 |  |  |  |  |  | 0 |``: the 0 of 290, the next row's label beside it)::

    |三|（一）予以公开|29|0|0|0|0|0|29|


    |、<br>本|（二）部分公开|0||||||0|
    |---|---|---|---|---|---|---|---|---|

Such a line says the row's numbers may go on past the break: the row read from the line before it is not
read (missing, queued with what was printed), whatever its identities say. A line of the next table holding
numbers only where the row above holds numbers other than 0 (a count never goes on after a lone 0), and an
empty field among them, is what a cut leaves; a row printed whole holds a cell in every field. The same line right
under the row, no page break between, naming no row of its own (a converter's PDF tables: ``|（二）部分|29|…|29|``
over ``|公开|0||||||0|``, 290 wrapped in its narrow cell), says the same.

A page break is seen by what the converter writes at the next page's head: a table of its own, its first grid line
over a rule (``|---|---|``). Past empty lines with no table opened (html2text's rows, whose label broke over lines
joined into the first: the lines they stood on left empty; a row's empty cells written on lines of their own), the
next grid line is the next row of the same table, its empty cells blank cells: no cut.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..evidence import CellKind, Method
from ..schema import TABLE3_ROW_PATHS
from .labels import row_begun, rows_named
from .layout import Item, label_key
from .readings import Readings, missing

__all__ = ["doubt_rows_cut_at_page_break"]

#: a Markdown table's rule (``|---|:--:|``, outer pipes or not): the line above it is a table's first
_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$")
#: an item number or a group's number: a line holding one begins a row of its own
_ITEM_MARK = re.compile(r"[（(][一二三四五六七][）)]|\d{1,2}[.．、]|[一二三四][、．.]")


def _names_a_row(line: list[Item]) -> bool:
    """Whether a grid line's words begin or name a 表三 row (then it is that row, not another's rest)."""
    words = "".join(label_key(it.raw) for it in line if it.is_text)
    return bool(words) and (bool(_ITEM_MARK.search(words)) or bool(rows_named(words)) or row_begun(words) is not None)


def _rest_of_cut(row: list[Item], first: list[Item]) -> bool:
    """Whether grid line ``first`` (the next table's first) holds the rest of ``row``'s numbers: as many fields,
    numbers in some of the fields where ``row`` holds a number other than 0 and no value in its other value
    fields, one of them at least left empty."""
    if not first or first[0].width != row[0].width:
        return False
    going_on = {it.col for it in row if it.cell.is_number and it.cell.value != 0}
    fields = {it.col for it in row if it.is_value}
    values = {it.col for it in first if it.is_value and it.cell.kind is not CellKind.BLANK and it.col in fields}
    numbers = {it.col for it in first if it.is_value and it.cell.is_number and it.col in fields}
    return bool(numbers) and values == numbers and numbers <= going_on and bool(fields - values)


def _opens_table(lines: Sequence[str], n: int) -> bool:
    """Whether line ``n`` (1-based) of ``lines`` is a table's first: a rule right under it."""
    return n < len(lines) and bool(_RULE.match(lines[n]))


def doubt_rows_cut_at_page_break(items: Sequence[Item], out: Readings, lines: Sequence[str] | None = None) -> None:
    """Leave unread each 表三 row read from one grid line when the next grid line (the next table's first, past a page
    break; or the line right below, naming no row) holds the rest of its numbers (see the module docstring).
    ``lines``: the document's lines, where known: past empty lines, the next grid line must open a table."""
    by_line: dict[int, list[Item]] = {}
    for it in items:
        if it.grid:
            by_line.setdefault(it.line, []).append(it)
    if len(by_line) < 2:
        return
    grid_lines = sorted(by_line)
    after = dict(zip(grid_lines, grid_lines[1:]))
    for paths in TABLE3_ROW_PATHS.values():
        readings = [out.get(p) for p in paths]
        if any(r is None or r.missing or r.method != Method.GRID_ROW or len(set(r.lines)) != 1 for r in readings):
            continue
        line = readings[0].lines[0]     # (every cell read from one grid line)
        nxt = after.get(line)
        if nxt is None or any(it.line in range(line + 1, nxt) for it in items) \
                or nxt == line + 1 and _names_a_row(by_line[nxt]):
            continue                    # (text between, or the next row right below: no cut here)
        if nxt > line + 1 and lines is not None and not _opens_table(lines, nxt):
            continue                    # (empty lines, no table opened after them: no page break)
        if not _rest_of_cut(by_line[line], by_line[nxt]):
            continue
        for path, r in zip(paths, readings):
            out[path] = missing(r.raw or "", r.lines, r.method,
                                "the next grid line (past a page break, or right below naming no row) holds numbers "
                                "in this row's fields only: its numbers may go on there")
