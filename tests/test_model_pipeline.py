"""The model stage inside a batch run and on the command line, against a scripted local server."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from llm_extract.cli import app
from llm_extract.model import ModelSettings
from llm_extract.outputs import read_json, read_jsonl
from llm_extract.pipeline import run_batch
from tests.fakeopenai import FakeOpenAI, Reply, Status, answer_for, by_doc, report_text, sample_values

VALUES = sample_values()
SECRET = "sk-test-SECRET123"
runner = CliRunner()


def write_inputs(folder: Path) -> Path:
    """Two reports: one the regex proves fully, one with a lost cell (derived, so not fully proven)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "proven.txt").write_text(report_text(VALUES), encoding="utf-8")
    lossy = report_text(VALUES | {"agency": "另一区人民政府"}).replace(
        "（一）予以公开\t5\t1\t0\t0\t0\t0\t6", "（一）予以公开\t5\t1\t0\t0\t0\t6")
    (folder / "lossy.txt").write_text(lossy, encoding="utf-8")
    return folder





def settings(server: FakeOpenAI, **kw) -> ModelSettings:
    return ModelSettings(**(dict(base_url=server.url, model="fake-model", backoff_base=0.01, backoff_max=0.02,
                                 transport_attempts=2) | kw))


def test_a_batch_with_the_model_writes_cross_checked_records_and_queues_the_disagreements(server, tmp_path):
    server.responder = by_doc({"proven": answer_for(VALUES, active_disclosure__punishment=56),
                              "lossy": answer_for(VALUES | {"agency": "另一区人民政府"})})
    summary = run_batch([write_inputs(tmp_path / "in")], tmp_path / "out", llm="always", model=settings(server),
                        cache_dir=tmp_path / "cache")
    assert (summary.ok, summary.llm["mode"], summary.llm["calls"], summary.llm["answered"]) == (2, "always", 2, 2)
    proven = read_json(tmp_path / "out" / "records" / "proven.json")
    assert proven["stages"]["model"]["model"] == "fake-model" and proven["stages"]["model"]["prompt_version"] == "v2"
    assert proven["provenance"]["active_disclosure.punishment"]["status"] == "disputed"
    item = next(i for i in read_jsonl(tmp_path / "out" / "review_queue.jsonl")
                if i["path"] == "active_disclosure.punishment")
    assert {(c["source"], c["value"]) for c in item["candidates"]} == {("regex", 65), ("model", 56)}
    assert item["source_lines"] and "行政处罚" in item["source_lines"][0]["text"]
    lossy = read_json(tmp_path / "out" / "records" / "lossy.json")
    # the text prints 5 1 0 0 0 6 for seven cells: one of the model's four zeros is not printed, and which one
    # the text cannot say (a blank may stand in any of them): the four cells stay as the reader derived them
    for c in ("research", "social_org", "legal_service", "other_org"):
        lost = lossy["provenance"][f"applications.granted.{c}"]
        assert lost["status"] == "derived" and lost["grounding"]["status"] == "not_found"
    # nor where its 5, 1 and 6 stand: 0 5 1 0 0 0 6 (a 0 or a blank lost first) fits the text and the row's sum as
    # well; the two sources agree and the column sums pin them (pinned: trusted, marked as not read as printed)
    for c in ("natural_person", "commercial", "total"):
        granted = lossy["provenance"][f"applications.granted.{c}"]
        assert granted["status"] == "pinned" and granted["grounding"]["status"] == "not_found"
        assert "DERIVE.PINNED" in granted["rules"]
    assert read_json(tmp_path / "out" / "summary.json")["llm"]["calls"] == 2


def test_auto_sends_only_the_documents_not_fully_proven_and_a_rerun_answers_from_the_cache(server, tmp_path):
    server.responder = by_doc({"lossy": answer_for(VALUES | {"agency": "另一区人民政府"})})
    inputs = write_inputs(tmp_path / "in")
    first = run_batch([inputs], tmp_path / "out", model=settings(server), cache_dir=tmp_path / "cache")
    assert first.llm["mode"] == "auto" and "configured" in first.llm["reason"]
    assert server.calls == 1 and first.llm["skipped"] == 1
    again = run_batch([inputs], tmp_path / "out2", model=settings(server), cache_dir=tmp_path / "cache")
    assert server.calls == 1 and again.llm["calls"] == 0 and again.llm["cache_hits"] == 1
    run_batch([inputs], tmp_path / "out3", model=settings(server), cache_dir=tmp_path / "cache", use_cache=False)
    assert server.calls == 2


