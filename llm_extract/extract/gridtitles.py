"""A group title's piece beside a 表三 row's numbers in a converter's grid (Markdown).

A Word table prints 表三's group titles (三、本年度办理结果, （三）不予公开 …) in a merged first column, often
centred down it and wrapped in a narrow column; a converter that cuts the page into grid lines by height
(markitdown over a LibreOffice or Word PDF) gives each piece of the title to whichever grid line it stands
beside. A row whose label's line holds empty fields and whose numbers the converter laid on the next grid
line then finds a piece of the title in that line's first field (``| 办 | 4.保护第三方合法权益 |  | … |`` /
``| （三）不 |  | 6 0 | 0 0 | 0 0 | 6 |``; ``| 法提供 |  | 11 | …``; ``| 结 |  | 0 0 | …``).

:func:`title_pieces_only` says whether a line's words are such pieces only, standing in fields left of the
label's own: they name no row, neither another row's label nor this one's rest. :func:`numbers_between_rows` reads
such a line (or one with an empty first field) as the row's numbers in a narrow grid (fewer fields than columns,
where gridrows.py reads a row's own line only) where it is the one line of numbers between a label with none and
the next label holding its own: no other row can own it. Whether a row read so is proven, direction.py decides
(numbers other rows print above their labels leave it ``cells-above-or-below``); where the next label holds no
numbers the line may be its, and the row stays unread.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..evidence import CellKind
from .labels import rows_named
from .layout import Item
from .rowbounds import GROUP_KEYS, numbered

__all__ = ["title_piece", "title_pieces_only", "numbers_between_rows"]


def title_piece(key: str) -> bool:
    """Whether a text is a piece of one of 表三's group titles (``（三）不``, ``法提供``, ``结``; the whole title too):
    a run of its characters as the form prints it."""
    return bool(key) and any(key in title for title in GROUP_KEYS)


def title_pieces_only(line_items: Sequence[Item], label: Item) -> bool:
    """Whether every word on a grid line is a group title's piece in a field left of ``label``'s field (and at
    least one is): the line's other items are then its fields as a numbers-only line's."""
    if label.col is None:
        return False
    words = [it for it in line_items if it.is_text]
    return bool(words) and all(it.grid and it.col is not None and it.col < label.col and title_piece(it.key)
                               for it in words)


def numbers_between_rows(items: Sequence[Item], idx: int, end: int, same: Sequence[Item],
                         by_line: Mapping[int, list[Item]]) -> tuple[int, list[Item]] | None:
    """A narrow grid's row (markitdown: fewer fields than columns, ``| 6 0 | 0 0 | 0 0 | 6 |``) whose label's line holds
    empty fields only and whose numbers the converter laid on a grid line of their own below it, maybe beside a group
    title's piece (``| 办 | 4.保护第三方合法权益 |  |  |  |  |`` / ``| （三）不 |  | 6 0 | 0 0 | 0 0 | 6 |`` / ``理`` /
    ``| | 5.属于三类内部事务信息 | 7 1 | … |``): (that line, its items) where it is the only line with a value before the
    next row's label, as wide as the label's, its words title pieces left of the label's field (or none), the lines
    between holding words that name no row, and the next row's label has numbers of its own on its line (so these
    are not the next row's, printed above its label). ``None`` otherwise: the row stays unread (gridrows.py)."""
    label = items[idx]
    if label.col is None or any(it.is_value and it.cell.kind is not CellKind.BLANK for it in same):
        return None
    if end >= len(items) or not items[end].grid or items[end].line in by_line:
        return None
    if not any(it.line == items[end].line and it.is_value and it.cell.is_number for it in items[end + 1:end + 16]):
        return None                     # (the next row's numbers not on its label's line: these may be its)
    lines = [n for n, its in by_line.items() if any(it.is_value and it.cell.kind is not CellKind.BLANK for it in its)]
    if len(lines) != 1:
        return None
    numbers = by_line[lines[0]]
    if not all(it.grid for it in numbers) or (numbers[0].width or 0) != (label.width or 0) \
            or any(it.is_text for it in numbers) and not title_pieces_only(numbers, label):
        return None
    for n, its in by_line.items():
        if n != lines[0] and any(it.grid or numbered(it.key) or rows_named(it.key) for it in its if it.is_text):
            return None                 # (a word in a grid field, or a row's name: whose line is it?)
    return lines[0], numbers
