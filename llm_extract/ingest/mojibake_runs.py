"""Runs of mojibake inside a Chinese text: a piece of it whose bytes were read in a one-byte code page.

A crawler or an editor that joins pieces of pages, or pastes a piece copied from a page it read with the wrong
code page, leaves a text that is Chinese but for a run of lines or a few cells where GBK bytes were read as
Windows-1252 / Latin-1 (``£¨¶þ£©²¿·Ö¹«¿ª`` for （二）部分公开) or UTF-8 bytes were (``æ”¿åºœ`` for 政府).
:func:`.text.repaired_mojibake` undoes a whole text misread so; this reads the runs of such a text, each one given
back as it was written when exactly that undoes it: the run's characters, encoded in the code page, decode strictly
in GB18030 or UTF-8 into Chinese text only (ideographs, CJK punctuation, full-width forms). A run that loses a byte
(a ``?`` where the code page had no character) or decodes into anything else stays as it is: its label is then
unread and its numbers are left to the reader's doubt, never guessed.

The cheap sign first: a text with no four such characters in a row returns at once.
"""

from __future__ import annotations

import re

__all__ = ["repaired_runs"]

#: what a one-byte code page shows for the bytes of GBK or UTF-8 Chinese: Latin-1's upper half (its C1 controls
#: for 0x80-0x9f) and Windows-1252's letters there; four in a row at least (two Chinese characters' bytes), a space inside a run kept in it
_RUN = re.compile(r"[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014"
                  r"\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{4,}")
#: what a run must decode into: Chinese text only
_CHINESE = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\u2018-\u201d\u2026\u00b7\u2014\u2116]+")
#: the code pages tried, most common first, and the encodings of the bytes
_PAGES = ("cp1252", "latin-1")
_TARGETS = ("gb18030", "utf-8")


def _undone(run: str) -> str | None:
    """``run`` as its bytes were written, or None when no code page and encoding give back Chinese text only."""
    for page in _PAGES:
        try:
            data = run.encode(page)
        except UnicodeEncodeError:
            continue
        for target in _TARGETS:
            try:
                fixed = data.decode(target)
            except UnicodeDecodeError:
                continue
            if _CHINESE.fullmatch(fixed) and any("\u4e00" <= c <= "\u9fff" for c in fixed):
                return fixed
    return None


def repaired_runs(text: str) -> tuple[str, int]:
    """``text`` with its mojibake runs undone, and how many runs were."""
    if _RUN.search(text) is None:
        return text, 0
    count = 0

    def repair(m: re.Match[str]) -> str:
        nonlocal count
        fixed = _undone(m.group())
        if fixed is None:
            return m.group()
        count += 1
        return fixed

    return _RUN.sub(repair, text), count
