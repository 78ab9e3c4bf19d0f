"""Which digit map the identities admit, and what the values read under it are.

A PDF whose tables' numbers are set in a font the text layer does not decode (glyph codes without a
ToUnicode map, a single-byte font read in the wrong code page, a shifted ToUnicode map: see
``llm_extract/extract/digitcodes.py``) can be read under each candidate map. The form's identities
are the test: a map is **admitted** when the tables read under it keep every identity of 表三 and
表四 that can be checked, at least :data:`MIN_NONTRIVIAL` of them with a sum that is not 0 (an
all-zero table holds under any map that sends its one code to 0, and proves nothing), and no other
candidate does so (:func:`admitted`). Two surviving maps admit none: the document is then treated
as if no map had been tried (refused with OCR advice, or read as printed and queued).

The values read under an admitted map are ``derived``, never ``proven`` (rule ``DERIVE.DIGIT_MAP``,
:func:`mark_digit_mapped`): the map is an inference from the identities, not a reading of the text.
Each keeps the printed symbols as a candidate, and the record carries a finding naming the map.
表二 is in no identity: its cells under the map (proven by 表三 and 表四) are derived too.

A document whose digits decode but whose identities break nearly everywhere (more than half of
those checked, at least :data:`SHIFT_MIN_BREAKS`) may have a shifted ToUnicode map: the caller
then tries the nine shifts (:func:`broken_nearly_everywhere`).
"""

from __future__ import annotations

from collections.abc import Sequence

from llm_extract.evidence import CellKind, Extraction, Finding, Record, Status
from llm_extract.schema import DISCLOSURE_PATHS, TABLE3_PATHS, TABLE4_PATHS

from .decide import verify_extraction
from .identities import check_identities, equations, evaluate
from .rules import register

__all__ = ["RULE", "MIN_NONTRIVIAL", "SHIFT_MIN_BREAKS", "admits", "survivors", "admitted",
           "broken_nearly_everywhere", "mark_digit_mapped"]

RULE = "DERIVE.DIGIT_MAP"
register(RULE, "PDF 文字层未正确解码表格数字（字体缺少 ToUnicode 映射或映射错位）：唯一使表三、表四全部勾稽关系成立的数字映射下读出的值",
         "the PDF's text layer does not decode the tables' digits (a font without a ToUnicode map, or a shifted one): "
         "the value read under the one digit map that makes every identity of 表三 and 表四 hold")
#: identities that must hold with a sum other than 0 under an admitted map
MIN_NONTRIVIAL = 3
#: broken identities from which a text whose digits decode is read under the shifted maps too
SHIFT_MIN_BREAKS = 4
_IDENTITY_CODES = frozenset(eq.code for eq in equations())
_CHECKED = frozenset(TABLE3_PATHS + TABLE4_PATHS)
_MAPPED = frozenset(DISCLOSURE_PATHS + TABLE3_PATHS + TABLE4_PATHS)
_UNDECODABLE_NOTICE = "INGEST.UNDECODABLE_TEXT"


def _known(extraction: Extraction) -> dict[str, int | None]:
    missing, absent = CellKind.MISSING, CellKind.ABSENT
    return {p: r.value for p, r in extraction.readings.items()     # type: ignore[misc]
            if p in _CHECKED and r.kind is not missing and r.kind is not absent}


def admits(extraction: Extraction) -> bool:
    """Whether the tables read under a candidate map keep every identity that can be checked, at least
    :data:`MIN_NONTRIVIAL` of them with a sum other than 0 over cells read (not pinned)."""
    known = _known(extraction)
    if check_identities(known)[0]:      # a cell read under the map breaks one: no need to derive
        return False
    # (checked on the cells read: a cell the derivation pins keeps its identities by construction)
    nontrivial = sum(1 for eq in equations() if (sides := evaluate(eq, known)) is not None and sides[0] != 0)
    if nontrivial < MIN_NONTRIVIAL:
        return False
    record = verify_extraction(extraction)            # the cells not read: pinned, or left lost, never breaking one
    return not any(f.code in _IDENTITY_CODES for f in record.findings)


def survivors(candidates: Sequence[Extraction]) -> list[int]:
    """The indices of the candidate readings (one per map) whose tables keep every identity (:func:`admits`)."""
    return [i for i, c in enumerate(candidates) if admits(c)]


def admitted(candidates: Sequence[Extraction]) -> int | None:
    """The index of the one candidate reading the identities admit; None when none or several survive."""
    alive = survivors(candidates)
    return alive[0] if len(alive) == 1 else None


def broken_nearly_everywhere(extraction: Extraction) -> bool:
    """Whether a reading breaks more than half of the identities it lets be checked, and at least
    :data:`SHIFT_MIN_BREAKS` (a misprint breaks three at most): digits that may all be shifted."""
    findings, unchecked = check_identities(_known(extraction))
    checked = len(equations()) - len(unchecked)
    return len(findings) >= SHIFT_MIN_BREAKS and 2 * len(findings) > checked


def _printed(meta: dict, raw: str | None) -> str | None:
    if raw is None:
        return None
    table = meta.get("printed") or {}
    return "".join(table.get(ch, ch) for ch in raw)


def mark_digit_mapped(record: Record, deterministic: Extraction | None) -> Record:
    """The record of a reading made under an admitted digit map (``deterministic.meta["digit_map"]``):
    every table value read is ``derived`` (a status below proven is kept), with :data:`RULE`, the printed
    symbols as a candidate, and a finding naming the map; any other record as it is."""
    meta = deterministic.meta.get("digit_map") if deterministic is not None else None
    if not meta:
        return record
    provenance = dict(record.provenance)
    marked = []
    for path in _MAPPED:
        prov = provenance.get(path)
        if prov is None or prov.status is Status.MISSING:
            continue
        value = record.report.get(path)
        printed = _printed(meta, prov.raw)
        status = Status.DERIVED if prov.status is Status.PROVEN else prov.status
        provenance[path] = prov.model_copy(update={
            "status": status, "rules": [RULE] + [r for r in prov.rules if r != RULE],
            "candidates": dict(prov.candidates) | {"digit_map": value}
            | ({"printed": printed} if printed is not None else {}),
            "note": f"printed {printed!r}, read as {value} under the one digit map every identity admits "
                    f"(the document's {RULE} finding names it)"})
        marked.append(path)
    findings = [_reworded(f) for f in record.findings]
    findings.append(Finding(code=RULE, severity="warning", paths=[],
                            message=f"{meta['description']}: every identity of 表三 and 表四 holds under this map "
                                    "and under no other; the values read under it are derived, never proven",
                            detail={"map": {k: v for k, v in meta.items() if k != "description"},
                                    "fields": len(marked)}))
    return record.model_copy(update={"provenance": provenance, "findings": findings})


def _reworded(finding: Finding) -> Finding:
    """Ingest's notice of an undecodable text layer, which says no number was read: they were, under the map."""
    if finding.code != _UNDECODABLE_NOTICE or ": no number was read" not in finding.message:
        return finding
    head = finding.message.split(": no number was read", 1)[0]
    return finding.model_copy(update={"message": f"{head}: the tables' numbers were read under a digit map the "
                                                 f"identities admit ({RULE}), derived and queued for review"})
