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

Three things keep the search small. Tables are searched apart (no identity
joins two). Each option is first settled on its own: an equation among its
cells and read cells checks it or pins its one open cell (a row's total places
a lost cell at once), and refuted options go. And when every 表三 row is read
or offered as complete readings (glued digit runs, a lost cell placed by its
row total), :mod:`verify.rowsearch` walks the partial column sums instead of
the product of the rows' readings. Past its work cap the part is left missing
with ``capped`` set.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import product
from math import prod

from llm_extract.evidence import Ambiguity
from llm_extract.schema import APPLICATION_ROWS, TABLE3_ROW_PATHS, table_of

from .blankplace import place_blanks
from .bounds import upper_bounds
from .identities import Equation, equation_rank, equations_by_path, evaluate
from .rowsearch import DEFAULT_MAX_WORK, search_rows

__all__ = ["Derivation", "derive", "DEFAULT_SEARCH_CAP"]

DEFAULT_SEARCH_CAP = 50_000
#: cells visited by the propagation of one product search (all its combinations together; ~0.25 s):
#: past it the part is left open and ``capped``, so no document's search runs for seconds
DEFAULT_MAX_PROPAGATION = 150_000


@dataclass
class Derivation:
    """What the identities pin down."""

    values: dict[str, int] = field(default_factory=dict)           # derived path → value
    rules: dict[str, list[str]] = field(default_factory=dict)       # derived path → equations that pinned it
    unresolved: set[str] = field(default_factory=set)              # still unknown
    ambiguous: dict[int, list[list[int | None]]] = field(default_factory=dict)  # group index → surviving options
    combinations: int = 0                                          # combinations searched
    capped: bool = False                                           # the search cap was hit
    capped_paths: set[str] = field(default_factory=set)            # the cells left open by a capped search
    solutions: int = 0                                             # distinct surviving assignments
    placed: set[str] = field(default_factory=set)                  # pinned taking unprinted cells as empty
    blanks: set[str] = field(default_factory=set)                  # of those, placed empty (value 0 in the sums)
    shaped: set[str] = field(default_factory=set)                  # of those, placed by the table's shape


class _Contradiction(Exception):
    pass


def _propagate(values: dict[str, int | None], free: set[str],
               eqs: Mapping[str, tuple[Equation, ...]], work: list[int] | None = None) -> dict[str, set[Equation]]:
    """Solve what single equations force, in place. Returns path → equations used (described only
    when shown: building the text for every combination of a search was most of its time)."""
    used: dict[str, set[Equation]] = {}
    rank = equation_rank()
    pending = {eq for p in free for eq in eqs.get(p, ())}
    if work is not None:
        work[0] += len(free)
    while pending:
        progress = False
        for eq in sorted(pending, key=rank.__getitem__):     # the same order, and work, under any hash seed
            if work is not None:
                work[0] += len(eq.paths)
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
                    used.setdefault(p, set()).add(eq)
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
           search_cap: int = DEFAULT_SEARCH_CAP, blanks: bool = True) -> Derivation:
    """Pin lost cells by the identities; see the module docstring. ``blanks``: whether a search too large may be
    tried again with the cells 表三's rows did not print taken as empty (:mod:`verify.blankplace`); not where the
    table's numbers stand somewhere its rows did not take them."""
    ambiguities = ambiguities or []
    unknown = set(unknown)
    result = Derivation()
    if not unknown and not ambiguities:
        return result
    solutions = 1
    for part_unknown, indices in _components(unknown, ambiguities):
        part = _derive_part(known, part_unknown, [ambiguities[i] for i in indices], search_cap, blanks)
        result.values.update(part.values)
        result.rules.update(part.rules)
        result.unresolved |= part.unresolved
        result.ambiguous.update({indices[gi]: options for gi, options in part.ambiguous.items()})
        result.combinations += part.combinations
        result.capped |= part.capped
        result.placed |= part.placed
        result.blanks |= part.blanks
        result.shaped |= part.shaped
        if part.capped:
            result.capped_paths |= part.unresolved
        solutions *= part.solutions
    result.solutions = solutions
    return result


def _components(unknown: set[str], ambiguities: list[Ambiguity]) -> list[tuple[set[str], list[int]]]:
    """Independent parts: no identity joins two tables, so each table is searched on its own."""
    parts: dict[str, tuple[set[str], list[int]]] = {}
    for p in unknown:
        parts.setdefault(table_of(p), (set(), []))[0].add(p)
    for i, a in enumerate(ambiguities):
        parts.setdefault(table_of(a.paths[0]) if a.paths else "", (set(), []))[1].append(i)
    return [parts[k] for k in sorted(parts)]


