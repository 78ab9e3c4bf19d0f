"""pymupdf4llm's picture text: a region of the page it classed as a picture (here the last rows of a LibreOffice
PDF's 表三, at the foot of a page) written between two HTML comments, the region's lines joined by ``<br>`` on one
line. Written back one piece a line (ingest/picture_text.py), the rows read as a text extractor's lines and are
proven by the identities; on one line, the rows' labels and numbers ran together and the whole table stayed queued.
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import load_bytes
from llm_extract.ingest.picture_text import picture_lines
from llm_extract.pipeline import process_document

_TABLE3 = """## **三、收到和处理政府信息公开申请情况**
|本列数据的勾稽关系|||申|请人情|况|||
|---|---|---|---|---|---|---|---|
||自||法人|或其他|组织||总|
||然<br>人|商<br>业|科<br>研|社<br>会|法<br>律|其<br>他|计|
|||企|机|公|服|||
|||业|构|益|务|||
|||||组|机|||
|||||织|构|||
|一、本年新收政府信息公开申请数|226|0|0|0|4|0|230|
第 2 页 共 5 页
|||量||||||||
|---|---|---|---|---|---|---|---|---|---|
|二、上|年结转|政府信息公开申请数<br>量|0|0|0|0|1|0|1|
|三、||（一）予以公开|94|0|0|0|3|0|97|
|本年|（二|）部分公开（区分处|25|0|0|0|0|0|25|
|度办|理的|，只计这一情形，不||||||||
|理结||计其他情形）||||||||
|果|（三|1.属于国家秘密|0|0|0|0|0|0|0|
||）不<br>予公|2.其他法律行政法<br>规禁止公开|1|0|0|0|0|0|1|
||开|3.危及“三安全一<br>稳定”|1|0|0|0|0|0|1|
|||4.保护第三方合法<br>权益|0|0|0|0|0|0|0|
|||5.属于三类内部事<br>务信息|2|0|0|0|0|0|2|
|||6.属于四类过程性<br>信息|2|0|0|0|0|0|2|
|||7.属于行政执法案<br>卷|3|0|0|0|0|0|3|
|||8.属于行政查询事<br>项|2|0|0|0|0|0|2|
||（四<br>）无|1.本机关不掌握相<br>关政府信息|28|0|0|0|1|0|29|
||法提<br>供|2.没有现成信息需<br>要另行制作|8|0|0|0|0|0|8|
|||3.补正后申请内容<br>仍不明确|4|0|0|0|1|0|5|
||（五<br>）不|1.信访举报投诉类<br>申请|2|0|0|0|0|0|2|
||予处|2.重复申请|8|0|0|0|0|0|8|
||理|3.要求提供公开出<br>版物|0|0|0|0|0|0|0|
|||4.无正当理由大量<br>反复申请|1|0|0|0|0|0|1|
|||5.要求行政机关确<br>认或重新出具已获<br>取信息|1|0|0|0|0|0|1|
||（六|1.申请人无正当理|3|0|0|0|0|0|3|
第 3 页 共 5 页
<!-- Start of picture text -->
）其 由逾期不补正、行<br>他处 政机关不再处理其<br>理 政府信息公开申请<br>2.申请人逾期未按 0 0 0 0 0 0 0<br>收费通知要求缴纳<br>费用、行政机关不<br>再处理其政府信息<br>公开申请<br>3.其他 15 0 0 0 0 0 15<br>（七）总计 200 0 0 0 5 0 205<br>四、结转下年度继续办理 26 0 0 0 0 0 26<br><!-- End of picture text -->
"""

_COLS = ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total")


def test_picture_text_is_written_one_piece_a_line() -> None:
    text = "前文\n<!-- Start of picture text -->\n3.其他 15 0 0 0 0 0 15<br>（七）总计 200 0 0 0 5 0 205<br>" \
        "<!-- End of picture text -->\n后文"
    assert picture_lines(text) == "前文\n3.其他 15 0 0 0 0 0 15\n（七）总计 200 0 0 0 5 0 205\n后文"
    assert picture_lines("|规章|0<br>1|0|") == "|规章|0<br>1|0|"


def test_table3_rows_in_picture_text_are_read_and_proven() -> None:
    text = "# 河东区民政局2022年政府信息公开工作年度报告\n\n" + _TABLE3 + "\n## 四、政府信息公开行政复议、行政诉讼情况\n"
    record = process_document(load_bytes(text.encode("utf-8"), doc_id="hd", path="hd.md", suffix=".md"))
    values = record.report.values()
    expected = {"other_unpaid_fee": [0] * 7, "other_other": [15, 0, 0, 0, 0, 0, 15],
                "total_processed": [200, 0, 0, 0, 5, 0, 205], "carried_forward": [26, 0, 0, 0, 0, 0, 26]}
    for row, want in expected.items():
        assert [values[f"applications.{row}.{c}"] for c in _COLS] == want, row
        assert record.provenance[f"applications.{row}.total"].status is Status.PROVEN, row
