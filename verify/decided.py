"""Reviewer decisions applied to a record: the only place a decision changes a field's status.

    record = apply_decisions(record, decisions, lines)    # the document's decisions in force
    record = revert_decision(record, decision)            # one taken back

A decision says "field P is V" (``action`` ``set``), "keep field P as it stands" (``keep``,
even a printed value that breaks an identity) or "acknowledge finding F" (``finding``). Each
carries the hash of the text of its field's table when it was made (:func:`table_hashes`):
when the table has changed since, the decision is **stale**: not applied, a ``REVIEW.STALE``
finding. A decision that no longer fits its field (``problem``) is not applied either
(``REVIEW.INVALID_DECISION``); decisions recorded under another document id that follow the
same source file are applied and say so (``REVIEW.RENAMED``).

After the decisions every identity and narrative figure is re-checked: a decided field is
``reviewed``; a field kept as it stands stays ``reviewed`` even when an identity it is in is
broken; a field derived (or resolved) before any decision keeps that status while undecided.
What was there before each decision is kept in ``stages["review"]`` so that it can be
reverted without the extractions at hand (``resolve`` and ``undo`` work from record files).

Pure: no I/O. Which decisions belong to a document (reading the log, telling that two paths
name the same file) is the caller's (``llm_extract.decisions``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from llm_extract.decision_values import KEEP, check_value
from llm_extract.evidence import FieldProvenance, Finding, Record, Status
from llm_extract.schema import ALL_PATHS, table_of

from .decide import verify_report
from .narrative import recheck_narrative
from .rules import register

__all__ = ["Decided", "apply_decisions", "revert_decision", "table_hashes", "with_table_hashes",
           "current_table_hash", "is_stale"]

_TABLE_OF = {p: table_of(p) for p in ALL_PATHS}

register("REVIEW.STALE", "复核决定所依据的表格已变化，未应用", "the table a decision was made on has changed: kept, not applied")
register("REVIEW.INVALID_DECISION", "已保存的复核决定不符合字段要求，未应用",
         "a stored decision does not fit its field (hand-edited or older schema): not applied")
register("REVIEW.RENAMED", "文档编号已变化，复核决定按来源文件沿用（请确认）", "the document id changed; decisions follow the source file")


class Decided(Protocol):
    """What applying a reviewer's decision reads of it (``llm_extract.decisions.Decision``)."""

    @property
    def id(self) -> str: ...
    @property
    def action(self) -> str: ...                # set | keep (an undo removes a decision, never applied)
    @property
    def doc_id(self) -> str: ...
    @property
    def path(self) -> str: ...                  # the field; "" for a document-level finding
    @property
    def finding(self) -> str | None: ...        # the finding key acknowledged
    @property
    def value(self) -> Any: ...
    @property
    def table_hash(self) -> str | None: ...     # hash of the field's table text when decided ("" document level)
    @property
    def content_hash(self) -> str | None: ...   # hash of the whole file (decisions from before table hashes)
    @property
    def reviewer(self) -> str | None: ...
    @property
    def note(self) -> str | None: ...
    @property
    def decided_at(self) -> str: ...
    @property
    def problem(self) -> str | None: ...        # why a stored decision cannot be applied


def _hash(texts: Iterable[str]) -> str:
    return hashlib.sha256("\n".join(t.strip() for t in texts).encode("utf-8")).hexdigest()[:16]


def table_hashes(record: Record, lines: Sequence[str]) -> dict[str, str]:
    """Per table (meta, 表二, 表三, 表四): a hash of the text of the lines its values were read from.

    For a table, the span from its first to its last source line; for meta, the agency and
    year lines. Narrative elsewhere in the document does not enter it.
    """
    low: dict[str, int] = {}
    high: dict[str, int] = {}
    meta: set[int] = set()
    count = len(lines)
    for path, prov in record.provenance.items():
        numbers = prov.lines
        if not numbers:
            continue
        table = _TABLE_OF.get(path) or table_of(path)
        if table == "meta":
            meta.update(n for n in numbers if 0 < n <= count)
            continue
        lo, hi = min(numbers), max(numbers)
        if 0 < lo and hi <= count:
            low[table] = min(lo, low.get(table, lo))
            high[table] = max(hi, high.get(table, hi))
    out = {"meta": _hash(lines[n - 1] for n in sorted(meta))}
    for table in ("表二", "表三", "表四"):
        out[table] = _hash(lines[low[table] - 1:high[table]] if table in low else [])
    return out


def with_table_hashes(record: Record, lines: Sequence[str]) -> Record:
    """The record with ``source["table_hashes"]`` (computed once, only for a record with decisions)."""
    if "table_hashes" in record.source or not lines:
        return record
    return record.model_copy(update={"source": record.source | {"table_hashes": table_hashes(record, lines)}})


def current_table_hash(record: Record, path: str) -> str:
    """The hash a decision on ``path`` made now records ("" for a document-level finding)."""
    if not path:
        return ""
    return (record.source.get("table_hashes") or {}).get(table_of(path), "")


def is_stale(d: Decided, record: Record) -> bool:
    """Has the decision's table changed since it was made (given the record's table hashes)?"""
    if d.table_hash is None:        # a decision from before table hashes: the whole file must match
        return d.content_hash not in (None, record.source.get("content_hash"))
    now = current_table_hash(record, d.path)
    return bool(d.table_hash and now) and d.table_hash != now


