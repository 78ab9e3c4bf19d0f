"""A table's section heading misread by OCR: ``三、收到和处埋玫府信息公开申请情况``.

An OCR engine misreads a Chinese character for one of like shape (理 → 埋, 政 → 玫, 计 → 记),
and a heading so misread escapes the heading patterns of the form (``FORM.headings``): the
whole table is then lost. Where a table's heading is not found as printed,
:func:`fuzzy_heading` finds a short heading line that spells the form's heading (``FORM.heading_texts``) with at most
:data:`MAX_MISREAD` characters misread (one in five at most): each misread character stands where a character of the
heading stands (a substitution, the text keeps its length), and every other character is the
heading's, in order. A line of prose (longer, or with a sentence's punctuation) is never a
heading. Nothing read here is a number: a heading only opens a region, whose rows are read and
verified as any other table's.
"""

from __future__ import annotations

import re

from ..form import FORM

__all__ = ["MAX_MISREAD", "fuzzy_heading"]

#: characters of a heading that may be misread
MAX_MISREAD = 2
_ENUMERATOR = re.compile(r"^(?:[一二三四五六七八九十]+|\d+)\s*[、.．]\s*")
_NOISE = re.compile(r"[\s#*>|\-（）()]")
_SENTENCE = re.compile(r"[。，；;！？]")


def _misread(text: str, heading: str) -> int | None:
    """How many characters of ``text`` are substituted for ``heading``'s (same length), or None."""
    if len(text) != len(heading):
        return None
    return sum(1 for a, b in zip(text, heading) if a != b)


def fuzzy_heading(line: str) -> str | None:
    """The table (``表二``, ``表三``, ``表四``) whose heading ``line`` is, read with at most
    :data:`MAX_MISREAD` misread characters (one in five at most); None
    for any other line."""
    text = line.strip()
    if not text or len(text) > 40 or _SENTENCE.search(text):
        return None
    text = _NOISE.sub("", _ENUMERATOR.sub("", text))
    for name, heading in FORM.heading_texts.items():       # the headings as the form prints them
        for cut in (len(heading), len(heading) - 2):       # with or without its closing 情况
            head = heading[:cut]
            wrong = _misread(text, head)
            if wrong is not None and 0 < wrong <= min(MAX_MISREAD, len(head) // 5):
                return name
    return None
