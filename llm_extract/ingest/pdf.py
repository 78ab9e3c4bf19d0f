"""PDF reports with a text layer → text in the one-cell-per-line layout of HTML and DOCX ingest.

Uses :mod:`pdfplumber` (the optional extra ``llm-extract[pdf]``). A report exported
from Word prints its tables with rules; pdfplumber finds them by their rules and
returns their cells, so each ruled table is read cell by cell
(:mod:`~llm_extract.ingest.pdf_tables`): every cell a line starting with a tab, as
HTML and DOCX cells are, a cell's wrapped lines joined, merged cells printed once,
a table broken by a page break read as one table. The text outside the ruled tables
is read from the text layer line by line (:mod:`~llm_extract.ingest.pdf_lines`),
column gaps becoming tabs, so a page without ruled tables (a table printed without
rules) still reads as tab-separated rows, and a row of such a table with blank cells as a ruled table's
row, its numbers placed in their columns by position (:mod:`~llm_extract.ingest.pdf_columns`). Running heads, feet and page numbers are
dropped. Tables and lines keep their order on the page. A landscape sheet printing two pages side by side
(2-up) is read as its two pages, left then right (:mod:`~llm_extract.ingest.pdf_nup`).

A page without a text layer (a scan) is read by OCR where the ``ocr`` extra is installed
(:mod:`~llm_extract.ingest.pdf_scan`; :attr:`PdfText.ocr_read_pages` names those pages); else a PDF of
scans only is refused with advice to OCR it first, a PDF with some scanned pages is read, and
:attr:`PdfText.scanned_pages` names the pages whose text it could not read, and
:attr:`PdfText.ocr_pages` the pages whose text is an invisible OCR layer over a page image (:mod:`~llm_extract.ingest.pdf_ocr`), and
:attr:`PdfText.undecodable_pages` those whose text layer cannot be decoded (fonts without a usable
ToUnicode map, :mod:`~llm_extract.ingest.pdf_decode`). An encrypted, truncated or corrupt PDF is a
:class:`BinaryDocumentError` naming the file.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

from .._exceptions import BinaryDocumentError, DocumentTooLargeError, EmptyDocumentError, UnsupportedFormatError
from .pdf_decode import count_undecodable, undecodable_page
from .cjk_spacing import join_spaced_characters
from .pdf_chars import report_page
from .pdf_columns import placed_rows
from .pdf_footers import lone_page_numbers
from .pdf_headdigits import join_header_digits
from .pdf_fast import install_fast_paths
from .pdf_lines import TextLine, mark_furniture, page_text_lines
from .pdf_nup import sheet_pages
from .pdf_ocr import is_ocr_layer
from .pdf_pictures import text_pictures, with_pictures_read
from .pdf_scan import MAX_OCR_PAGES, scan_page, why_no_ocr
from .pdf_spacing import letter_spacing
from .pdf_spill import join_spilled
from .pdf_turned import upright_page
from .pdf_tables import PdfTable, can_continue, continue_table, read_tables, table_lines

__all__ = ["pdf_to_text", "read_pdf", "PdfText", "scanned_pages_warning", "PDF_INSTALL_HINT", "OCR_ADVICE"]

PDF_INSTALL_HINT = "reading PDF needs the optional package pdfplumber: pip install 'llm-extract[pdf]'"
OCR_ADVICE = "OCR it first (e.g. `ocrmypdf report.pdf ocr.pdf`)"
_EOF_WINDOW = 2048                            # where a complete PDF's last %%EOF marker must lie


@dataclass(frozen=True)
class PdfText:
    """A PDF's text, the pages that are images without a text layer and the pages whose text is an
    invisible OCR layer over an image (1-based)."""

    text: str
    scanned_pages: list[int] = field(default_factory=list)
    ocr_pages: list[int] = field(default_factory=list)
    undecodable_pages: list[int] = field(default_factory=list)
    undecodable_chars: tuple[int, int] = (0, 0)     # those pages' unmapped and mis-mapped characters, and printed ones
    ocr_read_pages: list[int] = field(default_factory=list)    # scans OCR'd here (.pdf_scan): among ocr_pages too


def ocr_advice() -> str:
    """What to do about scanned pages left unread: OCR them first, and why this run did not (.pdf_scan)."""
    return f"{OCR_ADVICE}; {why}" if (why := why_no_ocr()) else OCR_ADVICE


def scanned_pages_warning(pages: list[int]) -> str:
    """What a reader must know about a PDF whose ``pages`` are scans: their text was not read."""
    if len(pages) == 1:
        which, its = f"page {pages[0]} is", "its"
    else:
        which, its = f"pages {', '.join(map(str, pages))} are", "their"
    return f"{which} scanned (images without a text layer): {its} content was not read; {ocr_advice()}"


def _load_pdfplumber() -> Any:
    try:
        import pdfplumber
    except ImportError:
        return None
    install_fast_paths()
    return pdfplumber


@dataclass
class _Page:
    number: int
    lines: list[TextLine]
    tables: list[PdfTable]
    ocr: bool = False                 # its text is an invisible OCR layer over an image of the page
    spacing: float = 0.0              # its letter-spacing (.pdf_spacing)
    undecodable: tuple[int, int, int] = (0, 0, 0)    # its unmapped and mis-mapped characters, and those printed
    scanned: bool = False             # an image without a text layer, OCR'd here (.pdf_scan)

    def blocks(self) -> list[TextLine | PdfTable]:
        """Its lines (without furniture) and tables, top to bottom."""
        items: list[TextLine | PdfTable] = [ln for ln in self.lines if not ln.furniture]
        items += self.tables
        return sorted(items, key=lambda b: b.top)


def _outside(tables: list[PdfTable]) -> Any:
    """A filter keeping a page's objects except the characters inside its ruled tables."""
    boxes = [(t.x0, t.top, t.x1, t.bottom) for t in tables]

    def keep(obj: dict[str, Any]) -> bool:
        if obj.get("object_type") != "char":
            return True
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)
    return keep


