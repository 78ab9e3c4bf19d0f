"""A scanned page lying a quarter turn: a landscape page fed to the scanner sideways, read turned upright.

A report prints its wide 表三 on a landscape page; scanned, that page is most often delivered as a portrait image
with the table lying on its side (the feeder takes A4 one way; nothing in the PDF says ``/Rotate``). The OCR engine
finds the text lines running up or down the page and reads each as a column: the table comes out transposed (a
column of the form a line of 23 numbers, the row labels one run of text), and no row of 表三 is read.

When most of a page's long text boxes stand upright (taller than wide, :func:`sideways`), the page image is turned a
quarter turn each way and recognised again; the turn whose reading the engine is surer of (its scores over the
characters it reads, :func:`confidence`) is the page upright, and the page is read as a page turned so
(:func:`turned_page`: its ``/Rotate`` turned by it, its width and height swapped, as a viewer shows it).

A page with a vertical header cell or a seal's legend among its lines of text has few upright boxes: it is read as it
lies.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

__all__ = ["sideways", "confidence", "turned_page", "SHARE", "MIN_LONG"]

#: the share of a page's long text boxes that must stand upright for the page to lie sideways
SHARE = 0.6
#: a page needs this many long boxes before its lines' direction says anything
MIN_LONG = 5
_LONG = 4            # a box this many times as long as it is wide is a line of text (or a label)

Quad = Sequence[tuple[float, float]]      # a text box's corners: top-left, top-right, bottom-right, bottom-left


def sideways(boxes: Iterable[Quad]) -> bool:
    """Whether the text boxes of a page (the engine's, in image pixels) run mostly up or down it: at least
    :data:`SHARE` of its long boxes (a line of text, :data:`_LONG` times as long as wide) are upright ones."""
    upright = flat = 0
    for box in boxes:
        xs, ys = [x for x, _ in box], [y for _, y in box]
        width, height = max(xs) - min(xs), max(ys) - min(ys)
        if height >= _LONG * width and height > 0:
            upright += 1
        elif width >= _LONG * height and width > 0:
            flat += 1
    long = upright + flat
    return long >= MIN_LONG and upright >= SHARE * long


def confidence(texts: Iterable[str], scores: Iterable[float], floor: float) -> float:
    """How sure the engine is of a reading: the sum of its boxes' scores (those at ``floor`` or above), each
    weighted by the characters it read. A page read upside down or sideways scores low on few characters."""
    return math.fsum(float(s) * len(str(t).strip()) for t, s in zip(texts, scores) if float(s) >= floor)


def turned_page(page: Any, turn: int) -> Any:
    """The pdfplumber ``page`` as the page a viewer shows turned ``turn`` degrees clockwise (90 or 270): its
    ``/Rotate`` entry turned by it, its width and height swapped."""
    from pdfplumber.page import Page

    obj = page.page_obj
    rotation = (int(page.rotation) + turn) % 360
    obj.attrs["Rotate"] = rotation
    obj.rotate = rotation
    return Page(page.pdf, obj, page.page_number, page.initial_doctop)
