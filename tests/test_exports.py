"""The combined outputs an analyst opens: records.sqlite, fields.csv, records.csv, records.xlsx,
the slim records.jsonl; all rebuilt, atomically, at the end of a run and after a decision."""

from __future__ import annotations

import csv
import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from llm_extract.cli import app
from llm_extract.compare import compare_dirs
from llm_extract.export.fields import STATUS_COLOURS
from llm_extract.pipeline import rebuild_outputs, resolve_item
from llm_extract.outputs import dumps, read_json
from llm_extract.schema import ALL_PATHS, Report
from llm_extract.synth.render import render

runner = CliRunner()
SEED_002 = "002_0126e23b7202ee31"
SEED_003 = "003_d677def7845cc038"
SEED_000 = "000_38ec84bebc7328d3"


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory, golden_dir: Path) -> Path:
    """The five sample reports, one of them saved again as ``004.txt`` (a numeric-looking id), a report
    whose 表三 breaks its identities, and a file that fails."""
    inputs = tmp_path_factory.mktemp("in")
    for p in golden_dir.glob("*.txt"):
        shutil.copy(p, inputs / p.name)
    shutil.copy(golden_dir / "004_70fa07ff4f3c9aaf.txt", inputs / "004.txt")
    broken = Report.model_validate({k: v for k, v in read_json(golden_dir / f"{SEED_003}.json").items()
                                    if k in Report.model_fields})
    broken.applications.granted.total = (broken.applications.granted.total or 0) + 7   # breaks the row and column sums
    (inputs / "broken.txt").write_text(render(broken, "tabrows"), encoding="utf-8")
    (inputs / "empty.txt").write_text("", encoding="utf-8")
    out = tmp_path_factory.mktemp("run") / "out"
    result = runner.invoke(app, ["extract", str(inputs), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def db(out: Path) -> sqlite3.Connection:
    return sqlite3.connect(out / "records.sqlite")


def queue_item(out: Path, doc_id: str, path: str) -> str:
    items = [json.loads(line) for line in (out / "review_queue.jsonl").read_text(encoding="utf-8").splitlines()]
    return next(i["id"] for i in items if i["doc_id"] == doc_id and i["path"] == path)


def test_the_database_has_one_row_per_document_ok_or_failed_and_doc_ids_stay_text(out: Path) -> None:
    con = db(out)
    rows = dict(con.execute("SELECT doc_id, ok FROM documents").fetchall())
    assert len(rows) == 8 and rows["004"] == 1 and rows["empty"] == 0
    assert con.execute("SELECT typeof(doc_id) FROM documents WHERE doc_id = '004'").fetchone() == ("text",)
    assert "empty" in con.execute("SELECT error FROM documents WHERE doc_id = 'empty'").fetchone()[0]
    agency, year, fmt, content_hash = con.execute(
        "SELECT agency, year, format, content_hash FROM documents WHERE doc_id = ?", (SEED_003,)).fetchone()
    assert (agency, year, fmt, len(content_hash)) == ("新乡市牧野区人民政府", 2021, "txt", 64)


def test_the_fields_table_holds_every_field_with_its_status_and_the_fee_exactly(out: Path) -> None:
    con = db(out)
    assert con.execute("SELECT count(*) FROM fields").fetchone()[0] == 7 * len(ALL_PATHS)
    statuses = dict(con.execute("SELECT status, count(*) FROM fields WHERE doc_id NOT IN ('004', 'broken') "
                                "GROUP BY status"))
    # 002's PDF text lost a cell of four rows: one pinned beyond doubt (its 6), three derived
    assert statuses == {"proven": 982, "pinned": 7, "derived": 21}
    fee = con.execute("SELECT value, typeof(value), value_int FROM fields WHERE doc_id = ? AND path = ?",
                      (SEED_003, "active_disclosure.fees_10k_yuan")).fetchone()
    assert fee == ("94.0121", "text", None)                       # exact, never a binary float
    cell = con.execute('SELECT "table", "row", "column", value_int, status, source, lines FROM fields '
                       "WHERE doc_id = ? AND path = 'applications.total_processed.natural_person'", (SEED_002,))
    assert cell.fetchone() == ("表三", "total_processed", "natural_person", 6, "proven", "regex", "57")


def test_value_int_holds_the_counts_and_the_year_and_never_the_fee_even_a_whole_one(out: Path) -> None:
    con = db(out)
    fees = con.execute("SELECT value, value_int FROM fields WHERE path = 'active_disclosure.fees_10k_yuan' "
                       "AND value IS NOT NULL").fetchall()
    assert ("0", None) in fees and ("94.0121", None) in fees      # a sum over value_int would drop 94.0121
    assert {value_int for _, value_int in fees} == {None}
    counts = con.execute("SELECT value, value_int FROM fields WHERE value IS NOT NULL AND path NOT IN "
                         "('agency', 'active_disclosure.fees_10k_yuan')").fetchall()
    assert counts and all(value_int == int(value) for value, value_int in counts)


def test_findings_review_items_and_indicators_are_tables_too(out: Path) -> None:
    con = db(out)
    assert con.execute("SELECT count(*) FROM review_items WHERE doc_id = ?", (SEED_002,)).fetchone()[0] == 21
    codes = {c for (c,) in con.execute("SELECT code FROM findings WHERE doc_id = 'broken'")}
    assert {"T3.ROW_SUM", "T3.COLUMN_SUM"} <= codes
    # informational findings (how a value was derived) stay in records/<doc_id>.json
    assert con.execute("SELECT count(*) FROM findings WHERE severity = 'info'").fetchone() == (0,)
    # (the misprinted total is disputed: the rate that divides by it is not computed)
    assert con.execute("SELECT value FROM indicators WHERE doc_id = 'broken' AND code = 'granted_rate'").fetchone() == (None,)
    rate = con.execute("SELECT numerator, denominator, value FROM indicators WHERE doc_id = ? AND code = ?",
                       (SEED_003, "unavailable_rate")).fetchone()
    assert rate == (2, 3, 0.666667)
    total = con.execute("SELECT value FROM indicators WHERE doc_id = ? AND code = 'applications_total'", (SEED_002,))
    assert total.fetchone() == (6.0,)                      # a pinned value is used
    reason = con.execute("SELECT value, reason FROM indicators WHERE doc_id = ? AND code = 'granted_rate'",
                         (SEED_002,)).fetchone()
    assert reason[0] is None and "applications.granted.total is derived" in reason[1]
    by_year = dict((code, rest) for code, *rest in con.execute(
        "SELECT code, numerator, denominator, documents, excluded FROM indicator_rollups "
        "WHERE \"by\" = 'year' AND \"key\" = '2021'"))
    # 004.txt, a copy of 004_…, is summed once; the broken report is 003 again, its values equal where both
    # vouch for them (its misprinted cells are disputed): 003 alone is summed
    assert by_year["unavailable_rate"] == [4, 9, 5, 0]
    assert by_year["granted_rate"] == [0, 3, 4, 1]       # 002 (derived) is excluded


def test_fields_csv_is_the_long_table_with_statuses_in_utf8_with_bom(out: Path) -> None:
    raw = (out / "fields.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert len(rows) == 7 * len(ALL_PATHS)
    fee = next(r for r in rows if r["doc_id"] == SEED_003 and r["path"] == "active_disclosure.fees_10k_yuan")
    assert (fee["table"], fee["row"], fee["value"], fee["status"]) == ("表二", "fees_10k_yuan", "94.0121", "proven")
    pinned = next(r for r in rows if r["doc_id"] == SEED_002 and r["path"] == "applications.new_received.total")
    assert (pinned["value"], pinned["status"], pinned["source"]) == ("6", "pinned", "derived")
    derived = next(r for r in rows if r["doc_id"] == SEED_002 and r["path"] == "applications.granted.total")
    assert (derived["value"], derived["status"], derived["source"]) == ("0", "derived", "derived")


def test_records_csv_has_a_status_per_field_and_a_row_per_failed_document(out: Path) -> None:
    rows = list(csv.DictReader((out / "records.csv").read_bytes().decode("utf-8-sig").splitlines()))
    by_id = {r["doc_id"]: r for r in rows}
    assert set(by_id) >= {"004", "empty", SEED_002}
    row = by_id[SEED_002]
    assert row["applications.new_received.total"] == "6"
    assert row["applications.new_received.total.status"] == "pinned"
    assert row["applications.granted.total.status"] == "derived"
    assert row["applications.total_processed.total.status"] == "proven"
    assert (row["ok"], row["fields_proven"], row["fields_pinned"], row["fields_queued"]) == ("1", "174", "7", "21")
    assert by_id["empty"]["ok"] == "0" and "empty" in by_id["empty"]["error"]


def test_the_workbook_has_the_tables_coloured_by_status_and_text_doc_ids(out: Path) -> None:
    wb = load_workbook(out / "records.xlsx")
    assert wb.sheetnames == ["表二", "表三", "表四", "指标", "指标汇总", "复核队列", "失败", "图例"]
    t3 = list(wb["表三"].iter_rows(min_row=2))
    assert len(t3) == 7 * 25
    row = next(r for r in t3 if r[0].value == SEED_002 and r[1].value == "new_received")
    total = row[3 + 6]
    assert total.value == 6 and total.fill.start_color.rgb.endswith(STATUS_COLOURS["pinned"])
    granted = next(r for r in t3 if r[0].value == SEED_002 and r[1].value == "granted")[3 + 6]
    assert granted.value == 0 and granted.fill.start_color.rgb.endswith(STATUS_COLOURS["derived"])
    proven = next(r for r in t3 if r[0].value == SEED_002 and r[1].value == "total_processed")[3]
    assert proven.fill.start_color.rgb.endswith(STATUS_COLOURS["proven"])
    ids = [r[0] for r in wb["表二"].iter_rows(min_row=2)]
    assert next(c for c in ids if c.value == "004").data_type == "s"        # "004", not 4
    fee = next(r for r in wb["表二"].iter_rows(min_row=2, values_only=True) if r[0] == SEED_003)[-1]
    assert str(fee) == "94.0121"
    queued = len((out / "review_queue.jsonl").read_text(encoding="utf-8").splitlines())
    assert wb["复核队列"].max_row == 1 + queued and wb["失败"].max_row == 2


def test_the_workbook_colours_the_agency_and_the_year_by_their_status_too(out: Path, tmp_path: Path) -> None:
    """An agency an OCR layer gave (unverified) or none read (missing) is not shown as a plain, trusted name."""
    work = tmp_path / "out"
    shutil.copytree(out, work)
    record_file = work / "records" / f"{SEED_002}.json"
    rec = read_json(record_file)
    rec["provenance"]["agency"]["status"] = "unverified"
    rec["year"] = None
    rec["provenance"]["year"]["status"] = "missing"
    record_file.write_text(json.dumps(rec, ensure_ascii=False), encoding="utf-8")
    rebuild_outputs(work)
    sheet = load_workbook(work / "records.xlsx")["表二"]
    assert [c.value for c in next(sheet.iter_rows(max_row=1))][:3] == ["doc_id", "agency", "year"]
    rows = {r[0].value: r for r in sheet.iter_rows(min_row=2)}
    agency, year = rows[SEED_002][1], rows[SEED_002][2]
    assert agency.value == "红旗区人民政府" and agency.fill.start_color.rgb.endswith(STATUS_COLOURS["unverified"])
    assert year.value is None and year.fill.start_color.rgb.endswith(STATUS_COLOURS["missing"])
    agency, year = rows[SEED_003][1], rows[SEED_003][2]
    assert (agency.value, year.value) == ("新乡市牧野区人民政府", 2021)
    assert agency.fill.start_color.rgb.endswith(STATUS_COLOURS["proven"])
    assert year.fill.start_color.rgb.endswith(STATUS_COLOURS["proven"])


def test_records_jsonl_carries_no_per_field_provenance_and_still_compares(out: Path, golden_dir: Path,
                                                                          tmp_path: Path) -> None:
    lines = (out / "records.jsonl").read_text(encoding="utf-8").splitlines()
    rec = next(json.loads(line) for line in lines if SEED_002 in line)
    assert "provenance" not in rec and "stages" not in rec
    assert rec["statuses"]["applications.new_received.total"] == "pinned" and len(rec["statuses"]) == 28
    assert rec["statuses"]["applications.granted.total"] == "derived"
    for line in lines:
        doc_id = json.loads(line)["doc_id"]
        assert len(line.encode()) < (out / "records" / f"{doc_id}.json").stat().st_size / 5
    only_jsonl = tmp_path / "o"
    only_jsonl.mkdir()
    for name in ("records.jsonl", "review_queue.jsonl"):
        shutil.copy(out / name, only_jsonl / name)
    assert compare_dirs(only_jsonl, golden_dir).correct == 1010


def test_a_decision_rebuilds_every_output_reviewed_is_not_queued_and_indicators_use_it(
        out: Path, tmp_path: Path) -> None:
    work = tmp_path / "out"
    shutil.copytree(out, work)
    resolve_item(work, queue_item(work, SEED_002, "applications.granted.total"), "0", reviewer="ana")
    con = db(work)
    assert con.execute("SELECT status FROM fields WHERE doc_id = ? AND path = 'applications.granted.total'",
                       (SEED_002,)).fetchone() == ("reviewed",)
    assert con.execute("SELECT action, doc_id, path, value, reviewer FROM decisions").fetchall() == [
        ("set", SEED_002, "applications.granted.total", "0", "ana")]
    assert con.execute("SELECT value FROM indicators WHERE doc_id = ? AND code = 'granted_rate'",
                       (SEED_002,)).fetchone() == (0.0,)
    row = next(r for r in csv.DictReader((work / "records.csv").read_bytes().decode("utf-8-sig").splitlines())
               if r["doc_id"] == SEED_002)
    assert (row["fields_reviewed"], row["fields_queued"]) == ("1", "20")
    assert row["applications.granted.total.status"] == "reviewed"


def test_a_failing_export_leaves_the_previous_outputs_whole_and_no_temporary_file(
        out: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    work = tmp_path / "out"
    shutil.copytree(out, work)
    before = {n: (work / n).read_bytes() for n in ("records.sqlite", "records.csv", "fields.csv", "report.html")}
    (work / "records" / f"{SEED_003}.json").unlink()

    def broken(self: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("llm_extract.export.xlsx.XlsxWriter.stage", broken)
    with pytest.raises(OSError, match="disk full"):
        rebuild_outputs(work)
    assert {n: (work / n).read_bytes() for n in before} == before
    assert [p.name for p in work.iterdir() if p.name.endswith(".tmp")] == []


def test_the_run_summary_tells_where_the_report_is(tmp_path: Path, golden_dir: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["extract", str(golden_dir), "--out", "o"])
    assert "│ open" in result.output and "o/report.html" in result.output and "records.sqlite" in result.output


def test_after_a_decision_a_rerun_does_not_count_the_reviewed_field_as_queued(
        out: Path, tmp_path: Path, golden_dir: Path) -> None:
    work = tmp_path / "out"
    shutil.copytree(out, work)
    resolve_item(work, queue_item(work, SEED_002, "applications.granted.total"), "0")
    result = runner.invoke(app, ["extract", str(golden_dir), "--out", str(work), "--no-resume"])
    # every field counted: 982 proven + 7 pinned + 1 reviewed + 20 queued = the 1,010 fields of the five reports
    fields = " ".join(line.strip("│ ") for line in result.output.splitlines() if "│" in line)
    assert "982 proven, 7 pinned, 1 reviewed, 20 derived, 20 queued for review" in fields


def test_a_failed_document_is_reported_by_compare_as_failed_not_as_silent_errors(out: Path, golden_dir: Path,
                                                                                  tmp_path: Path) -> None:
    work = tmp_path / "out"
    shutil.copytree(out, work)
    (work / "records" / f"{SEED_003}.json").unlink()        # as if the document had failed
    cmp = compare_dirs(work, golden_dir)
    assert cmp.missing_documents == [SEED_003] and cmp.silent_errors == 0
    assert cmp.differences and all(d.no_record for d in cmp.differences if d.doc_id == SEED_003)
    result = runner.invoke(app, ["compare", str(work), str(golden_dir)])
    assert "(0 not in the review queue)" in result.output and "no record: the document failed" in result.output


def test_the_report_counts_the_decisions_in_force_as_summary_json_does_not_the_log_lines(
        out: Path, tmp_path: Path, golden_dir: Path) -> None:
    """A value decided, decided again, and the second decision undone: one decision is in force, though the
    log holds three lines (the replaced one, the undo). The page says 1, as summary.json does, and names
    the lines apart (records.sqlite's decisions table holds every line)."""
    from llm_extract.review_store import ReviewStore

    work = tmp_path / "out"
    shutil.copytree(out, work)
    item = queue_item(work, SEED_002, "applications.granted.total")
    resolve_item(work, item, "0")
    resolve_item(work, item, "7")
    ReviewStore(work).undo()
    assert len((work / "decisions.jsonl").read_text(encoding="utf-8").splitlines()) == 3
    page = (work / "report.html").read_text(encoding="utf-8")
    shown = dict(re.findall(r'<tr><th class="l">([^<]*decisions[^<]*)</th><td>(\d+)</td></tr>', page))
    assert shown == {"reviewer decisions in force": "1",
                     "lines in decisions.jsonl (with undos and decisions replaced)": "3"}
    assert db(work).execute("SELECT count(*) FROM decisions").fetchone() == (3,)
    result = runner.invoke(app, ["extract", str(golden_dir), "--out", str(work)])
    assert result.exit_code == 0, result.output
    assert read_json(work / "summary.json")["decisions"] == 1


def test_a_roll_up_sums_no_document_whose_year_or_agency_is_not_trusted(out: Path, tmp_path: Path) -> None:
    """A year an OCR layer gave (``unverified``) groups the document under a year it may not be: the
    by-year roll-up sums it nowhere and counts it as excluded; the by-agency one, its agency proven, sums it."""
    # (000: its agency-year is reported by no other document of the batch, so its roll-up counts it)
    work = tmp_path / "out"
    shutil.copytree(out, work)
    record_file = work / "records" / f"{SEED_000}.json"
    rec = read_json(record_file)
    rec["provenance"]["year"]["status"] = "unverified"
    record_file.write_text(dumps(rec), encoding="utf-8")
    rebuild_outputs(work)
    con = db(work)
    by_year = con.execute("SELECT key, documents, excluded FROM indicator_rollups WHERE by = 'year' "
                          "AND code = 'applications_total'").fetchall()
    total = con.execute("SELECT numerator FROM indicators WHERE code = 'applications_total' AND doc_id = ?",
                        (SEED_000,)).fetchone()[0]
    before = {r[0]: r[1:] for r in db(out).execute(
        "SELECT key, documents, excluded, numerator FROM indicator_rollups WHERE by = 'year' "
        "AND code = 'applications_total'")}
    after = {k: (d, e) for k, d, e in by_year}
    docs, excluded, summed = before["2021"]
    assert after["2021"] == (docs - 1, excluded + 1)
    assert con.execute("SELECT numerator FROM indicator_rollups WHERE by = 'year' AND key = '2021' "
                       "AND code = 'applications_total'").fetchone() == (summed - total,)
    agency = con.execute("SELECT documents, excluded FROM indicator_rollups WHERE by = 'agency' "
                         "AND key = ? AND code = 'applications_total'", (rec["agency"],)).fetchone()
    assert agency == db(out).execute("SELECT documents, excluded FROM indicator_rollups WHERE by = 'agency' "
                                     "AND key = ? AND code = 'applications_total'", (rec["agency"],)).fetchone()
