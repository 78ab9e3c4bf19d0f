"""Where a 表三 row's cells are: in tab rows, or on lines of their own (a converter's grid: :mod:`.gridrows`).

Every layout becomes rows (a label and its cells); these functions place a row's numbers by
the row's cell count and the table's shape, never by one renderer's token positions.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from itertools import compress
from operator import attrgetter

from ..schema import APPLICANT_COLUMNS, APPLICATION_ROWS
from .cells import Cell, parse_cell
from .labels import strip_item_number
from .layout import Item
from .rowhalves import row_halves

__all__ = ["seven_fields", "field_cells", "place_bare_lines", "tab_window", "lines_of_numbers", "usual_width", "fields_after",
           "words_between"]


def field_cells(by_col: Mapping[int | None, Item], start: int, end: int) -> list[Cell]:
    """The cells of a row's fields ``start`` … ``end - 1``: each field's item's, an empty field an empty cell."""
    return [by_col[c].cell if c in by_col else parse_cell("") for c in range(start, end)]


def lines_of_numbers(items: list[Item]) -> bool:
    """Whether three lines or more hold three values or more each (rows of numbers, not a cell to a line). The lines
    are gathered in C (this runs over every item of 表三), and counted only where values share lines enough for
    three such lines: six more values than lines."""
    lines = list(compress(map(_LINE, items), map(_IS_VALUE, items)))
    if len(lines) - len(set(lines)) < 6:
        return False
    return sum(1 for n in Counter(lines).values() if n >= 3) >= 3


_LINE, _IS_VALUE = attrgetter("line"), attrgetter("is_value")
#: a character or two of a group's title printed down its column (三、本年度办理结果), then an item number: the
#: start of a row's label all the same (办(三)不予公开)
_TITLE_CHARS = re.compile(r"^[\u4e00-\u9fff、]{1,2}(?=[(（][一二三四五六七八九十]+[)）]|\d{1,2}[.、．])")


def _opens_row(key: str) -> bool:
    """Whether a label's text starts with an item number, behind a group title's characters or not."""
    return strip_item_number(key) != key or strip_item_number(bare := _TITLE_CHARS.sub("", key)) != bare


_FORM_ORDER = {row: i for i, row in enumerate(APPLICATION_ROWS)}
_WIDTH = len(APPLICANT_COLUMNS)


def _next_in_form(row: str, nxt: str) -> bool:
    """Whether ``nxt`` is the row the form prints right after ``row`` (no row between them unread)."""
    return row in _FORM_ORDER and nxt in _FORM_ORDER and _FORM_ORDER[nxt] == _FORM_ORDER[row] + 1


def _pair_in_order(items: list[Item], order: list[tuple[str, int]], spans: dict[str, list[Item]],
                   text_lines: set[int]) -> bool:
    """Rows whose numbers stand on a line of their own, placed by count: when there are exactly as
    many lines of bare numbers as rows without numbers on their label's lines, the i-th such row
    takes the i-th such line, provided each line stands next to its row's label (after the label
    before it and before the label after it). True when it placed them."""
    if not order:
        return False
    first_idx = order[0][1]
    start = first_idx
    while start > 0 and items[start - 1].is_value and items[start - 1].line not in text_lines:
        start -= 1                      # bare numbers right above the first label
    by_line: dict[int, list[int]] = {}
    for i in range(start, len(items)):
        if items[i].is_value and items[i].line not in text_lines:
            by_line.setdefault(items[i].line, []).append(i)
    bare = [idxs for idxs in by_line.values() if len(idxs) >= 2]
    if not bare:
        return False
    bare_ids = {id(items[i]) for idxs in bare for i in idxs}
    open_rows = [k for k, (row, _) in enumerate(order)
                 if not any(it.line in text_lines for it in spans[row] if it.is_value)]
    if len(open_rows) != len(bare):
        return _pair_halves(items, order, spans, bare, open_rows)
    label_at = {idx for _, idx in order}
    for k, idxs in zip(open_rows, bare):
        lo = order[k - 1][1] if k > 0 else -1
        hi = order[k + 1][1] if k + 1 < len(order) else len(items)
        if not lo < idxs[0] < hi:
            return False
        # a row's start that no label matched ("1．申请人无正当理由逾" cut by a page break) between the
        # line and the label: the line may be that row's, and pairing by count would swap two rows
        a, b = sorted((idxs[0], order[k][1]))
        if any(items[j].is_text and j not in label_at and _opens_row(items[j].key) for j in range(a + 1, b)):
            return False
    for row, _ in order:
        spans[row] = [it for it in spans[row] if id(it) not in bare_ids]
    at: dict[int, int] = {}             # item → its place in the text, where one is needed
    for k, idxs in zip(open_rows, bare):
        line, rest = [items[i] for i in idxs], spans[order[k][0]]
        if idxs[0] > order[k][1] and len(line) + len(rest) == _WIDTH and rest:
            # the line below the label, and the row's other cells on lines of their own round it: one row's seven
            # printed over lines (a page's source wrapped: ``19`` / ``无 无 无 无 7 26``), read in print order
            at = at or {id(it): i for i, it in enumerate(items)}
            spans[order[k][0]] = sorted(line + rest, key=lambda it: at[id(it)])
        else:
            spans[order[k][0]] = line + rest
    return True


