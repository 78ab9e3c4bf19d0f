"""A document may print characters that Python's ``str.splitlines`` takes for line ends (U+0085, U+2028,
U+001C …). The JSON Lines files hold them as they are, so every reader of those files cuts at ``\\n`` alone:
a later ``compare``, ``review`` or ``resolve`` reads what ``extract`` wrote."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from typer.testing import CliRunner

from llm_extract.cli import app
from llm_extract.decisions import Decision, append_decisions, read_log
from llm_extract.ingest import load_bytes
from llm_extract.outputs import read_json, read_jsonl, write_jsonl

runner = CliRunner()
#: every character other than \n at which str.splitlines cuts
SEPARATORS = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
SEED = "002_0126e23b7202ee31"


def test_json_lines_holding_every_line_separator_come_back_whole(tmp_path: Path) -> None:
    rows = [{"raw": f"1{ch}2", "n": i} for i, ch in enumerate(SEPARATORS)]
    write_jsonl(tmp_path / "q.jsonl", rows)
    assert read_jsonl(tmp_path / "q.jsonl") == rows


def test_a_reviewers_note_with_a_line_separator_is_one_decision(tmp_path: Path) -> None:
    append_decisions(tmp_path, [Decision(doc_id="a", path="year", value=2024, note=f"seen{ch}twice")
                                for ch in SEPARATORS])
    assert [d.note for d in read_log(tmp_path)] == [f"seen{ch}twice" for ch in SEPARATORS]
    assert all(d.problem is None for d in read_log(tmp_path))


def test_a_crawler_export_whose_page_text_holds_a_line_separator_is_one_page(golden_dir: Path) -> None:
    text = (golden_dir / f"{SEED}.txt").read_text(encoding="utf-8")
    page = {"url": "http://example.gov.cn/a", "title": "年度报告\u2028（全文）", "content": text + "\u2028\x85"}
    news = {"url": "http://example.gov.cn/b", "title": "通知", "content": "关于开展\x85检查的通知"}
    data = "".join(json.dumps(p, ensure_ascii=False) + "\n" for p in (page, news)).encode("utf-8")
    doc = load_bytes(data, doc_id="crawl", suffix=".jsonl")
    assert doc.text.startswith("年度报告 （全文）\n红旗区人民政府")          # the pages, not the file's JSON
    assert "关于开展\x85检查的通知" in doc.text


def test_a_cell_printing_a_line_separator_is_queued_and_later_commands_read_the_outputs(
        tmp_path: Path, golden_dir: Path) -> None:
    text = (golden_dir / f"{SEED}.txt").read_text(encoding="utf-8")
    line = "\t\t2.没有现成信息需要另行制作\t0\t0\t0\t0\t0\t0\t0"
    assert line in text
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / f"{SEED}.txt").write_text(
        text.replace(line, line.replace("\t0\t0\t0\t0", "\t0\t\x85\t0\t0", 1)), encoding="utf-8")
    out = tmp_path / "out"
    assert runner.invoke(app, ["extract", str(tmp_path / "in"), "--out", str(out)]).exit_code == 0
    queue = read_jsonl(out / "review_queue.jsonl")
    assert "\x85" in json.dumps(queue, ensure_ascii=False)       # the printed text travels as it is
    assert len(queue) == len((out / "review_queue.jsonl").read_text(encoding="utf-8").split("\n")) - 1
    golden = tmp_path / "golden"
    golden.mkdir()
    (golden / f"{SEED}.json").write_bytes((golden_dir / f"{SEED}.json").read_bytes())
    compared = runner.invoke(app, ["compare", str(out), str(golden)])
    assert compared.exception is None or isinstance(compared.exception, SystemExit), compared.output
    reviewed = runner.invoke(app, ["review", str(out), "--full"])
    assert reviewed.exit_code == 0, reviewed.output
    assert f"{len(queue)} items" in reviewed.output
    item = next(i for i in queue if i["path"] == "applications.unavailable_needs_creation.commercial")
    note = "printed\x85blank\u2028in the PDF"
    resolved = runner.invoke(app, ["resolve", str(out), item["id"], "0", "--reviewer", "li", "--note", note])
    assert resolved.exit_code == 0, resolved.output
    assert [d.note for d in read_log(out)] == [note]
    with sqlite3.connect(out / "records.sqlite") as db:                  # the outputs rebuilt with it
        assert db.execute("select note from decisions").fetchall() == [(note,)]
    assert read_json(out / "records" / f"{SEED}.json")["applications"]["unavailable_needs_creation"]["commercial"] == 0
