"""Commands on a large output directory keep memory flat: ``compare`` reads every record once and lets
it go (a record's provenance and review items are ~100 KB each: holding them all took 960 MB for 2,000
documents), ``review`` prints the queue a document at a time (287 MB for 60,000 items)."""

from __future__ import annotations

import shutil
import tracemalloc
from pathlib import Path

from typer.testing import CliRunner

from llm_extract.cli import app
from llm_extract.compare import compare_dirs, golden_from_record
from llm_extract.outputs import read_json, write_json
from llm_extract.pipeline import run_batch
from llm_extract.rebuild import rebuild_combined

SEED_002 = "002_0126e23b7202ee31"


def _batch(tmp_path: Path, golden_dir: Path, n: int) -> tuple[Path, Path]:
    """An output directory of ``n`` copies of one record (its queue file too), and their golden files."""
    base = tmp_path / "base"
    if not base.exists():
        inputs = tmp_path / "in"
        inputs.mkdir()
        shutil.copy(golden_dir / f"{SEED_002}.txt", inputs / "doc.txt")
        run_batch([inputs], base)
    rec = read_json(base / "records" / "doc.json")
    queue = (base / "review_queue.jsonl").read_text(encoding="utf-8")
    out, gold = tmp_path / f"out{n}", tmp_path / f"gold{n}"
    (out / "records").mkdir(parents=True)
    gold.mkdir()
    lines = []
    for i in range(n):
        doc_id = f"d{i:04d}"
        review = [item | {"doc_id": doc_id} for item in rec.get("review", [])]
        write_json(out / "records" / f"{doc_id}.json", rec | {"doc_id": doc_id, "review": review})
        write_json(gold / f"{doc_id}.json", golden_from_record(rec | {"doc_id": doc_id}))
        lines.append(queue.replace('"doc_id": "doc"', f'"doc_id": "{doc_id}"'))
    (out / "review_queue.jsonl").write_text("".join(lines), encoding="utf-8")
    return out, gold


def _peak(out: Path, gold: Path) -> tuple[int, float]:
    tracemalloc.start()
    try:
        cmp = compare_dirs(out, gold)
        return tracemalloc.get_traced_memory()[1], cmp.accuracy
    finally:
        tracemalloc.stop()


def test_compare_holds_one_record_at_a_time(tmp_path: Path, golden_dir: Path) -> None:
    small, large = _batch(tmp_path, golden_dir, 20), _batch(tmp_path, golden_dir, 80)
    (peak_small, acc_small), (peak_large, acc_large) = _peak(*small), _peak(*large)
    assert acc_small == acc_large == 1.0
    record = (small[0] / "records" / "d0000.json").stat().st_size
    # four times the documents: the golden files and the per-document counts grow (~18 KB a document here),
    # the records do not stay (they took ~390 KB a document, six times the file)
    assert (peak_large - peak_small) / 60 < record / 2, (peak_small, peak_large, record)


def test_the_review_listing_holds_one_documents_items_at_a_time(tmp_path: Path, golden_dir: Path) -> None:
    runner = CliRunner()

    def peak(out: Path) -> tuple[int, str]:
        tracemalloc.start()
        try:
            result = runner.invoke(app, ["review", str(out)])
            return tracemalloc.get_traced_memory()[1], result.output
        finally:
            tracemalloc.stop()

    (out_small, _), (out_large, _) = _batch(tmp_path, golden_dir, 20), _batch(tmp_path, golden_dir, 80)
    for out in (out_small, out_large):      # current outputs: `review` lists them, it does not rebuild them first
        rebuild_combined(out, set())
    (small, text_small), (large, text_large) = peak(out_small), peak(out_large)
    per_doc = text_small.count("d0000:")
    assert per_doc == 1 and text_large.count(": ") >= 80 and text_large.rstrip().endswith(" items")
    queue = (out_small / "review_queue.jsonl").stat().st_size / 20          # one document's queue lines
    assert (large - small) / 60 < queue, (small, large, queue)
