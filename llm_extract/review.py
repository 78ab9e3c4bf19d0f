"""The review queue: one item per field (or finding) a person must look at.

Every field that is not ``proven`` becomes an item: missing, derived, resolved,
disputed, unverified. Every finding of severity error/warning that names no
such field (a narrative mismatch, a cross-year link, a suggestion) becomes one
too. An item carries the document id, the field path, the candidates with their
sources, the rule codes, and the source lines (numbers and text).

An item's ``id`` is a hash of what it says (document, field, rules, candidates):
re-running the same input gives the same ids, so the queue never duplicates.
Reviewer decisions are appended to a separate file, keyed by item id
(:mod:`llm_extract.decisions`).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from pydantic import BaseModel, Field

from .evidence import FieldProvenance, Finding, Record, Status
from .schema import table_of

__all__ = ["ReviewItem", "SourceLine", "review_items", "item_id"]

_QUEUED = {Status.MISSING, Status.DERIVED, Status.RESOLVED, Status.DISPUTED, Status.UNVERIFIED}
_MAX_LINE_CHARS = 300


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


def item_id(doc_id: str, path: str, rules: list[str], candidates: list[dict[str, Any]], extra: str = "") -> str:
    payload = json.dumps([doc_id, path, sorted(rules), candidates, extra], ensure_ascii=False, sort_keys=True,
                         default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def _source_lines(numbers: list[int], lines: list[str]) -> list[SourceLine]:
    out = []
    for n in sorted(set(numbers))[:12]:
        if 0 < n <= len(lines):
            out.append(SourceLine(n=n, text=lines[n - 1].replace("\t", " ⇥ ")[:_MAX_LINE_CHARS]))
    return out


def _candidates(path: str, prov: FieldProvenance, value: Any,
                findings: list[Finding]) -> list[dict[str, Any]]:
    if prov.candidates:
        return [{"source": k, "value": v} for k, v in prov.candidates.items()]
    if prov.status != Status.MISSING:
        return [{"source": prov.source or "regex", "value": value}]
    out: list[dict[str, Any]] = []
    for f in findings:  # readings that survive the identities (an ambiguous row)
        if f.code == "DERIVE.AMBIGUOUS" and path in f.paths:
            j = f.paths.index(path)
            for v in sorted({row[j] for row in f.detail.get("candidates", [])}, key=str):
                out.append({"source": "identities", "value": v})
    return out


def _message(path: str, prov: FieldProvenance, findings: list[Finding]) -> str:
    related = [f.message for f in findings if f.severity in ("error", "warning")][:3]
    if prov.status == Status.DERIVED:
        base = f"not read; pinned by the identities: {prov.note}"
    elif prov.status == Status.MISSING:
        base = f"could not be read with certainty ({prov.note or 'not found'})"
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
            id=item_id(record.doc_id, path, prov.rules, cands, prov.status.value),
            doc_id=record.doc_id, path=path, table=table_of(path), status=prov.status.value, value=value,
            candidates=cands, rules=prov.rules, message=_message(path, prov, related),
            kind=prov.kind.value, raw=prov.raw, source_lines=_source_lines(prov.lines, lines),
        ))
        covered.add(path)
    for f in record.findings:
        if f.severity not in ("error", "warning") or (f.paths and set(f.paths) <= covered and
                                                       f.code.startswith(("T3.", "T4.", "DERIVE."))):
            continue
        cands = [{"source": k, "value": v} for k, v in f.detail.get("suggested", {}).items()] if f.detail else []
        line_numbers = [int(n) for n in f.detail.get("lines", [])] if f.detail else []
        items.append(ReviewItem(
            id=item_id(record.doc_id, f.code, [f.code], cands, f.message),
            doc_id=record.doc_id, path=f.paths[0] if len(f.paths) == 1 else "", table=table_of(f.paths[0]) if f.paths else "meta",
            status=f.severity, candidates=cands, rules=[f.code], message=f.message,
            source_lines=_source_lines(line_numbers, lines),
        ))
    return items
