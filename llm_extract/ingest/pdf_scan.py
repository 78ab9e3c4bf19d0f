"""A scanned page (an image, no text layer) read by OCR: the optional extra ``llm-extract[ocr]``.

Many reports are published as scans. With the extra installed (RapidOCR, whose PP-OCR models for
Chinese ship inside its wheel: no download, no network), a page whose only content is an image is
rendered (:data:`RESOLUTION` dots per inch) and recognised; each recognised text box becomes a run of
characters at the box's place on the page, as an OCR layer's invisible text would be (ocrmypdf, Acrobat),
so the page is read by the same line and column logic as any PDF page (a scanner's specks are cleaned
first, :func:`despeckle`, a page scanned askew is levelled, :func:`level_boxes`, and a page scanned lying on its side, a landscape 表三 fed sideways, is turned upright, :mod:`.scan_turn`), and named among the document's OCR pages: OCR'd text proves nothing that an identity does not check (``verify/trust.py``).

Without the extra, with ``LLM_EXTRACT_OCR=off`` in the environment (a batch that must not spend seconds a
page on scans), or past :data:`MAX_OCR_PAGES` pages of one document, such pages stay unread and are named
(the document's warnings and ``INGEST.SCANNED_PAGES``).

The engine is made once per process (a forked worker makes its own: a session is not shared across a
fork) and runs on one thread: a batch reads documents on every core already.
"""

from __future__ import annotations

import math
import os
import statistics
import unicodedata
from typing import Any

from .scan_marks import marks_read_as_glyphs
from .scan_rules import Box, cells_fit, grid_fits, level_image, rule_objects
from .scan_turn import confidence, sideways, turned_page

__all__ = ["ocr_available", "why_no_ocr", "scan_page", "box_chars", "level_boxes", "skew", "despeckle", "MAX_OCR_PAGES",
           "RESOLUTION", "OCR_SWITCH", "OCR_INSTALL_HINT", "without_seal"]

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
_LONG = 4           # a box this many times as wide as it is tall is a line of text: its slope is the scan's
_LEVEL = 0.001      # radians (0.06°): a skew smaller than this is left as it is
_RED = 60          # grey levels: a pixel whose red exceeds its green and blue by more is a seal's red
_SEAL_INK = 70     # grey levels: a seal's pixel this light is its ink on paper; darker, its ink over print
_SPECK = 60         # grey levels: a pixel this much darker (lighter) than all its neighbours is a speck
OCR_INSTALL_HINT = "install the OCR extra to read scanned pages: pip install 'llm-extract[ocr]'"

_engine: tuple[int, Any] | None = None       # (pid, engine): made again in a forked process


def _load_engine() -> Any:
    """The OCR engine of this process, or None when the extra is not installed."""
    global _engine
    if _turned_off():
        return None
    if _engine is not None and _engine[0] == os.getpid():
        return _engine[1]
    try:
        from rapidocr import RapidOCR
        import onnxruntime  # noqa: F401  (the engine RapidOCR runs its models on)
    except ImportError:
        _engine = (os.getpid(), None)           # (not installed: not looked for again on every scanned page)
        return None
    import logging
    engine = RapidOCR(params={"Global.use_cls": False, "Global.log_level": "critical",
                              "Global.text_score": MIN_SCORE,
                              "EngineConfig.onnxruntime.intra_op_num_threads": 1,
                              "EngineConfig.onnxruntime.inter_op_num_threads": 1})
    logging.getLogger("RapidOCR").setLevel(logging.ERROR)
    _engine = (os.getpid(), engine)
    return engine


def _turned_off() -> bool:
    return os.environ.get(OCR_SWITCH, "").strip().lower() in _OFF


def ocr_available() -> bool:
    """Whether scanned pages can be read here (the ``ocr`` extra is installed and OCR not turned off)."""
    return _load_engine() is not None


def why_no_ocr() -> str:
    """Why scanned pages are not read here ("" when they are): OCR turned off, or the extra not installed."""
    if _turned_off():
        return f"OCR is turned off ({OCR_SWITCH}={os.environ[OCR_SWITCH]})"
    return "" if ocr_available() else OCR_INSTALL_HINT


def _width(ch: str) -> float:
    """A character's share of its box's width: a Chinese character or full-width sign is twice a digit's."""
    return 1.0 if unicodedata.east_asian_width(ch) in ("W", "F") else 0.5


