"""A cell printed as OCR letters only, which the identities pin to the digits the letters stand for.

A cell printed ``O`` (or ``l``, ``SS``) has no digit to anchor it: the reader leaves it lost, the
digits its letters stand for riding along as a guess (``llm_extract.extract.cells.letters_guess``),
and the identities pin it (``derived``). Where they pin it to exactly that guess, two sources
agree that no one of them settles alone: the page (as the OCR engine saw it) and every identity the
cell is in. Such a cell is read as a digit would be, and proven as a read digit is when every
identity it is in holds (``READ.OCR_LETTERS_PINNED``; one a kept misprint breaks, ``verify/misread.py``, is not). Where the identities pin another value, or
cannot pin it, it stays ``derived`` or ``unverified`` (``READ.OCR_LETTERS``), as before.
"""

from __future__ import annotations

from llm_extract.evidence import CellKind, Reading

__all__ = ["RULE", "letters_pinned"]

RULE = "READ.OCR_LETTERS_PINNED"


def letters_pinned(reading: Reading, pinned: int | None) -> bool:
    """Whether a lost cell printed as letters only is pinned by the identities to its letters' guess."""
    return (reading.kind is CellKind.MISSING and isinstance(reading.value, int) and pinned == reading.value
            and bool(reading.raw) and not any(ch.isdigit() for ch in reading.raw))
