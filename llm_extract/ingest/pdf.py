"""PDF reports with a text layer → text in the tab-separated-rows layout the extractor reads.

Uses :mod:`pypdf` (pure Python, the optional extra ``llm-extract[pdf]``) and its
layout-preserving extraction, which prints each page as the eye reads it: one
line per printed line, the columns of a table kept apart by runs of spaces.
Those runs (two spaces or more between two pieces of text) become a tab, so a
table row is a tab-separated row; leading and trailing spaces are dropped.
Pages are joined with a newline.

A PDF without a text layer (a scan) is refused with advice to OCR it first;
an encrypted, truncated or corrupt PDF is a :class:`BinaryDocumentError`
naming the file.
"""

from __future__ import annotations

import io
import re
from typing import Any

from .._exceptions import BinaryDocumentError, EmptyDocumentError, UnsupportedFormatError

__all__ = ["pdf_to_text", "page_lines", "PDF_INSTALL_HINT"]

PDF_INSTALL_HINT = "reading PDF needs the optional package pypdf: pip install 'llm-extract[pdf]'"
_NO_TEXT = "no text layer: a scanned PDF; OCR it first (e.g. `ocrmypdf report.pdf ocr.pdf`)"
_GAP = re.compile(r"(?<=\S) {2,}(?=\S)")      # a column gap: two or more spaces between two pieces of text
_EOF_WINDOW = 2048                            # where a complete PDF's last %%EOF marker must lie


def _load_pypdf() -> Any:
    try:
        import pypdf
    except ImportError:
        return None
    return pypdf


def _line(text: str) -> str:
    return _GAP.sub("\t", text.strip())


def page_lines(page_text: str) -> list[str]:
    """One page of layout text as lines, column gaps turned into tabs, blank lines kept empty."""
    return [_line(line) for line in page_text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]


def _pages_text(pypdf: Any, data: bytes, path: str) -> list[str]:
    """The layout text of every page; a :class:`BinaryDocumentError` naming ``path`` when unreadable."""
    errors = (pypdf.errors.PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError,
              AssertionError, RecursionError, OSError, ZeroDivisionError)
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")        # an owner password only: readable without a password
            except (pypdf.errors.PyPdfError, NotImplementedError, ValueError) as exc:
                raise BinaryDocumentError(path, f"an encrypted PDF that cannot be opened ({exc})") from None
            if not opened:
                raise BinaryDocumentError(path, "an encrypted PDF: it needs a password; save an unprotected copy")
        return [page.extract_text(extraction_mode="layout") or "" for page in reader.pages]
    except errors as exc:
        raise BinaryDocumentError(path, f"not a readable PDF (corrupt or truncated: {type(exc).__name__}: "
                                        f"{exc})") from None


def pdf_to_text(data: bytes, path: str = "<bytes>") -> str:
    """The PDF's text as tab-separated rows; a :class:`DocumentError` naming ``path`` if it cannot be read."""
    if not data.strip():
        raise EmptyDocumentError(path)
    if b"%PDF-" not in data[:1024]:
        raise BinaryDocumentError(path, "not a PDF (no %PDF- header)")
    if b"%%EOF" not in data[-_EOF_WINDOW:]:
        raise BinaryDocumentError(path, "a truncated PDF (it does not end with %%EOF): download or export it again")
    pypdf = _load_pypdf()
    if pypdf is None:
        raise UnsupportedFormatError(path, PDF_INSTALL_HINT)
    pages = _pages_text(pypdf, data, path)
    if not pages:
        raise EmptyDocumentError(path, "the PDF has no pages")
    if not any(p.strip() for p in pages):
        raise UnsupportedFormatError(path, _NO_TEXT)
    lines: list[str] = []
    for text in pages:
        lines.extend(page_lines(text))
        lines.append("")
    return "\n".join(lines).strip("\n") + "\n"
