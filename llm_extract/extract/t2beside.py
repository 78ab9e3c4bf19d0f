"""表二's rows of several columns in ``pdf2txt.py`` text, each row's first cell boxed with its label.

pdfminer may box a row's label with the cell right beside it and print the row's other cells apart: the
column headers (本年制发件数 / 本年废止件数 / 现行有效件数) first, then ``规章 / 0 / 行政规范性文件 / 23 / 0 /
1 / 0 / 25``: each label and its first column's cell, then the other columns' cells column by column (the
two rows' 本年废止件数, then their 现行有效件数). Read only in exactly that shape: the headers printed before
the first label in the form's order, each of the rows' labels in the form's order followed by one number,
then exactly the other columns' cells, one to a line, and text (or the end) after them. Placed by position
alone, like every other reading of 表二's boxes (never proven: no identity checks 表二).
"""

from __future__ import annotations

from ..form import FORM
from ..form.spec import Table2Row
from .blocktext import Number, heading_line, split_numbers
from .layout import is_page_furniture, label_key

__all__ = ["beside_labels"]

_T2_HEADING = FORM.headings["表二"]
#: the rows sharing several columns (规章, 行政规范性文件) and those columns' headers, in the form's order
_ROWS = tuple(r for r in FORM.table2 if len(r.columns) > 1)
_HEADERS = tuple(label_key(c.label) for c in _ROWS[0].columns) if _ROWS else ()


def _items(lines: list[str], start: int) -> list[tuple[str, list[Number]]]:
    """The non-blank lines after ``start`` as (text key, numbers), page furniture left out."""
    out = []
    for n in range(start + 1, len(lines) + 1):
        raw = lines[n - 1].replace("\x0c", " ").strip()
        if raw and not is_page_furniture(raw):
            text, numbers = split_numbers(raw, n)
            out.append((label_key(text) if text else "", numbers))
    return out


def _names(key: str, row: Table2Row) -> bool:
    return bool(key) and bool(row.pattern.search(key))


def beside_labels(lines: list[str]) -> dict[str, Number]:
    """The shared rows' cells (path → number) in the shape of the module's docstring, else ``{}``."""
    start = heading_line(lines, _T2_HEADING)
    if start is None or len(_ROWS) < 2:
        return {}
    items = _items(lines, start)
    first = next((i for i, (key, numbers) in enumerate(items) if not numbers and _names(key, _ROWS[0])), None)
    if first is None or [k for k, _ in items[:first] if k in _HEADERS] != list(_HEADERS):
        return {}
    width, placed = len(_HEADERS), {}
    i = first
    for row in _ROWS:                   # each label, then its first cell alone
        if i + 1 >= len(items) or items[i][1] or not _names(items[i][0], row) \
                or items[i + 1][0] or len(items[i + 1][1]) != 1:
            return {}
        placed[f"{row.path}.{row.columns[0].key}"] = items[i + 1][1][0]
        i += 2
    rest = [numbers[0] for key, numbers in items[i:i + len(_ROWS) * (width - 1)] if len(numbers) == 1 and not key]
    after = items[i + len(rest):i + len(rest) + 1]
    if len(rest) != len(_ROWS) * (width - 1) or (after and (not after[0][0] or after[0][1])):
        return {}
    for c, col in enumerate(_ROWS[0].columns[1:]):
        for r, row in enumerate(_ROWS):
            placed[f"{row.path}.{col.key}"] = rest[c * len(_ROWS) + r]
    return placed
