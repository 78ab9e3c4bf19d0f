"""The end-of-run rebuild: every combined output (``llm_extract.export``) from the record files.

Streamed and parallel: each record file is read, joined with its cross-year findings and
review items, and rendered into its part of every output (a :class:`~llm_extract.export.Fragment`:
CSV lines, database rows, workbook rows, its HTML section, ...) on every core, one record at a
time per worker (:func:`llm_extract.workers.map_ordered`); this process only appends the
fragments in file order: memory does not grow with the output directory, and the files are
those of a serial rebuild.

Cross-year findings (verify.crossyear) depend on the whole output directory, so they go into
the combined files only; each ``records/*.json`` stays a function of its own document. Each
agency-year is linked once (linear): an agency's consecutive years are a chain, checked on every
core, two records at a time, never all linked records at once. An agency-year reported by several documents
(the same report in two formats, an original and its correction) is summed and linked once
(:mod:`llm_extract.agency_years`): each such document carries its role into its fragment.

A directory whose records, failures and decisions are those the outputs were last built from
(a rerun that resumed every document) is not rebuilt (:mod:`llm_extract.rebuild_state`).

A worker that dies while it renders (the out-of-memory killer, a crash in a library) stops nothing: its
records are rendered again, each in a process of its own; a record that kills that process too fails the
rebuild with a :class:`RebuildError` naming it, and the previous outputs are left as they were.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ._exceptions import RebuildError, process_died
from .agency_years import Role, agency_year_roles
from .evidence import Finding, Record
from .export import OUTPUT_FILES, Exports, Fragment, open_exports, render_fragment
from .outputs import RECORDS_DIR, read_json
from .rebuild_state import DocumentCounts, RebuildState, inputs_digest
from .record_keys import record_key
from .schema import Report
from .review import review_items, unacknowledged
from .workers import map_ordered, worker_count
from verify.crossyear import LINK_PATHS, agency_key, check_pair, consecutive_pairs

__all__ = ["rebuild_combined", "cross_year_links", "Totals", "RebuildError"]


@dataclass
class Totals:
    """What the rebuilt files hold for the documents of this batch."""

    fields: Counter[str] = field(default_factory=Counter)     # status → count
    rules: Counter[str] = field(default_factory=Counter)      # rule code → findings (error/warning)
    queued: int = 0


def _link(record: Record, finding: Finding) -> dict[str, Any]:
    """A finding that depends on other documents, with its review items (the record's values for an item's value)."""
    carrier = Record(report=record.report, findings=[finding])
    return {"finding": finding.model_dump(mode="json", exclude_defaults=True),
            "review": [item.model_dump(mode="json") for item in review_items(carrier, [])]}


def cross_year_links(paths: list[Path], roles: dict[str, Role] | None = None,
                     keys: list[tuple[str | None, int | None]] | None = None, *,
                     workers: int | None = None) -> dict[str, list[dict[str, Any]]]:
    """Cross-year findings by doc id, as finding dicts with their review items (see the module docstring);
    a document that does not stand for its agency-year (``roles``: a copy, a superseded or conflicting
    report) is not linked. An agency's consecutive years are a chain, checked in a worker (each record
    read once, only the fields a link reads: :data:`verify.crossyear.LINK_PATHS`)."""
    keys = [record_key(p) for p in paths] if keys is None else list(keys)
    if roles:
        keys = [(None, None) if (r := roles.get(p.stem)) is not None and not r.stands else k
                for p, k in zip(paths, keys)]
    following = dict(consecutive_pairs(keys))         # a document's next year (each has one at most, and one before)
    starts = sorted(set(following) - set(following.values()),
                    key=lambda i: (agency_key(keys[i][0] or ""), keys[i][1] or 0))
    chains = []
    for i in starts:
        chain = [paths[i]]
        while i in following:
            i = following[i]
            chain.append(paths[i])
        chains.append(chain)
    out: dict[str, list[dict[str, Any]]] = {}
    for linked in map_ordered(_chain_links, chains, workers=worker_count(len(chains), workers), died=_chain_died):
        for doc_id, found in linked:
            out.setdefault(doc_id, []).extend(found)
    return out


def _link_record(path: Path) -> Record:
    """A record as a link reads it: its values, and the evidence of :data:`~verify.crossyear.LINK_PATHS` only."""
    data = read_json(path)
    evidence = data.get("provenance") or {}
    data = {k: v for k, v in data.items() if k != "findings"}
    data["provenance"] = {p: evidence[p] for p in LINK_PATHS if p in evidence}
    return Record.from_json_dict(data)


def _chain_links(chain: list[Path]) -> list[tuple[str, list[dict[str, Any]]]]:
    """The findings of an agency's consecutive years (in a worker): each year's, against the year before."""
    out = []
    last = _link_record(chain[0])
    for path in chain[1:]:
        this = _link_record(path)
        if found := [_link(this, f) for f in check_pair(last, this)]:
            out.append((this.doc_id, found))
        last = this
    return out


def _chain_died(chain: list[Path]) -> list[tuple[str, list[dict[str, Any]]]]:
    raise process_died(chain[0], "reading this agency's records to link its years")


def _render(job: tuple[Path, list[dict[str, Any]], Role | None]) -> Fragment:
    """One record file, joined with its cross-year findings and its agency-year role, as its part of every
    output (in a worker)."""
    path, links, role = job
    rec = read_json(path)
    if role is not None and role.finding is not None:     # (a finding on no field: the values are not needed)
        links = [_link(Record(report=Report.from_values(str(rec.get("doc_id")), {})), role.finding)] + links
    for link in links:
        rec.setdefault("findings", []).append(link["finding"])
        rec.setdefault("review", []).extend(unacknowledged(rec, link["review"]))
    review = rec.pop("review", [])
    frag = render_fragment(rec, review)
    if role is not None:
        frag.rollup_role, frag.rollup_note = role.kind, role.note
    return frag


def _render_died(job: tuple[Path, list[dict[str, Any]], Role | None]) -> Fragment:
    """A record whose rendering killed its process twice (once among others, once alone): the rebuild fails."""
    raise process_died(job[0], "rendering this record into the combined outputs")


def _in_batch(doc_id: str, batch_ids: set[str]) -> bool:
    return doc_id in batch_ids or doc_id.rsplit("-", 1)[0] in batch_ids     # <stem>-k: a report split from <stem>


def outputs_current(out: Path) -> bool:
    """Are the combined files of ``out`` those its records, failures and decisions make now? (Not after a run
    or a review page killed before it rebuilt them, nor after an edit of a record or of the code.)"""
    kept = RebuildState.load(out)
    return kept is not None and kept.current(out, inputs_digest(out, sorted((out / RECORDS_DIR).glob("*.json"))))


def rebuild_combined(out: Path, batch_ids: set[str], *, workers: int | None = None, force: bool = False) -> Totals:
    """Rewrite the combined files of ``out`` (unless they are current and not ``force``);
    the totals count the documents in ``batch_ids``."""
    paths = sorted((out / RECORDS_DIR).glob("*.json"))
    digest = inputs_digest(out, paths)
    kept = None if force else RebuildState.load(out)
    if kept is not None and kept.current(out, digest):
        return _totals(kept.documents.items(), batch_ids)
    keys = [record_key(p) for p in paths]
    roles = agency_year_roles(paths, keys, workers=workers)
    links = cross_year_links(paths, roles, keys, workers=workers)
    jobs = ((p, links.get(p.stem, []), roles.get(p.stem)) for p in paths)
    documents: dict[str, DocumentCounts] = {}
    n = worker_count(len(paths), workers)
    with open_exports(out, workbook_process=n > 1) as exports:    # a batch worth workers: the workbook too
        _add_all(exports, map_ordered(_render, jobs, workers=n, died=_render_died), documents)
    RebuildState.save(out, digest, OUTPUT_FILES, documents)
    return _totals(documents.items(), batch_ids)


def _add_all(exports: Exports, fragments: Iterable[Fragment], documents: dict[str, DocumentCounts]) -> None:
    for frag in fragments:
        exports.add_fragment(frag)
        documents[frag.doc_id] = (frag.status_counts, frag.queued, frag.rules)


def _totals(documents: Iterable[tuple[str, DocumentCounts]], batch_ids: set[str]) -> Totals:
    totals = Totals()
    for doc_id, (status_counts, queued, rules) in documents:
        if _in_batch(doc_id, batch_ids):
            totals.queued += queued
            totals.fields.update(status_counts)
            totals.rules.update(rules)
    return totals
