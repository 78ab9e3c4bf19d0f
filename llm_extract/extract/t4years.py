"""表四 printed for two years: two rows of fifteen cells, each led by the year it counts.

Some agencies print last year's 表四 row beside this year's, each row led by a label naming its year::

    结果维持 结果纠正 …                       (the two-level header, as the form prints it)
    2022年   0  0  3  0  3  1  1  1  3  6  0  3  3  0  6
    2023年   -  -  -  -  -  -  -  -  -  -  -  -  -  -  -

(or 上年度 / 本年度, （2022年）, 2022年同期; tab fields, fixed-width columns, a Markdown grid's first field, or the label on
a line of its own before fifteen cells one to a line, or before a whole table, its header and its row). Both rows hold
every group's sum, so read by their count alone the other year's numbers pass as this year's (above: this year's row
prints dashes, last year's numbers). :func:`this_years_row` keeps, of the region's items, the report's year's cells
only, its label taken out (a tab row's or a grid line's first field: the cells' fields counted without it): those
after the label naming the report's year; where no label names it, those of the row
printed before the other years' labels (``… / 上年度（2022年） / 0 0 3 …``: the table before is the report's). Where the
report's year is unknown and the labels name years by number, no cell is kept: the table's cells are left missing,
never read from another year's row, nor by a later reader of the text's lines (:data:`OTHER_YEARS`).
"""

from __future__ import annotations

import re

from ..evidence import Reading
from .layout import Item

__all__ = ["this_years_row", "OTHER_YEARS", "left_unread"]

#: the method of 表四's cells left unread where rows are led by their years: no later reader of the text's lines
#: (blockread: PDF text's blocks) reads them again, for the lines hold another year's row
OTHER_YEARS = "t4-other-years"

#: a label naming the year a row (or a table under it) counts: 2022年 / 2022年度 / 上年度 / 去年 / 本年度 / 今年, in
#: brackets or not, after another (上年度（2022年）), 同期 / 数据 / 情况 after it, a colon closing it
_YEAR_LABEL = re.compile(r"[(]?(?:(上一?年度?|去年|本年度?|今年)[(]?)?(?:(20\d\d)年度?)?[)]?(?:同期|数据|情况)?[)]?[:]?")


def _label_year(key: str, year: int | None) -> int | None:
    """The year a label names (-1: another year than the unknown report's; 0: the unknown report's own); None for
    any other text."""
    if "年" not in key or len(key) > 16:
        return None                     # (most text: no year's label)
    m = _YEAR_LABEL.fullmatch(key)
    if m is None or not (m.group(1) or m.group(2)):
        return None
    if m.group(2):
        return int(m.group(2))
    if m.group(1)[0] in "上去":
        return year - 1 if year is not None else -1
    return year if year is not None else 0


def this_years_row(items: list[Item], year: int | None) -> list[Item] | None:
    """The region's ``items`` with only the report's ``year``'s cells kept where labels naming years lead rows (or
    tables) of cells (see the module's docstring): the cells after the label naming the report's year, up to the
    next such label; where none names it, the cells before the first label (a row no label names, the report's
    year known), or none. None where no label names a year."""
    labels = [(k, y) for k, it in enumerate(items)
              if it.is_text and (y := _label_year(it.key, year)) is not None and _alone(items, k)]
    if not labels:
        return None                     # (most tables: no row named by a year)
    ends = [k for k, _ in labels[1:]] + [len(items)]
    own = 0 if year is None else year
    mine = [(k, end) for (k, y), end in zip(labels, ends) if y == own]
    first = labels[0][0]
    if len(mine) == 1:
        k, end = mine[0]
        return [it for it in items[:first] if it.is_text] + _without_label_field(items[k], items[k + 1:end])
    if not mine and year is not None:
        return items[:first]            # the row before the other years' labels: the report's
    return [it for it in items[:first] if it.is_text]


def _alone(items: list[Item], k: int) -> bool:
    """Whether the label at ``k`` is its line's only words, the rest of the line cells (a sentence's 本年度, ``本 年 度
    无 收取 信息 处理费``, is no row's label: other words stand on its line)."""
    line = items[k].line
    for step in (-1, 1):
        j = k + step
        while 0 <= j < len(items) and items[j].line == line:
            if items[j].is_text:
                return False
            j += step
    return True


def _without_label_field(label: Item, row: list[Item]) -> list[Item]:
    """The ``row``'s items as fields of a row without the ``label``'s: where the label is the first field of a tab
    row or a Markdown grid line (``2023年⇥1⇥5⇥⇥…``), the cells on its line are each one field further left, of a
    row one field narrower (fifteen fields: empty ones blank cells in their places)."""
    if label.col != 0 or label.width is None:
        return row
    return [Item(it.raw, it.line, it.cell, it.col - 1, it.key, it.width - 1, it.grid, it.placed)
            if it.line == label.line and it.col is not None and it.width == label.width else it for it in row]


def left_unread(readings: dict[str, Reading]) -> dict[str, Reading]:
    """``readings`` (表四's, read from the report's year's row) with each cell left unread marked :data:`OTHER_YEARS`:
    the text's lines hold another year's row, which a later reader of the lines would take for this year's."""
    for r in readings.values():
        if r.missing:
            r.method = OTHER_YEARS
            r.note = f"{r.note}; another year's row is printed beside the report's" if r.note else \
                "another year's row is printed beside the report's"
    return readings