def _read_page(page: Any, number: int, spacing: float = 0.0) -> _Page | None:
    """A page's lines and tables; None for a page without a text layer. Glyphs drawn twice (fake bold) and
    watermarks are not its text (:mod:`.pdf_chars`); content drawn a quarter turn is read turned back
    (:mod:`.pdf_turned`); ``spacing``: the letter-spacing of the page before it (:mod:`.pdf_spacing`)."""
    page = report_page(upright_page(page))
    if not any(ch["text"].strip() for ch in page.chars):
        return None
    spacing = letter_spacing(page.chars, spacing)      # glyphs drawn one by one, letter-spaced (.pdf_spacing)
    tables = read_tables(page, number, spacing)
    lines, ocr = page_text_lines(page, number, _outside(tables), spacing), is_ocr_layer(page)
    if ocr:                                   # an OCR engine's spaces between Chinese words (.cjk_spacing)
        for line in lines:
            line.text = join_spaced_characters(line.text)
    return _Page(number, lines, tables, ocr, spacing, count_undecodable(page.chars))


def _pages(pdfplumber: Any, data: bytes, path: str, max_pages: int = 0) -> tuple[list[_Page], list[int], int]:
    """The pages with text, the scanned pages and the page count; :class:`BinaryDocumentError` if unreadable,
    :class:`DocumentTooLargeError` if over ``max_pages`` pages (counted before any is read; 0: no limit)."""
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if max_pages and len(pdf.pages) > max_pages:
                raise DocumentTooLargeError(path, f"a PDF of {len(pdf.pages)} pages, over the limit of {max_pages} "
                                                  "pages for one document (--max-pages or LLM_EXTRACT_MAX_PAGES "
                                                  "raises it, 0 for none)")
            pages: list[_Page] = []
            scanned: list[int] = []
            spacing = 0.0
            ocr_left = MAX_OCR_PAGES
            number = 0                # a sheet printing two pages counts as two (.pdf_nup)
            for sheet in pdf.pages:
                for page in sheet_pages(sheet):
                    number += 1
                    read = _read_page(page, number, spacing)
                    if read is not None and ocr_left > 0 and (boxes := text_pictures(page)):   # tables as pictures
                        ocr_left -= 1
                        merged = with_pictures_read(page, boxes)                           # (.pdf_pictures)
                        if merged is not None and (again := _read_page(merged, number, spacing)) is not None:
                            read = again
                            read.ocr = read.scanned = True      # (its pictures' text is an OCR engine's)
                    if read is None and page.images and ocr_left > 0:      # a scan: read by OCR (.pdf_scan)
                        ocr_left -= 1              # (the bound counts every page OCR'd, recognised or not)
                        image = scan_page(page)
                        if image is not None and (read := _read_page(image, number, spacing)) is not None:
                            read.ocr = read.scanned = True      # its text is an OCR engine's
                    if read is not None:
                        pages.append(read)
                        spacing = read.spacing
                    elif page.images:
                        scanned.append(number)
                sheet.close()
            return pages, scanned, len(pdf.pages)
    except DocumentTooLargeError:
        raise
    except Exception as exc:      # pdfminer raises many kinds of errors on a corrupt file; all mean "unreadable"
        inner = exc.args[0] if type(exc).__name__ == "PdfminerException" and exc.args else exc
        if type(inner).__name__ == "PDFPasswordIncorrect":
            raise BinaryDocumentError(path, "an encrypted PDF: it needs a password; save an unprotected copy") \
                from None
        if isinstance(inner, (MemoryError, KeyboardInterrupt)):
            raise
        if b"/Encrypt" in data:   # pdfminer fails on some permission entries (/P 0) before any page is read
            raise BinaryDocumentError(path, "an encrypted PDF that could not be decrypted "
                                            f"({type(inner).__name__}: {inner}); save or print an unprotected copy") \
                from None
        raise BinaryDocumentError(path, f"not a readable PDF (corrupt or truncated: {type(inner).__name__}: "
                                        f"{inner})") from None


