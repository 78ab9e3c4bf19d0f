"""A column identity that holds with a disputed cell in it proves nothing of its other cells.

A 表三 cell is checked across rows by its column's identities (the column sum, the balance). Where one of them
holds but another of its cells is disputed (a broken identity it is also in, not explained by one misprint,
verify/misprint.py), it holds only if that cell and one of the others are wrong together or right together:
a report's misprinted (七) total beside two rows swapped, the two errors cancelling in the total column's sum.
A cell checked across rows by no column identity free of disputed cells is then ``unverified``
(``T3.DISPUTED_OPERAND``), not proven.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from llm_extract.form import FORM

from .identities import equations, holds
from .rules import register

__all__ = ["RULE", "beside_disputed"]

RULE = "T3.DISPUTED_OPERAND"
register(RULE, "此格所在的列勾稽关系虽然成立，但其中另有一格因其他勾稽关系不成立而存疑：该关系只有在两格同错或同对时成立，无法证明此格",
         "the column identities this cell is in hold only with a cell that a broken identity disputes: they hold if "
         "both are wrong or both right (a misprinted total beside two rows swapped), so they prove nothing of it")

#: the identities that check a cell across rows (the form's column identities)
_COLUMN_CODES = frozenset(i.code for i in FORM.identities if i.kind == "column")


def beside_disputed(values: Mapping[str, object], disputed: Collection[str]) -> list[str]:
    """The read cells, none disputed, of a column identity that holds with a disputed cell in it, and in no
    column identity that holds without one: the identity holds only if that cell and one of theirs are wrong
    together or right together (a report's misprinted total beside two rows swapped), so it proves neither.
    ``values`` with a lone misprint's cell mended (verify/misprint.py)."""
    if not disputed:
        return []
    clean: dict[str, bool] = {}
    suspect: set[str] = set()
    for eq in equations():
        if eq.code not in _COLUMN_CODES or not holds(eq, values):  # type: ignore[arg-type]
            continue
        doubtful = any(p in disputed for p in eq.paths)
        for p in eq.paths:
            if p in values and p not in disputed:
                clean[p] = clean.get(p, False) or not doubtful
                if doubtful:
                    suspect.add(p)
    return sorted(p for p in suspect if not clean[p])
