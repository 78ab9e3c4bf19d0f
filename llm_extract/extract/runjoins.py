"""Neighbouring numbers joined as printed: a count split over a word processor's runs and parted by a separator.

A cell pasted from Word into a CMS page often holds its number in two runs (``<span>2</span><span>08</span>``
for 208); a crawler's ``get_text(" ")`` or ``get_text("\\n")`` parts them (``2 08``), as a PDF's text parts a
wide number (``1 0``). Joining neighbours must join the digits as printed: the later piece may begin with 0
(``2`` and ``08`` are 208, not 28), and a piece that begins with 0 is no count of its own (``08`` is never a
cell). Pieces are the printed tokens normalised (full-width digits, a thousands separator: ``1,02`` and ``9`` are
1029). The readings are options for the identities to choose among, never proof.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

__all__ = ["printed_pieces", "joined_readings"]


def _digits(raw: str) -> str:
    return unicodedata.normalize("NFKC", raw).strip().replace(",", "")


def printed_pieces(raws: Sequence[str], values: Sequence[int]) -> list[str]:
    """The tokens' digits as printed, where they are the numbers read (``08`` for 8, ``1,02`` for 102); a token
    printed otherwise (an OCR letter, a note) stands as its value."""
    out = []
    for raw, value in zip(raws, values):
        d = _digits(raw)
        out.append(d if d.isdigit() and int(d) == value else str(value))
    return out


def _count(piece: str) -> bool:
    return piece.isdigit() and (piece == "0" or piece[:1] != "0")


def joined_readings(pieces: Sequence[str], k: int) -> list[list[int]]:
    """Every reading of ``pieces`` with ``k`` joins of neighbours, each cell a count as printed (no leading 0)."""
    def walk(parts: list[str], k: int) -> list[list[str]]:
        if k == 0:
            return [parts]
        out: list[list[str]] = []
        for i in range(len(parts) - 1):
            joined = parts[i] + parts[i + 1]
            if joined[:1] != "0":
                out += walk(parts[:i] + [joined] + parts[i + 2:], k - 1)
        return out
    readings: list[list[int]] = []
    for parts in walk(list(pieces), k):
        if all(_count(p) for p in parts):
            reading = [int(p) for p in parts]
            if reading not in readings:
                readings.append(reading)
    return readings
