"""A scanned table's rules, found in the page image: the lines a ruled table's PDF would draw.

A report printed with ruled tables (the 2021 form's 表二, 表三 and 表四 are grids) and scanned has its rules in
the image only. OCR gives the text boxes and nothing of the grid, so a row's blank cells (表四 printed with
blanks for 0) leave its numbers with no column, and a header's words merged by the engine across two cells
(``结果维结果纠``) name no column either. The rules are on the page: long straight runs of dark pixels. Found
here on the page image once levelled (:func:`level_image`, the skew the text boxes show), they become
pdfplumber line objects, and the scan's table is read by its cells as a PDF's ruled table is
(:mod:`.pdf_tables`).

A rule is a run of dark pixels at least :data:`MIN_RULE_PT` points long (horizontal) or :data:`MIN_SIDE_PT`
(vertical: a cell's side, a row's height at least; a character's stroke is shorter than its font size), its
pixels at least :data:`DENSITY` dark along a sliding window, so that a faint or JPEG-broken rule is still one
(light grey rules, 150-dpi scans). Text is not a rule: no stroke of a character is that long and that
straight at the sizes reports print; a page without long runs gets no line, and reads as before (its text).
"""

from __future__ import annotations

import math
from typing import Any

__all__ = ["level_image", "find_rules", "rule_objects", "grid_fits", "cells_fit", "MIN_RULE_PT", "MIN_SIDE_PT"]

Box = tuple[float, float, float, float, str]      # a recognised text box: x0, top, x1, bottom (points), its text

#: a horizontal rule is at least this long (points: a narrow cell of 表四 is ~28 pt wide)
MIN_RULE_PT = 20.0
#: a vertical rule is at least this long (points): more than a character of body text is tall (12–16 pt),
#: no more than a low table row (~17 pt)
MIN_SIDE_PT = 15.0
#: share of a window's pixels that must be dark for the window to lie on a rule
DENSITY = 0.9
_DARKER = 30       # grey levels below the paper's (its 90th percentile) that make a pixel dark
_FAINT = 15        # grey levels: the same for a page whose rules none are that dark (light grey rules on grey paper)
_APART = 4         # pixels: a rule's pixel has paper this far on both sides of it (a rule is at most 3 thick)
_JOIN = 2          # pixels: rows (columns) of rule this close are one rule (a rule 2–3 pixels thick)
_BRIDGE = 10       # pixels: pieces of one rule this far apart along it are one rule (a crossing rule or a JPEG
                   # blotch breaks a thin rule for a few pixels; a merged cell interrupts it for a row, 30 or more)


def level_image(grey: Any, angle: float) -> Any:
    """``grey`` (a numpy array) turned by ``angle`` radians about its centre as :func:`.pdf_scan.level_boxes`
    turns the text boxes (a scan's skew undone), the corners filled with paper."""
    import numpy
    from PIL import Image
    if not angle:
        return grey
    paper = int(numpy.percentile(grey, 90))
    image = Image.fromarray(grey).rotate(math.degrees(angle), resample=Image.BILINEAR, fillcolor=paper)
    return numpy.asarray(image)


def _runs(mask: Any, window: int) -> list[tuple[int, int, int]]:
    """Runs along axis 1 of a boolean array in which every ``window`` pixels are :data:`DENSITY` true: (row,
    start, end) in pixels, end exclusive."""
    import numpy
    h, w = mask.shape
    if w < window:
        return []
    csum = numpy.concatenate([numpy.zeros((h, 1), dtype=numpy.int32), numpy.cumsum(mask, axis=1, dtype=numpy.int32)],
                             axis=1)
    dense = (csum[:, window:] - csum[:, :-window]) >= DENSITY * window        # window starting at each pixel
    out = []
    for row in numpy.nonzero(dense.any(axis=1))[0]:
        starts = dense[row]
        edges = numpy.diff(numpy.concatenate([[0], starts.astype(numpy.int8), [0]]))
        for a, b in zip(numpy.nonzero(edges == 1)[0], numpy.nonzero(edges == -1)[0]):
            out.append((int(row), int(a), int(b - 1 + window)))
    return out


