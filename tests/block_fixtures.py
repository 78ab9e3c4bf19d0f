"""The text fixtures of other tools' output (tests/fixtures/pdftext_blocks): each a ``NAME.txt`` beside its
true values ``NAME.json`` (golden-format.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

__all__ = ["BLOCKS_DIR", "LAYOUTS_DIR", "fixture_text", "fixture_truth", "layout_truth", "layout_value", "truth_value"]

BLOCKS_DIR = Path(__file__).parent / "fixtures" / "pdftext_blocks"
#: other tools' text of whole reports (tests/fixtures/layouts): ``NAME.txt`` or ``.md`` beside ``NAME.json``
LAYOUTS_DIR = Path(__file__).parent / "fixtures" / "layouts"


def fixture_text(name: str) -> str:
    return (BLOCKS_DIR / f"{name}.txt").read_text(encoding="utf-8")


def fixture_truth(name: str) -> dict[str, Any]:
    return json.loads((BLOCKS_DIR / f"{name}.json").read_text(encoding="utf-8"))


def layout_truth(name: str) -> dict[str, Any]:
    """The true values of the layout fixture ``NAME`` (its ``NAME.json``)."""
    return json.loads((LAYOUTS_DIR / f"{name}.json").read_text(encoding="utf-8"))


def truth_value(truth: dict[str, Any], path: str) -> Any:
    """The value at a dotted ``path`` (``applications.granted.total``) of a golden-format dict."""
    node: Any = truth
    for part in path.split("."):
        node = node[part]
    return node


def layout_value(name: str, path: str) -> Any:
    """The true value at ``path`` of the layout fixture ``NAME``."""
    return truth_value(layout_truth(name), path)
