"""Reviewer decisions: append-only, applied to records, re-verified.

A decision says "in document D, field P is V" (``null`` allowed: a blank cell). It
is appended as one line to ``OUT/decisions.jsonl`` (never rewritten), keyed to the
document's content hash so a decision about one version of a report is not applied
to another. Applying decisions sets the value, marks the field ``reviewed`` (the
review candidates are kept in its provenance), and re-checks every identity: a
decided value that breaks one is ``disputed`` again, never trusted silently.
"""

from __future__ import annotations

import json
import os
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from .evidence import FieldProvenance, Record, Status
from .schema import ALL_PATHS

__all__ = ["Decision", "DECISIONS_FILE", "append_decision", "load_decisions", "apply_decisions"]

DECISIONS_FILE = "decisions.jsonl"


class Decision(BaseModel):
    doc_id: str
    path: str
    value: Any = None
    item_id: str | None = None
    content_hash: str | None = None
    reviewer: str | None = None
    note: str | None = None
    decided_at: str = Field(default_factory=lambda: datetime.now(timezone.utc).isoformat(timespec="seconds"))


def append_decision(out_dir: str | Path, decision: Decision) -> None:
    """Append one decision as one line (flushed and synced: a crash loses nothing written)."""
    if decision.path not in ALL_PATHS:
        raise ValueError(f"unknown field path {decision.path!r}")
    path = Path(out_dir) / DECISIONS_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(decision.model_dump_json() + "\n")
        fh.flush()
        os.fsync(fh.fileno())


def load_decisions(out_dir: str | Path) -> dict[tuple[str, str], Decision]:
    """The latest decision per (document, field); a torn last line (crash) is ignored."""
    path = Path(out_dir) / DECISIONS_FILE
    out: dict[tuple[str, str], Decision] = {}
    if not path.exists():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            d = Decision.model_validate(json.loads(line))
        except (ValueError, TypeError):
            continue
        out[(d.doc_id, d.path)] = d
    return out


def apply_decisions(record: Record, decisions: dict[tuple[str, str], Decision]) -> Record:
    """Apply the decisions about this record's document (and version), then re-verify it."""
    from verify import verify_report
    from verify.narrative import recheck_narrative

    content_hash = record.source.get("content_hash")
    mine = [d for (doc_id, _), d in decisions.items()
            if doc_id == record.doc_id and (d.content_hash in (None, content_hash))]
    if not mine:
        return record
    report = record.report.model_copy(deep=True)
    provenance = dict(record.provenance)
    for d in mine:
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
