"""Numbers whose glyphs the text layer decodes wrongly: the candidate digit maps, and the text under each.

A PDF's labels and narrative may decode while the font its tables' numbers are set in does not:

* **codes**: a font without a ToUnicode map. pdfminer prints a glyph code it cannot map as
  ``(cid:17)``, pdftotext as a control character (``\\x11``); a subset font that keeps the ASCII
  order has ``0`` … ``9`` at ten consecutive codes and ``.`` two below ``0``.
* **private use**: a ToUnicode map into the private use area (U+E000 …), in the fonts' code order.
* **letters**: a single-byte font read in the wrong code page: the digits come out as consecutive
  ASCII letters and signs (``X`` = 0, ``Y`` = 1, ``[`` = 3, ``\\`` = 4, … ``a`` = 9; ``V`` = ``.``).
* **shift**: a ToUnicode map that maps every digit to another, the same shift everywhere
  (``0`` printed as ``3``, ``7`` as ``0``: ``d`` → ``(d + 3) mod 10``).

This module only reads: it finds the symbol runs in the tables' lines (:func:`symbol_runs`),
offers the maps that read every one of them as a number (:func:`code_maps`, or for digits the nine
:func:`shift_maps`) and translates the tables' lines under a map (:func:`translate`). Which map the
form's identities admit is decided in ``verify/digitmap.py``; nothing here decides a value.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["DigitMap", "SYMBOL_KINDS", "symbol_runs", "code_maps", "shift_maps", "translate", "MIN_RUNS",
           "MIN_SHARE"]

#: how each kind of symbol run is found in a line, and its codes
_CID = re.compile(r"(?:\(cid:\d+\))+")
_CID_CODE = re.compile(r"\(cid:(\d+)\)")
_CONTROL = re.compile(r"[\x01-\x08\x0e-\x1f]+")
_PUA = re.compile("[\ue000-\uf8ff]+")              # a ToUnicode map into the private use area
_LETTERS = re.compile(r"(?<!\S)[:-~]+(?!\S)")      # a whole token of ASCII signs and letters above the digits
_DIGITS = re.compile(r"(?<!\S)\d+(?:\.\d+)?(?!\S)")
_NUMBER = re.compile(r"(?:0|[1-9]\d*)(?:\.\d+)?")   # what a translated run must be: a count or an amount

SYMBOL_KINDS = ("cid", "control", "pua", "letters")
#: the codes the ten digits must all fall among, where a kind's pattern bounds them: a code page's letters are
#: printable ASCII above the digits (a map reading markdown's ``|`` as 0 would read 9 as U+0085)
_DIGIT_CODES = {"letters": (ord(":"), ord("~")), "pua": (0xE000, 0xF8FF)}
_PATTERNS = {"cid": _CID, "control": _CONTROL, "pua": _PUA, "letters": _LETTERS, "digits": _DIGITS}
#: symbol runs a table must show before a map is looked for, and the share of them a map must read as numbers
MIN_RUNS = 10
MIN_SHARE = 0.9


def _codes(kind: str, run: str) -> list[int]:
    if kind == "cid":
        return [int(c) for c in _CID_CODE.findall(run)]
    return [ord(ch) for ch in run]


def _show(kind: str, code: int) -> str:
    """A code as the text layer shows it."""
    if kind == "cid":
        return f"(cid:{code})"
    if kind == "control":
        return f"\\x{code:02x}"                   # shown escaped: a control character prints as nothing
    if kind == "pua":
        return f"U+{code:04X}"
    return chr(code)


@dataclass(frozen=True)
class DigitMap:
    """One candidate reading of the numbers' symbols: for codes and letters, the character whose ASCII
    code is the symbol's code plus ``offset``; for digits (``kind`` ``digits``), the digit ``shift``
    below the printed one (mod 10)."""

    kind: str               # cid | control | letters | digits
    offset: int = 0         # codes and letters
    shift: int = 0          # digits: printed = (true + shift) mod 10

    def _char(self, code: int) -> str | None:
        if self.kind == "digits":
            ch = chr(code)
            return str((int(ch) - self.shift) % 10) if ch.isdigit() else ch
        value = code + self.offset
        return chr(value) if 0x2e <= value <= 0x39 and value != 0x2f else None

    def read(self, run: str) -> str | None:
        """The number a symbol run stands for under this map, or None if it stands for none."""
        chars = [self._char(c) for c in _codes(self.kind, run)]
        if any(ch is None for ch in chars):
            return None
        text = "".join(ch for ch in chars if ch is not None)
        return text if _NUMBER.fullmatch(text) else None

    def printed(self, text: str) -> str:
        """What the text layer printed for ``text`` (digits and ``.`` read under this map; a control character
        shown escaped, ``\\x11``)."""
        if self.kind == "digits":
            return "".join(str((int(ch) + self.shift) % 10) if ch.isdigit() else ch for ch in text)
        return "".join(_show(self.kind, ord(ch) - self.offset) if ch.isdigit() or ch == "." else ch for ch in text)

    def describe(self) -> str:
        """The map in words, as a finding names it."""
        if self.kind == "digits":
            pairs = [f"{(d + self.shift) % 10} as {d}" for d in range(10)]
            return "the text layer's digits read shifted: printed " + ", ".join(pairs)
        pairs = [f"{_show(self.kind, ord(str(d)) - self.offset)} as {d}" for d in range(10)]
        what = {"cid": "glyph codes", "control": "control characters", "pua": "private-use characters",
                "letters": "characters"}[self.kind]
        return (f"the text layer's {what} read as digits: " + ", ".join(pairs)
                + f" (and {_show(self.kind, ord('.') - self.offset)} as '.')")

    def as_meta(self) -> dict[str, Any]:
        """The map as an extraction's ``meta["digit_map"]`` carries it (JSON)."""
        return {"kind": self.kind, "offset": self.offset, "shift": self.shift, "description": self.describe(),
                "printed": {ch: self.printed(ch) for ch in "0123456789."}}


