"""A browser's ``innerText`` of a Word-exported page whose tables are nested in layout cells, each followed by
Word's spacer paragraph (``<p class=MsoNormal>&nbsp;</p>``). 表四's cells are paragraphs, its empty ones ``&nbsp;``:
folded back (ingest/innertext_cells.py), the row is one line of fifteen tab fields (``1⇥5⇥ ⇥2⇥8⇥ ⇥ ⇥ ⇥ ⇥0⇥ ⇥1⇥ ⇥2⇥3``)
and the spacer an empty line of its own under it. That lone empty line is no sixteenth cell: the row is read field
by field, its empty fields blank."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE3_PATHS, TABLE3_ROW_PATHS, TABLE4_PATHS

from tests.block_fixtures import LAYOUTS_DIR, layout_value, proven_wrong

NAME = "innertext_word_nested_spacer"


def test_a_spacer_line_under_the_row_is_no_cell() -> None:
    text = (LAYOUTS_DIR / f"{NAME}.txt").read_text(encoding="utf-8")
    record = process_document(Document.from_text(text, doc_id=NAME, source_kind="txt"))
    assert [record.report.get(p) for p in TABLE4_PATHS] == [1, 5, None, 2, 8, None, None, None, None, 0,
                                                             None, 1, None, 2, 3]
    assert [p for p in TABLE4_PATHS if record.report.get(p) != layout_value(NAME, p)] == []
    assert all(record.provenance[p].status is Status.PROVEN for p in TABLE4_PATHS
               if record.report.get(p) is not None)


BLANK_ROWS = "innertext_word_blank_rows"


def test_a_row_of_empty_cells_after_a_broken_label_is_blank() -> None:
    """Every zero cell ``&nbsp;`` and the labels broken by ``<br>``: a row with no case comes out as its label's
    first piece on a line, then (folded back by ingest/innertext_cells.py) its last piece and seven empty fields (``二、上年结转政府`` / ``信息公开申请数量⇥ ⇥ ⇥ ⇥ ⇥ ⇥ ⇥ ``).
    The seven empty fields are the row's seven blank cells (null, as printed), not cells lost for the identities
    to fill in."""
    text = (LAYOUTS_DIR / f"{BLANK_ROWS}.txt").read_text(encoding="utf-8")
    assert "二、上年结转政府\n\n\n\n\n信息公开申请数量\n\n\t\n\n\xa0\n\n\t\n\n\xa0" in text
    record = process_document(Document.from_text(text, doc_id=BLANK_ROWS, source_kind="txt"))
    for row in ("carried_over", "denied_prohibited_by_law", "rejected_petition"):
        for path in TABLE3_ROW_PATHS[row]:
            assert record.report.get(path) is None, path
            assert record.provenance[path].status is Status.PROVEN, path
    assert [p for p in TABLE3_PATHS if record.report.get(p) != layout_value(BLANK_ROWS, p)] == []
    assert proven_wrong(record, BLANK_ROWS) == []
