"""Bare page numbers of a text that keeps its page breaks (``pdftotext -layout``: a form feed opens each page),
or of one that lost them but counts its pages (1, 2, 3 alone on their lines, the 3 last or the 1 first).

A page's number printed alone (``2``, no 第…页 around it) looks like a table cell: inside 表三 or 表四 it
adds a number to the table. It is told from a cell by where it stands and what it says: the last line of
its page with any text (a footer) or the first (a header), holding one whole number equal to that page's
place in the document (1, 2, 3, …), and the document numbers at least two of its pages so. A cell alone
on a line at a page's edge that happens to equal its page's place is possible, hence the second page.

A page's foot 第 2 页 共 5 页 that a text tool broke over two lines (``pdf2txt.py``: `` 第 2 `` / `` 页 共 5 页``) leaves
its number after a word, as a cell after its label: the two lines are joined back into the one foot they are
(:func:`joined_page_marks`), which every reader knows as page furniture.
"""

from __future__ import annotations

import re

from .linetext import LineText

__all__ = ["without_page_numbers", "joined_page_marks", "page_feet", "marked_feet", "page_marks_blanked", "PAGE_MARK_IN", "PAGE_FEED"]

#: what text tools print at a page break (pdftotext, pdfminer): a form feed, before the new page's first line
PAGE_FEED = "\f"
_NUMBER = re.compile(r"^\s*(\d{1,3})\s*$")
_MIN_PAGES = 2
#: a page's foot broken after its number: 第 2 / 页 共 5 页 (the lines between it and its rest blank, at most this many)
_FOOT_OPEN = re.compile(r"^\s*第\s*\d{1,3}\s*$")
_FOOT_CLOSE = re.compile(r"^\s*页\s*(?:[/,，]?\s*共\s*\d{1,3}\s*页)?\s*$")
_FOOT_GAP = 2
#: what a line opening a broken page foot holds (第, spaces or form feeds, a digit): a text without it has none
_FOOT_NUMBER = re.compile(r"第[^\S\n]*\d")
#: a line holding a number alone, at the margin or anywhere (:data:`_NUMBER`), in a text of lines (:class:`.LineText`)
_AT_MARGIN_LINE = re.compile(r"(?m)\n(\d{1,3})$")
_NUMBER_LINE = re.compile(r"(?m)\n[^\S\n]*(\d{1,3})[^\S\n]*$")


#: a page's foot or head printed inside a table's line, beside a label or a cell (a Word page break inside a web
#: page's cell: ``行政事业性收费 第 5 页``; a crawler's dump that ran one into its line, ``行政许可 第4页/共6页 447228``):
#: its number is no cell
PAGE_MARK_IN = re.compile(r"第[^\S\n]*\d{1,3}[^\S\n]*页(?:[^\S\n]*[/,，]?[^\S\n]*共[^\S\n]*\d{1,3}[^\S\n]*页)?")


def page_marks_blanked(line: str) -> str:
    """``line`` with each page mark inside it (第 5 页, 第4页/共6页) blanked, as wide as it was printed (a wide
    character two spaces), when the line holds more than the mark; ``line`` itself otherwise."""
    if "页" not in line or not PAGE_MARK_IN.search(line):
        return line
    out = PAGE_MARK_IN.sub(lambda m: "".join("  " if ord(c) > 0x2E7F else " " for c in m.group()), line)
    return out if out.strip() else line


def joined_page_marks(lines: list[str]) -> list[str]:
    """``lines`` with each page foot broken after its number (``第 2`` / ``页 共 5 页``) joined on its first line, the
    second left empty (line numbers hold); ``lines`` itself when there is none."""
    out: list[str] | None = None
    for i in LineText.of(lines).indices(_FOOT_NUMBER):     # (the lines that may open one: most texts have none)
        line = lines[i]
        if not _FOOT_OPEN.match(line.replace(PAGE_FEED, "")):
            continue
        rest = next((j for j in range(i + 1, min(i + 2 + _FOOT_GAP, len(lines)))
                     if lines[j].replace(PAGE_FEED, "").strip()), None)
        if rest is not None and PAGE_FEED not in lines[rest] and _FOOT_CLOSE.match(lines[rest]):
            out = out if out is not None else list(lines)
            out[i], out[rest] = line.rstrip() + " " + lines[rest].strip(), ""
    return out if out is not None else lines


def _pages(lines: list[str]) -> list[list[int]]:
    """The indices of the lines of each page (a line holding a form feed opens a page)."""
    pages: list[list[int]] = [[]]
    for i, line in enumerate(lines):
        if PAGE_FEED in line and pages[-1]:
            pages.append([])
        pages[-1].append(i)
    return pages


