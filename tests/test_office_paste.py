"""Tables copied from a spreadsheet or a word processor and pasted into a text file.

The paste is tab-separated. A cell holding a line break is quoted over several lines
(``"二、上年结转政府`` / ``信息公开申请数量"``): the label is read whole, as a label wrapped over lines is. A merged
cell is repeated in every field it spans (``行政许可	812	812	812``): 表二's one value.
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.form import FORM
from llm_extract.ingest import load_bytes
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICANT_COLUMNS, Report
from llm_extract.synth import render

from tests.table3_checks import assert_table3_proven


def _report(golden_dir) -> Report:
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    return Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields})


def _pasted_table3(report: Report, quote: set[str]) -> list[str]:
    """表三 as a spreadsheet pastes it: ten fields a row (three for the label), empty cells empty; the labels
    of the rows in ``quote`` broken in two inside quotes."""
    lines = ["三、收到和处理政府信息公开申请情况",
             "\t".join(["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "", "", "申请人情况"] + [""] * 6),
             "\t".join(["", "", "", "自然人", "法人或其他组织", "", "", "", "", "总计"]),
             "\t".join(["", "", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""])]
    for row in FORM.table3_rows:
        label = row.label
        if row.key in quote:
            label = '"' + label[:-4] + "\n" + label[-4:] + '"'
        cells = ["" if (v := report.get(f"applications.{row.key}.{c}")) is None else str(v) for c in APPLICANT_COLUMNS]
        sub = row.label[:1].isdigit()           # a sub-row's label in the third field, its group's fields empty
        lines.append("\t".join((["", "", label] if sub else [label, "", ""]) + cells))
    return lines


def _document(report: Report, quote: set[str]) -> str:
    text = render(report, "tabrows")
    start, end = text.index("三、收到和处理政府信息公开申请情况"), text.index("四、政府信息公开行政复议")
    return text[:start] + "\r\n".join(_pasted_table3(report, quote)) + "\r\n\r\n" + text[end:]


def test_a_pasted_table3_with_quoted_labels_reads_every_cell(golden_dir) -> None:
    report = _report(golden_dir)
    quote = {"carried_over", "denied_security_stability", "unavailable_not_held", "other_no_correction"}
    record = process_document(load_bytes(_document(report, quote).encode(), doc_id="x", suffix=".txt"))
    assert_table3_proven(record, report)


def test_a_merged_cell_repeated_across_table2_s_columns_is_one_value(golden_dir) -> None:
    report = _report(golden_dir)
    text = render(report, "tabrows")
    value = report.get("active_disclosure.licensing")
    lines = [f"行政许可\t{value}\t{value}\t{value}" if line.startswith("行政许可") else line for line in text.split("\n")]
    record = process_document(load_bytes("\n".join(lines).encode(), doc_id="x", suffix=".txt"))
    assert record.report.get("active_disclosure.licensing") == value


def test_a_row_of_exactly_seven_fields_after_its_label_has_its_empty_cells_empty(golden_dir) -> None:
    """A word processor's table pasted as text: a label, then exactly seven fields, an empty cell an empty
    field (``（二）部分公开	0	0		0	0		0``)."""
    report = _report(golden_dir)
    for row, col in (("partially_granted", "research"), ("partially_granted", "other_org"),
                     ("denied_state_secret", "legal_service")):
        report.set(f"applications.{row}.{col}", None)
    text = render(report, "tabrows")
    lines = []
    for line in text.split("\n"):
        for key in ("partially_granted", "denied_state_secret"):
            row = next(r for r in FORM.table3_rows if r.key == key)
            if line.endswith(tuple([row.label])) or (row.label in line and "\t" in line):
                cells = ["" if (v := report.get(f"applications.{key}.{c}")) is None else str(v)
                         for c in APPLICANT_COLUMNS]
                line = "\t".join([row.label] + cells)
        lines.append(line)
    record = process_document(load_bytes("\n".join(lines).encode(), doc_id="x", suffix=".txt"))
    for key in ("partially_granted", "denied_state_secret"):
        assert [record.report.get(f"applications.{key}.{c}") for c in APPLICANT_COLUMNS] == \
            [report.get(f"applications.{key}.{c}") for c in APPLICANT_COLUMNS]


def test_a_table_whose_every_row_has_empty_fields_is_read_field_by_field(golden_dir) -> None:
    """An agency leaving two 法人 columns blank in every row (``一、本年新收…	6	0		0		0	6``): no row prints seven
    numbers, yet each label is followed by exactly seven fields, so each row is read field by field."""
    report = _report(golden_dir)
    for row in FORM.table3_rows:
        for col in ("research", "legal_service"):
            report.set(f"applications.{row.key}.{col}", None)
    text = render(report, "tabrows")
    start, end = text.index("三、收到和处理政府信息公开申请情况"), text.index("四、政府信息公开行政复议")
    rows = ["\t".join([row.label] + ["" if (v := report.get(f"applications.{row.key}.{c}")) is None else str(v)
                                     for c in APPLICANT_COLUMNS]) for row in FORM.table3_rows]
    text = text[:start] + "三、收到和处理政府信息公开申请情况\n" + "\n".join(rows) + "\n\n" + text[end:]
    record = process_document(load_bytes(text.encode(), doc_id="x", suffix=".txt"))
    for row in FORM.table3_rows:
        for c in APPLICANT_COLUMNS:
            path = f"applications.{row.key}.{c}"
            assert record.report.get(path) == report.get(path), path
            if report.get(path) is not None:
                assert record.provenance[path].status is Status.PROVEN, path


def test_a_crawled_row_padded_with_tabs_and_a_cell_lost_is_not_read_with_an_empty_cell(golden_dir) -> None:
    """A real crawled page (seed 002): ``(一)予以公开				0	0	0	0	0	0			``, a cell lost: the empty field is
    no empty cell, the row is not read cell by cell."""
    text = (golden_dir / "002_0126e23b7202ee31.txt").read_text(encoding="utf-8")
    assert "(一)予以公开\t\t\t\t0\t0\t0\t0\t0\t0\t\t\t" in text
    record = process_document(load_bytes(text.encode(), doc_id="x", suffix=".txt"))
    assert record.report.get("applications.granted.natural_person") in (0, None)
    assert not (record.report.get("applications.granted.natural_person") is None
                and record.provenance["applications.granted.natural_person"].status is Status.PROVEN)
