"""Where a converter's grid (Markdown) prints a 表三 row's label a column left of the labels of its level.

The form nests 表三's labels: 一、/二、/四、 span every label column, （一）…（七） stand in the column after the
group title 三、本年度办理结果, their sub-items (1. 2. …) in the last one. A grid built from a text whose row lost a
cell (a tab text where ``（一）予以公开`` stands in the first field and its numbers one field too far right:
``| （一）予以公开 |  |  |  | 0 | 0 | 0 | 0 | 0 | 0 |`` under ``|  | （三）不予公开 | 1.属于国家秘密 | 0 | …``) prints
the label a column left of its siblings and an empty field where a number was lost. Such an empty field among printed
numbers is no blank cell the report printed: the row is read as a tab text's row of six numbers is (not read; its
cells are then derived where the identities pin them), never as a proven blank.
"""

from __future__ import annotations

import re

from ..evidence import CellKind
from .cells import Cell
from .layout import Item

__all__ = ["lone_blank_left_of_level"]

#: a label's item number, by level: （一） (the result rows) and 1. (their sub-items); 一、 rows span every column
_LEVELS = (re.compile(r"^[(（][一二三四五六七八九十]{1,2}[)）]"), re.compile(r"^\d{1,2}[.、．]"))


def _level(key: str) -> int | None:
    return next((n for n, pattern in enumerate(_LEVELS) if pattern.match(key)), None)


def _label_column(items: list[Item], label: Item) -> int | None:
    """The column most grid lines as wide as the label's print the labels of its level in (another row's item
    number, not the label's own); ``None`` where the label has no item number or no sibling stands in the grid."""
    level = _level(label.key)
    if level is None:
        return None
    counts: dict[int, int] = {}
    for it in items:
        if it is not label and it.grid and it.is_text and it.col is not None and it.width == label.width \
                and _level(it.key) == level:
            counts[it.col] = counts.get(it.col, 0) + 1
    return max(counts, key=lambda c: (counts[c], -c)) if counts else None


def lone_blank_left_of_level(items: list[Item], label: Item, cells: list[Cell]) -> bool:
    """Whether a grid row's seven cells hold one empty field among six printed numbers while its label stands a
    column (or more) left of the column its level's other labels stand in: a lost cell, not a blank one."""
    if sum(c.kind is CellKind.BLANK for c in cells) != 1 or not all(c.is_number or c.kind is CellKind.BLANK
                                                                     for c in cells):
        return False
    column = _label_column(items, label)
    return column is not None and label.col is not None and label.col < column
