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
* ``narrative``: the figures the report's text states; checked against the settled values. A
  （六）其他处理 printed as one row whose split only the prose states is derived from the two
  (:mod:`verify.sixsplit`).
* ``decisions``: the reviewer decisions in force about this document
  (:class:`verify.decided.Decided`); applied last, stale ones (their table changed) kept as
  findings, and re-verified (:func:`verify.decided.apply_decisions`).
* ``source`` (the file's path and content hash) and ``notices`` (findings about the file,
  e.g. scanned pages) go into the record before the decisions, which are checked against them.

A record settled earlier (a record file: ``resolve`` and ``undo`` work from those; or the
pipeline's deterministic record, routed to the model stage or not before any decision counts)
is settled again with decisions by :func:`apply_decisions`, and a decision taken back by
:func:`revert_decision`: the same functions :func:`settle` uses. A model call that failed leaves the deterministic record with
the failure written in it (:func:`record_model_failure`).

Pure: no I/O; the same inputs give the same record.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from llm_extract.evidence import Extraction, FieldProvenance, Finding, Record, Status
from llm_extract.narrative_types import NarrativeFigure
from llm_extract.schema import ALL_PATHS, Report

from .crosscheck import crosscheck, record_model_failure
from .decide import verify_extraction
from .digitmap import mark_digit_mapped
from .decided import Decided, apply_decisions, current_table_hash, revert_decision, with_table_hashes
from .grounding import ground
from .narrative import recheck_narrative
from .pinned import pin_settled
from .runs import pinned_runs
from .sixsplit import split_one_row
from .split import diagnose_record
from .statedorder import stated_claims
from .trust import distrust_ocr_layer, distrust_odd_agency
from .undecodable import distrust_undecodable

__all__ = ["settle", "apply_decisions", "revert_decision", "record_model_failure", "Decided", "empty_record",
           "with_table_hashes", "current_table_hash"]


def empty_record(doc_id: str) -> Record:
    """A record of a document the deterministic reader read nothing of: every field missing."""
    return Record(report=Report(doc_id=doc_id),
                  provenance={p: FieldProvenance(status=Status.MISSING, rules=["READ.MISSING"]) for p in ALL_PATHS},
                  stages={"regex": {"warnings": ["no table read"]}})


def settle(deterministic: Extraction | None, model: Extraction | None, narrative: Iterable[NarrativeFigure],
           decisions: Iterable[Decided] = (), lines: Sequence[str] = (), *, doc_id: str | None = None,
           source: Mapping[str, Any] | None = None, notices: Iterable[Finding] = ()) -> Record:
    """The record of one document, every field with its status (see the module docstring)."""
    name = doc_id or (deterministic.doc_id if deterministic is not None else model.doc_id if model else "")
    notices = list(notices)
    figures = list(narrative)
    record = verify_extraction(deterministic) if deterministic is not None else empty_record(name)
    if model is not None:
        values = {p: model.reading(p).value for p in ALL_PATHS if not model.reading(p).missing}
        grounding = ground(values, lines, stated_claims(figures))   # (verify/statedorder.py)
        record = crosscheck(deterministic, model, base=record, grounding=grounding,
                            pinned=pinned_runs(values, grounding))
        record.stages["grounding"] = _counts(grounding)
    record = distrust_ocr_layer(record, deterministic, notices, lines)   # OCR proves no 表二 cell (verify/trust.py)
    record = distrust_odd_agency(record)                 # 现将 / 特向社会公布 is no body's name
    if deterministic is not None:                      # a one-row （六） split in the prose (verify/sixsplit.py)
        record = split_one_row(record, figures, deterministic.readings)
    record.stages["narrative"] = [f.model_dump(mode="json") for f in figures]
    record = recheck_narrative(record, figures)         # a figure the prose states against proven cells
    record.findings += diagnose_record(record)          # split-number suggestions, never applied
    record.findings += notices
    record = mark_digit_mapped(record, deterministic)    # read under a digit map: derived (verify/digitmap.py)
    record = distrust_undecodable(record, deterministic, notices, lines)   # labels not decoded (verify/undecodable.py)
    record = pin_settled(record)                        # derived, and nothing left to doubt (verify/pinned.py)
    if source is not None:
        record.source = dict(source)
    return apply_decisions(record, decisions, lines)


def _counts(grounding: dict[str, Any]) -> dict[str, int]:
    out: dict[str, int] = {}
    for g in grounding.values():
        out[g.status] = out.get(g.status, 0) + 1
    return out

