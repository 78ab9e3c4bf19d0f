"""records.sqlite takes the rows of several documents in one insert per table: every row of every
document arrives, in document order, whether a batch is full or not when the database is finished."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from llm_extract.export import render_fragment
from llm_extract.export.sqlite import BATCH, SqliteWriter
from llm_extract.outputs import read_json


def test_every_row_of_every_document_arrives_in_order_across_batches(golden_dir: Path, tmp_path: Path) -> None:
    rec = read_json(next(golden_dir.glob("*.json")))
    rec["findings"] = [{"code": "T3.ROW_SUM", "severity": "error", "message": "m"}]
    n = 2 * BATCH + 3
    writer = SqliteWriter(tmp_path / "records.sqlite")
    for i in range(n):
        writer.add_rows(render_fragment(dict(rec, doc_id=f"{i:04d}"), []).sql)
    writer.add_failed({"doc_id": "0001", "error": "unreadable"})      # a failure replaces its document's row
    path = writer.stage()
    con = sqlite3.connect(path)
    ids = [r[0] for r in con.execute("SELECT doc_id FROM findings ORDER BY rowid")]
    assert ids == [f"{i:04d}" for i in range(n)]
    assert con.execute("SELECT count(*), count(DISTINCT doc_id) FROM fields").fetchone() == (n * 202, n)
    assert con.execute("SELECT count(*) FROM indicators").fetchone() == (n * 9,)
    assert con.execute("SELECT ok, error FROM documents WHERE doc_id = '0001'").fetchone() == (0, "unreadable")
    assert con.execute("SELECT count(*) FROM documents WHERE ok = 1").fetchone() == (n - 1,)
