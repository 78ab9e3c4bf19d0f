"""Ingest: a file on disk → a :class:`Document` (normalised text and lines)."""

from __future__ import annotations

from pathlib import Path

from .._exceptions import EmptyDocumentError, UnsupportedFormatError
from .document import Document, file_hash, normalise_newlines
from .docx import docx_to_text
from .html import decode_html, html_to_text
from .pdf import read_pdf, scanned_pages_warning
from .text import decode_bytes

__all__ = ["Document", "load", "load_bytes", "decode_bytes", "file_hash", "SUPPORTED_SUFFIXES", "iter_inputs"]

SUPPORTED_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".shtml", ".docx", ".pdf")
_HTML_SUFFIXES = (".html", ".htm", ".shtml")
_FOLDER_SUFFIXES = SUPPORTED_SUFFIXES + (".doc",)     # what a directory given as input contributes
_CONVERT_FIRST = {
    ".doc": "old binary Word .doc is not read: save it as .docx, or convert it, e.g. "
            "`libreoffice --headless --convert-to docx report.doc`",
}


def _sniff_doc(data: bytes) -> str | None:
    """What a ``.doc`` really holds when it is not old binary Word: ``docx`` or ``html`` (Word's web page)."""
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<html", b"<!doctype html", b"<?xml")) and b"<html" in data[:4096].lower():
        return "html"
    return None


def load_bytes(data: bytes, *, doc_id: str, path: str = "<bytes>", suffix: str = ".txt") -> Document:
    """Decode bytes of a supported file type (text, HTML, DOCX, PDF) into a Document.

    HTML, DOCX and a PDF's ruled tables become text in the one-cell-per-line layout of a Word
    text export; a PDF's text outside ruled tables keeps its columns as tab-separated rows (a
    scanned PDF is refused: it needs OCR first; scanned pages of a PDF are named in
    ``meta["warnings"]``). A
    ``.doc`` is read when it really is a web page or a ``.docx`` (both are common on government
    sites); old binary Word raises :class:`UnsupportedFormatError` saying how to convert it.
    """
    suffix = suffix.lower()
    meta: dict = {}
    kind = _sniff_doc(data) if suffix == ".doc" else None
    if kind is None and suffix not in SUPPORTED_SUFFIXES:
        detail = _CONVERT_FIRST.get(suffix, f"unsupported file type {suffix!r} "
                                            f"(supported: {', '.join(SUPPORTED_SUFFIXES)})")
        raise UnsupportedFormatError(path, detail)
    kind = kind or ("html" if suffix in _HTML_SUFFIXES else suffix.lstrip("."))
    if kind == "html":
        page, encoding = decode_html(data, path)
        text = html_to_text(page)
        if not text.strip():
            raise EmptyDocumentError(path, "the HTML page has no text")
    elif kind == "docx":
        text, encoding = docx_to_text(data, path), "utf-8"
    elif kind == "pdf":
        pdf, encoding = read_pdf(data, path), "utf-8"
        text = pdf.text
        if pdf.scanned_pages:
            meta = {"scanned_pages": pdf.scanned_pages, "warnings": [scanned_pages_warning(pdf.scanned_pages)]}
    else:
        text, encoding = decode_bytes(data, path)
    return Document(doc_id=doc_id, text=normalise_newlines(text), path=path, source_kind=kind, encoding=encoding,
                    meta=meta, file_hash=file_hash(data))


def load(path: str | Path) -> Document:
    """Read one file; the document id is the file's stem."""
    p = Path(path)
    return load_bytes(p.read_bytes(), doc_id=p.stem, path=str(p), suffix=p.suffix or ".txt")


def iter_inputs(paths: list[str | Path]) -> list[Path]:
    """Expand files and directories (recursively) into a sorted list of input files."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            # a .doc too: read when it is a web page or a .docx, refused by name (with advice) when old binary Word
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in _FOLDER_SUFFIXES))
        else:
            out.append(p)
    seen: set[Path] = set()
    unique = []
    for f in out:
        key = f.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique
