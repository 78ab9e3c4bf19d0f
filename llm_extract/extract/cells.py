"""Cell semantics: the raw text of one table cell → its kind and value.

    ""            blank        → None
    "/" "—" "无"  placeholder  → None
    "0" "0.00"    zero         → 0
    "１２" "1,234" number       → 12, 1234
    "22（其中修订16件）" annotated → 22, note "其中修订16件"
    "1O" "l2"     ocr          → 10, 12 (O→0, l/I→1, S→5, B→8 inside a digit run)
    anything else text         → not a value
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from decimal import Decimal, InvalidOperation

from ..evidence import CellKind

__all__ = ["Cell", "parse_cell", "normalise", "PLACEHOLDERS"]

PLACEHOLDERS = frozenset({"/", "-", "—", "——", "–", "－", "─", "无", "不适用", "空", "\\", "/ ", "—/—", "--"})

_INT = re.compile(r"^\d+$")
_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_DECIMAL = re.compile(r"^\d+\.\d+$")
_ANNOTATED = re.compile(r"^(\d+(?:\.\d+)?)\s*(?:[(\[](.+?)[)\]]|(件|个|条|项|次|人次|万元|元))$")
_OCR = re.compile(r"^(?=.*\d)[\dOoIlSB]{1,7}$")
_OCR_MAP = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "S": "5", "B": "8"})


def normalise(text: str) -> str:
    """NFKC (full-width → half-width) and strip; the form used for matching."""
    return unicodedata.normalize("NFKC", text).strip()


class Cell:
    """A parsed cell. ``value`` is an ``int`` (or ``Decimal`` for decimals) or ``None``."""

    __slots__ = ("raw", "kind", "value", "note", "is_value", "is_number")

    def __init__(self, raw: str, kind: CellKind, value: int | Decimal | None = None, note: str | None = None):
        self.raw, self.kind, self.value, self.note = raw, kind, value, note
        #: stands where a number belongs (blank and placeholders included)
        self.is_value = kind not in (CellKind.TEXT, CellKind.MISSING)
        self.is_number = kind in (CellKind.NUMBER, CellKind.ZERO, CellKind.ANNOTATED, CellKind.OCR)

    def __repr__(self) -> str:
        return f"Cell({self.raw!r}, {self.kind.value}, {self.value!r})"


def _as_value(text: str) -> int | Decimal:
    return Decimal(text) if "." in text else int(text)


@lru_cache(maxsize=8192)
def parse_cell(raw: str) -> Cell:
    """Parse one cell's raw text (see the module docstring). Cells are shared: never mutate one."""
    text = normalise(raw).replace(" ", "")
    if not text:
        return Cell(raw, CellKind.BLANK)
    if text in PLACEHOLDERS or set(text) <= set("/-—–－─\\"):
        return Cell(raw, CellKind.PLACEHOLDER)
    if _THOUSANDS.match(text):
        text = text.replace(",", "")
    if _INT.match(text) or _DECIMAL.match(text):
        try:
            value = _as_value(text)
        except InvalidOperation:  # pragma: no cover - the regexes admit only digits
            return Cell(raw, CellKind.TEXT)
        return Cell(raw, CellKind.ZERO if value == 0 else CellKind.NUMBER, value)
    m = _ANNOTATED.match(text)
    if m:
        return Cell(raw, CellKind.ANNOTATED, _as_value(m.group(1)), m.group(2) or m.group(3))
    if _OCR.match(text):
        return Cell(raw, CellKind.OCR, int(text.translate(_OCR_MAP)), f"OCR confusion read as {text.translate(_OCR_MAP)}")
    return Cell(raw, CellKind.TEXT)
