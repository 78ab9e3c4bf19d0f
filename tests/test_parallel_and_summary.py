"""Both cores, same outputs: a pooled run writes what a serial one writes, in input order; the summary
and the records are compact, and the summary does not grow with the batch."""

from __future__ import annotations

import json
import os
import shutil
import signal
import time
from pathlib import Path

import pytest

import llm_extract.pipeline as pipeline
from llm_extract.pipeline import run_batch
from llm_extract.workers import worker_count

COMBINED = ("records.jsonl", "records.csv", "review_queue.jsonl")


def _batch(tmp_path: Path, golden_dir: Path, n: int, bad: int = 0) -> Path:
    src = tmp_path / "in"
    src.mkdir(parents=True, exist_ok=True)
    seeds = sorted(golden_dir.glob("*.txt"))
    for i in range(n):
        shutil.copy(seeds[i % len(seeds)], src / f"d{i:03d}-{seeds[i % len(seeds)].stem}.txt")
    for i in range(bad):
        (src / f"empty{i}.txt").write_text("")
    return src


def test_a_pooled_run_writes_byte_for_byte_what_a_serial_run_writes_in_input_order(tmp_path: Path,
                                                                                  golden_dir: Path) -> None:
    src = _batch(tmp_path, golden_dir, 40, bad=2)
    assert worker_count(42, 2) == 2
    seen: dict[int, list[str]] = {}
    for workers in (1, 2):
        order: list[str] = []
        summary = run_batch([src], tmp_path / f"out{workers}", workers=workers, progress=lambda o: order.append(o.doc_id))
        assert (summary.ok, summary.failed) == (40, 2)
        seen[workers] = order
    assert seen[1] == seen[2] == sorted(seen[1])
    for name in COMBINED:
        assert (tmp_path / "out1" / name).read_bytes() == (tmp_path / "out2" / name).read_bytes(), name
    for rec in (tmp_path / "out1" / "records").iterdir():
        assert rec.read_bytes() == (tmp_path / "out2" / "records" / rec.name).read_bytes()


def test_records_and_the_summary_are_compact_and_the_summary_does_not_grow_with_the_batch(tmp_path: Path,
                                                                                          golden_dir: Path) -> None:
    small = run_batch([_batch(tmp_path / "a", golden_dir, 12)], tmp_path / "small")
    large = run_batch([_batch(tmp_path / "b", golden_dir, 40)], tmp_path / "large")
    assert (small.ok, large.ok) == (12, 40)
    for out in ("small", "large"):
        text = (tmp_path / out / "summary.json").read_text(encoding="utf-8")
        assert text.count("\n") == 1 and "outcomes" not in text
        record = next((tmp_path / out / "records").iterdir()).read_text(encoding="utf-8")
        assert record.count("\n") == 1
    size = lambda out: len((tmp_path / out / "summary.json").read_bytes())  # noqa: E731
    assert abs(size("large") - size("small")) < 100          # counts, not a list of every document


def test_the_summary_lists_the_first_failures_and_counts_them_all(tmp_path: Path, golden_dir: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "MAX_LISTED_FAILURES", 3)
    summary = run_batch([_batch(tmp_path, golden_dir, 1, bad=5)], tmp_path / "out")
    assert summary.failed == 5 and len(summary.failures) == 3
    assert len(list((tmp_path / "out" / "failed").iterdir())) == 5


def test_the_summary_names_the_documents_read_the_longest(tmp_path: Path, golden_dir: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    # a batch that takes an hour: which file held it up (the per-document seconds were kept nowhere)
    real = pipeline.read_document

    def slow_for_d003(doc, **kw):
        if doc.doc_id.startswith("d003"):
            time.sleep(0.5)
        return real(doc, **kw)

    monkeypatch.setattr(pipeline, "read_document", slow_for_d003)
    src = _batch(tmp_path, golden_dir, 14, bad=1)
    summary = run_batch([src], tmp_path / "out", workers=1)
    slowest = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))["slowest"]
    assert slowest == summary.model_dump(mode="json")["slowest"]
    assert len(slowest) == pipeline.SLOWEST_LISTED
    assert Path(slowest[0]["path"]).name.startswith("d003") and slowest[0]["seconds"] >= 0.5 and slowest[0]["ok"]
    assert [d["seconds"] for d in slowest] == sorted((d["seconds"] for d in slowest), reverse=True)
    again = run_batch([src], tmp_path / "out", workers=1)        # every document resumed: nothing read, none listed
    assert [Path(d["path"]).name for d in again.slowest] == ["empty0.txt"]


