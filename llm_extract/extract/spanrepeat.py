"""A converter's span misdetected: the cells of a row read as one cell spanning them, its text (all their
numbers) repeated in each column it spans (docling)::

    | （一）予以公开 | 13 0 | 13 0 | 0 | 0 | 0 | 0 | 13 |

Two columns hold ``13 0`` each: the run is the two cells ``13`` and ``0``, in their order. Only a run of
``k`` equal fields holding exactly ``k`` numbers (or an empty cell's placeholders, ``/ /``) is so spread; any other repeat stays one spanning cell.

A run whose numbers are all alike (``| 0 0 | 0 0 |``) is not spread: it reads as well as two fields each
merging two columns (markitdown's PDF tables: ``| 四、结转… |  |  | 0 | 0 | 0 0 | 0 0 | 0 |``, seven cells in
five fields), and spread it would make two of the row's cells blank where the row prints seven numbers.
"""

from __future__ import annotations

import re

__all__ = ["spread_repeats"]

#: a cell's text: a number, or a placeholder of an empty cell (``/ /``: two empty cells)
_CELL = re.compile(r"^(?:[0-9０-９]+(?:\.[0-9０-９]+)?|[/／\-—–－]+|无)$")


def spread_repeats(fields: list[str]) -> dict[int, str]:
    """For each field of a run of equal fields that are its run's cells, the number (or placeholder) it stands for."""
    out: dict[int, str] = {}
    k = 0
    while k < len(fields):
        end = k + 1
        while end < len(fields) and fields[end] == fields[k]:
            end += 1
        parts = fields[k].split()
        if end - k >= 2 and len(parts) == end - k and all(_CELL.match(p) for p in parts) and len(set(parts)) > 1:
            out.update(zip(range(k, end), parts))
        k = end
    return out