def _merge(runs: list[tuple[int, int, int]]) -> list[tuple[float, int, int]]:
    """Runs on neighbouring rows that overlap, or stop short of each other by :data:`_BRIDGE` pixels at most (a
    thin rule broken where another crosses it, levelled a little askew): one rule, at their mean row, spanning
    their union. A rule left in pieces bounds no cell: the row's label and its first count were read as one cell."""
    rules: list[list[float]] = []          # [row sum, count, start, end, last row]
    for row, a, b in sorted(runs):
        for r in rules:
            if row - r[4] <= _JOIN and a < r[3] + _BRIDGE and b > r[2] - _BRIDGE:
                r[0] += row; r[1] += 1; r[2] = min(r[2], a); r[3] = max(r[3], b); r[4] = row
                break
        else:
            rules.append([row, 1, a, b, row])
    return [(r[0] / r[1], int(r[2]), int(r[3])) for r in rules]


def find_rules(grey: Any, dpi: float) -> tuple[list[tuple[float, int, int]], list[tuple[float, int, int]]]:
    """The horizontal rules (y, x0, x1) and vertical rules (x, y0, y1) of a levelled page image, in pixels.

    A page with fewer than two rules either way at :data:`_DARKER` is searched again at :data:`_FAINT`: light grey
    rules (a table printed with 25 % grey borders, scanned on grey paper and blurred) lie only some 20 grey levels
    below the paper. Text makes no rule at either depth (no stroke is that long and straight), and what is found is
    used only where it keeps every two numbers apart (:func:`grid_fits`, :func:`cells_fit`)."""
    across, down = _rules_at(grey, dpi, _DARKER)
    if len(across) < 2 or len(down) < 2:
        across, down = _rules_at(grey, dpi, _FAINT)
    return across, down


def _rules_at(grey: Any, dpi: float, depth: int) -> tuple[list[tuple[float, int, int]], list[tuple[float, int, int]]]:
    """The rules of a levelled page image whose pixels lie ``depth`` grey levels or more below the paper's."""
    import numpy
    paper = float(numpy.percentile(grey, 90))
    dark = grey < paper - depth
    per_pt = dpi / 72.0
    across = _merge(_runs(_thin(dark, _APART), max(2, round(MIN_RULE_PT * per_pt))))
    down = _merge(_runs(_thin(numpy.ascontiguousarray(dark.T), _APART), max(2, round(MIN_SIDE_PT * per_pt))))
    return across, down


def _thin(dark: Any, apart: int) -> Any:
    """The dark pixels with paper ``apart`` rows above and below them: a rule's (a few pixels thick), not a
    line of text's (a row through its characters is dark above and below too, blurred or bold)."""
    import numpy
    light = ~dark
    above, below = numpy.zeros_like(dark), numpy.zeros_like(dark)
    above[apart:], below[:-apart] = light[:-apart], light[apart:]
    return dark & above & below


def rule_objects(grey: Any, dpi: float, scale: float, page_number: int, initial_doctop: float,
                 page_height: float) -> list[dict[str, Any]]:
    """The rules of a levelled page image as pdfplumber line objects in page points (``scale`` points a pixel);
    none when the page has fewer than two rules each way (no grid: a line under a title, a page border)."""
    across, down = find_rules(grey, dpi)
    if len(across) < 2 or len(down) < 2:
        return []
    lines = []
    for y, a, b in across:
        top = y * scale
        lines.append(_line(a * scale, top, b * scale, top, page_number, initial_doctop, page_height))
    for x, a, b in down:
        left = x * scale
        lines.append(_line(left, a * scale, left, b * scale, page_number, initial_doctop, page_height))
    return lines


def _numeric(text: str) -> bool:
    return any(ch.isdigit() for ch in text) and all(ch.isdigit() or ch.isspace() for ch in text)


