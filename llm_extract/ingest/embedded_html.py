"""HTML inside a text file: a saved page renamed ``.txt``, and the ``<table>`` blocks of converter markdown.

Users' other tools hand them text files that hold markup:

* a page saved from a browser or a crawler and renamed ``.txt`` (or ``.md``): the whole file is the page's
  HTML. :func:`is_html_page` tells it from plain text by how the file *starts* (a doctype, ``<html>``,
  ``<head>``, ``<body>``, or a block element followed by much closed markup), never by a tag mentioned
  somewhere in the prose: plain text that names ``<table>`` stays plain text.
* PDF-to-markdown converters (MinerU's default output) that write each table as an HTML ``<table>`` with
  rowspan/colspan inside the markdown. :func:`inline_tables` turns each such block into the cells
  :func:`~llm_extract.ingest.html.html_to_text` makes of a table (one cell per line, a merged cell once,
  an empty line after each row: the HTML reader's own table handling, not a second one); the markdown
  around the tables stays as it is. A block counts as a table only when it holds a ``<td>`` or ``<th>``
  and is closed by ``</table>``.
"""

from __future__ import annotations

import re

from .html import html_to_text

__all__ = ["is_html_page", "holds_markup", "inline_tables", "markdown_paragraphs"]

_PAGE_START = re.compile(
    r"\A\s*(?:<!--.*?-->\s*)*(?:<\?xml[^>]*>\s*)?(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.I | re.S)
# a page fragment (an article's markup saved on its own): starts with a block element and is mostly markup
_FRAGMENT_START = re.compile(r"\A\s*<(?:div|section|article|main|table|p|h[1-6]|center)[\s>]", re.I)
_CLOSING = re.compile(r"</(?:div|p|td|tr|table|h[1-6]|span|li|section|article|font)\s*>", re.I)
_FRAGMENT_CLOSINGS = 10
_FIELD_CLOSINGS = 3      # a crawler's text field with this much closed markup is HTML (a plain text names a tag once)
# a table as converters embed it, sometimes wrapped in its own <html><body> (MinerU); its leading "<" written
# outside the optional wrapper, so that the regex engine skips from "<" to "<" (4x faster on a page than trying the
# wrapper at every character)
_TABLE = re.compile(r"<(?:html>\s*<body>\s*<)?table\b[^>]*>.*?</table\s*>(?:\s*</body>\s*</html>)?", re.I | re.S)
_CELL = re.compile(r"<t[dh][\s>]", re.I)


def is_html_page(text: str) -> bool:
    """Does this text file hold a web page's HTML (from its start), rather than text?"""
    if _PAGE_START.match(text):
        return True
    return bool(_FRAGMENT_START.match(text)) and len(_CLOSING.findall(text, 0, 20_000)) >= _FRAGMENT_CLOSINGS


#: a blank line: markdown's paragraph break (HTML's parser reads it as a space)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


#: a row of a markdown pipe table, on a line of its own: the text's first line, or a line after a newline (the
#: regex engine skips from newline to newline, 4x faster than trying every character as a line's start)
_FIRST_PIPE_ROW = re.compile(r"\A[ \t]*\|.*\|[ \t]*(?=\n|\Z)")
_PIPE_ROW = re.compile(r"\n[ \t]*\|.*\|[ \t]*(?=\n|\Z)")


def markdown_paragraphs(page: str) -> str:
    """A markdown file that holds raw HTML (pandoc's gfm keeps a page's ``<div>`` and ``<table>`` markup) with
    each of its paragraph breaks outside tables, and each pipe table row's line break, written as a ``<br>``: read
    as HTML, a blank line is a space, and a section's heading would run on from the paragraph above it. A full page (a doctype, ``<html>``,
    ``<body>`` at its start) is HTML and stays as it is."""
    if _PAGE_START.match(page):
        return page
    out, last = [], 0
    for m in _TABLE.finditer(page):
        out += [_breaks(page[last:m.start()]), m.group(0)]
        last = m.end()
    out.append(_breaks(page[last:]))
    return "".join(out)


def _breaks(text: str) -> str:
    """A stretch of markdown outside ``<table>`` blocks with its paragraph breaks, and the line break after each
    row of a pipe table (``| 行政复议 | 0 | … |``), written as ``<br>``: read as HTML, the rows would run together."""
    rows = _PIPE_ROW.sub(r"\g<0><br>", _FIRST_PIPE_ROW.sub(r"\g<0><br>", text))
    return _BLANK_LINE.sub("\n<br>\n", rows)


def holds_markup(text: str) -> bool:
    """Does a crawler's text field hold HTML (a page, or an article's markup) rather than text?"""
    return is_html_page(text) or len(_CLOSING.findall(text, 0, 20_000)) >= _FIELD_CLOSINGS


def _table_text(match: re.Match[str]) -> str:
    block = match.group(0)
    if not _CELL.search(block):
        return block
    return "\n" + html_to_text(block).strip("\n") + "\n\n"


def inline_tables(text: str) -> str:
    """``text`` with each embedded HTML ``<table>`` block replaced by its cells, one per line."""
    if not re.search(r"<table", text, re.I):
        return text
    return _TABLE.sub(_table_text, text)
