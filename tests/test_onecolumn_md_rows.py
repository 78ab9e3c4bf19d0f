"""pymupdf4llm's Markdown of a browser's print whose 表二 it wrote as a one-column table, each row's cells one under
the other in its one field (``|规章<br>2<br>0<br>12|``): each such row is read as its label and cells
(ingest/onecolumn_rows.py), not as a label glued to the digit run 2012."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import load_bytes
from llm_extract.ingest.onecolumn_rows import split_onecolumn_rows
from llm_extract.pipeline import process_document

_T2 = """|（五）监督保障。加强政府网站和政务新媒体建设。<br>二、主动公开政府信息情况|
|---|
|第二十条第（一）项<br><br><br><br>|
|信息内容<br>本年制发件数<br>本年废止件数<br>现行有效件数|
|规章<br>2<br>0<br>12|
|规范性文件<br>8<br>1<br>79|
|第二十条第（五）项<br><br>|
|信息内容<br>本年处理决定数量|
|行政许可<br>0|
|第二十条第（六）项|
|信息内容<br>本年处理决定数量|
|行政处罚<br>5|
|行政强制<br>38|
|第二十条第（八）项|
|信息内容<br>本年收费金额（单位：万元）|
|行政事业性收费<br>0|
"""


def test_a_one_field_row_of_a_label_and_numbers_is_written_a_field_per_cell() -> None:
    assert split_onecolumn_rows("|规章<br>2<br>0<br>12|") == "|规章|2|0|12|"
    assert split_onecolumn_rows("|信息内容<br>本年处理决定数量|") == "|信息内容|本年处理决定数量|"
    prose = "|（五）监督保障。加强政府网站建设。<br>二、主动公开政府信息情况|"
    assert split_onecolumn_rows(prose) == prose
    assert split_onecolumn_rows("|规章|0<br>1|0|") == "|规章|0<br>1|0|"


def test_table2_written_as_one_column_is_read_and_proven() -> None:
    text = "# 清河县教育局2023年政府信息公开工作年度报告\n\n" + _T2 + "\n三、收到和处理政府信息公开申请情况\n"
    record = process_document(load_bytes(text.encode("utf-8"), doc_id="qh", path="qh.md", suffix=".md"))
    v = record.report.values()
    assert [v[f"active_disclosure.regulations.{c}"] for c in ("issued", "repealed", "in_force")] == [2, 0, 12]
    assert [v[f"active_disclosure.normative_documents.{c}"] for c in ("issued", "repealed", "in_force")] \
        == [8, 1, 79]
    assert (v["active_disclosure.punishment"], v["active_disclosure.enforcement"]) == (5, 38)
    assert record.provenance["active_disclosure.regulations.in_force"].status is Status.PROVEN
