"""Regenerate docs/review-page.png: the review page of a sample report, in headless Chromium.

    .venv/bin/python docs/make_screenshot.py

The sample is seed 002 with its 表四 administrative-review total printed as 0 (an identity
broken as printed) and markup-like text in a row label; part of its queue is decided first.
"""

from __future__ import annotations

import shutil
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import uvicorn  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from llm_extract.pipeline import run_batch  # noqa: E402
from llm_extract.review_store import ReviewStore  # noqa: E402
from llm_extract.web import create_app  # noqa: E402
from tests.browser import CHROMIUM_ARGS, chromium_path  # noqa: E402
from tests.test_review_store import make_report  # noqa: E402


def main() -> None:
    work = Path(tempfile.mkdtemp())
    try:
        make_report(ROOT / "golden", work / "in")
        (work / "in" / "doc.txt").rename(work / "in" / "hongqi-2021.txt")
        for seed in ("000_38ec84bebc7328d3", "003_d677def7845cc038"):
            shutil.copy(ROOT / "golden" / f"{seed}.txt", work / "in")
        run_batch([work / "in"], work / "out")
        store = ReviewStore(work / "out")
        store.accept_items([i for i in store.items(status="derived")
                            if i.path.startswith(("applications.granted", "applications.partially"))])
        at = next(n for n, i in enumerate(store.items(doc="hongqi-2021")) if i.path.endswith("review.total"))
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1500, "height": 1000})
            page.goto(f"http://127.0.0.1:{port}/doc/hongqi-2021?at={at}")
            page.screenshot(path=str(ROOT / "docs" / "review-page.png"))
            browser.close()
        server.should_exit = True
        thread.join()
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
