"""Where a 表三 row's cells end: the start of another row, even one whose label was not recognised.

The reader takes a row's cells after its label; these tests say where they stop: a line that opens
another row (an item number), the text after a row's seventh cell that starts a sub-row (``（六）1.申请``
of a label wrapped into pieces no pattern matched), a label item that runs on into another row's start
(a crawler's run), or two labels run together.
"""

from __future__ import annotations

import re

from ..evidence import CellKind
from ..form import FORM
from ..schema import TABLE3_ROW_PATHS
from .labels import TABLE3_LABELS, TABLE3_PATTERNS, match_row, strip_item_number
from .layout import Item, label_key

__all__ = ["opens_other_row", "numbered", "GROUP_KEYS", "group_title_head", "group_title_piece", "row_starts_after", "runs_into_next", "merged_labels",
           "padded_seven"]


def opens_other_row(items: list[Item], line: int, label_idx: int) -> bool:
    """Whether ``line`` holds the start of another row (a word with an item number, "2．申请人", that is
    not this row's label): the numbers on it are that row's, even when its label was not recognised."""
    return any(it.line == line and it.is_text and j != label_idx and numbered(it.key)
               for j, it in enumerate(items))


#: a row's item number as the form prints it, punctuated (一、 （一） 1.): a bare 一 before words is a table
#: rule OCR read as 一 and joined on (``一处理行政机关…``, the second line of a wrapped label)
_ITEM_NUMBER = re.compile(r"^(?:[(\[]?[一二三四五六七八九十]+[)\]、.]|[(\[]?\d{1,2}[)\].、])")


def numbered(key: str) -> bool:
    """Whether a text item starts with an item number (another row's label, placed or not)."""
    return strip_item_number(key) != key and _ITEM_NUMBER.match(key) is not None


#: 表三's group labels (三、本年度办理结果, （三）不予公开, …) as label keys: a group's label opens no row of its own
GROUP_KEYS = tuple(label_key(r.group) for r in FORM.table3_rows if r.group)
#: the titles of its groups of sub-rows (（三）不予公开 …)
_GROUP_TITLES = tuple(key for key in GROUP_KEYS if key.startswith("("))


def group_title_piece(key: str) -> bool:
    """Whether a text item is a group's title or its first piece, wrapped in its narrow column (``（三）不`` /
    ``予公开``), alone or run together with a piece of the label beside it (``（三）不予益``): a numbered text,
    but no row's label; the cells after it are the row beside it."""
    if len(key) >= 4 and any(title.startswith(key) for title in _GROUP_TITLES):
        return True
    cut = group_title_head(key)         # ``（三）不予`` / ``益``: run together with the last piece of the label
    return cut > 0 and strip_item_number(key[cut:]) == key[cut:]     # beside it (no other row's number)


def group_title_head(key: str) -> int:
    """The length of a group title's first piece (four characters at least) that ``key`` opens with, when more
    follows it (``(五)不予物``: the title printed down its column beside the end of a sub-row's wrapped label,
    物 of 3.要求提供公开出版物); 0 otherwise."""
    best = 0
    for title in _GROUP_TITLES:
        n = 0
        while n < min(len(key), len(title)) and key[n] == title[n]:
            n += 1
        best = max(best, n)
    return best if 4 <= best < len(key) else 0


def row_starts_after(items: list[Item], last: Item, end: int, row: str) -> bool:
    """Whether the text right after the value item ``last`` (before the next value, within ``end``)
    opens another row: a sub-row's item number (``1. 申请`` of a label wrapped into pieces no pattern
    matched, ``人无正`` / ``当理由`` …). The values after it are that row's, not the row before; but
    ``row``'s own label printed again (the row repeated after a page break) opens no other row."""
    j = items.index(last) + 1
    while j < end and items[j].is_text:
        if _SUB_ROW_START.match(items[j].key):
            own = TABLE3_PATTERNS.get(row)
            return own is None or not match_row(items[j].key, own)
        j += 1
    return False


#: a sub-row's item number (1. / 2、); not a group's cell (三、本年度办理结果, （六）其他处理), which a layout may
#: print again beside every row of its group
_SUB_ROW_START = re.compile(r"^(?:[(（][一二三四五六七][)）])?\d{1,2}[.．、]")      # (（六）1.申请: the group's cell beside it)


#: another row's start inside a label's key, after the label: 3.其他, （四）无法提供 (an item number, then words)
_NEXT_ROW_START = re.compile(r"(?:^|[^\d.])\d{1,2}[.、]\s*[\u4e00-\u9fff]|[(（][一二三四五六七][)）]\s*[\u4e00-\u9fff]")


def runs_into_next(items: list[Item], labels: dict[str, int]) -> list[str]:
    """Rows whose label item runs on into another row's start (``…政府信息公开申请000000O3.其他``: a crawler's
    run the unfolding could not cut): the cells after the item are that other row's, or nobody's."""
    out = []
    for row, pattern in TABLE3_LABELS:
        idx = labels.get(row)
        if idx is None or row not in TABLE3_ROW_PATHS:
            continue
        m = pattern.search(items[idx].key)
        if m and _NEXT_ROW_START.search(items[idx].key[m.end():]):
            out.append(row)
    return out


def merged_labels(items: list[Item], labels: dict[str, int]) -> list[str]:
    """Rows whose label item also holds the label of a row that was not found (two labels run
    together: a blank row's label, then the next row's, in a crawler's dump). No printed label
    of the form matches another row's pattern, so this only happens when labels ran together."""
    lost = [(other, pattern) for other, pattern in TABLE3_LABELS if other not in labels]
    if not lost:
        return []
    return [row for row, idx in labels.items() if row in TABLE3_ROW_PATHS
            and any(other != row and match_row(items[idx].key, pattern) for other, pattern in lost)]


def padded_seven(span: list[Item]) -> bool:
    """Whether a row read a cell to a line is seven printed cells (numbers or placeholders), then only empty ones: the
    padding a converter gives each row of a grid up to its widest (markdownify flattening a page's nested tables).
    The seven printed are the row's: any other seven would leave one of them out."""
    return len(span) > 7 and all(it.cell.is_number or it.cell.kind is CellKind.PLACEHOLDER for it in span[:7]) \
        and all(it.cell.kind is CellKind.BLANK for it in span[7:])
