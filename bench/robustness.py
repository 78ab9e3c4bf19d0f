"""Robustness benchmark: extraction + verification of damaged documents against their truth.

    python bench/robustness.py --docs 1000 --seed 1

Generates ``--docs`` documents: random valid reports (every identity holds,
real magnitudes, many zeros) and, every tenth document, a golden file from
golden/; prints each in a layout (one cell per line, tab rows, markdown, PDF
text, PDF text over two pages, glued) with one to three damage kinds
(llm_extract.synth.damage), then extracts and verifies it and compares every
field strictly with the truth. Prints, overall, per damage kind and per layout:

    accuracy     fields whose output equals the truth (null ≠ 0) / all fields
    silent       wrong values whose status is proven (not in the review queue) — must be 0
    review load  fields not proven (queued for a person) / all fields

Exit status 1 when a silent error occurs. ``--show N`` prints the first N silent errors.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

from llm_extract._exceptions import DocumentError
from llm_extract.compare import compare_values
from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document
from llm_extract.schema import Report
from llm_extract.synth.damage import DAMAGE_KINDS, Damaged, damage
from llm_extract.synth.records import random_report

ROOT = Path(__file__).resolve().parent.parent
LAYOUT_WEIGHTS = {"cells": 3, "tabrows": 3, "markdown": 2, "pdftext": 3, "pages": 1, "glued": 2}


class Tally:
    __slots__ = ("docs", "fields", "correct", "silent", "queued", "failed", "capped")

    def __init__(self) -> None:
        self.docs = self.fields = self.correct = self.silent = self.queued = self.failed = self.capped = 0

    def row(self, name: str) -> str:
        acc = self.correct / self.fields if self.fields else 0.0
        load = self.queued / self.fields if self.fields else 0.0
        return (f"{name:<16}{self.docs:>6}{self.fields:>9}{acc:>10.2%}{self.silent:>8}{load:>9.2%}"
                f"{self.failed:>8}{self.capped:>8}")


def _golden() -> list[Report]:
    return [Report.model_validate({k: v for k, v in read_json(p).items() if k in Report.model_fields})
            for p in sorted((ROOT / "golden").glob("*.json"))]


def generate(n: int, seed: int) -> list[Damaged]:
    """``n`` damaged documents, the same for the same seed."""
    golden = _golden()
    layouts, weights = list(LAYOUT_WEIGHTS), list(LAYOUT_WEIGHTS.values())
    docs = []
    for i in range(n):
        rng = random.Random(seed * 1_000_003 + i)
        report = (golden[(i // 10) % len(golden)].model_copy(deep=True) if golden and i % 10 == 0
                  else random_report(rng, f"r{seed}-{i}"))
        report.doc_id = f"doc{i:05d}"
        layout = rng.choices(layouts, weights)[0]
        if layout == "glued":
            kinds = ["fullwidth"] if rng.random() < 0.3 else []
        else:
            kinds = rng.sample(DAMAGE_KINDS, rng.randint(1, 3))
        docs.append(damage(report, layout, kinds, rng.randrange(1 << 30)))
    return docs


def run(docs: list[Damaged], show: int = 0) -> tuple[Tally, dict[str, Tally], dict[str, Tally], float]:
    overall = Tally()
    per_kind: dict[str, Tally] = defaultdict(Tally)
    per_layout: dict[str, Tally] = defaultdict(Tally)
    shown = 0
    t0 = time.perf_counter()
    for d in docs:
        truth = d.truth.golden_dict()
        tallies = [overall, per_layout[d.layout]] + [per_kind[k] for k in d.kinds or ["(none)"]]
        if d.layout == "glued":
            tallies.append(per_kind["glued layout"])
        try:
            record = process_document(Document.from_text(d.text, doc_id=d.truth.doc_id))
        except DocumentError:
            for t in tallies:
                t.docs += 1
                t.failed += 1
                t.fields += 202
                t.queued += 202
            continue
        results, diffs = compare_values(d.truth.doc_id, truth, record.report.golden_dict())
        prov = record.provenance
        silent = [x for x in diffs if prov[x.path].status == Status.PROVEN]
        queued = sum(1 for path, _ in results if prov[path].status != Status.PROVEN)
        capped = any(f.code == "DERIVE.SEARCH_CAP" for f in record.findings)
        for t in tallies:
            t.docs += 1
            t.fields += len(results)
            t.correct += sum(ok for _, ok in results)
            t.silent += len(silent)
            t.queued += queued
            t.capped += capped
        for x in silent[:max(0, show - shown)]:
            shown += 1
            print(f"SILENT {d.truth.doc_id} [{d.layout}; {', '.join(d.kinds)}] {x.path}: "
                  f"expected {x.expected!r}, got {x.got!r}\n    " + "\n    ".join(d.notes), file=sys.stderr)
    return overall, per_kind, per_layout, time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--show", type=int, default=0, help="print the first N silent errors")
    args = ap.parse_args()
    docs = generate(args.docs, args.seed)
    overall, per_kind, per_layout, seconds = run(docs, args.show)
    head = f"{'':<16}{'docs':>6}{'fields':>9}{'accuracy':>10}{'silent':>8}{'review':>9}{'failed':>8}{'capped':>8}"
    print(f"robustness: {args.docs} damaged documents, seed {args.seed}, "
          f"{seconds:.1f} s extraction+verification ({args.docs / seconds:.0f} docs/s)")
    print(head)
    print(overall.row("overall"))
    print("per damage kind (a document with several kinds counts under each)")
    for kind in [*DAMAGE_KINDS, "glued layout", "(none)"]:
        if kind in per_kind:
            print(per_kind[kind].row(kind))
    print("per layout")
    for layout in LAYOUT_WEIGHTS:
        if layout in per_layout:
            print(per_layout[layout].row(layout))
    return 1 if overall.silent else 0


if __name__ == "__main__":
    sys.exit(main())
