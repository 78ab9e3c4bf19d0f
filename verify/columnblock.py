"""表三 printed column by column under its labels: each column's header, then its cells one a line.

    column_block(keys, values, patterns) -> {form row index: ColumnRow}

For grounding (:mod:`verify.grounding`) in a crawler's dump of an HTML table read down its columns (or a
converter writing each column out as a list), where no number follows its row's label:

    一、本年新收政府信息公开申请数量      <- the labels, one item a line (group labels on lines of their own)
    …
    四、结转下年度继续办理
    自然人                              <- a column's header, alone on its line: the form's name for it
    89                                  <- its cells, one a line, in the labels' order; a blank cell is an
    0                                      empty line or a mark (—, /, 无)

    …
    商业企业
    …

The k-th line under a column's header is the k-th label item's cell when the count leaves no doubt: the seven
columns each named once by their headers, one after another right after the labels, each followed by exactly as
many lines as there are label items (the last column's empty lines past that count, before what follows the
table, are not cells), every line a number, a mark or empty. Each placed row is a row text with its blanks
marked (``0 — 0 0 0 0 0``) for :mod:`verify.cellmatch`: the place gives the row, never the values.

Which line is whose row is the dump's order, as for :mod:`verify.labelblock`: rows of a swap group trading places
keep every identity, so a cell grounds on its own only where no other placed row of its group prints another cell
in its column (a blank is another cell than a 0); and two rows of any groups whose cells are alike but for blanks
printed where the other prints 0 trade places keeping every identity too (the identities count a blank as 0), so
where they differ neither is grounded. Every column lists the rows in one order, the dump's, so a blank and a 0 of
one column never trade places alone. A text whose segments are not this layout returns at once (fewer than seven
column headers, none right after the labels).

Pure: label keys, value texts and the form's patterns in, places out.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from llm_extract.form import FORM

from .cellmatch import numbers
from .labelblock import cell_doubts, label_items, marks_only

__all__ = ["ColumnRow", "column_block", "column_doubts"]

#: a column header's key → its column index: the form's name for it and the other names a header gives it
_HEADERS = {unicodedata.normalize("NFKC", name): i for i, c in enumerate(FORM.table3_columns)
            for name in (c.label, *c.also)}
_NUMBER = re.compile(r"\d+")


@dataclass(frozen=True)
class ColumnRow:
    """A form row's label item (segments ``first``..``last``), its cells as printed in the columns' order ("" a
    blank), and where each cell stands: (the column header's segment, its line in that segment's value text)."""

    first: int
    last: int
    cells: tuple[str, ...]
    at: tuple[tuple[int, int], ...]

    @property
    def text(self) -> str:
        return " ".join(c or "—" for c in self.cells)

    @property
    def numbers(self) -> str:          # (as a labelblock.Placed's line: verify/statedorder.py reads its total)
        return self.text


def _cells(value: str, count: int, last: bool) -> list[str] | None:
    """A column's cells under its header: the lines after the header's own, each a number, a mark or empty."""
    parts = value.split("\n")
    if len(parts) < 2 or parts[0].strip():
        return None                                   # (the header shares its line with something)
    lines = parts[1:-1] if not parts[-1].strip() else parts[1:]
    if last:
        while len(lines) > count and not lines[-1].strip():
            lines.pop()
    if len(lines) != count:
        return None
    out = []
    for line in lines:
        text = line.strip()
        if not text or marks_only(text):
            out.append("")
        elif _NUMBER.fullmatch(text) and numbers(text) == [text]:
            out.append(text)
        else:
            return None
    return out


def column_block(keys: Sequence[str], values: Sequence[str],
                 patterns: Sequence[re.Pattern[str]]) -> dict[int, ColumnRow]:
    """The rows of 表三's labels followed by its columns, a cell a line (see the module docstring)."""
    width = len(FORM.table3_columns)
    heads = [i for i, k in enumerate(keys) if k in _HEADERS]
    if len(heads) < width:
        return {}
    start = next((i for i, k in enumerate(keys) if patterns[0].search(k)), None)
    if start is None:
        return {}
    # the first header after the labels that opens seven headers in a row (a total row printed 总计, as the
    # 总计 column's header, is a label: the columns start after it)
    first = next((i for i in heads if i > start and all(k in _HEADERS for k in keys[i:i + width])), None)
    if first is None or first + width > len(keys) or any(numbers(v) for v in values[start:first]):
        return {}
    columns = list(range(first, first + width))
    if sorted(_HEADERS[keys[i]] for i in columns) != list(range(width)):
        return {}
    items = label_items(keys, start, first - 1, patterns)
    if not items:
        return {}
    by_column: dict[int, list[str]] = {}
    for n, i in enumerate(columns):
        cells = _cells(values[i], len(items), n == width - 1)
        if cells is None:
            return {}
        by_column[_HEADERS[keys[i]]] = cells
    offsets = {_HEADERS[keys[i]]: i for i in columns}
    return {row: ColumnRow(a, b, tuple(by_column[c][k] for c in range(width)),
                           tuple((offsets[c], k + 1) for c in range(width)))
            for k, (row, a, b) in enumerate(items)}


def column_doubts(placed: dict[int, ColumnRow]) -> dict[int, set[int]]:
    """Row → the columns of its cells the dump's order leaves in doubt (see the module docstring)."""
    return cell_doubts({row: p.cells for row, p in placed.items()}, len(FORM.table3_columns))
