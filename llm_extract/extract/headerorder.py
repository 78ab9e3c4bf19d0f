"""表二's and 表四's columns printed in another order than the form's, as their header names them.

An agency may print 表二's 现行有效件数 before 本年废止件数, or 表四's 尚未审结 before 其他结果, or 复议后起诉 before
未经复议直接起诉. The readers place a row's cells in the form's order; no identity checks 表二, and 表四's group sums
treat the four results of a group alike (and the two suits' groups alike), so cells read in the form's order would
be proven under the wrong columns. Where the header names each column of the block once (表四: once or once per
group, always in one order), in another order than the form's, the cells are placed as it says; a header's word
order may be a text tool's (pdfminer's boxes), so the cells the two orders read differently are never proven
(``READ.HEADER_ORDER``). A header that does not name them so (split, 数据1…, lost) moves nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from .layout import Item, label_key

__all__ = ["STOCK_NAMES", "T4_RESULT_NAMES", "header_order", "suits_swapped", "t4_order", "t4_placed", "words"]

#: 表二's stock columns (规章, 行政规范性文件), in the form's order
STOCK_NAMES = ("本年制发件数", "本年废止件数", "现行有效件数")
#: 表四's columns of a group, in the form's order
T4_RESULT_NAMES = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
#: 表四's two suits' groups, in the form's order (行政复议 is the first group and always printed first)
_SUITS = ("未经复议直接起诉", "复议后起诉")


def words(items: Sequence[Item], lines: Sequence[str] | None = None, end: int | None = None) -> list[str]:
    """The words of a header's ``items``, in order, each as a label key: with the document's ``lines``, the lines
    from the first item's up to line ``end`` (not included; by default the last item's, included) parted at their
    whitespace (PDF text prints a header's line with its column names apart, ``商业企业    科研机构``, and the reader
    joins a line's words, even consecutive lines, into one item); else each text item's text so parted."""
    texts = [it for it in items if it.is_text]
    if lines and texts:
        last = min(end if end is not None else texts[-1].line + 1, len(lines) + 1)
        return [label_key(w) for n in range(max(texts[0].line, 1), last) for w in lines[n - 1].split()]
    return [label_key(w) for it in texts for w in it.raw.split()]


def header_order(header: Sequence[str], names: Sequence[str], repeats: Sequence[int] = (1,)) -> tuple[int, ...] | None:
    """The form's column of each printed column, in printed order, where ``header`` (its words in order) names
    each of ``names`` the same number of times (one of ``repeats``), every repetition in one order other than
    the form's; else None."""
    places = [[i for i, key in enumerate(header) if key == name] for name in names]
    times = len(places[0])
    if times not in repeats or any(len(p) != times for p in places):
        return None
    orders = {tuple(sorted(range(len(names)), key=lambda c: places[c][k])) for k in range(times)}
    if len(orders) != 1:
        return None
    order = orders.pop()
    return None if order == tuple(range(len(names))) else order


def t4_order(header: Sequence[str], suits_swapped: bool = False) -> tuple[int, ...] | None:
    """表四's fifteen cells: the form's cell (group × 5 + column) of each printed cell, where its ``header`` (the
    words before its first cell) names the columns of a group (once, or once per group) in another order than the
    form's, or the two suits' groups are printed the other way round (``suits_swapped``: :func:`suits_swapped`)."""
    columns = header_order(header, T4_RESULT_NAMES, (1, 3)) or tuple(range(5))
    groups = (0, 2, 1) if suits_swapped else (0, 1, 2)
    order = tuple(g * 5 + c for g in groups for c in columns)
    return None if order == tuple(range(15)) else order


def suits_swapped(lines: Sequence[str], first: int, top: int, bottom: int) -> bool:
    """Whether 表四's text from line ``first`` (its heading) to ``bottom`` names 复议后起诉's group before 未经复议直接起诉's:
    the two names on one line of the header, the first left; or each in the label of a row among the cells (lines
    ``top`` … ``bottom``: ``行政诉讼（复议后起诉）`` with its five numbers), the first above. Names on two lines of a header
    say nothing of their columns' order (a header printed in stacked cells puts a right column's name higher)."""
    found = [[n for n in range(max(first, 1), min(bottom, len(lines)) + 1) if name in lines[n - 1]] for name in _SUITS]
    if any(len(at) != 1 for at in found):
        return False
    (direct,), (after,) = found
    if direct == after:
        return lines[after - 1].index(_SUITS[1]) < lines[direct - 1].index(_SUITS[0])
    return top <= min(direct, after) and after < direct


def t4_placed(chosen: list[Item], items: list[Item], lines: Sequence[str]) -> list[Item]:
    """表四's fifteen ``chosen`` cells (in printed order) in the form's order, as the header above them and the
    rows' labels among them name it (:func:`t4_order`; ``items``: the region's, ``lines``: the document's)."""
    top, bottom = min(it.line for it in chosen), max(it.line for it in chosen)
    first = min((it.line for it in items), default=top)
    order = t4_order(words([it for it in items if it.line < top], lines, top),
                     suits_swapped(lines, first, top, bottom) if lines else False)
    return chosen if order is None else [chosen[order.index(c)] for c in range(15)]
