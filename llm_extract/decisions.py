"""Reviewer decisions: append-only, validated, following the document, applied to records.

A decision says "in document D, field P is V" (``null``: a blank cell), "keep field P as
it stands" (even a printed value that breaks an identity), or "acknowledge finding F" of
document D. Each is one line of ``OUT/decisions.jsonl``, never rewritten; an *undo* is one
more line naming the decision it takes back.

Decisions follow the document, not the file: they are keyed by document id and field,
and carry a hash of the text of the field's table (:func:`table_hashes`), so a changed
narrative sentence does not drop them, while a changed table does: such a decision is
**stale**, kept but not applied, and shown in the queue (``REVIEW.STALE``). A decision
whose document id changed (another file with the same name appeared) follows its source
path and says so (``REVIEW.RENAMED``). A stored line that no longer fits its field (a
hand-edited file, a schema change) becomes a finding (``REVIEW.INVALID_DECISION``), never
a crash.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from verify.rules import register

from .decision_values import KEEP, InvalidDecision, check_value
from .evidence import FieldProvenance, Finding, Record, Status
from .schema import ALL_PATHS, table_of

__all__ = ["Decision", "DECISIONS_FILE", "append_decision", "append_decisions", "load_decisions", "read_log",
           "apply_decisions", "revert_decision", "table_hashes", "with_table_hashes", "current_table_hash", "decision_key"]

DECISIONS_FILE = "decisions.jsonl"
_TABLE_OF = {p: table_of(p) for p in ALL_PATHS}

register("REVIEW.STALE", "复核决定所依据的表格已变化，未应用", "the table a decision was made on has changed: kept, not applied")
register("REVIEW.INVALID_DECISION", "已保存的复核决定不符合字段要求，未应用",
         "a stored decision does not fit its field (hand-edited or older schema): not applied")
register("REVIEW.RENAMED", "文档编号已变化，复核决定按来源文件沿用（请确认）", "the document id changed; decisions follow the source file")


class Decision(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str = Field(default_factory=lambda: uuid.uuid4().hex[:12])
    action: Literal["set", "keep", "undo"] = "set"
    doc_id: str
    path: str = ""                    # the field; "" for a document-level finding
    finding: str | None = None        # the finding key acknowledged (see review.finding_key)
    value: Any = None
    undoes: str | None = None         # for an undo: the id of the decision taken back
    item_id: str | None = None
    table_hash: str | None = None     # hash of the field's table text when decided ("" for document level)
    content_hash: str | None = None
    source_path: str | None = None
    reviewer: str | None = None
    note: str | None = None
    decided_at: str = Field(default_factory=lambda: datetime.now(timezone.utc).isoformat(timespec="seconds"))
    problem: str | None = Field(default=None, exclude=True)   # why a stored line cannot be applied


def decision_key(d: Decision) -> str:
    return f"finding:{d.finding}" if d.finding else d.path


def append_decisions(out_dir: str | Path, decisions: Iterable[Decision]) -> None:
    """Append decisions, one line each, in one write (flushed and synced: a crash loses nothing written)."""
    text = "".join(d.model_dump_json() + "\n" for d in decisions)
    if not text:
        return
    path = Path(out_dir) / DECISIONS_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())


def append_decision(out_dir: str | Path, decision: Decision) -> None:
    if decision.path and decision.path not in ALL_PATHS:
        raise InvalidDecision(f"unknown field path {decision.path!r}")
    append_decisions(out_dir, [decision])


def _problem(d: Decision) -> str | None:
    if d.action == "undo":
        return None
    if d.finding:
        return None if d.path in ("", *ALL_PATHS) else f"unknown field path {d.path!r}"
    try:
        check_value(d.path, d.value)
    except InvalidDecision as exc:
        return str(exc)
    return None


def read_log(out_dir: str | Path) -> list[Decision]:
    """Every line of the log in order; a line that cannot be read carries its ``problem``.

    A torn last line (a crash while appending) is ignored.
    """
    path = Path(out_dir) / DECISIONS_FILE
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    out = []
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except ValueError:
            if n == len(lines):
                continue
            raw = None
        if not isinstance(raw, dict):
            d = Decision(doc_id="")
            d.problem = f"line {n} of {DECISIONS_FILE} is not a decision"
        else:
            try:
                d = Decision.model_validate(raw)
            except ValidationError as exc:
                d = Decision(doc_id=str(raw.get("doc_id") or ""), path=str(raw.get("path") or ""),
                             value=raw.get("value"))
                d.problem = f"line {n}: " + "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}"
                                                      for e in exc.errors()[:2])
            else:
                d.problem = _problem(d)
        out.append(d)
    return out


def load_decisions(out_dir: str | Path) -> dict[tuple[str, str], Decision]:
    """The decision in force per (document, field or finding key): the latest not undone."""
    stacks: dict[tuple[str, str], list[Decision]] = {}
    where: dict[str, tuple[str, str]] = {}
    for d in read_log(out_dir):
        if d.action == "undo":
            key = where.pop(d.undoes or "", None)
            if key is not None:
                stacks[key] = [x for x in stacks[key] if x.id != d.undoes]
            continue
        key = (d.doc_id, decision_key(d))
        stacks.setdefault(key, []).append(d)
        where[d.id] = key
    return {k: s[-1] for k, s in stacks.items() if s}


def _hash(texts: Iterable[str]) -> str:
    return hashlib.sha256("\n".join(t.strip() for t in texts).encode("utf-8")).hexdigest()[:16]


def table_hashes(record: Record, lines: list[str]) -> dict[str, str]:
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


def current_table_hash(record: Record, path: str) -> str:
    """The hash a decision on ``path`` made now records ("" for a document-level finding)."""
    if not path:
        return ""
    return (record.source.get("table_hashes") or {}).get(table_of(path), "")


def _stale(d: Decision, record: Record) -> bool:
    if d.table_hash is None:        # a decision from before table hashes: the whole file must match
        return d.content_hash not in (None, record.source.get("content_hash"))
    now = current_table_hash(record, d.path)
    return bool(d.table_hash and now) and d.table_hash != now


def _same_source(d: Decision, record: Record) -> bool:
    mine = record.source.get("path")
    if not (d.source_path and mine):
        return False
    return d.source_path == mine or Path(d.source_path).resolve() == Path(mine).resolve()


def _finding(code: str, d: Decision, message: str) -> Finding:
    return Finding(code=code, severity="warning", paths=[d.path] if d.path in ALL_PATHS else [], message=message,
                   detail={"decision": d.id, "value": d.value, "action": d.action, "decided_at": d.decided_at,
                           "reviewer": d.reviewer, "finding": d.finding})


def with_table_hashes(record: Record, lines: list[str]) -> Record:
    """The record with ``source["table_hashes"]`` (computed once, only for a record with decisions)."""
    if "table_hashes" in record.source or not lines:
        return record
    return record.model_copy(update={"source": record.source | {"table_hashes": table_hashes(record, lines)}})


def apply_decisions(record: Record, decisions: dict[tuple[str, str], Decision],
                    lines: list[str] | None = None) -> Record:
    """Apply the decisions in force about this record's document, then re-verify it.

    ``lines`` are the document's lines, for the table hashes that tell a stale decision."""
    mine = [d for (doc_id, _), d in decisions.items()
            if doc_id == record.doc_id or (doc_id != record.doc_id and _same_source(d, record))]
    if not mine:
        return record
    record = with_table_hashes(record, lines or [])
    mine.sort(key=lambda d: (d.doc_id == record.doc_id, d.decided_at))   # the document's own id wins
    report = record.report.model_copy(deep=True)
    provenance = dict(record.provenance)
    findings: list[Finding] = []
    state = record.stages.get("review") or {}
    acknowledged: dict[str, str] = dict(state.get("acknowledged") or {})
    before: dict[str, Any] = dict(state.get("before") or {})
    kept: set[str] = set(state.get("kept") or [])
    base: dict[str, str] = dict(state.get("base") or {p: v.status.value for p, v in record.provenance.items()
                                                      if v.status in (Status.DERIVED, Status.RESOLVED)})
    renamed = sorted({d.doc_id for d in mine if d.doc_id != record.doc_id})
    for d in mine:
        if d.problem:
            findings.append(_finding("REVIEW.INVALID_DECISION", d, f"decision not applied: {d.problem}"))
        elif _stale(d, record):
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
    from verify import verify_report
    from verify.narrative import recheck_narrative

    checked = recheck_narrative(verify_report(record))
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


def revert_decision(record: Record, d: Decision) -> Record:
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