def symbol_runs(lines: Sequence[str], start: int, end: int, kind: str) -> list[str]:
    """The runs of ``kind`` (``cid``, ``control``, ``letters``, ``digits``) in lines ``start`` … ``end - 1``
    (1-based)."""
    text = "\n".join(lines[max(start, 1) - 1:end - 1])
    if kind == "cid" and "(cid:" not in text:
        return []
    return _PATTERNS[kind].findall(text)


def code_maps(kind: str, runs: Sequence[str]) -> list[DigitMap]:
    """The offsets that read at least :data:`MIN_SHARE` of ``runs`` (symbol runs of ``kind``) as numbers,
    none with a leading zero: each a run of ten consecutive codes read as 0–9, with ``.`` two below."""
    if len(runs) < MIN_RUNS:
        return []
    counts = Counter(runs)
    codes = {c for run in counts for c in _codes(kind, run)}
    low, high = min(codes), max(codes)
    out = []
    first, last = _DIGIT_CODES.get(kind, (0, 0x10FFFF))
    for offset in range(max(ord("0") - high, ord("9") - last), min(ord("9") - low, ord("0") - first) + 1):
        candidate = DigitMap(kind, offset=offset)
        if sum(n for run, n in counts.items() if candidate.read(run) is not None) >= MIN_SHARE * len(runs):
            out.append(candidate)
    return out


def shift_maps() -> list[DigitMap]:
    """The nine ways a shifted ToUnicode map may have moved every digit (the printed reading is the tenth)."""
    return [DigitMap("digits", shift=s) for s in range(1, 10)]


def translate(lines: Sequence[str], start: int, end: int, digit_map: DigitMap) -> list[str]:
    """The lines with every run of the map's kind in lines ``start`` … ``end - 1`` read as its number (a run
    that stands for none is left as printed)."""
    pattern = _PATTERNS[digit_map.kind]
    out = list(lines)

    def read(m: re.Match[str]) -> str:
        return digit_map.read(m.group()) or m.group()
    sub: Callable[[str], str] = lambda line: pattern.sub(read, line)   # noqa: E731
    for n in range(max(start, 1), min(end, len(lines) + 1)):
        out[n - 1] = sub(lines[n - 1])
    return out
