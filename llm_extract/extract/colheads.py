"""表三 printed column by column, each column's numbers right under its printed header.

``pdftotext`` (default mode) may print a wide table (Chromium's landscape or small-font pages) one
column at a time: the column's header (自然人, 商业企业, …, 总计, on one line or wrapped over two or
three) and right after it the column's cells for every row, one to a line, top to bottom; the row
labels stand elsewhere (all of them first), and the columns may be scattered among 表四's or 五's text.

The table is read when each of the seven column headers is printed exactly once right before a run of
exactly as many numbers as the form has rows (25, or 23 where （六）其他处理 is printed as one row and
none of its sub-rows' labels is), every identity of 表三 holds, and no other header word is followed by
such a run. The header places the column, the form's order its rows. Where a column's header is
misplaced among the others (a text tool's order), the six applicant columns are alike to the
identities: such a table is never proven (``READ.COLUMN_RUNS``) but for its cells no order of the six
applicant columns changes (verify/guesses.py).
"""

from __future__ import annotations

from ..evidence import Method
from ..form import FORM
from .blocktext import Number, all_counts, heading_line, split_numbers
from .t3instances import table3_broken
from .onerowform import ONE_ROWS, one_row_readings
from .labels import rows_named
from .layout import is_page_furniture, label_key
from .readings import Readings, reading

__all__ = ["read_column_heads"]

_ROWS = FORM.table3_row_keys
_COLS = FORM.table3_column_keys
_HEADERS = {label_key(c.label): c.key for c in FORM.table3_columns}
_T3_HEADING = FORM.headings["表三"]
_T4_HEADING = FORM.headings["表四"]
#: a header wrapped over at most this many lines (法律 / 服务 / 机构)
_WRAP = 3
#: （六）其他处理's sub-rows but its last: a label of theirs printed means they are rows of their own
_SUB_ROWS = tuple(r for r in _ROWS if r not in ONE_ROWS)
#: the row that stands for （六）其他处理 printed as one row
_ONE_ROW = "other_other"


def _cells(lines: list[str], start: int) -> list[tuple[str, list[Number]]]:
    """Each line after ``start`` (1-based) as (its text's label key, the numbers after it); blank and page
    furniture lines as ``("", [])``."""
    out = []
    for n in range(start + 1, len(lines) + 1):
        raw = lines[n - 1].replace("\x0c", " ").strip()
        if not raw or is_page_furniture(raw):
            out.append(("", []))
            continue
        text, numbers = split_numbers(raw, n)
        out.append((label_key(text) if text else "", numbers))
    return out


def _run(cells: list[tuple[str, list[Number]]], i: int) -> list[Number]:
    """The numbers printed one to a line from ``cells[i]`` on, with no text or blank line among them."""
    run: list[Number] = []
    while i < len(cells) and not cells[i][0] and len(cells[i][1]) == 1:
        run.append(cells[i][1][0])
        i += 1
    return run


def _columns(cells: list[tuple[str, list[Number]]]) -> dict[str, list[list[Number]]]:
    """Column key → the runs of numbers printed right after its header (one line or wrapped)."""
    out: dict[str, list[list[Number]]] = {}
    for i in range(len(cells)):
        words = ""
        for j in range(i, min(i + _WRAP, len(cells))):
            text, numbers = cells[j]
            if not text or numbers:
                break
            words += text
            if words in _HEADERS:
                if run := _run(cells, j + 1):
                    out.setdefault(_HEADERS[words], []).append(run)
                break
    return out


def _holds(columns: dict[str, list[Number]], rows: tuple[str, ...]) -> bool:
    values = {f"applications.{r}.{c}": 0 for r in _ROWS for c in _COLS}
    for c, run in columns.items():
        if not all_counts(run):
            return False
        values.update({f"applications.{r}.{c}": n.cell.value for r, n in zip(rows, run)})
    return not table3_broken(values)


def read_column_heads(lines: list[str]) -> Readings | None:
    """表三 from its columns each under its printed header (see the module's docstring), or ``None``."""
    start = heading_line(lines, _T3_HEADING)
    if start is None:
        return None
    cells = _cells(lines, start)
    end = heading_line(lines, _T4_HEADING, start) or len(lines)
    named = {r for text, _ in cells[:end - start] if text for r in rows_named(text)}    # (表三's labels)
    found = _columns(cells)
    for rows in (_ROWS, ONE_ROWS):
        if rows is ONE_ROWS and named & set(_SUB_ROWS):
            continue
        columns = {c: [run for run in runs if len(run) == len(rows)] for c, runs in found.items()}
        if set(columns) != set(_COLS) or any(len(runs) != 1 for runs in columns.values()):
            continue
        placed = {c: runs[0] for c, runs in columns.items()}
        if not _holds(placed, rows):
            continue
        out = {f"applications.{r}.{c}": reading(n.cell, [n.line], Method.FORM_ORDER_RUNS)
               for c, run in placed.items() for r, n in zip(rows, run)}
        if rows is ONE_ROWS:
            six = rows.index(_ONE_ROW)
            out.update(one_row_readings([placed[c][six] for c in _COLS]))
        return out
    return None
