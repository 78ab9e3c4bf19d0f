"""表三 printed as a block of labels, then a block of rows of numbers: each row of numbers placed on its label.

    label_block(keys, values, patterns) -> {form row index: Placed}

For grounding (:mod:`verify.grounding`) in the text a two-column PDF table gives when its text tool reads the label
column first and the number cells after it (pdftotext of a table whose label cells are a column of their own):

    一、本年新收政府信息            <- the label cells, long ones wrapped over two or three lines,
    公开申请数量                       a group label （三）不予公开 on a line of its own
    （三）不予公开
    1.属于国家秘密
    …
    四、结转下年度继续办理
    129 28 2 0 0 0 159              <- then the rows of numbers, one row a line, in the same order
    0 1 0 0 0 0 1
    …

Every number then follows the last label, so no label names the numbers printed after it. The place pins them:
the k-th row of numbers is the k-th label's, when the count leaves no doubt:

* the block of labels runs from the label that names the form's first row (一、本年新收…) to the first segment
  whose text holds numbers, with no number among them;
* a label *item* starts at a segment beginning with an item number (一、 （三） 1.); a segment without one continues
  the item before it (a label wrapped over lines); an item naming no row of the form followed by a ``1.`` item is
  a group label (（三）不予公开) and holds no row;
* the rows of numbers are the non-empty lines after the last label, up to the next label (a page footer with words,
  a note or 表四's heading ends them); a line of placeholder marks only (``— — — — — — —``, ``/ / /``) is a row too:
  a blank row printing a mark in each cell (:func:`marks_only`);
* the items are placed on the form's rows by :func:`verify.roworder.place_by_order` (each names its row, or stands
  between named ones where the count leaves no doubt) and only when there are exactly as many rows of numbers as
  items; an item left unplaced, or a count that differs (a blank row the tool printed as nothing, a footer's page
  number), places nothing.

The order is the text tool's: pdfminer may box a group's rows in another order, and two rows of 三、本年度办理结果
(or 一、 and 二、) trading places keep every identity. So a placed cell grounds a model value on its own only where
no other placed row of the same identities prints another number in its column (:func:`order_doubts`; the rule of
the reader's own ``READ.ROW_ORDER``): elsewhere it is not found, and the model's agreement proves nothing.

A placed row is still matched number for number against the model's cells (:mod:`verify.cellmatch`): the place
gives the row, never the values. The numbers column by column (pdfminer: one number a line) are never a row a
line: their count (175 lines for 25 labels) places nothing.

Pure: label keys, value texts and the form's patterns in, places out.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from llm_extract.form import FORM

from .cellmatch import numbers
from .roworder import place_by_order

__all__ = ["Placed", "label_block", "label_items", "order_doubts", "cell_doubts", "printed_cells", "SWAP_GROUPS",
           "marks_only"]

#: an item number opening a label cell: 一、 （三） (3) 1. 2、
_ITEM = re.compile(r"^(?:[一二三四五六七八九十]{1,2}[、.]|\(?[一二三四五六七八九十]{1,2}\)|\d{1,2}[.、．](?!\d))")
_FIRST_SUB_ITEM = re.compile(r"^1[.、．]")
#: （七）总计 printed with no item number (总计, 合计): an item of its own, not the wrapped tail of 3.其他
_TOTAL = FORM.table3_rows[FORM.table3_row_keys.index("total_processed")].pattern
#: a row's printed cells: numbers (OCR letters, separators) and blank marks, apart
_TOKENS = re.compile(r"[^\s]+")
#: the words of the form's group labels (三、本年度办理结果, （三）不予公开, …): such an item naming no row holds none
_GROUP_WORDS = frozenset(_ITEM.sub("", unicodedata.normalize("NFKC", r.group)) for r in FORM.table3_rows if r.group)
#: a line of placeholder marks and nothing else: a blank row's cells, each printed as a mark
_MARKS_ONLY = re.compile(r"\s*(?:[—–\-/－]+\s*)+")


def marks_only(line: str) -> bool:
    """A line holding only placeholder marks (``— — — — — — —``): a blank row printed a mark a cell."""
    return bool(_MARKS_ONLY.fullmatch(line))


@dataclass(frozen=True)
class Placed:
    """A form row's label item (segments ``first``..``last``) and its row of numbers: the ``offset``-th line of
    the value text of segment ``after`` (the last label; 0 is the label's own line)."""

    first: int
    last: int
    after: int
    offset: int
    numbers: str


def label_block(keys: Sequence[str], values: Sequence[str],
                patterns: Sequence[re.Pattern[str]]) -> dict[int, Placed]:
    """The rows of a block of labels followed by a block of rows of numbers (see the module docstring)."""
    numbered = [bool(numbers(v)) for v in values]
    end = next((i for i, has in enumerate(numbered) if has), None)
    start = next((i for i, k in enumerate(keys) if patterns[0].search(k)), None)
    if end is None or start is None:
        return {}
    first_line = 0                                     # the value text's first line that may be a row of numbers
    if start > end:
        # the rows of numbers printed above the block of labels (a crawler's dump of the table with its label column
        # last): they are the lines after the header's last label, and no label of the block prints a number
        end = max(i for i in range(start) if numbered[i])
        if any(numbered[start:]):
            return {}
        last, first_line = len(keys) - 1, 1            # (a number on the header's own line, 数据7, is the header's)
    else:
        last = end
    items = label_items(keys, start, last, patterns)
    at = [(k, line) for k, line in enumerate(values[end].split("\n")) if k >= first_line and line.strip()]
    if items is None or len(at) != len(items) or not all(numbers(line) or marks_only(line) for _, line in at):
        return {}
    return {row: Placed(a, b, end, offset, line) for (row, a, b), (offset, line) in zip(items, at)}


def label_items(keys: Sequence[str], start: int, last: int,
                patterns: Sequence[re.Pattern[str]]) -> list[tuple[int, int, int]] | None:
    """The label items of segments ``start``..``last`` placed on the form's rows: (row, first segment, last
    segment) in order, group labels left out; None when an item no row is sure of, or rows out of order."""
    items: list[tuple[int, int]] = []                  # (first segment, last segment)
    for i in range(start, last + 1):
        if _ITEM.match(keys[i]) or not items or _TOTAL.match(keys[i]):
            items.append((i, i))
        else:
            items[-1] = (items[-1][0], i)
    item_keys = ["".join(keys[a:b + 1]) for a, b in items]
    names = [any(p.search(k) for p in patterns) for k in item_keys]
    kept = [n for n, (k, named) in enumerate(zip(item_keys, names))
            if named or not (n + 1 < len(item_keys) and _FIRST_SUB_ITEM.match(item_keys[n + 1])
                             and not _FIRST_SUB_ITEM.match(k) or _ITEM.sub("", k) in _GROUP_WORDS)]
    kept_keys = [item_keys[n] for n in kept]
    by_order = {pos: row for row, pos in place_by_order(kept_keys, [True] * len(kept), patterns).items()}
    placed: list[tuple[int, int, int]] = []
    for pos, key in enumerate(kept_keys):
        named = [r for r, p in enumerate(patterns) if p.search(key)]
        row = named[0] if len(named) == 1 else by_order.get(pos)
        if row is None or (placed and row <= placed[-1][0]):
            return None                                 # an item no row is sure of, or rows out of order
        placed.append((row, *items[kept[pos]]))
    return placed


#: form rows (indices) that trade places keeping every identity (the form's swap groups): 一、 and 二、 (their sum is
#: all the balance asks), and the outcome rows （一）予以公开 … （六）3.其他 (their sum is all （七）总计 asks)
SWAP_GROUPS: tuple[frozenset[int], ...] = tuple(frozenset(FORM.table3_row_keys.index(r) for r in group)
                                                for group in FORM.table3_swap_groups)


def order_doubts(placed: dict[int, Placed], width: int) -> dict[int, set[int]]:
    """Row → the columns of its placed cells another placed row of its swap group could own: that row prints
    another number in the column, or a blank mark where this one prints a number (a row that does not print
    ``width`` cells, numbers or marks, doubts its group's every column); and rows of any groups alike but for a
    blank marked where the other prints 0 (the identities count a blank as 0) doubt the cells where they differ."""
    return cell_doubts({row: printed_cells(p.numbers, width) for row, p in placed.items()}, width)


def printed_cells(line: str, width: int) -> tuple[str, ...] | None:
    """A row's ``width`` cells as printed, a blank mark as "" (``0 — 5``); None when it prints another count."""
    tokens = [t for t in _TOKENS.findall(line) if t.strip()]
    if len(tokens) != width or not all(marks_only(t) or numbers(t) == [t] for t in tokens):
        return None if len(numbers(line)) != width else tuple(numbers(line))
    return tuple("" if marks_only(t) else t for t in tokens)


def cell_doubts(cells: dict[int, tuple[str, ...] | None], width: int) -> dict[int, set[int]]:
    """Row → its columns in doubt, the rows' printed cells given ("" a blank; None a row not printing them all)."""
    out: dict[int, set[int]] = {}
    for group in SWAP_GROUPS:
        rows = [r for r in cells if r in group]
        if len(rows) < 2:
            continue
        if any(cells[r] is None for r in rows):
            for r in rows:
                out[r] = set(range(width))
            continue
        for col in range(width):
            if len({cells[r][col] for r in rows}) > 1:      # type: ignore[index]
                for r in rows:
                    out.setdefault(r, set()).add(col)
    counted = {r: tuple(c or "0" for c in cs) for r, cs in cells.items() if cs is not None and "" in cs}
    for r, key in counted.items():
        for o, cs in cells.items():
            if o != r and cs is not None and tuple(c or "0" for c in cs) == key:
                differ = {k for k, (a, b) in enumerate(zip(cells[r], cs)) if a != b}   # type: ignore[arg-type]
                out.setdefault(r, set()).update(differ)
                out.setdefault(o, set()).update(differ)
    return out
