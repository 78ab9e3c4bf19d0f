"""The joint search of cross-checking: which assignments of the disagreeing table fields' candidates keep every
identity that can be checked.

Fields whose two readings disagree are decided together where an identity links them (:func:`components`); over
each component every assignment of the candidates is walked, an identity checked the moment its last unknown
operand is chosen (:func:`search`), up to :data:`SEARCH_CAP` nodes. Pure: equations in, assignments out.
"""

from __future__ import annotations

from typing import Any

from .identities import Equation, equations_by_path

__all__ = ["search", "components", "SEARCH_CAP"]

SEARCH_CAP = 200_000            # search nodes per component


def search(fields: list[str], cands: dict[str, tuple[Any, Any]], fixed: dict[str, Any],
            eqs: list[Equation]) -> tuple[list[dict[str, Any]], bool]:
    """Assignments of the fields' candidates under which every checkable equation holds."""
    index = {p: i for i, p in enumerate(fields)}
    checks: dict[int, list[tuple[int, list[tuple[str, int]]]]] = {}
    for eq in eqs:
        if any(p not in fixed and p not in index for p in eq.paths):
            continue                                   # an operand unknown: not checkable
        base = sum((fixed[p] or 0) for p in eq.lhs if p in fixed) - sum((fixed[p] or 0) for p in eq.rhs if p in fixed)
        free = [(p, 1 if p in eq.lhs else -1) for p in eq.paths if p in index]
        checks.setdefault(max(index[p] for p, _ in free), []).append((base, free))
    solutions: list[dict[str, Any]] = []
    chosen: dict[str, Any] = {}
    nodes = 0
    capped = False

    def holds(i: int) -> bool:
        return all(base + sum(sign * (chosen[p] or 0) for p, sign in free) == 0 for base, free in checks.get(i, ()))

    def walk(i: int) -> None:
        nonlocal nodes, capped
        if capped:
            return
        if i == len(fields):
            solutions.append(dict(chosen))
            return
        p = fields[i]
        for value in dict.fromkeys(cands[p]):      # the two candidates (distinct)
            nodes += 1
            if nodes > SEARCH_CAP:
                capped = True
                return
            chosen[p] = value
            if holds(i):
                walk(i + 1)
            del chosen[p]

    walk(0)
    return solutions, capped


def components(conflicts: list[str]) -> list[list[str]]:
    by_path = equations_by_path()
    parent = {p: p for p in conflicts}

    def find(p: str) -> str:
        while parent[p] != p:
            parent[p] = parent[parent[p]]
            p = parent[p]
        return p
    for p in conflicts:
        for eq in by_path.get(p, ()):
            for q in eq.paths:
                if q in parent:
                    parent[find(q)] = find(p)
    groups: dict[str, list[str]] = {}
    for p in conflicts:
        groups.setdefault(find(p), []).append(p)
    return list(groups.values())
