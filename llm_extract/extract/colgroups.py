"""表三 printed as bands of columns, each column's cells a group of lines of their own.

``pdftotext`` (default mode) may print a wide table (Chromium's landscape or small-font pages,
LibreOffice's grids) column by column within bands of rows: for the first rows (一、 and 二、) the
自然人 column's two numbers, then 商业企业's two, … then 总计's two; then the next band of rows the same
way, each column's numbers one to a line and a blank line after them. The row labels stand elsewhere
(all of them first, as a column of their own) and the column headers either before the first band or
each right before its column's group of the first band. Such a table can be printed after 表四's
heading, or even after 五's.

Here a *group* is a run of lines each holding one number alone, ended by a blank line or by text. A
*band* is seven consecutive groups of one size ``k``: the next ``k`` rows of the form, one column to a
group, left to right. The table is read when a window of consecutive groups after 表三's heading tiles
the form's 25 rows as bands (text only between the first band's groups, its column headers, or before a
band, a page's furniture or repeated headers: never between a later band's groups), every
identity of 表三 holds in it, and no other window holding every identity reads other values.

The columns' order is the page's, left to right, which the identities cannot check (the six applicant
columns are alike): such a table is never proven (``READ.COLUMN_RUNS``) but for its cells no order of the
six applicant columns changes (verify/guesses.py).
"""

from __future__ import annotations

from ..evidence import Method, Reading
from ..form import FORM
from .blocktext import Number, heading_line, split_numbers
from .blocktiles import table3_broken
from .layout import is_page_furniture
from .readings import Readings

__all__ = ["read_column_groups"]

_ROWS = tuple(r.key for r in FORM.table3_rows)
_COLS = tuple(c.key for c in FORM.table3_columns)
_WIDTH = len(_COLS)
_T3_HEADING = FORM.headings["表三"]


def _groups(lines: list[str], start: int) -> list[tuple[bool, list[Number]]]:
    """Every group of numbers after line ``start`` (1-based), with whether text stands right before it
    (since the group before)."""
    groups: list[tuple[bool, list[Number]]] = []
    group: list[Number] = []
    text = False
    for n in range(start + 1, len(lines) + 1):
        raw = lines[n - 1].replace("\x0c", " ").strip()
        if raw and is_page_furniture(raw):
            raw = ""
        words, numbers = split_numbers(raw, n) if raw else ("", [])
        if raw and not words and len(numbers) == 1:
            group.append(numbers[0])
            continue
        if group:
            groups.append((text, group))
            group, text = [], False
        text = text or bool(raw)
    if group:
        groups.append((text, group))
    return groups


def _tile(groups: list[tuple[bool, list[Number]]], first: int) -> list[Number] | None:
    """The table in row-major order from ``groups[first]`` on, when its groups tile the 25 rows as bands
    of seven groups of one size, text standing only before the first band's groups or before a band (a page
    break, its headers repeated)."""
    rows: list[list[Number]] = []
    i = first
    while len(rows) < len(_ROWS):
        band = groups[i:i + _WIDTH]
        if len(band) < _WIDTH:
            return None
        k = len(band[0][1])
        if any(len(g) != k for _, g in band) or (rows and any(text for text, _ in band[1:])) \
                or len(rows) + k > len(_ROWS):
            return None
        rows += [[g[r] for _, g in band] for r in range(k)]
        i += _WIDTH
    return [n for row in rows for n in row]


def _holds(numbers: list[Number]) -> bool:
    """Every 表三 identity holds with the numbers placed row-major (a blank counts 0)."""
    if any(n.cell.value is not None and not isinstance(n.cell.value, int) for n in numbers):
        return False
    values = {f"applications.{_ROWS[i // _WIDTH]}.{_COLS[i % _WIDTH]}": n.cell.value for i, n in enumerate(numbers)}
    return not table3_broken(values)


def read_column_groups(lines: list[str]) -> Readings | None:
    """表三 from its bands of column groups (see the module's docstring), or ``None``."""
    start = heading_line(lines, _T3_HEADING)
    if start is None:
        return None
    groups = _groups(lines, start)
    tables = [t for first in range(len(groups)) if (t := _tile(groups, first)) is not None and _holds(t)]
    if not tables or any([n.cell.value for n in t] != [n.cell.value for n in tables[0]] for t in tables[1:]):
        return None
    return {f"applications.{_ROWS[i // _WIDTH]}.{_COLS[i % _WIDTH]}":
            Reading(n.cell.plain, n.cell.kind, n.cell.raw, [n.line], Method.FORM_ORDER_RUNS, n.cell.note)
            for i, n in enumerate(tables[0])}
