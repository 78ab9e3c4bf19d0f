"""表三 rows of OCR text whose labels the engine garbled, placed by the form's order between two rows found by
their labels.

Tesseract reads a scanned table's numbers far better than its labels' words: ``3危及 二2全 稳| 0 0 0 0 0 0 0``,
``二人本务全 0 0 0 0 0 0 0``, ``有二、(一)予以公 0 0 6 0 0 0 6`` (予以公开 cut short). No pattern names such a row, and
its numbers fall to the row above (fourteen numbers for seven columns: both rows lost). Where two rows found by
their labels each print their seven numbers on their label's own line, and every line between them that holds a
number holds a label's words and then exactly seven numbers, one line for each row the form prints between the
two, those lines are the rows in the form's order: a row the engine dropped (it leaves a row of zeros out whole)
or split over lines leaves a count that does not match, and nothing is placed.

The identities check the placed cells as any others, but not the order: two rows placed between the same two found
rows, of one group (the outcome rows of 三、本年度办理结果 trade places keeping every identity), that differ in a
column leave their cells there read but never proven (``Method.FORM_ORDER_ROWS``, ``READ.ROW_ORDER``, :mod:`.roworder`). Only in OCR
text (a typed report's unmatched label is a renamed row, not a misread one).
"""

from __future__ import annotations

import re

from ..form import FORM
from .labels import row_begun, row_continued, rows_named
from .layout import Item
from .roworder import swappable

__all__ = ["rows_by_order", "order_doubts"]

_ROWS = FORM.table3_row_keys
_POS = {row: k for k, row in enumerate(_ROWS)}
_WIDTH = len(FORM.table3_columns)
_HAN = re.compile(r"[\u4e00-\u9fff]")


def _lines(items: list[Item], lo: int, hi: int) -> dict[int, list[int]]:
    """Item indexes in ``lo..hi`` (exclusive) by their line, in order."""
    out: dict[int, list[int]] = {}
    for j in range(lo, hi):
        out.setdefault(items[j].line, []).append(j)
    return out


def _seven_after(items: list[Item], js: list[int]) -> int | None:
    """The label item of a line ``js`` that prints words, then exactly seven numbers (rule marks among them, no
    words): the last item with Chinese words before the first number; else None."""
    first = next((k for k, j in enumerate(js) if items[j].is_value), None)
    if first is None:
        return None
    values = [items[j] for j in js[first:] if items[j].is_value]
    if len(values) != _WIDTH or not all(it.cell.is_number for it in values) \
            or any(items[j].is_text and items[j].key for j in js[first:]):
        return None
    return next((j for j in reversed(js[:first]) if items[j].is_text and _HAN.search(items[j].key)), None)


def _seven_on(items: list[Item], idx: int, end: int, line: int) -> bool | None:
    """Whether the items after ``idx`` (before ``end``) on ``line`` hold seven numbers; None when they hold no value."""
    values = [it for it in items[idx + 1:end] if it.line == line and it.is_value]
    return None if not values else len(values) == _WIDTH and all(it.cell.is_number for it in values)


def _numbers_own(items: list[Item], idx: int, end: int, wrapped: bool) -> bool:
    """Whether the label at ``idx`` has its seven numbers on its own line, or (``wrapped``: the later anchor, its
    label's words wrapped around its numbers) none there and seven on the next line."""
    here = _seven_on(items, idx, end, items[idx].line)
    return bool(here) or wrapped and here is None and bool(_seven_on(items, idx, end, items[idx].line + 1))


def _names_other_row(key: str, gap: tuple[str, ...]) -> bool:
    """Whether a placed line's words begin or go on some row's label other than the rows placed: a wrapped label's
    piece of the anchor, not a garbled row."""
    named = set(rows_named(key)) | {row_begun(key), row_continued(key)}
    return bool(named - set(gap) - {None})


def rows_by_order(items: list[Item], labels: dict[str, int]) -> dict[str, int]:
    """Row → label item of each 表三 row placed by the form's order between two found rows (see the module)."""
    order = sorted(((row, idx) for row, idx in labels.items() if row in _POS), key=lambda kv: kv[1])
    out: dict[str, int] = {}
    for (ra, ia), (rb, ib) in zip(order, order[1:]):
        gap = tuple(_ROWS[_POS[ra] + 1:_POS[rb]])
        if not gap or _POS[rb] < _POS[ra]:
            continue
        after_b = next((k for row, k in order if k > ib), len(items))
        if not _numbers_own(items, ia, ib, False) or not _numbers_own(items, ib, after_b, True):
            continue
        between = _lines(items, ia + 1, ib)
        between.pop(items[ia].line, None)
        between.pop(items[ib].line, None)
        numbered = [js for _, js in sorted(between.items()) if any(items[j].is_value for j in js)]
        if len(numbered) != len(gap):
            continue
        heads = [_seven_after(items, js) for js in numbered]
        if all(h is not None and not _names_other_row(items[h].key, gap) for h in heads):
            out.update((row, h) for row, h in zip(gap, heads) if h is not None)
    return out


def order_doubts(placed: dict[str, int], cells: dict[str, list[str]]) -> set[tuple[str, int]]:
    """The (row, column index) of placed rows where another row placed in the same run (between the same two found
    rows), one the identities treat alike, reads another value in that column (``cells``: each placed row's seven
    raw cells)."""
    out: set[tuple[str, int]] = set()
    for a in placed:
        for b in placed:
            lo, hi = sorted((_POS[a], _POS[b]))
            if a == b or not swappable(a, b) or a not in cells or b not in cells \
                    or not all(row in placed for row in _ROWS[lo:hi + 1]):
                continue
            out.update((a, c) for c in range(_WIDTH) if cells[a][c] != cells[b][c])
    return out
