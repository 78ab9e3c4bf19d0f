"""HTML report pages → text in the one-cell-per-line layout the extractor reads.

Government sites (TRS and other CMS editors, Word's "save as web page") publish
the annual report as an HTML article: site chrome around it, the three tables as
``<table>`` markup with rowspan/colspan and cells wrapped in ``<p><span>``.
:func:`html_to_text` turns a page into the layout of a Word text export:

* paragraphs, headings, list items and ``<br>`` become lines;
* every table cell becomes one line, a tab then the cell's whitespace-collapsed
  text (a ``&nbsp;``-only cell is a tab-only line, a blank cell); an empty line
  follows every table row; a merged (rowspan/colspan) cell appears once, where
  the HTML puts it;
* nested tables are flattened in document order; a cell that holds a table or a
  long run of paragraphs is page layout, not data, and its text becomes plain lines;
* tables built of ``<div>``s are tables (:mod:`.html_divs`: ARIA roles, CSS grid cells,
  flex rows of boxes, divs the page's style sheet displays as a table's elements);
* an ``<iframe>`` whose ``srcdoc`` holds its page (a table a CMS shows in a frame) is read
  where it stands, as a page of its own (frames in frames two deep); a frame of another
  page (``src``) is not followed;
* ``<script>``, ``<style>``, ``<head>`` and form controls are dropped, and so is
  recognisable site chrome: ``<nav>``, ``<header>``/``<footer>`` outside an
  ``<article>``, and elements whose role, class or id names navigation, a menu,
  a breadcrumb trail, a page head or foot (``class="nav"``, ``id="footer"``; not
  ``article-header``). Chrome is removed only after its end tag, and only when it
  holds neither a ``<h1>``, nor a paragraph-length line, nor a table of
  report size: mis-nested markup can make an element run to the end of the page,
  and then nothing is lost;
* what a reader of the page does not see is left out: elements hidden by their style, the
  ``hidden`` attribute or the page's CSS (:mod:`.html_head`), and ``<del>`` (a deleted
  revision); unless the report is only there (a page showing its article by script). A table
  cell whose own style says ``visibility:hidden`` still takes its place in its row, empty: it
  is a blank cell (``display:none`` takes the cell out of the row);
* Word's zero-height row of empty cells under a table (:mod:`.html_layout_rows`) is no row;
* an article that prints no title line, or one that names no body (``2023年政府信息公开工作年度报告``,
  a department's page), is preceded by the page's ``<title>`` when that names one.

libxml2 (through lxml) parses the page and closes unclosed elements as a browser's
parser does (an element left open ends with its parent); the converter is its parser
target, O(1) per element, so a hostile page costs time linear in its size.

:func:`decode_html` (:mod:`.html_charset`) picks the encoding.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from lxml import etree

from ..form import FORM
from .html_divs import FLEX_ROW, NO_LAYOUT, FlexBoxes, div_tag, grid_row, is_table_row, layout_rules
from .html_head import NO_RULES, HiddenRules, hidden_rules, is_hidden, keeps_place, page_title
from .html_charset import decode_html, declared_charset
from .html_layout_rows import dropped_layout_row, zero_height
from .html_pre import pre_lines
from .html_chrome import CHROME_TAGS, is_chrome, is_content

__all__ = ["html_to_text", "decode_html", "declared_charset"]

_SKIP = frozenset({"script", "style", "head", "title", "noscript", "template", "select", "button", "textarea",
                   "iframe", "svg", "object", "del"})
_ARTICLE = frozenset({"article", "main"})
_BLOCKS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
                     "br", "hr", "blockquote", "pre", "section", "article", "main", "center", "address",
                     "caption", "header", "footer", "form", "fieldset", "figure", "figcaption", "body"})
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "param",
                   "source", "track", "wbr"})
# every tag whose start or end does more than pass its text through (the rest: <span>, <font>, <b>, ...)
_MARKED = _SKIP | _BLOCKS | _VOID | _ARTICLE | CHROME_TAGS | {"td", "th", "tr", "table", "h1"}
# end tags libxml2 drops when no such element is open, although browsers (and the HTML5 rules) break the
# line there: ``</br>`` is a ``<br>``, a stray ``</p>`` an empty paragraph. Each is given a ``<br>`` before
# it (at an already broken line it changes nothing), so "1</br>2" in a cell never reads as 12.
_STRAY_BREAK = re.compile(r"</(?=(?:br|p)\s*>)", re.I)
# a cell longer than this with several paragraphs is page layout (an article in a layout table)
_LAYOUT_CELL_CHARS = 120

# iframes nested in iframes read (a srcdoc page holding a frame of its own), at most
_FRAMES = 2

# a line naming the report (its title); looked for in the text's first characters
_TITLED = re.compile(r"报告|年报")
_TITLE_SPAN = 600
# a report's title that names no body: a year (or nothing) before 政府信息公开… (a department's page's heading)
_NAMELESS = re.compile(r"^\s*(?:(?:20\d{2}|二[〇零○]二[〇零○一二三四五六七八九])\s*年度?)?\s*(?:政府信息公开|政务公开|信息公开)")
# a page title naming a body before the year (XX局2023年政府信息公开工作年度报告_XX市人民政府)
_NAMED = re.compile(r"[\u4e00-\u9fff]{2}.*?(?:20\d{2}|二[〇零○]二[〇零○一二三四五六七八九])\s*年")


def _untitled(head: str, title: str) -> bool:
    """Does the page's ``<title>`` name the report where the article's first lines do not: they hold no title, or
    one naming no body while the page's title names one?"""
    if not _TITLED.search(title):
        return False
    line = next((ln for ln in head.split("\n") if _TITLED.search(ln)), None)
    return line is None or (_NAMELESS.match(line) is not None and _NAMED.match(title) is not None)


