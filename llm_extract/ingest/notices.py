"""What ingest knows about a document that its text does not show: pages it could not read, copies it left out.

A PDF whose pages are partly scans is read from the pages with a text layer; the
scanned pages are named in the document's warnings (``Document.meta``), become a
finding of the record (``INGEST.SCANNED_PAGES``, so the review queue shows it) and
are named in the error when the readable pages hold no report.
"""

from __future__ import annotations

from .._exceptions import NotAReportError
from ..evidence import Finding
from .document import Document
from verify.rules import register

__all__ = ["ingest_findings", "explain_not_a_report", "SCANNED_PAGES", "DUPLICATE_COPY", "OCR_PAGES"]

SCANNED_PAGES = "INGEST.SCANNED_PAGES"
register(SCANNED_PAGES, "PDF 部分页面是扫描图像（没有文字层），其内容未读取：请先 OCR",
         "some pages of the PDF are scanned images without a text layer: their content was not read; OCR them first")


OCR_PAGES = "INGEST.OCR_PAGES"
register(OCR_PAGES, "PDF 页面是扫描图像上的不可见 OCR 文字层：文字是 OCR 的识别结果，可能误读数字",
         "pages of the PDF are a scan under an invisible OCR text layer: their text is an OCR engine's reading, "
         "which may misread digits")


DUPLICATE_COPY = "INGEST.DUPLICATE_COPY"
register(DUPLICATE_COPY, "文件中同一报告出现多次（如网页重复刊登正文），只读取第一份",
         "the file holds the same report more than once (a page printing its article twice): the first copy is read")


def _scanned(doc: Document) -> list[int]:
    return [int(p) for p in doc.meta.get("scanned_pages", [])]


def ingest_findings(doc: Document) -> list[Finding]:
    """The findings ingest leaves on the record: a warning naming the scanned pages, if any."""
    out = []
    copies = doc.meta.get("duplicate_copies")
    if copies:
        spans = ", ".join(f"lines {a}–{b}" for a, b in copies)
        out.append(Finding(code=DUPLICATE_COPY, severity="warning", detail={"copies": copies},
                           message=f"the same report is printed again ({spans}): only the first copy was read"))
    ocr = [int(p) for p in doc.meta.get("ocr_pages", [])]
    if ocr:
        which = f"page {ocr[0]} is" if len(ocr) == 1 else f"pages {', '.join(map(str, ocr))} are"
        out.append(Finding(code=OCR_PAGES, severity="warning", detail={"pages": ocr},
                           message=f"{which} a scan under an invisible OCR text layer: the text read is the OCR "
                                   "engine's; 表二 (in no identity) is not proven from it (READ.OCR_TEXT)"))
    pages = _scanned(doc)
    if pages:
        message = next((w for w in doc.meta.get("warnings", []) if "scanned" in w), f"scanned pages: {pages}")
        out.append(Finding(code=SCANNED_PAGES, severity="warning", message=message, detail={"pages": pages}))
    return out


def explain_not_a_report(exc: NotAReportError, doc: Document) -> NotAReportError:
    """``exc``, naming the scanned pages when there are some (the report may be on them)."""
    warnings = [w for w in doc.meta.get("warnings", []) if "scanned" in w]
    if not warnings:
        return exc
    return NotAReportError(exc.path, f"{exc.detail}; {' '.join(warnings)}")
