"""Word-exported PDFs: long labels wrapped in their cells, tables split over pages, heads and feet, scans.

* ``huaian-2024.pdf``: a real report as published (淮安市人民政府, 2024), with its golden
  ``huaian-2024.json`` read off the table cells and checked against the page images. Its 表三
  breaks inside the merged cell （四）无法提供, whose label runs on over the page break.
* ``family-*.pdf``: random valid reports exported by LibreOffice from Word documents
  (tests/fixtures/pdf/make_family.py says how each page break falls), with ``family-*.json``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from llm_extract import NotAReportError, load, process_document, run_batch
from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.ingest.html import html_to_text
from llm_extract.ingest.pdf import pdf_to_text
from llm_extract.ingest.pdf_lines import TextLine, mark_furniture
from llm_extract.ingest.pdf_tables import PdfCell, build_table, can_continue, cell_text, continue_table, table_lines
from llm_extract.outputs import read_json
from llm_extract.schema import APPLICANT_COLUMNS, Report
from tests.fixtures.ingest.html_page import trs_page
from tests.test_ingest_pdf import table_cells

PDFS = Path(__file__).parent / "fixtures" / "pdf"
SPLIT_OVER_PAGES = ("huaian-2024", "family-repeated-header", "family-split-row")


def expected(stem: str) -> Report:
    data = json.loads((PDFS / f"{stem}.json").read_text(encoding="utf-8"))
    return Report.model_validate({k: v for k, v in data.items() if k in Report.model_fields})


def text_of(stem: str) -> str:
    return pdf_to_text((PDFS / f"{stem}.pdf").read_bytes(), f"{stem}.pdf")


@pytest.mark.parametrize("stem", SPLIT_OVER_PAGES + ("family-unruled",))
def test_a_word_exported_pdf_reads_as_its_expected_values_with_every_field_proven(stem: str) -> None:
    record = process_document(load(PDFS / f"{stem}.pdf"))
    assert record.report.values() == expected(stem).values()
    assert {p: v.status for p, v in record.provenance.items() if v.status != Status.PROVEN} == {}


@pytest.mark.parametrize("stem", ("family-repeated-header", "family-split-row"))
def test_a_table_split_over_pages_reads_exactly_as_the_html_export_of_the_same_report(stem: str) -> None:
    # one table: the repeated header rows dropped, the running head and foot between the parts
    # gone, a merged cell or a row cut by the page break joined into one cell
    pdf = table_cells(text_of(stem))
    html = table_cells(html_to_text(trs_page(expected(stem))))
    assert [line.replace(" ", "") for line in pdf] == [line.replace(" ", "") for line in html]


def test_repeated_header_rows_running_heads_and_page_numbers_are_not_read_as_cells() -> None:
    report = expected("family-repeated-header")
    lines = text_of("family-repeated-header").split("\n")
    assert sum("勾稽关系" in line for line in lines) == 1                  # the header repeated on page 2
    assert lines.count(f"{report.agency}{report.year}年政府信息公开工作年度报告") == 1   # the title, not the heads
    assert not [line for line in lines if "页" in line and "第" in line]  # 第 N 页 共 M 页
    assert "\t三、本年度办理结果" in lines                                    # printed 三、本年度办理 / 结果


def test_a_row_split_by_the_page_break_is_one_row_with_its_label_on_one_line() -> None:
    lines = text_of("family-split-row").split("\n")
    label = "\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
    at = lines.index(label)
    assert lines[at - 1] == "\t（六）其他处理"
    values = expected("family-split-row").applications.other_no_correction
    assert lines[at + 1:at + 9] == [f"\t{getattr(values, c)}" for c in APPLICANT_COLUMNS] + [""]
    assert not any(line in ("\t理", "- 1 -", "- 2 -") for line in lines)


def test_the_real_report_merged_cell_cut_by_the_page_break_is_one_cell() -> None:
    lines = text_of("huaian-2024").split("\n")
    at = lines.index("\t（四）无法提供")                 # printed （四）无 on page 4 and 法提供 on page 5
    assert lines[at + 1] == "\t1.本机关不掌握相关政府信息"
    second = lines.index("\t2.没有现成信息需要另行制作")
    assert lines[second - 1] == ""                      # nothing left of the merged cells at the top of page 5
    assert "- 4 -" not in lines and "- 5 -" not in lines


def test_a_pdf_without_ruled_tables_is_read_from_its_text_layer_as_tab_separated_rows() -> None:
    report = expected("family-unruled")
    lines = text_of("family-unruled").split("\n")
    row = report.applications.new_received
    assert "\t".join(["一、本年新收政府信息公开申请数量", *(str(getattr(row, c)) for c in APPLICANT_COLUMNS)]) in lines
    assert not any(line.startswith("\t") for line in lines)


def test_scanned_pages_are_named_in_the_document_warnings_the_record_and_the_review_queue(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LLM_EXTRACT_OCR", "off")          # (OCR'd where it is on: tests/test_pdf_scan.py)
    doc = load(PDFS / "family-partly-scanned.pdf")      # family-split-row, then a scanned page
    assert doc.meta["scanned_pages"] == [3]
    assert doc.meta["warnings"] == ["page 3 is scanned (images without a text layer): its content was not read; "
                                    "OCR it first (e.g. `ocrmypdf report.pdf ocr.pdf`); OCR is turned off "
                                    "(LLM_EXTRACT_OCR=off)"]
    record = process_document(doc)
    assert record.report.values() == expected("family-partly-scanned").values()
    assert [(f.code, f.severity, f.detail) for f in record.findings if f.code.startswith("INGEST.")] == [
        ("INGEST.SCANNED_PAGES", "warning", {"pages": [3]})]
    run_batch([PDFS / "family-partly-scanned.pdf"], tmp_path, llm="never")
    queue = [json.loads(line) for line in (tmp_path / "review_queue.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(q["rules"], q["message"]) for q in queue] == [(["INGEST.SCANNED_PAGES"], doc.meta["warnings"][0])]
    assert read_json(tmp_path / "records" / "family-partly-scanned.json")["status_counts"]["proven"] == 202


def test_a_pdf_whose_readable_pages_hold_no_report_names_its_scanned_pages_in_the_error() -> None:
    doc = Document.from_text("淮安市人民政府2024年政府信息公开工作年度报告\n一、总体情况\n", doc_id="x", path="r.pdf",
                             meta={"scanned_pages": [2, 3], "warnings": ["pages 2, 3 are scanned (…)"]})
    with pytest.raises(NotAReportError, match=r"r\.pdf: not an annual report.*pages 2, 3 are scanned"):
        process_document(doc)


# --- the rules, one at a time --------------------------------------------------------------------------------

def test_a_cell_wrapped_over_lines_is_one_line() -> None:
    assert cell_text("1.申请人无正当理由逾期不补\n正、行政机关不再处理其政府\n信息公开申请") == \
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
    assert cell_text("4472\n28") == "447228"                      # a number wrapped in a narrow column
    assert cell_text("Open\nGovernment  report") == "Open Government report"
    assert cell_text(None) == "" and cell_text(" \n ") == ""
    assert cell_text("22（其中修\n订16件）") == "22（其中修订16件）"       # a note wrapped
    # a spreadsheet's cell below spilling its first line into this one: two values, never 219
    assert cell_text("2\n19（其中修") == "2 19（其中修"


EDGES = (0, 20, 60, 120, 140, 160)                              # 表三-like: group, sub-group, label, two values


def cell(text: str, col: int, row: int, *, cols: int = 1, rows: int = 1, top: float = 100) -> PdfCell:
    return PdfCell(text, EDGES[col], EDGES[col + cols], top + 10 * row, top + 10 * (row + rows))


def test_a_merged_cell_running_over_the_break_joins_its_rest_and_a_new_item_stays_a_new_cell() -> None:
    group = cell("三、办理结果", 0, 0, rows=2)
    above = build_table([
        [group, cell("（三）不予公", 1, 0, rows=2), cell("1.属于国家秘密", 2, 0), cell("1", 3, 0), cell("1", 4, 0)],
        [None, None, cell("2.其他", 2, 1), cell("0", 3, 1), cell("0", 4, 1)]], page=1)
    below = build_table([
        [cell("", 0, 0, rows=2, top=10), cell("开", 1, 0, top=10), cell("3.危及", 2, 0, top=10),
         cell("2", 3, 0, top=10), cell("2", 4, 0, top=10)],
        [None, cell("（四）无法提供", 1, 1, top=10), cell("1.不掌握", 2, 1, top=10), cell("3", 3, 1, top=10),
         cell("3", 4, 1, top=10)]], page=2)
    assert can_continue(above, below)
    continue_table(above, below)
    assert table_lines(above) == [
        "\t三、办理结果", "\t（三）不予公开", "\t1.属于国家秘密", "\t1", "\t1", "",
        "\t2.其他", "\t0", "\t0", "",
        "\t3.危及", "\t2", "\t2", "",
        "\t（四）无法提供", "\t1.不掌握", "\t3", "\t3", ""]


def test_a_new_group_at_the_top_of_the_page_is_not_joined_to_the_group_that_ended_above() -> None:
    above = build_table([[cell("（三）不予公开", 1, 0, rows=2), cell("1.甲", 2, 0), cell("1", 3, 0), cell("1", 4, 0)],
                         [None, cell("2.乙", 2, 1), cell("0", 3, 1), cell("0", 4, 1)]], page=1)
    below = build_table([[cell("（四）无法提供", 1, 0, rows=1, top=10), cell("1.丙", 2, 0, top=10),
                          cell("5", 3, 0, top=10), cell("5", 4, 0, top=10)]], page=2)
    continue_table(above, below)
    assert table_lines(above)[-5:] == ["\t（四）无法提供", "\t1.丙", "\t5", "\t5", ""]


def test_values_on_both_sides_of_the_break_are_two_rows_even_under_labels_that_do_not_start_an_item() -> None:
    above = build_table([[cell("行政处罚", 2, 0), cell("7", 3, 0)]], page=1)
    below = build_table([[cell("行政强制", 2, 0, top=10), cell("1", 3, 0, top=10)]], page=2)
    continue_table(above, below)
    assert table_lines(above) == ["\t行政处罚", "\t7", "", "\t行政强制", "\t1", ""]


def test_a_blank_value_below_the_break_stays_a_blank_cell() -> None:
    above = build_table([[cell("行政处罚", 2, 0), cell("", 3, 0)]], page=1)
    below = build_table([[cell("行政强制", 2, 0, top=10), cell("", 3, 0, top=10)]], page=2)
    continue_table(above, below)
    assert table_lines(above) == ["\t行政处罚", "\t", "", "\t行政强制", "\t", ""]


def test_a_label_cut_between_its_group_title_and_first_item_is_one_row_with_the_numbers_above_the_break() -> None:
    # a clerk's line break inside the cell: （五）不予处理 ⏎ 1.信访举报投诉类申请; LibreOffice splits the row at the
    # page break with the title and the numbers above it and the first item with blank cells below it
    above = build_table([[cell("（四）无法提供3.补正后申请内容仍不明确", 2, 0), cell("2", 3, 0), cell("2", 4, 0)],
                         [cell("（五）不予处理", 2, 1), cell("0", 3, 1), cell("0", 4, 1)]], page=1)
    below = build_table([[cell("1.信访举报投诉类申请", 2, 0, top=10), cell("", 3, 0, top=10), cell("", 4, 0, top=10)],
                         [cell("（五）不予处理2.重复申请", 2, 1, top=10), cell("9", 3, 1, top=10),
                          cell("9", 4, 1, top=10)]], page=2)
    continue_table(above, below)
    assert table_lines(above)[4:] == ["\t（五）不予处理1.信访举报投诉类申请", "\t0", "\t0", "",
                                      "\t（五）不予处理2.重复申请", "\t9", "\t9", ""]


def test_a_label_that_repeats_its_group_title_before_every_item_is_one_row_when_cut_after_the_title() -> None:
    above = build_table([[cell("（三）不予公开7.属于行政执法案卷", 2, 0), cell("0", 3, 0), cell("0", 4, 0)],
                         [cell("（三）不予公开", 2, 1), cell("4", 3, 1), cell("4", 4, 1)]], page=1)
    below = build_table([[cell("8.属于行政查询事项", 2, 0, top=10), cell("", 3, 0, top=10), cell("", 4, 0, top=10)]],
                        page=2)
    continue_table(above, below)
    assert table_lines(above)[4:] == ["\t（三）不予公开8.属于行政查询事项", "\t4", "\t4", ""]


def test_a_blank_first_item_under_a_title_row_without_numbers_stays_its_own_row() -> None:
    above = build_table([[cell("（五）不予处理", 2, 0), cell("", 3, 0), cell("", 4, 0)]], page=1)
    below = build_table([[cell("1.信访举报投诉类申请", 2, 0, top=10), cell("", 3, 0, top=10),
                          cell("", 4, 0, top=10)]], page=2)
    continue_table(above, below)
    assert table_lines(above) == ["\t（五）不予处理", "\t", "\t", "", "\t1.信访举报投诉类申请", "\t", "\t", ""]


def test_an_item_under_a_row_that_is_not_its_group_title_is_a_new_row() -> None:
    above = build_table([[cell("（二）部分公开", 2, 0), cell("3", 3, 0), cell("3", 4, 0)]], page=1)
    below = build_table([[cell("1.属于国家秘密", 2, 0, top=10), cell("", 3, 0, top=10), cell("", 4, 0, top=10)]], page=2)
    continue_table(above, below)
    assert table_lines(above)[4:] == ["\t1.属于国家秘密", "\t", "\t", ""]


def test_a_repeated_header_whose_merged_cell_is_cut_short_on_the_new_page_is_dropped_as_a_repeat() -> None:
    note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    above = build_table([[cell(note, 0, 0, cols=3), cell("申请人情况", 3, 0, cols=2)],
                         [cell("7.属于行政执法案卷", 0, 1, cols=3), cell("1", 3, 1), cell("1", 4, 1)]], page=1)
    below = build_table([[cell("（本列数据的勾稽关系为：第一项", 0, 0, cols=3, top=10),
                          cell("申请人情况", 3, 0, cols=2, top=10)],
                         [cell("8.属于行政查询事项", 0, 1, cols=3, top=10), cell("2", 3, 1, top=10),
                          cell("2", 4, 1, top=10)]], page=2)
    continue_table(above, below)
    assert table_lines(above)[3:] == ["\t7.属于行政执法案卷", "\t1", "\t1", "", "\t8.属于行政查询事项", "\t2", "\t2", ""]


def test_a_count_wrapped_in_its_narrow_cell_and_cut_by_the_break_with_its_label_joins_as_one_number() -> None:
    # 1580 in a narrow cell prints 158 ⏎ 0; the page break falls inside the row: 2.其他法律行政法规禁 158 | 止公开 0
    above = build_table([[cell("1.属于国家秘密", 2, 0), cell("0", 3, 0), cell("", 4, 0)],
                         [cell("2.其他法律行政法规禁", 2, 1), cell("158", 3, 1), cell("", 4, 1)]], page=1)
    below = build_table([[cell("止公开", 2, 0, top=10), cell("0", 3, 0, top=10), cell("", 4, 0, top=10)],
                         [cell("3.危及“三安全一稳定”", 2, 1, top=10), cell("0", 3, 1, top=10), cell("", 4, 1, top=10)]],
                        page=2)
    continue_table(above, below)
    assert table_lines(above)[4:] == ["\t2.其他法律行政法规禁止公开", "\t1580", "\t", "",
                                      "\t3.危及“三安全一稳定”", "\t0", "\t", ""]


def test_numbers_under_a_label_that_is_no_cut_label_of_the_form_stay_two_rows() -> None:
    above = build_table([[cell("（三）不予公开", 2, 0), cell("5", 3, 0)]], page=1)
    below = build_table([[cell("1.属于国家秘密", 2, 0, top=10), cell("5", 3, 0, top=10)]], page=2)
    continue_table(above, below)
    assert table_lines(above) == ["\t（三）不予公开", "\t5", "", "\t1.属于国家秘密", "\t5", ""]


def test_a_table_with_other_columns_does_not_continue_the_table_above() -> None:
    above = build_table([[cell("规章", 2, 0), cell("1", 3, 0), cell("2", 4, 0)]], page=1)
    other = build_table([[PdfCell("结果维持", 0, 35, 10, 20), PdfCell("0", 35, 160, 10, 20)]], page=2)
    assert not can_continue(above, other)


def line(text: str, page: int, top: float) -> TextLine:
    return TextLine(text, page, top, top + 12, 842)


def test_running_heads_feet_and_page_numbers_are_furniture_and_body_lines_are_not() -> None:
    lines = [line("淮安市人民政府2024年政府信息公开工作年度报告", 1, 30), line("正文第一行", 1, 90),
             line("- 1 -", 1, 800), line("淮安市人民政府2024年政府信息公开工作年度报告", 2, 31),
             line("第 2 页 共 3 页", 2, 800), line("2", 2, 806), line("3", 3, 805), line("附件", 3, 20),
             line("12", 3, 400), line("0\t0\t0", 2, 790), line("0\t0\t1", 3, 790), line("7", 1, 790)]
    mark_furniture(lines)
    assert [ln.text for ln in lines if ln.furniture] == [
        "淮安市人民政府2024年政府信息公开工作年度报告", "- 1 -", "淮安市人民政府2024年政府信息公开工作年度报告",
        "第 2 页 共 3 页", "2", "3"]


def test_a_merged_cell_running_over_two_page_breaks_is_one_cell() -> None:
    page1 = build_table([[cell("三、本年", 0, 0, rows=2), cell("（一）予以公开", 1, 0, cols=2), cell("1", 3, 0)],
                         [None, cell("（二）部分公开", 1, 1, cols=2), cell("2", 3, 1)]], page=1)
    page2 = build_table([[cell("度办", 0, 0, top=10), cell("（三）不予公开", 1, 0, cols=2, top=10),
                          cell("3", 3, 0, top=10)]], page=2)
    page3 = build_table([[cell("理结果", 0, 0, top=10), cell("（四）无法提供", 1, 0, cols=2, top=10),
                          cell("4", 3, 0, top=10)]], page=3)
    continue_table(page1, page2)
    continue_table(page1, page3)
    assert [line for line in table_lines(page1) if "、" in line] == ["\t三、本年度办理结果"]
    assert table_lines(page1)[-3:] == ["\t（四）无法提供", "\t4", ""]


def test_a_bare_page_number_a_footer_sets_just_above_the_margin_zone_is_furniture() -> None:
    """LibreOffice's footer on a landscape page (612 pt high) stands 39.5 pt from the bottom edge, its line
    12 pt high: its middle is in the bottom 8 %, its top is not. Read as a cell, the page's number made 表四
    sixteen numbers for fifteen cells."""
    lines = [TextLine(str(n), n, 560.5, 572.5, 612) for n in (1, 2, 3)] + [TextLine("0", 3, 513.3, 522.3, 612)]
    mark_furniture(lines)
    assert [ln.text for ln in lines if ln.furniture] == ["1", "2", "3"]


def test_a_browsers_print_head_and_foot_a_line_long_are_furniture() -> None:
    """Chrome's "Print to PDF" with headers and footers: the date and the page's title at the top of every page, its
    address and the page count at the foot. Longer than a page number, they recur at one height with only their
    digits changed; read as text, the title's year (2023) came out as a cell of 表四 where a page broke it."""
    head = "12/6/26, 10:39 AM\t西岗区城关镇 2023 年政府信息公开工作年度报告"
    foot = "file:///tmp/tmpdxwfnovp/g4s10_36_chrome_pdf.html\t{}/3"
    lines = [ln for page in (1, 2, 3) for ln in (line(head, page, 20), line("正文第一行", page, 90),
                                                   line(foot.format(page), page, 815))]
    lines.append(line("这一行字数很多，是正文的一段话，写在页面的底部，长过页码而只出现一次，因此不是页脚。", 3, 800))
    mark_furniture(lines)
    assert [ln.text for ln in lines if ln.furniture] == [head, foot.format(1), head, foot.format(2), head, foot.format(3)]
