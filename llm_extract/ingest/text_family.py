"""Text files as other tools write them: what a ``.txt``, ``.md``, ``.json``, ``.jsonl`` or ``.csv`` really holds.

:func:`read_text_file` decodes the bytes (:func:`~llm_extract.ingest.text.decode_bytes`) and reads them as
what they are:

* a crawler export (:mod:`.exports`): its pages, each a title line and the article text, one after the
  other; with several pages, ``pages`` holds the 0-based first line of each, and
  :func:`llm_extract.multireport.split_reports` makes a record of each page that holds a report;
* a CSV table export: its rows as tab-joined lines;
* a web page saved as text (:func:`.embedded_html.is_html_page`): read by the HTML reader, as the same
  page saved as ``.html`` is (a markdown file holding a page's raw HTML keeps its blank lines as paragraph
  breaks: :func:`.embedded_html.markdown_paragraphs`);
* a database's text field copied out as stored, its line breaks written as ``\\n`` escapes: its escapes and
  entities read first (:mod:`.escaped_dump`), then read as text;
* text: the line numbers a viewer or the quote marks an e-mail put before every line taken out
  (:func:`.line_prefixes.without_line_prefixes`), a one-cell-a-line export's tabs a tool wrote as spaces
  written as tabs again (:func:`.expanded_tabs.tabs_unexpanded`), the lines a fixed-width tool cut joined back
  (:func:`.hard_wraps.unwrapped_lines`); a browser's innerText of paragraph cells (a cell between blank lines, a tab alone on a line between two)
  folded back a row a line (:func:`.innertext_cells.folded_block_cells`); a line holding only a no-break or
  ideographic space (BeautifulSoup's get_text of a ``&nbsp;`` or ``　`` cell, one cell to a line)
  read as the HTML reader reads that cell, a tab-only line: a blank cell; HTML space entities a crawler left
  (``0&nbsp;3``) read as spaces, markdown's backslash escapes
  taken out (pandoc writes ``1\\.`` for a label's ``1.``), converter markdown's HTML ``<table>`` blocks and
  pandoc's grid tables and headerless simple tables read as the HTML reader reads tables
  (:func:`.embedded_html.inline_tables`, :func:`.grid_tables.unfold_grid_tables`,
  :func:`.simple_tables.unfold_simple_tables`), markdown rows a converter fused written as the two rows they
  are (:func:`.stacked_rows.unstack_rows`), the tables a converter wrote after a layout cell's article put back
  under their headings (:func:`.moved_tables.restore_moved_tables`), a Word page's inline markup round its
  cells' text taken out (:func:`.inline_tags.without_inline_tags`), a table's rows pasted as CSV lines written
  as tab rows (:func:`.csv_rows.unfold_csv_rows`), a table a crawler flattened onto one line with ``|`` between its
  cells read as inline text (:func:`.pipe_runs.spaced_pipe_runs`), a tab text whose tabs an export wrote as bare
  ``|`` read as that tab text (:func:`.bare_pipes.tabbed_bare_pipes`), a layout table's cell whose tables a converter flattened onto one
  line written as its lines (:func:`.nested_md.unnest_tables`), and OCR's spaces between Chinese characters taken out
  (:func:`.cjk_spacing.join_cjk_spacing`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .._exceptions import EmptyDocumentError, UnsupportedFormatError
from .cjk_spacing import join_cjk_spacing, shows_ocr_spacing
from .commapieces import joined_comma_pieces
from .csv_rows import unfold_csv_rows
from .document import normalise_newlines
from .escaped_dump import is_escaped_dump, unescape_dump
from .embedded_html import inline_tables, is_html_page, markdown_paragraphs
from .grid_tables import unfold_grid_tables
from .inline_tags import without_inline_tags
from .bare_pipes import tabbed_bare_pipes
from .innertext_cells import folded_block_cells, joined_cell_breaks
from .expanded_tabs import tabs_unexpanded
from .hard_wraps import unwrapped_lines
from .line_prefixes import without_line_prefixes
from .moved_tables import restore_moved_tables
from .nested_md import unnest_tables
from .onecolumn_rows import split_onecolumn_rows
from .picture_text import picture_lines
from .pipe_runs import spaced_pipe_runs
from .simple_tables import unfold_simple_tables
from .stacked_rows import unstack_rows
from .exports import EXPORT_SUFFIXES, read_export
from .html import decode_html, html_to_text
from .text import decode_bytes

__all__ = ["TextRead", "read_text_file", "read_text", "TEXT_SUFFIXES"]

TEXT_SUFFIXES = (".txt", ".text", ".md") + EXPORT_SUFFIXES
#: HTML's space entities a crawler left in its text (only spaces: no other entity is decoded, so nothing in a
#: text file becomes markup)
_SPACE_ENTITY = re.compile(r"&(?:nbsp|ensp|emsp|thinsp|#160|#x0*a0|#12288|#x3000);?", re.I)
#: a numeric character reference a crawler left (``&#65288;`` for （, ``&#x4e2d;``), and the named ones of CJK text's
#: punctuation (quotes, dashes, ellipsis, middle dot)
_CHAR_REF = re.compile(r"&(?:#(\d{2,7})|#[xX]([0-9a-fA-F]{2,6})|(ldquo|rdquo|lsquo|rsquo|mdash|ndash|hellip|middot));")
_NAMED = {"ldquo": "\u201c", "rdquo": "\u201d", "lsquo": "\u2018", "rsquo": "\u2019", "mdash": "\u2014",
          "ndash": "\u2013", "hellip": "\u2026", "middot": "\u00b7"}


def _char(m: re.Match[str]) -> str:
    """The character a reference names; the reference itself for markup's characters (<, >, &, quotes: nothing in a
    text file becomes markup), controls and what names no character."""
    if m.group(3):
        return _NAMED[m.group(3)]
    code = int(m.group(1)) if m.group(1) else int(m.group(2), 16)
    if code < 0x20 or code in (0x22, 0x26, 0x27, 0x3c, 0x3e) or 0x7f <= code < 0xa0 or 0xd800 <= code < 0xe000 \
            or code > 0x10ffff:
        return m.group()
    return chr(code)


#: a line holding only no-break or ideographic spaces (or their entities): a page's ``&nbsp;`` cell, or a CMS
#: editor's ``　`` (U+3000, ``&#12288;``) put in an empty cell, that a text dump (get_text, one cell to a line) kept;
#: a tab-only line, as the HTML reader writes that cell. A pandoc table's line of several such cells is left to the
#: table readers.
_BLANK_CELL_LINE = re.compile(r"^[ \t]*(?:\xa0|\u3000|&nbsp;|&#160;|&#12288;|&#x3000;)+[ \t]*$", re.M | re.I)
#: markdown's backslash escapes of punctuation (``\.``, ``\%``, ``\*``), but ``\|``: a pipe table's own
_MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{}~])")


@dataclass(frozen=True)
class TextRead:
    text: str
    encoding: str
    kind: str                                        # txt, md, html (a page saved as text), json, jsonl, csv
    pages: list[int] = field(default_factory=list)   # first line of each page of a multi-page export
    ocr_spacing: bool = False                        # OCR's spaces between Chinese characters were taken out

    @property
    def meta(self) -> dict[str, Any]:
        """What the Document's ``meta`` keeps of it (multireport splits ``pages``; notices name OCR spacing)."""
        return ({"pages": self.pages} if self.pages else {}) | ({"ocr_spacing": True} if self.ocr_spacing else {})


