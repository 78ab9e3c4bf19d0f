"""One document's part of every combined output, rendered at once: a :class:`Fragment`.

The rebuild renders fragments in worker processes (reading the record, its field rows,
indicators, CSV lines, database rows, workbook rows and HTML section are the costly,
per-document part) and the process that owns the files only appends them in order
(:meth:`llm_extract.export.Exports.add_fragment`). A fragment is plain, picklable data; its text parts are
UTF-8 bytes, encoded once here: they travel as bytes (cheaper to pickle and load than text) and the
files take them as they are.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from ..analysis import TRUSTED, Indicator, compute_indicators
from ..outputs import dumps
from .csv_tables import fields_csv_text, records_csv_text
from .fields import field_rows
from .html import document_section
from .jsonl import slim_record
from .sqlite import SqlRows, sql_rows
from .workbook_process import pack_rows
from .xlsx import document_rows

__all__ = ["Fragment", "render_fragment"]


@dataclass(slots=True)
class Fragment:
    """Everything the combined outputs hold of one document (see :func:`render_fragment`)."""

    doc_id: str
    agency: Any
    year: Any
    indicators: list[Indicator]
    year_trusted: bool              # the year is proven or reviewed (an untrusted one groups no roll-up sum)
    agency_trusted: bool            # the agency likewise
    jsonl: bytes                    # its line of records.jsonl
    queue: bytes                    # its lines of review_queue.jsonl
    records_csv: bytes              # its line of records.csv
    fields_csv: bytes               # its lines of fields.csv
    sql: SqlRows                    # its rows of records.sqlite
    xlsx: bytes                     # its rows of records.xlsx, packed (workbook_process.pack_rows)
    html: bytes                     # its section of report.html
    field_statuses: dict[str, int]  # status -> fields (over every field path)
    status_counts: dict[str, int]   # the record's own counts
    rules: list[str]                # the codes of its error and warning findings
    queued: int                     # its review items
    rollup_role: str = "counts"     # of an agency-year several documents report: llm_extract.agency_years
    rollup_note: str = ""           # what its roll-up groups say of it (folded, superseded, conflicting)


def render_fragment(rec: dict[str, Any], review: list[dict[str, Any]]) -> Fragment:
    """A record dict (cross-year findings merged, ``review`` popped) as its part of every output."""
    rows = field_rows(rec)
    indicators = compute_indicators({r.path: (r.value, r.status) for r in rows})
    meta = {r.path: r.status for r in rows[:2]}         # agency and year, first in field_rows
    return Fragment(
        doc_id=str(rec.get("doc_id")), agency=rec.get("agency"), year=rec.get("year"), indicators=indicators,
        year_trusted=meta.get("year") in TRUSTED, agency_trusted=meta.get("agency") in TRUSTED,
        jsonl=(dumps(slim_record(rec)) + "\n").encode(), queue="".join(dumps(item) + "\n" for item in review).encode(),
        records_csv=records_csv_text(rows).encode(), fields_csv=fields_csv_text(rows).encode(),
        sql=sql_rows(rec, rows, review, indicators), xlsx=pack_rows(document_rows(rec, rows, review, indicators)),
        html=document_section(rec, rows, review, indicators).encode(),
        field_statuses=dict(Counter(r.status for r in rows)), status_counts=dict(rec.get("status_counts", {})),
        rules=[f["code"] for f in rec.get("findings", []) if f.get("severity", "error") in ("error", "warning")],
        queued=len(review))
