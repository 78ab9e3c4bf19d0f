"""表四 printed on one line: fifteen numbers (:func:`full_line`), or fifteen tab-separated fields, its empty cells
empty fields (``4⇥⇥3⇥1⇥8⇥⇥⇥…``: :func:`tab_row_cells`, a field of OCR letters alone, ``S``, a cell in its place too;
every field empty, tab fields or a Markdown grid line's: :func:`empty_tab_row`). An empty line of its own beside the
row (a spacer paragraph under a table nested in a Word page's layout cell) is no cell of it.

A web page's or Word file's table saved as tab rows keeps every cell's field, an empty cell's too: the fields'
places are the cells' places. Counting the row's numbers alone (``4 3 1 8``: four for fifteen cells) loses where
they stand; the fields keep it. Read only when every value of 表四 stands on that one line, which has fifteen
fields (the tokenizer keeps each item's field index and the line's field count), and every group's total is the
sum of its results (an empty field a blank cell, counted 0). A field that holds words is no empty field: a PDF
converter that ran the header's words into the row's cells (pymupdf4llm: ``|0|0|5|0|5|结果<br>维持<br>19|…``)
leaves ten fields of words and numbers, and read as blank they made ten cells blank where the row prints counts.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..evidence import CellKind
from .cells import parse_cell
from .glued import groups_hold
from .layout import Item

__all__ = ["empty_tab_row", "full_line", "holds", "tab_row_cells"]

_CELLS = 15


def tab_row_cells(values: list[Item], items: Sequence[Item] = ()) -> list[Item] | None:
    """The fifteen cells of the one tab row holding every value of ``values``, an empty field a blank cell; None
    when the values are not so printed. A field holding words (``items``: the region's, a label's or a header's
    piece on the row's line, or any text in a field no value holds) is no empty field: fifteen fields of words and
    numbers (``行政复议⇥结果⇥维持⇥0⇥…``, a text tool's table joined with tabs; the header run into the row by a PDF
    converter, see the module's docstring) are not fifteen cells."""
    # an empty line of its own beside the row (no field of it: the spacer paragraph a Word page keeps under a table
    # nested in a layout cell, ``<p>&nbsp;</p>``, a tab or a no-break space alone) is no cell of a row of fifteen
    values = [it for it in values if it.col is not None or it.cell.kind is not CellKind.BLANK]
    if not values or len({it.line for it in values}) != 1 or len(values) >= _CELLS:
        return None
    if any(it.width != _CELLS or it.col is None for it in values) or len({it.col for it in values}) != len(values):
        return None
    by_col = {it.col: it for it in values}
    line = values[0].line
    if any(it.line == line and it.raw.strip() and (it.is_text or it.col is not None and it.col not in by_col)
           for it in items):
        return None
    cells = [by_col.get(c) or Item("", line, parse_cell(""), col=c, width=_CELLS, placed=True) for c in range(_CELLS)]
    if any(it.cell.kind is not CellKind.BLANK and not it.cell.is_number and not _letters_guessed(it) for it in cells):
        return None
    return cells if holds(cells) else None


def _letters_guessed(item: Item) -> bool:
    """Whether a field holds OCR-confusable letters only (``S``, ``O``): a cell kept missing, its digits' guess as its
    value (cells.letters_as_digits), in its field's place as any cell; the verifier never proves the guess."""
    return item.cell.kind is CellKind.MISSING and isinstance(item.cell.value, int)


def empty_tab_row(values: list[Item], lines: Sequence[str], start: int, end: int) -> list[Item] | None:
    """Fifteen blank cells where the table holds no value at all and exactly one of its lines ``start`` … ``end - 1``
    (1-based) is fifteen tab fields, or a Markdown grid line of fifteen fields between pipes (``|  |  | … |``), every
    one empty (a body with no case leaves 表四's row empty; the tokenizer makes no item of an empty field, so the row
    is seen only in its line)."""
    if values:
        return None
    rows = [n for n in range(max(start, 1), min(end, len(lines) + 1)) if _empty_fields(lines[n - 1]) == _CELLS]
    if len(rows) != 1:
        return None
    return [Item("", rows[0], parse_cell(""), col=c, width=_CELLS, placed=True) for c in range(_CELLS)]


def _empty_fields(line: str) -> int:
    """The number of fields of a tab row or a Markdown grid line (``| … |``) whose every field is empty; 0 for any
    other line."""
    text = line.strip()
    if "|" in text:
        if not (len(text) > 1 and text[0] == text[-1] == "|"):
            return 0
        fields = text[1:-1].split("|")
    else:
        fields = line.split("\t")
    return len(fields) if len(fields) > 1 and not "".join(fields).strip() else 0


def full_line(values: list[Item], numbers: list[Item]) -> list[Item] | None:
    """The 15 cells of one line printed whole (``0 0 0 0 0 1 0 0 0 1 0 0 0 0 0``), each group's total its four
    results, when the region's other numbers are each a line of their own after it (a page's number, ``3``,
    under the table of a text that lost its page breaks): a sixteenth cell is no place in 表四, and a line's
    number after a row that holds already is no wrapped piece of it."""
    lines: dict[int, list[Item]] = {}
    for it in values:
        lines.setdefault(it.line, []).append(it)
    rows = [its for its in lines.values() if len(its) == _CELLS and all(it.cell.is_number for it in its)]
    if len(rows) != 1 or not holds(rows[0]):
        return None
    row, line = rows[0], rows[0][0].line
    rest = [it for it in numbers if it.line != line]
    if not rest or any(it.line < line or len(lines[it.line]) != 1 for it in rest):
        return None
    return row


def holds(cells: list[Item]) -> bool:
    """Whether the cells are counts (or blank) whose every group's total is its four results' sum."""
    values = [it.cell.value for it in cells]
    return all(v is None or isinstance(v, int) for v in values) and groups_hold([v or 0 for v in values])
