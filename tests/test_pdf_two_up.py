"""A report printed two pages to a sheet (2-up) reads as the report printed one page to a sheet.

Word's 每版打印 2 页 or a PDF printer's "pages per sheet: 2" puts two portrait pages side by side on a
landscape sheet. Read as one page, each line of the left page ran on into the line of the right page at
the same height (a paragraph's line and a table row of the other page one line): the sheet is cut at
the gutter between its two pages, and each half read as a page. A landscape page whose table crosses the
middle, or whose two blocks of text do not stand at the same margins in their halves, is one page.
"""

from __future__ import annotations

import io

import pytest

pdfplumber = pytest.importorskip("pdfplumber")

from llm_extract.ingest.pdf import pdf_to_text  # noqa: E402
from llm_extract.ingest.pdf_nup import sheet_pages  # noqa: E402
from tests.pdf_text_layer import Rule, Run, lines_runs, text_pdf  # noqa: E402
from tests.test_pdf_chars import lines, reads_as_the_report  # noqa: E402,F401  (the fixture and its check)

PAGE_W, PAGE_H = 700.0, 1000.0            # one page of the report (text_pdf's default)


def shifted(runs: list[Run], dx: float) -> list[Run]:
    return [Run(r.text, r.x + dx, r.y, r.size, r.angle, r.grey) for r in runs]


def two_up(pages: list[list[Run]]) -> bytes:
    """The pages printed two to a landscape sheet, left then right."""
    sheets = [pages[i] + shifted(pages[i + 1], PAGE_W) if i + 1 < len(pages) else pages[i]
              for i in range(0, len(pages), 2)]
    return text_pdf(sheets, size=(2 * PAGE_W, PAGE_H))


@pytest.mark.parametrize("at", [20, 33, 50])
def test_a_report_printed_two_pages_to_a_sheet_reads_as_the_report(lines: list[str], at: int) -> None:
    """The report's lines on two pages (broken at line ``at``: in the narrative, in 表三, in 表四) on one sheet."""
    pages = [lines_runs(lines[:at]), lines_runs(lines[at:])]
    assert pdf_to_text(two_up(pages)) == pdf_to_text(text_pdf(pages))
    reads_as_the_report(two_up(pages), lines)


def test_three_pages_on_two_sheets_read_in_order() -> None:
    pages = [lines_runs(["一、总体情况", "本机关全年主动公开政府信息1203条。"]),
             lines_runs(["二、主动公开政府信息情况", "行政许可\t3150"]),
             lines_runs(["六、其他需要报告的事项", "本年度未收取信息处理费。"])]
    assert pdf_to_text(two_up(pages)).split("\n") == [
        "一、总体情况", "本机关全年主动公开政府信息1203条。", "二、主动公开政府信息情况", "行政许可\t3150",
        "六、其他需要报告的事项", "本年度未收取信息处理费。", ""]


def framed(x0: float, x1: float) -> list[Rule]:
    """The border a PDF printer draws around a page it shrinks onto a sheet."""
    return [Rule(x0, 10, x1, 10), Rule(x0, 990, x1, 990), Rule(x0, 10, x0, 990), Rule(x1, 10, x1, 990)]


def test_two_pages_each_in_a_printed_border_read_as_two_pages() -> None:
    """The gutter is the narrow gap between the two borders (a fiftieth of the sheet's width)."""
    pages = [lines_runs(["一、总体情况", "本机关全年主动公开政府信息1203条。"]),
             lines_runs(["二、主动公开政府信息情况", "行政许可\t3150"])]
    sheet = pages[0] + framed(10, 686) + shifted(pages[1], PAGE_W) + framed(713, 1390)
    assert pdf_to_text(text_pdf([sheet], size=(2 * PAGE_W, PAGE_H))).split("\n") == [
        "一、总体情况", "本机关全年主动公开政府信息1203条。", "二、主动公开政府信息情况", "行政许可\t3150", ""]


def _pages(content: list[Run | Rule]) -> int:
    with pdfplumber.open(io.BytesIO(text_pdf([content], size=(2 * PAGE_W, PAGE_H)))) as pdf:
        return len(sheet_pages(pdf.pages[0]))


def test_a_landscape_table_whose_rules_cross_the_middle_is_one_page() -> None:
    rows = lines_runs(["行政处罚\t12", "行政强制\t7"], left=30) + lines_runs(["行政许可\t3150"], left=730)
    assert _pages(rows) == 2
    assert _pages(rows + [Rule(20, 950, 1380, 950)]) == 1


def test_two_blocks_at_other_margins_are_one_page() -> None:
    """A landscape page printing a table without rules whose column gap lies at the middle of the page."""
    left = lines_runs(["一、本年新收政府信息公开申请数量\t12", "二、上年结转政府信息公开申请数量\t3"], left=300)
    right = lines_runs(["5\t0\t0\t0\t17", "0\t0\t1\t0\t4"], left=760)
    assert _pages(left + right) == 1
    assert _pages(left + shifted(left, PAGE_W)) == 2


def test_a_portrait_page_is_one_page() -> None:
    runs = lines_runs(["行政处罚\t12"], left=30) + lines_runs(["行政许可\t3150"], left=380)
    with pdfplumber.open(io.BytesIO(text_pdf([runs], size=(PAGE_W, PAGE_H)))) as pdf:
        assert len(sheet_pages(pdf.pages[0])) == 1
