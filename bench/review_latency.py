"""What a reviewer waits for on the review page: one keystroke's decision and the page shown again.

    python bench/review_latency.py OUT_DIR [--decisions 10]

Copies OUT_DIR (an ``llm-extract extract`` output directory; nothing in it is changed), serves the copy
with ``llm-extract serve``'s application on 127.0.0.1 (uvicorn, in this process), and for each of the
first ``--decisions`` queued fields of the first documents with a queue, does what the page does on
``a``: POST the decision, then GET the document's page again. Prints the median and the slowest of
those waits, and how long after the last decision the combined outputs (records.xlsx, report.html, …)
were current again (they are rebuilt behind the reviewer: ``llm_extract.rebuild_later``).
"""

from __future__ import annotations

import argparse
import json
import shutil
import socket
import statistics
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from llm_extract.review_store import ReviewStore


def _post(url: str, body: dict[str, str]) -> dict[str, object]:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=600) as response:
        return json.loads(response.read())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path, help="an extract output directory (copied; the copy is decided)")
    ap.add_argument("--decisions", type=int, default=10)
    ap.add_argument("--rebuild-each", action="store_true",
                    help="rebuild the combined outputs within each decision (as the command line's resolve does)")
    args = ap.parse_args()
    import uvicorn

    from llm_extract.web import create_app

    tmp = Path(tempfile.mkdtemp(prefix="llm-extract-review-bench-"))
    try:
        out = tmp / "out"
        shutil.copytree(args.out, out)
        store = ReviewStore(out, rebuild_later=not args.rebuild_each)      # as ``llm-extract serve`` makes it
        items = [i for i in store.items() if i.path and not i.finding and i.status != "missing"][:args.decisions]
        app = create_app(store)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        site = f"http://127.0.0.1:{port}"
        waits = []
        for item in items:
            t0 = time.perf_counter()
            _post(f"{site}/doc/{item.doc_id}/decide", {"item_id": item.id, "action": "accept"})
            with urllib.request.urlopen(f"{site}/doc/{item.doc_id}", timeout=600) as response:
                response.read()
            waits.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        flush = getattr(app.state, "flush", None)
        if flush is not None:
            flush()
        current = time.perf_counter() - t0
        server.should_exit = True
        thread.join(timeout=30)
        documents = len(list((out / "records").glob("*.json")))
        print(f"documents: {documents}  decisions: {len(waits)}  wait per decision (decide + page): "
              f"median {statistics.median(waits):.2f} s, slowest {max(waits):.2f} s  "
              f"combined outputs current {current:.2f} s after the last decision")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
