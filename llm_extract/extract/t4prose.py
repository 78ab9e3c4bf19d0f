"""The sentences around 表四 whose counts and words are no cells.

A section 四 may open with a sentence (``本年度因政府信息公开被申请行政复议 0 件，被提起行政诉讼 6 件。``) before
the table, or a converter may set a sentence's words and numbers on lines of their own (BeautifulSoup's
``get_text`` with a line break between pieces parts every run of a Word page: ``2022`` /
``年，因政府信息公开工作被申请行政复议`` / ``6`` / ``件，…``). Where leaving a sentence's lines out leaves exactly
the table's fifteen numbers, they are left out.
"""

from __future__ import annotations

import re

from ..evidence import CellKind
from .layout import Item, Region

__all__ = ["without_prose"]

#: a sentence's punctuation: the counts on its line are the narrative's
_PROSE = re.compile(r"[。，；;！？]")
#: a sentence's piece that goes on from the count before it (件，提起… / 年，因… / 件。)
_GOES_ON = re.compile(r"^(?:[件年月日个条次项人宗起]|万元|人次)[^\d]*[。，；;、！？]")


def without_prose(region: Region) -> Region:
    """The region without a sentence's placeholder words and, where that leaves exactly 15 numbers, its lines."""
    return _without_prose(_without_prose_words(region))


def _prose_lines(items: list[Item]) -> set[int]:
    """The lines of a sentence: a line with its punctuation, and a count alone on its line that the next line's
    words go on from (a sentence a converter parted run by run)."""
    prose = {it.line for it in items if it.is_text and _PROSE.search(it.raw)}
    for i in range(len(items) - 1):
        a, b = items[i], items[i + 1]
        if a.cell.is_number and b.is_text and b.line > a.line and (i == 0 or items[i - 1].line < a.line) \
                and _GOES_ON.match(b.raw.strip()):
            prose.add(a.line)
    return prose


def _without_prose_words(region: Region) -> Region:
    """The region without the placeholder words of a sentence's line (``本年度 无 收取信息处理费情况。``, an OCR
    layer's spacing parting ``无`` from its words, between words): a word of a sentence is no empty cell."""
    items = region.items
    prose = {it.line for it in items if it.is_text and _PROSE.search(it.raw)}
    kept = [it for i, it in enumerate(items)
            if not (it.line in prose and it.cell.kind is CellKind.PLACEHOLDER and _among_words(items, i))]
    if len(kept) == len(region.items):
        return region
    return Region(region.name, region.start, region.end, region.heading, kept)


def _among_words(items: list[Item], i: int) -> bool:
    """Whether the item stands between words on its line (a word before or after it, no cell beside it): a
    row's last empty cell before a sentence run on after it (``— — — 、全年因…``) is a cell."""
    line = items[i].line
    sides = [items[j] for j in (i - 1, i + 1) if 0 <= j < len(items) and items[j].line == line]
    return bool(sides) and all(it.is_text for it in sides)


def _without_prose(region: Region) -> Region:
    """The region without the lines of a sentence (``本年度因政府信息公开被申请行政复议 0 件，被提起行政诉讼 6
    件。``), when the numbers off them are exactly the table's 15 and those on them are not: a sentence's
    counts are no cells."""
    prose = _prose_lines(region.items)
    kept = [it for it in region.items if it.line not in prose]
    if not prose or sum(1 for it in region.items if it.cell.is_number) == 15 \
            or sum(1 for it in kept if it.cell.is_number) != 15:
        return region
    return Region(region.name, region.start, region.end, region.heading, kept)
