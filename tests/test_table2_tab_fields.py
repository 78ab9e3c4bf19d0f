"""表二 as tab-separated rows: each field is one cell, whatever the reader of text blocks makes of it.

The row ``行政规范性文件\tO\t0\t4 7`` holds three cells: an OCR'd 0 (``O``), a 0, and 47 split in two by a
space. Counted as text blocks its numbers are ``0 4 7``: three numbers for three cells, but not the row's
cells (0, 0, 47). A count that matches only because one field held no number and another two is no
reading: the row stays unread (queued), never proven 0, 4, 7. Printed with spaces instead of tabs
(``行政规范性文件 O  0 4 7``, fixed-width PDF text), the ``O`` among the numbers is a cell all the same.
"""

from llm_extract.evidence import Status
from llm_extract.ingest import Document, load
from llm_extract.pipeline import process_document
from llm_extract.schema import same_value
from tests.block_fixtures import LAYOUTS_DIR, layout_value

_NAME = "tabrows_table2_ocr_letter_and_split_number"
_FIXTURE = LAYOUTS_DIR / f"{_NAME}.txt"
_ROW = [f"active_disclosure.normative_documents.{c}" for c in ("issued", "repealed", "in_force")]


def test_a_tab_row_with_an_ocr_letter_and_a_split_number_proves_no_wrong_cell() -> None:
    text = _FIXTURE.read_text(encoding="utf-8")
    assert "行政规范性文件\tO\t0\t4 7" in text                 # the shape this test is about
    record = process_document(load(_FIXTURE))
    for path in _ROW:
        if record.provenance[path].status is Status.PROVEN:
            assert same_value(path, record.report.get(path), layout_value(_NAME, path)), path
    assert record.report.get("active_disclosure.normative_documents.in_force") in (None, 47)


def test_the_other_table2_rows_of_that_document_are_read() -> None:
    record = process_document(load(_FIXTURE))
    for path in ("active_disclosure.regulations.issued", "active_disclosure.licensing",
                 "active_disclosure.enforcement"):
        assert same_value(path, record.report.get(path), layout_value(_NAME, path)), path


def test_an_ocr_letter_among_space_separated_numbers_is_a_cell_not_part_of_the_label() -> None:
    text = _FIXTURE.read_text(encoding="utf-8").replace("行政规范性文件\tO\t0\t4 7", "行政规范性文件 O  0 4 7")
    assert "行政规范性文件 O  0 4 7" in text
    record = process_document(Document.from_text(text, doc_id=_NAME))
    for path in _ROW:
        if record.provenance[path].status is Status.PROVEN:
            assert same_value(path, record.report.get(path), layout_value(_NAME, path)), path
    assert record.report.get("active_disclosure.normative_documents.in_force") in (None, 47)
