"""Output size per 1,000 documents: every file of an output directory, and the rebuild time.

    python bench/output_size.py --docs 1000 --seed 1

Renders ``--docs`` damaged documents as bench/robustness.py does (random valid reports
and the golden files, six layouts, OCR-like damage, so the review load is realistic),
writes them as text files, runs ``run_batch`` on them, and prints the size of every
combined output and of the per-document record files, scaled to 1,000 documents, plus
the time of one full rebuild (what a reviewer's decision costs: its record changed) and of one
on an unchanged directory (what a rerun that resumes everything costs: the outputs are kept).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from robustness import generate  # bench/ is on sys.path when this file is run

from llm_extract.export import OUTPUT_FILES
from llm_extract.pipeline import run_batch
from llm_extract.rebuild import rebuild_combined


def _cpu() -> float:
    """CPU seconds of this process and its finished workers."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.is_dir() else path.stat().st_size


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        inputs, out = Path(tmp) / "in", Path(tmp) / "out"
        inputs.mkdir()
        for n, doc in enumerate(generate(args.docs, args.seed)):
            (inputs / f"{n:05d}.txt").write_text(doc.text, encoding="utf-8")
        t0 = time.perf_counter()
        summary = run_batch([inputs], out, llm="never")
        batch = time.perf_counter() - t0
        t0, c0 = time.perf_counter(), _cpu()
        rebuild_combined(out, set(), force=True)
        rebuild, rebuild_cpu = time.perf_counter() - t0, _cpu() - c0
        t0, c0 = time.perf_counter(), _cpu()
        rebuild_combined(out, set())
        kept, kept_cpu = time.perf_counter() - t0, _cpu() - c0
        scale = 1000 / max(1, args.docs)
        print(f"{args.docs} documents ({summary.ok} ok, {summary.failed} failed, {summary.queued} review items); "
              f"batch {batch:.1f} s, rebuild {rebuild:.1f} s (cpu {rebuild_cpu:.1f} s, all processes), "
              f"unchanged {kept:.2f} s (cpu {kept_cpu:.2f} s)")
        print(f"{'output':<22}{'MB per 1,000 docs':>20}{'KB per doc':>12}")
        total = 0
        for name in (*OUTPUT_FILES, "records", "failed"):
            path = out / name
            if not path.exists():
                continue
            size = _size(path)
            total += size if name not in ("records", "failed") else 0
            print(f"{name + ('/' if path.is_dir() else ''):<22}{size * scale / 1e6:>20.2f}{size / max(1, args.docs) / 1e3:>12.1f}")
        print(f"{'combined outputs':<22}{total * scale / 1e6:>20.2f}{total / max(1, args.docs) / 1e3:>12.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
