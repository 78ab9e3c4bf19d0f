"""Where a whole ``llm-extract extract`` run's CPU goes, part by part, in one process.

    python bench/cli_parts.py INPUT_DIR [--docs-from-summary]

Runs the CLI's ``extract`` on INPUT_DIR into a temporary directory with ``LLM_EXTRACT_WORKERS=1`` (every part in
this process: the workbook too, so XlsxWriter's share shows), a CPU timer around each part of the per-document
path (decoding, extraction, verification, the narrative, the record's dict, writing it) and of the end-of-run
rebuild (reading each record back, rendering its part of every output, appending it, XlsxWriter's cells,
finishing the files). Prints the whole run's CPU and each part's per document. The parts nest (the rebuild
holds the appends, which hold XlsxWriter's cells), so they do not add up to the total; what no part names is
start-up, scanning the inputs, hashing and the summary. bench/cli.py gives the multi-process run as a user
waits for it.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

# (set before the pipeline reads it)
os.environ["LLM_EXTRACT_WORKERS"] = "1"

from llm_extract import pipeline, rebuild, settling                  # noqa: E402
from llm_extract.cli import main as cli_main                        # noqa: E402
from llm_extract.export import Exports                               # noqa: E402
from llm_extract.export.xlsx import XlsxWriter                       # noqa: E402

_SETTLE = sys.modules["verify.settle"]

#: (owner, attribute, the part's name): each is wrapped in a CPU timer
PARTS: list[tuple[Any, str, str]] = [
    (pipeline, "load_bytes", "decoding the file (ingest)"),
    (settling, "extract_regex", "extraction (the deterministic reader)"),
    (_SETTLE, "verify_extraction", "verification (identities, statuses)"),
    (settling, "read_narrative", "the narrative's figures"),
    (pipeline, "_record_json", "the record's dict"),
    (pipeline, "write_json", "writing the record file"),
    (pipeline, "rebuild_combined", "the end-of-run rebuild, in all"),
    (rebuild, "read_json", "  reading each record back"),
    (rebuild, "render_fragment", "  rendering its part of every output"),
    (Exports, "add_fragment", "  appending it to every output"),
    (XlsxWriter, "add_rows", "    of which XlsxWriter's cells"),
    (Exports, "finish", "  finishing the files (indexes, zip, report)"),
]


def _timed(fn: Callable[..., Any], name: str, cpu: Counter[str]) -> Callable[..., Any]:
    def timed(*args: Any, **kwargs: Any) -> Any:
        t0 = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            cpu[name] += time.process_time() - t0
    return timed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("inputs", help="a folder of documents (e.g. bench/cli.py --keep's in/)")
    args = ap.parse_args()
    docs = sum(1 for p in Path(args.inputs).rglob("*") if p.is_file())
    cpu: Counter[str] = Counter()
    for owner, attr, name in PARTS:
        setattr(owner, attr, _timed(getattr(owner, attr), name, cpu))
    out = Path(tempfile.mkdtemp(prefix="llm-extract-parts-"))
    try:
        sys.argv = ["llm-extract", "extract", args.inputs, "--out", str(out / "out"), "--llm", "never"]
        shown = io.StringIO()                   # (the run's progress and summary, shown only if it fails)
        t0 = time.process_time()
        with contextlib.redirect_stdout(shown), contextlib.redirect_stderr(shown):
            try:
                cli_main()
            except SystemExit as exc:
                code = exc.code
            else:
                code = 0
        total = time.process_time() - t0
        if code not in (0, None):
            sys.exit(f"llm-extract extract exited {code}:\n{shown.getvalue()}")
    finally:
        shutil.rmtree(out, ignore_errors=True)
    per = 1000 / max(docs, 1)
    print(f"{docs} documents, one process: {total:.2f} CPU s ({total * per:.2f} ms a document)")
    for _, _, name in PARTS:
        print(f"{cpu[name] * per:8.2f} ms a document  {name}")


if __name__ == "__main__":
    main()
