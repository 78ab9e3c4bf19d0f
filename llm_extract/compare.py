"""Compare extraction output against golden files, field by field, strictly.

Strict means: ``null`` and ``0`` differ; the fee compares as a decimal; a
golden key missing from the output counts as wrong. The agency matches when
either name contains the other (``向阳区`` ~ ``向阳区人民政府``).
"""

from __future__ import annotations

from collections.abc import Container, Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from ._exceptions import GoldenError
from .outputs import RECORDS_DIR, iter_jsonl, read_json
from .rebuild_later import current_queue
from .schema import ALL_PATHS, same_value, table_of

__all__ = ["Difference", "Comparison", "compare_dirs", "compare_values", "field_matches", "load_golden_dir",
           "load_output_dir"]

_MISSING = object()


class Difference(BaseModel):
    doc_id: str
    path: str
    expected: Any
    got: Any
    queued: bool          # the field is in the review queue (a person will see it)
    no_record: bool = False   # the document has no record (it failed): said as a whole, never silent


class Comparison(BaseModel):
    fields: int = 0
    correct: int = 0
    per_table: dict[str, list[int]] = Field(default_factory=dict)   # table → [correct, total]
    per_document: dict[str, list[int]] = Field(default_factory=dict)
    missing_documents: list[str] = Field(default_factory=list)       # golden without output
    differences: list[Difference] = Field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.fields if self.fields else 0.0

    @property
    def silent_errors(self) -> int:
        """Wrong values that are not in the review queue (a failed document's fields are not: the failure
        is reported, in ``missing_documents``, OUT/failed/ and the summary)."""
        return sum(1 for d in self.differences if not d.queued and not d.no_record)


def _get(data: dict[str, Any], path: str) -> Any:
    node: Any = data
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            return _MISSING
        node = node[part]
    return node


def field_matches(path: str, expected: Any, got: Any) -> bool:
    """The output's value matches the golden one (a field missing from the output never does)."""
    return got is not _MISSING and same_value(path, expected, got)


def compare_values(doc_id: str, expected: dict[str, Any], got: dict[str, Any] | None,
                   queued_paths: set[str] | None = None) -> tuple[list[tuple[str, bool]], list[Difference]]:
    """(path, correct) for every golden field, and the differences."""
    results, diffs = [], []
    for path in ALL_PATHS:
        e = _get(expected, path)
        if e is _MISSING:
            continue
        g = _get(got, path) if got is not None else _MISSING
        ok = field_matches(path, e, g)
        results.append((path, ok))
        if not ok:
            diffs.append(Difference(doc_id=doc_id, path=path, expected=e, got=None if g is _MISSING else g,
                                    queued=path in (queued_paths or set()), no_record=got is None))
    return results, diffs


def load_golden_dir(golden_dir: str | Path) -> dict[str, dict[str, Any]]:
    gd = Path(golden_dir)
    if not gd.is_dir():
        raise GoldenError(f"{gd}: not a directory")
    out = {}
    for p in sorted(gd.glob("*.json")):
        try:
            data = read_json(p)
        except ValueError as exc:
            raise GoldenError(f"{p}: not valid JSON: {exc}") from exc
        out[data.get("doc_id") or p.stem] = data
    if not out:
        raise GoldenError(f"{gd}: no golden *.json files")
    return out


def load_output_dir(out_dir: str | Path, *, only: set[str] | None = None) -> tuple[dict[str, dict[str, Any]],
                                                                                dict[str, set[str]]]:
    """Records by doc id, and the queued field paths by doc id (of the documents in ``only``, if given: the
    others are read one at a time and let go); see :func:`_queued` for where the queue is read."""
    od = Path(out_dir)
    records: dict[str, dict[str, Any]] = {}
    for doc_id, data in _records(od):
        if only is None or doc_id in only:
            records[doc_id] = data
    in_file = _queue_file(od, only)
    queued = {doc_id: paths for doc_id, items in in_file.items() if (paths := _paths(items))}
    for doc_id, rec in records.items():
        queued[doc_id] = _queued(rec, in_file.get(doc_id, []))
    return records, queued


