"""Ingest: a file on disk → a :class:`Document` (normalised text and lines)."""

from __future__ import annotations

import io
import re
import zipfile

from collections.abc import Callable
from pathlib import Path

from .._exceptions import DocumentError, EmptyDocumentError, UnsupportedFormatError
from .document import Document, file_hash, normalise_newlines
from .doc import OLE2_MAGIC, doc_to_text, is_word97
from .docx import docx_read
from .docx_parts import mht_to_text
from .ocr_specks import MIN_SPECKS, ocr_specks
from .odt import odt_to_text
from .rtf import is_rtf, rtf_to_text
from .html import decode_html, html_to_text
from .html_pre import preformatted_text
from .image_scan import IMAGE_SUFFIXES, read_image
from .inputs import Inputs, Skipped, scan_inputs
from .limits import InputLimits, read_capped
from .mojibake_runs import repaired_runs
from .pdf import read_pdf, scanned_pages_warning
from .embedded_html import is_html_page
from .text import REPLACED, TRUNCATED, decode_bytes, replacements_trimmed, repaired_mojibake
from .text_family import TEXT_SUFFIXES, read_text, read_text_file
from .traditional import to_simplified, traditional_marks
from .wordml import is_wordml, wordml_to_text
from .xlsx import xlsx_to_text

__all__ = ["Document", "load", "load_bytes", "decode_bytes", "file_hash", "SUPPORTED_SUFFIXES", "iter_inputs",
           "scan_inputs", "Inputs", "Skipped", "InputLimits", "read_capped", "read_as_text", "text_document"]

SUPPORTED_SUFFIXES = (".txt", ".text", ".md", ".json", ".jsonl", ".csv", ".xml", ".html", ".htm", ".shtml", ".mht",
                      ".mhtml", ".docx", ".docm", ".doc", ".wps", ".rtf", ".odt", ".pdf", ".xlsx", ".xlsm",
                      ".xls") + IMAGE_SUFFIXES
_HTML_SUFFIXES = (".html", ".htm", ".shtml")
_WORD_SUFFIXES = (".doc", ".docx", ".docm", ".wps", ".rtf", ".odt")   # read as what the bytes hold
#: the reader of each kind of word-processor file, and the encoding its text was stored in
_WORD_READERS: dict[str, tuple[Callable[[bytes, str], str], str]] = {
    "mht": (mht_to_text, "utf-8"), "rtf": (rtf_to_text, "utf-8"), "odt": (odt_to_text, "utf-8"),
    "doc": (doc_to_text, "utf-16-le"), "wordml": (wordml_to_text, "utf-8")}         # (a .docx: docx_read, which counts the pictures OCR read too)


def _sniff_word(data: bytes, suffix: str, path: str) -> str:
    """What a word-processor file really holds: ``docx``, ``odt``, ``doc`` (binary Word), ``rtf``,
    ``html`` (Word's web page) or ``mht`` (Word's single-file web page); agencies rename freely."""
    if data.startswith(b"PK\x03\x04"):
        if data[30:38] == b"mimetype" and b"opendocument" in data[38:120]:
            return "odt"
        # (an .odt whose mimetype is not first and stored, as the standard asks: OpenDocument, unless it is a .docx)
        return "odt" if suffix == ".odt" and b"word/document.xml" not in data else "docx"
    if data.startswith(OLE2_MAGIC):    # a .doc is read (or fails by name) by doc_to_text, which opens it once;
        if suffix == ".wps" and not is_word97(data):      # a .docx may be an encrypted package
            raise UnsupportedFormatError(path, "a .wps file in WPS Office's (or Microsoft Works') own format, "
                                               "not Word's: open it in WPS Office and save it as .docx")
        return "doc" if suffix in (".doc", ".wps") or is_word97(data) else "docx"
    if is_rtf(data):
        return "rtf"
    if is_wordml(data):                # Word's XML saves (2003 XML, flat OPC), often an OA system's ".doc"
        return "wordml"
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<html", b"<!doctype html", b"<?xml")) and b"<html" in data[:4096].lower():
        return "html"
    if not head.startswith(b"<") and b"multipart/related" in head:
        return "mht"
    if suffix == ".wps":
        raise UnsupportedFormatError(path, "a .wps file that is neither a Word document nor a web page (an old "
                                           "WPS or Works format): open it in WPS Office and save it as .docx")
    return "docx" if suffix == ".docm" else suffix.lstrip(".")


_SHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls")


