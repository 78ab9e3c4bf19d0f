"""The two CSV files (UTF-8 with BOM, so Excel opens them cleanly; CRLF rows).

- ``OUT/fields.csv``: the long table, one row per field of every document
  (doc_id, path, table, row, column, value, status, source, rules, lines).
- ``OUT/records.csv``: the wide table, one row per document: ``ok`` and ``error``
  (a failed document has a row too, with its error), ``fields_proven``,
  ``fields_reviewed``, ``fields_queued`` (what still waits for a person), then for
  every field path its value and ``<path>.status``. A blank cell stays empty, never 0.
"""

from __future__ import annotations

import csv
import io
from typing import Any, TextIO

from ..schema import ALL_PATHS
from .fields import QUEUED_STATUSES, FieldRow

__all__ = ["FieldsCsv", "RecordsCsv", "FIELDS_HEADER", "RECORDS_HEADER", "fields_csv_text", "records_csv_text"]

FIELDS_HEADER = ["doc_id", "path", "table", "row", "column", "value", "status", "source", "rules", "lines"]
RECORDS_HEADER = (["doc_id", "ok", "error", "fields_proven", "fields_reviewed", "fields_queued"]
                  + [c for p in ALL_PATHS for c in (p, f"{p}.status")])


def _writer(fh: TextIO, header: list[str]) -> Any:
    fh.write("\ufeff")
    writer = csv.writer(fh, lineterminator="\r\n")
    writer.writerow(header)
    return writer


def _fields_lines(rows: list[FieldRow]) -> list[list[Any]]:
    return [[r.doc_id, r.path, r.table, r.row, r.column or "", r.text or "", r.status, r.source or "",
             " ".join(r.rules), " ".join(map(str, r.lines))] for r in rows]


def _records_line(rows: list[FieldRow]) -> list[Any]:
    statuses = [r.status for r in rows]
    line: list[Any] = [rows[0].doc_id if rows else "", 1, "", statuses.count("proven"),
                       statuses.count("reviewed"), sum(1 for s in statuses if s in QUEUED_STATUSES)]
    for r in rows:
        line += [r.text or "", r.status]
    return line


def _text(lines: list[list[Any]]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(lines)
    return buf.getvalue()


def fields_csv_text(rows: list[FieldRow]) -> str:
    """One document's lines of fields.csv, as text (made in a worker process, written as is)."""
    return _text(_fields_lines(rows))


def records_csv_text(rows: list[FieldRow]) -> str:
    """One document's line of records.csv, as text."""
    return _text([_records_line(rows)])


class FieldsCsv:
    def __init__(self, fh: TextIO) -> None:
        self.fh = fh
        _writer(fh, FIELDS_HEADER)

    def add_text(self, text: str) -> None:
        """Lines made by :func:`fields_csv_text`."""
        self.fh.write(text)


class RecordsCsv:
    def __init__(self, fh: TextIO) -> None:
        self.fh = fh
        self.writer = _writer(fh, RECORDS_HEADER)

    def add_text(self, text: str) -> None:
        """A line made by :func:`records_csv_text`."""
        self.fh.write(text)

    def add_failed(self, failure: dict[str, Any]) -> None:
        line = [failure.get("doc_id", ""), 0, failure.get("error") or failure.get("error_type") or "failed"]
        self.writer.writerow(line + [""] * (len(RECORDS_HEADER) - len(line)))