def test_a_failed_model_stage_keeps_the_deterministic_record_and_a_later_run_tries_again(server, tmp_path):
    server.responder = by_doc({"lossy": Status(500)})
    inputs = write_inputs(tmp_path / "in")
    summary = run_batch([inputs], tmp_path / "out", model=settings(server), cache_dir=tmp_path / "cache")
    assert summary.ok == 2 and summary.llm["failed"][0]["doc_id"] == "lossy"
    assert summary.rules.get("MODEL.FAILED") == 1
    record = read_json(tmp_path / "out" / "records" / "lossy.json")
    assert record["stages"]["model"]["status"] == "failed"
    assert record["applications"]["granted"]["research"] == 0 and \
        record["provenance"]["applications.granted.research"]["status"] == "derived"
    server.responder = by_doc({"lossy": answer_for(VALUES | {"agency": "另一区人民政府"})})
    rerun = run_batch([inputs], tmp_path / "out", model=settings(server), cache_dir=tmp_path / "cache")
    assert rerun.resumed == 1 and rerun.llm["answered"] == 1              # the proven one resumed, the failed redone
    assert read_json(tmp_path / "out" / "records" / "lossy.json")["stages"]["model"]["status"] == "ok"


def _contents(path):
    """A file's bytes; a workbook's members decompressed (a key could hide in the zip)."""
    import zipfile

    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as z:
            return b"".join(z.read(n) for n in z.namelist())
    return path.read_bytes()


def test_the_command_line_runs_the_model_stage_and_no_file_or_output_holds_the_key(server, tmp_path, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", SECRET)
    monkeypatch.setenv("OPENAI_BASE_URL", server.url)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("LLM_EXTRACT_CACHE_DIR", raising=False)
    monkeypatch.delenv("LLM_EXTRACT_MODEL", raising=False)
    config = tmp_path / "fast.toml"                         # tiny backoff, through the config file
    config.write_text("[model]\nbackoff_base = 0.01\nbackoff_max = 0.02\ntransport_attempts = 2\n", encoding="utf-8")
    monkeypatch.setenv("LLM_EXTRACT_CONFIG", str(config))
    echo = {"error": {"message": f"key {SECRET} rejected", "type": "server_error"}}
    server.responder = by_doc({"proven": answer_for(VALUES, active_disclosure__punishment=56),
                              "lossy": Status(500, body=echo)})
    result = runner.invoke(app, ["extract", str(write_inputs(tmp_path / "in")), "--out", str(tmp_path / "out"),
                                 "--llm", "always", "--model", "fake-model", "--concurrency", "2"])
    assert result.exit_code == 0, result.output
    assert "always" in result.output and "model calls" in result.output
    assert any(r.headers.get("authorization") == f"Bearer {SECRET}" for r in server.requests)
    files = [p for p in tmp_path.rglob("*") if p.is_file() and "in" not in p.relative_to(tmp_path).parts[:1]]
    assert any("xdg" in p.parts for p in files) and any(p.name == "review_queue.jsonl" for p in files)
    for path in files:
        assert SECRET.encode() not in _contents(path), path
    assert SECRET not in result.output


def test_the_command_line_says_never_without_a_model_and_refuses_always(tmp_path, monkeypatch):
    for var in ("LLM_EXTRACT_MODEL", "OPENAI_API_KEY", "OPENAI_BASE_URL", "LLM_EXTRACT_CONFIG"):
        monkeypatch.delenv(var, raising=False)
    inputs = write_inputs(tmp_path / "in")
    result = runner.invoke(app, ["extract", str(inputs), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0 and "no model configured" in result.output
    refused = runner.invoke(app, ["extract", str(inputs), "--out", str(tmp_path / "o2"), "--llm", "always"])
    assert refused.exit_code == 2 and "needs a model" in refused.output
    named = runner.invoke(app, ["extract", str(inputs), "--out", str(tmp_path / "o3"), "--model", "qwen-plus"])
    assert named.exit_code == 2 and "--model qwen-plus needs an endpoint" in named.output
    assert not (tmp_path / "o3").exists()


def test_the_summary_says_when_the_endpoint_reported_no_token_usage_rather_than_zero_tokens(server, tmp_path,
                                                                                          monkeypatch):
    monkeypatch.setenv("OPENAI_BASE_URL", server.url)
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    server.responder = lambda request: Reply(answer_for(VALUES), no_usage=True)
    result = runner.invoke(app, ["extract", str(write_inputs(tmp_path / "in")), "--out", str(tmp_path / "out"),
                                 "--llm", "always", "--model", "fake-model", "--no-cache"])
    assert result.exit_code == 0, result.output
    assert read_json(tmp_path / "out" / "summary.json")["llm"]["usage_unreported"] == 2
    assert "reported no token usage for 2 documents" in re.sub(r"[│\s]+", " ", result.output)   # (the table wraps)


def test_the_summary_table_says_why_the_model_stage_stopped(server, tmp_path, monkeypatch):
    monkeypatch.setenv("OPENAI_BASE_URL", server.url)
    monkeypatch.setenv("OPENAI_API_KEY", SECRET)
    server.responder = lambda request: Status(401)
    result = runner.invoke(app, ["extract", str(write_inputs(tmp_path / "in")), "--out", str(tmp_path / "out"),
                                 "--llm", "always", "--model", "fake-model", "--no-cache", "--concurrency", "1"])
    assert result.exit_code == 0, result.output
    assert "model stage stopped" in result.output and "HTTP 401" in result.output
