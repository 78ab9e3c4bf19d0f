"""The two CSV files (UTF-8 with BOM, so Excel opens them cleanly; CRLF rows).

- ``OUT/fields.csv``: the long table, one row per field of every document
  (doc_id, path, table, row, column, value, status, source, rules, lines).
- ``OUT/records.csv``: the wide table, one row per document: ``ok`` and ``error``
  (a failed document has a row too, with its error), ``fields_proven``, ``fields_pinned``,
  ``fields_reviewed``, ``fields_queued`` (what still waits for a person), then for
  every field path its value and ``<path>.status``. A blank cell stays empty, never 0.

A text that a spreadsheet program would run as a formula when it opens the file (one beginning with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return: a doc id from a file name ``=SUM(1,2).txt``, an
agency a reviewer typed) is written with an apostrophe before it (``'=SUM(1,2)``), as OWASP advises
against CSV injection: Excel and LibreOffice then show it as text. Counts and fees never begin so;
records.sqlite, records.jsonl and records.xlsx keep every text exactly.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any, BinaryIO

from ..schema import ALL_PATHS
from .fields import QUEUED_STATUSES, FieldRow, locate

__all__ = ["FieldsCsv", "RecordsCsv", "FIELDS_HEADER", "RECORDS_HEADER", "fields_csv_text", "records_csv_text",
           "csv_field", "as_text"]

FIELDS_HEADER = ["doc_id", "path", "table", "row", "column", "value", "status", "source", "rules", "lines"]
RECORDS_HEADER = (["doc_id", "ok", "error", "fields_proven", "fields_pinned", "fields_reviewed",
                   "fields_queued"]
                  + [c for p in ALL_PATHS for c in (p, f"{p}.status")])


def _csv_line(values: list[Any]) -> bytes:
    """One line as ``csv.writer`` writes it (QUOTE_MINIMAL, CRLF), encoded."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerow(values)
    return buf.getvalue().encode("utf-8")


#: UTF-8's byte order mark, first in each file (Excel then reads it as UTF-8).
_BOM = "\ufeff".encode("utf-8")
_SPECIAL = re.compile(r'[,"\r\n]')
#: the first characters of a cell a spreadsheet program reads as a formula (or a formula's start)
_FORMULA_START = frozenset("=+-@\t\r")


def as_text(value: Any) -> Any:
    """``value``, or a text a spreadsheet would run as a formula with an apostrophe before it."""
    if type(value) is str and value[:1] in _FORMULA_START:
        return "'" + value
    return value


def _texts_as_text(rows: list[FieldRow]) -> list[FieldRow]:
    """``rows`` with each value text a spreadsheet would run as a formula (an agency typed so) made text
    (:func:`as_text`); the rows themselves when none is (most documents)."""
    if any(t and t[0] in _FORMULA_START for t in (r.text for r in rows)):
        return [r._replace(text=as_text(r.text)) for r in rows]
    return rows


def csv_field(value: Any) -> str:
    """One field as the ``csv`` module writes it here (``QUOTE_MINIMAL``, ``,``, ``"``, CRLF): None is
    empty; a field holding a comma, a quote, CR or LF is quoted, its quotes doubled."""
    if value is None:
        return ""
    text = value if type(value) is str else str(value)
    if _SPECIAL.search(text) is None:
        return text
    return '"' + text.replace('"', '""') + '"'


#: Per field path, its fixed part of a fields.csv line: ``path,table,row,column`` (nothing to quote).
_FIELD_PLACES = {p: ",".join(map(csv_field, (p, *locate(p)))) for p in ALL_PATHS}
assert all(v.count(",") == 3 and _SPECIAL.search(v.replace(",", "")) is None for v in _FIELD_PLACES.values())


def _plain(text: str, lines: int, commas: int) -> bool:
    """Whether ``lines`` CRLF lines joined unquoted hold only their separators: no value had a comma, a
    quote or a line break (each would add to a count), so the text is what csv.writer writes."""
    return (text.count(",") == commas and text.count("\n") == lines and text.count("\r") == lines
            and '"' not in text)


def fields_csv_text(rows: list[FieldRow]) -> str:
    """One document's lines of fields.csv (its :func:`~.fields.field_rows`), as text (made in a worker
    process, written as is)."""
    if not rows:
        return ""
    doc_id, places = as_text(rows[0].doc_id), _FIELD_PLACES
    rows = _texts_as_text(rows)
    text = "".join([f"{doc_id},{places[path]},{text or ''},{status},{source or ''},{' '.join(rules) if rules else ''},"
                    f"{(' '.join(map(str, lines)) if len(lines) > 1 else lines[0]) if lines else ''}\r\n"
                    for _, path, _, _, _, _, text, status, source, rules, lines in rows])
    if _plain(text, len(rows), 9 * len(rows)):
        return text
    q = csv_field
    return "".join([f"{q(doc_id)},{places[r.path]},{q(r.text)},{q(r.status)},{q(r.source)},{q(' '.join(r.rules))},"
                    f"{q(' '.join(map(str, r.lines)))}\r\n" for r in rows])


def records_csv_text(rows: list[FieldRow]) -> str:
    """One document's line of records.csv, as text."""
    statuses = [r.status for r in rows]
    rows = _texts_as_text(rows)
    head = [as_text(rows[0].doc_id) if rows else "", 1, "", statuses.count("proven"), statuses.count("pinned"),
            statuses.count("reviewed"), sum(1 for s in statuses if s in QUEUED_STATUSES)]
    text = ",".join([*map(str, head), *(f"{r.text or ''},{r.status}" for r in rows)]) + "\r\n"
    if _plain(text, 1, len(head) - 1 + 2 * len(rows)):     # the separators, and the comma within each pair
        return text
    return ",".join([*map(csv_field, head), *(f"{csv_field(r.text)},{csv_field(r.status)}" for r in rows)]) + "\r\n"


class FieldsCsv:
    """fields.csv, written as bytes (a document's lines arrive encoded, :class:`~.fragment.Fragment`)."""

    def __init__(self, fh: BinaryIO) -> None:
        self.fh = fh
        fh.write(_BOM + _csv_line(FIELDS_HEADER))

    def add_text(self, text: bytes) -> None:
        """Lines made by :func:`fields_csv_text`, encoded."""
        self.fh.write(text)


class RecordsCsv:
    """records.csv, written as bytes (see :class:`FieldsCsv`)."""

    def __init__(self, fh: BinaryIO) -> None:
        self.fh = fh
        fh.write(_BOM + _csv_line(RECORDS_HEADER))

    def add_text(self, text: bytes) -> None:
        """A line made by :func:`records_csv_text`, encoded."""
        self.fh.write(text)

    def add_failed(self, failure: dict[str, Any]) -> None:
        line = [as_text(failure.get("doc_id", "")), 0,
                as_text(failure.get("error") or failure.get("error_type") or "failed")]
        self.fh.write(_csv_line(line + [""] * (len(RECORDS_HEADER) - len(line))))