def _sniff_sheet(data: bytes, suffix: str, path: str) -> str:
    """What a spreadsheet file really holds: ``xlsx`` (a ZIP package), or ``html`` (a web page's table saved as
    ``.xls``, as many sites' "export to Excel" writes); an old binary ``.xls`` fails by name."""
    if data.startswith(b"PK\x03\x04"):
        return "xlsx"
    if not data.startswith(OLE2_MAGIC):
        try:
            if is_html_page(decode_bytes(data[:4096], path)[0]):
                return "html"
        except DocumentError:
            pass
    raise UnsupportedFormatError(path, f"unsupported file type {suffix!r} (an old binary Excel workbook: save it as "
                                       ".xlsx, or export its sheet as CSV)")


def read_as_text(suffix: str) -> bool:
    """Is a file of this suffix read as text or a web page whatever its bytes (not sniffed as a package)?"""
    return suffix.lower() in TEXT_SUFFIXES + _HTML_SUFFIXES


def load_bytes(data: bytes, *, doc_id: str, path: str = "<bytes>", suffix: str = ".txt",
               limits: InputLimits | None = None) -> Document:
    """Decode bytes of a supported file type (text, HTML, DOCX, PDF) into a Document.

    HTML, DOCX and a PDF's ruled tables become text in the one-cell-per-line layout of a Word
    text export; a PDF's text outside ruled tables keeps its columns as tab-separated rows (a
    scanned page is read by OCR where the ``ocr`` extra is installed, :mod:`.pdf_scan`; else a PDF of scans only
    is refused: it needs OCR first, and scanned pages of a PDF are named in ``meta["warnings"]``). A word-processor file (``.doc``, ``.docx``, ``.docm``, ``.wps``, ``.rtf``,
    ``.odt``) is read as what its bytes hold: old binary Word (Word 97–2003, :mod:`.doc`), a
    ``.docx``, an OpenDocument text (:mod:`.odt`), RTF (:mod:`.rtf`), or a web page saved by Word
    (HTML, or MHT: :mod:`.docx_parts`); all are common on government sites. ``limits``: a document over the
    limit of its kind (:mod:`.limits`) is a :class:`~llm_extract.DocumentTooLargeError`, refused unparsed.
    """
    suffix = suffix.lower()
    meta: dict = {}
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnsupportedFormatError(path, f"unsupported file type {suffix!r} "
                                           f"(supported: {', '.join(SUPPORTED_SUFFIXES)})")
    kind = _sniff_word(data, suffix, path) if suffix in _WORD_SUFFIXES else "image" if suffix in IMAGE_SUFFIXES else (
        _sniff_sheet(data, suffix, path) if suffix in _SHEET_SUFFIXES else "html" if suffix in _HTML_SUFFIXES
        else "mht" if suffix in (".mht", ".mhtml") else suffix.lstrip("."))
    if suffix == ".xml" and is_wordml(data):            # a report saved by Word as "XML Document"
        kind = "wordml"
    if limits is not None:
        limits.check_kind(len(data), kind, path)
    if kind == "html":
        page, encoding = decode_html(data, path)
        text = _page_text(page, meta)
        if not text.strip():
            raise EmptyDocumentError(path, "the HTML page has no text")
    elif kind == "docx":
        text, read_pictures = docx_read(data, path)
        encoding = "utf-8"
        if images := _docx_pictures(data):
            meta["images"] = images                 # (a table pasted as a picture: notices.py names them)
        if read_pictures:                           # (OCR read them: .docx_pictures)
            meta["ocr_pictures"] = read_pictures
    elif kind in _WORD_READERS:
        reader, encoding = _WORD_READERS[kind]
        text = reader(data, path)
    elif kind == "xlsx":
        text, encoding = xlsx_to_text(data, path), "utf-8"
    elif kind in ("pdf", "image"):       # (an image file: a scanned page, read as a scanned PDF's, .image_scan)
        max_pages = limits.max_pages if limits else 0
        pdf = read_image(data, path) if kind == "image" else read_pdf(data, path, max_pages=max_pages)
        encoding = "utf-8"
        text = pdf.text
        if pdf.scanned_pages:
            meta = {"scanned_pages": pdf.scanned_pages, "warnings": [scanned_pages_warning(pdf.scanned_pages)]}
        if pdf.ocr_pages:                # the text of these pages is an OCR engine's reading of a scan
            meta["ocr_pages"] = pdf.ocr_pages
        if pdf.ocr_read_pages:           # (read by OCR here: .pdf_scan)
            meta["ocr_read_pages"] = pdf.ocr_read_pages
        if pdf.undecodable_pages:        # fonts without a usable ToUnicode map: the text needs OCR
            meta["undecodable_pages"] = pdf.undecodable_pages
            meta["undecodable_chars"] = list(pdf.undecodable_chars)
    elif suffix in TEXT_SUFFIXES:           # a page saved as text, a crawler export, OCR text (text_family)
        read = read_text_file(data, path, suffix)
        text, encoding, kind = read.text, read.encoding, read.kind
        meta = read.meta
    else:
        text, encoding = decode_bytes(data, path)
    return _document(text, doc_id=doc_id, path=path, source_kind=kind, encoding=encoding, meta=meta,
                     file_hash=file_hash(data))


