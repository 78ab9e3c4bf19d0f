"""Upper bounds of the cells not yet known, from the cells read and the identities: counts are never negative.

An equation ``sum(lhs) == sum(rhs)`` caps every cell of one side at the other side's bound less the read cells beside
it; caps carry from equation to equation (a 表三 outcome cell is at most its column's (七)总计, which is at most
一 + 二 of that column). A reading a derivation is offered (an OCR line ``103 0 3 66 64237``: ``64`` and ``237`` run
together) that puts a number above its cell's cap cannot be the table's, whatever the cells still lost hold: such
options are dropped before the search (:func:`verify.derive._settle`), and a group left with none is lost cells the
identities may pin. A bound is only ever an upper one: it proves nothing, it rules out.
"""

from __future__ import annotations

from collections.abc import Mapping

from .identities import Equation

__all__ = ["upper_bounds"]

#: rounds of carrying caps from equation to equation (表三: outcome ≤ 总计 ≤ 一 + 二 takes two)
_ROUNDS = 3


def upper_bounds(known: Mapping[str, int | None], eqs: Mapping[str, tuple[Equation, ...]]) -> dict[str, int]:
    """Path → the largest value a cell not in ``known`` can take while every equation can hold (a blank read
    counts 0); cells no equation caps are absent."""
    equations = {eq for found in eqs.values() for eq in found}
    caps: dict[str, int] = {}
    for _ in range(_ROUNDS):
        changed = False
        for eq in equations:
            for side, other in ((eq.lhs, eq.rhs), (eq.rhs, eq.lhs)):
                room = 0
                for p in other:
                    cap = (known[p] or 0) if p in known else caps.get(p)
                    if cap is None:
                        break
                    room += cap
                else:
                    room -= sum(known[p] or 0 for p in side if p in known)
                    for p in side:
                        if p not in known and room < caps.get(p, room + 1):
                            caps[p] = max(room, 0)
                            changed = True
        if not changed:
            break
    return caps
