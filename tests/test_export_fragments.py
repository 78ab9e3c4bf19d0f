"""The rebuild renders each document's part of every output in worker processes (a Fragment) and
appends the parts in order: every output of a parallel rebuild is the serial one's, and the
workbook writes text as text."""

from __future__ import annotations

import pickle
import shutil
import sqlite3
from pathlib import Path

from openpyxl import load_workbook

from llm_extract.export import open_exports, render_fragment
from llm_extract.outputs import read_json, write_json
from llm_extract.pipeline import rebuild_outputs, run_batch
from llm_extract.rebuild import rebuild_combined

TEXT_OUTPUTS = ("records.jsonl", "review_queue.jsonl", "records.csv", "fields.csv", "report.html")


def _batch(tmp_path: Path, golden_dir: Path, n: int) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    seeds = sorted(golden_dir.glob("*.txt"))
    for i in range(n):
        shutil.copy(seeds[i % len(seeds)], src / f"d{i:03d}.txt")
    (src / "empty.txt").write_text("")
    return src


def _database(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def test_every_output_of_a_parallel_rebuild_is_the_serial_ones(tmp_path: Path, golden_dir: Path) -> None:
    out = tmp_path / "out"
    run_batch([_batch(tmp_path, golden_dir, 40)], out, workers=1)
    texts, databases, sheets = {}, {}, {}
    for workers in (1, 2):
        rebuild_combined(out, set(), workers=workers, force=True)
        texts[workers] = [(out / name).read_bytes() for name in TEXT_OUTPUTS]
        databases[workers] = _database(out / "records.sqlite")
        book = load_workbook(out / "records.xlsx", read_only=True)
        sheets[workers] = {ws.title: [[c.value for c in row] for row in ws.iter_rows()] for ws in book.worksheets}
        book.close()
    assert texts[1] == texts[2] and databases[1] == databases[2] and sheets[1] == sheets[2]
    assert len(sheets[1]["表三"]) == 1 + 40 * 25 and len(sheets[1]["失败"]) == 2


def test_a_fragment_survives_the_trip_from_a_worker_and_adds_what_the_record_adds(tmp_path: Path,
                                                                                   golden_dir: Path) -> None:
    out = tmp_path / "out"
    run_batch([_batch(tmp_path, golden_dir, 3)], out, workers=1)
    records = [read_json(p) for p in sorted((out / "records").glob("*.json"))]
    results = []
    for via_fragment in (False, True):
        with open_exports(out) as exports:
            for rec in records:
                rec = dict(rec)
                review = rec.pop("review", [])
                if via_fragment:
                    exports.add_fragment(pickle.loads(pickle.dumps(render_fragment(rec, review))))
                else:
                    exports.add(rec, review)
        results.append(([(out / name).read_bytes() for name in TEXT_OUTPUTS], _database(out / "records.sqlite")))
    assert results[0] == results[1]


def test_workbook_cells_hold_text_as_text_never_a_formula_or_a_link(tmp_path: Path, golden_dir: Path) -> None:
    out = tmp_path / "out"
    run_batch([_batch(tmp_path, golden_dir, 1)], out, workers=1)
    path = out / "records" / "d000.json"
    rec = read_json(path)
    rec["agency"] = "=HYPERLINK(\"http://example.invalid\",\"x\")"
    write_json(path, rec)
    rebuild_outputs(out)
    ws = load_workbook(out / "records.xlsx")["表二"]
    cell = ws.cell(row=2, column=2)
    assert (cell.value, cell.data_type, cell.hyperlink) == (rec["agency"], "s", None)
    assert ws.cell(row=2, column=1).value == "d000" and ws.freeze_panes == "B2"


def test_csv_text_a_spreadsheet_would_run_as_a_formula_opens_as_text(tmp_path: Path, golden_dir: Path) -> None:
    """A doc id from a file name, or an agency, beginning like a formula (= + - @) is written to the CSVs with
    an apostrophe before it (Excel shows it as text, OWASP's advice against CSV injection); the database
    and the workbook keep the text exactly."""
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(sorted(golden_dir.glob("*.txt"))[0], src / "=SUM(1,2).txt")
    out = tmp_path / "out"
    run_batch([src], out, workers=1)
    path = out / "records" / "=SUM(1,2).json"
    rec = read_json(path)
    rec["agency"] = "@HYPERLINK(\"http://example.invalid\",\"x\")"
    write_json(path, rec)
    rebuild_outputs(out)
    fields = (out / "fields.csv").read_text(encoding="utf-8-sig").splitlines()
    assert all(line.startswith('"\'=SUM(1,2)",') for line in fields[1:])
    agency_line = next(line for line in fields if ",agency," in line)
    assert "'@HYPERLINK" in agency_line
    wide = (out / "records.csv").read_text(encoding="utf-8-sig").splitlines()[1]
    assert wide.startswith('"\'=SUM(1,2)",1,') and "'@HYPERLINK" in wide
    con = sqlite3.connect(out / "records.sqlite")
    try:
        assert con.execute("select doc_id from documents").fetchall() == [("=SUM(1,2)",)]
        assert con.execute("select value from fields where path = 'agency'").fetchall() == [(rec["agency"],)]
    finally:
        con.close()
