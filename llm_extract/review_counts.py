"""The review queue counted per document: what the review site's pages list (its decisions aside)."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from .outputs import iter_jsonl
from .rebuild_later import is_cross_year

__all__ = ["DocumentQueue", "count_documents", "QUEUE_FILE"]

QUEUE_FILE = "review_queue.jsonl"


class DocumentQueue(BaseModel):
    doc_id: str
    agency: str | None = None
    year: str | None = None
    queued: int = 0
    decided: int = 0
    by_status: dict[str, int] = Field(default_factory=dict)

    @property
    def total(self) -> int:
        return self.queued + self.decided


def count_documents(out: Path) -> tuple[list[DocumentQueue], dict[str, list[dict[str, Any]]]]:
    """Every document with its queue counts (no decisions), and each document's cross-year items."""
    docs: dict[str, DocumentQueue] = {}
    csv_path = out / "records.csv"
    if csv_path.exists():
        with open(csv_path, encoding="utf-8-sig", newline="") as fh:
            for row in csv.DictReader(fh):
                docs[row["doc_id"]] = DocumentQueue(doc_id=row["doc_id"], agency=row.get("agency") or None,
                                                    year=row.get("year") or None)
    statuses: dict[str, Counter[str]] = {}
    linked: dict[str, list[dict[str, Any]]] = {}
    for raw in iter_jsonl(out / QUEUE_FILE):
        statuses.setdefault(raw["doc_id"], Counter())[raw["status"]] += 1
        if is_cross_year(raw):
            linked.setdefault(raw["doc_id"], []).append(raw)
    for doc_id, counts in statuses.items():
        d = docs.setdefault(doc_id, DocumentQueue(doc_id=doc_id))
        d.queued, d.by_status = sum(counts.values()), dict(counts)
    return [docs[k] for k in sorted(docs)], linked