def _queue_file(od: Path, docs: Container[str] | None) -> dict[str, list[dict[str, Any]]]:
    """The queue file's items, by doc id, of the documents in ``docs`` (None: every one); of each, what tells
    which field and finding it is about (a large queue's messages and source lines are let go)."""
    items: dict[str, list[dict[str, Any]]] = {}
    for item in iter_jsonl(od / "review_queue.jsonl"):
        if docs is None or item["doc_id"] in docs:
            items.setdefault(item["doc_id"], []).append({k: item.get(k) for k in ("path", "rules", "finding")})
    return items


def _paths(items: list[dict[str, Any]]) -> set[str]:
    return {item.get("path", "") for item in items}


def _queued(rec: dict[str, Any], in_file: list[dict[str, Any]]) -> set[str]:
    """The field paths of a document's queue as its record makes it now: a record file carries its own review
    items (decided since the queue file was last rebuilt or not: a killed rebuild or review page leaves that file
    stale), the queue file adds the cross-year and roll-up findings on it that its decisions have not
    acknowledged (:func:`llm_extract.rebuild_later.current_queue`). A record of records.jsonl holds no review
    items: its queue is the file's, rebuilt with it."""
    if "review" not in rec:
        return _paths(in_file)
    return _paths(current_queue(rec, in_file))


def _records(od: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """(doc id, record) of an output directory, one at a time."""
    if (od / RECORDS_DIR).is_dir():
        for p in sorted((od / RECORDS_DIR).glob("*.json")):
            data = read_json(p)
            yield data.get("doc_id") or p.stem, data
    elif (od / "records.jsonl").exists():
        for r in iter_jsonl(od / "records.jsonl"):
            yield r["doc_id"], r
    else:
        raise GoldenError(f"{od}: no records/ directory or records.jsonl (is this an extract output directory?)")


def compare_dirs(out_dir: str | Path, golden_dir: str | Path) -> Comparison:
    """Every golden field against the output directory's records, read one at a time (memory does not grow
    with the batch: a record's provenance and review items are dropped once its fields are compared)."""
    golden = load_golden_dir(golden_dir)
    od = Path(out_dir)
    in_file = _queue_file(od, golden)
    compared: dict[str, tuple[dict[str, list[int]], list[Difference]]] = {}
    for doc_id, rec in _records(od):
        if doc_id in golden:                             # (of two records claiming one id, the last, as ever)
            mine = _queued(rec, in_file.get(doc_id, []))
            compared[doc_id] = _counted(compare_values(doc_id, golden[doc_id], rec, mine))
    cmp = Comparison()
    for doc_id, expected in golden.items():             # (in the golden files' order)
        if doc_id not in compared:
            cmp.missing_documents.append(doc_id)
            compared[doc_id] = _counted(compare_values(doc_id, expected, None, _paths(in_file.get(doc_id, []))))
        by_table, diffs = compared.pop(doc_id)
        cmp.differences.extend(diffs)
        doc = cmp.per_document.setdefault(doc_id, [0, 0])
        for name, (ok, n) in by_table.items():
            table = cmp.per_table.setdefault(name, [0, 0])
            cmp.fields += n
            cmp.correct += ok
            table[0] += ok
            table[1] += n
            doc[0] += ok
            doc[1] += n
    return cmp


def _counted(compared: tuple[list[tuple[str, bool]], list[Difference]]) -> tuple[dict[str, list[int]], list[Difference]]:
    """A document's comparison as [correct, fields] per table, and its differences."""
    by_table: dict[str, list[int]] = {}
    for path, ok in compared[0]:
        counts = by_table.setdefault(table_of(path), [0, 0])
        counts[0] += ok
        counts[1] += 1
    return by_table, compared[1]


def golden_from_record(record: dict[str, Any], previous: dict[str, Any] | None = None) -> dict[str, Any]:
    """The golden-shape part of a record (notes kept from the previous golden file)."""
    keys = ("doc_id", "agency", "year", "active_disclosure", "applications", "review_litigation")
    out = {k: record[k] for k in keys if k in record}
    out["notes"] = (previous or {}).get("notes", record.get("notes", []))
    return out
