"""OpenDocument text (.odt, LibreOffice / WPS) → text in the one-cell-per-line layout of a .docx.

``content.xml`` (read through :func:`~llm_extract.ingest.bounded_xml.read_part`, the bounded reader
the .docx parts go through: no DTD, limited size and element count) is printed as :mod:`.docx`
prints a Word document:

* a paragraph or heading (``text:p``, ``text:h``; in lists and sections too) is a line; ``text:s``
  stands for ``text:c`` spaces, ``text:tab`` for a space, ``text:line-break`` for a new line;
* a table prints every cell as one line (a tab, then its paragraphs joined) and an empty line after
  every row; a cell spanning columns (``table:number-columns-spanned``) appears once, the cells it
  covers in its row are skipped; a cell covered from the row above (``table:covered-table-cell``
  under a row span) is a blank cell; ``table:number-columns-repeated``/``-rows-repeated`` repeat;
  a one-column table holding a table (a frame around the page) is read as the page;
* hidden text is not read: a span or paragraph whose style (through ``style:parent-style-name``)
  says ``text:display="none"``, and ``text:hidden-text``/``text:hidden-paragraph`` that are hidden;
  neither are tracked deletions (``text:tracked-changes``), notes, annotations, or drawings' alt text.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from xml.etree import ElementTree as ET

from .._exceptions import BinaryDocumentError, EmptyDocumentError, UnsupportedFormatError
from .bounded_xml import read_part
from .docx import join_cell

__all__ = ["odt_to_text"]

_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
_P, _H, _S, _TAB, _BREAK = (f"{_TEXT}{n}" for n in ("p", "h", "s", "tab", "line-break"))
_TBL, _ROW, _CELL, _COVERED = (f"{_TABLE}{n}" for n in ("table", "table-row", "table-cell", "covered-table-cell"))
_ROW_CONTAINERS = frozenset(f"{_TABLE}{n}" for n in ("table-header-rows", "table-rows", "table-row-group"))
_LEFT_OUT = frozenset({f"{_TEXT}tracked-changes", f"{_TEXT}note", f"{_OFFICE}annotation", f"{_TEXT}change",
                       f"{_TEXT}soft-page-break", f"{_TEXT}bookmark-ref", f"{_DRAW}image", f"{_TEXT}note-citation",
                       f"{_TABLE}table-columns", f"{_TABLE}table-column", f"{_TEXT}sequence-decls",
                       f"{_TEXT}variable-decls", f"{_TEXT}user-field-decls", f"{_OFFICE}forms"})
_HIDDEN_FIELDS = frozenset({f"{_TEXT}hidden-text", f"{_TEXT}hidden-paragraph"})
_STYLE_NAME = (f"{_TEXT}style-name", f"{_TABLE}style-name")
_MAX_REPEAT = 64          # a repeated empty cell or row past this is the rest of a spreadsheet grid
_MAX_LINES = 200_000      # repeated rows of repeated cells past this: refused, not a report


class _TooLarge(Exception):
    """More lines than :data:`_MAX_LINES` (caught and named by :func:`odt_to_text`)."""


class _Styles:
    """Which text and paragraph styles hide their text (``text:display="none"``), through their parents."""

    def __init__(self, roots: list[ET.Element]) -> None:
        self._parent: dict[str, str] = {}
        self._own: dict[str, bool] = {}
        for root in roots:
            for style in root.iter(f"{_STYLE}style"):
                name = style.get(f"{_STYLE}name")
                if not name:
                    continue
                if parent := style.get(f"{_STYLE}parent-style-name"):
                    self._parent[name] = parent
                props = style.find(f"{_STYLE}text-properties")
                if props is not None and (display := props.get(f"{_TEXT}display")) is not None:
                    self._own[name] = display == "none"

    def hidden(self, name: str | None) -> bool | None:
        for _ in range(32):
            if not name:
                return None
            if name in self._own:
                return self._own[name]
            name = self._parent.get(name)
        return None


class _Reader:
    def __init__(self, styles: _Styles) -> None:
        self.styles = styles

    def _hidden(self, el: ET.Element, inherited: bool) -> bool:
        own = self.styles.hidden(el.get(_STYLE_NAME[0]))
        return inherited if own is None else own

    def inline(self, el: ET.Element, hidden: bool) -> str:
        """The text inside a paragraph element (spans, links, fields, frames) as shown."""
        out = [] if hidden or el.text is None else [el.text]
        for child in el:
            tag = child.tag
            if tag in _LEFT_OUT or tag in _HIDDEN_FIELDS and child.get(f"{_TEXT}is-hidden", "true") != "false":
                pass
            elif tag == _S:
                out.append("" if hidden else " " * min(int(child.get(f"{_TEXT}c", "1") or 1), 100))
            elif tag == _TAB:
                out.append("" if hidden else " ")
            elif tag == _BREAK:
                out.append("\n")
            elif tag == _P or tag == _H:                 # a paragraph in a text box
                out.append("\n" + self.paragraph(child, hidden) + "\n")
            elif tag == _TBL:                            # a table in a text box: its cells joined
                lines: list[str] = []
                self.table(child, lines)
                out.append("\n" + "\n".join(line.strip("\t") for line in lines if line.strip()) + "\n")
            else:
                out.append(self.inline(child, self._hidden(child, hidden)))
            if child.tail and not hidden:
                out.append(child.tail)
        return "".join(out)

    def paragraph(self, p: ET.Element, hidden: bool = False) -> str:
        text = self.inline(p, self._hidden(p, hidden))
        return "\n".join(" ".join(part.split()) for part in text.split("\n")).strip("\n")

    def blocks(self, parent: ET.Element) -> list[ET.Element]:
        """Paragraphs and tables in document order, through lists, sections and other containers."""
        out: list[ET.Element] = []
        for child in parent:
            if child.tag in (_P, _H, _TBL):
                out.append(child)
            elif child.tag not in _LEFT_OUT and child.tag not in _HIDDEN_FIELDS:
                out.extend(self.blocks(child))
        return out

    def body(self, parent: ET.Element, out: list[str]) -> None:
        for block in self.blocks(parent):
            if block.tag == _TBL:
                self.table(block, out)
            elif text := self.paragraph(block):
                out.extend(text.split("\n"))

    def table(self, tbl: ET.Element, out: list[str]) -> None:
        rows = _rows(tbl)
        if _is_frame(rows):
            for row, _ in rows:                          # a one-column frame around the page's text
                for cell in row:
                    self.body(cell, out)
            return
        below: dict[int, tuple[int, int]] = {}         # grid column → (rows still covered, columns spanned)
        for row, repeat in rows:
            for _ in range(repeat):
                self._row(row, below, out)
                if len(out) > _MAX_LINES:
                    raise _TooLarge

    def _row(self, row: ET.Element, below: dict[int, tuple[int, int]], out: list[str]) -> None:
        col, spanned_to = 0, 0
        starts = {c: span for c, (_, span) in below.items()}
        inside = {c + k for c, span in starts.items() for k in range(1, span)}
        for cell in row:
            if cell.tag not in (_CELL, _COVERED):
                continue
            repeat = min(int(cell.get(f"{_TABLE}number-columns-repeated", "1") or 1), _MAX_REPEAT)
            for _ in range(repeat):
                if cell.tag == _COVERED:
                    if col < spanned_to or col in inside:    # covered by a span of this row, or inside one above
                        pass
                    else:
                        out.append("\t")                     # the continuation of a cell above: blank
                else:
                    span = max(int(cell.get(f"{_TABLE}number-columns-spanned", "1") or 1), 1)
                    rows = int(cell.get(f"{_TABLE}number-rows-spanned", "1") or 1)
                    spanned_to = col + span
                    if rows > 1:
                        below[col] = (rows - 1, span)
                    self.cell(cell, out)
                col += 1
        for c, (left, span) in list(below.items()):
            if c in starts:
                if left <= 1:
                    del below[c]
                else:
                    below[c] = (left - 1, span)
        out.append("")

    def cell(self, cell: ET.Element, out: list[str]) -> None:
        blocks = self.blocks(cell)
        if not any(b.tag == _TBL for b in blocks):
            out.append("\t" + join_cell([self.paragraph(b) for b in blocks]))
            return
        for block in blocks:                             # a layout cell: its paragraphs, then its tables
            if block.tag == _TBL:
                self.table(block, out)
            elif text := self.paragraph(block):
                out.extend("\t" + line for line in text.split("\n"))


def _is_frame(rows: list[tuple[ET.Element, int]]) -> bool:
    """One column (every row a single cell spanning nothing) holding a table: the whole page in a frame."""
    cells = [[c for c in row if c.tag in (_CELL, _COVERED)] for row, _ in rows]
    return bool(cells) and all(len(c) == 1 and c[0].get(f"{_TABLE}number-columns-spanned", "1") == "1"
                               for c in cells) and any(c[0].find(f".//{_TBL}") is not None for c in cells)


def _rows(tbl: ET.Element) -> list[tuple[ET.Element, int]]:
    out: list[tuple[ET.Element, int]] = []
    for child in tbl:
        if child.tag == _ROW:
            out.append((child, min(int(child.get(f"{_TABLE}number-rows-repeated", "1") or 1), _MAX_REPEAT)))
        elif child.tag in _ROW_CONTAINERS:
            out.extend(_rows(child))
    return out


def odt_to_text(data: bytes, path: str = "<bytes>") -> str:
    """The text of an OpenDocument text file, cells one per line (see the module docstring)."""
    if not data.strip():
        raise EmptyDocumentError(path)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            try:
                content = read_part(zf, "content.xml", path)
            except KeyError:
                raise UnsupportedFormatError(path, "a ZIP archive without content.xml: not an OpenDocument "
                                                   "text file") from None
            try:
                styles = [read_part(zf, "styles.xml", path), content]
            except KeyError:
                styles = [content]
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError, RuntimeError) as exc:
        raise BinaryDocumentError(path, f"not a readable .odt (corrupt or truncated ZIP archive: {exc})") from None
    text_body = content.find(f"{_OFFICE}body/{_OFFICE}text")
    if text_body is None:
        raise UnsupportedFormatError(path, "an OpenDocument file without a text body (a spreadsheet or a "
                                           "presentation?): not a text document")
    out: list[str] = []
    try:
        _Reader(_Styles(styles)).body(text_body, out)
    except RecursionError:
        raise BinaryDocumentError(path, "refused: elements nested deeper than Python's recursion limit "
                                        "(not a report)") from None
    except _TooLarge:
        raise BinaryDocumentError(path, f"refused: its tables repeat to more than {_MAX_LINES:,} cells "
                                        "(not a report)") from None
    if not any(line.strip() for line in out):
        raise EmptyDocumentError(path, "the document has no text")
    return "\n".join(out) + "\n"
