"""表三 labels printed over two table rows, the numbers on the first (a Word/HTML table).

``5.要求行政机关 | 1 | 0 | … | 1`` then ``确认或重新出具已获取信息 | &nbsp; | …``: the first part is too short
for the row's pattern, so only the second part, whose cells are blank, is recognised. Read that way the
row's numbers go to the row above and the row comes out blank. The row's label is its first part when
the two parts join into the form's label; when they do not, which cells are the row's is not known.
"""

from __future__ import annotations

from ..form import FORM
from .cells import EMPTY_KINDS
from .labels import TABLE3_LABELS, TABLE3_PATTERNS, match_row, strip_item_number
from .layout import Item, label_key

__all__ = ["short_heads"]

#: the group headings a table may print (or repeat) on every row before its label
_GROUPS = frozenset(label_key(h) for h in ("三、本年度办理结果", *(r.group for r in FORM.table3_rows if r.group)))
_PRINTED = {r.key: label_key(r.label) for r in FORM.table3_rows}


def _heading(it: Item) -> bool:
    return it.is_text and it.key in _GROUPS


def _head_of(items: list[Item], idx: int, taken: set[int]) -> int | None:
    """The first part of the label at ``idx``: a text item with an item number and no row's label,
    with numbers after it, standing right before ``idx`` (group headings aside). ``None`` if none."""
    j = idx - 1
    while j >= 0 and _heading(items[j]):
        j -= 1
    numbers = 0
    while j >= 0 and items[j].is_value:
        numbers += items[j].cell.is_number
        j -= 1
    if j < 0 or not numbers or j in taken:
        return None
    head = items[j]
    if head.col is not None or _heading(head) or strip_item_number(head.key) == head.key \
            or any(match_row(head.key, pattern) for _, pattern in TABLE3_LABELS):
        return None
    return j


def _blank_row(items: list[Item], idx: int) -> bool:
    """The cells after the label item at ``idx`` (up to the next word) are all empty."""
    cells = []
    for it in items[idx + 1:]:
        if it.is_text:
            break
        cells.append(it)
    return bool(cells) and all(it.cell.kind in EMPTY_KINDS for it in cells)


def _joins(head: str, tail: str, printed: str) -> bool:
    """The two parts make the form's label: the head opens it, and the tail closes it or follows the head."""
    bare = strip_item_number(printed)
    head_bare = strip_item_number(head)
    opens = printed.startswith(head) or (len(head_bare) >= 2 and bare.startswith(head_bare))
    return opens and (printed.endswith(tail) or (head + tail) in printed or (head_bare + tail) in bare)


def short_heads(items: list[Item], labels: dict[str, int]) -> list[str]:
    """Move each row found by the second part of a label printed over two table rows (no item number,
    blank cells) to the label's first part, which carries the numbers. Returns the rows of that shape
    whose two parts do not join into the form's label: their cells are not known to be theirs.

    A row found at a group heading printed on its table row (the heading joined to the label matched)
    moves to its label, when the label alone matches the row."""
    doubtful: list[str] = []
    taken = set(labels.values())
    for row, idx in list(labels.items()):
        printed = _PRINTED.get(row)
        if printed is not None and _heading(items[idx]) and idx + 1 < len(items) and items[idx + 1].is_text \
                and idx + 1 not in taken and match_row(items[idx + 1].key, TABLE3_PATTERNS[row]):
            # a group heading repeated on the row (（六）其他处理 | 3.其他): joined to the label it matched the
            # row, but the label alone does, and the numbers follow the label
            taken.discard(idx)
            labels[row] = idx = idx + 1
            taken.add(idx)
        cont = items[idx]
        if printed is None or cont.col is not None or strip_item_number(cont.key) != cont.key \
                or not _blank_row(items, idx):
            continue
        head = _head_of(items, idx, taken)
        if head is None:
            continue
        if _joins(items[head].key, cont.key, printed):
            labels[row] = head
            taken.add(head)
        else:
            doubtful.append(row)
    return doubtful
