"""The characters of a PDF page that are the report's text: each glyph once, without a watermark over it.

Two kinds of characters on a page are not the report's text and would change its numbers:

* **Fake bold.** A producer without a bold face draws each glyph twice, a fraction of a point apart
  (Word and WPS do this for CJK fonts): the text layer then holds ``22`` where the page shows a bold
  ``2``, every single-digit value multiplied by 11 and every sum still holding. :func:`unique_chars`
  keeps one character of each group that has the same text, font, size and direction and lies within
  :data:`DUPLICATE_TOLERANCE` of each other horizontally and vertically: pdfplumber's
  ``dedupe_chars`` (same groups, same survivor, page order), without its quadratic last step. Real
  neighbours are never merged: two equal digits side by side (``11``) lie a glyph width apart.
* **Watermarks.** ``仅供参考`` or a date drawn across the page: its digits land in cells and in the
  title. :func:`overlay_chars` finds the characters turned against the page's text direction by an
  angle that is not a quarter turn (a diagonal watermark; text turned a quarter turn, a landscape
  table or a vertical header, is read as before), and large light characters drawn over the text
  (at least :data:`OVERLAY_SIZE` times the page's usual size, grey or pale colour).
* **Struck-through text.** A Word file printed to PDF with its tracked changes showing (LibreOffice's
  and Word's export of "All Markup") draws a deletion as its text with a line through it, beside the
  insertion: the cell ``44`` ~~8~~ ``7 91`` reads ``448791``. Only the accepted text is the report:
  :func:`struck_chars` finds the upright characters a thin horizontal line crosses between their
  baseline and their middle (:data:`STRIKE_BAND`, in font sizes above the baseline), a line no longer
  than the characters it crosses (a table's rule runs on past a cell's text; an underline, the
  insertion's mark, lies at or under the baseline).

:func:`report_page` gives the page without these, or the page itself when it has none.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable
from operator import itemgetter
from typing import Any

__all__ = ["unique_chars", "overlay_chars", "struck_chars", "report_page", "DUPLICATE_TOLERANCE", "OVERLAY_SIZE",
           "SKEW_DEGREES", "STRIKE_BAND"]

DUPLICATE_TOLERANCE = 1.0   # points: a glyph drawn again this close is the same glyph (fake bold: 0.2–0.5 pt)
SKEW_DEGREES = 5.0          # a character turned further than this from the page's direction (modulo 90°) is overlay
OVERLAY_SIZE = 2.5          # a light character this many times the page's usual size is overlay
_UPRIGHT_SHARE = 0.25      # a page with this share of upright characters is upright
STRIKE_BAND = (0.15, 0.6)   # a strike line lies this many font sizes above the glyph's baseline (LibreOffice: 0.28)
_STRIKE_THICK = 2.0         # points: a strike line (or a rectangle filled as one, Word's) at most this thick
_STRIKE_OVERRUN = 0.5       # font sizes a strike line may run past the characters it crosses
_LIGHT = 0.6                # a grey level (or every RGB component) at least this light; CMYK: every ink at most 1 - this

_POSITION = itemgetter("doctop", "x0")


def _key(char: dict[str, Any]) -> tuple[Any, ...]:
    """What two copies of one glyph share (pdfplumber's: direction, text, font, size; the font's name as
    text, so a character without one sorts among the others)."""
    return char["upright"], char["text"], str(char.get("fontname")), char["size"]


def _runs(chars: list[dict[str, Any]], key: str, tolerance: float) -> Iterable[list[dict[str, Any]]]:
    """``chars`` sorted by ``key`` in runs of values each within ``tolerance`` of the one before (pdfplumber's
    ``cluster_objects``; equal values keep their order in ``chars``)."""
    ordered = sorted(chars, key=itemgetter(key))
    run = [ordered[0]]
    for char in ordered[1:]:
        if char[key] > run[-1][key] + tolerance:
            yield run
            run = [char]
        else:
            run.append(char)
    yield run


def unique_chars(chars: list[dict[str, Any]], tolerance: float = DUPLICATE_TOLERANCE) -> list[dict[str, Any]]:
    """``chars`` (pdfplumber's character dicts) with every glyph drawn again over itself left out; the
    result of pdfplumber's ``utils.dedupe_chars(chars, tolerance)``."""
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for char in chars:
        groups.setdefault(_key(char), []).append(char)
    kept: list[dict[str, Any]] = []
    for same in groups.values():
        if len(same) == 1:
            kept.append(same[0])
            continue
        for row in _runs(same, "doctop", tolerance):
            for spot in _runs(row, "x0", tolerance) if len(row) > 1 else (row,):
                kept.append(spot[0] if len(spot) == 1 else min(spot, key=_POSITION))
    if len(kept) == len(chars):
        return chars
    place = {id(c): i for i, c in enumerate(chars)}
    return sorted(kept, key=lambda c: place[id(c)])


def _angle(char: dict[str, Any]) -> float:
    """The direction of a character's baseline, in degrees modulo a quarter turn (0 ≤ angle < 90)."""
    a, b = char["matrix"][:2]
    if b == 0 and a > 0:
        return 0.0
    return math.degrees(math.atan2(b, a)) % 90.0


def _light(colour: Any) -> bool:
    if not isinstance(colour, tuple) or not colour or not all(isinstance(v, (int, float)) for v in colour):
        return False
    if len(colour) == 4:                                 # CMYK: little ink
        return max(colour) <= 1 - _LIGHT
    return min(colour) >= _LIGHT                         # grey or RGB: near white


def _off(angle: float, direction: float) -> float:
    """How far ``angle`` is turned from ``direction``, modulo a quarter turn (0–45 degrees)."""
    turn = abs(angle - direction) % 90.0
    return min(turn, 90.0 - turn)


def _direction(angles: list[float]) -> float:
    """A page's text direction (modulo a quarter turn): upright when at least :data:`_UPRIGHT_SHARE` of its
    characters are (a short last page under a long watermark is still upright), else the usual one."""
    upright = sum(1 for a in angles if _off(a, 0.0) <= SKEW_DEGREES)
    if upright >= _UPRIGHT_SHARE * len(angles):
        return 0.0
    return float(Counter(round(a) % 90 for a in angles).most_common(1)[0][0])


def overlay_chars(chars: list[dict[str, Any]]) -> set[int]:
    """The ids of the characters of one page that are drawn over its text (see the module docstring)."""
    if not chars:
        return set()
    angles = [_angle(c) for c in chars]
    direction = _direction(angles)
    sizes = sorted(float(c.get("size") or 0) for c in chars)
    usual = sizes[len(sizes) // 2]
    out: set[int] = set()
    for c, angle in zip(chars, angles):
        if _off(angle, direction) > SKEW_DEGREES:
            out.add(id(c))
        elif usual > 0 and float(c.get("size") or 0) >= OVERLAY_SIZE * usual and _light(c.get("non_stroking_color")):
            out.add(id(c))
    return out


def _strokes(page: Any) -> list[tuple[float, float, float]]:
    """The page's thin horizontal strokes as (x0, x1, y from the top): lines, and rectangles as thin as one."""
    out = []
    for obj in list(page.lines) + list(page.rects):
        if abs(float(obj["bottom"]) - float(obj["top"])) <= _STRIKE_THICK and float(obj["x1"]) > float(obj["x0"]):
            out.append((float(obj["x0"]), float(obj["x1"]), (float(obj["top"]) + float(obj["bottom"])) / 2))
    return out


def struck_chars(chars: list[dict[str, Any]], strokes: list[tuple[float, float, float]],
                 height: float) -> set[int]:
    """The ids of the upright characters a strike line crosses (see the module docstring); ``height``: the
    page's height (pdfplumber's ``matrix`` gives the baseline from the page's bottom)."""
    out: set[int] = set()
    low, high = STRIKE_BAND
    # the candidates by baseline (from the top): a line is looked up among the characters whose baseline
    # lies in its band, not tested against every character of the page (a table page: hundreds of rules)
    marks = sorted(((height - float(c["matrix"][5]), i) for i, c in enumerate(chars)
                    if c.get("upright") and c.get("matrix") and float(c.get("size") or 0) > 0
                    and str(c.get("text", "")).strip()))
    if not marks:
        return out
    baselines = [b for b, _ in marks]
    largest = max(float(chars[i]["size"]) for _, i in marks)
    for x0, x1, y in strokes:
        crossed = []
        for k in range(bisect_left(baselines, y), bisect_right(baselines, y + high * largest)):
            c = chars[marks[k][1]]
            size = float(c["size"])
            above = baselines[k] - y                             # the line's height above the baseline
            cx0, cx1 = float(c["x0"]), float(c["x1"])
            covered = min(x1, cx1) - max(x0, cx0)
            if low * size <= above <= high * size and covered >= 0.5 * (cx1 - cx0) > 0:
                crossed.append(c)
        if not crossed:
            continue
        size = max(float(c["size"]) for c in crossed)
        if x0 >= min(float(c["x0"]) for c in crossed) - _STRIKE_OVERRUN * size \
                and x1 <= max(float(c["x1"]) for c in crossed) + _STRIKE_OVERRUN * size:
            out.update(id(c) for c in crossed)
    return out


def report_page(page: Any) -> Any:
    """A pdfplumber ``page`` without its duplicate glyphs and its overlay (a filtered view), or the page
    itself when it has neither."""
    chars = page.chars
    if not chars:
        return page
    unique = unique_chars(chars)
    drop = {id(c) for c in chars} - {id(c) for c in unique} if unique is not chars else set()
    drop |= overlay_chars(unique)
    strokes = _strokes(page)
    if strokes:
        drop |= struck_chars(unique, strokes, float(page.height))
    if not drop:
        return page
    return page.filter(lambda obj: id(obj) not in drop)
