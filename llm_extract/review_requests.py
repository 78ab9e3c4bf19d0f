"""What a reviewer submits (a decision as typed, or a CSV file of them) and what deciding gives back.

:class:`DecisionRequest` is a decision before it is checked against its field
(:mod:`llm_extract.decision_values`); :class:`ResolveOutcome` is what
:meth:`llm_extract.review_store.ReviewStore.resolve` reports; :func:`requests_from_csv` reads
``item_id,value[,note]`` rows, as ``llm-extract resolve OUT --from FILE.csv`` takes them.
"""

from __future__ import annotations

import csv
from pathlib import Path

from pydantic import BaseModel, Field

from .decision_values import InvalidDecision

__all__ = ["DecisionRequest", "ResolveOutcome", "requests_from_csv"]


class DecisionRequest(BaseModel):
    """A decision as a reviewer types it: ``value`` is a number, ``null``, ``keep`` or a name."""

    item_id: str
    value: str
    note: str | None = None


class ResolveOutcome(BaseModel):
    decided: int = 0
    documents: list[str] = Field(default_factory=list)
    broken: dict[str, list[str]] = Field(default_factory=dict)   # doc id → identities a decision broke
    status_counts: dict[str, dict[str, int]] = Field(default_factory=dict)
    skipped_missing: int = 0          # missing fields a bulk accept passed over (nothing read: no value to accept)


def requests_from_csv(path: str | Path) -> list[DecisionRequest]:
    """Decisions from a CSV file with columns ``item_id,value[,note]`` (a header row is optional)."""
    out = []
    with open(path, encoding="utf-8-sig", newline="") as fh:
        for n, row in enumerate(csv.reader(fh), start=1):
            if not row or not any(c.strip() for c in row) or (n == 1 and row[0].strip().lower() == "item_id"):
                continue
            if len(row) < 2:
                raise InvalidDecision(f"{path}, line {n}: expected item_id,value[,note]; got {','.join(row)!r}")
            out.append(DecisionRequest(item_id=row[0].strip(), value=row[1], note=(row[2] if len(row) > 2 else None)))
    return out
