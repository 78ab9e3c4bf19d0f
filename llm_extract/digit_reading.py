"""A document whose tables' numbers the text layer decodes wrongly, read under the digit map its identities admit.

    extraction = digit_mapped_reading(doc, extraction)   # None: no map tried, or none / several admitted

The candidate maps and the text under each come from the reader
(:mod:`llm_extract.extract.digitcodes`): a map for each run of ten consecutive codes when the tables
print their numbers as glyph codes, control characters or letters (more such runs than digits), the
nine digit shifts when they print digits under which the identities break nearly everywhere. The
deterministic reader reads the text under each map; which reading stands is decided by
:func:`verify.digitmap.admitted` (one map keeps every identity, no other does), and its extraction
carries the map (``meta["digit_map"]``) so that settling marks its values derived
(:func:`verify.digitmap.mark_digit_mapped`).
"""

from __future__ import annotations

from dataclasses import replace

from ._exceptions import NotAReportError
from .evidence import CellKind, Extraction
from .extract import extract_regex
from .extract.digitcodes import SYMBOL_KINDS, DigitMap, code_maps, shift_maps, symbol_runs, translate
from .extract.regions import find_regions
from .ingest import Document
from .schema import TABLE3_PATHS, TABLE4_PATHS
from verify.digitmap import admitted, broken_nearly_everywhere

__all__ = ["digit_mapped_reading", "candidate_maps"]

_TABLES = frozenset(TABLE3_PATHS + TABLE4_PATHS)


def _table_span(doc: Document, extraction: Extraction | None) -> tuple[int, int] | None:
    """The lines from the first table's heading to the end of the last table (1-based, end excluded)."""
    if extraction is not None:
        spans = list((extraction.meta.get("regions") or {}).values())
    else:
        spans = [[r.start, r.end] for r in find_regions(doc.lines).values()]
    if not spans:
        return None
    return min(s[0] for s in spans), max(s[1] for s in spans)


def _mostly_unread(extraction: Extraction) -> bool:
    """Whether most cells of 表三 and 表四 were not read as printed."""
    unread = (CellKind.MISSING, CellKind.ABSENT, CellKind.TEXT)     # (text where a number belongs)
    kinds = [r.kind for p, r in extraction.readings.items() if p in _TABLES]
    return 2 * sum(1 for k in kinds if k not in unread) < len(_TABLES)


def candidate_maps(doc: Document, extraction: Extraction | None) -> tuple[list[DigitMap], tuple[int, int] | None]:
    """The digit maps worth trying on ``doc`` (given its reading as printed, None when no table read), and
    the lines they apply to."""
    span = _table_span(doc, extraction)
    if span is None:
        return [], None
    maps: list[DigitMap] = []
    if extraction is None or _mostly_unread(extraction):
        digits = len(symbol_runs(doc.lines, *span, "digits"))
        for kind in SYMBOL_KINDS:
            runs = symbol_runs(doc.lines, *span, kind)
            if len(runs) > digits:          # the tables print their numbers in symbols, not digits
                maps += code_maps(kind, runs)
    if not maps and extraction is not None and broken_nearly_everywhere(extraction):
        maps = shift_maps()
    return maps, span


def digit_mapped_reading(doc: Document, extraction: Extraction | None) -> Extraction | None:
    """The reading of ``doc`` under the one digit map the identities admit, with the map in its
    ``meta["digit_map"]``; None when no map is worth trying, or none or several are admitted."""
    maps, span = candidate_maps(doc, extraction)
    if not maps or span is None:
        return None
    readings: list[tuple[DigitMap, Extraction]] = []
    for digit_map in maps:
        lines = translate(doc.lines, *span, digit_map)
        try:
            readings.append((digit_map, extract_regex(replace(doc, text="\n".join(lines)))))
        except NotAReportError:
            continue
    chosen = admitted([r for _, r in readings])
    if chosen is None:
        return None
    digit_map, reading = readings[chosen]
    reading.meta["digit_map"] = digit_map.as_meta()
    return reading
