"""The HTML-to-text converter ``llm_extract.ingest.html`` used before it moved to lxml (commit 7286180),
on the standard library's ``html.parser``: the oracle of tests/test_html_differential.py, which shows
the lxml converter prints the same lines. Not used by the tool itself: only its event handling is kept
here; the page policy it drives is imported from the tool.
"""

from __future__ import annotations

from html.parser import HTMLParser

# the page policy (which tags are skipped, blocks, chrome and content; a cell's blocks) is the tool's own:
# what this oracle checks is the other parser, the standard library's, driving that policy to the same lines
from llm_extract.ingest.html import _ARTICLE, _BLOCKS, _SKIP, _VOID, _Cell, _Chrome
from llm_extract.ingest.html_chrome import is_chrome as _is_chrome, is_content as _is_content
from llm_extract.ingest.html import _Converter as _Tool

__all__ = ["reference_html_to_text"]


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

    # --- output: the tool's own, on the same state (lines, _para, _cells, _rows) -------------------------
    _break = _Tool._break
    _close_cell = _Tool._close_cell
    _close_row = _Tool._close_row

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
