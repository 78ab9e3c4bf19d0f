"""A report scanned to image files (``.png``, ``.jpg``, ``.tif`` …), read as the scanned PDF it would be.

Scanners and phones deliver pages as images: a multi-page TIFF, a JPEG a page. Such a file is put into a PDF
page by page (each page an image and nothing else, A4 wide, as a scanner's PDF holds it) and read by the PDF
reader, whose scanned pages are recognised by OCR (:mod:`.pdf_scan`, the ``ocr`` extra): the same despeckling,
levelling and table rules, the same OCR trust (``INGEST.OCR_PAGES``: OCR'd numbers prove nothing an identity
does not check). At most :data:`~.pdf_scan.MAX_OCR_PAGES` frames are taken.

Without the extra (or with OCR turned off) an image fails by name, saying why. An image too large to decode safely
(Pillow's decompression-bomb bound) or not an image fails by name too.
"""

from __future__ import annotations

import io

from .._exceptions import BinaryDocumentError, UnsupportedFormatError
from .pdf_scan import MAX_OCR_PAGES, why_no_ocr

__all__ = ["IMAGE_SUFFIXES", "image_pages_pdf"]

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".webp")
_A4_INCHES = 8.27           # a page's width: the image is laid on an A4-wide page (its pixels kept)


def image_pages_pdf(data: bytes, path: str) -> bytes:
    """The PDF of the image file's pages (see the module's docstring); a :class:`DocumentError` naming ``path``
    when OCR is not installed or the bytes are no image it can decode."""
    if why := why_no_ocr():
        raise UnsupportedFormatError(path, f"an image (a scanned page), read by OCR only: {why}")
    from PIL import Image, ImageSequence, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            pages = [frame.convert("RGB") for _, frame in zip(range(MAX_OCR_PAGES), ImageSequence.Iterator(image))]
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError) as exc:
        raise BinaryDocumentError(path, f"not an image that can be read ({exc})") from None
    if not pages:
        raise BinaryDocumentError(path, "an image file without a picture")
    out = io.BytesIO()
    resolution = max(72.0, pages[0].width / _A4_INCHES)
    pages[0].save(out, "PDF", resolution=resolution, save_all=True, append_images=pages[1:])
    return out.getvalue()
