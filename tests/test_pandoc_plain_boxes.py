"""pandoc's plain text of a web page's table drawn as boxes (``|   (三)不予公开   |`` / the row's numbers /
``|   1、属于国家秘密   |``): a group heading shares its first sub-row's table row, the numbers printed between
the two labels. The row above then holds fourteen numbers and 1、属于国家秘密 none after it: its row is not
proven blank (it printed seven zeros), it is left to the identities and the review."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import load
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE3_PATHS, TABLE4_PATHS, same_value
from tests.block_fixtures import LAYOUTS_DIR, layout_truth, proven_wrong, truth_value

_NAME = "pandoc_plain_group_heading_shares_first_row"
_FIXTURE = LAYOUTS_DIR / f"{_NAME}.txt"


def test_a_label_with_nothing_after_it_under_a_row_holding_two_rows_numbers_is_not_proven_blank() -> None:
    text = _FIXTURE.read_text(encoding="utf-8")
    assert "(三)不予公开" in text and "1、属于国家秘密" in text     # the shape this test is about
    record = process_document(load(_FIXTURE))
    assert proven_wrong(record, _NAME) == []
    assert all(record.provenance[p].status is not Status.PROVEN for p in TABLE3_PATHS if ".denied_state_secret." in p)


_PAGE_NAME = "pandoc_plain_page_box_around_simple_tables"


def test_a_layout_box_around_an_articles_simple_tables_keeps_their_lines_and_columns() -> None:
    """pandoc's plain text (200 columns) of a page whose article sits in a layout table: a grid box round the
    whole article, the report's tables inside it as pandoc's simple tables (``---------- ------`` rules, cells
    placed by column). Read as one grid cell, the article ran into one line and 表四's blank cells slid
    (proven wrong); its lines kept, the tables are read from their lines and none is proven wrong (表四's
    blank cells, spaces only, are left to the review)."""
    path = LAYOUTS_DIR / f"{_PAGE_NAME}.txt"
    text = path.read_text(encoding="utf-8")
    assert text.lstrip().startswith("+---") and "|   ---------- ------------------ ----------" in text
    truth = layout_truth(_PAGE_NAME)
    record = process_document(load(path))
    assert proven_wrong(record, _PAGE_NAME, TABLE3_PATHS + TABLE4_PATHS) == []
    assert all(same_value(p, record.report.get(p), truth_value(truth, p)) for p in TABLE3_PATHS)
