"""Throughput of the deterministic path: extract + verify N documents generated from golden files.

    python bench/throughput.py --docs 2000

Renders every golden file in golden/ into both text layouts (one cell per line,
tab-separated rows), then times extraction and verification (no file I/O) in one
process and prints documents per second. Target: >= 500 documents/s.

Two corpora are timed, each printed on its own line: ``golden`` (the golden files, so each text
recurs every 20 documents, as label and header lines recur across a real batch) and ``distinct``
(a random valid report per document, ``llm_extract.synth.records``, no text seen twice: the
reader's per-line caches cannot help). ``--corpus`` picks one.

``--renderer wild`` times the same on the second renderer's families instead (every golden
file in every family of llm_extract.synth.wild; an HTML page goes through the HTML ingest),
overall and per family.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from llm_extract.batchgc import batch_gc
from llm_extract.extract import extract_regex
from llm_extract.ingest import Document
from llm_extract.outputs import read_json
from llm_extract.schema import Report
from llm_extract.synth import LAYOUTS, render
from llm_extract.synth.records import random_report
from llm_extract.synth.wild import FAMILIES, WildDoc, render_wild
from verify import verify_extraction

ROOT = Path(__file__).resolve().parent.parent


def texts() -> list[str]:
    """Every golden file rendered in every layout."""
    golden = [Report.model_validate({k: v for k, v in read_json(p).items() if k in Report.model_fields})
              for p in sorted((ROOT / "golden").glob("*.json"))]
    return [render(r, layout) for r in golden for layout in LAYOUTS]


def distinct_texts(docs: int, seed: int = 1) -> list[str]:
    """``docs`` random valid reports, each rendered once (layouts in turn)."""
    return [render(random_report(random.Random(seed * 1_000_003 + i), f"bench-{i}"), LAYOUTS[i % len(LAYOUTS)], seed=i)
            for i in range(docs)]


def _golden() -> list[Report]:
    return [Report.model_validate({k: v for k, v in read_json(p).items() if k in Report.model_fields})
            for p in sorted((ROOT / "golden").glob("*.json"))]


def wild(docs: int, target: float) -> None:
    """Documents/s on the wild renderer's families, each family timed on its own."""
    rendered = {f: [render_wild(r, f, seed) for r in _golden() for seed in range(4)] for f in FAMILIES}
    total_docs, total_s = 0, 0.0
    for family, corpus in rendered.items():
        n = max(1, docs // len(FAMILIES))
        seconds, crashed = _time(corpus, n)
        total_docs, total_s = total_docs + n, total_s + seconds
        print(f"{family:<14} documents: {n}  seconds: {seconds:.2f}  documents/s: {n / seconds:.0f}"
              + (f"  ({crashed} raised an exception: see bench/robustness.py --renderer wild)" if crashed else ""))
    rate = total_docs / total_s
    print(f"wild renderer: documents/s {rate:.0f} (decoding, and HTML ingest for pages, included)  "
          f"target: >= {target:.0f}/s {'met' if rate >= target else 'NOT met'}")


def _time(corpus: list[WildDoc], n: int) -> tuple[float, int]:
    """Seconds for ``n`` documents, and how many raised (refused, or a reader crash)."""
    crashed = 0
    t0 = time.perf_counter()
    with batch_gc():                    # (as a batch run sets the collector)
        for i in range(n):
            try:
                verify_extraction(extract_regex(corpus[i % len(corpus)].document()))
            except Exception:
                crashed += 1
    return time.perf_counter() - t0, crashed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--target", type=float, default=500.0)
    ap.add_argument("--renderer", choices=("ours", "wild"), default="ours")
    ap.add_argument("--corpus", choices=("golden", "distinct", "both"), default="both")
    args = ap.parse_args()
    if args.renderer == "wild":
        wild(args.docs, args.target)
        return
    corpora = {"golden": texts, "distinct": lambda: distinct_texts(args.docs)}
    for name in corpora if args.corpus == "both" else (args.corpus,):
        _time_corpus(name, corpora[name](), args.docs, args.target)


def _time_corpus(name: str, ts: list[str], docs: int, target: float) -> None:
    extract_regex(Document.from_text(ts[0]))  # warm caches (regex compilation, equation index)
    # As in a batch run (llm_extract.pipeline.run_batch), each document is made from its text,
    # processed and dropped, with the garbage collector set as a batch sets it (batch_gc): the
    # timing includes splitting the text into lines, and no corpus sits in memory for the
    # collector to walk.
    t0, c0 = time.perf_counter(), time.process_time()
    proven = 0
    with batch_gc():
        for i in range(docs):
            doc = Document.from_text(ts[i % len(ts)], doc_id=f"bench-{i}")
            record = verify_extraction(extract_regex(doc))
            proven += record.status_counts()["proven"]
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    rate = docs / seconds
    print(f"{name:<8} documents: {docs}  seconds: {seconds:.2f} (cpu {cpu:.2f})  documents/s: {rate:.0f} "
          f"(per cpu-second {docs / cpu:.0f})  "
          f"fields proven: {proven}/{docs * 202}  target: >= {target:.0f}/s "
          f"{'met' if rate >= target else 'NOT met'}")

if __name__ == "__main__":
    main()
