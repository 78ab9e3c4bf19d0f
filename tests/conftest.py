from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "golden"


@pytest.fixture(scope="session")
def golden_dir() -> Path:
    return GOLDEN


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    return sorted(GOLDEN.glob("*.txt"))


@pytest.fixture
def server():
    """A scripted chat-completions server on 127.0.0.1 (see tests/fakeopenai.py)."""
    from tests.fakeopenai import FakeOpenAI

    with FakeOpenAI() as s:
        yield s


@pytest.fixture(scope="session")
def browser():
    """A headless Chromium (Debian's) driven by Playwright; see tests/browser.py."""
    from tests.browser import launch_browser

    yield from launch_browser()