def _pair_halves(items: list[Item], order: list[tuple[str, int]], spans: dict[str, list[Item]],
                 bare: list[list[int]], open_rows: list[int]) -> bool:
    """Rows printed in two blocks of lines below their labels (:mod:`.rowhalves`): each open row takes its line
    of either block, where the blocks stand after the last of these labels and before the next row's, and the
    rows have no other cell. True when it placed them."""
    rows = row_halves(items, bare, open_rows)
    if rows is None:
        return False
    last = open_rows[-1]
    hi = order[last + 1][1] if last + 1 < len(order) else len(items)
    if not all(order[last][1] < idxs[0] < hi for idxs in bare):
        return False
    bare_ids = {id(items[i]) for idxs in bare for i in idxs}
    if any(it.is_value and id(it) not in bare_ids for k in open_rows for it in spans[order[k][0]]):
        return False
    for row, _ in order:
        spans[row] = [it for it in spans[row] if id(it) not in bare_ids]
    for k, cells in zip(open_rows, rows):
        spans[order[k][0]] = [items[i] for i in cells] + spans[order[k][0]]
    return True


def place_bare_lines(items: list[Item], order: list[tuple[str, int]], spans: dict[str, list[Item]]) -> set[str]:
    """Give a line of numbers printed above its label (PDF text centres a row's numbers on a label
    wrapped over several lines) to the row below, when the row above already has its numbers.

    A line of numbers with no word on it belongs to the row above when that row has no number
    yet (a label detached above its numbers), else to the row below; numbers on a line with
    words belong to that line's label or label fragment. When the first row's numbers stand
    above its label, the table prints every row that way: each bare line goes to the row below
    (so that a row left blank, which has no line of numbers in PDF text, takes none).

    Returns the rows in doubt: where the line moved down is a copy of the line right above it (the same numbers,
    nothing between: a crawler's or converter's line printed twice), the copy and the line each row below takes
    in turn may each be the row above's: that row and every row a line was moved to from there on."""
    text_lines = {it.line for it in items if it.is_text}
    per_line = Counter([it.line for it in items if it.is_value])
    doubt: set[str] = set()
    if not any(n >= 2 and line not in text_lines for line, n in per_line.items()):
        return doubt                    # no line of two or more bare numbers: nothing to move
    if _pair_in_order(items, order, spans, text_lines):
        return doubt
    above = False
    if order:                           # numbers above the first row's label, after the header
        first_row, first_idx = order[0]
        before: list[Item] = []
        j = first_idx - 1
        while j >= 0 and items[j].is_value and items[j].line not in text_lines:
            before.insert(0, items[j])
            j -= 1
        if before and len({it.line for it in before}) == 1 and len(before) >= 2 \
                and not any(it.line in text_lines for it in spans[first_row]):
            spans[first_row] = before + spans[first_row]
            above = True
    for k in range(len(order) - 1):
        row, nxt = order[k][0], order[k + 1][0]
        span = spans[row]
        by_line: dict[int, list[Item]] = {}
        for it in span:
            by_line.setdefault(it.line, []).append(it)
        at = items[order[k][1]].line        # (a line moved here from above the label stays here)
        own = [n for n, its in by_line.items() if n in text_lines or len(its) < 2 or n < at]
        bare = [n for n, its in by_line.items() if n not in text_lines and len(its) >= 2 and n > at]
        if not bare or (len(own) + len(bare) < 2 and not above):
            continue
        # the last bare line goes below when this row has numbers without it, and the row below is the
        # next one the form prints (when a row's label was not found, the line may be that row's)
        last = bare[-1]
        if last < max(by_line) or any(it.line in text_lines for it in spans[nxt][:1]) or not _next_in_form(row, nxt):
            continue
        if len(span) == _WIDTH and len(spans[nxt]) >= _WIDTH:
            continue                    # the line completes this row's seven cells, and the row below has its
            #                             own seven: a row printed over several lines (``… 0 0 0 0`` / ``0`` / ``0 0``)
        if doubt or _copy_of_line_above(by_line, last, items, text_lines):
            doubt.update((row, nxt))    # (a copy moved down, and every line moved after it)
        spans[row] = [it for it in span if it.line != last]
        spans[nxt] = by_line[last] + spans[nxt]
    return doubt


