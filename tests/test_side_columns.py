"""A government page's side column: links to the same body's reports of other years, a hot list, a calendar.

CMS templates print it beside the article, often before it in the page's source. Its links read like the
report's title (``XX局2022年政府信息公开工作年度报告``) and its calendar is a table of numbers; neither is the
report's: the side column is left out as site chrome, and where a page's head still names several years (a side
column the page does not mark), the year is the statistics period's or a person's to say, never a link's.
"""

from __future__ import annotations

from llm_extract import process_document
from llm_extract.evidence import CellKind, Status
from llm_extract.extract.meta import read_meta
from llm_extract.ingest import load_bytes
from llm_extract.ingest.html import html_to_text
from tests.fixtures.ingest.form2021 import golden_report
from tests.fixtures.ingest.html_page import trs_page

_CALENDAR = ("<table><tr>" + "".join(f"<th>{d}</th>" for d in "日一二三四五六") + "</tr>"
             + "".join("<tr>" + "".join(f"<td>{d if d <= 31 else ''}</td>" for d in range(w * 7 + 1, w * 7 + 8))
                       + "</tr>" for w in range(5)) + "</table>")


def _side(agency: str, years: tuple[int, ...], cls: str) -> str:
    links = "".join(f"<li><a href='/{y}.html'>{agency}{y}年政府信息公开工作年度报告</a></li>" for y in years)
    return (f"<div class='{cls}'><h3>相关文章</h3><ul>{links}</ul><h3>热点排行</h3>"
            f"<ol><li>2023年全市经济运行情况 增长5.2%</li></ol>{_CALENDAR}</div>")


def test_a_side_column_before_the_article_is_left_out_and_the_report_reads_as_without_it() -> None:
    report = golden_report("003_d677def7845cc038")
    side = _side(report.agency, (report.year - 1, report.year - 2), "sidebar")
    page = trs_page(report).replace('<div class="content">', side + '<div class="content">', 1)
    record = process_document(load_bytes(page.encode("utf-8"), doc_id="p", suffix=".html"))
    assert record.report.values() == report.values()
    assert record.provenance["year"].status is Status.PROVEN
    assert "热点排行" not in "\n".join(load_bytes(page.encode("utf-8"), doc_id="p", suffix=".html").lines)


def test_an_aside_element_and_a_calendar_s_table_of_days_are_chrome() -> None:
    html = (f"<aside><p>相关链接</p><p>2022年政府信息公开工作年度报告</p></aside><div class='rili'>{_CALENDAR}</div>"
            "<h1>某局2023年政府信息公开工作年度报告</h1><p>一、总体情况</p>")
    assert html_to_text(html) == "某局2023年政府信息公开工作年度报告\n一、总体情况\n"


def test_links_to_other_years_reports_above_the_title_leave_the_year_to_the_statistics_period() -> None:
    """A side column the page does not mark: its links name the same body and other years before the article's
    own title. The head names three years; the statistics period names one of them: it is the year."""
    lines = ["相关文章", "鹤岗市牧野区人民政府2022年政府信息公开工作年度报告",
             "鹤岗市牧野区人民政府2021年政府信息公开工作年度报告",
             "鹤岗市牧野区人民政府2023年政府信息公开工作年度报告", "发布时间：2024-01-28",
             "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。"]
    meta = read_meta(lines)
    assert (meta["agency"].value, meta["year"].value, meta["year"].method) == (
        "鹤岗市牧野区人民政府", 2023, "statistics period")


def test_links_to_other_years_reports_without_a_statistics_period_leave_the_year_to_a_person() -> None:
    lines = ["相关文章", "鹤岗市牧野区人民政府2022年政府信息公开工作年度报告",
             "鹤岗市牧野区人民政府2023年政府信息公开工作年度报告", "一、总体情况"]
    meta = read_meta(lines)
    assert meta["year"].kind is CellKind.MISSING and meta["year"].value is None
    assert "2022" in (meta["year"].note or "") and "2023" in (meta["year"].note or "")
    assert meta["agency"].value == "鹤岗市牧野区人民政府"


def test_a_calendar_a_cell_to_a_line_does_not_push_the_title_out_of_the_head() -> None:
    """pandoc or a crawler's text of a page whose side column comes first: a link naming a year only, then a
    calendar's forty short lines, then the article's title, which names the body and the year and is taken."""
    days = [f"\t{d}" for d in "日一二三四五六"] + [f"\t{d}" for d in range(1, 32)]
    lines = ["相关文章", "2022年政府信息公开工作年度报告", *days, "发布时间：2024-01-28",
             "红旗区人民政府2023年政府信息公开工作年度报告", "一、总体情况"]
    meta = read_meta(lines)
    assert (meta["agency"].value, meta["year"].value, meta["year"].method) == ("红旗区人民政府", 2023, "title")