def test_a_document_that_kills_its_worker_process_fails_by_name_and_the_batch_goes_on(
        tmp_path: Path, golden_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the out-of-memory killer ending a worker (a 500 MB page) broke the pool: the run ended in a
    # BrokenProcessPool traceback, no summary written, the combined outputs not rebuilt
    real = pipeline._one

    def deadly(f: Path, *args, **kw):
        if f.name.startswith("d017"):
            # as the pool ends the other worker, in the middle of writing a record: its temp file left behind
            (tmp_path / "out" / "records" / ".d016.json.k1ll3d.tmp").write_text("{")
            os.kill(os.getpid(), signal.SIGKILL)
        return real(f, *args, **kw)

    monkeypatch.setattr(pipeline, "_one", deadly)
    order: list[str] = []
    summary = run_batch([_batch(tmp_path, golden_dir, 40)], tmp_path / "out", workers=2,
                        progress=lambda o: order.append(o.doc_id))
    assert (summary.ok, summary.failed) == (39, 1) and order == sorted(order) and len(order) == 40
    failure = summary.failures[0]
    assert Path(failure["path"]).name.startswith("d017") and failure["type"] == pipeline.PROCESS_DIED
    assert "the process reading it died" in failure["error"]
    assert len(list((tmp_path / "out" / "records").iterdir())) == 39      # (no temp file left: removed once the workers ended)
    assert [p.name[:4] for p in (tmp_path / "out" / "failed").iterdir()] == ["d017"]
    assert (tmp_path / "out" / "records.jsonl").read_text(encoding="utf-8").count("\n") == 39


def test_a_small_batch_stays_in_one_process() -> None:
    assert worker_count(10, 8) == 1 and worker_count(0) == 1


def test_the_rebuild_on_two_processes_writes_what_it_writes_on_one(tmp_path: Path, golden_dir: Path) -> None:
    from llm_extract.rebuild import rebuild_combined

    out = tmp_path / "out"
    run_batch([_batch(tmp_path, golden_dir, 40)], out, workers=1)
    totals = {}
    files = {}
    for workers in (1, 2):
        totals[workers] = rebuild_combined(out, {p.stem for p in (out / "records").iterdir()}, workers=workers,
                                           force=True)
        files[workers] = [(out / name).read_bytes() for name in COMBINED]
    assert files[1] == files[2] and totals[1] == totals[2] and totals[1].fields["proven"] > 0


def test_the_workbook_of_a_parallel_rebuild_holds_what_the_serial_one_holds(tmp_path: Path, golden_dir: Path) -> None:
    from openpyxl import load_workbook

    from llm_extract.rebuild import rebuild_combined

    out = tmp_path / "out"
    run_batch([_batch(tmp_path, golden_dir, 40)], out, workers=1)
    sheets = {}
    for workers in (1, 2):
        rebuild_combined(out, set(), workers=workers, force=True)
        book = load_workbook(out / "records.xlsx", read_only=True)
        sheets[workers] = {ws.title: [[c.value for c in row] for row in ws.iter_rows()] for ws in book.worksheets}
        book.close()
    assert sheets[1] == sheets[2] and len(sheets[1]["表三"]) == 1 + 40 * 25
    assert not list(out.glob(".*.tmp"))


def test_a_document_that_sets_off_a_bug_fails_by_name_and_the_batch_goes_on(tmp_path: Path, golden_dir: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """An exception no reader meant to raise (a bug) fails that one document, with the traceback in its
    failure file for the bug report; every other document of the batch is read and written."""
    from llm_extract.outputs import read_json

    src = tmp_path / "in"
    src.mkdir()
    for name in ("000_38ec84bebc7328d3", "002_0126e23b7202ee31"):
        shutil.copy(golden_dir / f"{name}.txt", src / f"{name}.txt")
    real = pipeline.read_document

    def buggy(doc, **kwargs):
        if doc.doc_id.startswith("000"):
            raise ValueError("an item is not in list")
        return real(doc, **kwargs)
    monkeypatch.setenv("LLM_EXTRACT_WORKERS", "1")
    monkeypatch.setattr(pipeline, "read_document", buggy)
    summary = run_batch([src], tmp_path / "out")
    assert (summary.ok, summary.failed) == (1, 1)
    assert (tmp_path / "out" / "records" / "002_0126e23b7202ee31.json").exists()
    failure = read_json(tmp_path / "out" / "failed" / "000_38ec84bebc7328d3.json")
    assert failure["error_type"] == pipeline.INTERNAL_ERROR and "ValueError" in failure["error"]
    assert "this is a bug" in failure["error"] and "Traceback" in failure["traceback"]
