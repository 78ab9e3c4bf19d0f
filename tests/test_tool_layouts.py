"""Layouts other tools print a report's tables in, read by the same row reader (a label and its cells).

* html2text writes a table's rows as pipe rows without the outer pipes (``规章| 1| 0| 6``), an empty
  cell as an empty field (``规章| | 0``): the same grid as a pipe table. OCR's rule glyphs, which
  stand between spaces (`` 0 | 0``), are no such row.
* markdownify drops the cells a rowspan covers, so its rows have different widths; a row whose label
  spans columns prints empty fields before its numbers (``| 一、本年新收… | | | 7 | 0 | … | 7 |``): in a
  ragged grid each row's cells are its own last seven fields, after its label and those empty fields.
* OCR reads a table's vertical rule as ``l`` or ``I``; one before a label (`` l 第二十条第（六）项``)
  stands where no cell can: it is no cell of the row above.
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.extract.layout import tokenize
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICANT_COLUMNS

HTML2TEXT = """二、主动公开政府信息情况

第二十条第（一）项
---
信息内容| 本年制发件数| 本年废止件数| 现行有效件数  
规章| 1| | 6  
规范性文件| 1| 0| 137  

信息内容| 本年处理决定数量  
行政许可| 2327  

三、收到和处理政府信息公开申请情况

（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）| 申请人情况  
---|---  
一、本年新收政府信息公开申请数量| 2| 0| 0| 0| 0| 1| 3  
二、上年结转政府信息公开申请数量| 3| 0| 0| 0| 0| 0| 3  

四、政府信息公开行政复议、行政诉讼情况

行政复议| 行政诉讼  
---|---  
结果维持| 结果纠正| 其他结果| 尚未审结| 总计| 结果维持| 结果纠正| 其他结果| 尚未审结| 总计| 结果维持| 结果纠正| 其他结果| 尚未审结| 总计  
0| 0| 0| 2| 2| 3| 0| 0| 0| 3| 5| 0| 0| 0| 5  
"""


def _record(text: str):
    return process_document(Document.from_text(text, doc_id="d"))


def test_html2text_pipe_rows_without_outer_pipes_are_grid_rows() -> None:
    record = _record(HTML2TEXT)
    got = {p: record.report.get(p) for p in ("active_disclosure.regulations.issued",
                                             "active_disclosure.regulations.repealed",
                                             "active_disclosure.regulations.in_force",
                                             "active_disclosure.normative_documents.in_force",
                                             "active_disclosure.licensing")}
    assert got == {"active_disclosure.regulations.issued": 1, "active_disclosure.regulations.repealed": None,
                   "active_disclosure.regulations.in_force": 6, "active_disclosure.normative_documents.in_force": 137,
                   "active_disclosure.licensing": 2327}
    assert [record.report.get(f"applications.new_received.{c}") for c in APPLICANT_COLUMNS] == [2, 0, 0, 0, 0, 1, 3]
    assert record.report.get("review_litigation.litigation_after_review.total") == 5
    assert record.provenance["active_disclosure.licensing"].status is Status.PROVEN


def test_ocr_rule_glyphs_between_spaces_make_no_grid_row() -> None:
    # `` 0 | | 5``: rules between cells, not html2text's ``0| | 5`` (whose empty field is a blank cell)
    assert not any(it.grid for it in tokenize(["行政许可 | | 2327", " 0 | 0 | | 5"], 1, 3))
    # (an empty grid field is a column without an item: the readers place cells by column)
    assert [(it.raw, it.col, it.grid) for it in tokenize(["0| | 5"], 1, 2)] == [("0", 0, True), ("5", 2, True)]


MARKDOWNIFY_T3 = """## 三、收到和处理政府信息公开申请情况

|  |  |  |  |  |  |  |  |  |  |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | | | 申请人情况 | | | | | | |
| 自然人 | 法人或其他组织 | | | | | 总计 |
| 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |
| 一、本年新收政府信息公开申请数量 | | | 7 | 0 | 0 | 0 | 1 | 0 | 8 |
| 二、上年结转政府信息公开申请数量 | | | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
| 三、本年度办理结果 | (一)予以公开 | | 5 | 0 | 0 | 0 | 1 | 0 | 6 |
| (二)部分公开(区分处理的，只计这一情形，不计其他情形) | | 2 | 0 | 0 | 0 | 0 | 0 | 2 |
| (三)不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
"""


def test_markdownify_rows_of_uneven_width_are_read_by_their_own_last_seven_fields() -> None:
    record = _record(MARKDOWNIFY_T3)
    rows = {"new_received": [7, 0, 0, 0, 1, 0, 8], "carried_over": [1, 0, 0, 0, 0, 0, 1],
            "granted": [5, 0, 0, 0, 1, 0, 6], "partially_granted": [2, 0, 0, 0, 0, 0, 2],
            "denied_state_secret": [0] * 7, "denied_prohibited_by_law": [0] * 7}
    for row, values in rows.items():
        assert [record.report.get(f"applications.{row}.{c}") for c in APPLICANT_COLUMNS] == values, row


OCR_T2 = """二、主动公开政府信息情况
 | 信息内容                     本年处理决定数量
   行政许可                         2158
 l 第二十条第（六）项
 | 信息内容                     本年处理决定数量
 I 行政处罚                         75
"""


def test_an_ocr_rule_glyph_before_a_label_is_no_cell_of_the_row_above() -> None:
    record = _record(OCR_T2 + "\n" + "\n".join(HTML2TEXT.splitlines()[-6:]))
    assert (record.report.get("active_disclosure.licensing"), record.provenance["active_disclosure.licensing"].status) \
        == (2158, Status.PROVEN)
    assert record.report.get("active_disclosure.punishment") == 75
