"""Layouts other tools print a report's tables in, read by the same row reader (a label and its cells).

* html2text writes a table's rows as pipe rows without the outer pipes (``规章| 1| 0| 6``), an empty
  cell as an empty field (``规章| | 0``): the same grid as a pipe table. OCR's rule glyphs, which
  stand between spaces (`` 0 | 0``), are no such row.
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
