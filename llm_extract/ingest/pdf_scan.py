"""A scanned page (an image, no text layer) read by OCR: the optional extra ``llm-extract[ocr]``.

Many reports are published as scans. With the extra installed (RapidOCR, whose PP-OCR models for
Chinese ship inside its wheel: no download, no network), a page whose only content is an image is
rendered (:data:`RESOLUTION` dots per inch) and recognised; each recognised text box becomes a run of
characters at the box's place on the page, as an OCR layer's invisible text would be (ocrmypdf, Acrobat),
so the page is read by the same line and column logic as any PDF page, and named among the document's
OCR pages: OCR'd text proves nothing that an identity does not check (``verify/trust.py``).

Without the extra, with ``LLM_EXTRACT_OCR=off`` in the environment (a batch that must not spend seconds a
page on scans), or past :data:`MAX_OCR_PAGES` pages of one document, such pages stay unread and are named
(the document's warnings and ``INGEST.SCANNED_PAGES``).

The engine is made once per process (a forked worker makes its own: a session is not shared across a
fork) and runs on one thread: a batch reads documents on every core already.
"""

from __future__ import annotations

import os
import unicodedata
from typing import Any

__all__ = ["ocr_available", "why_no_ocr", "scan_page", "box_chars", "MAX_OCR_PAGES", "RESOLUTION", "OCR_SWITCH", "OCR_INSTALL_HINT"]

#: dots per inch a scanned page is rendered at for OCR (A4: 1240 × 1754 pixels)
RESOLUTION = 150
#: at most this many scanned pages of one document are OCR'd (a report's tables lie within its first
#: pages; a scan of hundreds of pages would take many minutes): the rest are named as unread
MAX_OCR_PAGES = 30
#: a recognised box scored lower than this is dropped (the engine's own confidence, 0–1)
MIN_SCORE = 0.5
#: the environment variable that turns OCR off (``off``, ``0``, ``no``, ``false``)
OCR_SWITCH = "LLM_EXTRACT_OCR"
_OFF = ("0", "off", "no", "false")
OCR_INSTALL_HINT = "install the OCR extra to read scanned pages: pip install 'llm-extract[ocr]'"

_engine: tuple[int, Any] | None = None       # (pid, engine): made again in a forked process


def _load_engine() -> Any:
    """The OCR engine of this process, or None when the extra is not installed."""
    global _engine
    if os.environ.get(OCR_SWITCH, "").strip().lower() in _OFF:
        return None
    if _engine is not None and _engine[0] == os.getpid():
        return _engine[1]
    try:
        from rapidocr import RapidOCR
        import onnxruntime  # noqa: F401  (the engine RapidOCR runs its models on)
    except ImportError:
        return None
    import logging
    engine = RapidOCR(params={"Global.use_cls": False, "Global.log_level": "critical",
                              "Global.text_score": MIN_SCORE,
                              "EngineConfig.onnxruntime.intra_op_num_threads": 1,
                              "EngineConfig.onnxruntime.inter_op_num_threads": 1})
    logging.getLogger("RapidOCR").setLevel(logging.ERROR)
    _engine = (os.getpid(), engine)
    return engine


def ocr_available() -> bool:
    """Whether scanned pages can be read here (the ``ocr`` extra is installed and OCR not turned off)."""
    return _load_engine() is not None


def why_no_ocr() -> str:
    """Why scanned pages are not read here ("" when they are): OCR turned off, or the extra not installed."""
    if os.environ.get(OCR_SWITCH, "").strip().lower() in _OFF:
        return f"OCR is turned off ({OCR_SWITCH}={os.environ[OCR_SWITCH]})"
    return "" if ocr_available() else OCR_INSTALL_HINT


def _width(ch: str) -> float:
    """A character's share of its box's width: a Chinese character or full-width sign is twice a digit's."""
    return 1.0 if unicodedata.east_asian_width(ch) in ("W", "F") else 0.5


def box_chars(text: str, x0: float, top: float, x1: float, bottom: float, page_number: int,
              initial_doctop: float) -> list[dict[str, Any]]:
    """pdfplumber-like character dicts spreading ``text`` over its box (page points), each character its
    share of the width (:func:`_width`): a text layer as an OCR engine lays one over a scan."""
    text = unicodedata.normalize("NFC", text).strip()
    if not text or x1 <= x0 or bottom <= top:
        return []
    shares = [_width(ch) for ch in text]
    unit = (x1 - x0) / sum(shares)
    size = bottom - top
    out, x = [], x0
    for ch, share in zip(text, shares):
        w = share * unit
        out.append({"text": ch, "x0": x, "x1": x + w, "top": top, "bottom": bottom, "doctop": initial_doctop + top,
                    "width": w, "height": size, "size": size, "upright": True, "fontname": "OCR", "adv": w,
                    "matrix": (size, 0.0, 0.0, size, x, bottom), "object_type": "char", "page_number": page_number,
                    "non_stroking_color": (0.0,), "stroking_color": (0.0,), "mcid": None, "tag": None})
        x += w
    return out


def scan_page(page: Any) -> Any | None:
    """The scanned pdfplumber ``page`` as a page whose characters are the OCR engine's reading of its image;
    None when the extra is not installed or nothing was recognised."""
    engine = _load_engine()
    if engine is None:
        return None
    import numpy
    image = page.to_image(resolution=RESOLUTION).original.convert("RGB")
    result = engine(numpy.asarray(image))
    if result.boxes is None or not len(result.boxes):
        return None
    scale = float(page.width) / image.width
    chars: list[dict[str, Any]] = []
    for box, text, score in zip(result.boxes, result.txts, result.scores):
        if float(score) < MIN_SCORE:
            continue
        xs, ys = [float(p[0]) * scale for p in box], [float(p[1]) * scale for p in box]
        chars += box_chars(str(text), min(xs), min(ys), max(xs), max(ys), page.page_number, page.initial_doctop)
    if not chars:
        return None
    scanned = page.filter(lambda obj: False)          # none of the page's own objects: its image is not text
    scanned._objects = {"char": sorted(chars, key=lambda c: (c["top"], c["x0"]))}
    return scanned
