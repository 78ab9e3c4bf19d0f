"""A browser's ``innerText`` of a Word-exported page whose tables are nested in layout cells, each followed by
Word's spacer paragraph (``<p class=MsoNormal>&nbsp;</p>``). 表四's cells are paragraphs, its empty ones ``&nbsp;``:
folded back (ingest/innertext_cells.py), the row is one line of fifteen tab fields (``1⇥5⇥ ⇥2⇥8⇥ ⇥ ⇥ ⇥ ⇥0⇥ ⇥1⇥ ⇥2⇥3``)
and the spacer an empty line of its own under it. That lone empty line is no sixteenth cell: the row is read field
by field, its empty fields blank."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE4_PATHS

from tests.block_fixtures import LAYOUTS_DIR, layout_value

NAME = "innertext_word_nested_spacer"


def test_a_spacer_line_under_the_row_is_no_cell() -> None:
    text = (LAYOUTS_DIR / f"{NAME}.txt").read_text(encoding="utf-8")
    record = process_document(Document.from_text(text, doc_id=NAME, source_kind="txt"))
    assert [record.report.get(p) for p in TABLE4_PATHS] == [1, 5, None, 2, 8, None, None, None, None, 0,
                                                             None, 1, None, 2, 3]
    assert [p for p in TABLE4_PATHS if record.report.get(p) != layout_value(NAME, p)] == []
    assert all(record.provenance[p].status is Status.PROVEN for p in TABLE4_PATHS
               if record.report.get(p) is not None)
