"""How long report.html takes to open: Debian's Chromium (headless, through Playwright) loading the page.

    python bench/report_open.py OUT_DIR/report.html [--rounds 2]

Prints the seconds to the page's load event (parsed, styled, laid out as far as the browser lays it out)
and the number of elements, each round in a new browser; what a user waits for when they open the report
of a large batch.
"""

from __future__ import annotations

import argparse
import shutil
import time
from pathlib import Path

#: as the tests start it (tests/browser.py): the machine has no network but loopback
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("report", type=Path)
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("Chromium is not installed (apt-get install chromium)")
    with sync_playwright() as p:
        for _ in range(args.rounds):
            browser = p.chromium.launch(executable_path=chromium, args=ARGS)
            page = browser.new_page()
            t0 = time.perf_counter()
            page.goto(args.report.resolve().as_uri(), timeout=0, wait_until="load")
            seconds = time.perf_counter() - t0
            elements = page.evaluate("document.getElementsByTagName('*').length")
            print(f"{args.report}: {args.report.stat().st_size / 1e6:.1f} MB, {elements} elements, "
                  f"loaded in {seconds:.2f} s")
            browser.close()


if __name__ == "__main__":
    main()
