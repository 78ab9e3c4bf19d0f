"""A converter's span misdetected: the cells of a row read as one cell spanning them, its text (all their
numbers) repeated in each column it spans (docling)::

    | （一）予以公开 | 13 0 | 13 0 | 0 | 0 | 0 | 0 | 13 |

Two columns hold ``13 0`` each: the run is the two cells ``13`` and ``0``, in their order. Only a run of
``k`` equal fields holding exactly ``k`` numbers (or an empty cell's placeholders, ``/ /``) is so spread; any other repeat stays one spanning cell.

A run whose numbers are all alike (``| 0 0 | 0 0 |``) is not spread: it reads as well as two fields each
merging two columns (markitdown's PDF tables: ``| 四、结转… |  |  | 0 | 0 | 0 0 | 0 0 | 0 |``, seven cells in
five fields), and spread it would make two of the row's cells blank where the row prints seven numbers.

A Word table dumped by a python-docx script (``row.cells`` joined by tabs) repeats a merged label's text in every
column it spans (``一、本年新收…⇥一、本年新收…⇥一、本年新收…⇥6⇥0…``): the copies before the last are no fields
(:func:`label_copy`); a row of the same mark (``无⇥无⇥无``) or of the same count in Chinese numerals (``三⇥三``) is cells.
"""

from __future__ import annotations

import re

__all__ = ["spread_repeats", "label_copy"]

#: a cell's text: a number, or a placeholder of an empty cell (``/ /``: two empty cells)
_CELL = re.compile(r"^(?:[0-9０-９]+(?:\.[0-9０-９]+)?|[/／\-—–－]+|无)$")


def _merges_columns(fields: list[str], start: int, end: int) -> bool:
    """Whether a field of the row outside ``start:end`` holds two numbers or more: the row's fields each merge
    columns (markitdown's PDF tables), so equal fields are two such fields, not one span's copies."""
    return any(len(parts := f.split()) > 1 and all(_CELL.match(p) for p in parts)
               for i, f in enumerate(fields) if not start <= i < end)


def spread_repeats(fields: list[str]) -> dict[int, str]:
    """For each field of a run of equal fields that are its run's cells, the number (or placeholder) it stands for.

    Not where another field of the row also holds several numbers: markitdown writes a PDF table's row with two
    columns merged in each field (``| 1 0 | 1 0 | 2 2 | 5 5 | 0 12 | 5 1 | 2 1 | 9 |``, 表四's fifteen cells in
    eight fields), and two of them may print the same pair: each is two cells, four in all."""
    out: dict[int, str] = {}
    k = 0
    while k < len(fields):
        end = k + 1
        while end < len(fields) and fields[end] == fields[k]:
            end += 1
        parts = fields[k].split()
        if end - k >= 2 and len(parts) == end - k and all(_CELL.match(p) for p in parts) and len(set(parts)) > 1 \
                and not _merges_columns(fields, k, end):
            out.update(zip(range(k, end), parts))
        k = end
    return out


#: a label's words: a character that is no numeral, no digit, no placeholder or space (``三``, ``五十六``, ``无`` are
#: cells; ``（一）予以公开`` is a label)
_LABEL_WORD = re.compile(r"[^\s0-9０-９〇零一二两三四五六七八九十百千万无/／\-—–－.,，]")


def label_copy(fields: list[str], col: int) -> bool:
    """Whether tab field ``col`` is a copy of a merged label cell repeated in the field after it (the last copy is the
    label, beside the row's cells)."""
    f = fields[col]
    return col + 1 < len(fields) and fields[col + 1] == f and len(f.strip()) >= 3 and bool(_LABEL_WORD.search(f))
