"""A converter's grid: a row's numbers on its own line are that row's only.

trafilatura cuts a cell's text at a line break (``5.要求行政机关确认`` / ``1.申请人无正当理由逾期不补正、``, their
rest printed after the table). A row whose fields are all empty (a blank row) under a row whose cut label names
it no longer must not take the line above's numbers as its own: read so, the blank row came out as that row's
0s, proven (their identities hold either way)."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.form import FORM
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE3_ROW_PATHS

_CUT = {"rejected_reconfirm": "5.要求行政机关确认", "other_no_correction": "1.申请人无正当理由逾期不补正、"}
_BLANK = "other_no_correction"


def _text() -> str:
    values = {r.key: ["0"] * 7 for r in FORM.table3_rows}
    for row in ("new_received", "granted", "total_processed"):
        values[row] = ["1", "0", "0", "0", "0", "0", "1"]
    values[_BLANK] = [""] * 7
    lines = ["某某区人民政府2023年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况", "",
             "|  |  |  | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |",
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for r in FORM.table3_rows:
        label = _CUT.get(r.key, r.label)
        lines.append(f"|  |  | {label} | " + " | ".join(values[r.key]) + " |")
    return "\n".join(lines + ["", "行政机关不再处理其政府信息公开申请", "或重新出具已获取信息", "",
                              "四、政府信息公开行政复议、行政诉讼情况", "无。"])


def test_a_blank_grid_row_does_not_take_the_numbers_of_the_row_above() -> None:
    record = process_document(Document.from_text(_text(), doc_id="grid"))
    for p in TABLE3_ROW_PATHS["rejected_reconfirm"]:
        assert record.report.get(p) == 0
    for p in TABLE3_ROW_PATHS[_BLANK]:
        prov = record.provenance[p]
        assert not (prov.status is Status.PROVEN and record.report.get(p) == 0), p
