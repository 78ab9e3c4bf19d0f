"""Rows that one identity holds interchangeable, told apart by another identity alone.

A row keeps its own sum wherever it is printed; only the column identities tell rows apart. The balance
一 + 二 = 三(七) + 四 holds with (七)'s numbers and 四's printed under each other's labels: what tells
them apart is (七)'s column sum ((七) = the 21 outcome rows), which 四 is in no part of. Where that sum is
broken in a column (disputing (七)'s cell) or could not be checked there (an outcome cell lost, or
pinned by it alone), 四's cell of the column is proven by nothing that tells it from (七)'s: it is
``unverified`` (``T3.TWIN_ROWS``), not proven. A text printing the two rows swapped would otherwise have 四
proven with (七)'s numbers.

Which rows are so paired comes from the form's identities (``llm_extract.form``): a row beside another on
one side of a column identity, in no other column identity itself, while the other is. (一 and 二 stand
side by side in no other identity either: nothing tells them apart but their labels, as for any two
outcome rows, and that is left to the reader.)
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from llm_extract.form import FORM
from llm_extract.schema import APPLICANT_COLUMNS

from .identities import Equation, equations, holds
from .rules import register

__all__ = ["RULE", "untold_twins", "TWINS"]

RULE = "T3.TWIN_ROWS"
register(RULE, "本行与同列另一行在“新收 + 结转 = 办理总计 + 结转下年度”中可互换，只有另一行的列合计能区分二者；该列合计不成立或无法核对，本格未获证明",
         "this row and another stand interchangeable in the balance; only the other row's column sum tells them "
         "apart, and in this column it is broken or could not be checked: not proven")

_COLUMN = tuple(i for i in FORM.identities if i.kind == "column")


def _twins() -> dict[str, tuple[str, ...]]:
    """Row → the codes of the column identities that alone tell its numbers from a row beside it."""
    out: dict[str, tuple[str, ...]] = {}
    for ident in _COLUMN:
        others = [o for o in _COLUMN if o is not ident]
        for side in (ident.lhs, ident.rhs):
            for row in side:
                if any(row in o.lhs + o.rhs for o in others):
                    continue
                telling = tuple(o.code for q in side if q != row for o in others if q in o.lhs + o.rhs)
                if telling:
                    out[row] = telling
    return out


#: carried_forward → ("T3.COLUMN_SUM",): 四's numbers told from (七)'s by (七)'s column sum alone
TWINS = _twins()
_TELLING = frozenset(code for codes in TWINS.values() for code in codes)


def _told() -> tuple[tuple[Equation, tuple[str, ...]], ...]:
    """Each equation of a telling identity, with the :data:`TWINS` cells it alone tells apart in its column
    (made once: :func:`untold_twins` runs on every document)."""
    out = []
    for eq in equations():
        if eq.code not in _TELLING or eq.name not in APPLICANT_COLUMNS:
            continue
        paths = tuple(f"applications.{row}.{eq.name}" for row, codes in TWINS.items() if eq.code in codes)
        if paths:
            out.append((eq, paths))
    return tuple(out)


_TOLD = _told()


def untold_twins(values: Mapping[str, object], disputed: Collection[str], unchecked: Collection[Equation]) -> list[str]:
    """The cells of the :data:`TWINS` rows, read and not disputed, in a column where an identity that alone tells
    them from their twin is broken or unchecked (see the module's docstring); ``values`` with a lone misprint's
    cell mended to the value the identities want (verify/misprint.py: it explains every break)."""
    unchecked = set(unchecked) if unchecked else ()     # (hashing an equation is not free: most documents have none)
    out = []
    for eq, paths in _TOLD:
        if holds(eq, values) and eq not in unchecked:  # type: ignore[arg-type]
            continue                                    # (it holds, checked: the twins are told apart)
        out.extend(p for p in paths if p in values and p not in disputed)
    return sorted(set(out))
