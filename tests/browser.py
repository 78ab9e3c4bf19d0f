"""A real headless browser for the tests: Debian's Chromium driven by Playwright.

`.ci/run` installs Chromium from Debian packages; Playwright's own browser download is never
used (``executable_path``). Without Chromium the browser tests are skipped on a developer's
machine and fail in CI (``CI=true``), where a skipped browser test would hide a broken page.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import pytest

__all__ = ["CHROMIUM_ARGS", "chromium_path", "launch_browser"]

#: The machine has no network but loopback: without these Chromium keeps dialling out.
CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
]


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


def launch_browser() -> Iterator[object]:
    """Yield a Playwright ``Browser`` on Debian's Chromium (skip, or fail in CI, without one)."""
    path = chromium_path()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium is not installed: .ci/run installs it from Debian packages")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