def _finding(code: str, d: Decided, message: str) -> Finding:
    return Finding(code=code, severity="warning", paths=[d.path] if d.path in ALL_PATHS else [], message=message,
                   detail={"decision": d.id, "value": d.value, "action": d.action, "decided_at": d.decided_at,
                           "reviewer": d.reviewer, "finding": d.finding})


def apply_decisions(record: Record, decisions: Iterable[Decided], lines: Sequence[str] = ()) -> Record:
    """Apply a document's decisions in force, then re-verify it (see the module docstring).

    ``decisions`` are those about this document: recorded under its id, or under another id
    for the same source file (renamed). ``lines`` are the document's lines, for the table
    hashes that tell a stale decision (a record read from its file already carries them).
    """
    mine = list(decisions)
    if not mine:
        return record
    record = with_table_hashes(record, lines)
    mine.sort(key=lambda d: (d.doc_id == record.doc_id, d.decided_at))   # the document's own id wins
    report = record.report.model_copy(deep=True)
    provenance = dict(record.provenance)
    findings: list[Finding] = []
    state = record.stages.get("review") or {}
    acknowledged: dict[str, str] = dict(state.get("acknowledged") or {})
    before: dict[str, Any] = dict(state.get("before") or {})
    kept: set[str] = set(state.get("kept") or [])
    base: dict[str, str] = dict(state.get("base") or {p: v.status.value for p, v in record.provenance.items()
                                                      if v.status in (Status.DERIVED, Status.PINNED, Status.RESOLVED)})
    renamed = sorted({d.doc_id for d in mine if d.doc_id != record.doc_id})
    for d in mine:
        if d.problem:
            findings.append(_finding("REVIEW.INVALID_DECISION", d, f"decision not applied: {d.problem}"))
        elif is_stale(d, record):
            findings.append(_finding("REVIEW.STALE", d, f"decision {json.dumps(d.value, ensure_ascii=False, default=str)}"
                                     f" of {d.decided_at} not applied: the table changed since"))
        elif d.finding:
            acknowledged[d.finding] = d.id
        else:
            value = check_value(d.path, d.value)
            old = provenance.get(d.path) or FieldProvenance(status=Status.MISSING)
            before.setdefault(d.path, {"value": record.report.get(d.path), "provenance": old.model_dump(mode="json")})
            candidates = dict(old.candidates) or ({old.source or "regex": record.report.get(d.path)}
                                                  if old.status != Status.MISSING else {})
            candidates["review"] = value
            report.set(d.path, value)
            (kept.add if d.action == KEEP else kept.discard)(d.path)
            note = (f"{'kept as it stands' if d.action == KEEP else 'decided'} by {d.reviewer or 'a reviewer'} "
                    f"at {d.decided_at}" + (f": {d.note}" if d.note else ""))
            provenance[d.path] = old.model_copy(update={"status": Status.REVIEWED, "source": "review",
                                                        "candidates": candidates, "note": note})
    if renamed:
        findings.append(Finding(code="REVIEW.RENAMED", severity="warning", message=(
            f"decisions recorded for {', '.join(renamed)} follow the same source file, now {record.doc_id}")))
    state = {"acknowledged": acknowledged, "before": before, "kept": sorted(kept), "base": base}
    return _reverify(record.model_copy(update={"report": report, "provenance": provenance,
                                               "findings": record.findings + findings}), state)


def _reverify(record: Record, state: dict[str, Any]) -> Record:
    """Identities and narrative re-checked; a field kept as it stands stays reviewed."""
    # (the state first: an acknowledged narrative finding takes no proof away, verify/narrative.py)
    checked = recheck_narrative(verify_report(record.model_copy(
        update={"stages": dict(record.stages) | {"review": state}})))
    for path in state["kept"]:
        prov = checked.provenance.get(path)
        if prov is not None and prov.status != Status.REVIEWED:
            checked.provenance[path] = prov.model_copy(update={"status": Status.REVIEWED})
    for path, prov in checked.provenance.items():
        if prov.status != Status.PROVEN:
            continue
        if prov.source == "review":                  # decided, and every identity holds again
            checked.provenance[path] = prov.model_copy(update={"status": Status.REVIEWED})
        elif path in state["base"]:                  # derived before any decision, still undecided
            checked.provenance[path] = prov.model_copy(update={"status": Status(state["base"][path])})
    return checked.model_copy(update={"stages": dict(checked.stages) | {"review": state}})


def revert_decision(record: Record, d: Decided) -> Record:
    """Take a decision back: the field returns to its state before any decision (or the finding
    is no longer acknowledged), and the findings about that decision go. Re-verified."""
    state = dict(record.stages.get("review") or {})
    acknowledged = dict(state.get("acknowledged") or {})
    before = dict(state.get("before") or {})
    report = record.report.model_copy(deep=True)
    provenance = dict(record.provenance)
    if d.finding:
        acknowledged.pop(d.finding, None)
    elif d.path in before:
        old = before.pop(d.path)
        report.set(d.path, old["value"])
        provenance[d.path] = FieldProvenance.model_validate(old["provenance"])
    findings = [f for f in record.findings
                if not (f.code in ("REVIEW.STALE", "REVIEW.INVALID_DECISION") and f.paths == ([d.path] if d.path else [])
                        and (f.detail or {}).get("finding") == d.finding)]
    kept = [p for p in state.get("kept") or [] if p != d.path]
    return _reverify(record.model_copy(update={"report": report, "provenance": provenance, "findings": findings}),
                     {"acknowledged": acknowledged, "before": before, "kept": kept, "base": state.get("base") or {}})
