"""OUT/records.sqlite: the batch as an embedded database (Datasette, DB Browser, pandas).

Tables (typed columns; every doc id is TEXT, so ``004`` stays ``004``):

- ``documents``: one row per document, ok or failed (``ok`` 1/0, ``error`` for a failure).
- ``fields``: one row per field (doc_id, table, row, column, path, value, status, source,
  rules, lines). ``value`` is TEXT holding the exact value (the fee ``94.0121`` as printed,
  never a binary float); ``value_int`` holds the same value as INTEGER for counts and the
  year, for arithmetic in SQL (never for the fee, not even a whole one: a sum over ``value_int``
  would silently leave out the fees with decimals). NULL is a blank cell.
- ``decisions``: every line of ``decisions.jsonl`` in order (set, keep, undo).
- ``findings`` (errors and warnings; the informational ones, e.g. how a value was
  derived, stay in ``records/<doc_id>.json``, the rules are in ``fields.rules``),
  ``review_items``: as in review_queue.jsonl (``finding``: the key a ``keep`` acknowledges; ``decision``, JSON:
  a decision on the item that could not be applied, ``REVIEW.STALE`` or ``REVIEW.INVALID_DECISION``).
- ``indicators`` (per document) and ``indicator_rollups`` (by year, by agency).

Written to a temporary file in the output directory, then renamed.
"""

from __future__ import annotations

import json
import os
import sqlite3
from itertools import chain, repeat
from pathlib import Path
from typing import Any

from ..analysis import Indicator, Rollup
from ..outputs import staging_file
from ..schema import ALL_PATHS
from .fields import FieldRow, locate, value_text

__all__ = ["SqliteWriter", "SCHEMA", "INDEXES", "SqlRows", "sql_rows"]

SCHEMA = """
CREATE TABLE documents (
    doc_id TEXT PRIMARY KEY, agency TEXT, year INTEGER, source_path TEXT, format TEXT, encoding TEXT,
    content_hash TEXT, ok INTEGER NOT NULL, error TEXT, error_type TEXT,
    fields_proven INTEGER, fields_pinned INTEGER, fields_reviewed INTEGER, fields_queued INTEGER,
    review_items INTEGER
);
CREATE TABLE fields (
    doc_id TEXT NOT NULL REFERENCES documents(doc_id), "table" TEXT NOT NULL, "row" TEXT NOT NULL,
    "column" TEXT, path TEXT NOT NULL, value TEXT, value_int INTEGER, status TEXT NOT NULL, source TEXT,
    rules TEXT, lines TEXT, PRIMARY KEY (doc_id, path)
) WITHOUT ROWID;
CREATE TABLE findings (
    doc_id TEXT NOT NULL REFERENCES documents(doc_id), code TEXT NOT NULL, severity TEXT NOT NULL,
    message TEXT, paths TEXT, expected INTEGER, actual INTEGER
);
CREATE TABLE review_items (
    id TEXT NOT NULL, doc_id TEXT NOT NULL REFERENCES documents(doc_id), path TEXT, "table" TEXT, status TEXT,
    value TEXT, candidates TEXT, rules TEXT, message TEXT, kind TEXT, raw TEXT, source_lines TEXT, finding TEXT,
    decision TEXT
);
CREATE TABLE decisions (
    seq INTEGER PRIMARY KEY, id TEXT, action TEXT, doc_id TEXT NOT NULL, path TEXT, finding TEXT, value TEXT,
    undoes TEXT, item_id TEXT, content_hash TEXT, reviewer TEXT, note TEXT, decided_at TEXT
);
CREATE TABLE indicators (
    doc_id TEXT NOT NULL REFERENCES documents(doc_id), code TEXT NOT NULL, name TEXT NOT NULL,
    numerator INTEGER, denominator INTEGER, value REAL, reason TEXT, PRIMARY KEY (doc_id, code)
);
CREATE TABLE indicator_rollups (
    "by" TEXT NOT NULL, "key" TEXT NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL, numerator INTEGER,
    denominator INTEGER, value REAL, reason TEXT, documents INTEGER, excluded INTEGER, notes TEXT,
    PRIMARY KEY ("by", "key", code)
);
"""
#: Made once the rows are in (cheaper than keeping them up to date row by row).
INDEXES = """
CREATE INDEX fields_status ON fields(status);
CREATE INDEX review_items_doc ON review_items(doc_id);
"""


