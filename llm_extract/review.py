"""The review queue: one item per field (or finding) a person must look at.

Every field that is not ``proven`` becomes an item: missing, derived, resolved,
disputed, unverified. Every finding of severity error/warning that names no
such field (a narrative mismatch, a cross-year link, a suggestion) becomes one
too. An item carries the document id, the field path, the candidates with their
sources, the rule codes, and the source lines (numbers and text).

An item's ``id`` depends on the document id and the field path only (or, for a
document-level item, the finding's code and the fields it names): re-running the same
input, or deciding other items, never changes it. Findings with the same code and fields
are one item. Reviewer decisions (:mod:`llm_extract.decisions`) remove an item: a field
by its value, a finding by an acknowledgement (``keep``). A decision that could not be
applied is shown on its item (``decision``: stale or invalid).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from typing import Any

from pydantic import BaseModel, Field

from .evidence import TRUSTED_STATUSES, FieldProvenance, Finding, Record, Status
from .form import FORM
from .schema import table_of

__all__ = ["ReviewItem", "SourceLine", "review_items", "item_id", "finding_key", "is_acknowledged",
           "unacknowledged"]

_QUEUED = frozenset(Status) - TRUSTED_STATUSES
_MAX_LINE_CHARS = 300
_T3_LABELS = {r.key: r.label for r in FORM.table3_rows}


class SourceLine(BaseModel):
    n: int
    text: str


class ReviewItem(BaseModel):
    id: str
    doc_id: str
    path: str                              # field path, or "" for a document-level finding
    table: str                             # meta, 表二, 表三, 表四
    status: str                            # the field's status, or the finding's severity
    value: Any = None                      # the value in the output record
    candidates: list[dict[str, Any]] = Field(default_factory=list)  # [{"source": "regex", "value": 5}, ...]
    rules: list[str] = Field(default_factory=list)
    message: str = ""
    kind: str | None = None                # the raw cell's kind (number, blank, placeholder, ...)
    raw: str | None = None
    source_lines: list[SourceLine] = Field(default_factory=list)
    finding: str | None = None             # the finding key of a finding item (what ``keep`` acknowledges)
    decision: dict[str, Any] | None = None  # a decision on this item that is not applied (stale, invalid)


def item_id(doc_id: str, key: str) -> str:
    """The stable id of an item: ``key`` is a field path, or ``finding:`` + :func:`finding_key`."""
    payload = json.dumps([doc_id, key], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def finding_key(f: Finding) -> str:
    """A finding's code, the fields it names and the two values it compared (``T3.ROW_SUM@…=12≠13``): what
    identifies it across runs. Acknowledging it (``keep``) accepts that mismatch: a later, different one on the
    same fields (a re-read table, last year's report corrected) is another finding, to be reviewed again."""
    key = f"{f.code}@{','.join(f.paths)}" if f.paths else f.code
    return key if f.expected is None and f.actual is None else f"{key}={f.expected}≠{f.actual}"


def is_acknowledged(key: str, acknowledged: Mapping[str, Any]) -> bool:
    """Is the finding of ``key`` acknowledged: by its key, or by the key without its values (an acknowledgement
    recorded before keys held them, which accepted any mismatch on those fields, as it always had)."""
    return key in acknowledged or key.split("=", 1)[0] in acknowledged


def unacknowledged(record: Mapping[str, Any], items: Iterable[Mapping[str, Any]]) -> list[Any]:
    """The review items (dicts) whose finding the record's (a record dict's) decisions have not acknowledged."""
    acknowledged = (record.get("stages", {}).get("review") or {}).get("acknowledged") or {}
    return [i for i in items if not is_acknowledged(str(i.get("finding")), acknowledged)]


_DECISION_CODES = ("REVIEW.STALE", "REVIEW.INVALID_DECISION")


def _decision(findings: list[Finding]) -> dict[str, Any] | None:
    for f in findings:
        if f.code in _DECISION_CODES:
            return {"problem": f.code, "message": f.message, **f.detail}
    return None


def _anchor(line: str, path: str, raw: str | None) -> int:
    """Where a line too long to show whole is shown from (a crawler's dump holds the whole article on one
    line, its chrome first): the field's 表三 row label with the cell's text right after it, else the
    cell's text where printed once, else the line's start."""
    parts = path.split(".")
    label = _T3_LABELS.get(parts[1]) if len(parts) == 3 and parts[0] == "applications" else None
    if label and label in line:
        at = line.find(label)
        while at >= 0 and raw and raw not in line[at + len(label):at + len(label) + len(raw) + 40]:
            at = line.find(label, at + 1)
        return at if at >= 0 else line.find(label)
    if raw and line.count(raw) == 1:
        return line.index(raw)
    return 0


def _source_lines(numbers: list[int], lines: list[str], path: str = "", raw: str | None = None) -> list[SourceLine]:
    out = []
    for n in sorted(set(numbers))[:12]:
        if 0 < n <= len(lines):
            text = lines[n - 1].replace("\t", " ⇥ ")
            start = max(0, _anchor(text, path, raw) - 20) if len(text) > _MAX_LINE_CHARS else 0
            shown = text[start:start + _MAX_LINE_CHARS]
            out.append(SourceLine(n=n, text=("…" if start else "") + shown
                                  + ("…" if start + _MAX_LINE_CHARS < len(text) else "")))
    return out


def _candidates(path: str, prov: FieldProvenance, value: Any,
                findings: list[Finding]) -> list[dict[str, Any]]:
    if prov.candidates:
        return [{"source": k, "value": v} for k, v in prov.candidates.items()]
    if prov.status != Status.MISSING:
        return [{"source": prov.source or "regex", "value": value}]
    out: list[dict[str, Any]] = []
    source = "identities" if table_of(path) != "表二" else "regex"     # (表二: no identity checks its readings)
    for f in findings:  # readings that survive the identities (an ambiguous row)
        if f.code == "DERIVE.AMBIGUOUS" and path in f.paths:
            j = f.paths.index(path)
            for v in sorted({row[j] for row in f.detail.get("candidates", [])}, key=str):
                out.append({"source": source, "value": v})
    return out


#: unverified for a reason the field's note tells (verify/guesses.py, verify/trust.py)
_NOTED = frozenset({"READ.ONE_CUT", "READ.OCR_TEXT", "READ.OCR_NAME", "READ.AGENCY_NAME", "READ.OCR_YEAR", "READ.ABOVE_OR_BELOW"})
_MISREAD = "DERIVE.MISREAD"
_AMBIGUOUS = "DERIVE.AMBIGUOUS"
_DIGIT_MAP = "DERIVE.DIGIT_MAP"
_NARRATIVE = "DERIVE.NARRATIVE"
_UNCHECKED = "READ.UNCHECKED"
#: a narrative check's rule on a field it left unverified (verify/narrative.py, distrust_contradicted): the check
#: failed on a cell of an identity the field is in; the rule's text names the check, which does not hold
_NARR = "NARR."
_CONTRADICTED = "the narrative contradicts a cell of an identity it is in (failed check: {})"


def _reasons(rules: list[str]) -> str:
    """What the rules that left a field unverified say, other than an identity left unchecked (the message
    below): a guess about the layout, a noisy text, … is no missing cell, and the reviewer must know which."""
    from verify.rules import RULES      # (not at the top: verify.narrative imports this module)

    return "; ".join(_CONTRADICTED.format(RULES[r].en) if r.startswith(_NARR) else RULES[r].en
                     for r in rules if r != _UNCHECKED and r in RULES)


def _message(path: str, prov: FieldProvenance, findings: list[Finding]) -> str:
    related = [f.message for f in findings if f.severity in ("error", "warning")][:3]
    if prov.status == Status.DERIVED and _MISREAD in prov.rules:     # read, but misread (verify/misread.py)
        base = f"an OCR misreading? {prov.note}"
    elif prov.status == Status.DERIVED and _DIGIT_MAP in prov.rules:     # read under a digit map (verify/digitmap.py)
        base = f"the text layer does not decode the digits: {prov.note}"
    elif prov.status == Status.DERIVED and _NARRATIVE in prov.rules:    # a split only the prose states (verify/sixsplit.py)
        base = f"not printed in the table; from the narrative: {prov.note}"
    elif prov.status == Status.DERIVED:
        base = f"not read; pinned by the identities: {prov.note}"
    elif prov.status == Status.MISSING:
        base = f"could not be read with certainty ({prov.note or 'not found'})"
    elif prov.status == Status.UNVERIFIED and not _NOTED.isdisjoint(prov.rules):
        base = f"read, but no identity checks it: {prov.note or 'an OCR reading, which may misread digits'}"
    elif prov.status == Status.UNVERIFIED and (why := _reasons(prov.rules)):   # a doubt about the reading itself
        base = f"read, but not proven: {why}"
    elif prov.status == Status.UNVERIFIED:
        base = "read, but an identity it is in could not be checked because another cell is missing"
    else:
        base = prov.note or prov.status.value
    return "; ".join([base] + related) if related and prov.status != Status.DISPUTED else ("; ".join(related) or base)


def review_items(record: Record, lines: list[str]) -> list[ReviewItem]:
    """The review items of one record; ``lines`` are the document's lines for the source text."""
    findings_by_path: dict[str, list[Finding]] = {}
    for f in record.findings:
        for p in f.paths:
            findings_by_path.setdefault(p, []).append(f)
    items: list[ReviewItem] = []
    covered: set[str] = set()
    for path, prov in record.provenance.items():
        if prov.status not in _QUEUED:
            continue
        value = record.report.get(path)
        related = findings_by_path.get(path, [])
        cands = _candidates(path, prov, value, related)
        items.append(ReviewItem(
            id=item_id(record.doc_id, path), decision=_decision(related),
            doc_id=record.doc_id, path=path, table=table_of(path), status=prov.status.value, value=value,
            candidates=cands, rules=prov.rules, message=_message(path, prov, related),
            kind=prov.kind.value, raw=prov.raw, source_lines=_source_lines(prov.lines, lines, path, prov.raw),
        ))
        covered.add(path)
    acknowledged = (record.stages.get("review") or {}).get("acknowledged") or {}
    reviewed = Status.REVIEWED      # (an enum member's lookup costs more than the test: once, not once per field)
    settled = covered | {p for p, prov in record.provenance.items() if prov.status == reviewed}
    by_key: dict[str, list[Finding]] = {}
    for f in record.findings:
        if f.severity not in ("error", "warning") or (f.paths and set(f.paths) <= settled and
                                                       f.code.startswith(("T3.", "T4.", "DERIVE.", "REVIEW."))):
            continue
        if f.code == _AMBIGUOUS and f.paths and all(record.provenance[p].status in TRUSTED_STATUSES
                                                    for p in f.paths if p in record.provenance):
            continue       # the reader's open row, every cell of it since proven (the model's, found in the text)
        key = finding_key(f)
        if is_acknowledged(key, acknowledged):
            continue
        by_key.setdefault(key, []).append(f)
    for key, group in by_key.items():
        f = group[0]
        cands = [{"source": k, "value": v} for g in group for k, v in (g.detail or {}).get("suggested", {}).items()]
        line_numbers = [int(n) for g in group for n in (g.detail or {}).get("lines", [])]
        path = f.paths[0] if len(f.paths) == 1 else ""
        items.append(ReviewItem(
            id=item_id(record.doc_id, f"finding:{key}"), finding=key, value=record.report.get(path) if path else None,
            doc_id=record.doc_id, path=path,
            table=table_of(f.paths[0]) if f.paths else "meta",
            status=f.severity, candidates=cands, rules=[f.code], message="; ".join(g.message for g in group),
            source_lines=_source_lines(line_numbers, lines), decision=_decision(group),
        ))
    return items