def grid_fits(lines: list[dict[str, Any]], boxes: list[Box]) -> bool:
    """Whether the rules found keep apart every two numbers OCR read in a table: two numeric boxes one above the
    other (their columns overlapping) have a horizontal rule between them across both, and two side by side
    on one line a vertical rule between them across the line. A rule lost to noise, a faint print or a seal
    would join two rows' (or columns') numbers into one cell (``5 01 0``): then the page's rules are not used at
    all and its table is read from its text as before. Numbers outside every rule's reach (the prose) are not
    checked: no rule runs past them."""
    across = [(ln["top"], ln["x0"], ln["x1"]) for ln in lines if ln["top"] == ln["bottom"]]
    down = [(ln["x0"], ln["top"], ln["bottom"]) for ln in lines if ln["top"] != ln["bottom"]]
    if not across or not down:
        return True
    left, right = min(x for _, x, _ in across), max(x for _, _, x in across)
    top, bottom = min(y for y, _, _ in across), max(y for y, _, _ in across)
    nums = [b for b in boxes if _numeric(b[4]) and left < (b[0] + b[2]) / 2 < right and top < (b[1] + b[3]) / 2 < bottom]
    for a in nums:
        for b in nums:
            if b is a:
                continue
            ax, bx = (a[0] + a[2]) / 2, (b[0] + b[2]) / 2
            if b[1] >= a[3] - 0.3 * (a[3] - a[1]) and min(a[2], b[2]) > max(a[0], b[0]) \
                    and not any(a[3] - 2 <= y <= b[1] + 2 and x0 <= min(ax, bx) and x1 >= max(ax, bx)
                                for y, x0, x1 in across) and _nearest_below(a, b, nums):
                return False
            ay, by = (a[1] + a[3]) / 2, (b[1] + b[3]) / 2
            if b[0] >= a[2] - 1 and min(a[3], b[3]) - max(a[1], b[1]) > 0.5 * min(a[3] - a[1], b[3] - b[1]) \
                    and not any(a[2] - 2 <= x <= b[0] + 2 and y0 <= min(ay, by) and y1 >= max(ay, by)
                                for x, y0, y1 in down) and _nearest_right(a, b, nums):
                return False
    return True


def cells_fit(cells: list[tuple[float, float, float, float]], boxes: list[Box]) -> bool:
    """Whether every cell of the tables the rules make (x0, top, x1, bottom) holds at most one number OCR read,
    and no number with a word left of it on its line (a row's label and its count in one cell): a rule lost
    (noise, a faint print, a seal) joins cells, and the joined cell's numbers would be read as one (``064``
    for 0 above 64) or a label's row would take another row's count. Else the rules are not used."""
    for x0, top, x1, bottom in cells:
        inside = [b for b in boxes if x0 <= (b[0] + b[2]) / 2 <= x1 and top <= (b[1] + b[3]) / 2 <= bottom]
        nums = [b for b in inside if _numeric(b[4])]
        if len(nums) > 1:
            return False
        for n in nums:
            if any(not _numeric(b[4]) and b[4].strip() and (b[0] + b[2]) / 2 < n[0]
                   and min(b[3], n[3]) > max(b[1], n[1]) for b in inside):
                return False
    return True


def _nearest_below(a: Box, b: Box, nums: list[Box]) -> bool:
    """``b`` is the first numeric box under ``a`` in its column (no other between them)."""
    return not any(c is not a and c is not b and a[3] <= (c[1] + c[3]) / 2 <= b[1] and min(a[2], c[2]) > max(a[0], c[0])
                   for c in nums)


def _nearest_right(a: Box, b: Box, nums: list[Box]) -> bool:
    """``b`` is the first numeric box right of ``a`` on its line (no other between them)."""
    return not any(c is not a and c is not b and a[2] <= (c[0] + c[2]) / 2 <= b[0]
                   and min(a[3], c[3]) > max(a[1], c[1]) for c in nums)


def _line(x0: float, top: float, x1: float, bottom: float, page_number: int, initial_doctop: float,
          page_height: float) -> dict[str, Any]:
    return {"object_type": "line", "x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": initial_doctop + top,
            "width": x1 - x0, "height": bottom - top, "linewidth": 1.0, "page_number": page_number,
            "pts": [(x0, top), (x1, bottom)], "stroke": True, "fill": False, "stroking_color": (0.0,),
            "non_stroking_color": (0.0,), "evenodd": False, "y0": page_height - bottom, "y1": page_height - top, "mcid": None, "tag": None}