#: Documents whose rows are inserted together.
BATCH = 64


#: ``json.dumps(v, ensure_ascii=False, default=str)``, its encoder made once (dumps makes one per call).
_ENCODE = json.JSONEncoder(ensure_ascii=False, default=str).encode


def _json(v: Any) -> str:
    return "[]" if v == [] else _ENCODE(v)         # (most items have no candidates, no source lines)


_PATHS = list(ALL_PATHS)


#: SQLite's INTEGER range: a larger int is refused by sqlite3 (OverflowError) and would fail the whole export.
_SQL_MIN, _SQL_MAX = -(2 ** 63), 2 ** 63 - 1


def _integer(value: Any) -> int | None:
    """``value_int`` of a field: its value if an integer (not a boolean) that SQLite can hold, else NULL (a count
    printed or answered with more digits than any count has stays exact in ``value``, TEXT)."""
    return value if isinstance(value, int) and not isinstance(value, bool) and _SQL_MIN <= value <= _SQL_MAX \
        else None


def _number(value: Any) -> Any:
    """An INTEGER column's value (a year, a finding's sum, an indicator's numerator): NULL when SQLite cannot hold it."""
    return None if isinstance(value, int) and not (_SQL_MIN <= value <= _SQL_MAX) else value


#: The fee (万元) is a decimal, not a count: its ``value_int`` is NULL even where the fee is whole (``0``).
_FEE = "active_disclosure.fees_10k_yuan"


#: The columns of the ``fields`` rows that are the same in every document (table, row, column, path, in
#: :data:`~llm_extract.schema.ALL_PATHS` order: the order of :func:`~.fields.field_rows`). A document's part
#: travels as its other columns only, and the rows are put together again as they are inserted.
_PLACES = tuple(zip(*(locate(p) + (p,) for p in ALL_PATHS)))
#: The columns of a document's ``fields`` rows that vary: text, value_int, status, source, rules, lines.
FieldColumns = tuple[list[Any], list[Any], list[Any], list[Any], list[Any], list[Any]]
#: One document's rows: documents, fields (its varying columns), findings, review_items, indicators
#: (plain data, picklable: a column of 200 values pickles and loads faster than 200 rows).
SqlRows = tuple[tuple[Any, ...], FieldColumns, list[tuple[Any, ...]], list[tuple[Any, ...]], list[tuple[Any, ...]]]


def sql_rows(rec: dict[str, Any], rows: list[FieldRow], review: list[dict[str, Any]],
             indicators: list[Indicator]) -> SqlRows:
    """One document's rows of every table (made in a worker process, inserted by :class:`SqliteWriter`)."""
    doc_id = str(rec.get("doc_id"))
    source = rec.get("source", {})
    statuses = [r.status for r in rows]
    proven, pinned, reviewed = statuses.count("proven"), statuses.count("pinned"), statuses.count("reviewed")
    document = (doc_id, rec.get("agency"), _number(rec.get("year")), source.get("path"), source.get("format"),
                source.get("encoding"), source.get("content_hash"), proven, pinned, reviewed,
                len(statuses) - proven - pinned - reviewed, len(review))
    if [r.path for r in rows] != _PATHS:
        raise ValueError("sql_rows: the rows are not those of field_rows (every field path, in order)")
    fields: FieldColumns = (
        [r.text for r in rows],
        [None if r.path == _FEE else r.value if type(r.value) is int and _SQL_MIN <= r.value <= _SQL_MAX
         else _integer(r.value) for r in rows], statuses,
        [r.source for r in rows], [(",".join(r.rules) or None) if r.rules else None for r in rows],
        [(",".join(map(str, r.lines)) or None) if r.lines else None for r in rows])
    findings = [(doc_id, f.get("code"), f.get("severity", "error"), f.get("message"),
                 ",".join(f.get("paths", [])) or None, _number(f.get("expected")), _number(f.get("actual")))
                for f in rec.get("findings", []) if f.get("severity", "error") in ("error", "warning")]
    items = [(i.get("id"), doc_id, i.get("path") or None, i.get("table"), i.get("status"), value_text(i.get("value")),
              _json(i.get("candidates", [])), ",".join(i.get("rules", [])) or None, i.get("message"), i.get("kind"),
              i.get("raw"), _json(i.get("source_lines", [])), i.get("finding"),
              _json(i["decision"]) if i.get("decision") else None) for i in review]
    return (document, fields, findings, items,
            [(doc_id, i.code, i.name, _number(i.numerator), _number(i.denominator), i.value, i.reason)
             for i in indicators])


