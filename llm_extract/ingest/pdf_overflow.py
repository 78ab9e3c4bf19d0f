"""Wrapped text overflowing its ruled cell: each of its printed lines read in the cell it is centred in.

A spreadsheet row one line high whose cell wraps its text onto two lines (``（二）部分公开（区分处理的，
只计这一情形，不计其他情形）``) prints the text centred on the row: its first line reaches into the row
above, its last into the row below (the PDF clips them, the text layer keeps them). Read character by
character, the first line fell into the row above (``（一）予以公开（二）部分公开…`` / ``）``), and two
overflowing neighbours' lines at one height were interleaved character by character
(``再2.申处请理人…``). The eye reads a paragraph in the cell it is centred in: :func:`paragraph_middles`
gives every character of such a paragraph the vertical middle of the whole paragraph, so that it is
read in one cell.

A paragraph is a run of printed lines drawn one after the other (a line: consecutive characters of the
text layer at one height, left to right), each under the one before at a line's pitch (0.8 to 1.6 times
the font size), overlapping it horizontally, the one before full (its next character would have crossed
the column's rule: the text wrapped there; a cell's last line below another cell's short one is not its
continuation). Only a paragraph one of whose lines crosses a row's rule
is moved (lines inside their rows are cells' own lines), or one that runs on into another row and is printed there
over another line (a clipped cell's text: LibreOffice repeats a header row on a new page lower than its merged
cell's text, and the rest of that text lies over the first row below), and only into a row of the table; a line holding
several cells' text (a gap with a column rule in it: a row's label and its numbers) is no paragraph's line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

__all__ = ["paragraph_middles"]

_SAME_HEIGHT = 0.5       # points: characters of one printed line
_CROSS = 1.0             # points: a line reaching this far past a rule on both sides crosses it
_PITCH = (0.8, 1.6)      # a wrapped line's distance below the one before, in font sizes
_VALUE_CHAR = re.compile(r"[\d０-９无—–\-－/／.．]")


def _lines(chars: Sequence[dict[str, Any]], indices: Sequence[int]) -> list[list[int]]:
    """The printed lines of ``indices`` (characters in text-layer order): runs at one height, left to right."""
    out: list[list[int]] = []
    for i in indices:
        ch = chars[i]
        if out:
            last = chars[out[-1][-1]]
            if abs(ch["top"] - last["top"]) <= _SAME_HEIGHT and ch["x0"] >= last["x0"] - _SAME_HEIGHT:
                out[-1].append(i)
                continue
        out.append([i])
    return out


def _box(chars: Sequence[dict[str, Any]], line: list[int]) -> tuple[float, float, float, float, float]:
    cs = [chars[i] for i in line]
    return (min(c["x0"] for c in cs), min(c["top"] for c in cs), max(c["x1"] for c in cs),
            max(c["bottom"] for c in cs), max(float(c.get("size") or 0) for c in cs))


def _follows(a: tuple[float, ...], b: tuple[float, ...], edges: Sequence[float]) -> bool:
    """True when line ``b`` is the wrapped continuation of line ``a`` printed before it: right under it, and
    ``a`` full (the next character would have crossed the rule at its right, ``edges``: the column rules)."""
    size = max(a[4], b[4], 1.0)
    step = b[1] - a[1]
    right = min((x for x in edges if x >= a[2] - _CROSS), default=None)
    return _PITCH[0] * size <= step <= _PITCH[1] * size and b[0] < a[2] and a[0] < b[2] \
        and right is not None and right - a[2] < a[4]


def _stacked(a: str, b: str, boxes: tuple[tuple[float, ...], tuple[float, ...]]) -> bool:
    """True when lines ``a`` and ``b`` are two characters of text stacked one per line (``结`` / ``果`` / ``维`` /
    ``持``): a character each, no value, at one x, the second at a line's pitch under the first."""
    (x0, top, _, _, size), (y0, below, _, _, _) = boxes
    return len(a) == 1 == len(b) and not (_VALUE_CHAR.match(a) or _VALUE_CHAR.match(b)) \
        and abs(x0 - y0) <= _SAME_HEIGHT and _PITCH[0] * size <= below - top <= _PITCH[1] * size