def box_chars(text: str, x0: float, top: float, x1: float, bottom: float, page_number: int,
              initial_doctop: float, page_height: float) -> list[dict[str, Any]]:
    """pdfplumber-like character dicts spreading ``text`` over its box (page points), each character its
    share of the width (:func:`_width`): a text layer as an OCR engine lays one over a scan. Their ``matrix``
    puts the baseline at the box's bottom in PDF space (from the page's foot, ``page_height`` points tall),
    as a text layer's glyphs have it: where a rule crosses a character is measured from it (.pdf_chars)."""
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
                    "matrix": (size, 0.0, 0.0, size, x, page_height - bottom), "object_type": "char", "page_number": page_number,
                    "non_stroking_color": (0.0,), "stroking_color": (0.0,), "mcid": None, "tag": None})
        x += w
    return out


def despeckle(grey: Any, step: int = _SPECK) -> Any:
    """A greyscale page image (a numpy array) without its specks: a pixel darker than every one of its eight
    neighbours by more than ``step`` grey levels takes the darkest neighbour's value, one lighter than all of them
    the lightest's. A scanner's dust and noise are such pixels; a stroke is not (its pixels have dark
    neighbours along it, even one pixel wide). Measured on a page scanned at 150 dpi with one pixel in 200
    speckled: 70 → 89 of its 93 numbers recognised; a clean page's 93 unchanged."""
    import numpy
    a = grey.astype(numpy.int16)
    padded = numpy.pad(a, 1, mode="edge")
    h, w = a.shape
    around = [padded[1 + dy:1 + dy + h, 1 + dx:1 + dx + w] for dy in (-1, 0, 1) for dx in (-1, 0, 1) if dy or dx]
    darkest, lightest = numpy.minimum.reduce(around), numpy.maximum.reduce(around)
    out = a.copy()
    dark, light = a < darkest - step, a > lightest + step
    out[dark], out[light] = darkest[dark], lightest[light]
    return out.astype(numpy.uint8)


