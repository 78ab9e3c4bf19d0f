"""One agency-year reported by several documents: which of them the roll-ups sum and cross-year links use.

A crawled folder often holds one report twice (the web page and its attached PDF or .docx) or an original
and its correction (更正/修订/修正/勘误/更新版). Documents are of one agency-year when their agencies match by
:func:`verify.crossyear.agency_key` and their years are equal. Their table values (every field but the
agency and the year that both documents vouch for, proven or reviewed: a cell one of them misread or could
not read is not compared) decide:

* all equal: the same report; the one with the most trusted fields counts (the first by doc id on a tie),
  the others are folded into it (``ROLLUP.SAME_REPORT``, info);
* they differ, and exactly one set of equal documents is chosen, by a reviewer (who kept the
  ``ROLLUP.CONFLICT`` finding of one of them: "this one is right") or else by being the only one marked
  corrected in its file name, title or a heading under it: that one counts, the others are superseded
  (``ROLLUP.SUPERSEDED``, info);
* they differ and nothing chooses: none is summed (each counts in ``excluded`` of its roll-up groups) and
  none stands for the year in cross-year links; each gets a ``ROLLUP.CONFLICT`` warning (a review item) naming
  the others. Keeping it on the document that is right settles the agency-year; kept on reports of
  different values (``resolve --accept`` of every item), it is not settled: ``ROLLUP.CONFLICT_KEPT_TWICE``.

Only the documents of an agency-year with several documents are read (on every core): what is kept of each
is a few flags, and the values of one document per set of equal ones (a folder of 300 copies of one report
holds one set of values).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ._exceptions import process_died
from .analysis import TRUSTED
from .corrections import CORRECTED, CORRECTED_NOTE
from .evidence import Finding
from .outputs import read_json
from .review import is_acknowledged
from .schema import ALL_PATHS
from .workers import map_ordered, worker_count
from verify.crossyear import agency_key
from verify.rules import register

__all__ = ["Role", "agency_year_roles", "SAME", "SUPERSEDED", "CONFLICT", "marked_corrected"]

SAME, SUPERSEDED, CONFLICT = "ROLLUP.SAME_REPORT", "ROLLUP.SUPERSEDED", "ROLLUP.CONFLICT"
KEPT_TWICE = "ROLLUP.CONFLICT_KEPT_TWICE"
register(SAME, "同一机关同一年度的同一份报告（另一格式）：汇总只计一次", "the same agency-year's report again "
         "(another format, equal values): counted once in the roll-ups")
register(SUPERSEDED, "同一机关同一年度另有更正版报告：本报告不计入汇总", "the agency-year has a corrected report: "
         "this one is superseded and not in the roll-ups")
register(CONFLICT, "同一机关同一年度有数值不同的多份报告，无法判断哪份为准：均不计入汇总",
         "several reports of one agency-year with different values, none marked corrected: none is in the "
         "roll-ups until a reviewer keeps this finding on the right one")
register(KEPT_TWICE, "同一机关同一年度数值不同的多份报告都被复核人确认：仍均不计入汇总",
         "a reviewer kept the conflict of one agency-year on several reports with different values: none is in "
         "the roll-ups until all but one keep are undone")

_NAMED = 5                      # documents a message names
_PATHS = tuple((p, p.split(".")) for p in ALL_PATHS if p not in ("agency", "year"))


@dataclass
class Role:
    """What a document of a shared agency-year is in the roll-ups and the cross-year links."""

    kind: str                      # "counts", SAME, SUPERSEDED or CONFLICT
    note: str                      # what the roll-up groups say of it
    finding: Finding | None = None

    @property
    def summed(self) -> bool:      # its numbers are in the roll-ups
        return self.kind == "counts"

    @property
    def stands(self) -> bool:      # it is the agency-year in cross-year links
        return self.kind == "counts"


def marked_corrected(rec: dict[str, Any]) -> bool:
    """Does the document's file name, title or a heading under it say it is a corrected (revised, updated)
    report? (The title's and the heading's words are in the agency's note: ``extract.meta.corrected_mark``.)"""
    agency_prov = (rec.get("provenance") or {}).get("agency") or {}
    if str(agency_prov.get("note") or "").startswith(CORRECTED_NOTE):
        return True
    name = Path((rec.get("source") or {}).get("path") or "").name
    agency = str(rec.get("agency") or "")
    return bool(CORRECTED.search(name.replace(agency, " ") if agency else name))


def _named(ids: list[str]) -> str:
    """Some doc ids, and how many more (a folder may hold a report a hundred times)."""
    return ", ".join(ids[:_NAMED]) + (f" and {len(ids) - _NAMED} more" if len(ids) > _NAMED else "")


def _values(rec: dict[str, Any]) -> dict[str, Any]:
    """The table values the record vouches for: proven or reviewed (a blank among them is a value, None), as
    the roll-ups take them; a copy's misread cell (disputed, derived, unverified) tells no report from another.
    Without provenance (a record built from a golden file) every value that is not null."""
    provenance, out = rec.get("provenance") or {}, {}
    for path, parts in _PATHS:
        value: Any = rec
        for part in parts:
            value = value.get(part) if isinstance(value, dict) else None
        prov = provenance.get(path)
        if (prov.get("status") in TRUSTED) if prov is not None else value is not None:
            out[path] = value
    return out


@dataclass
class _Doc:
    doc_id: str
    agency: Any
    year: Any
    trusted: int
    marked: bool
    kept: bool
    cls: int = 0                   # the index of its set of equal documents


def _equal(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return all(a[p] == b[p] for p in a.keys() & b.keys())


def _trusted(rec: dict[str, Any]) -> int:
    counts = rec.get("status_counts") or {}
    return sum(int(counts.get(s, 0)) for s in TRUSTED)


def _kept(rec: dict[str, Any]) -> bool:
    acknowledged = ((rec.get("stages") or {}).get("review") or {}).get("acknowledged") or {}
    return is_acknowledged(CONFLICT, acknowledged)


def _summary(path: Path) -> tuple[_Doc, dict[str, Any]]:
    """One record's flags and table values (in a worker)."""
    rec = read_json(path)
    return (_Doc(str(rec.get("doc_id")), rec.get("agency"), rec.get("year"), _trusted(rec), marked_corrected(rec),
                 _kept(rec)), _values(rec))


def _classed(summaries: Iterator[tuple[_Doc, dict[str, Any]]], count: int) -> list[_Doc]:
    """``count`` documents of one agency-year, each with the index of its set of equal documents; only each
    set's first values are kept."""
    docs: list[_Doc] = []
    classes: list[dict[str, Any]] = []
    for _ in range(count):
        doc, values = next(summaries)
        at = next((k for k, first in enumerate(classes) if _equal(first, values)), None)
        if at is None:
            at = len(classes)
            classes.append(values)
        doc.cls = at
        docs.append(doc)
    return docs


def _group_roles(recs: list[_Doc]) -> dict[str, Role]:
    classes: dict[int, list[int]] = defaultdict(list)
    for i, d in enumerate(recs):
        classes[d.cls].append(i)
    ids = [d.doc_id for d in recs]
    if len(classes) == 1:
        chosen, why = classes[0], "same"
    else:
        kept = [c for c in classes.values() if any(recs[i].kept for i in c)]
        marked = [c for c in classes.values() if any(recs[i].marked for i in c)]
        chosen, why = ([], "kept twice") if len(kept) > 1 else (kept[0], "kept") if kept else \
            (marked[0], "marked") if len(marked) == 1 else ([], "conflict")
    out: dict[str, Role] = {}
    if not chosen:
        code = KEPT_TWICE if why == "kept twice" else CONFLICT
        for i, doc in enumerate(ids):
            others = _named([d for d in ids if d != doc])
            msg = (f"{recs[i].agency} {recs[i].year} is also reported by {others} with other values, and "
                   + ("a reviewer kept the conflict on reports of different values: undo all those keeps but the "
                      "right report's; keep this one to leave the agency-year out of the roll-ups"
                      if code == KEPT_TWICE else
                      "none is marked corrected: none is in the roll-ups nor linked across years; keep this "
                      "finding on the report that is right"))
            out[doc] = Role(CONFLICT, f"{doc} conflicts with {others} (not summed)",
                            finding=Finding(code=code, severity="warning", message=msg,
                                            detail={"documents": sorted(ids)[:_NAMED * 4], "count": len(ids)}))
        return out
    best = max(chosen, key=lambda i: (recs[i].trusted, -i))
    out[ids[best]] = Role("counts", "")
    for i, doc in enumerate(ids):
        if i == best:
            continue
        if i in chosen:
            note = f"{doc} = {ids[best]} (the same report, counted once)"
            msg = f"the same report as {ids[best]} (equal values): counted once in the roll-ups, as {ids[best]}"
            kind = SAME
        else:
            by = "a reviewer's choice" if why == "kept" else "its corrected version"
            note = f"{doc} superseded by {ids[best]} ({by})"
            msg = f"superseded by {ids[best]} ({by}; the values differ): not in the roll-ups nor linked across years"
            kind = SUPERSEDED
        out[doc] = Role(kind, note, finding=Finding(code=kind, severity="info", message=msg,
                                                    detail={"counted": ids[best], "count": len(ids)}))
    return out


def _summary_died(path: Path) -> tuple[_Doc, dict[str, Any]]:
    raise process_died(path, "reading this record to compare the reports of its agency-year")


def agency_year_roles(paths: Sequence[Path], keys: Sequence[tuple[str | None, int | None]], *,
                      workers: int | None = None) -> dict[str, Role]:
    """The role of every document (by doc id) of an agency-year that several documents report; ``keys`` are
    the records' ``(agency, year)`` (:func:`llm_extract.record_keys.record_key`)."""
    groups: dict[tuple[str, int], list[int]] = defaultdict(list)
    for i, (agency, year) in enumerate(keys):
        if agency and year:
            groups[(agency_key(agency), year)].append(i)
    shared = [idx for idx in groups.values() if len(idx) > 1]
    jobs = [paths[i] for idx in shared for i in idx]
    summaries = map_ordered(_summary, jobs, workers=worker_count(len(jobs), workers),     # read on every core
                            died=_summary_died)
    out: dict[str, Role] = {}
    for idx in shared:
        out.update(_group_roles(_classed(summaries, len(idx))))
    return out
