"""The text fixtures of other tools' output (tests/fixtures/pdftext_blocks): each a ``NAME.txt`` beside its
true values ``NAME.json`` (golden-format.md)."""

from __future__ import annotations

import json
from pathlib import Path
from collections.abc import Sequence
from typing import Any

from llm_extract.evidence import Status
from llm_extract.schema import TABLE3_PATHS, same_value

__all__ = ["BLOCKS_DIR", "LAYOUTS_DIR", "fixture_text", "fixture_truth", "layout_truth", "layout_value", "proven_wrong", "truth_value"]

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


def proven_wrong(record: Any, name: str, paths: Sequence[str] = TABLE3_PATHS) -> list[str]:
    """The ``paths`` of ``record`` proven with a value other than the layout fixture ``NAME``'s true one."""
    truth = layout_truth(name)
    return [p for p in paths if record.provenance[p].status is Status.PROVEN
            and not same_value(p, record.report.get(p), truth_value(truth, p))]
