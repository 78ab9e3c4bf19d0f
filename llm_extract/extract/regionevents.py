"""表三's region as events: its labels, other text and numbers in the printed order.

The form-order readers (formorder, headcells, headbands, blankrow) read 表三 from the numbers' order against
the labels': :func:`region_events` gives each line's label as the row it names (or ``TEXT``) and each number as
an event of its own, page feet and stray boxes left out, a 表二 column header's numbers and a generic header's
number (数据 5) dropped, a label wrapped over two lines joined where together they name one row.
"""

from __future__ import annotations

import re

from ..form import FORM
from .blocktext import GENERIC_HEADER, Number, printed_lines
from .interleaved import rejoined_items
from .labels import BARE_HEADERS, row_begun, rows_named, strip_item_number
from .layout import label_key
from .linetext import LineText
from .pagenumbers import page_feet
from .roworder import TEXT, Event
from .strayboxes import stray_box_lines

__all__ = ["region_events"]

_WIDTH = len(FORM.table3_columns)
_INDEX = {r: i for i, r in enumerate(FORM.table3_row_keys)}
#: 表二's column headers as label keys, before a unit in brackets (pdftotext may print them after 表三's heading)
_T2_COLUMNS = frozenset(label_key(c.label).split("(")[0] for r in FORM.table2 for c in r.columns)
_ONE_ROW_LABEL = re.compile(r"^\(?六\)?其他处理$")
#: the group's item number: （六）其他 names its group, not its sub-row 3.其他 (unless an item follows it)
_SIX_GROUP = re.compile(r"^\(?六\)(?!.*\d[.、．])")


def _named(key: str) -> list[str]:
    return rows_named(key) if key not in BARE_HEADERS else []


def _begun(key: str) -> list[str]:
    """The row whose label the line begins (a label wrapped in a narrow cell, its rest printed apart)."""
    row = row_begun(key) if key not in BARE_HEADERS else None
    return [row] if row else []


def _heads_table2(key: str) -> bool:
    """A 表二 column header (本年制发件数 …, 本年收费金额（单位：万元）): the numbers under it are 表二's."""
    return key.split("(")[0] in _T2_COLUMNS


def _header_number(number: Number) -> bool:
    """A generic column header's number (数据 1 … 数据 7): its column's place in the table, no cell."""
    return number.cell.value in range(1, _WIDTH + 1)


def region_events(lines: list[str], start: int, end: int, one_row: bool = False) -> list[Event]:
    """The region's labels, other text and numbers in printed order. A label wrapped over two lines
    (``3.要求提供公开出版`` / ``物``) names its row where neither line alone names one and the two together
    name exactly one. ``one_row``: （六）其他处理's label names the row that stands for it (other_other). Kept with
    the lines (several readers ask for one text's), a list of its own to each caller (events never change)."""
    found = LineText.of(lines).found
    key = f"region_events {start} {end} {one_row}"
    if key not in found:
        found[key] = tuple(_region_events(lines, start, end, one_row))
    return list(found[key])     # type: ignore[call-overload]


def _region_events(lines: list[str], start: int, end: int, one_row: bool) -> list[Event]:
    events: list[Event] = []
    lines = rejoined_items(lines, start, end)       # 1.属于 / 不予公 / 国家秘: an item's pieces between its group's
    before = ""                     # the text line right before, when it named no row and no number followed it
    table2 = False                  # under a 表二 column header, before any of 表三's labels: 表二's numbers
    labelled = False                # one of 表三's labels printed already
    folios = {i + 1 for i in page_feet(lines)}      # (1-based, as n)
    folios |= stray_box_lines(lines, start, end)    # a label's or a footer's piece alone: 无, 3 (“…”), 第 4
    generic = False                 # the line before was a generic column header's word (数据), its number not yet
    for n, raw, text, numbers in printed_lines(lines, start, end):
        if n in folios:
            continue
        numbers = [x for x in numbers if x.cell.value is None or isinstance(x.cell.value, int)]  # (a 表二 fee)
        if table2 and not text:
            continue
        if generic and not text and len(numbers) == 1 and _header_number(numbers[0]):
            generic = False
            continue                # a generic column header's number on a line of its own (数据 / 5)
        generic = bool(text) and label_key(text) == GENERIC_HEADER
        if generic and numbers and _header_number(numbers[0]):
            numbers, generic = numbers[1:], False       # (数据 5)
        if text:
            key = label_key(text)
            named = _named(key) or (["other_other"] if one_row and _ONE_ROW_LABEL.match(key) else []) \
                or _begun(key)
            if not one_row and _SIX_GROUP.match(key):
                named = []          # （六）其他 / 处理: the group's label wrapped, not 3.其他
            table2 = not numbers and not named and not labelled and _heads_table2(key)
            if not named and before and strip_item_number(key) == key \
                    and len(joined := _named(before + key)) == 1:
                events[-1] = (_INDEX[joined[0]], None)
                labelled, before = True, ""
                events += [(TEXT, x) for x in numbers]
                continue
            events.append((_INDEX[named[0]] if len(named) == 1 else TEXT, None))
            labelled = labelled or len(named) == 1
            before = key if not named and not numbers and key not in BARE_HEADERS else ""
        else:
            before = ""
        events += [(TEXT, x) for x in numbers]
    return events
