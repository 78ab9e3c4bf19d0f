"""Writing outputs atomically: per-document records, the combined JSONL, the wide CSV,
the review queue and the run summary.

Layout of an output directory::

    OUT/records/<doc_id>.json   one verified record per document (golden shape + evidence)
    OUT/failed/<doc_id>.json    one file per document that failed, with the error
    OUT/records.jsonl           every record, one per line
    OUT/records.csv             one row per document, one column per field path (UTF-8 with BOM)
    OUT/review_queue.jsonl      one line per item to review (stable ids)
    OUT/summary.json            the run summary

Every file is written to a temporary file in the same directory and renamed,
so a killed run never leaves a half file (the rename is what makes it atomic; an
fsync per file is asked for only where a power cut must not lose it: ``sync=True``).
Records and the summary are compact JSON (one line): the C encoder, a third of the
bytes; golden files, which people read and diff, are indented (``indent=2``).
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterable, Iterator, TextIO

from .schema import ALL_PATHS

__all__ = ["atomic_open", "atomic_write_text", "csv_row", "CSV_HEADER", "write_json", "read_json", "write_jsonl",
           "read_jsonl", "write_csv", "RECORDS_DIR", "FAILED_DIR", "dumps"]

RECORDS_DIR = "records"
FAILED_DIR = "failed"


def _default(obj: Any) -> Any:
    if isinstance(obj, Decimal):
        return int(obj) if obj == obj.to_integral_value() else float(obj)
    if isinstance(obj, set):
        return sorted(obj)
    raise TypeError(f"not JSON serialisable: {type(obj).__name__}")


def dumps(obj: Any, *, indent: int | None = None) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=indent, default=_default)


@contextmanager
def atomic_open(path: str | Path, *, encoding: str = "utf-8", sync: bool = False) -> Iterator[TextIO]:
    """A text file that appears at ``path`` only when the block ends without an error
    (written to a temp file in the same directory, synced if ``sync``, renamed); for streaming writes."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as fh:
            yield fh
            if sync:
                fh.flush()
                os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_text(path: str | Path, text: str, *, encoding: str = "utf-8", sync: bool = False) -> None:
    """Write ``text`` to ``path`` via a temp file and a rename."""
    with atomic_open(path, encoding=encoding, sync=sync) as fh:
        fh.write(text)


def write_json(path: str | Path, data: Any, *, indent: int | None = None, sync: bool = False) -> None:
    """``data`` as JSON at ``path``, atomically: compact (one line) unless ``indent`` is given."""
    atomic_write_text(path, dumps(data, indent=indent) + "\n", sync=sync)


def read_json(path: str | Path) -> Any:
    return json.loads(Path(path).read_text(encoding="utf-8"), parse_float=Decimal)


def write_jsonl(path: str | Path, rows: Iterable[Any]) -> None:
    atomic_write_text(path, "".join(dumps(r) + "\n" for r in rows))


def read_jsonl(path: str | Path) -> list[Any]:
    p = Path(path)
    if not p.exists():
        return []
    return [json.loads(line, parse_float=Decimal) for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]


def _csv_value(v: Any) -> Any:
    if v is None:
        return ""
    if isinstance(v, Decimal):
        return format(v, "f")
    return v


CSV_HEADER = ["doc_id", "fields_proven", "fields_queued"] + list(ALL_PATHS)


def csv_row(rec: dict[str, Any]) -> list[Any]:
    """One record as a row of the wide CSV (``CSV_HEADER``); null is an empty cell, never 0."""
    counts = rec.get("status_counts", {})
    queued = sum(v for k, v in counts.items() if k != "proven")
    row = [rec.get("doc_id"), counts.get("proven", 0), queued]
    for field in ALL_PATHS:
        node: Any = rec
        for part in field.split("."):
            node = node.get(part) if isinstance(node, dict) else None
        row.append(_csv_value(node))
    return row


def write_csv(path: str | Path, records: Iterable[dict[str, Any]]) -> None:
    """Wide CSV: doc_id, then every field path, one row per record. UTF-8 with BOM for Excel."""
    with atomic_open(path) as fh:
        fh.write("\ufeff")
        writer = csv.writer(fh, lineterminator="\r\n")
        writer.writerow(CSV_HEADER)
        writer.writerows(csv_row(rec) for rec in records)
