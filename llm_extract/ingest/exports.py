"""Crawler exports: ``.json``, ``.jsonl``, ``.csv`` and ``.xml`` files holding scraped pages, and tables saved as CSV.

A scraper (Scrapy's feed exports, a hand-written crawler, a spreadsheet of scraped pages) hands its
user one file holding one or many pages, each an object or a row with fields like ``title``, ``url``
and ``content`` (or ``text``, ``body``, ``html``, ``正文``…). :func:`read_export` turns such a file
into :class:`Page` texts: the page's title line, then its article text; a field holding markup (a
page's HTML, or an article's HTML fragment) is read by the HTML reader
(:func:`~llm_extract.ingest.html.html_to_text`), so its tables come out one cell per line.

* ``.json``: one object, a list of objects, or an object holding such a list (``{"items": [...]}``);
* ``.jsonl``: one object per line (lines that are not JSON objects are skipped);
* ``.csv``: with a header row naming a text field, one page per row; any other CSV is a *table*
  export (a report's table saved from a spreadsheet), read as the reader reads tab rows: each row's
  fields joined by tabs, a merged cell's empty fields kept, one row per line;
* ``.xml``: Scrapy's XML feed (``<items><item><title>…</title><content>…</content></item>``), a CMS's
  export (TRS: ``<RECORD><DOCTITLE>…</DOCTITLE><DOCHTMLCON><![CDATA[<p>…]]></DOCHTMLCON>``), an RSS
  feed (``<item><title>``, ``<description>`` or ``content:encoded``): each element whose children name a
  text field is a page, its children's texts its fields (markup, in CDATA or escaped, read as HTML).
  A file declaring a DTD (``<!DOCTYPE``: entities that may expand without end) is no export.

A file that holds no page (no object with a text field) is not an export: None, and the caller reads
it as plain text. Splitting the pages into records is :mod:`llm_extract.multireport`'s work.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Iterator
from xml.etree import ElementTree as ET
from dataclasses import dataclass
from typing import Any

from .embedded_html import holds_markup
from .html import html_to_text

__all__ = ["Page", "read_export", "EXPORT_SUFFIXES"]

EXPORT_SUFFIXES = (".json", ".jsonl", ".csv", ".xml")

# the fields a crawler stores an article's text in: an HTML field first (it keeps the tables' cells)
_TEXT_FIELDS = ("html", "content_html", "raw_html", "page_html", "dochtmlcon", "content", "doccontent", "text", "body",
                "article", "article_text", "main_text", "page_content", "markdown", "正文", "内容", "全文", "encoded",
                "description")
_TITLE_FIELDS = ("title", "doctitle", "name", "headline", "标题", "题目", "名称")
_CONTAINERS = ("items", "data", "results", "records", "pages", "rows", "list", "docs", "documents")


@dataclass(frozen=True)
class Page:
    """One scraped page: its title (may be empty) and its text, ready for the reader."""

    title: str
    text: str

    def full_text(self) -> str:
        """The title line (unless the text already starts with it), then the text."""
        return f"{self.title}\n{self.text}" if self.title and self.title not in self.text[:500] else self.text


def _field(obj: dict[str, Any], names: tuple[str, ...]) -> Any:
    lowered = {str(k).strip().lower(): v for k, v in obj.items()}
    for name in names:
        value = lowered.get(name)
        if value:
            return value
    return None


def _as_text(value: Any) -> str:
    """A field's text: a list of paragraphs joined by lines, markup through the HTML reader."""
    if isinstance(value, list):
        value = "\n".join(_as_text(v) for v in value)
    elif isinstance(value, dict):
        inner = _field(value, _TEXT_FIELDS)
        value = _as_text(inner) if inner is not None else ""
    text = value if isinstance(value, str) else "" if value is None else str(value)
    return html_to_text(text) if holds_markup(text) else text


def _page(obj: Any) -> Page | None:
    if isinstance(obj, str) and obj.strip():
        return Page("", _as_text(obj))
    if not isinstance(obj, dict):
        return None
    body = _field(obj, _TEXT_FIELDS)
    if body is None:
        return None
    title = _field(obj, _TITLE_FIELDS)
    text = _as_text(body)
    if not text.strip():
        return None
    return Page(" ".join(str(title).split()) if isinstance(title, str) else "", text)