def _copy_of_line_above(by_line: Mapping[int, list[Item]], last: int, items: list[Item], text_lines: set[int]) -> bool:
    """Whether the bare line ``last`` prints the same numbers as the bare line of the span right above it (no word
    on either: a row's label line printing the same zeros is that row's), no item of the table on a line between."""
    earlier = [n for n in by_line if n < last]
    if not earlier:
        return False
    prev = max(earlier)
    if prev in text_lines:
        return False
    if [it.raw.strip() for it in by_line[prev]] != [it.raw.strip() for it in by_line[last]]:
        return False
    return not any(prev < it.line < last for it in items)


def tab_window(items: list[Item], labels: dict[str, int], added: str | None = None) -> int | None:
    """The modal field index of the first of seven numbers on a tab-separated row (or of a label's seven
    fields, the last one printed, where empty fields stand among them: a table pasted from a word processor;
    past a field the header names as added, ``added`` "first" or "last" of eight, such as last year's figure)."""
    extra = added is not None
    starts: dict[int, int] = {}
    value_cols: dict[int, list[int]] = {}
    for it in items:
        if it.is_value and it.col is not None:
            value_cols.setdefault(it.line, []).append(it.col)
    for idx in labels.values():
        label = items[idx]
        cols = value_cols.get(label.line, [])
        if len(cols) == 7 and cols == list(range(cols[0], cols[0] + 7)):
            starts[cols[0]] = starts.get(cols[0], 0) + 1
        elif cols and label.col is not None and label.width == label.col + 8 + extra and cols[0] > label.col \
                and label.col + 7 + (added == "first") in cols:
            start = label.col + 1 + (added == "first")
            starts[start] = starts.get(start, 0) + 1
    return max(starts, key=lambda k: starts[k]) if starts else None


def usual_width(labels: list[Item]) -> int | None:
    """The count of fields after the label most of a tab-separated table's row lines hold (``width`` past the label
    item's ``col``), when at least half of them hold it: a table pasted from a word processor prints every row
    alike; ``None`` else."""
    widths = [fields_after(it) for it in labels if it.width and it.col is not None]
    if not widths:
        return None
    top = max(set(widths), key=widths.count)
    return top if 2 * widths.count(top) >= len(labels) else None


def fields_after(label: Item) -> int:
    """The count of fields after a label on its tab-separated line."""
    return (label.width or 0) - (label.col or 0) - 1


def words_between(items: list[Item], before: Item, after: Item) -> bool:
    """Whether words stand between two items of a row's span (its empty cells, then seven numbers): a label no row
    was found by (``&amp;#65288;七）总计``, a CMS's reference escaped twice; a label OCR garbled) opens another row
    there, whose numbers those seven are; a row spanning columns prints its empty cells and its numbers with nothing
    between."""
    start = next(i for i, it in enumerate(items) if it is before)
    for it in items[start + 1:]:
        if it is after:
            return False
        if it.is_text and it.raw.strip():
            return True
    return False


def seven_fields(label: Item, same_line: list[Item], by_col: dict[int | None, Item],
                  added: str | None = None, usual: int | None = None) -> list[Cell] | None:
    """A tab-separated row's cells where its label is followed by exactly seven fields, the last printed, no
    word among them (a table pasted from a word processor: an empty cell an empty field); with ``added``
    ("first"/"last"), eight fields, the one the header names as added left out. A row with other counts of
    fields (a crawler's text padding rows with tabs, PDF text whose gaps became tabs, an empty cell leaving
    no field) is not read so; nor is a row whose line holds another count of fields than the ``usual`` one of the
    table's rows (a pasted table's rows are alike: a line wrapped at a fixed width left its last fields on the next).
    Empty fields past the seven of a table of seven-field rows are no cells (a deleted column's cell some rows kept)."""
    start, n, after = (label.col or 0) + 1, 7 + (added is not None), fields_after(label)
    if after > n and usual == n and all((it.col or 0) < start + n for it in same_line):
        after = n
    if usual is not None and after != usual:
        return None
    first = start + (added == "first")           # the form's first field
    if after != n or not same_line or same_line[0].line != label.line \
            or first + 6 not in by_col or len(by_col) != len(same_line) \
            or any(it.is_text or not start <= (it.col or 0) < start + n for it in same_line):
        return None                     # (two numbers in one field, "2 3": not read by field)
    return field_cells(by_col, first, first + 7)
