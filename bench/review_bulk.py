"""Bulk review: one `resolve --from FILE.csv` call deciding every queued item of many documents.

    python bench/review_bulk.py --docs 100

Copies the golden report 002 (28 items pinned by the identities) ``--docs`` times, extracts
them, writes a CSV with the golden value of every queued item, and times one
``ReviewStore.resolve`` over it (validation, one decision line each, each record rewritten
once, the combined outputs rebuilt once). It then checks that the queue is empty and that
every field matches the golden file.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from pathlib import Path

from llm_extract.compare import compare_dirs
from llm_extract.outputs import read_json
from llm_extract.pipeline import run_batch
from llm_extract.review_store import ReviewStore, requests_from_csv
from llm_extract.schema import Report

ROOT = Path(__file__).resolve().parent.parent
SEED = "002_0126e23b7202ee31"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp())
    try:
        (work / "in").mkdir()
        (work / "golden").mkdir()
        golden = read_json(ROOT / "golden" / f"{SEED}.json")
        for n in range(args.docs):
            shutil.copy(ROOT / "golden" / f"{SEED}.txt", work / "in" / f"r{n:05d}.txt")
            (work / "golden" / f"r{n:05d}.json").write_text(
                json.dumps(golden | {"doc_id": f"r{n:05d}"}, ensure_ascii=False, default=str), encoding="utf-8")
        run_batch([work / "in"], work / "out")
        truth = Report.model_validate({k: v for k, v in golden.items() if k in Report.model_fields})
        store = ReviewStore(work / "out")
        items = store.items()
        (work / "d.csv").write_text("".join(f"{i.id},{json.dumps(truth.get(i.path), default=str)}\n" for i in items),
                                    encoding="utf-8")
        started = time.perf_counter()
        outcome = store.resolve(requests_from_csv(work / "d.csv"))
        seconds = time.perf_counter() - started
        accuracy = compare_dirs(work / "out", work / "golden").accuracy
        print(f"documents: {args.docs}  decisions: {outcome.decided}  seconds: {seconds:.2f}  "
              f"decisions/s: {outcome.decided / seconds:.0f}  left in queue: {len(store.items())}  "
              f"accuracy: {accuracy:.2%}")
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
