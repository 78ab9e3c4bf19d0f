"""CPU cost of reading under digit maps (llm_extract/digit_reading.py), per document.

    .venv/bin/python bench/digit_maps.py PDF_OR_DIR... [--rounds 3]

For each document: the CPU seconds of ingest (the PDF's text), of the deterministic reading and settling
as the pipeline runs them (with the digit maps), and of the digit-map step alone (the candidate maps, the
text read under each, the identities' choice); whether a map was admitted. The least of ``--rounds``
rounds is reported (the machine is shared: CPU time, not wall clock). The step's cost on a document no map
is tried on is the scan that decides so.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from llm_extract._exceptions import DocumentError, NotAReportError
from llm_extract.digit_reading import digit_mapped_reading
from llm_extract.extract import extract_regex
from llm_extract.ingest import load
from llm_extract.settling import read_document


def _cpu(fn) -> tuple[float, object]:
    t = time.process_time()
    out = fn()
    return time.process_time() - t, out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    files = sorted(f for p in map(Path, args.paths) for f in ([p] if p.is_file() else p.rglob("*.pdf")))
    totals = {"ingest": 0.0, "read": 0.0, "maps": 0.0}
    mapped = 0
    for f in files:
        best = {"ingest": float("inf"), "read": float("inf"), "maps": float("inf")}
        admitted = False
        for _ in range(args.rounds):
            t, doc = _cpu(lambda: load(f))
            best["ingest"] = min(best["ingest"], t)

            def read() -> None:
                try:
                    read_document(doc).record()          # type: ignore[arg-type]
                except DocumentError:
                    pass
            best["read"] = min(best["read"], _cpu(read)[0])
            try:
                printed = extract_regex(doc)              # type: ignore[arg-type]
            except NotAReportError:
                printed = None
            t, reading = _cpu(lambda: digit_mapped_reading(doc, printed))   # type: ignore[arg-type]
            best["maps"] = min(best["maps"], t)
            admitted = reading is not None
        mapped += admitted
        for k in totals:
            totals[k] += best[k]
        print(f"{f.name:44s} ingest {best['ingest']:.3f}  read+settle {best['read']:.4f}  "
              f"digit maps {best['maps']:.4f}  {'map admitted' if admitted else '-'}")
    n = max(1, len(files))
    print(f"{len(files)} documents ({mapped} read under a map): CPU s per document: ingest {totals['ingest'] / n:.3f}, "
          f"read+settle {totals['read'] / n:.4f}, of which the digit maps {totals['maps'] / n:.4f}")


if __name__ == "__main__":
    main()
