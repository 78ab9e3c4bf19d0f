"""What a reviewer may decide for a field, checked before anything is written.

A decision arrives as text (a command-line argument, a CSV cell, a form field) and is
turned into the value the field holds, or refused with a message that says why:

- ``null`` (also ``none``, ``空``): a blank cell;
- ``keep``: accept the value as it stands (even a printed value that breaks an identity),
  or acknowledge a document-level finding;
- a **count** (表二/表三/表四 cells): a non-negative whole number. Full-width digits
  (``６``) are normalised; a thousands separator (a comma or a space) is accepted only where it groups
  three digits (``1,234`` → 1234; ``12,34`` and ``1 2`` are refused). ``6件``, ``1.5``, ``6.0``, ``1e3``,
  ``-1``, ``1²``, ``①`` are refused;
- the **fee** (万元): an exact non-negative decimal (``94.0121``), never a float, never ``1e3``;
- the **agency**: a name (not a number), one line, at most 100 characters;
- the **year**: a whole number from 2008 (the regulations took effect) to next year.

:func:`check_value` applies the same rules to a value already stored (a hand-edited
``decisions.jsonl``), so a decision that no longer fits is found, never applied blindly.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from .schema import ALL_PATHS

__all__ = ["KEEP", "InvalidDecision", "parse_value", "check_value", "field_kind"]

KEEP = "keep"
_NULLS = {"null", "none", "空"}
_COUNT = re.compile(r"\d+")
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+")
_DECIMAL = re.compile(r"\d+(?:\.\d+)?")
_FEE = "active_disclosure.fees_10k_yuan"
_FIRST_YEAR = 2008


class InvalidDecision(ValueError):
    """A decided value that does not fit its field; nothing was written."""


def field_kind(path: str) -> str:
    """``count``, ``fee``, ``agency`` or ``year``; a path outside the schema is refused."""
    if path not in ALL_PATHS:
        raise InvalidDecision(f"unknown field path {path!r}")
    return {"agency": "agency", "year": "year", _FEE: "fee"}.get(path, "count")


def _typed_as_is(ch: str) -> bool:
    """A character that stands for what NFKC makes of it: itself, a full-width form (６ ， ．) or a space.
    Not a superscript or a circled number (``1²`` is not 12, ``①`` not a count typed as 1)."""
    norm = unicodedata.normalize("NFKC", ch)
    return norm == ch or "\uff01" <= ch <= "\uff5e" or norm.isspace()


def _digits(text: str, path: str) -> str:
    """NFKC (full-width ６ → 6, ， → ,), thousands separators (a comma or a space) checked and dropped."""
    if not all(_typed_as_is(ch) for ch in text):
        raise InvalidDecision(f"{path}: {text!r} is not a number (digits only; no superscripts or circled numbers)")
    spaced = " ".join(unicodedata.normalize("NFKC", text).split())
    if " " in spaced and not _GROUPED.fullmatch(spaced.replace(" ", ",").partition(".")[0]):
        raise InvalidDecision(f"{path}: {text!r} is not one number (a space must group three digits, e.g. 1 234)")
    norm = spaced.replace(" ", "")
    if "," in norm:
        whole, dot, frac = norm.partition(".")
        if not _GROUPED.fullmatch(whole):
            raise InvalidDecision(f"{path}: {text!r} is not a number (a thousands separator must group three "
                                  "digits, e.g. 1,234)")
        norm = whole.replace(",", "") + dot + frac
    return norm


def parse_value(path: str, text: str) -> Any:
    """The value ``text`` decides for ``path`` (``None`` for blank, :data:`KEEP`); raises InvalidDecision."""
    kind = field_kind(path)
    stripped = text.strip()
    if stripped.lower() in _NULLS:
        return None
    if stripped.lower() == KEEP:
        return KEEP
    if not stripped:
        raise InvalidDecision(f"{path}: empty value; write null for a blank cell or keep to accept the value")
    if kind == "agency":
        return check_value(path, stripped)
    norm = _digits(stripped, path)
    if kind == "fee":
        if not _DECIMAL.fullmatch(norm):
            raise InvalidDecision(f"{path}: {text!r} is not a fee in 万元 (a non-negative decimal such as 94.0121)")
        return Decimal(norm)
    if not _COUNT.fullmatch(norm):
        what = "a count" if kind == "count" else "a year"
        raise InvalidDecision(f"{path}: {text!r} is not {what} (a whole number, digits only)")
    return check_value(path, int(norm))


def check_value(path: str, value: Any) -> Any:
    """``value`` as the field holds it, if it fits ``path``; raises InvalidDecision otherwise."""
    kind = field_kind(path)
    if value is None:
        return None
    if kind == "agency":
        if not isinstance(value, str) or not value.strip():
            raise InvalidDecision(f"agency: {value!r} is not a name")
        name = value.strip()
        if len(name) > 100 or any(unicodedata.category(c)[0] == "C" for c in name):
            raise InvalidDecision(f"agency: {name[:40]!r}… is not a name (one line, at most 100 characters)")
        if not any(c.isalpha() for c in name):
            raise InvalidDecision(f"agency: {name!r} is not a name (it has no letters)")
        return name
    if kind == "fee":
        if isinstance(value, bool) or not isinstance(value, (int, str, Decimal)):
            raise InvalidDecision(f"{path}: {value!r} is not an exact decimal (write it as text, e.g. \"94.0121\")")
        try:
            fee = Decimal(str(value))
        except InvalidOperation:
            raise InvalidDecision(f"{path}: {value!r} is not a fee in 万元") from None
        if not fee.is_finite() or fee < 0 or not _DECIMAL.fullmatch(str(value).strip()):
            raise InvalidDecision(f"{path}: {value!r} is not a fee in 万元 (a non-negative decimal)")
        return fee
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidDecision(f"{path}: {value!r} is not a whole number")
    if kind == "year":
        last = date.today().year + 1
        if not _FIRST_YEAR <= value <= last:
            raise InvalidDecision(f"year: {value} is not a plausible report year ({_FIRST_YEAR}–{last})")
        return value
    if value < 0:
        raise InvalidDecision(f"{path}: {value} is negative; a count is 0 or more")
    return value
