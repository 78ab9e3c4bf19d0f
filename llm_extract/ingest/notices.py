"""What ingest knows about a document that its text does not show: pages it could not read.

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

__all__ = ["ingest_findings", "explain_not_a_report", "SCANNED_PAGES"]

SCANNED_PAGES = "INGEST.SCANNED_PAGES"
register(SCANNED_PAGES, "PDF 部分页面是扫描图像（没有文字层），其内容未读取：请先 OCR",
         "some pages of the PDF are scanned images without a text layer: their content was not read; OCR them first")


def _scanned(doc: Document) -> list[int]:
    return [int(p) for p in doc.meta.get("scanned_pages", [])]


def ingest_findings(doc: Document) -> list[Finding]:
    """The findings ingest leaves on the record: a warning naming the scanned pages, if any."""
    pages = _scanned(doc)
    if not pages:
        return []
    message = next((w for w in doc.meta.get("warnings", []) if "scanned" in w), f"scanned pages: {pages}")
    return [Finding(code=SCANNED_PAGES, severity="warning", message=message, detail={"pages": pages})]


def explain_not_a_report(exc: NotAReportError, doc: Document) -> NotAReportError:
    """``exc``, naming the scanned pages when there are some (the report may be on them)."""
    warnings = [w for w in doc.meta.get("warnings", []) if "scanned" in w]
    if not warnings:
        return exc
    return NotAReportError(exc.path, f"{exc.detail}; {' '.join(warnings)}")
