"""表四 printed for two years: two rows of fifteen cells, each led by the year it counts.

Some agencies print last year's 表四 row beside this year's, each row led by a label naming its year::

    结果维持 结果纠正 …                       (the two-level header, as the form prints it)
    2022年   0  0  3  0  3  1  1  1  3  6  0  3  3  0  6
    2023年   -  -  -  -  -  -  -  -  -  -  -  -  -  -  -

(or 上年度 / 本年度; tab fields, fixed-width columns, a Markdown grid's first field, or the label on a line of its own
before fifteen cells one to a line). Both rows hold every group's sum, so read by their count alone the other year's
numbers pass as this year's (above: this year's row prints dashes, last year's numbers). :func:`this_years_row` keeps,
of the region's items, the report's year's row only, its label taken out. Where no row names the report's year (or
the report's year is unknown and the rows name years by number) every row is dropped: the table's cells are left
missing, never read from another year's row.
"""

from __future__ import annotations

import re

from .layout import Item

__all__ = ["this_years_row"]

#: a row's label naming the year it counts: 2022年 / 2022年度 / 上年度 / 去年 / 本年度 / 今年 (数据, 情况 after it)
_YEAR_LABEL = re.compile(r"(?:(20\d\d)年度?|(上一?年度?|去年|本年度?|今年))(?:数据|情况)?")


def _label_year(key: str, year: int | None) -> int | None:
    """The year a row's label names (-1: another year than the unknown report's); None for any other text."""
    m = _YEAR_LABEL.fullmatch(key)
    if m is None:
        return None
    if m.group(1):
        return int(m.group(1))
    if m.group(2)[0] in "上去":
        return year - 1 if year is not None else -1
    return year if year is not None else 0      # 本年度 of an unknown year: the report's (0 stands for it)


def this_years_row(items: list[Item], year: int | None) -> list[Item] | None:
    """The region's ``items`` with only the report's ``year``'s row kept (its label dropped) where two rows or more
    are each led by a label naming a year (see the module's docstring); None where they are not so printed."""
    labels = [(k, y) for k, it in enumerate(items)
              if it.is_text and k + 1 < len(items) and items[k + 1].is_value
              and (y := _label_year(it.key, year)) is not None]
    if len(labels) < 2:
        return None                     # (most tables: no row named by a year)
    first = labels[0][0]
    ends = [k for k, _ in labels[1:]] + [len(items)]
    own = 0 if year is None else year
    rows = [(k, end) for (k, y), end in zip(labels, ends) if y == own]
    kept = items[:first]
    if len(rows) == 1:
        k, end = rows[0]
        kept += items[k + 1:end]
    return kept
