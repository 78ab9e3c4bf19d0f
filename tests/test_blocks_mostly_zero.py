"""pdfminer's text (``pdf2txt.py``) of a PDF table prints a column's cells as blocks and drops blank cells. A
mostly-zero 表三 whose row ``3.其他`` is printed blank then holds seven numbers fewer than its cells, and 表四's zeros
after it would make the count; with every number 0, the identities hold whichever numbers are taken. Nothing
is proven from such a choice: which numbers are 表三's is not known. (Where every way comes to the same runs,
there is one choice, and the table is read.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from llm_extract.evidence import Status
from llm_extract.ingest import Document, load
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE3_PATHS

FIXTURES = Path(__file__).parent / "fixtures" / "pdf"
LAYOUTS = Path(__file__).parent / "fixtures" / "layouts"


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


def test_the_same_runs_chosen_twice_are_one_choice_and_the_table_is_read() -> None:
    """pdftotext's default text of a Word report whose 表三 header repeats on its next page: its column blocks
    tile 表三 one way only. The ways of dropping other tables' runs may come to the same runs more than once:
    one choice, not two, and 表三 is read."""
    golden = read_json(LAYOUTS / "pdftotext_repeated_header.json")
    record = process_document(load(LAYOUTS / "pdftotext_repeated_header.txt"))
    got = record.report.values()
    for path in TABLE3_PATHS:
        _, row, column = path.split(".")
        assert got[path] == golden["applications"][row][column], path