def _settle(group: Ambiguity, base: Mapping[str, int | None], eqs: Mapping[str, tuple[Equation, ...]],
            bounds: Mapping[str, int] | None = None) -> Ambiguity:
    """Each option on its own: equations among the group's and read cells check it, or pin its one open cell;
    a cell above its ``bounds`` (:func:`verify.bounds.upper_bounds`: what the read cells leave room for) refutes it.

    An option an equation refutes is dropped; duplicates are merged (a row's own total,
    for example, places a lost cell at once).
    """
    inside = set(group.paths)
    local = {eq for p in group.paths for eq in eqs.get(p, ())
             if all(q in inside or q in base for q in eq.paths)}
    if not local and not bounds:
        return group
    settled: list[list[int | None]] = []
    for option in group.options:
        values: dict[str, int | None] = dict(zip(group.paths, option))
        open_ = {p for p, v in values.items() if v is None}
        ok, progress = True, True
        while ok and progress:
            progress = False
            for eq in local:
                unknown = [p for p in eq.paths if p in open_]
                if len(unknown) > 1:
                    continue
                get = lambda p: (values[p] if p in inside else base[p]) or 0  # noqa: E731
                rest = sum(get(p) for p in eq.lhs if p not in open_) - sum(get(p) for p in eq.rhs if p not in open_)
                if not unknown:
                    ok = rest == 0
                else:
                    value = -rest if unknown[0] in eq.lhs else rest
                    ok = value >= 0
                    values[unknown[0]] = value
                    open_.discard(unknown[0])
                    progress = True
                if not ok:
                    break
        if ok and bounds:
            ok = all(v is None or v <= bounds.get(p, v) for p, v in values.items())
        row = [values[p] for p in group.paths]
        if ok and row not in settled:
            settled.append(row)
    return group.model_copy(update={"options": settled})


def _derive_part(known: Mapping[str, int | None], unknown: set[str], ambiguities: list[Ambiguity],
                 search_cap: int, blanks: bool = True) -> Derivation:
    eqs = equations_by_path()
    targets = unknown | {p for a in ambiguities for p in a.paths}
    base = {p: v for p, v in known.items() if p not in targets}
    bounds = upper_bounds(base, eqs) if ambiguities else {}
    settled = [_settle(a, base, eqs, bounds) for a in ambiguities]
    if any(not a.options for a in settled):
        # no reading the extractor offered holds (two cells merged, a glued row that lost a blank):
        # the group's cells are simply unknown, and the other identities may still pin them
        keep = [i for i, a in enumerate(settled) if a.options]
        lost = {p for a in settled if not a.options for p in a.paths}
        part = _derive_part(known, unknown | lost, [ambiguities[i] for i in keep], search_cap, blanks)
        part.ambiguous = {keep[gi]: options for gi, options in part.ambiguous.items()}
        if any(not a.options and not _printable(offered, part.values) for a, offered in zip(settled, ambiguities)):
            # a digit run's cells pinned to numbers its digits cannot print (1000001 as seven 0s): the text breaks
            # an identity, no cell was lost; nothing of this part is derived
            return Derivation(unresolved=set(targets), combinations=part.combinations)
        return part
    offered, ambiguities = ambiguities, settled
    sizes = [len(a.options) for a in ambiguities]
    total = prod(sizes) if sizes else 1
    if total > 1:
        rows = _whole_rows(base, unknown, ambiguities)
        if rows is not None:
            return _by_rows(rows, ambiguities, targets, eqs)
    if total > search_cap:
        placed = _blanks_placed(base, unknown, offered, targets, eqs) if blanks else None
        return placed or Derivation(unresolved=set(targets), capped=True)
    found = _product(base, unknown, ambiguities, targets, eqs)
    if not found.capped:
        return found
    return (_blanks_placed(base, unknown, offered, targets, eqs) if blanks else None) or found


def _blanks_placed(base: Mapping[str, int | None], unknown: set[str], offered: list[Ambiguity],
                   targets: set[str], eqs: Mapping[str, tuple[Equation, ...]]) -> Derivation | None:
    """A search too large to finish, tried again with every cell a 表三 row did not print taken as empty
    (:mod:`verify.blankplace`): what it places is derived, the rest stays open."""
    placement = place_blanks(base, unknown, offered)
    if placement is None:
        return None
    result = Derivation(combinations=placement.work, solutions=1, ambiguous=placement.ambiguous,
                        unresolved=set(targets) - set(placement.values), placed=set(placement.values),
                        blanks={p for p, v in placement.values.items() if v is None}, shaped=placement.shaped)
    for p, v in placement.values.items():
        result.values[p] = v or 0
        result.rules[p] = sorted(eq.label for eq in eqs.get(p, ()))
    return result


def _cuts_of_run(group: Ambiguity) -> bool:
    """Whether a group's options are cuts of one digit run (its thousands separators aside), each printing every
    digit: readings of the same digits, so a cell they all give one value is pinned by the identities as a group's
    only reading is; readings of another kind (a rule glyph kept or dropped, a number joined or split) are
    interpretations of the text, and a cell they happen to agree on is left open with the rest."""
    run = group.raw.replace(",", "")
    return run.isdigit() and all("".join(str(v) for v in o if v is not None) == run and None not in o
                                 for o in group.options)


