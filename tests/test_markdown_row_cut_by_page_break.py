"""A Markdown 表三 cut by a page break inside a row (pymupdf4llm, its layout model): a narrow column printed 290 as
``29`` over ``0``, and the page ended between the two lines. The first table's last line holds the row with its
numbers' first digits, its row sum holding (``|三|（一）予以公开|29|0|0|0|0|0|29|``); the next page's table opens
with their rest alone in those two fields (``|、<br>本|（二）部分公开|0||||||0|``). Read from its line, the row
came out 29, proven. The last row before a page break whose next table's first line holds numbers only where the
row's numbers could go on is not read: queued, never proven."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE3_ROW_PATHS

from tests.block_fixtures import LAYOUTS_DIR, proven_wrong

TABLE3 = """\
三、收到和处理政府信息公开申请情况 

|（本<br>加第|列数据的勾稽关系为：第一项<br>二项之和，等于第三项加第四<br>项之和）|自<br>然<br>人|商<br>业<br>企<br>业|申<br>法人<br>科<br>研<br>机<br>构|请人情<br>或其他<br>社<br>会<br>公<br>益<br>组<br>织|况<br>组织<br>法<br>律<br>服<br>务<br>机<br>构|其<br>他|总<br>计|
|---|---|---|---|---|---|---|---|---|
|一、|本年新收政府信息公<br>开申请数量|20<br>88|0|0|0|0|0|20<br>88|
|二、|上年结转政府信息公<br>开申请数量|0|0|0|29|0|0|29|
|三|（一）予以公开|29|0|0|0|0|0|29|



|、<br>本|（二）部分公开|0||||||0|
|---|---|---|---|---|---|---|---|---|
|年|（区分处理的，只|60||||||63|
|度<br>办|计这一情形，不计<br>其他情形）|9|0|0|29|0|0|8|
|理<br>结|（三）不予公开 1.<br>属于国家秘密|0|0|0|0|0|0|0|
|果|2.其他法律行政法<br>规禁止公开|0|0|0|0|0|0|0|
||3.危及“三安全一<br>稳定”|0|0|0|0|0|0|0|
||4.保护第三方合法<br>权益|11<br>89|0|0|0|0|0|11<br>89|
||5.属于三类内部事<br>务信息|0|0|0|0|0|0|0|
||6.属于四类过程性<br>信息|0|0|0|0|0|0|0|
||7.属于行政执法案<br>卷|0|0|0|0|0|0|0|
||8.属于行政查询事<br>项|0|0|0|0|0|0|0|
||（四）无法提供 1.<br>本机关不掌握相关<br>政府信息|0|0|0|0|0|0|0|
||2.没有现成信息需<br>要另行制作|0|0|0|0|0|0|0|
||3.补正后申请内容<br>仍不明确|0|0|0|0|0|0|0|
||（五）不予处理 1.<br>信访举报投诉类申<br>请|0|0|0|0|0|0|0|
||2.重复申请|0|0|0|0|0|0|0|
||3.要求提供公开出<br>版物|0|0|0|0|0|0|0|
||4.无正当理由大量<br>反复申请|0|0|0|0|0|0|0|
||5.要求行政机关确<br>认或重新出具已获<br>取信息|0|0|0|0|0|0|0|



|（六）其他处理 1.<br>申请人无正当理由<br>逾期不补正、行政<br>机关不再处理其政<br>府信息公开申请|0|0|0|0|0|0|0|
|---|---|---|---|---|---|---|---|
|2.申请人逾期未按<br>收费通知要求缴纳<br>费用、行政机关不<br>再处理其政府信息<br>公开申请|0|0|0|0|0|0|0|
|3.其他|0|0|0|0|0|0|0|
|（七）总计|20<br>88|0|0|29|0|0|21<br>17|
|四、结转下年度继续办理|0|0|0|0|0|0|0|
"""
TEXT = "红旗区人民政府2023 年政府信息公开工作年度报告\n\n" + TABLE3 + "\n\n\n四、政府信息公开行政复议、行政诉讼情况\n"


def test_a_row_cut_by_a_page_break_is_not_proven() -> None:
    record = process_document(Document.from_text(TEXT, doc_id="cut", source_kind="md"))
    for path in TABLE3_ROW_PATHS["granted"]:
        reading = record.provenance[path]
        assert reading.status is not Status.PROVEN or record.report.get(path) != 29, path


def test_the_rows_above_the_cut_stay_proven() -> None:
    record = process_document(Document.from_text(TEXT, doc_id="cut", source_kind="md"))
    for path in TABLE3_ROW_PATHS["carried_over"]:
        assert record.provenance[path].status is Status.PROVEN, path
    assert record.report.get("applications.carried_over.social_org") == 29


def test_a_label_cut_by_a_page_break_takes_its_cells_above_the_break() -> None:
    """tests/fixtures/layouts/pymupdf4llm_label_cut_by_page_break.md: the page ends after ``|本<br>（二）部分公|0|0|0|0|
    0|0|0|`` and the next page's table (one field wider) opens with the label's rest and empty fields (``|年<br>度|
    开（区分处理<br>的，只计这一||||||||``). Read from the label's own line, the row came out seven blanks, proven; its
    cells are the zeros above the break, where the two label pieces name the row."""
    name = "pymupdf4llm_label_cut_by_page_break"
    text = (LAYOUTS_DIR / f"{name}.md").read_text(encoding="utf-8")
    record = process_document(Document.from_text(text, doc_id=name, source_kind="md"))
    assert proven_wrong(record, name) == []
    assert [record.report.get(p) for p in TABLE3_ROW_PATHS["partially_granted"]] == [0] * 7


def test_a_row_whose_counts_go_on_in_the_next_grid_line_is_not_proven() -> None:
    """The same cut with no page break: a converter printing a wrapped count's last digit on the row's next grid
    line, beside no row's label, in the fields where the row holds counts other than 0 and nowhere else
    (``|三|（一）予以公开|29|…|29|`` over ``|、<br>本||0||||||0|``: 290 read as 29 and proven)."""
    cut = "|三|（一）予以公开|29|0|0|0|0|0|29|\n\n\n\n"
    assert cut in TEXT
    text = TEXT.replace(cut, "|三|（一）予以公开|29|0|0|0|0|0|29|\n|、<br>本||0||||||0|\n\n\n\n")
    record = process_document(Document.from_text(text, doc_id="wrapped", source_kind="md"))
    for path in TABLE3_ROW_PATHS["granted"]:
        assert record.provenance[path].status is not Status.PROVEN or record.report.get(path) != 29, path


def test_the_next_row_right_below_with_empty_fields_is_no_rest_of_a_cut() -> None:
    """A row whose next grid line is the next row (its label begun), printing counts only where the row above does
    and empty fields elsewhere, is a row with empty cells: the row above stays read as printed."""
    cut = "|三|（一）予以公开|29|0|0|0|0|0|29|\n\n\n\n|、<br>本|（二）部分公开|0||||||0|\n|---|---|---|---|---|---|---|---|---|\n"
    text = TEXT.replace(cut, "|三|（一）予以公开|29|0|0|0|0|0|29|\n|、<br>本|（二）部分公开|0||||||0|\n")
    record = process_document(Document.from_text(text, doc_id="next", source_kind="md"))
    assert [record.report.get(p) for p in TABLE3_ROW_PATHS["granted"]] == [29, 0, 0, 0, 0, 0, 29]
