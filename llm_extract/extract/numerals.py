"""Tables written in Chinese numerals: a lone 一 … 十 is a count there, and only there.

Some offices fill the form in Chinese numerals (〇 or 零 for 0, 十八, 五十六). A count of two or more
characters reads as itself anywhere (:func:`~llm_extract.extract.cells.parse_cell`), but a single
character is read as a number only in a table that writes its numbers so: elsewhere a lone 一 is a
rule OCR read as the character (``0 一 0``) and a lone 二 or 五 may be a piece of a header printed
one character to a line (第 / 二 / 十 / 条).

A document writes its tables' numbers in Chinese numerals when at least :data:`MIN_NUMERAL_CELLS` of their
cells (tab-separated fields or whole lines) are 〇, 零 or a count of several numeral characters.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from ..evidence import CellKind
from .cells import CN_NOTE, Cell, chinese_number, normalise, parse_cell

if TYPE_CHECKING:                   # (layout imports this module)
    from .layout import Region

__all__ = ["MIN_NUMERAL_CELLS", "writes_numerals", "lone_numeral"]

#: cells in Chinese numerals that make a table one written so (a stray 十二 in a label's remnant is one)
MIN_NUMERAL_CELLS = 3
#: the numerals that stand alone for a count (not 零: parse_cell reads it anywhere; not 百, 千: no count alone)
_LONE = frozenset("一二两三四五六七八九十")


def _is_numeral_cell(text: str) -> bool:
    text = text.strip()
    if text in ("〇", "零"):
        return True
    return len(text) >= 2 and parse_cell(text).note == CN_NOTE


def writes_numerals(lines: list[str], regions: Iterable[Region]) -> bool:
    """Whether the document's tables (``regions``) write their counts in Chinese numerals."""
    seen = 0
    for region in regions:
        seen += sum(map(_numeral_cells, lines[region.start - 1:region.end - 1]))
        if seen >= MIN_NUMERAL_CELLS:
            return True
    return False


@lru_cache(maxsize=16384)
def _numeral_cells(line: str) -> int:
    """The cells of a line (its tab-separated fields) written in Chinese numerals. (Cached: the same lines, a
    row's label and its cells, recur in every report.)"""
    return sum(1 for field in line.split("\t") if field.strip() and _is_numeral_cell(field))


def lone_numeral(raw: str) -> Cell | None:
    """A cell that is one numeral character (``三``) read as its count, or ``None``."""
    text = normalise(raw).strip()
    return Cell(raw, CellKind.NUMBER, chinese_number(text), CN_NOTE) if text in _LONE else None
