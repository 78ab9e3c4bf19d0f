"""A one-cell-a-line Word export whose tabs a tool wrote as spaces reads as the export does.

``expand`` (eight or four columns) or a CMS writing a tab as one space turns ``⇥0`` into ``        0`` and an empty
cell's ``⇥`` into a line of spaces: a row left blank (``3.其他``, seven empty cells) read as empty lines, its cells
derived as 0 (the golden value is null) and most of 表三 queued. A page's text as lxml's text_content gives it (each
cell indented, between lines of the markup's indentation) is no such export and keeps its lines.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from llm_extract.ingest import load_bytes
from llm_extract.ingest.expanded_tabs import tabs_unexpanded
from llm_extract.pipeline import process_document

GOLDEN = Path(__file__).resolve().parent.parent / "golden"


@pytest.mark.parametrize("expand", [8, 4, 1])
@pytest.mark.parametrize("path", sorted(GOLDEN.glob("00[01]_*.txt")), ids=lambda p: p.stem[:3])
def test_an_export_whose_tabs_became_spaces_reads_as_the_export(path: Path, expand: int) -> None:
    text = path.read_text(encoding="utf-8")
    spaced = text.expandtabs(expand) if expand > 1 else text.replace("\t", " ")
    plain = process_document(load_bytes(text.encode("utf-8"), doc_id="plain", suffix=".txt"))
    read = process_document(load_bytes(spaced.encode("utf-8"), doc_id="spaced", suffix=".txt"))
    for field, prov in plain.provenance.items():
        assert read.report.get(field) == plain.report.get(field), field
        assert read.provenance[field].status is prov.status, field


def test_a_pages_indented_text_content_keeps_its_lines() -> None:
    cells = ["  一、本年新收政府信息公开申请数量", *(f"  {n}" for n in [3, 0, 0, 0, 0, 0, 3] * 6)]
    text = "\n".join(["某某区2023年政府信息公开工作年度报告", *(line for cell in cells for line in (cell, "  ", " "))])
    assert tabs_unexpanded(text) == text
