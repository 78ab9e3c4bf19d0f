"""DOCX reports → text in the one-cell-per-line layout the extractor reads.

Reads the main document part (``word/document.xml``, or wherever the package's
relationships put it) with :mod:`zipfile` and :mod:`xml.etree.ElementTree` and
prints it as Word's own text export does:

* a paragraph (``w:p``) is a line: its ``w:t`` text concatenated (tabs and
  line breaks inside it become a space and a new line);
* a table (``w:tbl`` → ``w:tr`` → ``w:tc``) prints every cell as one line, a tab
  then the cell's text (its paragraphs joined without a newline); an empty line
  follows every row; a horizontally merged cell (``w:gridSpan``) appears once; the
  continuation of a vertically merged cell (``w:vMerge`` without ``val="restart"``)
  is a blank cell, a tab-only line; a cell holding a table (a layout cell) prints each
  paragraph as a line, then the table; a one-column table holding a table (the whole report
  in a frame) is read as the page itself;
* the body's children are read in document order; deleted text (``w:delText``),
  field codes and the fallback copy of alternate content are left out, and so are a table row
  deleted with changes tracked (``w:trPr/w:del``) and text Word does not show: hidden runs
  (:mod:`.docx_hidden`) and content controls showing their placeholder (``w:showingPlcHdr``,
  e.g. 单击或点击此处输入文字。: a blank);
* a text box holding a table is read as a page where it is anchored (:mod:`.docx_boxes`);
* a ``w:altChunk`` (an HTML, MHT, text, RTF or .docx part, as OA systems export) is read where
  it stands, as a file of its type is (:mod:`.docx_parts`).

The XML parts are read through :func:`~llm_extract.ingest.bounded_xml.read_part`: a ZIP bomb,
a DTD (entity expansion) or an absurd element count fails the document by name, in
bounded memory.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from xml.etree import ElementTree as ET

from .._exceptions import BinaryDocumentError, EmptyDocumentError, UnsupportedFormatError
from .bounded_xml import read_part
from .docx_boxes import TXBX, holds_table, table_boxes
from .docx_hidden import HiddenText
from .docx_objects import Workbooks
from .docx_parts import Chunks, styles_root
from .docx_strict import transitional
from .docx_pictures import Pictures

__all__ = ["docx_to_text", "docx_read", "join_cell", "body_lines"]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_MAIN_PART = "word/document.xml"
# the first bytes of an OLE2 compound file: an old binary .doc, or an encrypted .docx
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SPACE = re.compile(r"[^\S\n]+")
_DIGIT_END = re.compile(r"\d$")
_DIGIT_START = re.compile(r"^\d")
_CONTAINERS = frozenset({f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}smartTag", f"{W}ins", f"{W}moveTo"})
# tag names built once (an f-string per element and comparison was a third of the reading time)
_P, _TBL, _TR, _TC, _TC_PR, _T, _TAB = (f"{W}{name}" for name in ("p", "tbl", "tr", "tc", "tcPr", "t", "tab"))
_BREAKS = frozenset({f"{W}br", f"{W}cr"})
_NO_BREAK_HYPHEN = f"{W}noBreakHyphen"
_LEFT_OUT = frozenset({_MC_FALLBACK, f"{W}moveFrom", f"{W}del"})       # a duplicate or removed text
_VAL = f"{W}val"
_TR_PR, _DEL = f"{W}trPr", f"{W}del"
_R, _RPR, _SDT, _SDT_PR, _SHOWING_PLACEHOLDER, _ALT_CHUNK = (f"{W}{name}" for name in (
    "r", "rPr", "sdt", "sdtPr", "showingPlcHdr", "altChunk"))
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _collapse(text: str) -> str:
    return "\n".join(_SPACE.sub(" ", part).strip() for part in text.split("\n")).strip("\n")


class _Reader:
    """One document's body → lines; hidden runs (:mod:`.docx_hidden`) and placeholders left out,
    ``w:altChunk`` parts read where they stand (:mod:`.docx_chunks`)."""

    def __init__(self, hidden: HiddenText, chunk_lines: Callable[[str], list[str]],
                 picture_lines: Callable[[ET.Element], list[str]] = lambda p: []) -> None:
        self.hidden = hidden
        self.chunk_lines = chunk_lines
        self.picture_lines = picture_lines          # a paragraph's wide pictures read by OCR (.docx_pictures)
        self.has_boxes = True                       # (False: the body holds no text box, none is looked for)

    def boxes(self, p: ET.Element) -> Iterator[ET.Element]:
        """The paragraph's text boxes that hold a table (:mod:`.docx_boxes`)."""
        return table_boxes(p) if self.has_boxes else iter(())

    def runs_text(self, el: ET.Element, base: bool) -> Iterator[str]:
        """The text of a paragraph's runs, in order (skipping hidden runs and alternate-content fallbacks)."""
        for child in el:
            tag = child.tag
            if tag in _LEFT_OUT:
                continue
            if tag == _T:
                yield child.text or ""
            elif tag == _R:
                if not (base or child.find(_RPR) is not None) or not self.hidden.run(child, base):
                    yield from self.runs_text(child, base)
            elif tag == _TAB:
                yield " "
            elif tag in _BREAKS:
                yield "\n"
            elif tag == _NO_BREAK_HYPHEN:
                yield "-"
            elif tag == TXBX and holds_table(child):  # a text box holding a table: read as a page (.docx_boxes)
                continue
            elif tag == _P:                          # a paragraph in a text box inside this one
                yield "\n"
                yield from self.runs_text(child, self.hidden.paragraph(child))
                yield "\n"
            elif len(child):                         # (an empty element, w:b or w:sz, holds no text)
                yield from self.runs_text(child, base)

    def paragraph(self, p: ET.Element) -> str:
        base = self.hidden.paragraph(p) if self.hidden.styled else False
        return _collapse("".join(self.runs_text(p, base)))

    def blocks(self, parent: ET.Element) -> Iterator[ET.Element]:
        """Paragraphs, tables and chunks under ``parent`` in document order, through content controls."""
        for child in parent:
            tag = child.tag
            if tag == _P or tag == _TBL or tag == _ALT_CHUNK:
                yield child
            elif tag in _CONTAINERS:
                yield from self.blocks(child)

    def table(self, tbl: ET.Element, out: list[str]) -> None:
        if _is_frame(tbl):                               # a one-column layout table: its cells are the page
            for tr in _rows(tbl):
                for tc in _cells(tr):
                    self.body(tc, out)
            return
        for tr in _rows(tbl):
            for tc in _cells(tr):
                if _merge(tc, "hMerge") == "continue":    # legacy horizontal merge: the cell appears once
                    continue
                if _merge(tc, "vMerge") == "continue":    # below a vertically merged cell: a blank cell
                    out.append("\t")
                    continue
                self.cell(tc, out)
            out.append("")

    def cell(self, tc: ET.Element, out: list[str]) -> None:
        """One cell: its paragraphs joined on one line; a cell that holds a table (a layout cell) prints
        each paragraph as a line of its own, then the table."""
        parts: list[str] = []
        for block in self.blocks(tc):
            tag = block.tag
            if tag == _P and next(self.boxes(block), None) is None:
                parts.append(self.paragraph(block))
            elif tag == _TBL or tag == _P:              # a table, or a text box holding one
                break
            else:
                parts.extend(line for line in self.chunk_lines(block.get(_R_ID, "")) if line.strip())
        else:
            out.append("\t" + join_cell(parts))
            return
        for block in self.blocks(tc):                   # a layout cell: its paragraphs, then its tables
            if block.tag == _TBL:
                self.table(block, out)
            elif block.tag == _P:
                out.extend("\t" + line for line in self.paragraph(block).split("\n") if line)
                for box in self.boxes(block):
                    self.body(box, out)
            else:
                out.extend("\t" + line for line in self.chunk_lines(block.get(_R_ID, "")) if line.strip())

    def page(self, body: ET.Element, out: list[str]) -> None:
        """The document's body (once per document: whether it holds any text box is found here)."""
        self.has_boxes = next(body.iter(TXBX), None) is not None
        self.body(body, out)

    def body(self, body: ET.Element, out: list[str]) -> None:
        pending = ""                                     # a paragraph whose mark is hidden runs on
        for block in self.blocks(body):
            if block.tag == _TBL:
                if pending:
                    out.extend(pending.split("\n"))
                    pending = ""
                self.table(block, out)
            elif block.tag == _ALT_CHUNK:
                if pending:
                    out.extend(pending.split("\n"))
                    pending = ""
                out.extend(self.chunk_lines(block.get(_R_ID, "")))
            else:
                text = pending + self.paragraph(block)
                if text and self.hidden.mark_hidden(block) and next(self.boxes(block), None) is None:
                    pending = text
                    continue
                pending = ""
                if text:
                    out.extend(text.split("\n"))
                for box in self.boxes(block):
                    self.body(box, out)
                out.extend(self.picture_lines(block))
        if pending:
            out.extend(pending.split("\n"))


