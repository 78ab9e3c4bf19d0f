"""表三 in pdftotext -layout text whose counts wrap inside narrow cells (tests/fixtures/layouts/
pdftext_layout_row_first_line_printed_again.txt): 8.属于行政查询事项's 1694 prints ``169`` on the label's first line,
the row's zeros on the next, ``4`` on the third. A page break inside the row printed its first line on both pages,
the page's foot between, the rest under the copy (and 3.补正后申请内容仍不明确's line of zeros twice). Read from the
first copy alone, the row was 169 and five empty cells, its row sum holding, proven. A row read from a line whose
words the next line of numbers prints again beside other numbers is not proven: which line holds the row whole is
not known."""

from __future__ import annotations

from llm_extract.ingest import Document
from llm_extract.pipeline import process_document

from tests.block_fixtures import LAYOUTS_DIR, proven_wrong

NAME = "pdftext_layout_row_first_line_printed_again"


def test_a_rows_first_line_printed_again_is_not_read_alone() -> None:
    text = (LAYOUTS_DIR / f"{NAME}.txt").read_text(encoding="utf-8")
    record = process_document(Document.from_text(text, doc_id=NAME))
    assert proven_wrong(record, NAME) == []
