"""One place settles every field: the deterministic reading, the model's, the narrative, the reviewers.

    settle(deterministic, model, narrative, decisions, lines) -> Record

* ``deterministic``: the deterministic extractor's :class:`Extraction` (``None`` when it read
  no table); verified on its own (:func:`verify.decide.verify_extraction`: derive what the
  identities pin, check every identity).
* ``model``: the model's :class:`Extraction` (or ``None``). Each value is grounded in
  ``lines`` (:mod:`verify.grounding`), digit-run cuts are checked against the whole table
  (:mod:`verify.runs`), and the two readings are arbitrated (:func:`verify.crosscheck.crosscheck`):
  two sources agree → proven; a grounded value alone → proven when every identity it is in
  holds; an ungrounded value → never proven; disagreements → decided by the identities or
  disputed.
* ``narrative``: the figures the report's text states; checked against the settled values.
* ``decisions``: reviewer decisions (anything with ``path``, ``value``, ``reviewer``,
  ``note``, ``decided_at``); applied last, re-verified (:func:`apply_decided`).

Pure: no I/O; the same inputs give the same record.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from llm_extract.evidence import Extraction, FieldProvenance, Record, Status
from llm_extract.narrative_types import NarrativeFigure
from llm_extract.schema import ALL_PATHS, Report

from .crosscheck import crosscheck
from .decide import verify_extraction, verify_report
from .grounding import ground
from .narrative import check_record_narrative, recheck_narrative
from .runs import pinned_runs
from .split import diagnose_record

__all__ = ["settle", "apply_decided", "Decided", "empty_record"]


class Decided(Protocol):
    """What :func:`settle` needs of a reviewer's decision."""

    path: str
    value: Any
    reviewer: str | None
    note: str | None
    decided_at: str


def empty_record(doc_id: str) -> Record:
    """A record of a document the deterministic reader read nothing of: every field missing."""
    return Record(report=Report(doc_id=doc_id),
                  provenance={p: FieldProvenance(status=Status.MISSING, rules=["READ.MISSING"]) for p in ALL_PATHS},
                  stages={"regex": {"warnings": ["no table read"]}})


def settle(deterministic: Extraction | None, model: Extraction | None, narrative: Iterable[NarrativeFigure],
           decisions: Iterable[Decided] = (), lines: Sequence[str] = (), *, doc_id: str | None = None) -> Record:
    """The record of one document, every field with its status (see the module docstring)."""
    name = doc_id or (deterministic.doc_id if deterministic is not None else model.doc_id if model else "")
    record = verify_extraction(deterministic) if deterministic is not None else empty_record(name)
    if model is not None:
        values = {p: model.reading(p).value for p in ALL_PATHS if not model.reading(p).missing}
        grounding = ground(values, lines)
        record = crosscheck(deterministic, model, base=record, grounding=grounding,
                            pinned=pinned_runs(values, grounding))
        record.stages["grounding"] = _counts(grounding)
    figures = list(narrative)
    record.stages["narrative"] = [f.model_dump(mode="json") for f in figures]
    record.findings = [f for f in record.findings if not f.code.startswith("NARR.")] + \
        check_record_narrative(record, figures)
    record.findings += diagnose_record(record)          # split-number suggestions, never applied
    return apply_decided(record, list(decisions))


def _counts(grounding: dict[str, Any]) -> dict[str, int]:
    out: dict[str, int] = {}
    for g in grounding.values():
        out[g.status] = out.get(g.status, 0) + 1
    return out


def apply_decided(record: Record, decisions: Sequence[Decided]) -> Record:
    """Set each decided value, mark it ``reviewed`` (earlier candidates kept), re-check every identity."""
    if not decisions:
        return record
    report = record.report.model_copy(deep=True)
    provenance = dict(record.provenance)
    for d in decisions:
        old = provenance.get(d.path) or FieldProvenance(status=Status.MISSING)
        candidates = dict(old.candidates) or ({old.source or "regex": record.report.get(d.path)}
                                              if old.status != Status.MISSING else {})
        candidates["review"] = d.value
        report.set(d.path, d.value)
        provenance[d.path] = old.model_copy(update={
            "status": Status.REVIEWED, "source": "review", "candidates": candidates,
            "note": f"decided by {d.reviewer or 'a reviewer'} at {d.decided_at}" + (f": {d.note}" if d.note else ""),
        })
    return recheck_narrative(verify_report(record.model_copy(update={"report": report, "provenance": provenance})))
