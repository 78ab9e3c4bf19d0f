"""表二's stock table with two columns fused into one Markdown field, header and rows alike (extract/t2fused.py).

pymupdf4llm, converting a browser's PDF print, missed the rule between 本年制发件数 and 本年废止件数: both stand in one
field over a ``<br>``, in the header and in every row. The header's field names two columns, so the row's field
holds two cells; where the header names one column, two numbers in a field are no two cells (``1 0`` may be 10).
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import load_bytes
from llm_extract.pipeline import process_document

_T2 = """||第二十条第（一）项||
|---|---|---|
|信息内容|本年制发件数<br>本年废止件数|现行有效件数|
|规章|0<br>1|0|
|规范性文件|12<br>4|12|
||第二十条第（五）项||
|信息内容|本年处理决定数量||
|行政许可|0||
||第二十条第（六）项||
|信息内容|本年处理决定数量||
|行政处罚|0||
|行政强制|16||
"""

_REST = """
## 三、收到和处理政府信息公开申请情况

|申请人情况|自然人|商业企业|科研机构|社会公益组织|法律服务机构|其他|总计|
|---|---|---|---|---|---|---|---|
|一、本年新收政府信息公开申请数量|2|0|0|0|0|0|2|
"""


def _record(t2: str):
    text = f"# 云岭县医疗保障局2022年政府信息公开工作年度报告\n\n## 二、主动公开政府信息情况\n\n{t2}{_REST}"
    return process_document(load_bytes(text.encode("utf-8"), doc_id="yl", path="yl.md", suffix=".md"))


def test_a_field_under_a_header_field_naming_two_columns_holds_two_cells() -> None:
    record = _record(_T2)
    values = record.report.values()
    assert [values[f"active_disclosure.regulations.{c}"] for c in ("issued", "repealed", "in_force")] == [0, 1, 0]
    assert [values[f"active_disclosure.normative_documents.{c}"] for c in ("issued", "repealed", "in_force")] \
        == [12, 4, 12]
    assert record.provenance["active_disclosure.normative_documents.repealed"].status is Status.PROVEN


def test_two_numbers_in_a_field_under_one_column_name_stay_unread() -> None:
    t2 = _T2.replace("|信息内容|本年制发件数<br>本年废止件数|现行有效件数|", "|信息内容|本年制发件数|本年废止件数|现行有效件数|") \
        .replace("|规章|0<br>1|0|", "|规章|0|1|0|").replace("|规范性文件|12<br>4|12|", "|规范性文件|1<br>2|12||")
    record = _record(t2)
    values = record.report.values()
    assert values["active_disclosure.normative_documents.issued"] is None       # 1 2: 12, or 1 and 2?
    assert record.provenance["active_disclosure.normative_documents.issued"].status is not Status.PROVEN


def test_the_heading_fused_into_the_header_field_is_no_column_name() -> None:
    """pymupdf4llm also fuses the sub-table's heading row into the header's: the heading is the field's first piece
    (``第二十条第（一）项<br>本年制发件数<br>本年废止件数``); the field still names two columns."""
    t2 = _T2.replace("||第二十条第（一）项||\n|---|---|---|\n|信息内容|本年制发件数<br>本年废止件数|现行有效件数|",
                     "|信息内容|第二十条第（一）项<br>本年制发件数<br>本年废止件数|现行有效件数|\n|---|---|---|")
    record = _record(t2)
    values = record.report.values()
    assert [values[f"active_disclosure.regulations.{c}"] for c in ("issued", "repealed", "in_force")] == [0, 1, 0]
    assert [values[f"active_disclosure.normative_documents.{c}"] for c in ("issued", "repealed", "in_force")] \
        == [12, 4, 12]
    assert record.provenance["active_disclosure.regulations.repealed"].status is Status.PROVEN
