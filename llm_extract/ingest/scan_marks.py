"""A scanned table's placeholder marks that the OCR engine read as a glyph: a slash as ``1``, a dash as ``一``.

Reports print an empty cell as ``/`` or ``—`` (FORM.md: golden ``null``). RapidOCR has no box for "a mark":
it reads a printed ``/`` as the digit ``1`` (a row of slashes came out ``1 1 1 1 1 1 1``, queued by the
identities it broke, 1 + … ≠ 1) and a dash ``—`` as the character ``一`` (which no reader takes for a count:
the cell came out empty, and a blank OCR'd cell is never proven). The image tells them apart:

* a ``1`` the engine read is looked at on the page image (:func:`slanted`): a slash leans, its ink's column
  moves left as it goes down (the row-by-row centre of its dark pixels falls by :data:`SLASH_LEAN` of a pixel
  or more a row); a ``1`` stands upright (its flag, top left, leans it the other way). A scan turned 1.5°
  leans a ``1`` by 0.03, far below. Only a box whose text is ``1``s alone (one per cell, with spaces) is
  looked at, and it is relabelled only when every one of its marks leans: a cell misjudged so is a blank,
  which breaks the identities its 1 stood in (never silent);
* a box whose text is ``一`` alone (with spaces) is a dash: the character ``一`` stands alone in no heading
  (``一、``), label or sentence the form prints.

The marks become placeholders (``/``, ``—``) that the reader takes as printed empty cells.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["marks_read_as_glyphs", "slanted", "SLASH_LEAN"]

#: pixels a slash's ink centre moves left for each pixel down (a printed ``/`` leans 0.3–0.5; a ``1`` ~0)
SLASH_LEAN = 0.2
_TALL = 6           # rows of ink a mark must have for its lean to be measured
_ONES = re.compile(r"^1(?:\s+1)*$")
_DASHES = re.compile(r"^一(?:\s+一)*$")


def slanted(crop: Any) -> bool:
    """Whether the dark ink of ``crop`` (a greyscale numpy array holding one mark) leans as a ``/`` does."""
    import numpy
    if crop.size == 0 or crop.shape[0] < 6:
        return False
    low, high = float(crop.min()), float(numpy.percentile(crop, 90))
    if high - low < 40:
        return False
    dark = crop < (low + high) / 2
    rows, xs = [], []
    width = crop.shape[1]
    for y in range(crop.shape[0]):
        cols = numpy.flatnonzero(dark[y])
        if 0 < len(cols) <= 0.6 * width:            # (a rule crossing the box fills its row: left out)
            rows.append(y)
            xs.append(float(cols.mean()))
    if len(rows) < _TALL:                           # (too few rows of ink to lean)
        return False
    return lean(rows, xs) <= -SLASH_LEAN


def lean(rows: list[int], xs: list[float]) -> float:
    """Pixels the ink's centre ``xs`` moves right for each pixel down ``rows`` (least squares)."""
    import numpy
    return float(numpy.polyfit(numpy.asarray(rows, float), numpy.asarray(xs, float), 1)[0])


def _pieces(crop: Any, count: int) -> list[Any] | None:
    """``crop`` cut into its ``count`` marks at the columns without ink; None when it has not that many."""
    import numpy
    low, high = float(crop.min()), float(numpy.percentile(crop, 90))
    inked = (crop < (low + high) / 2).any(axis=0)
    spans, start = [], None
    for x, ink in enumerate(list(inked) + [False]):
        if ink and start is None:
            start = x
        elif not ink and start is not None:
            spans.append((start, x))
            start = None
    if len(spans) != count:
        return None
    return [crop[:, max(0, a - 2):b + 2] for a, b in spans]


def marks_read_as_glyphs(grey: Any, box: list[tuple[float, float]], text: str) -> str:
    """``text`` as recognised in ``box`` (its four corners on the greyscale page image ``grey``), its marks
    relabelled: ``1``s that all lean become ``/``, a lone ``一`` becomes ``—``; any other text unchanged."""
    text = text.strip()
    if _DASHES.match(text):
        return text.replace("一", "—")
    if not _ONES.match(text):
        return text
    xs, ys = [x for x, _ in box], [y for _, y in box]
    x0, x1 = max(0, int(min(xs)) - 1), min(grey.shape[1], int(max(xs)) + 2)
    y0, y1 = max(0, int(min(ys)) + 1), min(grey.shape[0], int(max(ys)) - 1)
    crop = grey[y0:y1, x0:x1]
    if crop.size == 0:
        return text
    count = text.count("1")
    pieces = [crop] if count == 1 else _pieces(crop, count)
    if not pieces or not all(slanted(p) for p in pieces):
        return text
    return text.replace("1", "/")