def _blank_placeholders(body: ET.Element) -> None:
    """A content control showing its placeholder (``w:showingPlcHdr``: 单击或点击此处输入文字。) prints
    nothing: its text is blanked, wherever it stands (in a run, a paragraph, a cell or a row)."""
    for sdt in body.iter(_SDT):
        pr = sdt.find(_SDT_PR)
        if pr is not None and pr.find(_SHOWING_PLACEHOLDER) is not None:
            for t in sdt.iter(_T):
                t.text = ""


def _objects_then(workbooks: Callable[[ET.Element], list[str]],
                  pictures: Callable[[ET.Element], list[str]] | None) -> Callable[[ET.Element], list[str]]:
    """A paragraph's embedded workbooks' rows, then its pictures' OCR lines."""
    if pictures is None:
        return workbooks
    return lambda p: workbooks(p) + pictures(p)


def body_lines(body: ET.Element, styles: ET.Element | None) -> list[str]:
    """The lines of a WordprocessingML body read as a .docx body is (no parts, no pictures): for the same
    markup in other packages (:mod:`.wordml`, Word's XML saves)."""
    _blank_placeholders(body)
    out: list[str] = []
    _Reader(HiddenText(styles), lambda rid: []).page(body, out)
    return out


def join_cell(parts: list[str]) -> str:
    """A cell's paragraphs joined without a newline; a space only where two numbers would run together."""
    out = ""
    for part in (p.replace("\n", " ") for p in parts if p):
        if out and _DIGIT_END.search(out) and _DIGIT_START.match(part):
            out += " "
        out += part
    return out


