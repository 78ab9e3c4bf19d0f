"""表三 copied from a phone article: one cell to a line, an empty cell an empty line.

Where every row of 表三 is followed by exactly seven lines of cells, the empty lines among them are the
row's empty cells (when the row's total adds up); any other spacing is only spacing.
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.extract.blanklines import blank_line_cells
from llm_extract.extract.layout import Region
from llm_extract.ingest import Document
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document
from llm_extract.schema import Report
from llm_extract.synth import render

_EMPTY = (1, 2, 3, 4)       # 商业企业 … 法律服务机构 left empty


def _cell_lines(report: Report) -> str:
    """The report's text with 表三 one cell to a line, its four middle columns empty lines."""
    text = render(report, "tabrows")
    head, _, rest = text.partition("三、收到和处理政府信息公开申请情况\n")
    table, _, tail = rest.partition("\n\n")
    out = [head + "三、收到和处理政府信息公开申请情况"]
    for line in table.split("\n"):
        fields = line.split("\t")
        if len(fields) < 7 or not fields[-1].isdigit():
            out += fields
            continue
        out += fields[:-7]
        out += ["" if k in _EMPTY else v for k, v in enumerate(fields[-7:])]
    return "\n".join(out) + "\n\n\n" + tail


def test_empty_lines_are_a_rows_empty_cells(golden_dir) -> None:
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    report = Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields})
    text = _cell_lines(report)
    assert "\n3\n\n\n\n\n0\n3\n" in text
    record = process_document(Document.from_text(text, doc_id="x"))
    for row in ("new_received", "denied_process_info", "total_processed"):
        for col in ("natural_person", "other_org", "total"):
            path = f"applications.{row}.{col}"
            assert record.report.get(path) == report.get(path)
            assert record.provenance[path].status is Status.PROVEN
        assert record.report.get(f"applications.{row}.commercial") is None


def _region(lines: list[str]) -> Region:
    return Region("表三", 1, len(lines) + 1)


def test_a_row_whose_total_does_not_add_up_is_left_as_printed() -> None:
    lines = ["三、收到和处理政府信息公开申请情况", "一、本年新收政府信息公开申请数量", "3", "", "", "", "", "1", "5",
             "二、上年结转政府信息公开申请数量", "3", "", "", "", "", "1", "4"]
    out = blank_line_cells(lines, _region(lines))
    assert out[2:9] == lines[2:9]
    assert out[10:17] == ["\t3", "\t", "\t", "\t", "\t", "\t1", "\t4"]


def test_rows_spaced_by_empty_lines_are_left_as_printed() -> None:
    # seven numbers and an empty line after each row: the empty line is spacing, not a cell
    lines = ["三、收到和处理政府信息公开申请情况", "一、本年新收政府信息公开申请数量", "3", "", "", "", "", "1", "4", "",
             "二、上年结转政府信息公开申请数量", "1", "0", "0", "0", "0", "0", "1", "",
             "三、本年度办理结果"]
    assert blank_line_cells(lines, _region(lines)) == lines


def test_a_row_of_seven_empty_lines_is_a_row_of_empty_cells() -> None:
    lines = ["三、收到和处理政府信息公开申请情况", "3、其他", *[""] * 7,
             "（七）总计", "7", "", "", "1", "", "", "8", "", "", "四、结转下年度继续办理"]
    out = blank_line_cells(lines, _region(lines))
    assert out[2:9] == ["\t"] * 7
    assert out[10:17] == ["\t7", "\t", "\t", "\t1", "\t", "\t", "\t8"]


def test_a_word_tables_spanned_label_cells_printed_empty_before_a_rows_label_are_no_cells_of_the_row_above() -> None:
    # LibreOffice's --convert-to txt of a Word file: a cell to a line, an empty cell an empty line; 三、本年度办理结果
    # and （三）不予公开 span the rows beside them, so each row below their first prints them again as empty lines
    # before its own label: one after （一）'s seven cells, two after those of 1.属于国家秘密
    lines = ["三、收到和处理政府信息公开申请情况",
             "一、本年新收政府信息公开申请数量", "", "", "", "", "1", "5", "6",
             "二、上年结转政府信息公开申请数量", "", "", "", "", "", "1", "1",
             "三、本年度办理结果", "（一）予以公开", "", "", "", "", "", "3", "3", "",
             "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", *[""] * 8,
             "（三）不予公开", "1.属于国家秘密", "1", "", "", "", "", "", "1", "", "",
             "2.其他法律行政法规禁止公开"]
    out = blank_line_cells(lines, _region(lines))
    assert out[19:26] == ["\t", "\t", "\t", "\t", "\t", "\t3", "\t3"] and out[26] == ""
    assert out[38:45] == ["\t1", "\t", "\t", "\t", "\t", "\t", "\t1"] and out[45:47] == ["", ""]
    assert out[28:35] == ["\t"] * 7 and out[35] == ""      # （二）: seven empty cells, then （三）'s spanned one
