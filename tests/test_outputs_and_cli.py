"""What a user gets from the command line: outputs, resume, compare, verify."""

from __future__ import annotations

import csv
import re
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from llm_extract.cli import app
from llm_extract.outputs import read_json

runner = CliRunner()
SEED_002 = "002_0126e23b7202ee31"


@pytest.fixture()
def out(tmp_path: Path, golden_dir: Path) -> Path:
    result = runner.invoke(app, ["extract", str(golden_dir), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    return tmp_path / "out"


def test_extract_writes_records_jsonl_csv_queue_and_summary(out: Path) -> None:
    assert sorted(p.name for p in out.iterdir()) == [".llm-extract.rebuild.json",   # what the outputs were built from
                                                     "fields.csv", "records", "records.csv", "records.jsonl",
                                                     "records.sqlite", "records.xlsx", "report.html",
                                                     "review_queue.jsonl", "summary.json"]
    summary = read_json(out / "summary.json")
    assert (summary["documents"], summary["ok"], summary["failed"]) == (5, 5, 0)
    assert summary["fields"] == {"proven": 982, "pinned": 7, "derived": 21}
    assert summary["llm"]["mode"] == "never"


def test_the_summary_table_tells_a_user_what_happened(tmp_path: Path, golden_dir: Path) -> None:
    result = runner.invoke(app, ["extract", str(golden_dir), "--out", str(tmp_path / "o")])
    assert "5 ok, 0 failed" in result.output
    fields = " ".join(line.strip("│ ") for line in result.output.splitlines() if "│" in line)
    assert "982 proven, 7 pinned, 21 derived, 21 queued for review" in fields
    assert "no model configured" in result.output


def test_the_csv_opens_in_excel_one_row_per_document_one_column_per_field(out: Path) -> None:
    raw = (out / "records.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert len(rows) == 5
    row = next(r for r in rows if r["doc_id"] == "003_d677def7845cc038")
    assert row["agency"] == "新乡市牧野区人民政府"
    assert row["active_disclosure.fees_10k_yuan"] == "94.0121"
    assert row["applications.denied_process_info.natural_person"] == "1"
    blank = next(r for r in rows if r["doc_id"] == "000_38ec84bebc7328d3")
    assert blank["applications.other_other.total"] == ""     # null stays empty, never 0


def test_records_carry_golden_shape_and_provenance(out: Path, golden_dir: Path) -> None:
    rec = read_json(out / "records" / f"{SEED_002}.json")
    golden = read_json(golden_dir / f"{SEED_002}.json")
    assert set(golden) - {"notes"} <= set(rec)
    prov = rec["provenance"]["applications.total_processed.natural_person"]
    assert prov["status"] == "proven" and prov["source"] == "regex" and prov["lines"] == [57]


def test_a_rerun_resumes_without_duplicating_queue_items(out: Path, golden_dir: Path) -> None:
    before = (out / "review_queue.jsonl").read_text(encoding="utf-8")
    (out / "records" / "000_38ec84bebc7328d3.json").unlink()          # as if killed before this one
    result = runner.invoke(app, ["extract", str(golden_dir), "--out", str(out)])
    assert result.exit_code == 0
    assert "4 resumed" in result.output
    after = (out / "review_queue.jsonl").read_text(encoding="utf-8")
    assert after == before
    ids = [json.loads(line)["id"] for line in after.splitlines()]
    assert len(ids) == len(set(ids)) == 21
    assert len((out / "records.jsonl").read_text(encoding="utf-8").splitlines()) == 5


def test_no_temporary_files_are_left_behind(out: Path) -> None:
    assert [p for p in out.rglob("*") if p.name.endswith(".tmp")] == []


def test_compare_reports_full_accuracy_on_the_seeds(out: Path, golden_dir: Path) -> None:
    result = runner.invoke(app, ["compare", str(out), str(golden_dir), "--min-accuracy", "1.0"])
    assert result.exit_code == 0, result.output
    assert "100.00% (1010/1010)" in result.output


def test_compare_treats_null_and_zero_as_different_and_fails_below_min_accuracy(out: Path, tmp_path: Path,
                                                                               golden_dir: Path) -> None:
    golden = tmp_path / "golden"
    shutil.copytree(golden_dir, golden, ignore=shutil.ignore_patterns("*.txt"))
    g = json.loads((golden / "000_38ec84bebc7328d3.json").read_text(encoding="utf-8"))
    g["applications"]["other_other"]["total"] = 0                    # the report prints a blank
    (golden / "000_38ec84bebc7328d3.json").write_text(json.dumps(g, ensure_ascii=False), encoding="utf-8")
    result = runner.invoke(app, ["compare", str(out), str(golden), "--min-accuracy", "1.0"])
    assert result.exit_code == 1
    assert "applications.other_other.total" in result.output
    assert "1009/1010" in result.output


def test_verify_accepts_a_clean_record_and_flags_a_hand_edit_that_breaks_an_identity(out: Path,
                                                                                     tmp_path: Path) -> None:
    path = out / "records" / "003_d677def7845cc038.json"
    ok = runner.invoke(app, ["verify", str(path)])
    assert ok.exit_code == 0 and "every identity holds" in ok.output
    rec = json.loads(path.read_text(encoding="utf-8"))
    rec["applications"]["granted"]["natural_person"] = 5
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(rec, ensure_ascii=False), encoding="utf-8")
    bad = runner.invoke(app, ["verify", str(edited)])
    assert bad.exit_code == 1
    assert "T3.ROW_SUM" in bad.output and "T3.COLUMN_SUM" in bad.output


def test_verify_counts_the_fields_a_narrative_contradiction_took_the_proof_from(tmp_path: Path,
                                                                             golden_dir: Path) -> None:
    # the prose says 4 applications, the table 3 (every identity holding): the record queues them; so does verify
    text = (golden_dir / "003_d677def7845cc038.txt").read_text(encoding="utf-8")
    assert "共收到政府信息公开申请3件" in text
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "said4.txt").write_text(text.replace("共收到政府信息公开申请3件", "共收到政府信息公开申请4件"),
                                    encoding="utf-8")
    assert runner.invoke(app, ["extract", str(docs), "--out", str(tmp_path / "out")]).exit_code == 0
    path = tmp_path / "out" / "records" / "said4.json"
    counts = json.loads(path.read_text(encoding="utf-8"))["status_counts"]
    assert counts["disputed"] and counts["unverified"]
    result = runner.invoke(app, ["verify", str(path)])
    assert result.exit_code == 0
    assert f"{counts['proven']} proven, {counts['disputed']} disputed, {counts['unverified']} unverified" \
        in result.output.replace("\n", "")          # (the console wraps a long path)


def test_rules_lists_every_code_in_both_languages() -> None:
    result = runner.invoke(app, ["rules"])
    assert result.exit_code == 0
    for code in ("T3.ROW_SUM", "T3.COLUMN_SUM", "T3.BALANCE", "T4.GROUP_SUM", "DERIVE.PINNED"):
        assert code in result.output


def test_golden_files_change_only_through_update_golden_which_shows_the_changes(out: Path, tmp_path: Path,
                                                                                golden_dir: Path) -> None:
    golden = tmp_path / "golden"
    shutil.copytree(golden_dir, golden)
    stem = "003_d677def7845cc038"
    g = json.loads((golden / f"{stem}.json").read_text(encoding="utf-8"))
    g["active_disclosure"]["licensing"] = 1
    (golden / f"{stem}.json").write_text(json.dumps(g, ensure_ascii=False), encoding="utf-8")
    result = runner.invoke(app, ["update-golden", str(out), str(golden), "--doc", stem])
    assert result.exit_code == 0, result.output
    assert "active_disclosure.licensing: 1 → 15498" in result.output
    assert json.loads((golden / f"{stem}.json").read_text(encoding="utf-8"))["active_disclosure"]["licensing"] == 15498


def test_update_golden_on_a_folder_that_is_no_output_directory_says_so(tmp_path: Path) -> None:
    result = runner.invoke(app, ["update-golden", str(tmp_path / "nothing"), str(tmp_path / "golden"), "--doc", "x"])
    assert result.exit_code == 2 and "is this an extract output directory" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_update_golden_refuses_a_record_with_unreviewed_fields(out: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["update-golden", str(out), str(tmp_path), "--doc", SEED_002])
    assert result.exit_code == 1
    assert not (tmp_path / f"{SEED_002}.json").exists()


def test_update_golden_writes_a_record_whose_every_unproven_field_was_reviewed(out: Path, tmp_path: Path) -> None:
    """The refusal says "review them": once they are reviewed, the record is written."""
    result = runner.invoke(app, ["resolve", str(out), "--accept", "--status", "derived", "--doc", SEED_002])
    assert result.exit_code == 0, result.output
    assert read_json(out / "records" / f"{SEED_002}.json")["status_counts"]["reviewed"] == 21
    result = runner.invoke(app, ["update-golden", str(out), str(tmp_path), "--doc", SEED_002])
    assert result.exit_code == 0, result.output
    golden = read_json(tmp_path / f"{SEED_002}.json")
    assert golden["applications"]["other_unpaid_fee"]["total"] == 0


def test_the_readme_documents_every_command_and_no_other() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `llm-extract ([a-z-]+)", readme, flags=re.M))
    commands = {c.name or c.callback.__name__ for c in app.registered_commands}
    assert documented == commands


def test_the_readme_starts_with_the_run_and_the_test_commands() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.+?)\n```", readme, flags=re.S)
    assert "llm-extract extract golden/" in blocks[0] and "llm-extract compare" in blocks[0]
    assert "pytest" in blocks[1]
    ci = (Path(__file__).resolve().parent.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert blocks[1].strip() in ci


def test_a_reviewer_decision_flows_into_the_record_the_queue_and_later_runs(out: Path, golden_dir: Path) -> None:
    queue = [json.loads(line) for line in (out / "review_queue.jsonl").read_text(encoding="utf-8").splitlines()]
    item = next(i for i in queue if i["path"] == "applications.partially_granted.natural_person")
    shown = runner.invoke(app, ["review", str(out), "--doc", SEED_002, "--status", "derived"])
    assert item["id"] in shown.output and "21 items" in shown.output
    result = runner.invoke(app, ["resolve", str(out), item["id"], "4", "--reviewer", "wang"])
    assert result.exit_code == 0, result.output
    rec = read_json(out / "records" / f"{SEED_002}.json")
    prov = rec["provenance"]["applications.partially_granted.natural_person"]
    assert prov["status"] == "reviewed" and prov["candidates"] == {"derived": 4, "review": 4}
    ids = [json.loads(line)["id"] for line in (out / "review_queue.jsonl").read_text(encoding="utf-8").splitlines()]
    assert item["id"] not in ids and len(ids) == 20
    runner.invoke(app, ["extract", str(golden_dir), "--out", str(out), "--no-resume"])   # a full re-run
    rec = read_json(out / "records" / f"{SEED_002}.json")
    assert rec["provenance"]["applications.partially_granted.natural_person"]["status"] == "reviewed"


def test_a_decision_that_breaks_an_identity_is_disputed_not_trusted(out: Path) -> None:
    queue = [json.loads(line) for line in (out / "review_queue.jsonl").read_text(encoding="utf-8").splitlines()]
    item = next(i for i in queue if i["path"] == "applications.partially_granted.natural_person")
    result = runner.invoke(app, ["resolve", str(out), item["id"], "7"])
    assert "T3.ROW_SUM" in result.output
    rec = read_json(out / "records" / f"{SEED_002}.json")
    assert rec["applications"]["partially_granted"]["natural_person"] == 7
    assert rec["provenance"]["applications.partially_granted.natural_person"]["status"] == "disputed"


def test_narrative_verdicts_are_rechecked_after_a_decision(tmp_path: Path, golden_dir: Path) -> None:
    text = (golden_dir / f"{SEED_002}.txt").read_text(encoding="utf-8")
    assert "共收到政府信息公开申请6件," in text
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / f"{SEED_002}.txt").write_text(text.replace("共收到政府信息公开申请6件,", "共收到政府信息公开申请6件,部分公开4件,"),
                                                  encoding="utf-8")
    out = tmp_path / "out"
    assert runner.invoke(app, ["extract", str(tmp_path / "in"), "--out", str(out)]).exit_code == 0
    rec = read_json(out / "records" / f"{SEED_002}.json")
    assert [f for f in rec["findings"] if f["code"].startswith("NARR.") and f.get("severity") == "warning"] == []
    queue = [json.loads(line) for line in (out / "review_queue.jsonl").read_text(encoding="utf-8").splitlines()]
    item = next(i for i in queue if i["path"] == "applications.partially_granted.total")
    runner.invoke(app, ["resolve", str(out), item["id"], "9"])      # the narrative says 4
    rec = read_json(out / "records" / f"{SEED_002}.json")
    assert any(f["code"].startswith("NARR.") and f.get("severity") == "warning" for f in rec["findings"])