def _is_frame(tbl: ET.Element) -> bool:
    """A table of one column (every row a single cell that spans nothing) holding a table: a frame drawn
    around the page (the whole report in one layout cell), not a table of figures."""
    rows = list(_rows(tbl))
    nested = False
    for tr in rows:
        cells = list(_cells(tr))
        if len(cells) != 1:
            return False
        pr = cells[0].find(_TC_PR)
        if pr is not None and pr.find(f"{W}gridSpan") is not None:
            return False
        nested = nested or cells[0].find(f".//{_TBL}") is not None
    return nested


def _cells(tr: ET.Element) -> Iterator[ET.Element]:
    for child in tr:
        if child.tag == _TC:
            yield child
        elif child.tag in _CONTAINERS:
            yield from _cells(child)


def _rows(tbl: ET.Element) -> Iterator[ET.Element]:
    """The table's rows as Word shows them: a row deleted with changes tracked (``w:trPr/w:del``) is gone,
    whether or not its cells' text was marked deleted too."""
    for child in tbl:
        if child.tag == _TR:
            pr = child.find(_TR_PR)
            if pr is None or pr.find(_DEL) is None:
                yield child
        elif child.tag in _CONTAINERS:
            yield from _rows(child)


def _merge(tc: ET.Element, kind: str) -> str | None:
    """``w:vMerge``/``w:hMerge``: None when absent, else its ``w:val`` (``continue`` when omitted)."""
    pr = tc.find(_TC_PR)                         # a plain tag: found without the ElementPath machinery
    el = pr.find(W + kind) if pr is not None else None
    if el is None:
        return None
    return el.get(_VAL, "continue")


def _main_part(zf: zipfile.ZipFile) -> str:
    """The main document part named by ``_rels/.rels`` (normally ``word/document.xml``)."""
    try:
        rels = read_part(zf, "_rels/.rels", "_rels/.rels", max_bytes=1024 * 1024, max_elements=10_000)
    except (KeyError, BinaryDocumentError):
        return _MAIN_PART
    for rel in rels.iter(_REL):
        if rel.get("Type", "").endswith("/officeDocument"):
            target = rel.get("Target", "").lstrip("/")
            if target in zf.namelist():
                return target
    return _MAIN_PART


def _read(zf: zipfile.ZipFile, path: str, depth: int) -> tuple[list[str], int]:
    name = _main_part(zf)
    try:
        root = transitional(read_part(zf, name, path))      # (a Strict Open XML save: .docx_strict)
    except KeyError:
        raise UnsupportedFormatError(path, f"a ZIP archive without {_MAIN_PART}: not a Word .docx document") from None
    body = root.find(f"{W}body")
    if body is None:
        raise UnsupportedFormatError(path, f"not a Word .docx document ({name} has no w:body)")
    _blank_placeholders(body)
    out: list[str] = []
    pictures = Pictures(zf, name, path) if depth == 0 else None     # (a chunk's pictures: not read, not counted)
    workbooks = Workbooks(zf, name, path)                           # (embedded Excel tables: .docx_objects)
    _Reader(HiddenText(styles_root(zf, name, path)), Chunks(zf, name, path, depth).lines,
            _objects_then(workbooks.lines, pictures.lines if pictures is not None else None)).page(body, out)
    return out, pictures.read if pictures is not None else 0


def docx_to_text(data: bytes, path: str = "<bytes>", *, depth: int = 0) -> str:
    """The document's text in the one-cell-per-line layout; a :class:`DocumentError` naming ``path`` if unreadable.

    ``depth`` counts the .docx packages this one is a ``w:altChunk`` of (see :mod:`.docx_parts`).
    """
    return docx_read(data, path, depth=depth)[0]


def docx_read(data: bytes, path: str = "<bytes>", *, depth: int = 0) -> tuple[str, int]:
    """:func:`docx_to_text`'s text, and how many of its pictures OCR read text in (:mod:`.docx_pictures`)."""
    if not data.strip():
        raise EmptyDocumentError(path)
    if data.startswith(_OLE2_MAGIC):
        raise UnsupportedFormatError(path, "not a .docx but an old binary Word document (or a password-protected "
                                           "one): save it as .docx, or convert it to text")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            lines, pictures = _read(zf, path, depth)
    except RecursionError:
        raise BinaryDocumentError(path, "refused: elements nested deeper than Python's recursion limit "
                                        "(not a report)") from None
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError, RuntimeError) as exc:
        raise BinaryDocumentError(path, f"not a readable .docx (corrupt or truncated ZIP archive: {exc})") from None
    if not any(line.strip() for line in lines):
        raise EmptyDocumentError(path, "the document has no text")
    return "\n".join(lines) + "\n", pictures
