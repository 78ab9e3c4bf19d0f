"""Misread cells of 表三 in an OCR reading, found and pinned by the identities.

An OCR engine misreads a digit now and then (``0`` read as ``8``, ``30`` as ``308``, a digit
dropped, or two side by side: a box cut short). In 表三 every cell is in two or three identities (its row's total, its column's sum or
balance), so a misread cell breaks each of them, and the broken identities meet in it. The cells
in two or more broken identities are the suspects, and those in one whose other identities hold a
lost cell, so cannot be checked (a cell printed as letters only, ``O``, is taken
at its likely value to see which identities break). The fewest suspects (one to
:data:`MAX_MISREADS`) that, taken as lost, the identities pin to values that each an OCR engine
could have misread as the printed text (:func:`ocr_confusion`) and under which every identity
holds are the misread cells: exactly one such set, or nothing is mended. Their values are the
ones the identities pin (``derived``: queued for review, the reading kept as a candidate, rule
``DERIVE.MISREAD``), and the other cells of their rows and columns, which the identities now check,
are proven as in any sound table.

A pinned value no misreading explains (off by one: 3 printed for 2; a wrong total) is a misprint:
it is kept as printed (and disputed), while the other suspects the identities pin with every
suspect lost are mended. Only a text read by OCR is mended at all: a born-digital report that breaks
its identities is misprinted, kept as printed and disputed. 表四's cells are each in one identity:
no two broken identities meet there, and a broken group stays disputed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations

from llm_extract.evidence import Ambiguity, CellKind, Extraction, Finding

from .derive import Derivation, derive
from .identities import check_identities, equations_by_path
from .survey import Survey
from .trust import read_by_ocr

__all__ = ["RULE", "Misread", "Mended", "mend_misreads", "ocr_misread", "ocr_confusion", "misread_note",
           "MAX_SUSPECTS", "CONFUSABLE"]

RULE = "DERIVE.MISREAD"
#: read cells taken as lost at most (those in two broken identities): three misreads make nine
MAX_SUSPECTS = 12
#: misread cells looked for at most in one table
MAX_MISREADS = 3
_T3 = ("T3.ROW_SUM", "T3.COLUMN_SUM", "T3.BALANCE")
#: digits an OCR engine reads for one another (closed loops, a stroke more or less); not neighbours in
#: counting (2 and 3, 0 and 1): a value off by one is a misprint
CONFUSABLE = frozenset(frozenset(pair) for pair in ("08", "06", "09", "17", "38", "56", "68", "89", "27", "49"))


@dataclass(frozen=True)
class Misread:
    """One misread cell: its reading and the value the identities pin it to."""

    path: str
    read: int | None
    value: int


@dataclass(frozen=True)
class Mended:
    """The misread cells and the derivation that pinned them (with every other lost cell)."""

    cells: list[Misread]
    derivation: Derivation


def ocr_confusion(raw: str, value: int) -> bool:
    """Whether an OCR engine reads ``value`` as the printed ``raw``: one digit read as another of like
    shape (:data:`CONFUSABLE`: 0 as 8, 1 as 7, 6 as 5), one digit dropped or added (30 as 308, 12
    as 2, 0 as 07), or two digits side by side dropped (135 as 5: RapidOCR's box of a speckled scan's
    (七)总计 cut short). A cell off by one (3 for 2, 171 for 170) or a wrong total (19 for 9, 28 for 18) is
    a misprint, no misreading."""
    read, true = "".join(ch for ch in raw if ch.isdigit()), str(value)
    if len(read) == len(true):
        diff = [(a, b) for a, b in zip(read, true) if a != b]
        return len(diff) == 1 and frozenset(diff[0]) in CONFUSABLE
    short, long_ = sorted((read, true), key=len)
    if len(long_) - len(short) == 2 and len(read) < len(true) and read:     # a box cut short: two digits lost
        return any(true[:i] + true[i + 2:] == read for i in range(len(true) - 1))
    if len(long_) - len(short) != 1:
        return False
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _suspects(values: Mapping[str, int | None], cells: Mapping[str, int | None]) -> list[str]:
    """The read cells (of ``cells``) in two or more broken 表三 identities (every 表三 cell is in two or
    three), or in one whose other identities cannot be checked (a lost cell in each)."""
    findings, unchecked = check_identities(values)
    count: dict[str, int] = {}
    for f in findings:
        if f.code in _T3:
            for p in f.paths:
                count[p] = count.get(p, 0) + 1
    open_: dict[str, int] = {}
    for eq in unchecked:
        if eq.code in _T3:
            for p in eq.paths:
                open_[p] = open_.get(p, 0) + 1
    by_path = equations_by_path()
    return sorted(p for p, n in count.items()
                  if p in cells and (n >= 2 or n + open_.get(p, 0) == len(by_path.get(p, ()))))


def _pin(known: Mapping[str, int | None], suspects: list[str], unknown: set[str], ambiguities: list[Ambiguity],
         search_cap: int) -> Derivation | None:
    """The derivation with the suspects taken as lost, where it pins every one of them; else None."""
    rest = {p: v for p, v in known.items() if p not in suspects}
    derivation = derive(rest, unknown | set(suspects), ambiguities, search_cap=search_cap)
    if derivation.solutions != 1 or derivation.capped or any(p not in derivation.values for p in suspects):
        return None
    return derivation


def mend_misreads(known: Mapping[str, int | None], guesses: Mapping[str, int], unknown: set[str],
                  ambiguities: list[Ambiguity], raws: Mapping[str, str | None], *, search_cap: int) -> Mended | None:
    """The misread 表三 cells (see the module docstring), or None where the identities do not settle
    them. ``guesses`` are the cells printed as letters only (``O``), taken at their likely value to
    see which identities break, and left lost for the derivation; ``raws`` the read cells' printed texts."""
    seen: dict[str, int | None] = dict(known)
    seen.update(guesses)
    suspects = _suspects(seen, known)
    if not suspects or len(suspects) > MAX_SUSPECTS:
        return None

    def misread(path: str, derivation: Derivation) -> Misread:
        return Misread(path, known[path], derivation.values[path])

    def confusion(cell: Misread) -> bool:
        return ocr_confusion(raws.get(cell.path) or str(cell.read or 0), cell.value)

    def holds(derivation: Derivation, lost: Iterable[str], kept: set[str] = set()) -> bool:
        values: dict[str, int | None] = {p: v for p, v in known.items() if p not in lost}
        values.update(derivation.values)
        return not any(f.code in _T3 and kept.isdisjoint(f.paths) for f in check_identities(values)[0])

    # the fewest cells whose misreading explains every broken identity: one such set, or none
    for size in range(1, min(MAX_MISREADS, len(suspects)) + 1):
        found: list[Mended] = []
        for lost in combinations(suspects, size):
            derivation = _pin(known, list(lost), unknown, ambiguities, search_cap)
            if derivation is None:
                continue
            cells = [misread(p, derivation) for p in lost]
            if all(c.value != (c.read or 0) and confusion(c) for c in cells) and holds(derivation, lost):
                found.append(Mended(cells, derivation))
        if len(found) > 1:
            return None
        if found:
            return found[0]
    # none: a cell no misreading explains is a misprint, kept as printed (disputed); the others the
    # identities pin with every suspect lost are mended
    derivation = _pin(known, suspects, unknown, ambiguities, search_cap)
    if derivation is None:
        return None
    changed = [misread(p, derivation) for p in suspects if derivation.values[p] != (known[p] or 0)]
    kept = {c.path for c in changed if not confusion(c)}
    cells = [c for c in changed if c.path not in kept]
    for p in suspects:                 # read right, or misprinted: read as printed
        if p in kept or derivation.values[p] == (known[p] or 0):
            del derivation.values[p]
            derivation.rules.pop(p, None)
    if not kept or not holds(derivation, [c.path for c in cells], kept):
        return None
    return Mended(cells, derivation)


