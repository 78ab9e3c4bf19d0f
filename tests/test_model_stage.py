"""The model stage of a batch against a scripted local server: routing, arbitration, failures, cache,
concurrency, and no key anywhere."""

from __future__ import annotations

import json
import logging

import pytest

from llm_extract import ModelConfigError
from llm_extract.evidence import Record, Status
from llm_extract.ingest import Document
from llm_extract.settling import DocumentReading, read_document
from llm_extract.model import ModelSettings, load_settings, resolve_routing, run_model_stage, summarise_stage
from tests.fakeopenai import FakeOpenAI, Reply, Status as HTTP, answer_for, by_doc, report_text, \
    sample_values

VALUES = sample_values()
SECRET = "sk-test-SECRET123"


SWAPPED = {f"applications__{row}__{col}": VALUES[f"applications.{other}.{col}"]
           for row, other in (("granted", "partially_granted"), ("partially_granted", "granted"))
           for col in ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total")}


def doc(doc_id: str, *, lose_a_cell: bool = False, agency: str | None = None) -> Document:
    values = VALUES | ({"agency": agency} if agency else {})
    text = report_text(values) + f"\n（本文档编号 {doc_id}）\n"     # documents differ (identical ones are asked once)
    if lose_a_cell:     # the text shows six numbers for seven columns: the regex derives the lost cell
        text = text.replace("（一）予以公开\t5\t1\t0\t0\t0\t0\t6", "（一）予以公开\t5\t1\t0\t0\t0\t6")
    return Document.from_text(text, doc_id=doc_id)


def items(*docs: Document) -> list[tuple[Document, DocumentReading, Record]]:
    out = []
    for d in docs:
        reading = read_document(d)
        out.append((d, reading, reading.record()))
    return out


def run(batch: list[tuple[Document, DocumentReading, Record]], *args, **kw) -> dict[str, tuple[Record, dict]]:
    """The model stage's extractions, each settled with its document's deterministic reading."""
    results = run_model_stage(batch, *args, **kw)
    by_id = {d.doc_id: (reading, record) for d, reading, record in batch}
    return {doc_id: (by_id[doc_id][0].with_model_result(x, info, by_id[doc_id][1]), info)
            for doc_id, (x, info) in results.items()}


def settings(server: FakeOpenAI, **kw) -> ModelSettings:
    base = dict(base_url=server.url, model="fake-model", backoff_base=0.01, backoff_max=0.05, timeout=2.0,
                transport_attempts=3)
    return ModelSettings(**(base | kw))





# ── routing ───────────────────────────────────────────────────────────────────────────────────

def test_the_default_routing_is_auto_with_a_model_configured_and_never_without():
    assert resolve_routing(None, ModelSettings(model="m", base_url="http://127.0.0.1:1/v1")).mode == "auto"
    never = resolve_routing(None, ModelSettings())
    assert never.mode == "never" and "no model configured" in never.reason


def test_asking_for_the_model_without_one_configured_is_a_config_error():
    with pytest.raises(ModelConfigError):
        resolve_routing("always", ModelSettings())
    assert resolve_routing("never", ModelSettings()).mode == "never"


def test_auto_calls_the_model_only_for_documents_the_deterministic_path_did_not_fully_prove(server, tmp_path):
    server.responder = by_doc({"proven": answer_for(VALUES), "derived": answer_for(VALUES)})
    batch = items(doc("proven"), doc("derived", lose_a_cell=True))
    assert batch[1][2].provenance["applications.granted.research"].status == Status.DERIVED
    results = run(batch, settings(server), "auto", tmp_path)
    assert server.calls == 1
    assert results["proven"][1]["status"] == "skipped"
    assert results["proven"][0].stages["model"]["reason"] == "the deterministic record is fully proven"
    record, info = results["derived"]
    assert info["status"] == "ok" and info["calls"] == 1
    lost = record.provenance["applications.granted.other_org"]
    assert lost.status == Status.DERIVED              # the model agrees, but the text does not print it: not a
    assert lost.grounding["status"] == "not_found"    # second source, so the derived cell stays queued


def test_never_makes_no_call_and_always_calls_for_every_document(server, tmp_path):
    server.responder = by_doc({"a": answer_for(VALUES), "b": answer_for(VALUES)})
    batch = items(doc("a"), doc("b", agency="另一区人民政府"))
    assert all(i["status"] == "skipped" for _, i in run(batch, settings(server), "never", None).values())
    assert server.calls == 0
    run(batch, settings(server), "always", None)
    assert server.calls == 2


# ── arbitration through the server ──────────────────────────────────────────────────────────────

@pytest.mark.parametrize("mode", ["tools", "json"])
@pytest.mark.parametrize("changes, path, status, kept", [
    ({"applications__partially_granted__other_org": 2}, "applications.partially_granted.other_org",
     Status.RESOLVED, 1),
    (SWAPPED, "applications.granted.natural_person", Status.DISPUTED, 5),
    ({"active_disclosure__punishment": 56}, "active_disclosure.punishment", Status.DISPUTED, 65),
], ids=["one-wrong-table3-cell", "two-rows-swapped", "wrong-table2-value"])
def test_a_wrong_model_value_is_caught_never_accepted(server, changes, path, status, kept, mode):
    server.script(Reply(answer_for(VALUES, **changes)))
    record, info = run(items(doc("d")), settings(server, mode=mode), "always", None)["d"]
    prov = record.provenance[path]
    assert info["status"] == "ok"
    assert prov.status == status and record.report.get(path) == kept
    assert prov.candidates["regex"] == kept and prov.candidates["model"] != kept
    if status == Status.RESOLVED:
        assert {"T3.ROW_SUM", "T3.COLUMN_SUM"} & set(prov.rules)


# ── failures ────────────────────────────────────────────────────────────────────────────────────

def test_a_document_whose_model_stage_fails_keeps_its_record_and_the_failure_is_recorded(server, tmp_path):
    server.responder = by_doc({"good": answer_for(VALUES), "bad": HTTP(500)})
    batch = items(doc("good", lose_a_cell=True), doc("bad", lose_a_cell=True))
    settings_ = settings(server)
    results = run(batch, settings_, "always", tmp_path)
    record, info = results["bad"]
    assert info["status"] == "failed" and info["kind"] == "transport" and info["calls"] == 3
    assert record.report == batch[1][2].report and record.provenance == batch[1][2].provenance
    assert record.stages["model"]["status"] == "failed" and "HTTP 500" in record.stages["model"]["error"]
    assert any(f.code == "MODEL.FAILED" for f in record.findings)
    assert results["good"][1]["status"] == "ok"                         # the batch went on
    summary = summarise_stage(results, resolve_routing("always", settings_), settings_)
    assert summary["failed"] == [{"doc_id": "bad", "kind": "transport", "error": info["error"]}]
    assert summary["answered"] == 1 and summary["calls"] == server.calls == 4


# ── cache ───────────────────────────────────────────────────────────────────────────────────────

def test_a_second_run_answers_from_the_cache_with_zero_calls_and_no_cache_bypasses_it(server, tmp_path):
    server.responder = by_doc({"a": answer_for(VALUES), "b": answer_for(VALUES | {"agency": "另一区人民政府"})})
    batch = items(doc("a", lose_a_cell=True), doc("b", lose_a_cell=True, agency="另一区人民政府"))
    first = run(batch, settings(server), "always", tmp_path / "cache")
    assert server.calls == 2
    second = run(batch, settings(server), "always", tmp_path / "cache")
    assert server.calls == 2                                                   # 0 calls
    assert all(info["cached"] and info["calls"] == 0 for _, info in second.values())
    for doc_id in ("a", "b"):
        assert second[doc_id][0].report == first[doc_id][0].report
        assert second[doc_id][0].provenance == first[doc_id][0].provenance
    run(batch, settings(server), "always", tmp_path / "cache", use_cache=False)
    assert server.calls == 4
    run(batch, settings(server, model="another-model"), "always", tmp_path / "cache")
    assert server.calls == 6                                                   # the model is in the key


def test_failures_are_not_cached(server, tmp_path):
    server.script(HTTP(500), HTTP(500), HTTP(500), Reply(answer_for(VALUES)))
    batch = items(doc("a"))
    assert run(batch, settings(server), "always", tmp_path)["a"][1]["status"] == "failed"
    assert run(batch, settings(server), "always", tmp_path)["a"][1]["status"] == "ok"


# ── throughput ──────────────────────────────────────────────────────────────────────────────────

def test_calls_in_flight_are_bounded_and_progress_and_usage_are_reported(server):
    ids = [f"d{i}" for i in range(6)]
    server.responder = by_doc({i: Reply(answer_for(VALUES), delay=0.15) for i in ids})
    seen: list[str] = []
    settings_ = settings(server, concurrency=2)
    results = run(items(*(doc(i) for i in ids)), settings_, "always", None,
                              progress=lambda doc_id, info: seen.append(doc_id))
    assert server.max_in_flight == 2
    assert sorted(seen) == ids
    summary = summarise_stage(results, resolve_routing("always", settings_), settings_)
    assert summary["calls"] == 6
    assert summary["input_tokens"] == sum(u["prompt_tokens"] for u in server.usage_sent) > 0
    assert summary["output_tokens"] == sum(u["completion_tokens"] for u in server.usage_sent) > 0


# ── the key ─────────────────────────────────────────────────────────────────────────────────────

def test_the_api_key_appears_in_no_log_cache_file_record_or_summary(server, tmp_path, monkeypatch, caplog, capsys):
    caplog.set_level(logging.DEBUG)
    monkeypatch.setenv("OPENAI_API_KEY", SECRET)
    monkeypatch.setenv("OPENAI_BASE_URL", server.url)
    monkeypatch.setenv("LLM_EXTRACT_MODEL", "fake-model")
    echo = {"error": {"message": f"the key {SECRET} is not allowed here", "type": "server_error"}}
    server.responder = by_doc({"ok": answer_for(VALUES, active_disclosure__licensing=1),
                               "http": HTTP(500, body=echo), "schema": Reply("I refuse")})
    settings_ = load_settings({"backoff_base": 0.01, "backoff_max": 0.02, "transport_attempts": 2, "max_reasks": 1})
    routing = resolve_routing(None, settings_)
    results = run(items(doc("ok", lose_a_cell=True), doc("http", lose_a_cell=True),
                                    doc("schema", lose_a_cell=True)), settings_, routing.mode, tmp_path / "cache")
    assert {d: i["status"] for d, (_, i) in results.items()} == {"ok": "ok", "http": "failed", "schema": "failed"}
    assert all(r.headers.get("authorization") == f"Bearer {SECRET}" for r in server.requests)  # it was in play
    out = tmp_path / "out"
    out.mkdir()
    for doc_id, (record, info) in results.items():
        (out / f"{doc_id}.json").write_text(json.dumps(record.to_json_dict() | {"info": info}, ensure_ascii=False,
                                                       default=str), encoding="utf-8")
    (out / "summary.json").write_text(json.dumps(summarise_stage(results, routing, settings_), default=str),
                                      encoding="utf-8")
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert any(p.parent.parent.name == "cache" for p in files)
    for path in files:
        assert SECRET not in path.read_text(encoding="utf-8"), path
    captured = capsys.readouterr()
    assert SECRET not in captured.out + captured.err
    assert SECRET not in "\n".join(r.getMessage() for r in caplog.records)
    assert SECRET not in caplog.text
    assert SECRET not in repr(settings_) + str(routing)


def test_a_valid_answer_repeating_the_key_in_a_value_is_not_used_nor_cached(server, monkeypatch, tmp_path):
    monkeypatch.setenv("OPENAI_API_KEY", SECRET)
    server.script(Reply(answer_for(VALUES, agency=f"key {SECRET}")))
    settings_ = load_settings({"base_url": server.url, "model": "fake-model"})
    record, info = run(items(doc("d")), settings_, "always", tmp_path / "cache")["d"]
    assert info["status"] == "failed" and "repeats the API key" in info["error"]
    text = json.dumps(record.to_json_dict() | {"info": info}, ensure_ascii=False, default=str)
    assert SECRET not in text
    assert not any(SECRET in p.read_text(encoding="utf-8") for p in tmp_path.rglob("*.json"))


def test_a_local_servers_dummy_key_does_not_refuse_answers_that_hold_its_text(server, monkeypatch, tmp_path):
    monkeypatch.setenv("OPENAI_API_KEY", "1")          # (vLLM, llama.cpp: any key is taken)
    server.script(Reply(answer_for(VALUES)))
    settings_ = load_settings({"base_url": server.url, "model": "fake-model"})
    record, info = run(items(doc("d")), settings_, "always", tmp_path / "cache")["d"]
    assert info["status"] == "ok"


def test_a_reply_echoing_the_key_is_redacted_in_the_record(server, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", SECRET)
    server.script(*[Reply(f"I refuse, {SECRET}")] * 2)
    settings_ = load_settings({"base_url": server.url, "model": "fake-model", "max_reasks": 1})
    record, info = run(items(doc("d")), settings_, "always", None)["d"]
    text = json.dumps(record.to_json_dict() | {"info": info}, ensure_ascii=False, default=str)
    assert SECRET not in text and "I refuse, ***" in text
