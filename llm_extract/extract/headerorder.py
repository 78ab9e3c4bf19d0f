"""表二's and 表四's columns printed in another order than the form's, as their header names them.

An agency may print 表二's 现行有效件数 before 本年废止件数, or 表四's 尚未审结 before 其他结果, 复议后起诉 before
未经复议直接起诉, or 行政诉讼's ten columns before 行政复议's five. The readers place a row's cells in the form's order; no identity checks 表二, and 表四's group sums
treat the four results of a group alike (and the two suits' groups alike), so cells read in the form's order would
be proven under the wrong columns. Where the header names each column of the block once (表四: once or once per
group, always in one order), in another order than the form's, the cells are placed as it says; a header's word
order may be a text tool's (pdfminer's boxes), so the cells the two orders read differently are never proven
(``READ.HEADER_ORDER``). A name a header cell wraps (``结果<br>维持``: the words ``结果 维持``) is named by its pieces
in order (:func:`name_places`): read in the form's order, its cells would be proven under the wrong columns. A
header that does not name them so (split among other columns' pieces, 数据1…, lost) moves nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from .layout import Item, label_key

__all__ = ["STOCK_NAMES", "T4_RESULT_NAMES", "Word", "header_order", "name_places", "review_last", "suits_swapped", "t4_order",
           "t4_placed", "words"]

#: 表二's stock columns (规章, 行政规范性文件), in the form's order
STOCK_NAMES = ("本年制发件数", "本年废止件数", "现行有效件数")
#: 表四's columns of a group, in the form's order
T4_RESULT_NAMES = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
#: 表四's two suits' groups, in the form's order (行政复议 is the form's first group)
_SUITS = ("未经复议直接起诉", "复议后起诉")
#: 表四's two kinds of case, in the form's order: 行政复议's group, then 行政诉讼's two
_KINDS = ("行政复议", "行政诉讼")


class Word(str):
    """A header's word (a label key) and the line it is printed on: a name's pieces are joined within a line only."""

    line: int

    def __new__(cls, text: str, line: int) -> "Word":
        word = super().__new__(cls, text)
        word.line = line
        return word


def words(items: Sequence[Item], lines: Sequence[str] | None = None, end: int | None = None) -> list[str]:
    """The words of a header's ``items``, in order, each as a label key: with the document's ``lines``, the lines
    from the first item's up to line ``end`` (not included; by default the last item's, included) parted at their
    whitespace (PDF text prints a header's line with its column names apart, ``商业企业    科研机构``, and the reader
    joins a line's words, even consecutive lines, into one item); else each text item's text so parted."""
    texts = [it for it in items if it.is_text]
    if lines and texts:
        last = min(end if end is not None else texts[-1].line + 1, len(lines) + 1)
        return [Word(label_key(w), n) for n in range(max(texts[0].line, 1), last) for w in lines[n - 1].split()]
    return [Word(label_key(w), it.line) for it in texts for w in it.raw.split()]


def name_places(header: Sequence[str], name: str) -> list[int]:
    """Where ``header`` (its words in order) names ``name``: a word that is the name, or consecutive words of one
    line that are its pieces (a web page's cell wrapping it, ``社会<br>公益<br>组织``: the line ``⇥社会 公益 组织``), at the
    index of the first. Pieces on several lines are no name: PDF text prints a header's wrapped cells a line of
    pieces at a time, in an order of its own."""
    places: list[int] = []
    if name not in "".join(header):         # (named whole or in pieces, it is in the words run together)
        return places
    n = len(header)
    for i, first in enumerate(header):
        if first == name:
            places.append(i)
            continue
        if not name.startswith(first):      # (most words: no piece of the name)
            continue
        joined, line, j = first, getattr(first, "line", None), i + 1
        while j < n and joined != name and name.startswith(joined):
            word = header[j]
            if getattr(word, "line", None) != line:
                break
            joined += word
            j += 1
        if joined == name:
            places.append(i)
    return places


def header_order(header: Sequence[str], names: Sequence[str], repeats: Sequence[int] = (1,)) -> tuple[int, ...] | None:
    """The form's column of each printed column, in printed order, where ``header`` (its words in order) names
    each of ``names`` the same number of times (one of ``repeats``), every repetition in one order other than
    the form's; else None."""
    places = [name_places(header, name) for name in names]
    times = len(places[0])
    if times not in repeats or any(len(p) != times for p in places):
        return None
    orders = {tuple(sorted(range(len(names)), key=lambda c: places[c][k])) for k in range(times)}
    if len(orders) != 1:
        return None
    order = orders.pop()
    return None if order == tuple(range(len(names))) else order


def t4_order(header: Sequence[str], suits_swapped: bool = False, review_last: bool = False) -> tuple[int, ...] | None:
    """表四's fifteen cells: the form's cell (group × 5 + column) of each printed cell, where its ``header`` (the
    words before its first cell) names the columns of a group (once, or once per group) in another order than the
    form's, or the two suits' groups are printed the other way round (``suits_swapped``: :func:`suits_swapped`),
    or 行政复议's group after 行政诉讼's (``review_last``: :func:`review_last`)."""
    columns = header_order(header, T4_RESULT_NAMES, (1, 3)) or tuple(range(5))
    suits = (2, 1) if suits_swapped else (1, 2)
    groups = (*suits, 0) if review_last else (0, *suits)
    order = tuple(g * 5 + c for g in groups for c in columns)
    return None if order == tuple(range(15)) else order


def suits_swapped(lines: Sequence[str], first: int, top: int, bottom: int) -> bool:
    """Whether 表四's text from line ``first`` (its heading) to ``bottom`` names 复议后起诉's group before 未经复议直接起诉's:
    the two names on one line of the header, the first left; or each in the label of a row among the cells (lines
    ``top`` … ``bottom``: ``行政诉讼（复议后起诉）`` with its five numbers), the first above. Names on two lines of a header
    say nothing of their columns' order (a header printed in stacked cells puts a right column's name higher)."""
    return _named_first(lines, _SUITS, max(first, 1), min(bottom, len(lines)), top)


def review_last(lines: Sequence[str], first: int, top: int) -> bool:
    """Whether 表四's header (lines ``first`` … ``top``, its first cell's line, excluded) names 行政诉讼 before 行政复议:
    the two names on one line of the header, the first left, or as two cells one to a line side by side (a web
    page's or a Word table's row, ``⇥行政诉讼`` then ``⇥行政复议``). A line naming both the other way (the section's
    heading, ``行政复议、行政诉讼情况``) is no header cell and says nothing."""
    return _named_first(lines, _KINDS, max(first, 1), min(top - 1, len(lines)), len(lines) + 1, apart=True)


def _compact(line: str) -> str:
    return "".join(line.split())            # a cell's wrapped name (复议后<br>起诉) read whole


def _named_first(lines: Sequence[str], names: tuple[str, str], start: int, stop: int, top: int,
                 apart: bool = False) -> bool:
    """Whether lines ``start`` … ``stop`` name ``names[1]`` before ``names[0]``: on a line naming both, the first
    left (every such line so); else each named on one line only, as adjacent one-cell lines (a table's row
    printed a cell to a line), the first above, or each in a row's label among the cells (from line ``top`` on),
    the first above. A line naming both in a sentence (the section's heading, ``行政复议、行政诉讼情况``) is no
    header and says nothing; with ``apart``, so is a line naming both in one word (``行政诉讼和行政复议``: a note)."""
    texts = {n: _compact(lines[n - 1]) for n in range(start, stop + 1)}
    first, second = names
    both = [t for n, t in texts.items() if first in t and second in t and "情况" not in t
            and not (apart and any(all(name in w for name in names) for w in lines[n - 1].split()))]
    if both:
        return all(t.index(names[1]) < t.index(names[0]) for t in both)
    found = [[n for n, t in texts.items() if name in t and "情况" not in t] for name in names]
    if any(len(at) != 1 for at in found):
        return False
    (one,), (two,) = found
    if two + 1 == one and all(lines[n - 1].startswith("\t") for n in (one, two)):
        return True
    return top <= min(one, two) and two < one


def t4_placed(chosen: list[Item], items: list[Item], lines: Sequence[str]) -> list[Item]:
    """表四's fifteen ``chosen`` cells (in printed order) in the form's order, as the header above them and the
    rows' labels among them name it (:func:`t4_order`; ``items``: the region's, ``lines``: the document's)."""
    top, bottom = min(it.line for it in chosen), max(it.line for it in chosen)
    first = min((it.line for it in items), default=top)
    order = t4_order(words([it for it in items if it.line < top], lines, top),
                     suits_swapped(lines, first, top, bottom) if lines else False,
                     review_last(lines, first, top) if lines else False)
    return chosen if order is None else [chosen[order.index(c)] for c in range(15)]
