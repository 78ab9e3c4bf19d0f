"""A Markdown grid made from a text whose row lost a cell: the label a column left of its siblings.

A tab text prints ``（一）予以公开`` in its first field and its six numbers a field too far right (the 自然人 cell
lost); a converter (or a person) turning it into a Markdown table keeps that shape: ``| （一）予以公开 |  |  |  | 0 |
0 | 0 | 0 | 0 | 0 |`` among rows whose （N） labels stand in the second column. The empty field is a lost cell, not a
blank one the report printed: the row is not read as proven (its cells derived where the identities pin them), as
the same row of the tab text is. A row whose label stands where its siblings' do keeps its empty field a blank cell.
"""

from __future__ import annotations

from llm_extract.evidence import CellKind, Status
from llm_extract.form import FORM
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document

#: the rows of the seed's text that lost their 自然人 cell (a tab text: ``（一）予以公开\t\t\t\t0\t0…``)
_LOST = ("new_received", "granted", "partially_granted")
_GROUP_FIRST = {"denied_state_secret", "unavailable_not_held", "rejected_petition", "other_no_correction"}


def _text(granted_col: int) -> str:
    values = {r.key: ["0"] * 7 for r in FORM.table3_rows}
    for row in ("new_received", "total_processed"):
        values[row] = ["4", "0", "0", "0", "0", "0", "4"]
    values["unavailable_not_held"] = ["3", "0", "0", "0", "0", "0", "3"]
    values["partially_granted"] = ["1", "0", "0", "0", "0", "0", "1"]
    lines = ["某某县人民政府办公室2023年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况", "",
             "|  |  |  | 申请人情况 |  |  |  |  |  |  |",
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
             "|  |  |  | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |"]
    for r in FORM.table3_rows:
        cells = values[r.key]
        if r.key in _LOST and granted_col == 0:
            fields = [r.label, "", "", ""] + cells[1:]          # the 自然人 cell lost, the label in the first field
        elif r.key == "granted":
            fields = ["", r.label, ""] + [""] + cells[1:]       # a blank 自然人 cell where the label belongs
        elif r.group and r.key in _GROUP_FIRST:
            fields = ["三、本年度办理结果" if r.key == "denied_state_secret" else "", r.group, r.label] + cells
        elif r.label.startswith("（"):
            fields = ["", r.label, ""] + cells
        elif r.label[0].isdigit():
            fields = ["", "", r.label] + cells
        else:
            fields = [r.label, "", ""] + cells
        lines.append("| " + " | ".join(fields) + " |")
    return "\n".join(lines + ["", "四、政府信息公开行政复议、行政诉讼情况", "无。"])


def test_an_empty_field_beside_a_label_a_column_left_of_its_siblings_is_no_proven_blank() -> None:
    record = process_document(Document.from_text(_text(0), doc_id="left"))
    prov = record.provenance["applications.granted.natural_person"]
    assert prov.status is not Status.PROVEN
    assert record.report.get("applications.granted.natural_person") in (0, None)
    if prov.status is Status.DERIVED:
        assert record.report.get("applications.granted.natural_person") == 0


def test_an_empty_field_in_a_row_whose_label_stands_with_its_siblings_stays_a_blank_cell() -> None:
    record = process_document(Document.from_text(_text(1), doc_id="placed"))
    prov = record.provenance["applications.granted.natural_person"]
    assert prov.method == "md-row" and prov.kind is CellKind.BLANK
    assert record.report.get("applications.granted.natural_person") is None
