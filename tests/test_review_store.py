"""Review that a person can finish: stable ids, safe decisions, decisions that follow the
document, bulk decisions, undo, and a console that never reads document text as markup."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from llm_extract import pipeline, review_store
from llm_extract.cli import app
from llm_extract.outputs import read_json
from llm_extract.review import ReviewItem
from llm_extract.review_store import DecisionRequest, InvalidDecision, ReviewStore

runner = CliRunner()
SEED_002 = "002_0126e23b7202ee31"
T4_TOTAL = "review_litigation.administrative_review.total"
T4_GROUP = [f"review_litigation.administrative_review.{c}" for c in ("upheld", "corrected", "other", "pending", "total")]


def make_report(golden_dir: Path, where: Path, *, t4_last: str = "0\t0\t0\t1\t1", narrative: str = "") -> Path:
    """Seed 002 with a 表四 total printed as 0 under parts that sum to 1 (an identity broken as printed),
    and a 表三 row label holding text that looks like markup."""
    lines = (golden_dir / f"{SEED_002}.txt").read_text(encoding="utf-8").split("\n")
    for i, line in enumerate(lines):
        if line.startswith("1\t0\t0\t0\t1\t"):
            lines[i] = "1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t" + t4_last + "\t"
        if "2.申请人逾期未按收费" in line:
            lines[i] = line.replace("缴纳费用", '缴纳费用[/注1][bold]<script>alert("x")</script>', 1)
    lines[2] = lines[2] + narrative
    where.mkdir(parents=True, exist_ok=True)
    path = where / "doc.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def extract(inputs: list[Path], out: Path) -> None:
    result = runner.invoke(app, ["extract", *map(str, inputs), "--out", str(out)])
    assert result.exit_code == 0, result.output


@pytest.fixture()
def out(tmp_path: Path, golden_dir: Path) -> Path:
    make_report(golden_dir, tmp_path / "in")
    extract([tmp_path / "in"], tmp_path / "out")
    return tmp_path / "out"


def item_for(store: ReviewStore, path: str) -> str:
    return next(i.id for i in store.items() if i.path == path)


def decisions(out: Path) -> list[dict]:
    p = out / "decisions.jsonl"
    return [json.loads(line) for line in p.read_text(encoding="utf-8").splitlines()] if p.exists() else []


def test_item_ids_depend_on_document_and_field_only(out: Path) -> None:
    store = ReviewStore(out)
    before = {i.path: i.id for i in store.items()}
    store.resolve([DecisionRequest(item_id=before["applications.partially_granted.total"], value="4")])
    store.resolve([DecisionRequest(item_id=before[T4_GROUP[0]], value="0")])   # the group's identity now holds
    after = {i.path: i.id for i in store.items()}
    assert after == {p: i for p, i in before.items() if p in after} and len(after) == len(before) - 1 - 5


@pytest.mark.parametrize("value", ["6件", "1.5", "1e3", "12,34", "-1", ""])
def test_an_invalid_value_is_refused_with_a_message_and_nothing_is_written(out: Path, value: str) -> None:
    store = ReviewStore(out)
    item = item_for(store, "applications.partially_granted.natural_person")
    record_before = (out / "records" / "doc.json").read_bytes()
    result = runner.invoke(app, ["resolve", str(out), "--", item, value])
    assert result.exit_code != 0
    assert "nothing written" in result.output and "natural_person" in result.output
    assert not (out / "decisions.jsonl").exists()
    assert (out / "records" / "doc.json").read_bytes() == record_before


def test_full_width_digits_and_thousands_separators_are_normalised_before_they_are_stored(out: Path) -> None:
    store = ReviewStore(out)
    result = runner.invoke(app, ["resolve", str(out), item_for(store, "applications.partially_granted.natural_person"), "４"])
    assert result.exit_code == 0, result.output
    assert decisions(out)[0]["value"] == 4
    assert read_json(out / "records" / "doc.json")["applications"]["partially_granted"]["natural_person"] == 4


def test_one_decision_appends_one_line_rewrites_one_record_and_rebuilds_the_outputs_once(
        out: Path, tmp_path: Path, golden_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(golden_dir / "000_38ec84bebc7328d3.txt", tmp_path / "in" / "other.txt")
    extract([tmp_path / "in"], out)
    other = (out / "records" / "other.json").stat().st_mtime_ns
    rebuilds = []
    real = pipeline.rebuild_outputs
    monkeypatch.setattr(pipeline, "rebuild_outputs", lambda o: rebuilds.append(o) or real(o))
    store = ReviewStore(out)
    ids = [i.id for i in store.items(status="derived")]
    store.resolve([DecisionRequest(item_id=i, value="keep") for i in ids])
    assert len(decisions(out)) == len(ids) == 21 and len(rebuilds) == 1
    assert (out / "records" / "other.json").stat().st_mtime_ns == other
    assert store.items(status="derived") == []


def test_a_documents_queue_and_a_decision_make_items_of_their_own_lines_only(
        out: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The queue of a batch of 10,000 documents is ~400,000 lines (500 MB), read for every page of
    the review site and every decision: only the lines asked for become items."""
    shutil.copy(tmp_path / "in" / "doc.txt", tmp_path / "in" / "twin.txt")
    extract([tmp_path / "in"], out)
    store = ReviewStore(out)
    mine, everyone = store.items(doc="doc"), store.items()
    assert mine and len(everyone) == 2 * len(mine)
    made: list[str] = []
    real = ReviewItem.model_validate
    monkeypatch.setattr(ReviewItem, "model_validate", lambda raw, *a, **k: made.append(raw["id"]) or real(raw, *a, **k))
    assert store.items(doc="doc") == mine and len(made) == len(mine)
    made.clear()
    derived = next(i for i in mine if i.status == "derived")
    store.resolve([DecisionRequest(item_id=derived.id, value="keep")])
    assert made == [derived.id]
    assert len(store.items(doc="twin")) == len(mine) and len(store.items(doc="doc")) == len(mine) - 1


