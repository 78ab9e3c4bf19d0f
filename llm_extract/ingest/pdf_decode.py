"""A text layer that cannot be decoded: glyph codes without a usable ToUnicode map.

A PDF's text is its fonts' glyph codes, turned back into characters by each font's ToUnicode
map. A producer that leaves the map out, or maps to private-use code points, leaves a text
layer that shows the page but reads as nothing: pdfminer gives ``(cid:17)`` for a code it
cannot map, private-use characters (U+E000–U+F8FF, planes 15 and 16) for a map into them, and
U+FFFD for bytes it cannot decode; a font without a map that names a character collection
(Adobe-GB1) is decoded by that collection's table whatever its codes really are, and a
Chinese report comes out as kana, circled numbers, full-width letters and mathematical signs
(``ｅ＝※Ｏ⒈Ｂ４◆``). Such a page is not a scan (it has a text layer) and not a
page without a report: its text must be recognised again from its image (OCR).

:func:`count_undecodable` counts those characters among a page's printed ones; a page is
undecodable (:func:`undecodable_page`) when they are at least :data:`SHARE` of them, or when the
unmapped codes alone are at least :data:`MIN_CHARS` (the numbers of the tables alone, when the
labels decode and the numbers' font does not). A few private-use bullets of a symbol font, or
the ①② of a list, are neither.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

__all__ = ["count_undecodable", "undecodable_page", "undecodable_text_detail", "SHARE", "MIN_CHARS"]

SHARE = 0.2
MIN_CHARS = 40
_BAD = re.compile(r"\(cid:\d+\)|[\ue000-\uf8ff\ufffd\U000f0000-\U0010ffff]")
#: what a guessed code map makes of a Chinese text: kana, enclosed numbers, roman numerals, full-width
#: letters, mathematical signs and arrows (never the full-width punctuation a report prints: （），：)
_GUESSED = re.compile("[\u3040-\u30ff\u2460-\u24ff\u3200-\u32ff\u2160-\u217f\uff21-\uff3a\uff41-\uff5a"
                      "\u2200-\u22ff\u2190-\u21ff\u2500-\u25ff\u2600-\u26ff]")


def count_undecodable(chars: Iterable[dict[str, Any]]) -> tuple[int, int, int]:
    """Of a page's characters (pdfplumber's char dicts): how many are unmapped codes, how many read as a
    guessed map reads, and how many it prints."""
    text = "".join(ch["text"] for ch in chars)
    bad = len(_BAD.findall(text))
    guessed = len(_GUESSED.findall(text))
    printed = len(_BAD.sub("_", text)) - sum(1 for c in text if c.isspace())
    return bad, guessed, printed


def undecodable_page(bad: int, guessed: int, printed: int) -> bool:
    """Whether a page with ``bad`` unmapped and ``guessed`` characters of ``printed`` cannot be read from its
    text layer."""
    return bad >= MIN_CHARS or (printed > 0 and bad + guessed >= SHARE * printed)


def undecodable_text_detail(pages: list[int], bad: int, printed: int) -> str:
    """What a reader must know about a PDF whose ``pages`` have an undecodable text layer."""
    which = f"page {pages[0]}" if len(pages) == 1 else f"pages {', '.join(map(str, pages))}"
    return (f"the PDF's text layer cannot be decoded ({which}: {bad} of {printed} characters are glyph codes "
            "without a usable ToUnicode map, private-use or replacement characters, or what a guessed code map "
            "makes of Chinese: kana, circled numbers, full-width letters)")
