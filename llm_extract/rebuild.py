"""The end-of-run rebuild: every combined output (``llm_extract.export``) from the record files.

Streamed and parallel: each record file is read, joined with its cross-year findings and
review items, and rendered into its part of every output (a :class:`~llm_extract.export.Fragment`:
CSV lines, database rows, workbook rows, its HTML section, ...) on every core, one record at a
time per worker (:func:`llm_extract.workers.map_ordered`); this process only appends the
fragments in file order: memory does not grow with the output directory, and the files are
those of a serial rebuild.

Cross-year findings (verify.crossyear) depend on the whole output directory, so they go into
the combined files only; each ``records/*.json`` stays a function of its own document. Each
agency-year is linked once (linear), and the records of a link are loaded as it is checked:
a few at a time, never all linked records at once.

A directory whose records, failures and decisions are those the outputs were last built from
(a rerun that resumed every document) is not rebuilt (:mod:`llm_extract.rebuild_state`).

A worker that dies while it renders (the out-of-memory killer, a crash in a library) stops nothing: its
records are rendered again, each in a process of its own; a record that kills that process too fails the
rebuild with a :class:`RebuildError` naming it, and the previous outputs are left as they were.
"""

from __future__ import annotations

from collections import Counter, OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ._exceptions import LLMExtractError
from .evidence import Record
from .export import OUTPUT_FILES, Exports, Fragment, open_exports, render_fragment
from .outputs import RECORDS_DIR, read_json
from .rebuild_state import DocumentCounts, RebuildState, inputs_digest
from .record_keys import record_key
from .review import review_items, unacknowledged
from .workers import map_ordered, worker_count
from verify.crossyear import agency_key, check_pair, consecutive_pairs

__all__ = ["rebuild_combined", "cross_year_links", "Totals", "RebuildError"]


class RebuildError(LLMExtractError):
    """The combined outputs could not be rebuilt (the previous ones are left as they were; the records hold
    every document)."""


@dataclass
class Totals:
    """What the rebuilt files hold for the documents of this batch."""

    fields: Counter[str] = field(default_factory=Counter)     # status → count
    rules: Counter[str] = field(default_factory=Counter)      # rule code → findings (error/warning)
    queued: int = 0


def cross_year_links(paths: list[Path]) -> dict[str, list[dict[str, Any]]]:
    """Cross-year findings by doc id, as finding dicts with their review items (see the module docstring)."""
    keys = [record_key(p) for p in paths]
    pairs = sorted(consecutive_pairs(keys), key=lambda ij: (agency_key(keys[ij[0]][0] or ""), keys[ij[0]][1] or 0))
    out: dict[str, list[dict[str, Any]]] = {}
    loaded: OrderedDict[int, Record] = OrderedDict()       # the last few records (a chain's previous year)

    def record(i: int) -> Record:
        if i not in loaded:
            loaded[i] = Record.from_json_dict(read_json(paths[i]))
            if len(loaded) > 4:
                loaded.popitem(last=False)
        return loaded[i]

    for i, j in pairs:
        for finding in check_pair(record(i), record(j)):
            doc_id = record(j).doc_id
            # the report's values, for the value an item on one field shows (what the record holds)
            carrier = Record(report=record(j).report, findings=[finding])
            out.setdefault(doc_id, []).append({
                "finding": finding.model_dump(mode="json", exclude_defaults=True),
                "review": [item.model_dump(mode="json") for item in review_items(carrier, [])],
            })
    return out


def _render(job: tuple[Path, list[dict[str, Any]]]) -> Fragment:
    """One record file, joined with its cross-year findings, as its part of every output (in a worker)."""
    path, links = job
    rec = read_json(path)
    for link in links:
        rec.setdefault("findings", []).append(link["finding"])
        rec.setdefault("review", []).extend(unacknowledged(rec, link["review"]))
    review = rec.pop("review", [])
    return render_fragment(rec, review)


def _render_died(job: tuple[Path, list[dict[str, Any]]]) -> Fragment:
    """A record whose rendering killed its process twice (once among others, once alone): the rebuild fails."""
    raise RebuildError(f"{job[0]}: rendering this record into the combined outputs killed the process doing it "
                       "twice (ended by the system, as the out-of-memory killer does, or by a crash in a library); "
                       "the combined outputs were not rebuilt and are left as they were")


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
    links = cross_year_links(paths)
    jobs = ((p, links.get(p.stem, [])) for p in paths)
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
