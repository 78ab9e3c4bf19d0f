"""pdfminer's text (``pdf2txt.py``) of a PDF table prints a column's cells as blocks and drops blank cells. A
mostly-zero 表三 whose row ``3.其他`` is printed blank then holds seven numbers fewer than its cells, and 表四's zeros
after it would make the count; with every number 0, the identities hold whichever numbers are taken. Nothing
is proven from such a choice: which numbers are 表三's is not known."""

from __future__ import annotations

from pathlib import Path

import pytest

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document

FIXTURES = Path(__file__).parent / "fixtures" / "pdf"


def test_a_row_printed_blank_is_never_proven_from_table_four_s_zeros(golden_dir) -> None:
    extract_text = pytest.importorskip("pdfminer.high_level").extract_text
    name = "000_38ec84bebc7328d3"
    text = extract_text(str(FIXTURES / f"{name}.pdf"))
    golden = read_json(golden_dir / f"{name}.json")
    assert all(v is None for v in golden["applications"]["other_other"].values())
    record = process_document(Document.from_text(text, doc_id=name))
    got = record.report.values()
    wrong = [p for p, prov in record.provenance.items()
             if prov.status is Status.PROVEN and p.startswith("applications.")
             and got[p] != golden["applications"][p.split(".")[1]][p.split(".")[2]]]
    assert wrong == []
