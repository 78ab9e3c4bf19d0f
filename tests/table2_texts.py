"""A real report's text with its 表二 replaced: tests that print 表二 another way keep the rest of the report as it is."""

from __future__ import annotations

from pathlib import Path

from llm_extract.ingest import Document

__all__ = ["with_table2"]


def with_table2(golden_dir: Path, table2: list[str]) -> Document:
    """golden/002's report with the lines between 二、主动公开… and 三、收到和处理… replaced by ``table2``."""
    lines = (golden_dir / "002_0126e23b7202ee31.txt").read_text(encoding="utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("二、主动公开"))
    end = next(i for i, line in enumerate(lines) if line.startswith("三、收到和处理"))
    lines[start + 1:end] = table2
    return Document.from_text("\n".join(lines), doc_id="t2")
