"""Two pages printed on one sheet (2-up, Word's 每版打印 2 页, a PDF printer's "pages per sheet: 2").

A report printed two pages to a sheet is a landscape sheet holding two portrait pages side by side,
each shrunk into its half. Read as one page, every line of the left page runs on into the line of the
right page at the same height: a paragraph's line and a table row of the other page become one line,
表三's rows carry the numbers of the page beside them, and the table that runs from the left page to
the right one is cut into two tables read side by side.

:func:`sheet_pages` cuts such a sheet into its two pages, left then right, each read as a page of its
own. A sheet is two pages when

* it is wider than high (two portrait pages side by side);
* a gutter runs down it, from top to bottom, near its middle (:data:`BAND`): a strip at least
  :data:`MIN_GUTTER` of its width wide that no character and no rule crosses — the right margin of the
  left page and the left margin of the right one;
* both halves print text;
* the two halves set their text at the same offsets: the left edge of the left page's text lies as far
  from the sheet's left edge as the right page's from the sheet's middle, or their right edges the same
  (the same page design, shrunk alike: the same margins).

A landscape page with a wide table is not cut: its table's rules or its header cross the middle. A
page with two columns of text whose gap lies at the middle but whose margins differ is not cut either;
one whose margins agree is read column by column, which is its reading order too.
"""

from __future__ import annotations

from typing import Any

__all__ = ["sheet_pages", "BAND", "MIN_GUTTER", "SAME_OFFSET"]

BAND = (0.40, 0.60)          # where the gutter between the two pages lies, in shares of the sheet's width
MIN_GUTTER = 0.015           # the gutter's least width, a share of the sheet's width (two margins shrunk, or the gap
                             # between two page borders a printer draws)
SAME_OFFSET = 0.02           # two offsets this close (a share of the sheet's width) are the same margin
_MIN_CHARS = 5               # a half printing fewer characters prints no page


def _spans(page: Any) -> list[tuple[float, float]]:
    """The horizontal extents of the page's characters, rules, shaded boxes and curves."""
    objects = [c for c in page.chars if c["text"].strip()] + page.lines + page.rects + page.curves
    return [(float(obj["x0"]), float(obj["x1"])) for obj in objects]


def _gutter(spans: list[tuple[float, float]], lo: float, hi: float) -> tuple[float, float] | None:
    """The widest strip between ``lo`` and ``hi`` that no span crosses, or None."""
    cuts = sorted((max(a, lo), min(b, hi)) for a, b in spans if b > lo and a < hi)
    best, start = None, lo
    for a, b in cuts + [(hi, hi)]:
        if a > start and (best is None or a - start > best[1] - best[0]):
            best = (start, a)
        start = max(start, b)
    return best


def sheet_pages(page: Any) -> list[Any]:
    """The pages printed on a sheet: ``[left, right]`` (pdfplumber crops of it) for a sheet holding two pages
    side by side (see the module docstring), else ``[page]``."""
    x0, top, x1, bottom = (float(v) for v in page.bbox)
    width, height = x1 - x0, bottom - top
    if width <= height:
        return [page]
    spans = _spans(page)
    gap = _gutter(spans, x0 + BAND[0] * width, x0 + BAND[1] * width)
    if gap is None or gap[1] - gap[0] < MIN_GUTTER * width:
        return [page]
    cut, middle = (gap[0] + gap[1]) / 2, x0 + width / 2
    chars = [c for c in page.chars if c["text"].strip()]
    left = [c for c in chars if float(c["x1"]) <= cut]
    right = [c for c in chars if float(c["x0"]) >= cut]
    if len(left) < _MIN_CHARS or len(right) < _MIN_CHARS:
        return [page]
    same_left = abs((min(float(c["x0"]) for c in left) - x0) - (min(float(c["x0"]) for c in right) - middle))
    same_right = abs((max(float(c["x1"]) for c in left) - middle) - (max(float(c["x1"]) for c in right) - x1))
    if min(same_left, same_right) > SAME_OFFSET * width:
        return [page]
    return [page.crop((x0, top, cut, bottom)), page.crop((cut, top, x1, bottom))]
