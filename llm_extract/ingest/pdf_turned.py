"""A page whose content is drawn turned a quarter turn, without a /Rotate entry, read turned back.

A landscape table printed on a portrait page by a scanner's or printer's driver is drawn turned 90°
(each glyph's text matrix ``0 1 -1 0``: its lines run up the page) while the page itself says
nothing (no ``/Rotate``, which readers honour as Word's landscape sections and a viewer's rotation
do). Read as it lies, every printed line is a column of single characters. When most of a page's
characters run a quarter turn from upright, the same way, the page is read as a viewer turning it
would show it: with that quarter turn added to its ``/Rotate`` (pdfminer then lays the page out
upright, as for a page that says so itself).

A vertical header cell or a side note turned on an upright page is a few characters among many: that
page is read as it is.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["quarter_turn", "upright_page", "SHARE"]

#: the share of a page's characters that must run a quarter turn the same way for the page to be turned
SHARE = 0.6
_FLAT = 1e-3                 # a matrix entry this close to 0 is 0


def _turn(matrix: Sequence[float]) -> int:
    """The clockwise turn (90, 270) that sets a glyph drawn with ``matrix`` upright; 0 for any other."""
    a, b, c, d = (float(v) for v in matrix[:4])
    if abs(a) > _FLAT or abs(d) > _FLAT:
        return 0
    if b > 0 and c < 0:          # the glyph's baseline runs up the page
        return 90
    if b < 0 and c > 0:          # … down the page
        return 270
    return 0


def quarter_turn(chars: Sequence[Mapping[str, Any]]) -> int:
    """The clockwise quarter turn (90 or 270) that sets most of a page's characters (pdfplumber's)
    upright, when at least :data:`SHARE` of them run that way; else 0."""
    glyphs = [c for c in chars if str(c.get("text", "")).strip() and c.get("matrix")]
    if not glyphs:
        return 0
    for turn in (90, 270):
        if sum(1 for c in glyphs if _turn(c["matrix"]) == turn) >= SHARE * len(glyphs):
            return turn
    return 0


def upright_page(page: Any) -> Any:
    """A pdfplumber ``page`` whose content runs a quarter turn (:func:`quarter_turn`) as a page turned
    back by that turn (its ``/Rotate`` entry turned by it, its layout read anew); else ``page`` itself."""
    turn = quarter_turn(page.chars)
    if not turn:
        return page
    from pdfplumber.page import Page

    obj = page.page_obj
    rotation = (int(page.rotation) + turn) % 360
    obj.attrs["Rotate"] = rotation
    obj.rotate = rotation
    page.close()
    return Page(page.pdf, obj, page.page_number, page.initial_doctop)
