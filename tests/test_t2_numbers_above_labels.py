"""表二 as markitdown writes a LibreOffice PDF (pdfminer's boxes): each row's numbers on a line of their own right
above its label, the last label of a sub-table with no number below it (extract/t2above.py). Read top-down, every
label took the next row's numbers; read from above, each row has its own. No identity checks 表二: the rows so read
are never proven."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import load_bytes
from llm_extract.pipeline import process_document

_T2 = """二、主动公开政府信息情况
第二十条第（一）项
|     | 信息内容 | 本年制发件数 |     | 本年废止件数 |     |     | 现行有效件数 |     |     |
| --- | ---- | ------ | --- | ------ | --- | --- | ------ | --- | --- |
|     |      |        | 2   |        | 0   |     |        | 5   |     |
规章
|     |     |     | 10  |     | 1   |     |     | 66  |     |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
规范性文件
第二十条第（五）项
|     | 信息内容 |     |     | 本年处理决定数量 |     |     |     |     |     |
| --- | ---- | --- | --- | -------- | --- | --- | --- | --- | --- |
|     | 行政许可 |     |     |          | 630 |     |     |     |     |
第二十条第（六）项
信息内容 本年处理决定数量
88
行政处罚
31
行政强制
第二十条第（八）项
|     | 信息内容    |     | 本年收费金额（单位：万元） |     |      |     |     |     |     |
| --- | ------- | --- | ------------- | --- | ---- | --- | --- | --- | --- |
|     | 行政事业性收费 |     |               |     | 0.00 |     |     |     |     |
三、收到和处理政府信息公开申请情况
"""


def _record(t2: str):
    text = "平安县教育局2023年政府信息公开工作年度报告\n一、总体情况\n本年度，我局……\n" + t2
    return process_document(load_bytes(text.encode("utf-8"), doc_id="pa", path="pa.md", suffix=".md"))


def test_rows_printed_above_their_labels_are_read_from_above_and_left_unverified() -> None:
    record = _record(_T2)
    v = record.report.values()
    assert [v[f"active_disclosure.regulations.{c}"] for c in ("issued", "repealed", "in_force")] == [2, 0, 5]
    assert [v[f"active_disclosure.normative_documents.{c}"] for c in ("issued", "repealed", "in_force")] \
        == [10, 1, 66]
    assert (v["active_disclosure.licensing"], v["active_disclosure.punishment"],
            v["active_disclosure.enforcement"]) == (630, 88, 31)
    for path in ("active_disclosure.regulations.in_force", "active_disclosure.punishment",
                 "active_disclosure.enforcement"):
        assert record.provenance[path].status is not Status.PROVEN, path
    assert record.provenance["active_disclosure.licensing"].status is Status.PROVEN     # (its own line)


def test_numbers_above_a_label_that_the_row_above_prints_below_its_own_are_not_taken() -> None:
    """Numbers after 规章 and none above it: 规章's, printed below; the row under it lost its numbers. 规范性文件 is
    not read from the line above it."""
    t2 = _T2.replace("|     |      |        | 2   |        | 0   |     |        | 5   |     |\n规章\n", "规章\n")
    record = _record(t2)
    v = record.report.values()
    assert v["active_disclosure.normative_documents.issued"] != 10
    assert record.provenance["active_disclosure.normative_documents.issued"].status is not Status.PROVEN
