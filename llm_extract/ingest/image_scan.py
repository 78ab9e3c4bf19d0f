"""A report scanned to image files (``.png``, ``.jpg``, ``.tif`` …), read as the scanned PDF it would be.

Scanners and phones deliver pages as images: a multi-page TIFF, a JPEG a page. Such a file is put into a PDF
page by page (each page an image and nothing else, A4 wide, as a scanner's PDF holds it; a page wider than
:data:`MAX_WIDTH` pixels scaled down to it, an image over :data:`MAX_PIXELS` refused, and one under
:data:`MIN_SIDE` pixels a side, an icon or a logo, refused without OCR) and read by the PDF
reader, whose scanned pages are recognised by OCR (:mod:`.pdf_scan`, the ``ocr`` extra): the same despeckling,
levelling and table rules, the same OCR trust (``INGEST.OCR_PAGES``: OCR'd numbers prove nothing an identity
does not check). At most :data:`~.pdf_scan.MAX_OCR_PAGES` frames are taken.

Without the extra (or with OCR turned off) an image fails by name, saying why. An image too large to decode safely
(Pillow's decompression-bomb bound) or not an image fails by name too.
"""

from __future__ import annotations

import io
from typing import Any

from .._exceptions import BinaryDocumentError, UnsupportedFormatError
from .pdf import PdfText, read_pdf
from .pdf_scan import MAX_OCR_PAGES, why_no_ocr

__all__ = ["IMAGE_SUFFIXES", "read_image", "image_pages_pdf", "MAX_PIXELS", "MAX_WIDTH", "MIN_SIDE"]

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".webp")
_A4_INCHES = 8.27           # a page's width: the image is laid on an A4-wide page
#: an image with more pixels is refused unread (a page scanned at 600 dpi has 35 million)
MAX_PIXELS = 60_000_000
#: a picture with a shorter side is no scanned page (a page at 72 dpi is 595 × 842)
MIN_SIDE = 400
#: a page wider is scaled down to this many pixels (A4 at 200 dpi; OCR renders it at 150)
MAX_WIDTH = 1654


def _page(frame: Any) -> Any:
    """A frame as a page: colour kept (a red seal is taken out before OCR), else greyscale; no wider than
    :data:`MAX_WIDTH` pixels (OCR renders the page at 150 dpi: more pixels only cost memory)."""
    page = frame.convert("RGB" if frame.mode in ("RGB", "RGBA", "P", "CMYK", "YCbCr", "LAB", "HSV") else "L")
    if page.width > MAX_WIDTH:
        page = page.resize((MAX_WIDTH, max(1, round(page.height * MAX_WIDTH / page.width))))
    return page


def image_pages_pdf(data: bytes, path: str) -> bytes:
    """The PDF of the image file's pages (see the module's docstring); a :class:`DocumentError` naming ``path``
    when OCR is not installed or the bytes are no image it can decode."""
    if why := why_no_ocr():
        raise UnsupportedFormatError(path, f"an image (a scanned page), read by OCR only: {why}")
    from PIL import Image, ImageSequence, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            if min(image.width, image.height) < MIN_SIDE:      # (an icon, a logo, a button: never OCR'd)
                raise UnsupportedFormatError(path, f"a picture of {image.width} × {image.height} pixels: too small to "
                                                   f"be a scanned page ({MIN_SIDE} pixels a side at least)")
            if image.width * image.height > MAX_PIXELS:
                raise BinaryDocumentError(path, f"refused: an image of {image.width} × {image.height} pixels, over "
                                                f"{MAX_PIXELS // 1_000_000} million (a page scanned at 600 dpi is 35)")
            pages = [_page(frame) for _, frame in zip(range(MAX_OCR_PAGES), ImageSequence.Iterator(image))]
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError) as exc:
        raise BinaryDocumentError(path, f"not an image that can be read ({exc})") from None
    if not pages:
        raise BinaryDocumentError(path, "an image file without a picture")
    out = io.BytesIO()
    resolution = max(72.0, pages[0].width / _A4_INCHES)
    pages[0].save(out, "PDF", resolution=resolution, save_all=True, append_images=pages[1:])
    return out.getvalue()


def read_image(data: bytes, path: str) -> PdfText:
    """The text OCR reads in the image file's pages (as :func:`~.pdf.read_pdf` gives a PDF's); a
    :class:`DocumentError` naming ``path`` when OCR is not here, the bytes are no image, or nothing was read."""
    pdf = image_pages_pdf(data, path)
    try:
        return read_pdf(pdf, path)
    except UnsupportedFormatError:      # (the PDF reader's "no text layer: OCR it first": OCR ran, and read nothing)
        raise UnsupportedFormatError(path, "OCR read no text in the image (a blank page, or print too faint or "
                                           "small to read: scan it again at 200-300 dpi)") from None
