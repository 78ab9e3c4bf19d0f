"""表四 as a Word or web table prints it with its groups as rows: one cell to a line.

A table whose rows are the three groups (行政复议 | five cells; 行政诉讼 | 未经复议直接起诉 | five cells; the merged 行政诉讼
cell again, empty | 复议后起诉 | five cells) reaches the reader as one cell to a line: each group's label, then its five
cells, placeholders (/, —, 无) and empty cells among them. Counting the table's numbers alone (``3 ３ 1 １``: four for
fifteen cells) loses where they stand; the rows keep it. Here each group's cells are the values right after its
label, up to the next text; an empty cell after a group's five (the merged label column of the row below) is that
column's, no cell of the group. Rows printed out of the form's order are read by their labels. A table that numbers its rows (序号: ``1`` / ``行政复议`` / five cells / ``2`` / ``行政诉讼…``)
has the next row's number after a group's five: no cell of it. Read only when every group's label stands once with exactly five cells after it and
no other value stands in the table (before the first label, after the last group's five, only empty cells).

A table of empty cells only (an agency with no case, its zeros left empty) is read so where the document's lines
are the cells themselves (a Word file's or web page's table, each cell a line of its own, an empty one a line
holding only its tab): each group's five are empty cells, blank. In a text tool's output a run of empty lines says
nothing of cells, and a table without a number is not read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..evidence import CellKind
from ..schema import REVIEW_COLUMNS, REVIEW_GROUPS
from .layout import Item
from .readings import Readings, reading
from .t4lines import group_of

__all__ = ["group_rows_short", "read_group_cells"]

_WIDTH = len(REVIEW_COLUMNS)
_METHOD = "t4-group-cells"
#: a group's row label as a cell of its own: the group's name and nothing else (a text tool's run of header words,
#: 行政复议其他尚未审结, names a group but is no row's label)
_NAME_ONLY = re.compile(r"[\s(（]*(?:行政诉讼)?[\s(（]*(?:行政复议|(?:未经复议)?直接起诉|复议后起诉)[\s)）]*")


def _blank(it: Item) -> bool:
    return it.cell.kind is CellKind.BLANK


def _group_runs(items: list[Item], lines: Sequence[str] = ()) -> list[list[Item]] | None:
    """The values after each group's label up to the next text, an empty cell past five dropped; None when the table
    is not printed with its groups as rows one cell to a line (labels not each once, fields on a line)."""
    if any(it.col is not None for it in items) or len({it.line for it in items}) != len(items):
        return None                             # a row's fields on one line: the row readers' layout
    label_at: dict[int, int] = {}
    for i, it in enumerate(items):
        if it.is_text and (g := group_of(it.key)) is not None and _NAME_ONLY.fullmatch(it.key):
            if g in label_at:
                return None                     # a group named twice: a header and a row
            label_at[g] = i
    groups = range(len(REVIEW_GROUPS))
    if sorted(label_at) != list(groups):
        return None
    # rows out of the form's order (a page put together again) are read by their labels all the same; only rows in
    # order may number themselves (序号 1 2 3)
    in_order = [label_at[g] for g in groups] == sorted(label_at.values())
    first_number = _row_number(items, label_at[0]) if in_order else None
    runs: list[list[Item]] = []
    for g in groups:
        run: list[Item] = []
        j = label_at[g] + 1
        while j < len(items) and items[j].is_value:
            run.append(items[j])
            j += 1
        if first_number is not None and len(run) > _WIDTH and run[-1].cell.value == first_number + g + 1 \
                and all(_blank(it) for it in run[_WIDTH:-1]):
            run.pop()                           # the next row's 序号
        while len(run) > _WIDTH and _blank(run[-1]):
            run.pop()                           # the merged label column of the row below, empty (or a 备注)
        if not run:
            return None                         # a label followed by words: a header over the cells, not a row
        runs.append(run)
    if not any(it.cell.is_number for run in runs for it in run) and not _empty_cells(runs, lines):
        return None                             # no number at all: nothing here says these are the cells
    return runs


def _empty_cells(runs: list[list[Item]], lines: Sequence[str]) -> bool:
    """Whether each group's run is five empty cells, each the line of a table's empty cell (its tab alone: a Word
    file's or web page's table, a cell to a line)."""
    return bool(lines) and all(len(run) == _WIDTH for run in runs) and all(
        _blank(it) and 0 < it.line <= len(lines) and lines[it.line - 1] == "\t" for run in runs for it in run)


def _row_number(items: list[Item], first_label: int) -> int | None:
    """The number right before the first group's label, its row's 序号 (1, or the count going on from 表三), when the
    table numbers its rows; else None."""
    j = first_label - 1
    while j >= 0 and _blank(items[j]):
        j -= 1
    it = items[j] if j >= 0 else None
    if it is None or not it.cell.is_number or not isinstance(it.cell.value, int) or it.cell.value > 30:
        return None
    return it.cell.value


def _numbers_of_rows(items: list[Item], runs: list[list[Item]]) -> set[int]:
    """The items of the rows' 序号: the number before each group's label that no run holds."""
    claimed = {id(it) for run in runs for it in run}
    out: set[int] = set()
    for i, it in enumerate(items):
        if it.is_text and group_of(it.key) is not None and _NAME_ONLY.fullmatch(it.key):
            j = i - 1
            while j >= 0 and _blank(items[j]):
                j -= 1
            if j >= 0 and items[j].cell.is_number and id(items[j]) not in claimed:
                out.add(id(items[j]))
    return out


def group_rows_short(items: list[Item]) -> bool:
    """Whether the table prints its groups as rows one cell to a line and a group's row holds other than five cells
    (a cell lost): then no fifteen of its values, counted across the rows, are the table's cells."""
    runs = _group_runs(items)
    return runs is not None and any(len(run) != _WIDTH for run in runs)


def read_group_cells(items: list[Item], lines: Sequence[str] = ()) -> Readings | None:
    """表四's fifteen cells from its three group rows, one cell to a line (see the module docstring); None when the
    table is not printed so, or a row holds other than five cells. ``lines``: the document's, to tell a table's
    empty cells."""
    runs = _group_runs(items, lines)
    if runs is None or any(len(run) != _WIDTH for run in runs):
        return None
    claimed = {id(it) for run in runs for it in run} | _numbers_of_rows(items, runs)
    if any(it.is_value and not _blank(it) and id(it) not in claimed for it in items):
        return None                             # a value no group row holds: whose, is not known
    out: Readings = {}
    for group, run in zip(REVIEW_GROUPS, runs):
        for column, it in zip(REVIEW_COLUMNS, run):
            out[f"review_litigation.{group}.{column}"] = reading(it.cell, [it.line], _METHOD)
    return out
