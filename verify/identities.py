"""The identities a correct report satisfies, as linear equations over field paths.

Each identity family is a small pure function from values to violations.
Values are a mapping ``path → int | None``: ``None`` is a blank cell (0 in
sums); a path that is *absent* is unknown, and an equation with an unknown
operand is not checked (it is returned as unchecked, not as violated).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from llm_extract.evidence import Finding
from llm_extract.form import FORM, Identity
from llm_extract.schema import APPLICANT_COLUMNS, APPLICATION_ROWS, REVIEW_GROUPS

__all__ = [
    "Equation",
    "Values",
    "equations",
    "equation_rank",
    "equations_by_path",
    "equation_named",
    "spell_out",
    "evaluate",
    "holds",
    "t3_row_sum",
    "t3_column_sum",
    "t3_balance",
    "t4_group_sum",
    "IDENTITY_RULES",
    "check_identities",
]

Values = Mapping[str, "int | None"]


@dataclass(frozen=True)
class Equation:
    """``sum(lhs) == sum(rhs)``, one instance of an identity."""

    code: str
    name: str           # which instance: "new_received", "natural_person", ...
    lhs: tuple[str, ...]
    rhs: tuple[str, ...]

    def __post_init__(self) -> None:
        # A derivation hashes equations by the thousand (its sets and its rank table), describes them by
        # the thousand (its rules, verify/unprinted.py) and walks their paths: all three made once. The hash is the one the dataclass
        # would compute (the same sets, in the same order); __reduce__ remakes it in another process.
        short = lambda ps: " + ".join(p.split(".", 1)[1] for p in ps)  # noqa: E731
        object.__setattr__(self, "_hash", hash((self.code, self.name, self.lhs, self.rhs)))
        object.__setattr__(self, "_label", f"{self.code} [{self.name}]")
        object.__setattr__(self, "_description", f"{self._label}: {short(self.lhs)} = {short(self.rhs)}")
        object.__setattr__(self, "_paths", self.lhs + self.rhs)

    def __hash__(self) -> int:
        return self._hash      # type: ignore[attr-defined,no-any-return]

    def __reduce__(self) -> tuple[type[Equation], tuple[str, str, tuple[str, ...], tuple[str, ...]]]:
        return Equation, (self.code, self.name, self.lhs, self.rhs)

    @property
    def paths(self) -> tuple[str, ...]:
        return self._paths      # type: ignore[attr-defined,no-any-return]

    @property
    def label(self) -> str:
        """``T3.ROW_SUM [granted]``: which identity, which instance. A derivation names its evidence so
        (one cell's note, its finding and its review item each say it): the cells it sums are the form's
        (:func:`equation_named` spells it out), not repeated per cell in every output."""
        return self._label      # type: ignore[attr-defined,no-any-return]

    def describe(self) -> str:
        """The label with the equation spelt out: ``T3.ROW_SUM [granted]: granted.total = granted.natural_person + …``."""
        return self._description      # type: ignore[attr-defined,no-any-return]


def _a(row: str, col: str) -> str:
    return f"applications.{row}.{col}"


def _instances(identity: Identity) -> tuple[Equation, ...]:
    """The equations of one identity of the form (``llm_extract.form``), one per row, column or group."""
    code, lhs, rhs = identity.code, identity.lhs, identity.rhs
    if identity.kind == "row":
        return tuple(Equation(code, row, tuple(_a(row, c) for c in lhs), tuple(_a(row, c) for c in rhs))
                     for row in APPLICATION_ROWS)
    if identity.kind == "column":
        return tuple(Equation(code, col, tuple(_a(r, col) for r in lhs), tuple(_a(r, col) for r in rhs))
                     for col in APPLICANT_COLUMNS)
    if identity.kind == "group":
        return tuple(Equation(code, g, tuple(f"review_litigation.{g}.{c}" for c in lhs),
                              tuple(f"review_litigation.{g}.{c}" for c in rhs)) for g in REVIEW_GROUPS)
    raise ValueError(f"identity {code}: unknown kind {identity.kind!r}")


@cache
def _family(code: str) -> tuple[Equation, ...]:
    return next(_instances(i) for i in FORM.identities if i.code == code)


def _row_sum() -> tuple[Equation, ...]:
    return _family("T3.ROW_SUM")


def _column_sum() -> tuple[Equation, ...]:
    return _family("T3.COLUMN_SUM")


def _balance() -> tuple[Equation, ...]:
    return _family("T3.BALANCE")


def _group_sum() -> tuple[Equation, ...]:
    return _family("T4.GROUP_SUM")


@cache
def equations() -> tuple[Equation, ...]:
    """Every equation of every identity, in a fixed order."""
    return tuple(eq for identity in FORM.identities for eq in _instances(identity))


@cache
def equation_rank() -> dict[Equation, int]:
    """Each equation's place in :func:`equations`: a search that visits them in this order does the same work
    under any hash seed (a set of equations iterates in an order the seed chooses)."""
    return {eq: i for i, eq in enumerate(equations())}


@cache
def _by_label() -> dict[str, Equation]:
    return {eq.label: eq for eq in equations()}


def equation_named(label: str) -> Equation | None:
    """The equation a label (``T3.ROW_SUM [granted]``) names; None for a label no equation has."""
    return _by_label().get(label)


def spell_out(text: str) -> str:
    """``text`` with each equation label in it followed by its equation (for a reader: a record's notes and
    messages name a derivation's identities by label)."""
    return _LABEL.sub(lambda m: eq.describe() if (eq := equation_named(m.group(0))) else m.group(0), text)


_LABEL = re.compile(r"\b(?:T3|T4)\.[A-Z_]+ \[[a-z_]+\](?!:)")


@cache
def equations_by_path() -> dict[str, tuple[Equation, ...]]:
    index: dict[str, list[Equation]] = {}
    for eq in equations():
        for p in eq.paths:
            index.setdefault(p, []).append(eq)
    return {p: tuple(eqs) for p, eqs in index.items()}


def evaluate(eq: Equation, values: Values) -> tuple[int, int] | None:
    """Both sides of an equation, or ``None`` when an operand is unknown."""
    left = right = 0
    try:
        for p in eq.lhs:
            left += values[p] or 0
        for p in eq.rhs:
            right += values[p] or 0
    except KeyError:
        return None
    return left, right


def holds(eq: Equation, values: Values) -> bool:
    """Whether every operand of ``eq`` is known and the equation holds."""
    sides = evaluate(eq, values)
    return sides is not None and sides[0] == sides[1]


def _violation(eq: Equation, sides: tuple[int, int]) -> Finding:
    return Finding(code=eq.code, message=f"{eq.describe()} does not hold: {sides[0]} ≠ {sides[1]}",
                   paths=list(eq.paths), expected=sides[0], actual=sides[1], detail={"instance": eq.name})


def _violations(eqs: tuple[Equation, ...], values: Values) -> list[Finding]:
    out = []
    for eq in eqs:
        sides = evaluate(eq, values)
        if sides is not None and sides[0] != sides[1]:
            out.append(_violation(eq, sides))
    return out


def t3_row_sum(values: Values) -> list[Finding]:
    """表三, every row: total = the six applicant columns."""
    return _violations(_row_sum(), values)


def t3_column_sum(values: Values) -> list[Finding]:
    """表三, every column: total_processed = the 21 outcome rows."""
    return _violations(_column_sum(), values)


def t3_balance(values: Values) -> list[Finding]:
    """表三, every column: new_received + carried_over = total_processed + carried_forward."""
    return _violations(_balance(), values)


def t4_group_sum(values: Values) -> list[Finding]:
    """表四, every group: total = upheld + corrected + other + pending."""
    return _violations(_group_sum(), values)


IDENTITY_RULES = (t3_row_sum, t3_column_sum, t3_balance, t4_group_sum)


def check_identities(values: Values) -> tuple[list[Finding], list[Equation]]:
    """All violations, and the equations that could not be checked (an operand unknown)."""
    # one pass over every equation (the same verdicts as the IDENTITY_RULES, in their order)
    # (evaluate() inlined: this runs on every document, ~50 equations, most of them holding)
    findings: list[Finding] = []
    unchecked: list[Equation] = []
    for eq, lhs, rhs in _sides():
        left = right = 0
        try:
            for p in lhs:
                left += values[p] or 0
            for p in rhs:
                right += values[p] or 0
        except KeyError:
            unchecked.append(eq)
            continue
        if left != right:
            findings.append(_violation(eq, (left, right)))
    return findings, unchecked


@cache
def _sides() -> tuple[tuple[Equation, tuple[str, ...], tuple[str, ...]], ...]:
    """Every equation of :func:`equations` with its two sides."""
    return tuple((eq, eq.lhs, eq.rhs) for eq in equations())
