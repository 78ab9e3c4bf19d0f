"""表三's last four rows' first cells, each printed right after its label's first line (plain ``pdftotext`` of a
Word table whose label columns are narrow).

The last rows of such a table (2.申请人逾期未按收费…, 3.其他, （七）总计, 四、结转下年度继续办理) come out as each
label's first line, then the cells of the row's first columns (as many for every row), then the label's other
pieces; the row's other cells are printed far after, past 表四's heading, in an order of the tool's::

    2.申请
    0
    0
    人逾
    …
    3.其他
    0
    0
    （七）总计
    1
    0
    四、结转下年度继续办
    0
    0
    理

:func:`read_row_heads` reads those first cells where the four rows stand so: the same number of cells (one to
six) after each of the four labels, in the form's order, the fee row's label wrapped in a narrow cell (its first
line a few characters) and named by nothing but its first line (the row before 3.其他). The other cells are left
unread; no identity checks a part of a row, so these are read and never proven (``READ.COLUMN_RUNS``).
"""

from __future__ import annotations

import re

from ..evidence import Method
from ..form import FORM
from .blocktext import Number, all_counts, heading_span, printed_lines
from .layout import label_key
from .readings import Readings, reading

__all__ = ["read_row_heads"]

_ROWS = FORM.table3_row_keys
_COLS = FORM.table3_column_keys
_LABELS = [label_key(r.label) for r in FORM.table3_rows]
#: a label's number (an item's, a group's): where a line's label begins, a group title's piece before it
_NUMBER = re.compile(r"\d{1,2}[.．、]|[(（][一二三四五六七][)）]|[一二三四]、")
#: the longest piece of a label wrapped in a narrow cell, printed after the row's first cells
_PIECE = 6
#: the fewest rows so printed
_FEWEST = 3


def _lines_after(lines: list[str]) -> list[tuple[str, list[Number]]]:
    """表三's region as its text lines (label keys), each with the numbers printed alone on the lines after it."""
    if (span := heading_span(lines, FORM.headings["表三"], FORM.headings["表四"])) is None:
        return []
    out: list[tuple[str, list[Number]]] = []
    for _, raw, text, numbers in printed_lines(lines, *span):
        if text:
            out.append((label_key(raw), []))
        elif out:
            out[-1][1].extend(numbers)
    return out


def _begins(key: str, row: int) -> bool:
    """Whether the line begins row ``row``'s label (from its last label number on: 四、结转下年度继, 3.其,
    (六)1.申请, (七)合计), a character at least after the number."""
    found = [m for m in _NUMBER.finditer(key)]
    if not found:
        return False
    piece = key[found[-1].start():].replace("合计", "总计")     # (（七）合计: the form's 总计)
    return len(piece) >= len(found[-1].group()) + 1 and _LABELS[row].startswith(piece)


def read_row_heads(lines: list[str]) -> Readings | None:
    """The last rows' first cells (see the module's docstring), or ``None``."""
    pairs = _lines_after(lines)
    printed = [i for i, (_, numbers) in enumerate(pairs) if numbers]
    if not printed or not _begins(pairs[printed[-1]][0], len(_ROWS) - 1):
        return None
    k = len(pairs[printed[-1]][1])
    rows: list[tuple[int, int]] = []              # (row, pair index), from the last row up
    for i in reversed(printed):
        row = len(_ROWS) - 1 - len(rows)
        if len(pairs[i][1]) != k or not _begins(pairs[i][0], row):
            break
        rows.append((row, i))
    if len(rows) < _FEWEST or not 0 < k < len(_COLS) or not all(all_counts(pairs[i][1]) for _, i in rows):
        return None
    pieces = [key for key, _ in pairs[rows[-1][1] + 1:rows[0][1]] if not any(_begins(key, r) for r, _ in rows)]
    if not pieces or any(len(p) > _PIECE for p in pieces):
        return None                 # (a label's other pieces printed after its first cells: a narrow cell)
    return {f"applications.{_ROWS[row]}.{_COLS[c]}": reading(n.cell, [n.line], Method.FORM_ORDER_RUNS)
            for row, i in rows for c, n in enumerate(pairs[i][1])}
