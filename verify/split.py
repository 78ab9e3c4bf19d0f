"""Split-number diagnosis: a 表三 row whose numbers do not fit its seven columns.

PDF text splits numbers (``10`` printed as ``1 0``) and merges cells (``1`` and
``0`` of two columns printed as ``10``). When a row's raw numeric tokens are
one more than seven (or fewer), this module tries every way to *join* adjacent
tokens (``SPLIT.JOIN``) or to *unmerge* a token into two (``SPLIT.UNMERGE``) so
that the row has seven numbers, and checks each candidate against every
identity it takes part in whose other cells are known. A part never has a
leading zero (``0 5`` is not joined to ``05``). A row of eight numbers may instead hold one that is
no cell of it (a converter's hidden cell, a 序号): where leaving one out holds as well, nothing is
suggested. When exactly one candidate
makes every checkable identity hold, it is offered as a ``warning`` finding
with ``detail.suggested`` (path → value) and ``detail.evidence`` (the equations
that hold): a suggestion for the review queue, **never applied** to the values here.
(The reader also offers a row of eight or nine numbers as every join of neighbours, an
ambiguity the derivation settles like any other: a unique reading is ``derived`` and queued.)
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from itertools import combinations
from typing import Any

from llm_extract.evidence import CellKind, Finding, Record, Status
from llm_extract.schema import APPLICANT_COLUMNS, APPLICATION_ROWS

from .crossyear import known_values
from .identities import equations_by_path, evaluate
from .rules import register

__all__ = ["diagnose_row", "diagnose_record", "join_candidates", "unmerge_candidates"]

register("SPLIT.JOIN", "表三某行数字多于七个：合并相邻数字（“1 0”→10）后所有勾稽关系成立，建议人工确认",
         "a 表三 row has more than seven numbers; joining adjacent digits (\"1 0\" → 10) makes every identity hold")
register("SPLIT.UNMERGE", "表三某行数字少于七个：将一个数字拆为两格（“10”→1、0）后所有勾稽关系成立，建议人工确认",
         "a 表三 row has fewer than seven numbers; splitting one (\"10\" → 1, 0) makes every identity hold")

_WIDTH = len(APPLICANT_COLUMNS)
_ROW_PATHS = tuple((row, [f"applications.{row}.{c}" for c in APPLICANT_COLUMNS]) for row in APPLICATION_ROWS)
_MAX_EXTRA = 3          # at most three joins (or unmerges) per row


def _valid(part: str) -> bool:
    return part.isdigit() and (part == "0" or not part.startswith("0"))


def join_candidates(tokens: Sequence[str]) -> Iterator[tuple[list[int], list[list[int]]]]:
    """Every way to join adjacent tokens into seven numbers: ``(values, groups of token indices)``."""
    n = len(tokens)
    if not _WIDTH < n <= _WIDTH + _MAX_EXTRA:
        return
    for cuts in combinations(range(1, n), _WIDTH - 1):
        bounds = (0, *cuts, n)
        groups = [list(range(a, b)) for a, b in zip(bounds, bounds[1:])]
        parts = ["".join(tokens[i] for i in g) for g in groups]
        if all(_valid(p) for p in parts):
            yield [int(p) for p in parts], groups


def unmerge_candidates(tokens: Sequence[str]) -> Iterator[tuple[list[int], list[tuple[int, int]]]]:
    """Every way to split tokens into seven numbers: ``(values, [(token index, split position), ...])``."""
    need = _WIDTH - len(tokens)
    if not 0 < need <= _MAX_EXTRA:
        return
    slots = [(i, k) for i, t in enumerate(tokens) for k in range(1, len(t))]
    for chosen in combinations(slots, need):
        parts: list[str] = []
        for i, t in enumerate(tokens):
            cuts = [0, *sorted(k for j, k in chosen if j == i), len(t)]
            parts.extend(t[a:b] for a, b in zip(cuts, cuts[1:]))
        if all(_valid(p) for p in parts):
            yield [int(p) for p in parts], list(chosen)


def _holds(row: str, values: list[int], known: Mapping[str, int | None]) -> list[str] | None:
    """The equations that hold with ``values`` in ``row``; None when a checkable one breaks."""
    paths = [f"applications.{row}.{c}" for c in APPLICANT_COLUMNS]
    trial: dict[str, int | None] = {p: v for p, v in known.items() if p not in paths}
    trial.update(zip(paths, values))
    evidence: list[str] = []
    seen = set()
    index = equations_by_path()
    for p in paths:
        for eq in index.get(p, ()):
            if eq in seen:
                continue
            seen.add(eq)
            sides = evaluate(eq, trial)
            if sides is None:
                continue
            if sides[0] != sides[1]:
                return None
            evidence.append(eq.label)
    return evidence


def _tokens(raw: Sequence[str]) -> list[str] | None:
    out = [unicodedata.normalize("NFKC", t).strip() for t in raw]
    return out if out and all(t.isdigit() for t in out) else None


def diagnose_row(row: str, tokens: Sequence[str], known: Mapping[str, int | None],
                 lines: Sequence[int] = ()) -> list[Finding]:
    """A suggestion for one 表三 row's raw numeric tokens, or nothing (see the module docstring).

    ``known`` holds the other table values (path → value; absent = unknown); the row's own
    paths in it are ignored. Nothing is changed: the suggestion is a finding.
    """
    toks = _tokens(tokens)
    if row not in APPLICATION_ROWS or toks is None or len(toks) == _WIDTH:
        return []
    joining = len(toks) > _WIDTH
    survivors: list[tuple[list[int], Any, list[str]]] = []
    tried = 0
    for values, how in (join_candidates(toks) if joining else unmerge_candidates(toks)):
        tried += 1
        evidence = _holds(row, values, known)
        if evidence:
            survivors.append((values, how, evidence))
    if survivors and joining and len(toks) == _WIDTH + 1 and any(
            _holds(row, [int(t) for t in toks[:i] + toks[i + 1:]], known) for i in range(len(toks))):
        return []           # one of the numbers no cell of the row (a hidden cell, a 序号) holds as well
    if len(survivors) != 1:
        return []
    values, how, evidence = survivors[0]
    paths = [f"applications.{row}.{c}" for c in APPLICANT_COLUMNS]
    raw = " ".join(toks)
    if joining:
        what = ", ".join(f"“{' '.join(toks[i] for i in g)}” → {values[k]}" for k, g in enumerate(how) if len(g) > 1)
        code, change = "SPLIT.JOIN", {"groups": how}
    else:
        what = ", ".join(f"“{toks[i]}” → {toks[i][:k]} | {toks[i][k:]}" for i, k in how)
        code, change = "SPLIT.UNMERGE", {"splits": [list(s) for s in how]}
    return [Finding(
        code=code, severity="warning", paths=paths,
        message=f"表三 {row}: the row reads “{raw}” ({len(toks)} numbers for 7 columns); {what} is the only "
                f"reading under which every identity holds — a suggestion, not applied",
        detail={"suggested": dict(zip(paths, values)), "evidence": evidence, "tokens": toks,
                "candidates_tried": tried, "lines": list(lines), **change})]


def diagnose_record(record: Record) -> list[Finding]:
    """Suggestions for every 表三 row of a verified record that could not be read as seven cells.

    A row qualifies when none of its cells was read (their raw kind is missing) and the row's
    raw text has more or fewer than seven numbers. A join or unmerge is not offered when the
    identities already left other readings open (``DERIVE.AMBIGUOUS``) or pinned the row to
    different values.
    """
    known: dict[str, int | None] | None = None       # (worked out for the first row that qualifies)
    ambiguous = {p for f in record.findings if f.code == "DERIVE.AMBIGUOUS" for p in f.paths}
    out: list[Finding] = []
    provenance = record.provenance
    missing, derived_status = CellKind.MISSING, Status.DERIVED    # (an enum member's lookup is not free)
    for row, paths in _ROW_PATHS:
        provs = [provenance.get(p) for p in paths]
        if any(p is None or p.kind != missing or not p.raw for p in provs):
            continue
        if len({p.raw for p in provs if p}) != 1 or ambiguous & set(paths):
            continue
        if known is None:
            known = known_values(record)
        tokens = (provs[0].raw or "").split()  # type: ignore[union-attr]
        lines = sorted({n for p in provs if p for n in p.lines})
        for f in diagnose_row(row, tokens, known, lines):
            derived = {p: record.report.get(p) for p, pv in zip(paths, provs)
                       if pv is not None and pv.status == derived_status}
            if derived and any(f.detail["suggested"][p] != v for p, v in derived.items()):
                continue
            if derived:
                f.detail["agrees_with_derived"] = True
            out.append(f)
    return out