def ocr_misread(extraction: Extraction, known: Mapping[str, int | None], unknown: set[str],
                derivation: Derivation, findings: list[Finding], *, search_cap: int,
                survey: Survey | None = None) -> Mended | None:
    """:func:`mend_misreads` of a document read by OCR (pages under an OCR layer, or cells whose digits
    were printed as letters, :func:`verify.trust.read_by_ocr`) whose 表三 breaks its identities, or
    leaves the derivation no solution (``findings``: the identities broken by the reading and the
    derivation); None for any other document. (``survey``: of its readings, verify/survey.py, where known.)"""
    if derivation.solutions and not any(f.code in _T3 for f in findings):
        return None
    if not read_by_ocr(extraction, survey):
        return None
    guesses = {p: r.value for p, r in extraction.readings.items()
               if p in unknown and r.kind is CellKind.MISSING and isinstance(r.value, int)}
    raws = {p: r.raw for p, r in extraction.readings.items() if p in known}
    return mend_misreads(known, guesses, unknown, extraction.ambiguities, raws, search_cap=search_cap)


def misread_note(misread: Misread) -> str:
    """What the review shows of a mended cell."""
    return (f"read as {misread.read}, which breaks every identity the cell is in and no other; "
            f"the identities pin {misread.value} (an OCR misread?)")