def without_seal(image: Any) -> Any:
    """A page image (PIL) as greyscale (a numpy array) without the red of a seal stamped over its text: a
    colour scan's clearly red pixels (red exceeding green and blue by :data:`_RED` grey levels, and beside them
    by a third of it: JPEG blurs colour at the seal's edges) no darker than the seal's ink on paper
    (:data:`_SEAL_INK`) become paper; darker ones (the seal over printed text: the toner shows through) keep
    their grey. Only brightness tells them apart: JPEG keeps it at full resolution but smears colour, so a
    black digit or rule under the seal turns as red as the seal around it. A seal over a table's row hid its
    numbers from OCR (read as the seal's words among them: ``0 改务公开专用章5``). A grey scan is unchanged."""
    import numpy
    grey = numpy.asarray(image.convert("L")).copy()
    if image.mode not in ("RGB", "RGBA"):
        return grey
    rgb = numpy.asarray(image.convert("RGB")).astype(numpy.int16)
    redness = rgb[:, :, 0] - numpy.maximum(rgb[:, :, 1], rgb[:, :, 2])
    seal = redness > _RED
    if not seal.any():
        return grey
    near = seal.copy()
    for _ in range(2):
        padded = numpy.pad(near, 1)
        near = numpy.logical_or.reduce([padded[1 + dy:1 + dy + near.shape[0], 1 + dx:1 + dx + near.shape[1]]
                                        for dy in (-1, 0, 1) for dx in (-1, 0, 1)])
    seal |= near & (redness > _RED // 3)
    grey[seal & (grey >= _SEAL_INK)] = 255
    return grey


def skew(boxes: list[list[tuple[float, float]]]) -> float:
    """A scan's skew (radians, clockwise on the image): the median slope of the top edges of its long text boxes
    (a line of text or a label, at least :data:`_LONG` times as wide as it is tall; their corners come top-left,
    top-right, bottom-right, bottom-left); 0 with fewer than three such boxes."""
    slopes = []
    for box in boxes:
        (x0, y0), (x1, y1), _, (x3, y3) = box
        width, height = math.hypot(x1 - x0, y1 - y0), math.hypot(x3 - x0, y3 - y0)
        if width >= _LONG * height and x1 > x0:
            slopes.append(math.atan2(y1 - y0, x1 - x0))
    return statistics.median(slopes) if len(slopes) >= 3 else 0.0


def level_boxes(boxes: list[list[tuple[float, float]]], centre: tuple[float, float]) -> list[list[tuple[float, float]]]:
    """The boxes turned about ``centre`` by the scan's :func:`skew`, so that a table's row lies on one line again
    (a page scanned 0.8° askew drops 7 points across a 500-point table: more than a line's height apart)."""
    angle = skew(boxes)
    if abs(angle) < _LEVEL:
        return boxes
    cos, sin = math.cos(angle), math.sin(angle)
    cx, cy = centre
    return [[(cx + (x - cx) * cos + (y - cy) * sin, cy - (x - cx) * sin + (y - cy) * cos) for x, y in box]
            for box in boxes]


def _upright(engine: Any, page: Any, plain: Any, grey: Any) -> tuple[Any, Any, Any, Any]:
    """A sideways page's ``page``, images and OCR result turned upright: recognised a quarter turn each way, the
    turn the engine reads more surely (:func:`.scan_turn.confidence`) kept."""
    import numpy
    best = None
    for turn, k in ((90, -1), (270, 1)):            # clockwise degrees; numpy.rot90's counter-clockwise quarters
        turned = numpy.ascontiguousarray(numpy.rot90(grey, k))
        result = engine(numpy.repeat(turned[:, :, None], 3, axis=2))
        sure = confidence(result.txts or (), result.scores or (), MIN_SCORE) if result.boxes is not None else 0.0
        if best is None or sure > best[0]:
            best = (sure, turn, k, turned, result)
    _, turn, k, turned, result = best
    return turned_page(page, turn), numpy.ascontiguousarray(numpy.rot90(plain, k)), turned, result


def scan_page(page: Any) -> Any | None:
    """The scanned pdfplumber ``page`` as a page whose characters are the OCR engine's reading of its image;
    None when the extra is not installed or nothing was recognised."""
    engine = _load_engine()
    if engine is None:
        return None
    import numpy
    image = page.to_image(resolution=RESOLUTION).original
    plain = despeckle(numpy.asarray(image.convert("L")))
    grey = despeckle(without_seal(image)) if image.mode in ("RGB", "RGBA") else plain
    result = engine(numpy.repeat(grey[:, :, None], 3, axis=2))
    if result.boxes is None or not len(result.boxes):
        return None
    if sideways(result.boxes):          # a landscape page scanned lying on its side (.scan_turn)
        page, plain, grey, result = _upright(engine, page, plain, grey)
        if result.boxes is None or not len(result.boxes):
            return None
    height, width = grey.shape
    scale = float(page.width) / width
    raw = [[(float(x), float(y)) for x, y in box] for box in result.boxes]
    boxes = level_boxes(raw, (width / 2, height / 2))
    angle = skew(raw)           # the table's rules, found on the image levelled alike (.scan_rules)
    # (sought with the seal in: JPEG's colour smears a seal's red over the rules under it)
    lines = rule_objects(level_image(plain, angle if abs(angle) >= _LEVEL else 0.0), RESOLUTION, scale,
                         page.page_number, page.initial_doctop, float(page.height))
    chars: list[dict[str, Any]] = []
    read: list[Box] = []
    for box, seen, text, score in zip(boxes, raw, result.txts, result.scores):
        if float(score) < MIN_SCORE:
            continue
        text = marks_read_as_glyphs(grey, seen, str(text))     # a slash read as 1, a dash as 一 (.scan_marks)
        xs, ys = [x * scale for x, _ in box], [y * scale for _, y in box]
        chars += box_chars(str(text), min(xs), min(ys), max(xs), max(ys), page.page_number, page.initial_doctop,
                           float(page.height))
        read.append((min(xs), min(ys), max(xs), max(ys), str(text)))
    if not chars:
        return None
    if not grid_fits(lines, read):      # a rule lost would join two numbers in a cell: the text as before
        lines = []
    scanned = page.filter(lambda obj: False)          # none of the page's own objects: its image is not text
    scanned._objects = {"char": sorted(chars, key=lambda c: (c["top"], c["x0"])), "line": lines}
    if lines and not cells_fit([c for t in scanned.find_tables() for c in t.cells], read):
        scanned = page.filter(lambda obj: False)      # the rules' cells join numbers: the page read by its text
        scanned._objects = {"char": sorted(chars, key=lambda c: (c["top"], c["x0"])), "line": []}
    return scanned
