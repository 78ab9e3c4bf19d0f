"""The model stage against a failing endpoint: it stops early, loses no paid answer, asks identical
documents once, and every log line names its document (scripted local server)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from typer.testing import CliRunner

from llm_extract.cli import app
from llm_extract.ingest import Document
from llm_extract.model import ModelSettings, run_model_stage
from llm_extract.model.cache import ModelCache
from llm_extract.outputs import read_json
from llm_extract.pipeline import run_batch
from llm_extract.settling import read_document
from tests.fakeopenai import FakeOpenAI, Reply, Status, answer_for, report_text, sample_values

VALUES = sample_values()


def doc(doc_id: str, variant: str | None = None) -> Document:
    """A report; documents with the same ``variant`` have the same content."""
    return Document.from_text(report_text(VALUES) + f"\n（附注 {variant or doc_id}）\n", doc_id=doc_id)


def items(*docs: Document):
    out = []
    for d in docs:
        reading = read_document(d)
        out.append((d, reading, reading.record()))
    return out


def settled(batch, *args, **kw) -> dict:
    """The model stage's extractions, each settled with its document's deterministic reading."""
    results = run_model_stage(batch, *args, **kw)
    by_id = {d.doc_id: (reading, record) for d, reading, record in batch}
    return {doc_id: (by_id[doc_id][0].with_model_result(x, info, by_id[doc_id][1]), info)
            for doc_id, (x, info) in results.items()}


def settings(server: FakeOpenAI, **kw) -> ModelSettings:
    return ModelSettings(**(dict(base_url=server.url, model="fake-model", backoff_base=0.01, backoff_max=0.02,
                                 transport_attempts=2, concurrency=1, timeout=5.0) | kw))


def test_identical_documents_in_one_batch_are_asked_once(server: FakeOpenAI, tmp_path: Path) -> None:
    server.responder = lambda request: Reply(answer_for(VALUES))
    batch = items(doc("a", "same"), doc("b", "same"), doc("c"), doc("d", "same"))
    results = settled(batch, settings(server), "always", tmp_path)
    assert server.calls == 2
    assert {d: (info["status"], info.get("shared_with")) for d, (_, info) in results.items()} == {
        "a": ("ok", None), "b": ("ok", "a"), "c": ("ok", None), "d": ("ok", "a")}
    assert results["b"][0].doc_id == "b" and results["b"][0].report.values() == results["a"][0].report.values()
    assert results["b"][1]["calls"] == 0          # the call is counted once, on the document that made it


def test_identical_documents_held_in_different_chunks_are_asked_once_even_without_the_cache(
        server: FakeOpenAI, tmp_path: Path) -> None:
    from llm_extract.model.stage import BatchModelStage, resolve_routing

    server.responder = lambda request: Reply(answer_for(VALUES))
    stage = BatchModelStage(settings(server), resolve_routing("always", settings(server)), tmp_path / "cache",
                            use_cache=False, chunk=1)
    answered: dict[str, dict] = {}
    for d, reading, record in items(doc("a", "same"), doc("c"), doc("d", "same")):
        stage.offer(d, record)
        stage.run(lambda d, x, info, ctx: answered.__setitem__(d.doc_id, info))     # one document a chunk
    assert server.calls == 2 and set(answered) == {"a", "c", "d"}
    assert all(info["status"] == "ok" for info in answered.values())
    assert not (tmp_path / "cache").exists()                # --no-cache: the user's cache is neither read nor written


def test_each_answer_is_in_the_cache_before_its_document_is_reported_so_a_kill_loses_none(server: FakeOpenAI,
                                                                                          tmp_path: Path) -> None:
    server.responder = lambda request: Reply(answer_for(VALUES))
    cache = ModelCache(tmp_path)
    seen: list[int] = []

    def killed(doc_id: str, record, info) -> None:
        seen.append(len(list(tmp_path.glob("*/*.json"))))
        raise KeyboardInterrupt               # the run is killed as the first answer is handed on

    with pytest.raises(KeyboardInterrupt):
        run_model_stage(items(doc("a"), doc("b"), doc("c")), settings(server, concurrency=3), "always", tmp_path,
                        on_result=killed)
    assert seen[0] >= 1                                   # its answer was already on disk
    assert len(list(tmp_path.glob("*/*.json"))) == server.calls == 3 and cache.directory == tmp_path


@pytest.mark.parametrize("code", [401, 403, 404])
def test_an_authentication_error_or_a_wrong_model_stops_the_model_stage_at_once(server: FakeOpenAI, tmp_path: Path, code: int) -> None:
    server.responder = lambda request: Status(code)
    batch = items(*(doc(f"d{i}") for i in range(6)))
    results = settled(batch, settings(server), "always", tmp_path)
    assert server.calls == 1                                             # never retried, never asked again
    kinds = [info["kind"] for _, info in results.values()]
    assert kinds == ["http"] + ["stopped"] * 5
    for (record, info), (_, _, deterministic) in zip(results.values(), batch):
        assert record.report == deterministic.report                    # each keeps its deterministic record
        assert any(f.code == "MODEL.FAILED" for f in record.findings)
    assert f"HTTP {code}" in results["d5"][1]["error"] and "d5: not asked" in results["d5"][1]["error"]


def test_consecutive_transport_failures_stop_the_model_stage(server: FakeOpenAI, tmp_path: Path) -> None:
    server.responder = lambda request: Status(503)
    batch = items(*(doc(f"d{i}") for i in range(10)))
    results = run_model_stage(batch, settings(server, breaker_failures=3), "always", tmp_path)
    assert server.calls == 3 * 2                         # three documents, two transport attempts each
    kinds = [info["kind"] for _, info in results.values()]
    assert kinds == ["transport"] * 3 + ["stopped"] * 7
    assert "3 documents in a row failed at the transport layer" in results["d9"][1]["error"]


def test_a_success_between_transport_failures_resets_the_count(server: FakeOpenAI, tmp_path: Path) -> None:
    answers = {"d0": Status(503), "d1": Status(503), "d2": Reply(answer_for(VALUES)), "d3": Status(503),
               "d4": Status(503)}
    server.responder = lambda request: next(v for k, v in answers.items() if f"文档 {k} " in request.user_text)
    results = run_model_stage(items(*(doc(f"d{i}") for i in range(5))), settings(server, breaker_failures=3),
                              "always", tmp_path)
    assert [info["kind"] if info["status"] == "failed" else "ok" for _, info in results.values()] == \
        ["transport", "transport", "ok", "transport", "transport"]


def test_every_log_line_of_the_model_stage_names_its_document(server: FakeOpenAI, tmp_path: Path,
                                                              caplog: pytest.LogCaptureFixture) -> None:
    server.responder = lambda request: Status(503)
    caplog.set_level(logging.DEBUG, logger="llm_extract")
    run_model_stage(items(*(doc(f"doc-{i}") for i in range(4))), settings(server, breaker_failures=2), "always",
                    tmp_path)
    lines = [r.getMessage() for r in caplog.records if r.name.startswith("llm_extract")]
    assert lines and all(line.startswith("doc-") for line in lines), lines


def test_a_batch_with_a_refused_key_keeps_every_record_and_strict_says_so(server: FakeOpenAI, tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    server.responder = lambda request: Status(401)
    src = tmp_path / "in"
    src.mkdir()
    for i in range(4):
        (src / f"r{i}.txt").write_text(report_text(VALUES) + f"\n（附注 {i}）\n", encoding="utf-8")
    summary = run_batch([src], tmp_path / "out", llm="always", model=settings(server), cache_dir=tmp_path / "c")
    assert summary.ok == 4 and server.calls == 1
    assert "HTTP 401" in summary.llm["stopped"] and len(summary.llm["failed"]) == 4
    assert read_json(tmp_path / "out" / "records" / "r3.json")["stages"]["model"]["kind"] == "stopped"
    monkeypatch.setenv("OPENAI_BASE_URL", server.url)
    monkeypatch.setenv("LLM_EXTRACT_MODEL", "fake-model")
    result = CliRunner().invoke(app, ["extract", str(src), "--out", str(tmp_path / "o2"), "--llm", "always",
                                      "--no-cache", "--strict"])
    assert result.exit_code == 3, result.output


def test_a_bug_set_off_by_one_answer_fails_that_documents_model_stage_and_the_batch_goes_on(
        server: FakeOpenAI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import llm_extract.settling as settling
    server.responder = lambda request: Reply(answer_for(VALUES))
    real = settling.settle

    def buggy(extraction, model, *args, **kw):
        if model is not None and kw.get("doc_id") == "r1":
            raise KeyError("a bug")
        return real(extraction, model, *args, **kw)

    monkeypatch.setattr(settling, "settle", buggy)
    src = tmp_path / "in"
    src.mkdir()
    for i in range(3):
        (src / f"r{i}.txt").write_text(report_text(VALUES) + f"\n（附注 {i}）\n", encoding="utf-8")
    summary = run_batch([src], tmp_path / "out", llm="always", model=settings(server), cache_dir=tmp_path / "c")
    assert summary.ok == 3                       # every document keeps a record, the batch finished
    model = read_json(tmp_path / "out" / "records" / "r1.json")["stages"]["model"]
    assert model["status"] == "failed" and model["kind"] == "internal" and "bug" in model["error"]
    assert read_json(tmp_path / "out" / "records" / "r0.json")["stages"]["model"]["status"] == "ok"
