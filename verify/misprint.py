"""One misprinted cell of 表三, told apart from the cells whose identities it breaks.

A report misprints a cell now and then (a total one more than its parts, a cell typed twice). In 表三
every cell is in two or three identities (its row's total, its column's sum or its column's balance),
so a misprinted cell breaks each of them, and without more every cell of those rows and columns is
disputed: fifty fields of one report queued for one typo.

The broken identities meet in the misprinted cell. When exactly one read cell (a blank one too: a
number a converter pushed out of its cell leaves it blank), taken as lost, is pinned by the
identities to one value under which every identity of 表三 holds, that cell alone explains the
breaks: it stays as printed and disputed (the value the identities want is its candidate, rule
``T3.ONE_MISPRINT``), and the other cells of its rows and columns, which the identities check
without it, are settled as in a sound table. Where no one cell does, exactly one pair
of cells may (a subtotal misprinted and its row's total computed from it: the row holds, its two
columns break). Two or more such explanations, a break nothing that small mends, a 表三 with a lost or
ambiguous cell, or an OCR reading (verify/misread.py mends those) leave every cell of the broken
identities disputed.
表四's cells are each in one identity: a broken group cannot tell its misprinted cell and stays
disputed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import combinations

from llm_extract.evidence import Ambiguity, Finding, Reading
from llm_extract.schema import TABLE3_PATHS, TABLE3_ROW_PATHS

from .derive import derive
from .identities import check_identities
from .rules import register

__all__ = ["RULE", "Misprint", "lone_misprint", "disputing", "misprint_note", "apart_from_its_row"]

RULE = "T3.ONE_MISPRINT"
register(RULE, "表三此格一处印错即可解释所有不成立的勾稽关系：按原样保留并待复核（候选值为勾稽关系要求的值），同行同列其余单元格照常核对",
         "one misprinted 表三 cell explains every identity that does not hold: kept as printed and queued (its "
         "candidate is the value the identities want); the other cells of its row and column are checked without it")

_T3_CODES = ("T3.ROW_SUM", "T3.COLUMN_SUM", "T3.BALANCE")
_T3 = frozenset(TABLE3_PATHS)
#: read cells in broken identities looked at, at most (one misprint breaks three identities: ~20 cells)
_MAX_CANDIDATES = 60


@dataclass(frozen=True)
class Misprint:
    """The misprinted cells, as printed, and the values every identity holds with."""

    paths: tuple[str, ...]
    printed: tuple[int | None, ...]
    wanted: tuple[int, ...]


def apart_from_its_row(path: str, readings: Mapping[str, Reading]) -> bool:
    """Whether a 表三 cell was read from a line apart from its row, whose other cells stand several to a line
    (a page's number alone under a row, taken for its last cell): then it may be no cell of the row at all, and
    the row's other cells may have slid, so it explains nothing on its own. (A row printed a cell per line has
    no line of several cells.)"""
    r = readings.get(path)
    if r is None or path not in _T3 or not r.lines:
        return False
    row = TABLE3_ROW_PATHS[path.split(".")[1]]
    others = [set(o.lines) for q in row if q != path and (o := readings.get(q)) is not None and o.lines]
    if not others:
        return False
    shared = set.intersection(set(r.lines), *others)               # the label's line, on every cell's reading
    counts = Counter(line for lines in others for line in lines - shared)
    return any(n >= 2 for n in counts.values()) and not (set(r.lines) - shared) & set(counts)


def lone_misprint(known: Mapping[str, int | None], unknown: set[str], ambiguities: list[Ambiguity],
                  findings: list[Finding], *, search_cap: int) -> Misprint | None:
    """The fewest 表三 cells (one, or two: a subtotal misprinted and the total computed from it) that explain
    every broken 表三 identity, when exactly one set of that size does (see the module docstring); else None."""
    broken = [f for f in findings if f.code in _T3_CODES]
    if not broken or len(broken) != len([f for f in findings if f.code.startswith("T3.")]):
        return None
    if any(p in _T3 for p in unknown) or any(p in _T3 for a in ambiguities for p in a.paths):
        return None
    # a blank cell is a candidate too: a number lost from its cell (pushed to a line of its own, dropped by a
    # converter) looks like a blank, and a blank pair that explains the breaks as well as a printed pair leaves
    # two explanations
    cells = sorted({p for f in broken for p in f.paths if p in known})
    if len(cells) > _MAX_CANDIDATES:
        return None
    within = {p: frozenset(i for i, f in enumerate(broken) if p in f.paths) for p in cells}
    every = frozenset(range(len(broken)))
    for size in (1, 2):
        found: list[Misprint] = []
        for lost in combinations(cells, size):
            if frozenset().union(*(within[p] for p in lost)) != every:
                continue                # a broken identity none of them is in: no explanation
            misprint = _pinned(known, lost, search_cap)
            if misprint is not None:
                found.append(misprint)
                if len(found) > 1:
                    return None
        if found:
            return found[0]
    return None


def _pinned(known: Mapping[str, int | None], lost: tuple[str, ...], search_cap: int) -> Misprint | None:
    """``lost`` taken as lost: the identities pin each to one value other than the printed one, and every
    identity of 表三 holds then."""
    rest = {p: v for p, v in known.items() if p not in lost}
    derivation = derive(rest, set(lost), search_cap=search_cap)
    if derivation.solutions != 1 or derivation.capped or any(p not in derivation.values for p in lost):
        return None
    wanted = tuple(derivation.values[p] for p in lost)
    if any(w == known[p] for p, w in zip(lost, wanted)):
        return None                     # one of them is printed right: a smaller set explains the breaks
    values = dict(rest)
    values.update(zip(lost, wanted))
    if any(f.code.startswith("T3.") for f in check_identities(values)[0]):
        return None
    return Misprint(lost, tuple(known[p] for p in lost), wanted)


def disputing(findings: list[Finding], misprint: Misprint | None) -> dict[str, list[str]]:
    """Path → the codes of the broken identities that dispute it: every cell of a broken identity; where one
    misprint explains 表三's breaks, of 表三's cells that one alone (its codes and :data:`RULE`)."""
    out: dict[str, list[str]] = {}
    for f in findings:
        for p in f.paths:
            if misprint is None or f.code not in _T3_CODES or p in misprint.paths:
                out.setdefault(p, []).append(f.code)
    for p in misprint.paths if misprint is not None else ():
        out.setdefault(p, []).append(RULE)
    return out


def misprint_note(misprint: Misprint, path: str) -> str:
    """What the review shows of one misprinted cell."""
    i = misprint.paths.index(path)
    other = [p.split(".", 1)[1] for p in misprint.paths if p != path]
    printed = "blank" if misprint.printed[i] is None else misprint.printed[i]
    return (f"printed {printed}, which breaks every identity the cell is in"
            + (f" (with {other[0]})" if other else "") + "; no other cell explains it; every identity of 表三 "
            f"holds with {misprint.wanted[i]} (a misprint?)")