def _place_columns(pages: list[_Page]) -> None:
    """Rows of tables printed without vertical rules that have blank cells: read by position
    (:mod:`.pdf_columns`), their text replaced in place."""
    placed = placed_rows([[[] if ln.furniture else ln.words for ln in p.lines] for p in pages])
    for page, rows in zip(pages, placed):
        for i, text in rows.items():
            page.lines[i].text = text


def _layout(pages: list[_Page]) -> list[str]:
    """Every page's blocks in order, a table broken by a page break joined into one, as text lines."""
    mark_furniture([ln for p in pages for ln in p.lines])
    for page in pages:                        # a page number printed under one page only
        for line in lone_page_numbers(page.lines, [t.bottom for t in page.tables]):
            line.furniture = True
    for page in pages:                        # 数据 / 1: a header word's number wrapped under it
        join_header_digits(sorted((ln for ln in page.lines if not ln.furniture), key=lambda ln: ln.top))
    _place_columns(pages)
    join_spilled([p.tables for p in pages], [p.lines for p in pages])   # a sheet wider than the page: its column blocks side by side
    blocks: list[TextLine | PdfTable] = []
    last_page: dict[int, int] = {}            # id(table) → the last page it runs over
    for page in pages:
        for i, block in enumerate(page.blocks()):
            prev = blocks[-1] if blocks else None
            if i == 0 and isinstance(block, PdfTable) and isinstance(prev, PdfTable) \
                    and last_page[id(prev)] == page.number - 1 and can_continue(prev, block):
                continue_table(prev, block)
                last_page[id(prev)] = page.number
                continue
            blocks.append(block)
            if isinstance(block, PdfTable):
                last_page[id(block)] = page.number
    lines: list[str] = []
    for block in blocks:
        lines.extend(table_lines(block) if isinstance(block, PdfTable) else [block.text])
    return lines


def read_pdf(data: bytes, path: str = "<bytes>", *, max_pages: int = 0) -> PdfText:
    """The PDF's text in the one-cell-per-line layout; a :class:`DocumentError` naming ``path`` if unreadable
    (or over ``max_pages`` pages; 0: no limit)."""
    if not data.strip():
        raise EmptyDocumentError(path)
    start = data.find(b"%PDF-", 0, 1024)
    if start < 0:
        raise BinaryDocumentError(path, "not a PDF (no %PDF- header)")
    data = data[start:]                     # bytes before the header (a saved HTTP reply, a BOM) are not the PDF's
    if b"%%EOF" not in data[-_EOF_WINDOW:]:
        raise BinaryDocumentError(path, "a truncated PDF (it does not end with %%EOF): download or export it again")
    pdfplumber = _load_pdfplumber()
    if pdfplumber is None:
        raise UnsupportedFormatError(path, PDF_INSTALL_HINT)
    pages, scanned, count = _pages(pdfplumber, data, path, max_pages)
    if not count:
        raise EmptyDocumentError(path, "the PDF has no pages")
    if not pages:
        raise UnsupportedFormatError(path, f"no text layer: a scanned PDF; {ocr_advice()}")
    undecodable = [p for p in pages if undecodable_page(*p.undecodable)]
    return PdfText("\n".join(_layout(pages)).strip("\n") + "\n", scanned, [p.number for p in pages if p.ocr],
                   [p.number for p in undecodable],
                   (sum(p.undecodable[0] + p.undecodable[1] for p in undecodable),
                    sum(p.undecodable[2] for p in undecodable)), [p.number for p in pages if p.scanned])


def pdf_to_text(data: bytes, path: str = "<bytes>") -> str:
    """The PDF's text (see :func:`read_pdf`)."""
    return read_pdf(data, path).text