def _pages_of(value: Any) -> Iterator[Page]:
    if isinstance(value, list):
        for item in value:
            if (page := _page(item)) is not None:
                yield page
        return
    if isinstance(value, dict):
        if (page := _page(value)) is not None:
            yield page
            return
        for name in _CONTAINERS:
            inner = _field(value, (name,))
            if isinstance(inner, list):
                yield from _pages_of(inner)
                return


def _json_pages(text: str) -> list[Page]:
    try:
        return list(_pages_of(json.loads(text)))
    except (ValueError, RecursionError):
        return []


def _jsonl_pages(text: str) -> list[Page]:
    pages: list[Page] = []
    for line in text.split("\n"):       # not splitlines(): a page's text may hold U+2028, U+0085 …
        if line.strip():
            pages.extend(_json_pages(line))
    return pages


_HEADER_WORD = re.compile(r"\s+")


def _csv_rows(text: str, dialect: Any = None) -> list[list[str]]:
    """The rows of a CSV text, in ``dialect`` or, by default, the one :class:`csv.Sniffer` guesses."""
    if dialect is None:
        try:
            dialect = csv.Sniffer().sniff(text[:8192], delimiters=",\t;")
        except csv.Error:
            dialect = csv.excel
    limit = csv.field_size_limit()
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))        # a page's text in one field
    try:
        return list(csv.reader(io.StringIO(text), dialect))
    except csv.Error:
        return []
    finally:
        csv.field_size_limit(limit)


def _header(rows: list[list[str]]) -> list[str]:
    return [_HEADER_WORD.sub("", cell).lower() for cell in rows[0]] if rows else []


def _csv(text: str) -> tuple[list[Page], str | None]:
    """The pages of a crawler's CSV (header row naming a text field), or the text of a table export.
    A crawler's CSV is read as Excel writes CSV first: the sniffer, guessing from a sample, can take a
    page's HTML (``style=""text-align:center""``) for another quoting and cut the page apart."""
    for dialect in (csv.excel, None):
        rows = _csv_rows(text, dialect)
        header = _header(rows)
        if any(name in header for name in _TEXT_FIELDS):
            return [page for row in rows[1:] if (page := _page(dict(zip(header, row)))) is not None], None
    if not rows:
        return [], None
    return [], "\n".join("\t".join(" ".join(field.split()) for field in row) for row in rows) + "\n"


def _local(tag: Any) -> str:
    """An element's name without its namespace (``content:encoded`` → ``encoded``), lower-case."""
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


#: a DTD in an XML file's prolog (before its root element): entities that may expand without end
_DTD = re.compile(r"\s*(?:<\?[^>]*\?>\s*|<!--.*?-->\s*)*<!DOCTYPE", re.IGNORECASE | re.DOTALL)


def _xml_pages(text: str) -> list[Page]:
    """The pages of an XML export (see the module's docstring): each element with a child naming a text field, in
    document order, its children's texts by their names."""
    text = text.lstrip("\ufeff")
    if _DTD.match(text):                # (an HTML page's <!DOCTYPE html> inside a CDATA field is text)
        return []
    try:
        root = ET.fromstring(text)
    except (ET.ParseError, ValueError):
        return []
    pages: list[Page] = []
    for element in root.iter():
        children = [c for c in element if len(c) == 0]
        if any(_local(c.tag) in _TEXT_FIELDS for c in children):
            fields = {_local(c.tag): "".join(c.itertext()) for c in reversed(children)}    # (the first of a name)
            if (page := _page(fields)) is not None:
                pages.append(page)
    return pages


def read_export(text: str, suffix: str) -> tuple[list[Page], str | None]:
    """``(pages, table_text)`` of a decoded export file: its scraped pages, or (a CSV table export) its
    rows as tab-joined lines; ``([], None)`` when the file is neither (read it as plain text)."""
    if suffix == ".csv":
        return _csv(text)
    if suffix == ".xml":
        return _xml_pages(text), None
    pages = _json_pages(text) if suffix == ".json" else _jsonl_pages(text)
    if not pages and suffix == ".json":          # a .json holding JSON Lines
        pages = _jsonl_pages(text)
    return pages, None
