"""What a document's readings hold, at a glance: the kinds of cell and the reading methods among them.

Most rules of verify/ flag a cell only where some reading has a particular kind (a blank, an OCR reading,
a cell not printed) or was found a particular way (a method that guesses the layout). Most documents hold
none of these, and each rule finding that out by walking the ~200 readings again was a good part of
verifying a document. :func:`survey` looks once; a rule given the survey returns at once where it cannot
fire (the same verdict it would reach walking the readings: the tests it skips are necessary conditions).
"""

from __future__ import annotations

from collections.abc import Mapping, Set as AbstractSet
from dataclasses import dataclass

from llm_extract.evidence import CellKind, Reading

__all__ = ["Survey", "survey"]


#: the kinds of nearly every cell: a survey lists the paths of the others (few in a document)
_COMMON = frozenset({CellKind.NUMBER, CellKind.ZERO})
#: a blank printed (or left empty) in a cell
_BLANKS = frozenset({CellKind.BLANK, CellKind.PLACEHOLDER})


@dataclass(frozen=True, slots=True)
class Survey:
    """The kinds and methods of a document's readings (sets: membership compares by value, so a kind that
    is absent here is held by no reading, by identity or by value)."""

    #: every kind held, with number and zero whether held or not (a rule's early exit where neither is held
    #: then never fires: it runs, to the same verdict)
    kinds: AbstractSet[CellKind]
    methods: AbstractSet[str]
    #: the paths of the cells of any other kind than number and zero, in reading order
    odd: list[str]
    #: the paths of the cells read blank or as a placeholder
    blanks: AbstractSet[str]

    def has_kind(self, *kinds: CellKind) -> bool:
        """Whether some reading is of one of ``kinds``."""
        return not self.kinds.isdisjoint(kinds)


def survey(readings: Mapping[str, Reading]) -> Survey:
    """The kinds, methods, odd and blank cells of ``readings`` (two passes over them, comprehensions: faster
    than one loop collecting each; the odd cells are few)."""
    odd = [p for p, r in readings.items() if r.kind not in _COMMON]
    kinds = {readings[p].kind for p in odd} | _COMMON
    blanks = {p for p in odd if readings[p].kind in _BLANKS}
    return Survey(kinds, {r.method for r in readings.values()}, odd, blanks)
