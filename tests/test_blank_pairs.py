"""表三 as docx2txt and mammoth's raw text print a Word table: a cell to a paragraph, each followed by an empty
line, so an empty cell is two empty lines. Where every row with numbers is printed so, an empty cell is placed
as the row's (when the row's total adds up); any other spacing is only spacing."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.extract.blankpairs import paired_line_cells
from llm_extract.extract.layout import Region
from llm_extract.ingest import Document
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document
from llm_extract.schema import Report
from llm_extract.synth import render

_EMPTY = (2, 4)       # 科研机构 and 法律服务机构 left empty


def _paragraph_cells(report: Report) -> str:
    """The report's text with 表三 a cell to a paragraph and an empty line after each, two columns empty."""
    text = render(report, "tabrows")
    head, _, rest = text.partition("三、收到和处理政府信息公开申请情况\n")
    table, _, tail = rest.partition("\n\n")
    out = [head + "三、收到和处理政府信息公开申请情况", ""]
    for line in table.split("\n"):
        fields = line.split("\t")
        if len(fields) >= 7 and fields[-1].isdigit():
            fields = fields[:-7] + ["" if k in _EMPTY else v for k, v in enumerate(fields[-7:])]
        for field in fields:
            out += [field, ""]
    return "\n".join(out) + "\n\n" + tail


def test_two_empty_lines_among_a_rows_paragraphs_are_an_empty_cell(golden_dir) -> None:
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    report = Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields})
    text = _paragraph_cells(report)
    record = process_document(Document.from_text(text, doc_id="x"))
    for row in ("new_received", "denied_process_info", "total_processed"):
        for col in ("natural_person", "commercial", "social_org", "other_org", "total"):
            path = f"applications.{row}.{col}"
            assert record.report.get(path) == report.get(path)
            assert record.provenance[path].status is Status.PROVEN
        assert record.report.get(f"applications.{row}.research") is None
        assert record.report.get(f"applications.{row}.legal_service") is None


def _region(lines: list[str]) -> Region:
    return Region("表三", 1, len(lines) + 1)


_ROWS = ["三、收到和处理政府信息公开申请情况", "",
         "一、本年新收政府信息公开申请数量", "", "3", "", "", "", "0", "", "", "", "0", "", "1", "", "4", "",
         "二、上年结转政府信息公开申请数量", "", "1", "", "0", "", "0", "", "0", "", "0", "", "0", "", "1", "",
         "三、本年度办理结果", "", "（一）予以公开", "", "", "", "2", "", "0", "", "0", "", "0", "", "0", "", "2", ""]


def test_cells_two_lines_apart_are_handed_on_a_cell_to_a_line() -> None:
    out = paired_line_cells(_ROWS, _region(_ROWS))
    assert out[4:17:2] == ["\t3", "\t", "\t0", "\t", "\t0", "\t1", "\t4"]
    assert out[20:33] == _ROWS[20:33]                   # seven numbers: read as printed
    assert out[38:51:2] == ["\t", "\t2", "\t0", "\t0", "\t0", "\t0", "\t2"]


def test_a_row_whose_total_does_not_add_up_is_left_as_printed() -> None:
    lines = list(_ROWS)
    lines[16] = "5"
    out = paired_line_cells(lines, _region(lines))
    assert out[4:17] == lines[4:17]
    assert out[38:51:2] == ["\t", "\t2", "\t0", "\t0", "\t0", "\t0", "\t2"]


def test_a_table_whose_rows_are_not_all_two_lines_to_a_cell_is_left_as_printed() -> None:
    lines = _ROWS[:20] + ["1", "0", "0", "0", "0", "0", "1", ""] + _ROWS[34:]
    assert paired_line_cells(lines, _region(lines)) == lines


def test_a_number_a_converter_printed_in_runs_is_its_cells_number() -> None:
    """``１ ０``: a Word file's 10 in two runs, parted by a space; a paragraph is one cell, its runs one number."""
    lines = list(_ROWS)
    lines[4], lines[16] = "１ ３", "１ ４"
    out = paired_line_cells(lines, _region(lines))
    assert out[4:17:2] == ["\t１３", "\t", "\t0", "\t", "\t0", "\t1", "\t１４"]


def test_runs_that_do_not_add_up_are_left_as_printed() -> None:
    lines = list(_ROWS)
    lines[4] = "1 3"
    out = paired_line_cells(lines, _region(lines))
    assert out[4:17] == lines[4:17]


def _docx2txt(text: str, wrap: bool = False) -> str:
    """A report text as docx2txt prints the Word file: every paragraph and every table cell a line of its own with an
    empty line after it. ``wrap``: each prose paragraph wrapped over two lines, as a PDF text tool prints a page."""
    out: list[str] = []
    for line in text.split("\n"):
        fields = line.split("\t")
        if wrap and len(fields) == 1 and len(line) > 20:
            fields = [line[:20] + "\n" + line[20:]]
        for field in fields:
            out += [field, ""]
    return "\n".join(out)


def _t2_statuses(text: str) -> set[Status]:
    record = process_document(Document.from_text(text, doc_id="x"))
    return {p.status for path, p in record.provenance.items() if path.startswith("active_disclosure.")}


def test_a_word_files_paragraphs_in_order_prove_table_2_one_number_to_a_line(golden_dir) -> None:
    """表二's numbers one to a line, an empty line between, are a PDF tool's boxes perhaps (pdf2txt.py prints them in an
    order of its own: read, never proven). A text whose prose paragraphs are each one line with an empty line after
    it, 表三's 25 rows each a label and its seven cells, is a Word file's paragraphs in their order: 表二's too."""
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    report = Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields})
    text = render(report, "tabrows")
    assert _t2_statuses(_docx2txt(text)) == {Status.PROVEN}
    assert Status.UNVERIFIED in _t2_statuses(_docx2txt(text, wrap=True))       # 规章 0 0 0 …: boxes, perhaps


def test_a_row_whose_seven_cells_are_all_empty_is_seven_empty_cells() -> None:
    # docx2txt of a Word file whose zero cells are left empty: （二）'s seven cells are fourteen empty lines and the
    # one after its last cell, then 三、本年度办理结果 printed again (spanned, empty) before （三）'s label; 1.属于国家秘密's
    # are followed by both spanned cells (三、… and （三）不予公开)
    lines = _ROWS + ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）", *[""] * 17,
                     "（三）不予公开", "", "1.属于国家秘密", *[""] * 19,
                     "2.其他法律行政法规禁止公开", "", "", "", "", "", "", "", "", "", "1", "", "", "", "1", ""]
    out = paired_line_cells(lines, _region(lines))
    assert out[54:67:2] == ["\t"] * 7 and out[67:70] == ["", "", ""]
    assert out[74:87:2] == ["\t"] * 7 and out[87:92] == [""] * 5
    assert out[94:107:2] == ["\t", "\t", "\t", "\t", "\t1", "\t", "\t1"]
    assert out[34] == "三、本年度办理结果"                 # a group label beside its first row: no cells of its own
