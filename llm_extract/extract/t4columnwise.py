"""表四 printed one cell to a line, which a text tool's order may have taken row by row or column by column.

pdf2txt.py and plain ``pdftotext`` print a ruled 表四 of three rows (one per group) one cell to a line, either
row by row or column by column; the fifteen cells read in the form's order and in the other order then give two
tables, and where both keep every group's total the text does not say which it is (:func:`by_columns_too`,
:func:`two_rows_interleaved`): table4.py then proves none of them.
"""

from __future__ import annotations

import re

from ..form import FORM
from .layout import Item, label_key
from .t4oneline import holds

__all__ = ["by_columns_too", "two_rows_interleaved", "span", "GROUP_NAMES"]

#: 表四's three groups as a row's label prints them
GROUP_NAMES = ("行政复议", "直接起诉", "复议后起诉")
_T4_HEADING = FORM.headings["表四"]


def by_columns_too(chosen: list[Item], items: list[Item]) -> bool:
    """Whether 15 cells printed one to a line may as well be three rows printed column by column (pdf2txt.py
    prints a ruled 表四 of three rows, one per group, so: 行政复议's 结果维持, the next row's, …): the groups
    are the table's rows (:func:`groups_as_rows`), nothing stands between the cells, the two readings
    differ, and each keeps every group's total. Blanks and zeros alike hold any group sum: which is which
    is then unknown."""
    where = span(chosen, items)
    if where is None or len({it.line for it in chosen}) < len(chosen) or not groups_as_rows(items, where[0]):
        return False
    if any(it.is_text for it in items[where[0]:where[1] + 1]):
        return False
    return _both_orders_hold(chosen, [chosen[c * 3 + g] for g in range(3) for c in range(5)])


_DIRECT = re.compile(r"未经复议|直接起诉")
_AFTER_REVIEW = re.compile(r"复议后")


def two_rows_interleaved(chosen: list[Item], items: list[Item]) -> bool:
    """Whether the last ten of 15 cells printed one to a line may as well be two rows printed column by column:
    two labels stand stacked after the first group's five (pdftotext's default mode on a word processor's grid:
    ``行政诉讼（未经复议直接起诉）`` / ``行政诉讼（复议后起诉）`` / ``/ 0 / 0 …``), nothing among the ten, the two
    readings differ, and each keeps every group's total (blanks and zeros alike hold any sum)."""
    if len({it.line for it in chosen}) < len(chosen):
        return False
    first, rest = chosen[4].line, chosen[5].line
    between = "".join(it.raw for it in items if it.is_text and first < it.line < rest)
    if not (_DIRECT.search(between) and _AFTER_REVIEW.search(between)) \
            or any(it.is_text and rest < it.line < chosen[-1].line for it in items):
        return False
    return _both_orders_hold(chosen, chosen[:5] + [chosen[5 + c * 2 + g] for g in range(2) for c in range(5)])


def _both_orders_hold(chosen: list[Item], other: list[Item]) -> bool:
    """Whether the cells read in another order give another table, and both keep every group's total."""
    if [(it.cell.kind, it.cell.value) for it in other] == [(it.cell.kind, it.cell.value) for it in chosen]:
        return False
    return holds(chosen) and holds(other)


def span(chosen: list[Item], items: list[Item]) -> tuple[int, int] | None:
    """Where the first and the last of ``chosen`` stand among the region's items; None when either is not
    one of them (a cell made for a blank field, a rule glyph read as a digit): then nothing is told."""
    at = {id(it): k for k, it in enumerate(items)}
    first, last = at.get(id(chosen[0])), at.get(id(chosen[-1]))
    return None if first is None or last is None else (first, last)


def groups_as_rows(items: list[Item], first: int) -> bool:
    """Whether 表四 is printed as three rows of five: its columns (结果维持 …) named before its groups'
    names (行政复议 …), as a header row stands above the rows' labels (before the item at ``first``), or
    every group named and then each column once (pdftotext: the rows' labels first), or each column named
    once and no group before the cells (pdftotext: the rows' labels after the cells). The form's one row
    of fifteen names each group first, then that group's columns (结果维持 three times), or the groups
    of a two-level header around its columns (行政复议 行政诉讼 / 结果维持 … / 未经复议直接起诉 复议后起诉)."""
    before = "".join(label_key(it.raw) for it in items[:first] if it.is_text)
    columns = before.find("维持")
    if columns >= 0 and before.count("维持") == 1 and all(name in before[:columns] for name in GROUP_NAMES):
        return True             # every group named, then each column once: a grid (pdftotext prints its rows'
    #                             labels first, then the header row)
    header = "".join(label_key(it.raw) for it in items[:first] if it.is_text and not _T4_HEADING.search(it.raw))
    if columns >= 0 and before.count("维持") == 1 and not any(name in header for name in GROUP_NAMES):
        return True             # each column named once and no group before the cells: a grid whose rows'
    #                             labels follow its cells (pdftotext: 结果维持 … 总计 / the cells / 行政复议 …)
    return columns >= 0 and before.rfind("行政复议") > columns
