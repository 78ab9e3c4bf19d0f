"""Fixed-width text (``pdftotext -layout``): two 表三 rows whose cells came out a column at a time.

Where a group's label (（三）不予公开) stands beside two rows, pdftotext may lay their cells out column by
column: the two labels, then each column's two cells on two lines of their own, the upper row's above the
lower's, each column further right than the one before::

    （三）不予公开 4.保护第三方合法权益
               5.属于三类内部事务信息
                                  2
                                  0
                                        0
                                        2
                                              …

Read as printed, the two rows have no cell and the next fourteen lines fourteen numbers for one row. When
the two labels are of rows next to each other in the form, with only their label's pieces between them, and
the fourteen values after the second stand two by two in seven columns (the two of a pair within
``_SAME`` characters, each pair ``_APART`` or more right of the one before), the upper of each pair is
the upper row's cell and the lower the lower row's: the items are put in that order after their labels.
Anything else is left as printed.
"""

from __future__ import annotations

import re

from ..form import FORM
from .cells import parse_cell
from .layout import Item, Region
from .table3_labels import find_labels

__all__ = ["pair_columns"]

_ROWS = [r.key for r in FORM.table3_rows]
_WIDTH = len(FORM.table3_columns)
_SAME = 1.0
_TOKEN = re.compile(r"\S+")
_APART = 2.0


def _centre(lines: list[str], it: Item) -> float | None:
    """The centre of a value that ends its line (after the line's words, if any), in characters: pdftotext
    places text by characters, a CJK one as wide as a digit, so a cell under a label's line keeps its
    character column, not its display column."""
    toks = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(lines[it.line - 1])]
    if not toks or toks[-1][0] != it.raw.strip() or any(_is_value_token(t) for t, _, _ in toks[:-1]):
        return None
    return (toks[-1][1] + toks[-1][2]) / 2


def _is_value_token(text: str) -> bool:
    return parse_cell(text).is_value


def _staircase(lines: list[str], cells: list[Item]) -> bool:
    """Whether ``cells`` (fourteen values, a line each) stand two by two in seven columns left to right."""
    if len({it.line for it in cells}) != len(cells) or any(a.line >= b.line for a, b in zip(cells, cells[1:])):
        return False
    at = [_centre(lines, it) for it in cells]
    if any(c is None for c in at):
        return False
    xs = [float(c) for c in at if c is not None]
    pairs = [(xs[k], xs[k + 1]) for k in range(0, len(xs), 2)]
    return all(abs(u - d) <= _SAME for u, d in pairs) \
        and all(b[0] - max(a) >= _APART for a, b in zip(pairs, pairs[1:]))


def _values_in_a_row(items: list[Item], count: int) -> bool:
    """Whether ``count`` values follow one another somewhere among ``items``."""
    held = 0
    for it in items:
        held = held + 1 if it.is_value else 0
        if held >= count:
            return True
    return False


def pair_columns(lines: list[str], region: Region) -> None:
    """Put the cells of two rows printed a column at a time after their own labels (see the module docstring)."""
    items = region.items
    if any(it.col is not None for it in items):
        return                              # tab-separated rows: their fields say where cells are
    if not _values_in_a_row(items, 2 * _WIDTH):
        return                              # (most tables: no two rows' cells one after the other)
    labels = find_labels(items)
    for upper, lower in zip(_ROWS, _ROWS[1:]):
        if upper not in labels or lower not in labels:
            continue
        i, j = labels[upper], labels[lower]
        if not i < j or any(it.is_value for it in items[i + 1:j]):
            continue
        cells = items[j + 1:j + 1 + 2 * _WIDTH]
        if len(cells) != 2 * _WIDTH or not all(it.is_value for it in cells):
            continue
        if j + 1 + 2 * _WIDTH < len(items) and items[j + 1 + 2 * _WIDTH].is_value:
            continue                        # more values than the two rows' cells
        if not _staircase(lines, cells):
            continue
        region.items = items[:i + 1] + cells[0::2] + items[i + 1:j + 1] + cells[1::2] + items[j + 1 + 2 * _WIDTH:]
        return
