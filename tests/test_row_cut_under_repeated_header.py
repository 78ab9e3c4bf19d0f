"""A 表三 row a page break cut, with the header repeated over its rest (extract/headercut.py).

A Word table with "repeat header rows" and rows allowed to break across pages, exported to PDF by LibreOffice:
row 5.要求行政机关确认或重新出具已获取信息 prints its first words and its seven 0s at a page's foot; the next page
repeats 表三's header, then the row's last words over seven empty cells, the header's note drawn into the same cell
box (``加确第认四或项重之新和出）具已获取信息``). Read from the PDF's cells, that rest named the row, and its empty
cells proved it blank where the report printed 0s (7 fields, proven and wrong). The fixture is that PDF's text as
ingest reads it (tests/fixtures/layouts)."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import load
from llm_extract.pipeline import process_document
from tests.block_fixtures import LAYOUTS_DIR, layout_value, proven_wrong

_NAME = "pdf_cells_row_cut_under_repeated_header"
_ROW = [f"applications.rejected_reconfirm.{c}" for c in ("natural_person", "commercial", "research", "social_org",
                                                          "legal_service", "other_org", "total")]


def test_the_rest_of_a_cut_row_under_the_repeated_header_proves_no_blank() -> None:
    record = process_document(load(LAYOUTS_DIR / f"{_NAME}.txt"))
    assert proven_wrong(record, _NAME) == []
    for path in _ROW:
        assert record.report.get(path) == layout_value(_NAME, path) or record.provenance[path].status is not Status.PROVEN