def _collapse(text: str) -> str:
    return " ".join(text.split())                # str.split's whitespace is the regex's \s: Unicode's


@dataclass(slots=True)
class _Cell:
    depth: int                                   # the table nesting depth the cell belongs to
    blocks: list[str] = field(default_factory=list)
    current: list[str] = field(default_factory=list)
    container: bool = False                      # holds a nested table: page layout, not data

    def end_block(self) -> None:
        if self.current:
            text = _collapse("".join(self.current))
            if text:
                self.blocks.append(text)
            self.current = []


@dataclass
class _Chrome:
    """An open element that looks like site chrome; its output is removed at its end tag unless it is content."""

    tag: str
    mark: int                                    # len(lines) at its start
    cell: _Cell | None                           # the cell it started in, and that cell's block count
    cell_blocks: int
    open: int = 1                                # nested elements of the same name
    has_h1: bool = False


class _Converter:
    """An lxml parser target: libxml2 tokenises the page (HTML5 rules: entities, raw-text elements, a NUL
    as U+FFFD) and balances its elements (every start has its end, unclosed ones end where the HTML
    parser closes them); this turns those events into lines. Every event costs O(1): a page nested
    100,000 deep is read in linear time."""

    def __init__(self, hidden: HiddenRules | None = NO_RULES, layout: Mapping[str, str] = NO_LAYOUT,
                 frames: int = 0) -> None:
        self.hidden = hidden                     # what the page hides (html_head); None: read hidden elements too
        self.layout = layout                     # the table element the page's CSS shows a class as (html_divs)
        self.frames = frames                     # iframes' own pages (srcdoc) read within this one, nested
        self.hid = 0                             # hidden elements left out
        self.lines: list[str] = []
        self._para: list[str] = []
        self._cells: list[_Cell] = []
        self._rows: list[bool] = []              # per open table: is a row open
        self._skip = 0                           # depth inside a dropped element (script, head, ...)
        self._article = 0                        # open <article>/<main> elements
        self._chrome: _Chrome | None = None
        self._divs: list[str] = []               # per open <div>: the table element it stands for (html_divs)
        self._flex_marks: list[int] = []         # per open flex row: len(lines) at its start
        self._flex_nested: list[bool] = []       # per open flex row: holds a table (or a flex row) of its own
        self._grid_rows: list[str | None] = []   # per open table: the grid row of its last cell (CSS grid)
        self._boxes = FlexBoxes()                # which elements are a flex row's boxes (html_divs)
        self._zero_row: tuple[int, int] | None = None   # (table depth, len(lines)) at a zero-height <tr>'s start
        self._pre = 0                            # open <pre> elements outside a table cell: text kept as printed

    # --- output -------------------------------------------------------------------------------------------
    def _break(self) -> None:
        if self._cells:
            if (cell := self._cells[-1]).current:     # (most breaks find no text since the last one)
                cell.end_block()
            return
        if self._para:
            text = _collapse("".join(self._para))
            if text:
                self.lines.append(text)
            self._para = []

    def _close_cell(self, depth: int) -> None:
        if not self._cells or self._cells[-1].depth != depth:
            return
        cell = self._cells.pop()
        cell.end_block()
        text = " ".join(cell.blocks)
        if cell.container or (len(cell.blocks) > 1 and len(text) > _LAYOUT_CELL_CHARS):
            self.lines.extend(cell.blocks)
        else:
            self.lines.append("\t" + text)

    def _close_row(self) -> None:
        depth = len(self._rows)
        if depth and self._rows[-1]:
            self._close_cell(depth)
            self._rows[-1] = False
            if not dropped_layout_row(self._zero_row, depth, self.lines):     # (Word's: html_layout_rows)
                self.lines.append("")
        self._zero_row = None

    # --- parser target ------------------------------------------------------------------------------------
    def start(self, tag: str, attrib: dict[str, str]) -> None:
        if self._skip:
            self._skip += 1
            return
        if self._boxes.active and self._boxes.start() and tag not in _MARKED:
            tag = "td"                            # a flex row's box of an inline tag (<span>: html_divs)
        if tag not in _MARKED and not attrib and (self._chrome is None or tag != self._chrome.tag):
            return                                # <span>, <font>, <b>, ...: no line, no chrome
        if tag in _SKIP:
            if tag == "iframe" and self.frames and (frame := attrib.get("srcdoc")) and not self._is_hidden(attrib):
                self._frame(frame)
            self._skip = 1
            return
        if attrib and self._is_hidden(attrib):
            if (tag == "td" or tag == "th") and keeps_place(attrib):
                self._open_cell()                 # visibility:hidden: a blank cell where it stands, not no cell
            self._skip = 1
            self.hid += 1
            return
        if tag == "div":
            tag = div_tag(attrib, self._divs[-1] if self._divs else "", self.layout)
            self._divs.append(tag)
            if tag == "td" or tag == "th":
                self._grid_row(grid_row(attrib))
            elif tag == FLEX_ROW:                 # a table of one row (html_divs)
                self._start_table()
                self._rows[-1] = True
                self._flex_marks.append(len(self.lines))
                self._flex_nested.append(False)
                self._boxes.open_row()
                tag = "div"
        if tag == "td" or tag == "th":
            self._open_cell()
        elif tag == "tr":
            self._close_row()
            if self._rows:
                self._rows[-1] = True
                self._zero_row = (len(self._rows), len(self.lines)) if zero_height(attrib) else None
        elif tag == "table":
            self._start_table()
        elif tag == "pre" and not self._cells:
            self._break()
            self._pre += 1
        elif self._pre and not self._cells and tag in _BLOCKS:
            self._para.append("\n")              # (a <br> in a <pre>: a line break; the <pre>'s end: pre_lines)
        elif tag in _BLOCKS:
            self._break()
        if tag in _VOID:
            return
        chrome = self._chrome
        if chrome is not None:
            chrome.open += tag == chrome.tag
            chrome.has_h1 = chrome.has_h1 or tag == "h1"
        elif (attrib or tag in CHROME_TAGS) and is_chrome(tag, attrib, self._article > 0):
            self._break()
            cell = self._cells[-1] if self._cells else None
            self._chrome = _Chrome(tag, len(self.lines), cell, len(cell.blocks) if cell else 0)
        if tag in _ARTICLE:
            self._article += 1

    def _open_cell(self) -> None:
        depth = len(self._rows)
        self._close_cell(depth)
        if self._rows:
            self._rows[-1] = True
        self._cells.append(_Cell(depth))

    def _end_chrome(self, tag: str) -> None:
        chrome = self._chrome
        if chrome is None or tag != chrome.tag:
            return
        chrome.open -= 1
        if chrome.open:
            return
        self._chrome = None
        self._break()
        if is_content(self.lines[chrome.mark:], chrome.has_h1):
            return
        del self.lines[chrome.mark:]
        if chrome.cell is not None and self._cells and self._cells[-1] is chrome.cell:
            del chrome.cell.blocks[chrome.cell_blocks:]

    def _is_hidden(self, attrib: dict[str, str]) -> bool:
        return bool(attrib) and self.hidden is not None and is_hidden(attrib, self.hidden)

    def _frame(self, page: str) -> None:
        """An iframe's own page (its ``srcdoc``): read where the frame stands, as a page of its own."""
        text = _convert(page.encode("utf-8", "surrogatepass"), hidden_rules(page), layout_rules(page),
                        self.frames - 1)[0]
        self._start_table()                       # (in a cell, the cell is layout, as around a nested table)
        self.lines.extend(text.split("\n")[:-1])
        self._close_table()

    def _grid_row(self, row: str | None) -> None:
        """A CSS-grid table's cell names its row in its style, the rows have no element: a cell of another
        row than the one before it closes that row."""
        if not self._grid_rows:
            return
        if row is not None and self._grid_rows[-1] not in (None, row):
            self._close_row()
        self._grid_rows[-1] = row

    def _start_table(self) -> None:
        if self._flex_nested:
            self._flex_nested[-1] = True
        self._grid_rows.append(None)
        self._break()
        if self._cells:                           # a table inside a cell: the cell is layout
            outer = self._cells[-1]
            outer.container = True
            self.lines.extend(outer.blocks)
            outer.blocks = []
        self._rows.append(False)

    def end(self, tag: str) -> None:
        if self._skip:
            self._skip -= 1
            if not self._skip and self._boxes.active:      # (the skipped element itself ends)
                self._boxes.end()
            return
        if self._boxes.active and self._boxes.end() and tag not in _MARKED:
            tag = "td"
        if tag not in _MARKED and (self._chrome is None or tag != self._chrome.tag):
            return                                # (its start did nothing either)
        if tag in _VOID:                          # its start did the work (a <br>'s line break)
            return
        if tag == "div" and self._divs:
            tag = self._divs.pop()
            if tag == FLEX_ROW:
                self._end_flex_row()
                tag = "div"
        if tag == "td" or tag == "th":
            self._close_cell(len(self._rows))
        elif tag == "tr":
            self._close_row()
        elif tag == "table":
            self._close_table()
            self._break()
        elif tag == "pre" and self._pre and not self._cells:
            self._pre -= 1
            if not self._pre:
                self.lines.extend(pre_lines("".join(self._para)))
                self._para = []
        elif self._pre and not self._cells and tag in _BLOCKS:
            self._para.append("\n")
        elif tag in _BLOCKS:
            self._break()
        if tag in _ARTICLE:
            self._article -= 1
        if self._chrome is not None:
            self._end_chrome(tag)

    def _close_table(self) -> None:
        """A table (or a flex row standing for one) ends: its last row and cell closed, its grid dropped."""
        if self._rows:
            self._close_row()
            self._close_cell(len(self._rows))
            self._rows.pop()
        if self._grid_rows:
            self._grid_rows.pop()

    def _end_flex_row(self) -> None:
        """A flex row ends as a table does; unless it was a table's row (html_divs.is_table_row), its cells
        are plain lines again (where it holds a table of its own, its lines are left as they are)."""
        self._close_table()
        self._boxes.close_row()
        mark, nested = self._flex_marks.pop(), self._flex_nested.pop()
        if not nested and not is_table_row(self.lines[mark:]):
            self.lines[mark:] = [text for line in self.lines[mark:] if (text := line.lstrip("\t"))]

    def data(self, data: str) -> None:
        if not self._skip:
            (self._cells[-1].current if self._cells else self._para).append(data)

    def close(self) -> str:
        self._break()
        return "\n".join(self.lines) + "\n"