def _edge_numbers(lines: list[str], page: list[int], place: int) -> list[int]:
    """The page's first and last lines with text, when they hold the page's place alone."""
    filled = [i for i in page if lines[i].replace(PAGE_FEED, "").strip()]
    out = []
    for i in {filled[0], filled[-1]} if filled else ():
        m = _NUMBER.match(lines[i].replace(PAGE_FEED, ""))
        if m and int(m.group(1)) == place:
            out.append(i)
    return out


def without_page_numbers(lines: list[str]) -> list[str]:
    """``lines`` with each bare page number blanked (the line kept, empty, so that line numbers hold);
    ``lines`` itself when there is none (or a single one: no proof it is not a cell)."""
    text = LineText.of(lines)
    if PAGE_FEED not in text.text:
        found = _counted_pages(text)
        return [("" if i in found else line) for i, line in enumerate(lines)] if found else lines
    found = [i for place, page in enumerate(_pages(lines), start=1) for i in _edge_numbers(lines, page, place)]
    if len(found) < _MIN_PAGES:
        return lines
    out = list(lines)
    for i in found:
        out[i] = PAGE_FEED if PAGE_FEED in out[i] else ""
    return out


def _counted_pages(text: LineText) -> set[int]:
    """A text without page breaks (a PDF library's plain text): its page numbers are the lines that hold a
    number alone when those are exactly 1, 2, … N in order (N ≥ 2), the last of them the text's last line (feet)
    or the first of them its first (a library that puts each page's foot before its text). A table a cell to a
    line holds many numbers alone; a plain text's tables hold their numbers beside their labels, or indent
    them where the page numbers stand at the margin (so numbers at the margin are counted apart)."""
    lines = text.lines
    for pattern in (_AT_MARGIN_LINE, _NUMBER_LINE):
        alone = _counting(text, pattern)
        if len(alone) >= _MIN_PAGES:
            filled = [i for i, line in enumerate(lines) if line.strip()]    # (only then: most texts fail above)
            if alone[-1] == filled[-1] or alone[0] == filled[0]:
                return set(alone)
    return set()


def _counting(text: LineText, pattern: re.Pattern[str]) -> list[int]:
    """The lines holding a number alone (``pattern``), when those numbers are 1, 2, … in order; none at the first
    that is not (a table's first cell, most often: no need to read on)."""
    alone: list[int] = []
    for i, m in text.matches(pattern):
        if int(m.group(1)) != len(alone) + 1:
            return []
        alone.append(i)
    return alone


def page_feet(lines: list[str]) -> set[int]:
    """The indices of the lines that end a page (the last with text before the next page's form feed) by
    holding its place alone: a footer's page number, one page's enough (a block reader that counts a
    table's numbers exactly is told by one page number too many, :mod:`.formorder`)."""
    pages = _pages(lines)
    out: set[int] = set()
    for place, page in enumerate(pages[:-1], start=1):
        filled = [i for i in page if lines[i].replace(PAGE_FEED, "").strip()]
        if filled and (m := _NUMBER.match(lines[filled[-1]].replace(PAGE_FEED, ""))) and int(m.group(1)) == place:
            out.add(filled[-1])
    return out


def marked_feet(lines: list[str]) -> set[int]:
    """The :func:`page_feet` whose page prints its folio as a mark too (第 2 页, — 2 —, anywhere on it: ``pdf2txt.py``
    prints the foot's box among a table's): such a number alone may as well be the page's last cell that happens to
    equal its place; a reader counting a table's numbers exactly may take it back (:mod:`.t3pages`)."""
    pages = _pages(lines)
    feet = page_feet(lines)
    return {i for place, page in enumerate(pages[:-1], start=1) for i in page
            if i in feet and _folio_printed(lines, [j for j in page if j != i], place)}


#: a page's folio printed as a mark of its own: 第 2 页 (共 5 页), — 2 —
_FOLIO_MARK = re.compile(r"第\s*(\d{1,3})\s*页|^\s*[-—–]+\s*(\d{1,3})\s*[-—–]+\s*$")


def _folio_printed(lines: list[str], page: list[int], place: int) -> bool:
    """Whether a line of the page prints its folio as a mark (第 2 页, — 2 —): a number alone at its end is then no
    second folio but a cell (``pdf2txt.py`` prints the foot's box among a table's, its last cell after it)."""
    return any(int(m.group(1) or m.group(2)) == place for i in page
               for m in [_FOLIO_MARK.search(lines[i].replace(PAGE_FEED, ""))] if m)