def _cells_apart(chars: Sequence[dict[str, Any]], line: list[int], edges: Sequence[float]) -> bool:
    """True when the printed line holds several cells' text: a gap of a character's width or more, with a
    column rule in it, between two of its characters (a row's label and its numbers, ``一、本年新收…数量`` | ``172``
    | ``0`` …). Such a line is no line of one cell's wrapped paragraph, though it reaches the table's last rule."""
    for a, b in zip(line, line[1:]):
        left, right = chars[a], chars[b]
        gap = right["x0"] - left["x1"]
        if gap >= float(left.get("size") or 0) and any(left["x1"] - _CROSS <= x <= right["x0"] + _CROSS for x in edges):
            return True
    return False


def _crosses(box: tuple[float, ...], rules: Sequence[float]) -> bool:
    return any(box[1] + _CROSS < y < box[3] - _CROSS for y in rules)


def _row(box: tuple[float, ...], rows: Sequence[tuple[float, float]]) -> int | None:
    middle = (box[1] + box[3]) / 2
    return next((k for k, (t, b) in enumerate(rows) if t <= middle < b), None)


def _spills(boxes: Sequence[tuple[float, ...]], k: int, end: int, rows: Sequence[tuple[float, float]]) -> bool:
    """True when the paragraph of lines ``k``..``end`` runs out of its first line's row into another row and a line
    of it there is printed over another line (at its height, across its x): a clipped cell's text spilling over
    the cell below (LibreOffice repeating a header row lower than its text on a new page)."""
    first = _row(boxes[k], rows)
    for j in range(k + 1, end):
        if _row(boxes[j], rows) == first:
            continue
        b = boxes[j]
        if any(not k <= m < end and abs(o[1] - b[1]) < b[4] / 2 and o[0] < b[2] and b[0] < o[2]
               for m, o in enumerate(boxes)):
            return True
    return False


def paragraph_middles(chars: Sequence[dict[str, Any]], rows: Sequence[tuple[float, float]],
                      edges: Sequence[float], area: tuple[float, float, float, float]) -> dict[int, float]:
    """The vertical middle each character of ``chars`` (a page's, in text-layer order) inside ``area``
    (x0, top, x1, bottom) is read at, where it is not its own: the characters of a paragraph crossing a
    rule between ``rows`` (top, bottom), each at the paragraph's middle when that lies in a row; ``edges``:
    the x of the table's column rules."""
    x0, top, x1, bottom = area
    inside = [i for i, c in enumerate(chars) if x0 <= (c["x0"] + c["x1"]) / 2 < x1 and
              top - _CROSS * 8 <= (c["top"] + c["bottom"]) / 2 < bottom + _CROSS * 8 and c["text"].strip()]
    rules = sorted({y for r in rows for y in r})
    lines = _lines(chars, inside)
    boxes = [_box(chars, ln) for ln in lines]
    out: dict[int, float] = {}
    texts = ["".join(chars[i]["text"] for i in ln) for ln in lines]
    apart = [_cells_apart(chars, ln, edges) for ln in lines]
    k = 0
    while k < len(lines):
        end = k + 1
        while end < len(lines) and not apart[end - 1] and not apart[end] \
                and _follows(boxes[end - 1], boxes[end], edges):
            end += 1
        if end == k + 1:
            while end < len(lines) and _stacked(texts[end - 1], texts[end], (boxes[end - 1], boxes[end])):
                end += 1
            moved = end - k > 2 and len({_row(boxes[j], rows) for j in range(k, end)}) > 1
        else:
            moved = any(_crosses(boxes[j], rules) for j in range(k, end)) or _spills(boxes, k, end, rows)
        if moved:
            middle = (boxes[k][1] + boxes[end - 1][3]) / 2
            if any(t <= middle < b for t, b in rows):
                out.update({i: middle for ln in lines[k:end] for i in ln})
        k = end
    return out
