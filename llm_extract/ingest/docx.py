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
  is a blank cell, a tab-only line; a table nested in a cell follows the cell;
* the body's children are read in document order; deleted text (``w:delText``),
  field codes and the fallback copy of alternate content are left out.

The XML parts are read through :func:`~llm_extract.ingest.bounded_xml.read_part`: a ZIP bomb,
a DTD (entity expansion) or an absurd element count fails the document by name, in
bounded memory.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from xml.etree import ElementTree as ET

from .._exceptions import BinaryDocumentError, EmptyDocumentError, UnsupportedFormatError
from .bounded_xml import read_part

__all__ = ["docx_to_text", "join_cell"]

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


def _collapse(text: str) -> str:
    return "\n".join(_SPACE.sub(" ", part).strip() for part in text.split("\n")).strip("\n")


def _runs_text(el: ET.Element) -> Iterator[str]:
    """The text of a paragraph's runs, in order (skipping alternate-content fallbacks)."""
    for child in el:
        tag = child.tag
        if tag in _LEFT_OUT:
            continue
        if tag == _T:
            yield child.text or ""
        elif tag == _TAB:
            yield " "
        elif tag in _BREAKS:
            yield "\n"
        elif tag == _NO_BREAK_HYPHEN:
            yield "-"
        elif tag == _P:                          # a paragraph in a text box inside this one
            yield "\n"
            yield from _runs_text(child)
            yield "\n"
        else:
            yield from _runs_text(child)


def _paragraph(p: ET.Element) -> str:
    return _collapse("".join(_runs_text(p)))


def join_cell(parts: list[str]) -> str:
    """A cell's paragraphs joined without a newline; a space only where two numbers would run together."""
    out = ""
    for part in (p.replace("\n", " ") for p in parts if p):
        if out and _DIGIT_END.search(out) and _DIGIT_START.match(part):
            out += " "
        out += part
    return out


def _blocks(parent: ET.Element) -> Iterator[ET.Element]:
    """The paragraphs and tables under ``parent`` in document order, looking through content controls."""
    for child in parent:
        if child.tag == _P or child.tag == _TBL:
            yield child
        elif child.tag in _CONTAINERS:
            yield from _blocks(child)


def _cells(tr: ET.Element) -> Iterator[ET.Element]:
    for child in tr:
        if child.tag == _TC:
            yield child
        elif child.tag in _CONTAINERS:
            yield from _cells(child)


def _rows(tbl: ET.Element) -> Iterator[ET.Element]:
    for child in tbl:
        if child.tag == _TR:
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


def _table(tbl: ET.Element, out: list[str]) -> None:
    for tr in _rows(tbl):
        for tc in _cells(tr):
            if _merge(tc, "hMerge") == "continue":    # legacy horizontal merge: the cell appears once
                continue
            if _merge(tc, "vMerge") == "continue":    # below a vertically merged cell: a blank cell
                out.append("\t")
                continue
            parts: list[str] = []
            nested = False
            for block in _blocks(tc):
                if block.tag == _P:
                    parts.append(_paragraph(block))
                    continue
                if any(parts):                        # the cell's text before a nested table
                    out.append("\t" + join_cell(parts))
                nested, parts = True, []
                _table(block, out)
            if any(parts) or not nested:
                out.append("\t" + join_cell(parts))
        out.append("")


def _body_lines(body: ET.Element) -> list[str]:
    out: list[str] = []
    for block in _blocks(body):
        if block.tag == _TBL:
            _table(block, out)
        else:
            text = _paragraph(block)
            if text:
                out.extend(text.split("\n"))
    return out


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


def docx_to_text(data: bytes, path: str = "<bytes>") -> str:
    """The document's text in the one-cell-per-line layout; a :class:`DocumentError` naming ``path`` if unreadable."""
    if not data.strip():
        raise EmptyDocumentError(path)
    if data.startswith(_OLE2_MAGIC):
        raise UnsupportedFormatError(path, "not a .docx but an old binary Word document (or a password-protected "
                                           "one): save it as .docx, or convert it to text")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            name = _main_part(zf)
            root = read_part(zf, name, path)
    except KeyError:
        raise UnsupportedFormatError(path, f"a ZIP archive without {_MAIN_PART}: not a Word .docx document") from None
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError, RuntimeError) as exc:
        raise BinaryDocumentError(path, f"not a readable .docx (corrupt or truncated ZIP archive: {exc})") from None
    body = root.find(f"{W}body")
    if body is None:
        raise UnsupportedFormatError(path, f"not a Word .docx document ({name} has no w:body)")
    lines = _body_lines(body)
    if not any(line.strip() for line in lines):
        raise EmptyDocumentError(path, "the document has no text")
    return "\n".join(lines) + "\n"