def _convert(page: bytes, hidden: HiddenRules | None, layout: Mapping[str, str] = NO_LAYOUT,
             frames: int = _FRAMES) -> tuple[str, int]:
    converter = _Converter(hidden, layout, frames)
    parser = etree.HTMLParser(target=converter, encoding="utf-8", no_network=True, huge_tree=True)
    parser.feed(page)
    return parser.close(), converter.hid


def html_to_text(html: str) -> str:
    """The page's text: paragraphs as lines, table cells one per line (see the module docstring).

    Hidden elements are left out (:mod:`.html_head`), unless the report is only in them (a page
    that shows its article by script). A page whose article prints no title line, or one naming no body,
    starts with its ``<title>`` (or ``<meta name="ArticleTitle">``) when that names one."""
    page = _STRAY_BREAK.sub("<br></", html).encode("utf-8", "surrogatepass")   # a lone surrogate: U+FFFD
    layout = layout_rules(html)
    text, hid = _convert(page, hidden_rules(html), layout)
    if hid and not any(heading.search(text) for heading in FORM.headings.values()):   # shown by script
        text, _ = _convert(page, None, layout)
    if text.strip() and (title := page_title(html)) and _untitled(text[:_TITLE_SPAN], title):
        text = title + "\n" + text
    return text
