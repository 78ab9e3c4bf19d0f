"""A 表三 row whose printed label names no row of the form, placed by the form's order between rows that do.

    place_by_order(keys, numbered, patterns) -> {row index: segment index}

For grounding (:mod:`verify.grounding`) in OCR'd or badly typed text, where a label carries two or more
misprinted characters (``一、本年新攸政府信息公开申靖数量``, ``（五）不予处理1.信仿举抿投诉类申靖``: one misprint is
already tolerated by the form's patterns) and no pattern names it. The form prints 表三's 25 rows in one fixed
order, each with its numbers; so a row of numbers standing between the rows the patterns do name, at the place
the form gives it, is that row — when the count leaves no doubt:

* a row of numbers is a segment whose text after its label holds numbers; its label is its own label key with
  every label key before it that holds no number (a group label ``（三）不予公开`` on a line of its own, a label
  broken over lines);
* an *anchor* is a row of numbers whose label names exactly one row of the form; the anchors must stand in the
  form's order (else nothing is placed);
* between two anchors (or the table's start and the first anchor, the last anchor and the table's end) the rows of
  numbers are placed one for one on the form's rows between them only when there are exactly as many of each; a
  row of numbers is placed only where its label names no row of the form, or that row.

A page footer, a repeated header with numbers or a row the text does not print makes the count differ: that
stretch is left unplaced (its rows not found, as before). A placed row is still matched number for number against
the model's cells (:mod:`verify.cellmatch`): the place gives the row, never the values.

Pure: label keys, flags and the form's patterns in, indices out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["place_by_order"]


def place_by_order(keys: Sequence[str], numbered: Sequence[bool],
                   patterns: Sequence[re.Pattern[str]]) -> dict[int, int]:
    """The segment index of each form row placed by its order (see the module docstring)."""
    rows_at: list[tuple[int, set[int]]] = []          # (segment index, the form rows its label names)
    label = ""
    for i, (key, has_numbers) in enumerate(zip(keys, numbered)):
        label += key
        if has_numbers:
            rows_at.append((i, {r for r, p in enumerate(patterns) if p.search(label)}))
            label = ""
    anchors = [(pos, next(iter(named))) for pos, (_, named) in enumerate(rows_at) if len(named) == 1]
    if any(b[1] <= a[1] or b[0] <= a[0] for a, b in zip(anchors, anchors[1:])):
        return {}                                      # the named rows out of the form's order: no order to follow
    out: dict[int, int] = {}
    bounds = [(-1, -1)] + anchors + [(len(rows_at), len(patterns))]
    for (p, a), (q, b) in zip(bounds, bounds[1:]):
        if q - p != b - a:
            continue                                   # more or fewer rows of numbers than the form has here
        for k in range(1, q - p):
            segment, named = rows_at[p + k]
            if not named or named == {a + k}:
                out[a + k] = segment
    return out