def _document(text: str, *, encoding: str, meta: dict, **kw) -> Document:
    """The Document of a text read, with what its text tells of how it was made in ``meta``."""
    if encoding.endswith(TRUNCATED):        # the file ended inside a character, dropped: notices.py warns of it
        meta["truncated"] = True
    if encoding.endswith(REPLACED):         # stray U+FFFD saved in the text: notices.py warns of it
        meta["replacement_chars"] = text.count("\ufffd")
        text = replacements_trimmed(text)
    text, runs = repaired_runs(text)        # a piece of it read in a one-byte code page: undone where exact
    if runs:
        meta["mojibake_runs"] = runs
    if (specks := ocr_specks(text)) >= MIN_SPECKS:  # a scanned table's rules read as punctuation: OCR output
        meta["ocr_specks"] = specks
    if marks := traditional_marks(text):           # printed in traditional characters (繁體): read as simplified
        text, meta["traditional"] = to_simplified(text), marks
    return Document(text=normalise_newlines(text), encoding=encoding, meta=meta, **kw)


def text_document(text: str, doc_id: str = "doc", *, source_kind: str = "txt", encoding: str = "utf-8",
                  meta: dict | None = None, **kw) -> Document:
    """The Document :func:`load` makes of a file of ``source_kind`` whose bytes decode to ``text``
    (:meth:`Document.from_text`): a text file's (``txt``, ``md``, ``json``, ``jsonl``, ``csv``) read as the file
    reader reads it (:func:`.text_family.read_text`: HTML space entities, markdown's escapes, a database dump's
    ``\\n`` escapes, a page saved as text, a crawler's export, converters' tables, …), a web page's source
    (``html``) as the HTML reader reads it; the text of another kind (``pdf``, ``docx``, …: its reader's output)
    as it is."""
    meta = dict(meta or {})
    suffix = "." + source_kind
    if suffix in TEXT_SUFFIXES and text.strip():
        text, encoding = repaired_mojibake(text) or (text, encoding)
        read = read_text(text, encoding, suffix)
        text, encoding, source_kind = read.text, read.encoding, read.kind
        meta |= read.meta
    elif source_kind == "html" and is_html_page(text):
        text = _page_text(text, meta)
    return _document(text, doc_id=doc_id, source_kind=source_kind, encoding=encoding, meta=meta, **kw)


#: a picture in a web page
_IMAGE = re.compile(r"<img\b", re.IGNORECASE)


def _page_text(page: str, meta: dict) -> str:
    """A web page's text; its pictures counted in ``meta`` (a table published as a picture: notices.py names them)."""
    if images := len(_IMAGE.findall(page)):
        meta["images"] = images
    if (text := preformatted_text(page)) is not None:     # a text export published in <pre>: read as that text
        return read_text(text, "utf-8", ".txt").text
    return html_to_text(page)


def _docx_pictures(data: bytes) -> int:
    """How many pictures a Word file holds (its ``word/media/`` parts)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return sum(1 for name in z.namelist() if name.startswith("word/media/"))
    except (zipfile.BadZipFile, OSError):
        return 0


def load(path: str | Path) -> Document:
    """Read one file; the document id is the file's stem."""
    p = Path(path)
    return load_bytes(p.read_bytes(), doc_id=p.stem, path=str(p), suffix=p.suffix or ".txt")


def iter_inputs(paths: list[str | Path]) -> list[Path]:
    """Expand files and directories (recursively) into a sorted list of input files (see :mod:`.inputs`:
    every file under a folder, but golden files beside their reports, output folders and hidden files)."""
    return scan_inputs(paths).files
