"""Glued runs whose numbers kept their thousands separators: a crawler's dump of a report that prints its counts
with them (``一、本年新收政府信息公开申请数量3,4281428992533,732``: 3,428 142 8 9 92 53 3,732).

The commas tell part of where the cells part: a number's groups of three follow each of its commas, and it has no
more than three digits before its first; a number under a thousand, printed in the same style, has three digits at
most (``1428992533`` is five numbers, ``142 8 9 92 53``, never a 1428). The cuts the print allows that satisfy the
row's identity are the options, as for any glued run (``glued.py``); the identities of the table choose.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .glued import MAX_DIGITS, MAX_OPTIONS

__all__ = ["separated_run", "separated_cuts"]

#: a label, then a glued run whose every comma stands before a group of three digits at least
_SEPARATED_RUN = re.compile(r"^(?P<label>.*?[\u4e00-\u9fff)）])[：:]?(?P<run>\d+(?:,\d{3,})+)$")
#: one number as such a row prints it
_GROUPED = re.compile(r"[1-9]\d{0,2}(?:,\d{3})*|0")
#: the longest number's print: MAX_DIGITS digits and their commas
_LONGEST = MAX_DIGITS + (MAX_DIGITS - 1) // 3


def separated_run(key: str) -> tuple[str, str] | None:
    """``(label, run)`` when a label key ends in a glued run whose numbers kept their thousands separators
    (``…数量3,4281428992533,732``), the run as printed, commas and all."""
    m = _SEPARATED_RUN.match(key)
    return None if m is None else (m.group("label"), m.group("run"))


def separated_cuts(run: str, parts: int, holds: Callable[[list[int]], bool], *,
                   max_options: int = MAX_OPTIONS) -> list[list[int]] | None:
    """Every cut of a run printed with thousands separators (:func:`separated_run`) into ``parts`` numbers, each
    printed as the row prints them (see the module docstring), that ``holds`` accepts. ``None`` when there are more
    than ``max_options``."""
    out: list[list[int]] = []
    acc: list[int] = []

    def walk(pos: int) -> bool:
        if len(acc) == parts:
            if pos == len(run) and holds(acc):
                out.append(list(acc))
            return len(out) <= max_options
        for end in range(pos + 1, min(len(run), pos + _LONGEST) + 1):
            piece = run[pos:end]
            if (end == len(run) or run[end] != ",") and _GROUPED.fullmatch(piece):
                acc.append(int(piece.replace(",", "")))
                going = walk(end)
                acc.pop()
                if not going:
                    return False
        return True

    return out if walk(0) else None
