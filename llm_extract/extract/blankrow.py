"""表三 with one row left blank, read in the form's order around it (plain ``pdftotext`` of a Word table).

A row whose seven cells are empty prints nothing where a cell is left empty and a mark (``/``, ``—``, ``-``) where
one holds a mark, in the tool's order: the region then holds 24 rows' numbers (168), a few marks or none, and all
25 labels, the blank row's too::

    …
    0  0  0  0  0  0  0        ← 4.无正当理由大量反复申请
    —                          ← 5.要求行政机关确认或重新出具已获取信息: two marks, five cells left empty
    -
    0  0  0  0  0  0  0        ← （六）1.申请人无正当理由逾期不补正…
    …

Which row printed nothing the text does not say in words. Each row is tried as the blank one: the other 24 are
read in the form's order as :mod:`.formorder` reads a whole table (by rows, or by blocks of rows printed column by
column, every identity holding, a blank counting 0), and the marks must stand where that row's cells do: each
mark between a number of a row above it and one of a row below it, or in a band printed column by column, right
before a number of the row below it (right after one of the row above it). The table is read only where exactly one row
so tried is left (a row of zeros among rows of zeros is as good a blank row as any where no mark says which,
and nothing is read then).

The blank row's cells are read blank (``null``: the text prints no number for them, where a Word table prints
``0`` for a zero). Nothing is proven: which row is blank is the marks' and the identities' choice, the order the
tool's (``Method.BLANK_ROW_PLACED``, ``READ.BLANK_ROW_PLACED``).
"""

from __future__ import annotations

import re

from ..evidence import Method
from ..form import FORM
from .blocktext import Number, bare_total, heading_span
from .cells import parse_cell
from .formorder import read_rows
from .regionevents import region_events
from .readings import Readings, reading
from .roworder import TEXT, Event

__all__ = ["read_blank_row"]

_ROWS = FORM.table3_row_keys
_COLS = FORM.table3_column_keys
_WIDTH = len(_COLS)
_TOTAL_ROW = _ROWS.index("total_processed")
_EMPTY = parse_cell("")
#: a word that is a count (the region's numbers, page numbers among them)
_COUNT = re.compile(r"[0-9０-９]+")


def _marks_placed(stream: list[Number], rows_of: dict[int, int], blank: int) -> bool:
    """Every mark in the printed ``stream`` stands where a cell of row ``blank`` does: after a number of a row above
    it (or the start) and before one of a row below it (or the end), or, in a band of rows printed column by column
    that it begins (ends), before a number of the row right below it (after one of the row right above it), the
    previous (next) column's last (first) cell on the other side; ``rows_of``: each number's row (by ``id``)."""
    for k, item in enumerate(stream):
        if item.cell.is_number:
            continue
        above = next((rows_of[id(x)] for x in reversed(stream[:k]) if x.cell.is_number), -1)
        below = next((rows_of[id(x)] for x in stream[k + 1:] if x.cell.is_number), len(_ROWS))
        if not (above < blank < below or below == blank + 1 < above or above == blank - 1 > below):
            return False
    return True


def read_blank_row(lines: list[str]) -> Readings | None:
    """表三 from a region of 24 rows' numbers and 25 labels, one row blank (see the module's docstring)."""
    if (span := heading_span(lines, FORM.headings["表三"], FORM.headings["表四"])) is None:
        return None
    start, end = span
    tokens = sum(1 for line in lines[start:end - 1] for word in line.split() if _COUNT.fullmatch(word))
    if not (len(_ROWS) - 1) * _WIDTH <= tokens < len(_ROWS) * _WIDTH:
        return None                         # (a quick count first: most regions hold all 175 or far fewer)
    printed = region_events(lines, start, end)
    stream = [number for _, number in printed if number is not None]
    if len(stream) > len(_ROWS) * _WIDTH:
        return None                         # (marks beyond a blank row's seven: other rows hold marks, not numbers)
    events: list[Event] = [(row, number) for row, number in printed if number is None or number.cell.is_number]
    if sum(number is not None for _, number in events) != (len(_ROWS) - 1) * _WIDTH:
        return None
    total = bare_total(lines, start, end)       # (a bare 总计 stands for （七）总计's label)
    named = {row for row, number in events if number is None and row != TEXT} | ({_TOTAL_ROW} if total else set())
    if named != set(range(len(_ROWS))):
        return None                         # a label not found: its row may be the blank one as well
    found: list[tuple[int, list[Number], tuple[str, ...]]] = []
    for blank, key in enumerate(_ROWS):
        rows = tuple(r for r in _ROWS if r != key)
        tried = [(TEXT, None) if number is None and row == blank else (row, number) for row, number in events]
        if (read := read_rows(tried, rows, total)) is None:
            continue
        rows_of = {id(n): _ROWS.index(rows[i // _WIDTH]) for i, n in enumerate(read[0])}
        if _marks_placed(stream, rows_of, blank):
            found.append((blank, read[0], rows))
    if len(found) != 1:
        return None
    blank, numbers, rows = found[0]
    out = {f"applications.{rows[i // _WIDTH]}.{_COLS[i % _WIDTH]}":
           reading(n.cell, [n.line], Method.BLANK_ROW_PLACED) for i, n in enumerate(numbers)}
    out.update({f"applications.{_ROWS[blank]}.{c}": reading(_EMPTY, [], Method.BLANK_ROW_PLACED) for c in _COLS})
    return out
