"""Blank 表三 cells the identities cannot tell from a converter's lost numbers (verify/blanks.py).

A blank counts as 0 in every sum, so a row of zeros a converter moved away, or a 0 it left beside a field of its
own, leaves every identity holding. Two whole reports as converters print them (tests/fixtures/layouts):

- markitdown of a LibreOffice PDF whose 表三 runs over a page: the repeated header, then the numbers of the row
  the page break cut (（六）1.申请人无正当理由逾期不补正…, all 0) on a grid line of their own, then its label
  wrapped over lines of empty fields. In a table that prints 0 wherever a row holds nothing, the one empty row is
  not proven blank (``READ.LONE_BLANK_ROW``).
- pymupdf4llm of a browser's print: the last page's grid has a column more than the table (an empty field in
  every row: ``|四、结|转下年度|继续办理<br>0|0|0|0||0|0|0|``), the row above lost. The blank beside six numbers is
  no proven blank (``READ.ISOLATED_BLANK``), its lost neighbour above no proof that the column prints blanks.
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import load
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE3_PATHS
from tests.block_fixtures import LAYOUTS_DIR, layout_value, proven_wrong

_PAGE_BREAK = "markitdown_pdf_zeros_above_a_label_at_a_page_break"
_EXTRA_COLUMN = "pymupdf4llm_chromium_page_grid_with_an_extra_column"


def _zeros_not_proven_blank(name: str, row_key: str) -> None:
    """The layout fixture ``name`` settles nothing wrong, and its row ``row_key`` of 0s is read 0 or left a lone blank
    row (unverified, ``READ.LONE_BLANK_ROW``), never proven blank."""
    record = process_document(load(LAYOUTS_DIR / f"{name}.md"))
    assert proven_wrong(record, name) == []
    row = [p for p in TABLE3_PATHS if f".{row_key}." in p]
    assert [layout_value(name, p) for p in row] == [0] * 7
    for p in row:
        prov = record.provenance[p]
        assert record.report.get(p) == 0 or (prov.status is Status.UNVERIFIED and "READ.LONE_BLANK_ROW" in prov.rules)


def test_a_row_whose_zeros_went_above_its_label_at_a_page_break_is_not_proven_blank() -> None:
    _zeros_not_proven_blank(_PAGE_BREAK, "other_no_correction")


def test_a_blank_among_six_numbers_below_a_lost_row_is_not_proven() -> None:
    record = process_document(load(LAYOUTS_DIR / f"{_EXTRA_COLUMN}.md"))
    assert proven_wrong(record, _EXTRA_COLUMN) == []
    p = "applications.carried_forward.social_org"
    assert layout_value(_EXTRA_COLUMN, p) == 0
    assert record.report.get(p) == 0 or record.provenance[p].status is Status.UNVERIFIED


_LOST_LINE = "markitdown_pdf_numbers_line_lost_above_a_label"


def test_a_row_whose_line_of_numbers_was_lost_above_its_label_is_not_proven_blank() -> None:
    """markitdown of a LibreOffice PDF printing each row's numbers on a grid line above its label's, one such line
    (（三）1.属于国家秘密's seven 0s) dropped by a crawler or a converter: nothing stands between that label and the
    label above, and no line of its cells is printed, empty or not. In a table printing 0 wherever a row holds nothing,
    the row is not proven blank (``READ.LONE_BLANK_ROW``); seven empty cells printed between two labels stay read
    (tests/test_table3_above_or_below.py)."""
    _zeros_not_proven_blank(_LOST_LINE, "denied_state_secret")
