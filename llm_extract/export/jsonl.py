"""The combined JSONL of records, without the per-field provenance.

``OUT/records/<doc_id>.json`` holds each document's full provenance (source, method,
raw cell text, lines, candidates per field) and ``records.sqlite`` holds it as rows;
repeating it in every line of ``records.jsonl`` made a line ~33 KB (mostly provenance
and long informational findings). A line keeps the golden shape, the status of every
field that is not ``proven`` (``statuses``; a field not listed is proven), the status
counts, the error and warning findings (without their ``detail``), and the source.
"""

from __future__ import annotations

from typing import Any

__all__ = ["slim_record"]

_DROPPED = {"provenance", "stages", "findings", "review"}


def slim_record(rec: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in rec.items() if k not in _DROPPED}
    out["statuses"] = {p: v["status"] for p, v in rec.get("provenance", {}).items() if v.get("status") != "proven"}
    out["findings"] = [{k: v for k, v in f.items() if k != "detail"} for f in rec.get("findings", [])
                       if f.get("severity", "error") in ("error", "warning")]
    return out
