"""Empty label cells before a row's seven: which end of a longer row its seven cells stand at.

A page or Word table whose labels stand in three columns without spans (``| |（七）合计| |`` then the seven
cells; HTML from Word, a CMS grid) prints empty label cells after a row's label, the text a cell to a
line. A row of eight cells, the first and the last empty (``—`` / ``0 0 0 — 0 — —`` with its empty ones
blank), reads two ways: the first seven, the last empty a padding, or the last seven, the first an
empty label cell. Zeros and blanks weigh the same in every identity, so nothing checks the choice.
The table's other rows of the same width settle it where their printed last cell shows the seven stand
at the end: those rows prove the empty label cells come first.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..evidence import CellKind
from .layout import Item

__all__ = ["leading_label_widths", "without_label_cells", "last_seven_after_blanks"]

_SEVEN = 7
_BLANK = CellKind.BLANK


def _blank(items: Iterable[Item]) -> bool:
    return all(it.cell.kind is _BLANK for it in items)


def leading_label_widths(spans: Iterable[list[Item]]) -> frozenset[int]:
    """The row widths (8 to 13 cells) at which some row of the table opens with empty cells and ends with a
    printed one: its seven are its last seven, the empty ones before them label cells."""
    return frozenset(len(span) for span in spans
                     if _SEVEN < len(span) < 2 * _SEVEN and _blank(span[:len(span) - _SEVEN])
                     and span[-1].cell.kind is not _BLANK)


def without_label_cells(span: list[Item], widths: frozenset[int]) -> list[Item]:
    """``span`` less its opening empty label cells where it reads both ways (empty cells at both ends) and the
    table's rows of its width show its seven stand last; else ``span`` as it is."""
    n = len(span)
    if n not in widths or not _blank(span[:n - _SEVEN]) or not _blank(span[_SEVEN:]):
        return span
    return span[n - _SEVEN:]


def last_seven_after_blanks(span: list[Item]) -> list[Item]:
    """A row of 8 to 13 cells opening with empty ones and printing a cell past its seventh: its last seven (the
    empty ones before them label cells; the first seven would leave a printed cell out); else ``span``."""
    n = len(span)
    if _SEVEN < n < 2 * _SEVEN and _blank(span[:n - _SEVEN]) and not _blank(span[_SEVEN:]):
        return span[n - _SEVEN:]
    return span
