"""Derivation: fill lost cells only where the identities leave exactly one value.

Inputs are the known values (``path → int | None``), the unknown paths, and the
:class:`~llm_extract.evidence.Ambiguity` groups an extractor reported (for
example a 表三 row that shows six numbers for seven columns: each position of
the lost cell is one option). The solver tries every combination of options
(up to a cap), propagates the equations (one unknown left in an equation pins
it; unknowns on one side that must sum to 0 are all 0, since counts are never
negative), and keeps the combinations under which every equation touching the
unknowns holds. A cell is derived only when every surviving combination agrees
on it. A value that was read is never changed here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import product
from math import prod

from llm_extract.evidence import Ambiguity

from .identities import Equation, equations_by_path, evaluate

__all__ = ["Derivation", "derive", "DEFAULT_SEARCH_CAP"]

DEFAULT_SEARCH_CAP = 50_000


@dataclass
class Derivation:
    """What the identities pin down."""

    values: dict[str, int] = field(default_factory=dict)           # derived path → value
    rules: dict[str, list[str]] = field(default_factory=dict)       # derived path → equations that pinned it
    unresolved: set[str] = field(default_factory=set)              # still unknown
    ambiguous: dict[int, list[list[int | None]]] = field(default_factory=dict)  # group index → surviving options
    combinations: int = 0                                          # combinations searched
    capped: bool = False                                           # the search cap was hit
    solutions: int = 0                                             # distinct surviving assignments


class _Contradiction(Exception):
    pass


def _propagate(values: dict[str, int | None], free: set[str],
               eqs: Mapping[str, tuple[Equation, ...]]) -> dict[str, set[str]]:
    """Solve what single equations force, in place. Returns path → equation descriptions used."""
    used: dict[str, set[str]] = {}
    pending = {eq for p in free for eq in eqs.get(p, ())}
    while pending:
        progress = False
        for eq in list(pending):
            unknown = [p for p in eq.paths if p in free]
            if not unknown:
                pending.discard(eq)
                continue
            rest = sum((values[p] or 0) for p in eq.lhs if p not in free) - \
                sum((values[p] or 0) for p in eq.rhs if p not in free)
            signs = {1 if p in eq.lhs else -1 for p in unknown}
            if len(unknown) == 1 or (len(signs) == 1 and rest == 0):
                sign = signs.pop() if len(signs) == 1 else 1
                total = -rest * sign          # the unknowns on one side sum to this
                if total < 0 or (len(unknown) > 1 and total != 0):
                    raise _Contradiction(eq.describe())
                for p in unknown:
                    values[p] = total if len(unknown) == 1 else 0
                    free.discard(p)
                    used.setdefault(p, set()).add(eq.describe())
                    pending.update(eqs.get(p, ()))
                pending.discard(eq)
                progress = True
            elif len(signs) == 1 and -rest * signs.pop() < 0:
                raise _Contradiction(eq.describe())
        if not progress:
            break
    return used


def derive(known: Mapping[str, int | None], unknown: Iterable[str],
           ambiguities: list[Ambiguity] | None = None, *,
           search_cap: int = DEFAULT_SEARCH_CAP) -> Derivation:
    """Pin lost cells by the identities; see the module docstring."""
    ambiguities = ambiguities or []
    unknown = set(unknown)
    result = Derivation()
    if not unknown and not ambiguities:
        return result
    eqs = equations_by_path()
    group_paths = {p for a in ambiguities for p in a.paths}
    targets = unknown | group_paths
    touching = {eq for p in targets for eq in eqs.get(p, ())}

    sizes = [len(a.options) for a in ambiguities]
    total = prod(sizes) if sizes else 1
    if total > search_cap or any(s == 0 for s in sizes):
        result.capped = total > search_cap
        result.unresolved = set(targets)
        return result

    base = {p: v for p, v in known.items() if p not in targets}
    # distinct surviving assignments of the targets ("?" = left open) → (combo, equations used)
    survivors: dict[tuple, tuple[tuple[int, ...], dict[str, set[str]]]] = {}
    for combo in product(*(range(s) for s in sizes)):
        result.combinations += 1
        values: dict[str, int | None] = dict(base)
        free = set(unknown)
        for group, i in zip(ambiguities, combo):
            for p, v in zip(group.paths, group.options[i]):
                if v is None:
                    free.add(p)
                else:
                    values[p] = v
        try:
            used = _propagate(values, free, eqs)
        except _Contradiction:
            continue
        if any((s := evaluate(eq, values)) is not None and s[0] != s[1] for eq in touching):
            continue
        key = tuple(sorted((p, "?" if p in free else values[p]) for p in targets))
        survivors.setdefault(key, (combo, used))

    result.solutions = len(survivors)
    if not survivors:
        result.unresolved = set(targets)
        return result
    assignments = [dict(k) for k in survivors]
    open_groups = set()
    for gi, group in enumerate(ambiguities):
        distinct = sorted({tuple(a[p] for p in group.paths) for a in assignments}, key=str)
        if len(distinct) > 1 or any("?" in d for d in distinct):
            result.ambiguous[gi] = [[None if v == "?" else v for v in d] for d in distinct]
            open_groups.add(gi)
    for p in sorted(targets):
        seen = {a[p] for a in assignments}
        in_open_group = any(p in ambiguities[gi].paths for gi in open_groups)
        if len(seen) == 1 and "?" not in seen and not in_open_group:
            value = seen.pop()
            result.values[p] = value if value is not None else 0
            # every equation the cell is in holds under the surviving reading: all are its evidence
            result.rules[p] = sorted(eq.describe() for eq in eqs.get(p, ()))
        else:
            result.unresolved.add(p)
    return result
