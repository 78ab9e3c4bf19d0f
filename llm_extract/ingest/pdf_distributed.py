"""A number set in distributed alignment (分散对齐): its digits spread evenly across the cell.

Word and WPS can justify a cell's text to both edges; a number in such a cell prints
as ``3   4   5``, and every reader of the text layer (pdfplumber, pdftotext) gives
``3 4 5``: three numbers where the cell holds one, 345. A ruled table's cell holds one
value, so where the cell's characters are digits (a decimal point and thousands
commas allowed) on one printed line, with the same gap between every two of them,
the first at the cell's left edge and the last at its right edge (within the
cell's padding, the same on both sides), they are one number and are read without
the spaces.

Two cells merged by a missing rule print their numbers centred in their own columns,
far from the edges of the merged cell: they are left as they are, for the reader
and the identities to settle (``1 0`` may be 10 or two cells).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["SPREAD", "distributed_number"]

#: a cell's text as a reader prints a spread number: single characters, one space apart
SPREAD = re.compile(r"[\d.,](?: [\d.,])+")

_EDGE = 4.0             # points: the most padding between the cell's edge and its first or last character
_EVEN = 1.0             # points: how much the gaps between the characters may differ
_LINE = 1.5             # points: characters on one printed line have tops this close


def distributed_number(chars: Sequence[Mapping[str, Any]], box: tuple[float, float, float, float]) -> str | None:
    """The number the ``chars`` (pdfplumber characters, in any order) of the cell ``box`` (x0, top,
    x1, bottom) print, when they are one number in distributed alignment; else None."""
    if len(chars) < 2:
        return None
    row = sorted(chars, key=lambda c: c["x0"])
    text = "".join(c["text"] for c in row)
    if not all(ch.isdigit() or ch in ".," for ch in text) or not text[0].isdigit() or not text[-1].isdigit():
        return None
    if max(c["top"] for c in row) - min(c["top"] for c in row) > _LINE:
        return None
    gaps = [b["x0"] - a["x1"] for a, b in zip(row, row[1:])]
    if min(gaps) <= 0 or max(gaps) - min(gaps) > _EVEN:
        return None
    left, right = row[0]["x0"] - box[0], box[2] - row[-1]["x1"]
    if not (0 <= left <= _EDGE and 0 <= right <= _EDGE and abs(left - right) <= _EVEN):
        return None
    return text
