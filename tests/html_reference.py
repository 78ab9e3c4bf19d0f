"""The HTML-to-text converter ``llm_extract.ingest.html`` used before it moved to lxml (commit 7286180),
on the standard library's ``html.parser``: the oracle of tests/test_html_differential.py, which shows
the lxml converter prints the same lines. Not used by the tool itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser

__all__ = ["reference_html_to_text"]

_SKIP = frozenset({"script", "style", "head", "title", "noscript", "template", "select", "button", "textarea",
                   "iframe", "svg", "object"})
_CHROME_TOKENS = frozenset({"nav", "navbar", "navigation", "menu", "menubar", "subnav", "breadcrumb", "breadcrumbs",
                            "crumb", "crumbs", "position", "location", "dqwz", "head", "header", "topbar",
                            "footer", "foot", "bottom", "copyright", "sitemap", "search", "toolbar", "share"})
# a class or id naming the article's own parts is never chrome (article-header, content-top)
_CONTENT_TOKENS = frozenset({"article", "content", "main", "detail", "details", "title", "text", "body", "post",
                             "news", "zw", "wz", "trs", "editor"})
_CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "menu", "menubar"})
_ARTICLE = frozenset({"article", "main"})
_BLOCKS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
                     "br", "hr", "blockquote", "pre", "section", "article", "main", "center", "address",
                     "caption", "header", "footer", "form", "fieldset", "figure", "figcaption", "body"})
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "param",
                   "source", "track", "wbr"})
_SPACE = re.compile(r"\s+")
# a cell longer than this with several paragraphs is page layout (an article in a layout table)
_LAYOUT_CELL_CHARS = 120
# chrome that holds a line this long (a paragraph) or this many table cells is content after all
_PARAGRAPH_CHARS = 100
_REPORT_CELLS = 20


def _collapse(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _is_chrome(tag: str, attrs: dict[str, str], in_article: bool) -> bool:
    if tag == "nav" or (tag in ("header", "footer") and not in_article):
        return True
    if not attrs:                                   # most tags: nothing to look at
        return False
    return _chrome_names(attrs.get("role", ""), attrs.get("class", ""), attrs.get("id", ""))


@lru_cache(maxsize=4096)
def _chrome_names(role: str, cls: str, id_: str) -> bool:
    """Does a role, class or id name site chrome? (cached: a page repeats the same few)"""
    if role.lower() in _CHROME_ROLES:
        return True
    tokens = set(re.split(r"[^a-z0-9]+", f"{cls} {id_}".lower()))
    return bool(tokens & _CHROME_TOKENS) and not tokens & _CONTENT_TOKENS


def _is_content(lines: list[str], has_h1: bool) -> bool:
    """Lines of an element that looked like chrome, but hold the article (a title, a paragraph, a report table)."""
    cells = sum(1 for line in lines if line.startswith("\t"))
    return has_h1 or cells >= _REPORT_CELLS or any(len(line) > _PARAGRAPH_CHARS for line in lines)


@dataclass
class _Cell:
    depth: int                                   # the table nesting depth the cell belongs to
    blocks: list[str] = field(default_factory=list)
    current: list[str] = field(default_factory=list)
    container: bool = False                      # holds a nested table: page layout, not data

    def end_block(self) -> None:
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


class _Converter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self._para: list[str] = []
        self._cells: list[_Cell] = []
        self._rows: list[bool] = []              # per open table: is a row open
        self._skip: list[str] = []               # the tag being skipped, then nested tags of the same name
        self._open: list[str] = []               # open elements (for "inside <article>")
        self._chrome: _Chrome | None = None

    # --- output -------------------------------------------------------------------------------------------
    def _break(self) -> None:
        if self._cells:
            self._cells[-1].end_block()
            return
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
            self.lines.append("")

    # --- parser callbacks ---------------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip and tag == "body" and self._skip[0] == "head":    # an unclosed <head>
            self._skip.clear()
        if self._skip:
            if tag == self._skip[0] and tag not in _VOID:
                self._skip.append(tag)
            return
        if tag in _SKIP:
            self._skip.append(tag)
            return
        if tag == "table":
            self._start_table()
        elif tag == "tr":
            self._close_row()
            if self._rows:
                self._rows[-1] = True
        elif tag in ("td", "th"):
            depth = len(self._rows)
            self._close_cell(depth)
            if self._rows:
                self._rows[-1] = True
            self._cells.append(_Cell(depth))
        elif tag in _BLOCKS:
            self._break()
        if tag not in _VOID:
            self._track_chrome(tag, {k.lower(): (v or "") for k, v in attrs})
            self._open.append(tag)

    def _track_chrome(self, tag: str, attrs: dict[str, str]) -> None:
        chrome = self._chrome
        if chrome is not None:
            chrome.open += tag == chrome.tag
            chrome.has_h1 = chrome.has_h1 or tag == "h1"
        elif _is_chrome(tag, attrs, any(t in _ARTICLE for t in self._open)):
            self._break()
            cell = self._cells[-1] if self._cells else None
            self._chrome = _Chrome(tag, len(self.lines), cell, len(cell.blocks) if cell else 0)

    def _end_chrome(self, tag: str) -> None:
        chrome = self._chrome
        if chrome is None or tag != chrome.tag:
            return
        chrome.open -= 1
        if chrome.open:
            return
        self._chrome = None
        self._break()
        if _is_content(self.lines[chrome.mark:], chrome.has_h1):
            return
        del self.lines[chrome.mark:]
        if chrome.cell is not None and self._cells and self._cells[-1] is chrome.cell:
            del chrome.cell.blocks[chrome.cell_blocks:]

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def _start_table(self) -> None:
        self._break()
        if self._cells:                           # a table inside a cell: the cell is layout
            outer = self._cells[-1]
            outer.container = True
            self.lines.extend(outer.blocks)
            outer.blocks = []
        self._rows.append(False)

    def handle_endtag(self, tag: str) -> None:
        if self._skip:
            if tag == self._skip[0]:
                self._skip.pop()
            return
        if tag in self._open:                     # tolerate unclosed inner elements
            while self._open and self._open.pop() != tag:
                pass
        if tag == "table":
            if self._rows:
                self._close_row()
                self._close_cell(len(self._rows))
                self._rows.pop()
            self._break()
        elif tag == "tr":
            self._close_row()
        elif tag in ("td", "th"):
            self._close_cell(len(self._rows))
        elif tag in _BLOCKS:
            self._break()
        self._end_chrome(tag)

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        (self._cells[-1].current if self._cells else self._para).append(data)

    def finish(self) -> str:
        self.close()
        while self._rows:
            self.handle_endtag("table")
        while self._cells:                        # cells outside any table (broken markup)
            self._close_cell(self._cells[-1].depth)
        self._break()
        return "\n".join(self.lines) + "\n"


def reference_html_to_text(html: str) -> str:
    """The page's text: paragraphs as lines, table cells one per line (see the module docstring)."""
    parser = _Converter()
    parser.feed(html)
    return parser.finish()
