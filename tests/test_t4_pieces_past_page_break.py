"""表四 of a PDF through pymupdf4llm (its layout model; tests/fixtures/layouts/pymupdf4llm_table4_cut_by_page_break.md):
narrow cells wrapped 37 over two lines and 740 over three, and a page break cut the row. The pipe row prints their
first pieces (``|…|0|3|0|0|3|0|0|0|7|7|``, every group's total holding), the next page their other pieces as a
paragraph after the table (``4 4 7 7 0 0``). No placement of pieces under one line each reads them (740 took two),
and the pipe row's fifteen numbers came out as the cells, proven. A pipe row of fifteen with numbers alone beside it,
that no placement reads, is not the row: no cell is proven."""

from __future__ import annotations

from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE4_PATHS

from tests.block_fixtures import LAYOUTS_DIR, proven_wrong

NAME = "pymupdf4llm_table4_cut_by_page_break"


def test_pieces_past_the_page_break_that_no_placement_reads_leave_the_row_unproven() -> None:
    text = (LAYOUTS_DIR / f"{NAME}.md").read_text(encoding="utf-8")
    record = process_document(Document.from_text(text, doc_id=NAME, source_kind="md"))
    assert proven_wrong(record, NAME, TABLE4_PATHS) == []
