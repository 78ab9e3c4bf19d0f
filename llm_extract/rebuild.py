"""The end-of-run rebuild: every combined output (``llm_extract.export``) from the record files.

Streamed and parallel: the record files are read, joined with their cross-year findings and
joined with their review items on every core, one record at a time per
worker (:func:`llm_extract.workers.map_ordered`), and written here in file order: memory does
not grow with the output directory, and the files are those of a serial rebuild.

Cross-year findings (verify.crossyear) depend on the whole output directory, so they go into
the combined files only; each ``records/*.json`` stays a function of its own document. Each
agency-year is linked once (linear), and the records of a link are loaded as it is checked:
a few at a time, never all linked records at once.
"""

from __future__ import annotations

from collections import Counter, OrderedDict
import multiprocessing
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .evidence import Record
from .export import Exports, open_exports, stage_workbook
from .outputs import RECORDS_DIR, read_json
from .record_keys import record_key
from .review import review_items
from .schema import Report
from .workers import map_ordered, worker_count
from verify.crossyear import agency_key, check_pair, consecutive_pairs

__all__ = ["rebuild_combined", "cross_year_links", "Totals"]


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
            carrier = Record(report=Report(doc_id=doc_id), findings=[finding])
            out.setdefault(doc_id, []).append({
                "finding": finding.model_dump(mode="json", exclude_defaults=True),
                "review": [item.model_dump(mode="json") for item in review_items(carrier, [])],
            })
    return out


def _render(job: tuple[Path, list[dict[str, Any]]]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """One record file, joined with its cross-year findings: (record, its review items)."""
    path, links = job
    rec = read_json(path)
    acknowledged = (rec.get("stages", {}).get("review") or {}).get("acknowledged") or {}
    for link in links:
        rec.setdefault("findings", []).append(link["finding"])
        rec.setdefault("review", []).extend(i for i in link["review"] if i.get("finding") not in acknowledged)
    review = rec.pop("review", [])
    return rec, review


def _in_batch(doc_id: str, batch_ids: set[str]) -> bool:
    return doc_id in batch_ids or doc_id.rsplit("-", 1)[0] in batch_ids     # <stem>-k: a report split from <stem>


def rebuild_combined(out: Path, batch_ids: set[str], *, workers: int | None = None) -> Totals:
    """Rewrite the combined files of ``out``; the totals count the documents in ``batch_ids``."""
    paths = sorted((out / RECORDS_DIR).glob("*.json"))
    links = cross_year_links(paths)
    totals = Totals()
    jobs = ((p, links.get(p.stem, [])) for p in paths)
    n = worker_count(len(paths), workers)
    if n < 2:
        with open_exports(out) as exports:
            _add_all(exports, map_ordered(_render, jobs, workers=1), batch_ids, totals)
        return totals
    # the workbook (openpyxl, the slowest writer) is made in a process of its own meanwhile
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        workbook = pool.submit(_workbook, out, paths, links)
        try:
            with open_exports(out, workbook=lambda: Path(workbook.result())) as exports:
                _add_all(exports, map_ordered(_render, jobs, workers=n - 1), batch_ids, totals)
        except BaseException:
            try:                        # the other outputs failed: the staged workbook goes too
                Path(workbook.result()).unlink(missing_ok=True)
            except Exception:
                pass
            raise
    return totals


def _workbook(out: Path, paths: list[Path], links: dict[str, list[dict[str, Any]]]) -> str:
    return str(stage_workbook(out, (_render((p, links.get(p.stem, []))) for p in paths)))


def _add_all(exports: Exports, records: Iterable[tuple[dict[str, Any], list[dict[str, Any]]]],
             batch_ids: set[str], totals: Totals) -> None:
    for rec, review in records:
        exports.add(rec, review)
        if _in_batch(str(rec.get("doc_id")), batch_ids):
            totals.queued += len(review)
            totals.fields.update(rec.get("status_counts", {}))
            totals.rules.update(f["code"] for f in rec.get("findings", [])
                                if f.get("severity", "error") in ("error", "warning"))
