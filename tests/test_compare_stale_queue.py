"""`compare` says whether a differing field is in the review queue as the records make the queue now, not as a
stale queue file says: after a review page or a rebuild killed before it rebuilt the combined outputs, the file
still lists an item decided since. The command rebuilds stale outputs first (as `review` does); where it cannot
(an `extract` run holds OUT), and in the library's `compare_dirs`, the queue is read from the records."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from llm_extract.cli import app
from llm_extract.compare import compare_dirs
from llm_extract.outputs import iter_jsonl, read_json, write_json
from llm_extract.rebuild import outputs_current
from llm_extract.review_store import DecisionRequest, ReviewStore
from llm_extract.runlock import run_lock
from tests.test_review_store import SEED_002, T4_TOTAL, item_for, out  # noqa: F401  (the fixture)

runner = CliRunner()


def _kept_on_a_killed_page(out: Path) -> None:
    """The reviewer keeps 表四's total as printed (0, under parts summing to 1) on a page killed before its rebuild:
    the field is `reviewed`, out of the queue, and wrong; the queue file still lists it."""
    page = ReviewStore(out, rebuild_later=True)
    page.later.quiet = 60
    page.resolve([DecisionRequest(item_id=item_for(page, T4_TOTAL), value="keep")])
    page.later.close()
    assert read_json(out / "records" / "doc.json")["provenance"][T4_TOTAL]["status"] == "reviewed"
    assert T4_TOTAL in {raw["path"] for raw in iter_jsonl(out / "review_queue.jsonl")}       # stale


def _golden(golden_dir: Path, where: Path) -> Path:
    g = read_json(golden_dir / f"{SEED_002}.json") | {"doc_id": "doc"}
    where.mkdir()
    write_json(where / "doc.json", g)
    assert g["review_litigation"]["administrative_review"]["total"] == 1
    return where


def _difference(cmp, path: str):
    return next(d for d in cmp.differences if d.path == path)


def test_compare_dirs_reads_the_queue_from_the_records(out: Path, golden_dir: Path, tmp_path: Path) -> None:
    golden = _golden(golden_dir, tmp_path / "golden")
    before = compare_dirs(out, golden)
    assert _difference(before, T4_TOTAL).queued
    _kept_on_a_killed_page(out)
    after = compare_dirs(out, golden)
    assert not _difference(after, T4_TOTAL).queued
    assert after.silent_errors == before.silent_errors + 1


def test_compare_rebuilds_stale_outputs_first(out: Path, golden_dir: Path, tmp_path: Path) -> None:
    golden = _golden(golden_dir, tmp_path / "golden")
    _kept_on_a_killed_page(out)
    result = runner.invoke(app, ["compare", str(out), str(golden)])
    assert result.exit_code == 0, result.output
    assert "rebuilding them first" in result.output
    assert f"doc  {T4_TOTAL}  expected 1  got 0  (NOT in review queue)" in result.output
    assert outputs_current(out)
    assert T4_TOTAL not in {raw["path"] for raw in iter_jsonl(out / "review_queue.jsonl")}
    again = runner.invoke(app, ["compare", str(out), str(golden), "--json"])
    assert "rebuilding" not in again.output
    assert json.loads(again.stdout)["silent_errors"] >= 1


def test_compare_while_a_run_holds_out_reads_the_queue_from_the_records(out: Path, golden_dir: Path,
                                                                        tmp_path: Path) -> None:
    golden = _golden(golden_dir, tmp_path / "golden")
    _kept_on_a_killed_page(out)
    with run_lock(out):
        result = runner.invoke(app, ["compare", str(out), str(golden)])
    assert result.exit_code == 0, result.output
    assert "read from the records" in result.output
    assert f"doc  {T4_TOTAL}  expected 1  got 0  (NOT in review queue)" in result.output
    assert not outputs_current(out)


def test_compare_of_an_output_directory_it_may_not_write_reads_the_queue_from_the_records(
        out: Path, golden_dir: Path, tmp_path: Path, monkeypatch) -> None:
    golden = _golden(golden_dir, tmp_path / "golden")
    _kept_on_a_killed_page(out)

    def read_only(self: ReviewStore) -> None:
        raise PermissionError(13, "Permission denied", str(out / ".llm-extract.lock"))

    monkeypatch.setattr(ReviewStore, "rebuild_now", read_only)
    result = runner.invoke(app, ["compare", str(out), str(golden)])
    assert result.exit_code == 0, result.output
    assert "Permission denied" in result.output and "read from the records" in result.output
    assert f"doc  {T4_TOTAL}  expected 1  got 0  (NOT in review queue)" in result.output