def _read(text: str, encoding: str, kind: str, pages: list[int] | None = None) -> TextRead:
    """The text read, OCR's spacing taken out where it shows (the same on every page: line numbers keep)."""
    if "&" in text:
        text = _SPACE_ENTITY.sub(" ", text)     # a crawler's leftover ``0&nbsp;0&nbsp;3``: spaces
        text = _CHAR_REF.sub(_char, text)       # ``&#65288;七）总计``: the character it names
    ocr = shows_ocr_spacing(text)
    return TextRead(join_cjk_spacing(text) if ocr else text, encoding, kind, pages or [], ocr_spacing=ocr)


def read_text_file(data: bytes, path: str, suffix: str) -> TextRead:
    """Read a text-family file (``suffix`` lower-case, one of :data:`TEXT_SUFFIXES`); see the module docstring."""
    text, encoding = decode_bytes(data, path)
    return read_text(text, encoding, suffix, as_page=lambda: decode_html(data, path), path=path)


def read_text(text: str, encoding: str, suffix: str, *, as_page: Callable[[], tuple[str, str]] | None = None,
              path: str = "<text>") -> TextRead:
    """Read a decoded text-family file's text as :func:`read_text_file` reads the file (``suffix`` lower-case,
    one of :data:`TEXT_SUFFIXES`): ``as_page`` gives a web page saved as text decoded as a web page (its declared
    charset), the text itself without it. The library's :meth:`Document.from_text` reads a text so."""
    kind = suffix.lstrip(".") or "txt"
    export = suffix if suffix in EXPORT_SUFFIXES else ".json" if text.lstrip("\ufeff \t\r\n")[:1] == "{" else None
    if export:                                       # (a crawler's JSON record saved as .txt is one too)
        pages, table = read_export(text, export)
        if pages:
            texts = [inline_tables(unfold_grid_tables(normalise_newlines(page.full_text()))).rstrip("\n")
                     for page in pages]
            starts, line = [], 0
            for page_text in texts:
                starts.append(line)
                line += page_text.count("\n") + 1
            return _read("\n".join(texts) + "\n", encoding, export.lstrip("."), starts if len(starts) > 1 else [])
        if table is not None:
            return _read(inline_tables(table), encoding, kind)
        if export == ".xml":                        # (Word 2003 XML, an office suite's or a CMS's other XML)
            raise UnsupportedFormatError(path, "an XML file that is no crawler's or CMS's export (no element holds "
                                               "a page's title and content): give the report's page, PDF or Word file")
    if is_html_page(text):
        html, encoding = as_page() if as_page is not None else (text, encoding)
        html_text = html_to_text(markdown_paragraphs(html) if kind == "md" else html)
        if not html_text.strip():
            raise EmptyDocumentError(path, "the HTML page has no text")
        return TextRead(html_text, encoding, "html")
    if "\r" in text:         # line ends as \n first: the passes below part lines at \n (a file of old Mac line ends,
        text = text.replace("\r\n", "\n").replace("\r", "\n")   # CR alone, is one line to them: a flattened table)
    if is_escaped_dump(text):                      # a database's text field: ``\\n`` for its line breaks
        text = unescape_dump(text)
    text = without_line_prefixes(text)              # a viewer's line numbers, an e-mail's quote marks
    text = tabs_unexpanded(text)                    # a one-cell-a-line export's tabs written as spaces
    text = tabbed_bare_pipes(text)                  # a tab text export's tabs written as | (bare or spaced)
    text = unwrapped_lines(text)                    # a text cut at a fixed width, its tab rows too
    text = folded_block_cells(text)                 # a browser's innerText of paragraph cells: a row a line
    text = joined_cell_breaks(text)                 # …of cells ending in <br>: a row a line
    text = picture_lines(text)                      # pymupdf4llm's picture text: its lines joined by <br>
    text = split_onecolumn_rows(text)               # a one-column table's rows, cells over <br> (pymupdf4llm)
    if "\xa0" in text or "\u3000" in text or "&" in text:
        text = _BLANK_CELL_LINE.sub("\t", text)
    text = unfold_grid_tables(text)                 # (first: an escape's backslash takes a grid column)
    text = unfold_simple_tables(text)               # pandoc's tables between two lines of dashes
    text = restore_moved_tables(text)               # a layout cell's tables a converter wrote after its text
    text = unnest_tables(text)                      # a layout cell's tables flattened onto one line
    text = without_inline_tags(text)                # a Word page's <span style=…> round every cell's text
    text = unstack_rows(text)                       # a converter's two rows fused in one (a<br>b)
    text = joined_comma_pieces(text)                # (before: 1,40 / 8, a count wrapped in its cell, is no CSV row)
    text = unfold_csv_rows(text)                    # a table's rows pasted as CSV lines
    text = spaced_pipe_runs(text)                   # a table flattened onto one line, its cells parted by |
    if kind == "md":
        text = _MD_ESCAPE.sub(r"\1", text)         # pandoc's ``１\. 申请人…``: the label's own ``.``
    return _read(inline_tables(text), encoding, kind)
