"""Reviewer decisions on documents the model stage reads: settled with the model's answer, or with
the deterministic record when the call fails, and the same record as `resolve` wrote."""

from __future__ import annotations

from pathlib import Path

from llm_extract.model import ModelSettings
from llm_extract.outputs import read_json
from llm_extract.pipeline import run_batch
from llm_extract.review_store import DecisionRequest, ReviewStore
from tests.fakeopenai import FakeOpenAI, Status, answer_for, by_doc, report_text, sample_values

VALUES = sample_values()
PUNISHMENT = "active_disclosure.punishment"


def settings(server: FakeOpenAI) -> ModelSettings:
    return ModelSettings(base_url=server.url, model="fake-model", backoff_base=0.01, backoff_max=0.02,
                         transport_attempts=1, breaker_failures=100)


def decided_by_a_reviewer(server: FakeOpenAI, tmp_path: Path) -> tuple[Path, Path, dict]:
    """A report the model misreads (行政处罚 56 for the printed 65): disputed; the reviewer decides 65."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "doc.txt").write_text(report_text(VALUES), encoding="utf-8")
    server.responder = by_doc({"doc": answer_for(VALUES, active_disclosure__punishment=56)})
    out = tmp_path / "out"
    run_batch([tmp_path / "in"], out, llm="always", model=settings(server), cache_dir=tmp_path / "cache")
    store = ReviewStore(out)
    item = next(i for i in store.items() if i.path == PUNISHMENT)
    assert item.status == "disputed"
    store.resolve([DecisionRequest(item_id=item.id, value="65")], reviewer="ann")
    return tmp_path / "in", out, read_json(out / "records" / "doc.json")


def test_a_rerun_with_the_model_applies_the_decision_to_the_record_settled_with_the_answer(server, tmp_path):
    inputs, out, resolved = decided_by_a_reviewer(server, tmp_path)
    assert resolved["provenance"][PUNISHMENT]["status"] == "reviewed"
    run_batch([inputs], out, llm="always", model=settings(server), cache_dir=tmp_path / "cache", resume=False)
    again = read_json(out / "records" / "doc.json")
    prov = again["provenance"][PUNISHMENT]
    assert prov["status"] == "reviewed" and prov["candidates"] == {"regex": 65, "model": 56, "review": 65}
    assert again["stages"]["model"]["status"] == "ok" and PUNISHMENT not in {
        i["path"] for i in again["review"]}
    assert {k: v for k, v in again.items() if k != "stages"} == {k: v for k, v in resolved.items() if k != "stages"}


def test_a_rerun_whose_model_call_fails_still_applies_the_decision(server, tmp_path):
    inputs, out, _ = decided_by_a_reviewer(server, tmp_path)
    server.responder = by_doc({"doc": Status(500)})
    summary = run_batch([inputs], out, llm="always", model=settings(server), cache_dir=tmp_path / "cache",
                        use_cache=False, resume=False)
    assert summary.llm["failed"] and summary.rules.get("MODEL.FAILED") == 1
    record = read_json(out / "records" / "doc.json")
    assert record["provenance"][PUNISHMENT]["status"] == "reviewed"
    assert record["active_disclosure"]["punishment"] == 65
