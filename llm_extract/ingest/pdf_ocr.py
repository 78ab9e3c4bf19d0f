"""A page whose text is an OCR layer: an image of the page under invisible text.

A scan OCR'd by Acrobat (Paper Capture), ABBYY FineReader, Tesseract or ocrmypdf keeps the
page image and lays the recognised words over it in text render mode 3 (``3 Tr``: neither
filled nor stroked) or 7 (invisible, added to the clip): the reader sees the image, the text
layer is the OCR engine's reading of it, misread digits included (``0`` read as ``8``).
Such text proves nothing no identity checks (``verify/trust.py``): ingest names these pages
(:attr:`~llm_extract.ingest.pdf.PdfText.ocr_pages`) and the extraction carries them.

A page counts as an OCR layer when one image covers at least :data:`COVER` of it and its
content (or a form XObject it draws) sets an invisible text render mode.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["is_ocr_layer", "COVER"]

#: the share of the page one image must cover for the page to be a scan
COVER = 0.5
#: ``3 Tr`` or ``7 Tr``: text drawn invisibly
_INVISIBLE = re.compile(rb"(?<![\w.\-])[37]\s+Tr(?![\w])")


def _image_covers_page(page: Any) -> bool:
    width, height = float(page.width), float(page.height)
    if width <= 0 or height <= 0:
        return False
    x0, top, x1, bottom = (float(v) for v in page.bbox)
    for image in page.images:
        w = min(float(image["x1"]), x1) - max(float(image["x0"]), x0)
        h = min(float(image["bottom"]), bottom) - max(float(image["top"]), top)
        if w > 0 and h > 0 and w * h >= COVER * width * height:
            return True
    return False


def _streams(page: Any) -> list[Any]:
    """The page's content streams and the form XObjects of its resources."""
    from pdfminer.pdftypes import PDFStream, resolve1

    obj = page.page_obj
    streams = [resolve1(s) for s in (obj.contents or [])]
    xobjects = resolve1((obj.resources or {}).get("XObject")) or {}
    if isinstance(xobjects, dict):
        for ref in xobjects.values():
            x = resolve1(ref)
            if isinstance(x, PDFStream) and getattr(x.get("Subtype"), "name", None) == "Form":
                streams.append(x)
    return streams


def _draws_invisible_text(page: Any) -> bool:
    for stream in _streams(page):
        try:
            data = stream.get_data()
        except Exception:         # a stream pdfminer cannot decode: the page was read without it too
            continue
        if isinstance(data, bytes) and _INVISIBLE.search(data):
            return True
    return False


def is_ocr_layer(page: Any) -> bool:
    """Whether a pdfplumber page's text is invisible OCR text over an image of the page."""
    return bool(page.images) and _image_covers_page(page) and _draws_invisible_text(page)
