"""A crawler's text that kept HTML's space entities (``0&nbsp;0&nbsp;3``) reads as the same text with spaces.

Only space entities are read (``&nbsp;``, ``&ensp;``, ``&emsp;``, ``&#160;``, ``&#12288;``): no other entity
is decoded, so nothing a text file holds turns into markup.
"""

from __future__ import annotations

import re

import pytest

from llm_extract.ingest import load_bytes
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document
from llm_extract.schema import Report
from llm_extract.synth import render


@pytest.mark.parametrize("entity", ["&nbsp;", "&#160;", "&NBSP;", "&emsp;", "&#12288;"])
def test_space_entities_between_cells_are_spaces(golden_dir, entity: str) -> None:
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    report = Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields})
    plain = render(report, "pdftext")
    text = re.sub(r"(?<=\d)[ \t]+(?=\d)", entity, plain)
    assert entity in text
    expected = process_document(load_bytes(plain.encode(), doc_id="x", suffix=".txt"))
    record = process_document(load_bytes(text.encode(), doc_id="x", suffix=".txt"))
    assert record.report.values() == expected.report.values()


def test_no_other_entity_is_decoded() -> None:
    doc = load_bytes("说明 &lt;table&gt; &amp; 0&nbsp;1".encode(), doc_id="x", suffix=".txt")
    assert "&lt;table&gt; &amp; 0 1" in doc.text
