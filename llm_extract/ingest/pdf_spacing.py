"""Letter-spaced text: every glyph drawn on its own, one letter-spacing apart.

A producer that places each character itself (a PDF library drawing glyph by glyph, a layout
set with character spacing, ``Tc``) leaves the same gap after every glyph, in points whatever the
font size: ``一 、 本 年 新 收`` to every reader of the text layer, labels and headings unmatched, and
in a ruled cell ``2 4`` for 24. The page's usual gap between two glyphs of a line
(:func:`letter_spacing`) is that spacing when most neighbouring glyphs of the page stand it apart:
it is then part of every glyph's advance, and a reader takes a gap as a space or a column gap only
by what lies beyond it (:mod:`.pdf_lines` for the lines, :mod:`.pdf_cells` for the ruled cells,
which hold one value each).

A page set tight (the usual gap none, or a fraction of a point as a justified line spreads its
characters) has no letter-spacing: its text is read as before. A page with too few glyphs side by side
to tell (a last page holding 表四 and the date) is set as the page before it: a document shares its setting.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["letter_spacing", "MIN_SPACING", "SHARE", "MIN_PAIRS"]

#: points: a usual gap below this is a tight setting (or a justified line's spread), not a letter-spacing
MIN_SPACING = 1.0
#: the share of a page's neighbouring glyphs that must stand the usual gap apart
SHARE = 0.5
#: a page with fewer neighbouring glyphs than this tells no letter-spacing
MIN_PAIRS = 40
_ROUND = 1                  # gaps compared to a tenth of a point
_NEAR = 0.2                 # points: gaps this close to the usual one are the same spacing (rounding)
_SAME_LINE = 1.0            # points: two glyphs whose tops are this close are on one line
_MAX_SPACING = 1.0          # a usual gap wider than the glyphs' size is a column's, not a letter's


def _gaps(chars: Sequence[Mapping[str, Any]]) -> Counter[float]:
    """The gaps between neighbouring glyphs of one line (upright, not blank), to a tenth of a point."""
    glyphs = sorted((c for c in chars if c.get("upright", True) and str(c.get("text", "")).strip()),
                    key=lambda c: (round(float(c["top"])), float(c["x0"])))
    gaps: Counter[float] = Counter()
    for a, b in zip(glyphs, glyphs[1:]):
        if abs(float(a["top"]) - float(b["top"])) <= _SAME_LINE:
            gap = float(b["x0"]) - float(a["x1"])
            if gap <= _MAX_SPACING * max(float(a.get("size") or 0), float(b.get("size") or 0), 1.0):
                gaps[round(gap, _ROUND)] += 1
    return gaps


def letter_spacing(chars: Sequence[Mapping[str, Any]], before: float = 0.0) -> float:
    """The letter-spacing of a page's characters (pdfplumber's): the usual gap between two neighbouring
    glyphs of a line, when at least :data:`SHARE` of them stand it apart and it is :data:`MIN_SPACING`
    or more; else 0.0. A page with fewer than :data:`MIN_PAIRS` neighbouring glyphs has the spacing
    ``before`` of the page before it."""
    gaps = _gaps(chars)
    total = sum(gaps.values())
    if total < MIN_PAIRS:
        return before
    gap = gaps.most_common(1)[0][0]
    count = sum(n for g, n in gaps.items() if abs(g - gap) <= _NEAR)
    if gap < MIN_SPACING or count < SHARE * total:
        return 0.0
    return gap
