"""CPU per document of each part of the end-of-run rebuild, on the records of an output directory.

    python bench/rebuild_parts.py OUT_DIR [--docs 300] [--repeat 5]

The worker side (read a record, its field rows and indicators, render its Fragment, pickle it)
and the serial side (the process that owns the files: unpickle each Fragment, append it to every
output, finish them) are timed separately, each as the least CPU time over ``--repeat`` rounds:
on a shared machine the least is the one least disturbed by the other processes. Run it with the
old and the new code alternately to compare.
"""

from __future__ import annotations

import argparse
import inspect
import os
import pickle
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from llm_extract.analysis import compute_indicators
from llm_extract.export import open_exports, render_fragment
from llm_extract.export.fields import field_rows
from llm_extract.outputs import read_json


def _has_workbook_process() -> bool:
    return "workbook_process" in inspect.signature(open_exports).parameters


def _least(fn: Callable[[], Any], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        fn()
        best = min(best, time.process_time() - t0)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    paths = sorted((args.out / "records").glob("*.json"))[:args.docs]
    n = len(paths)
    records = [read_json(p) for p in paths]

    def split() -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
        out = []
        for rec in records:
            rec = dict(rec)
            out.append((rec, rec.pop("review", [])))
        return out

    pickled = [pickle.dumps(render_fragment(rec, review)) for rec, review in split()]
    tmp = Path(tempfile.mkdtemp(prefix="rebuild-parts-"))

    def serial(**options: bool) -> None:
        shutil.rmtree(tmp)
        tmp.mkdir()
        with open_exports(tmp, **options) as exports:
            for blob in pickled:
                exports.add_fragment(pickle.loads(blob))

    def beside() -> None:
        """The main process's part when the workbook has a process of its own (its CPU is not counted here:
        it runs beside)."""
        serial(workbook_process=True)

    def workbook_process() -> None:
        t0 = os.times()
        serial(workbook_process=True)
        t1 = os.times()
        spent.append((t1.children_user - t0.children_user) + (t1.children_system - t0.children_system))

    spent: list[float] = []

    parts = {
        "worker: read_json": lambda: [read_json(p) for p in paths],
        "worker: field_rows + indicators": lambda: [
            compute_indicators({r.path: (r.value, r.status) for r in field_rows(rec)}) for rec in records],
        "worker: render_fragment + pickle": lambda: [pickle.dumps(render_fragment(rec, review))
                                                     for rec, review in split()],
        "serial: unpickle + append + finish": serial,
    }
    if _has_workbook_process():
        parts |= {"serial, workbook beside: main process": beside, "serial, workbook beside: workbook": workbook_process}
    parts |= {
        "serial: unpickle only": lambda: [pickle.loads(b) for b in pickled],
    }
    times = {name: _least(fn, args.repeat) for name, fn in parts.items()}
    if spent:
        times["serial, workbook beside: workbook"] = min(spent)
    shutil.rmtree(tmp, ignore_errors=True)
    for name, t in times.items():
        print(f"{name:38s} {t / n * 1000:6.2f} ms/doc")
    worker = times["worker: read_json"] + times["worker: render_fragment + pickle"]
    print(f"{'worker total (read + render + pickle)':38s} {worker / n * 1000:6.2f} ms/doc")
    print(f"{'serial total':38s} {times['serial: unpickle + append + finish'] / n * 1000:6.2f} ms/doc")
    if spent:
        print(f"{'serial path, workbook beside':38s} "
              f"{max(times['serial, workbook beside: main process'], min(spent)) / n * 1000:6.2f} ms/doc  "
              f"(the slower of the main process and the workbook's)")
    print(f"{'rebuild CPU per document':38s} {(worker + times['serial: unpickle + append + finish']) / n * 1000:6.2f}"
          f" ms/doc  ({n} documents of {args.out}, least of {args.repeat})")


if __name__ == "__main__":
    main()