def _printable(group: Ambiguity, values: Mapping[str, int]) -> bool:
    """Whether values pinned for a group offered as the cuts of a digit run (every option prints its ``raw``) can
    be that run: their digits in order, a 0 perhaps not printed (an empty cell leaves no trace in a run). True for
    any other group, or one whose cells are not all pinned."""
    run = group.raw
    if not run.isdigit() or any(p not in values for p in group.paths) \
            or not all("".join(str(v) for v in o if v is not None) == run for o in group.options):
        return True
    cells = [str(values[p]) for p in group.paths]

    def fits(i: int, at: int) -> bool:
        if i == len(cells):
            return at == len(run)
        return (run.startswith(cells[i], at) and fits(i + 1, at + len(cells[i]))) \
            or (cells[i] == "0" and fits(i + 1, at))

    return fits(0, 0)


def _whole_rows(base: Mapping[str, int | None], unknown: set[str],
                ambiguities: list[Ambiguity]) -> dict[str, tuple[int, list[tuple[int, ...]]]] | None:
    """表三 as whole-row candidates (row → (group index or -1, readings)), when every row is read
    or offered complete; ``None`` when the row search does not apply."""
    if unknown:
        return None
    rows: dict[str, tuple[int, list[tuple[int, ...]]]] = {}
    for gi, a in enumerate(ambiguities):
        row = a.paths[0].split(".")[1] if a.paths[0].startswith("applications.") else ""
        full = _row_paths(row)
        # (a group may cover part of its row, the rest read: a glued run beside printed empty cells)
        if not set(a.paths) <= set(full) or row in rows or any(None in o for o in a.options) \
                or any(p not in a.paths and p not in base for p in full):
            return None
        rows[row] = (gi, [tuple(dict(zip(a.paths, o)).get(p, base.get(p)) for p in full)  # type: ignore[misc]
                          for o in a.options])
    for row in APPLICATION_ROWS:
        if row not in rows:
            paths = _row_paths(row)
            if any(p not in base for p in paths):
                return None
            rows[row] = (-1, [tuple(base[p] or 0 for p in paths)])
    return rows


def _row_paths(row: str) -> tuple[str, ...]:
    return TABLE3_ROW_PATHS.get(row, ())


def _by_rows(rows: dict[str, tuple[int, list[tuple[int, ...]]]], ambiguities: list[Ambiguity],
             targets: set[str], eqs: Mapping[str, tuple[Equation, ...]]) -> Derivation:
    found = search_rows({r: [tuple(v or 0 for v in o) for o in opts] for r, (_, opts) in rows.items()})
    if found is None:
        return Derivation(unresolved=set(targets), capped=True, combinations=DEFAULT_MAX_WORK)
    result = Derivation(combinations=found.work, solutions=found.solutions)
    if not found.solutions:
        result.unresolved = set(targets)
        return result
    for row, (gi, _) in rows.items():
        if gi < 0:
            continue
        group = ambiguities[gi]
        alive = [group.options[i] for i in sorted(found.feasible[row])]
        if len(alive) == 1:
            for p, v in zip(group.paths, alive[0]):
                result.values[p] = v if v is not None else 0
                result.rules[p] = sorted(eq.label for eq in eqs.get(p, ()))
        else:
            result.ambiguous[gi] = [list(o) for o in alive]
            result.unresolved |= set(group.paths)
    return result


def _product(base: Mapping[str, int | None], unknown: set[str], ambiguities: list[Ambiguity],
             targets: set[str], eqs: Mapping[str, tuple[Equation, ...]]) -> Derivation:
    """Every combination of the groups' options, each propagated and checked."""
    result = Derivation()
    touching = {eq for p in targets for eq in eqs.get(p, ())}
    sizes = [len(a.options) for a in ambiguities]
    # distinct surviving assignments of the targets ("?" = left open) → (combo, equations used)
    survivors: dict[tuple, tuple[tuple[int, ...], dict[str, set[Equation]]]] = {}
    work = [0]
    for combo in product(*(range(s) for s in sizes)):
        if work[0] > DEFAULT_MAX_PROPAGATION:      # bounded in work, not only in combinations
            return Derivation(unresolved=set(targets), capped=True, combinations=result.combinations)
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
            used = _propagate(values, free, eqs, work)
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
        # a group no identity checks (表二) is pinned by nothing: its one reading is a candidate, never derived
        if len(distinct) > 1 or any("?" in d for d in distinct) or not any(eqs.get(p) for p in group.paths):
            result.ambiguous[gi] = [[None if v == "?" else v for v in d] for d in distinct]
        if any("?" in d for d in distinct) or not any(eqs.get(p) for p in group.paths) \
                or (len(distinct) > 1 and not _cuts_of_run(group)):
            open_groups.add(gi)
    for p in sorted(targets):
        seen = {a[p] for a in assignments}
        # (a cell every surviving cut of a digit run gives one value is pinned, as any other: 表四's run
        # 1242087213143552729141549 read 124 2 0 87 213 14 3 5 5 27, then 29 1 4 15 49 or 29 14 1 5 49)
        in_open_group = any(p in ambiguities[gi].paths for gi in open_groups)
        if len(seen) == 1 and "?" not in seen and not in_open_group:
            value = seen.pop()
            result.values[p] = value if value is not None else 0
            # every equation the cell is in holds under the surviving reading: all are its evidence
            result.rules[p] = sorted(eq.label for eq in eqs.get(p, ()))
        else:
            result.unresolved.add(p)
    return result
