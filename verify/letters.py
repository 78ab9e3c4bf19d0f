"""Letters read as digits: a cell printed as OCR-confusable letters only (``O``, ``l``, ``lO``).

Inside a digit run an OCR confusion is anchored (``1O`` is 10); a cell of letters alone has no
digit to anchor it, so its reading (``O`` → 0) is a likely guess, never a proof: such a field is
``unverified`` (rule ``READ.OCR_LETTERS``) whatever the identities say, and goes to review.
"""

from __future__ import annotations

from collections.abc import Mapping

from llm_extract.evidence import CellKind, Reading

__all__ = ["letters_only", "RULE"]

RULE = "READ.OCR_LETTERS"


def letters_only(readings: Mapping[str, Reading]) -> set[str]:
    """Paths read as OCR confusions from a cell holding no digit at all."""
    ocr = CellKind.OCR
    return {path for path, r in readings.items()
            if r.kind is ocr and r.value is not None and not any(ch.isdigit() for ch in r.raw or "")}