def test_the_documents_counts_are_read_again_only_when_their_files_change(
        out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every page of the review site shows every document's counts, read from the whole queue
    (hundreds of MB in a large batch): kept until a decision or a run replaces what they count."""
    store = ReviewStore(out)
    reads: list[int] = []
    real = review_store.count_documents
    monkeypatch.setattr(review_store, "count_documents", lambda out: reads.append(1) or real(out))
    before = store.documents()
    assert store.documents() == before and len(reads) == 1
    store.resolve([DecisionRequest(item_id=next(i.id for i in store.items(status="derived")), value="keep")])
    after = store.documents()
    assert len(reads) == 2 and (after[0].queued, after[0].decided) == (before[0].queued - 1, 1)
    extract([out.parent / "in"], out)           # a run that resumes every document keeps the files
    assert store.documents() == after and len(reads) == 2
    shutil.copy(out.parent / "in" / "doc.txt", out.parent / "in" / "twin.txt")
    extract([out.parent / "in"], out)           # one that adds a document rebuilds them
    assert [d.doc_id for d in store.documents()] == ["doc", "twin"] and len(reads) == 3


def test_a_printed_value_that_breaks_an_identity_can_be_kept_and_leaves_the_queue(out: Path, golden_dir: Path,
                                                                                   tmp_path: Path) -> None:
    store = ReviewStore(out)
    assert {i.path for i in store.items(status="disputed")} == set(T4_GROUP)
    store.resolve([DecisionRequest(item_id=item_for(store, p), value="keep") for p in T4_GROUP])
    assert store.items(table="表四") == []
    rec = read_json(out / "records" / "doc.json")
    assert rec["review_litigation"]["administrative_review"]["total"] == 0
    assert {rec["provenance"][p]["status"] for p in T4_GROUP} == {"reviewed"}
    extract([tmp_path / "in"], out)                                   # a later run applies them again
    assert ReviewStore(out).items(table="表四") == []


def test_a_document_level_finding_is_acknowledged_with_keep_and_nothing_else(out: Path) -> None:
    from llm_extract.evidence import Record
    from llm_extract.review import review_items

    data = read_json(out / "records" / "doc.json")           # a warning about the whole document
    data["findings"].append({"code": "NARR.TEST", "severity": "warning", "message": "the text says otherwise"})
    record = Record.from_json_dict({k: v for k, v in data.items() if k != "review"})
    data["review"] = [i.model_dump(mode="json") for i in review_items(record, [])]
    (out / "records" / "doc.json").write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")
    pipeline.rebuild_outputs(out)
    store = ReviewStore(out)
    finding = next(i for i in store.items() if i.finding == "NARR.TEST")
    assert finding.path == "" and finding.table == "meta"
    with pytest.raises(InvalidDecision, match="can only be acknowledged: keep"):
        store.resolve([DecisionRequest(item_id=finding.id, value="3")])
    store.resolve([DecisionRequest(item_id=finding.id, value="keep", note="checked by phone")])
    assert finding.id not in {i.id for i in store.items()}
    assert decisions(out)[-1]["finding"] == "NARR.TEST" and decisions(out)[-1]["action"] == "keep"


def test_a_hand_edited_decision_that_no_longer_fits_becomes_a_finding_not_a_crash(out: Path, tmp_path: Path) -> None:
    store = ReviewStore(out)
    item = item_for(store, "applications.partially_granted.natural_person")
    store.resolve([DecisionRequest(item_id=item, value="4")])
    with open(out / "decisions.jsonl", "a", encoding="utf-8") as fh:
        fh.write(json.dumps({"doc_id": "doc", "path": "applications.partially_granted.natural_person",
                             "value": "6件", "id": "hand1"}, ensure_ascii=False) + "\n")
        fh.write('{"doc_id": "doc", "path": "applications.no_such_row.total", "value": 1}\n')
        fh.write("this is not json\n")
        fh.write('{"doc_id": "doc", "path": "applica')                       # torn by a crash
    result = runner.invoke(app, ["extract", str(tmp_path / "in"), "--out", str(out), "--no-resume"])
    assert result.exit_code == 0, result.output
    queued = {i.id: i for i in ReviewStore(out).items()}
    assert queued[item].decision["problem"] == "REVIEW.INVALID_DECISION" and "6件" in queued[item].decision["message"]
    rec = read_json(out / "records" / "doc.json")
    assert any("no_such_row" in f["message"] for f in rec["findings"] if f["code"] == "REVIEW.INVALID_DECISION")
    assert "REVIEW.INVALID_DECISION" in runner.invoke(app, ["review", str(out)]).output


def test_decisions_survive_a_narrative_change_and_go_stale_when_their_table_changes(
        out: Path, tmp_path: Path, golden_dir: Path) -> None:
    store = ReviewStore(out)
    derived = item_for(store, "applications.partially_granted.total")
    store.resolve([DecisionRequest(item_id=derived, value="4"),
                   DecisionRequest(item_id=item_for(store, T4_TOTAL), value="keep")])
    make_report(golden_dir, tmp_path / "in", narrative="（本句为修订。）")
    extract([tmp_path / "in"], out)
    rec = read_json(out / "records" / "doc.json")
    assert rec["provenance"]["applications.partially_granted.total"]["status"] == "reviewed"
    assert rec["provenance"][T4_TOTAL]["status"] == "reviewed"
    make_report(golden_dir, tmp_path / "in", t4_last="0\t0\t1\t0\t1")    # 表四 changed since the decision
    extract([tmp_path / "in"], out)
    queued = {i.path: i for i in ReviewStore(out).items()}
    assert queued[T4_TOTAL].decision["problem"] == "REVIEW.STALE"
    assert "applications.partially_granted.total" not in queued                # 表三 did not change
    assert len(decisions(out)) == 2                                      # kept, never dropped
    shown = runner.invoke(app, ["review", str(out), "--table", "表四"]).output
    assert "REVIEW.STALE" in shown
    assert [i.path for i in ReviewStore(out).items(rule="REVIEW.STALE")] == [T4_TOTAL]   # found by its problem too
    assert T4_TOTAL in runner.invoke(app, ["review", str(out), "--rule", "REVIEW."]).output


def test_a_renamed_document_id_keeps_its_decisions_and_says_so(out: Path, tmp_path: Path, golden_dir: Path) -> None:
    store = ReviewStore(out)
    store.resolve([DecisionRequest(item_id=item_for(store, "applications.partially_granted.total"), value="4")])
    make_report(golden_dir, tmp_path / "elsewhere")                     # a second doc.txt: ids become doc-<hash>
    extract([tmp_path / "in", tmp_path / "elsewhere"], out)
    renamed = [p for p in (out / "records").glob("doc-*.json")
               if read_json(p)["source"]["path"] == str(tmp_path / "in" / "doc.txt")]
    rec = read_json(renamed[0])
    assert rec["provenance"]["applications.partially_granted.total"]["status"] == "reviewed"
    assert not (out / "records" / "doc.json").exists()                   # in OUT once, under its new id
    items = ReviewStore(out).items(doc=renamed[0].stem, rule="REVIEW.RENAMED")
    assert len(items) == 1 and "doc" in items[0].message


def test_bulk_decisions_from_a_csv_in_one_command(out: Path, tmp_path: Path) -> None:
    store = ReviewStore(out)
    rows = ["item_id,value,note"] + [f"{i.id},{i.value},from the printed report" for i in store.items(status="derived")]
    rows += [f"{item_for(store, p)},keep," for p in T4_GROUP]
    (tmp_path / "d.csv").write_text("\n".join(rows) + "\n", encoding="utf-8-sig")
    result = runner.invoke(app, ["resolve", str(out), "--from", str(tmp_path / "d.csv"), "--reviewer", "li"])
    assert result.exit_code == 0, result.output
    assert "26 decision(s) recorded in 1 document(s); 0 items left" in result.output
    assert decisions(out)[0]["note"] == "from the printed report" and decisions(out)[0]["reviewer"] == "li"


def test_a_csv_with_one_bad_row_writes_nothing(out: Path, tmp_path: Path) -> None:
    store = ReviewStore(out)
    ids = [i.id for i in store.items(status="derived")]
    (tmp_path / "d.csv").write_text(f"{ids[0]},6\n{ids[1]},1.5\nnosuchitem,1\n", encoding="utf-8")
    result = runner.invoke(app, ["resolve", str(out), "--from", str(tmp_path / "d.csv")])
    assert result.exit_code == 2
    assert "1.5" in result.output and "nosuchitem" in result.output
    assert not (out / "decisions.jsonl").exists()


def test_accept_takes_the_current_values_of_the_matching_items(out: Path) -> None:
    result = runner.invoke(app, ["resolve", str(out), "--accept", "--status", "derived", "--doc", "doc"])
    assert result.exit_code == 0, result.output
    store = ReviewStore(out)
    assert store.items(status="derived") == [] and len(store.items()) == 5
    assert runner.invoke(app, ["resolve", str(out), "--accept"]).exit_code == 2     # no filter: refused


def test_undo_takes_back_the_last_decision(out: Path) -> None:
    store = ReviewStore(out)
    item = item_for(store, "applications.partially_granted.total")
    store.resolve([DecisionRequest(item_id=item, value="4")])
    assert item not in {i.id for i in store.items()}
    assert read_json(out / "records" / "doc.json")["provenance"]["applications.partially_granted.total"]["status"] == "reviewed"
    result = runner.invoke(app, ["undo", str(out)])
    assert result.exit_code == 0 and "applications.partially_granted.total" in result.output
    again = {i.id: i for i in store.items()}
    assert again[item].status == "derived" and again[item].value == 4
    rec = read_json(out / "records" / "doc.json")
    assert rec["applications"]["partially_granted"]["total"] == 4
    assert [d["action"] for d in decisions(out)] == ["set", "undo"]
    assert runner.invoke(app, ["undo", str(out)]).exit_code == 1                 # nothing left to undo


def test_the_review_console_prints_document_text_as_text_compactly(out: Path) -> None:
    result = runner.invoke(app, ["review", str(out), "--full"])
    assert result.exit_code == 0, result.output
    assert '[/注1][bold]<script>alert("x")</script>' in result.output
    assert "[derived=4]" in result.output and "disputed" in result.output
    compact = runner.invoke(app, ["review", str(out)]).output.splitlines()
    assert len(compact) == 26 + 2                                       # one line per item, a heading, a count


def test_one_bulk_call_with_the_true_values_empties_the_queue_and_compare_is_exact(tmp_path: Path,
                                                                                    golden_dir: Path) -> None:
    from llm_extract.compare import compare_dirs
    from llm_extract.schema import Report

    out = tmp_path / "out"
    extract([golden_dir], out)
    truth = {p.stem: Report.model_validate(read_json(p)) for p in golden_dir.glob("*.json")}
    rows = [f"{i.id},{json.dumps(truth[i.doc_id].get(i.path), default=str)}" for i in ReviewStore(out).items()]
    (tmp_path / "truth.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["resolve", str(out), "--from", str(tmp_path / "truth.csv")])
    assert result.exit_code == 0, result.output
    assert ReviewStore(out).items() == [] and compare_dirs(out, golden_dir).accuracy == 1.0


def test_a_cross_year_warning_is_acknowledged_once_and_stays_acknowledged(golden_dir: Path, tmp_path: Path) -> None:
    from llm_extract.pipeline import run_batch
    from llm_extract.synth.render import render
    from tests.test_crossyear import golden_report, next_year

    this = golden_report(golden_dir)
    later = next_year(this, agency="红旗区人民政府")
    later.active_disclosure.normative_documents.in_force = 60
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "hq2021.txt").write_text(render(this, "tabrows"), encoding="utf-8")
    (tmp_path / "in" / "hq2022.txt").write_text(render(later, "cells"), encoding="utf-8")
    out = tmp_path / "out"
    run_batch([tmp_path / "in"], out)
    store = ReviewStore(out)
    (warning,) = store.items(rule="XYEAR.")
    store.resolve([DecisionRequest(item_id=warning.id, value="keep", note="a new rule took effect")])
    assert store.items(rule="XYEAR.") == []
    run_batch([tmp_path / "in"], out, resume=False)
    assert ReviewStore(out).items(rule="XYEAR.") == []


def test_review_notes_decisions_about_documents_not_in_the_output(out: Path) -> None:
    (out / "decisions.jsonl").write_text(json.dumps({"doc_id": "gone", "path": "year", "value": 2021,
                                                     "source_path": "/nowhere/gone.txt"}) + "\n", encoding="utf-8")
    shown = runner.invoke(app, ["review", str(out)]).output
    assert "1 decision(s) name gone, which is not in" in shown and "kept, not applied" in shown


def test_serve_listens_on_127_0_0_1_and_serves_the_page(out: Path) -> None:
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "llm_extract.cli", "serve", str(out), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        for _ in range(100):
            try:
                page = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2).read().decode("utf-8")
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("llm-extract serve did not answer")
        assert '<a href="/doc/doc">doc</a>' in page
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_a_missing_field_has_no_value_to_accept(tmp_path: Path, golden_dir: Path) -> None:
    """Nothing was read for a missing field: keeping it would assert a blank cell no one saw. A bulk accept
    passes it over (and says so); keep on it alone is refused; null states a blank cell explicitly."""
    text = (golden_dir / f"{SEED_002}.txt").read_text(encoding="utf-8").replace("行政许可\t3150", "行政许可\t", 1)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "doc.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    extract([tmp_path / "in"], out)
    store = ReviewStore(out)
    licensing = next(i for i in store.items() if i.path == "active_disclosure.licensing")
    assert licensing.status == "missing"
    with pytest.raises(InvalidDecision, match="nothing was read"):
        store.resolve([DecisionRequest(item_id=licensing.id, value="keep")])
    with pytest.raises(InvalidDecision, match="nothing was read"):
        store.accept_items([licensing])
    assert decisions(out) == []
    result = runner.invoke(app, ["resolve", str(out), "--accept", "--doc", "doc"])
    assert result.exit_code == 0 and "missing field(s) passed over" in result.output
    assert read_json(out / "records" / "doc.json")["provenance"]["active_disclosure.licensing"]["status"] == "missing"
    assert all(d["path"] != "active_disclosure.licensing" for d in decisions(out))
    store.resolve([DecisionRequest(item_id=licensing.id, value="null")])
    assert read_json(out / "records" / "doc.json")["provenance"]["active_disclosure.licensing"]["status"] == "reviewed"


def test_a_mistyped_filter_is_refused_not_shown_as_an_empty_queue(out: Path) -> None:
    for args in (["--status", "derivd"], ["--table", "T5"], ["--doc", "no-such-doc"]):
        result = runner.invoke(app, ["review", str(out), *args])
        assert result.exit_code == 2 and "items" not in result.output, (args, result.output)
        result = runner.invoke(app, ["resolve", str(out), "--accept", *args])
        assert result.exit_code == 2, (args, result.output)
    assert decisions(out) == []
    by_alias = runner.invoke(app, ["review", str(out), "--table", "T4"])
    by_name = runner.invoke(app, ["review", str(out), "--table", "表四"])
    assert by_alias.exit_code == 0 and by_alias.output == by_name.output and "0 items" not in by_alias.output
    assert runner.invoke(app, ["review", str(out), "--status", "Disputed"]).exit_code == 0


def test_accepting_a_stale_decision_keeps_the_value_the_field_holds_never_writes_a_blank(
        out: Path, tmp_path: Path) -> None:
    """A decision whose table changed since is shown as a REVIEW.STALE item on its field (proven now, the
    cell printed in the new text). Accepting it in bulk accepts the value the field holds (6), as accepting
    any item does; it wrote null instead, a blank over a printed 4 that broke every identity of the cell."""
    path = "applications.partially_granted.natural_person"
    store = ReviewStore(out)
    store.resolve([DecisionRequest(item_id=item_for(store, path), value="4")])
    doc = tmp_path / "in" / "doc.txt"
    lines = doc.read_text(encoding="utf-8").split("\n")
    n = next(i for i, line in enumerate(lines) if "部分公开(区分处理的" in line)
    lines[n] = line = lines[n].replace("\t\t\t\t0\t0\t0\t0\t0\t4", "\t\t\t4\t0\t0\t0\t0\t0\t4")   # the cell printed now
    assert "\t4\t0\t0\t0\t0\t0\t4" in line
    doc.write_text("\n".join(lines), encoding="utf-8")
    extract([tmp_path / "in"], out)
    stale = ReviewStore(out).items(rule="REVIEW.STALE")
    assert [(i.path, i.value) for i in stale] == [(path, 4)]                 # the value the record holds now
    assert read_json(out / "records" / "doc.json")["provenance"][path]["status"] == "proven"
    import sqlite3
    row = sqlite3.connect(out / "records.sqlite").execute(
        "SELECT value, finding, decision FROM review_items WHERE id = ?", (stale[0].id,)).fetchone()
    assert row[:2] == ("4", stale[0].finding)                    # records.sqlite holds the item as the queue does
    assert json.loads(row[2])["problem"] == "REVIEW.STALE"
    ReviewStore(out).accept(rule="REVIEW.STALE")
    rec = read_json(out / "records" / "doc.json")
    assert rec["applications"]["partially_granted"]["natural_person"] == 4
    assert rec["provenance"][path]["status"] == "reviewed"
    assert not [p for p, v in rec["provenance"].items() if v["status"] == "disputed" and p.startswith("applications.")]
    assert decisions(out)[-1]["value"] == 4