class SqliteWriter:
    """Streams documents into a new database in a temporary file beside ``path``.

    The file is renamed into place only when finished, so nothing needs to survive a crash before
    that: no journal, no syncing, one transaction, indexes made after the rows; the rows of
    :data:`BATCH` documents go in together (one executemany per table), 16 KiB pages."""

    def __init__(self, path: Path) -> None:
        self.path = path
        fd, self.tmp = staging_file(path)
        os.close(fd)
        self.db = sqlite3.connect(self.tmp)
        self.db.execute("PRAGMA page_size=16384")
        self.db.execute("PRAGMA journal_mode=OFF")
        self.db.execute("PRAGMA synchronous=OFF")
        self.db.executescript(SCHEMA)
        self.pending: tuple[list[Any], ...] = ([], [], [], [], [])     # per table, as add_rows takes them

    def add_rows(self, rows: "SqlRows") -> None:
        """A document's rows made by :func:`sql_rows`."""
        document, fields, findings, review, indicators = rows
        documents, all_fields, all_findings, all_review, all_indicators = self.pending
        documents.append(document)
        all_fields.append((document[0], fields))
        all_findings += findings
        all_review += review
        all_indicators += indicators
        if len(documents) >= BATCH:
            self._flush()

    def _flush(self) -> None:
        documents, fields, findings, review, indicators = self.pending
        if documents:
            self.db.executemany("INSERT INTO documents VALUES (?,?,?,?,?,?,?,1,NULL,NULL,?,?,?,?,?)", documents)
            self.db.executemany("INSERT INTO fields VALUES (?,?,?,?,?,?,?,?,?,?,?)", chain.from_iterable(
                zip(repeat(doc_id), *_PLACES, *columns) for doc_id, columns in fields))
            self.db.executemany("INSERT INTO findings VALUES (?,?,?,?,?,?,?)", findings)
            self.db.executemany("INSERT INTO review_items VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", review)
            self.db.executemany("INSERT INTO indicators VALUES (?,?,?,?,?,?,?)", indicators)
        for rows in self.pending:
            rows.clear()

    def add_failed(self, failure: dict[str, Any]) -> None:
        self._flush()
        self.db.execute(
            "INSERT OR REPLACE INTO documents (doc_id, source_path, ok, error, error_type) VALUES (?,?,0,?,?)",
            (str(failure.get("doc_id")), failure.get("path"), failure.get("error"), failure.get("error_type")))

    def add_decisions(self, decisions: list[dict[str, Any]]) -> None:
        self._flush()
        self.db.executemany("INSERT INTO decisions VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", [
            (n, d.get("id"), d.get("action", "set"), d.get("doc_id"), d.get("path") or None, d.get("finding"),
             value_text(d.get("value")), d.get("undoes"), d.get("item_id"), d.get("content_hash"), d.get("reviewer"),
             d.get("note"), d.get("decided_at")) for n, d in enumerate(decisions, 1)])

    def add_rollups(self, rollups: list[Rollup]) -> None:
        self._flush()
        self.db.executemany("INSERT INTO indicator_rollups VALUES (?,?,?,?,?,?,?,?,?,?,?)", [
            (r.by, r.key, r.code, r.name, _number(r.numerator), _number(r.denominator), r.value, r.reason,
             r.documents, r.excluded, r.notes)
            for r in rollups])

    def stage(self) -> Path:
        """Commit; the finished database is the returned temporary file (renamed by the caller)."""
        self._flush()
        self.db.executescript(INDEXES)
        self.db.commit()
        self.db.close()
        with open(self.tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        return self.tmp

    def abort(self) -> None:
        self.db.close()
        self.tmp.unlink(missing_ok=True)
