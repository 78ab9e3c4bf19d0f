"""CPU cost of reading PDFs, with the fast paths and with pdfminer/pdfplumber as shipped; and whether both read the same.

    python bench/pdf_speed.py tests/fixtures/pdf /work/shared/real-pdf /tmp/ps31/corpus --rounds 3

Reads every PDF given (files or directories) with ``pdf_to_text``, alternating rounds with
the fast paths (:mod:`llm_extract.ingest.pdf_fast`) and without them (``stock()``), and
prints CPU seconds per PDF (user + system, the least of the rounds: the machine may be
shared) for each, and the differential check: how many PDFs read byte-identically (a PDF
that fails must fail with the same error), naming every one that does not. Exits 1 when
any PDF reads differently.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from llm_extract.ingest.pdf import pdf_to_text
from llm_extract.ingest.pdf_fast import install_fast_paths, stock


def _cpu() -> float:
    t = os.times()
    return t.user + t.system


def _pdfs(paths: list[str]) -> list[Path]:
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        out.extend(sorted(p.rglob("*.pdf")) if p.is_dir() else [p])
    return out


def _read_all(files: list[Path], datas: list[bytes]) -> tuple[float, list[str]]:
    texts = []
    start = _cpu()
    for path, data in zip(files, datas):
        try:
            texts.append(pdf_to_text(data, str(path)))
        except Exception as exc:        # a scan, a locked or corrupt file: its error is what is read
            texts.append(f"{type(exc).__name__}: {exc}")
    return _cpu() - start, texts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--rounds", type=int, default=2)
    a = ap.parse_args()
    files = _pdfs(a.paths)
    datas = [f.read_bytes() for f in files]
    install_fast_paths()
    cpu: dict[str, list[float]] = {"stock": [], "fast": []}
    texts: dict[str, list[str]] = {}
    for _ in range(a.rounds):
        with stock():
            seconds, texts["stock"] = _read_all(files, datas)
        cpu["stock"].append(seconds)
        seconds, texts["fast"] = _read_all(files, datas)
        cpu["fast"].append(seconds)
    n = len(files)
    for mode, rounds in cpu.items():
        print(f"{mode:5}  cpu s per round {' '.join(f'{s:.2f}' for s in rounds)}  per PDF {min(rounds) / n:.4f}")
    print(f"fast / stock: {min(cpu['fast']) / min(cpu['stock']):.2f}")
    differ = [f for f, s, t in zip(files, texts["stock"], texts["fast"]) if s != t]
    print(f"identical text: {n - len(differ)}/{n} PDFs")
    for f in differ:
        print(f"  DIFFERS: {f}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
