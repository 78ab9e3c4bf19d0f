"""html2text's dump of a Word-exported page whose label cells hold line breaks (``一、本年新收政府<br>信息公开申请数量``):
each piece of a label is written on a line of its own, the row's fields after the last piece; the agency left the
applicant columns' zeros blank, typing the 总计 column (empty fields ``|  |``)::

    一、本年新收政府
    信息公开申请数量| 165| 28| 2| 3| 3| 8| 209
    二、上年结转政府
    信息公开申请数量| 17|  |  |  |  |  | 17
    三、本年度办理结果| （一）予以公开| 55| 5|  | 1|  |  | 61
    （二）部分公开（
    区分处理的，只计
    这一情形，不计其
    他情形）| 19| 6|  |  |  |  | 25

A row joined from its label's two lines leaves an empty line under it: the next row past that empty line is the same
table's next row (no table opened there, no page break), its empty fields blank cells, not the rest of the row's
numbers cut at a page's foot. A label broken over four lines is one label, its row's cells on the last."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE3_PATHS, TABLE3_ROW_PATHS

from tests.block_fixtures import LAYOUTS_DIR, layout_value, proven_wrong

NAME = "html2text_word_label_breaks"


def _record():
    text = (LAYOUTS_DIR / f"{NAME}.txt").read_text(encoding="utf-8")
    return process_document(Document.from_text(text, doc_id=NAME, source_kind="txt"))


def test_a_row_above_an_empty_line_and_the_next_row_is_read_and_proven() -> None:
    record = _record()
    for path in TABLE3_ROW_PATHS["new_received"]:
        assert record.provenance[path].status is Status.PROVEN, path
        assert record.report.get(path) == layout_value(NAME, path), path
    assert record.report.get("applications.new_received.total") == 209


def test_a_label_broken_over_four_lines_names_its_row() -> None:
    record = _record()
    assert [record.report.get(p) for p in TABLE3_ROW_PATHS["partially_granted"]] == [19, 6, None, None, None, None, 25]
    for path in TABLE3_ROW_PATHS["partially_granted"]:
        assert record.provenance[path].status is Status.PROVEN, path


def test_nothing_is_proven_wrong_and_every_cell_is_read() -> None:
    record = _record()
    assert proven_wrong(record, NAME) == []
    assert [p for p in TABLE3_PATHS if record.report.get(p) != layout_value(NAME, p)] == []


PLACEHOLDERS = "html2text_word_placeholders"


def test_a_broken_label_before_a_row_of_placeholders_names_its_row() -> None:
    """The agency marked its zeros ``/``: a label's last piece before a row of marks only (``类申请| /| /| /| /| /|
    /| /``) is the row's label too; the row's cells are seven placeholders (null), not zeros the identities
    derive for a row left unread."""
    text = (LAYOUTS_DIR / f"{PLACEHOLDERS}.txt").read_text(encoding="utf-8")
    assert "（五）不予处理| 1.信访举报投诉  \n类申请| /| /| /| /| /| /| /" in text
    record = process_document(Document.from_text(text, doc_id=PLACEHOLDERS, source_kind="txt"))
    for row in ("rejected_petition", "other_no_correction"):
        assert [record.report.get(p) for p in TABLE3_ROW_PATHS[row]] == [None] * 7, row
    assert [p for p in TABLE3_PATHS if record.report.get(p) != layout_value(PLACEHOLDERS, p)] == []
    assert proven_wrong(record, PLACEHOLDERS) == []


BLANK_ROWS = "html2text_word_blank_rows"


def test_a_label_broken_over_four_lines_keeps_its_cells_from_the_empty_row_below() -> None:
    """Every zero left empty: （二）部分公开's label over four lines, its cells (``他情形）| 1|  | … | 1``) on the last,
    and the next row (``（三）不予公开| 1.属于国家秘密|  |  |  |  |  |  |``) empty. The four pieces unjoined, the cells
    were taken for 属于国家秘密's and proven there (1 and 1 where the document prints nothing): a silent error."""
    text = (LAYOUTS_DIR / f"{BLANK_ROWS}.txt").read_text(encoding="utf-8")
    record = process_document(Document.from_text(text, doc_id=BLANK_ROWS, source_kind="txt"))
    assert proven_wrong(record, BLANK_ROWS) == []
    assert [record.report.get(p) for p in TABLE3_ROW_PATHS["denied_state_secret"]] == [None] * 7
    assert [record.report.get(p) for p in TABLE3_ROW_PATHS["partially_granted"]] == [1] + [None] * 5 + [1]
