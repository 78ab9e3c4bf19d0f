"""A count whose thousands are grouped by thin spaces (``447\u2009228``, ``3\u2009985\u2009758``): one number.

A thin space (U+2009) or a narrow no-break space (U+202F) between digit groups is the typographic thousands
separator (ISO 80000, the style some Word templates and typesetters apply to a table's numbers); text tools never
part two cells with one (they print spaces, tabs or line breaks). Where a number's digits are grouped so, a first
group of one to three digits (no leading 0) and every later group of three, the separators are dropped, as a comma
is: the text itself says it is one number. Plain spaces are not touched: ``447 228`` may be one count or two
cells, and only the identities can tell (extract/blockjoins.py, extract/glued.py's recounts).
"""

from __future__ import annotations

import re

__all__ = ["thin_grouped_joined"]

_THIN = "\u2009\u202f"
_GROUPED = re.compile(r"(?<![\d.．,，])(?:[1-9]\d{0,2})(?:[\u2009\u202f]\d{3})+(?![\d\u2009\u202f])")


def thin_grouped_joined(text: str) -> str:
    """``text`` with each number whose thousands are grouped by thin spaces written without them."""
    if not any(c in text for c in _THIN):
        return text
    return _GROUPED.sub(lambda m: m.group().replace("\u2009", "").replace("\u202f", ""), text)
