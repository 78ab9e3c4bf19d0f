"""What a reader of a web page does not see is not read: copies of the article hidden for print or
mobile, Word's deleted revisions, characters that print as nothing. What the page says about
itself outside the article (its <title>) names a report whose article prints no title."""

from __future__ import annotations

import re

import pytest

from llm_extract import process_document
from llm_extract.evidence import Status
from llm_extract.ingest import load_bytes
from llm_extract.ingest.html import html_to_text
from tests.fixtures.ingest.form2021 import golden_report
from tests.fixtures.ingest.html_page import trs_page

STEM = "002_0126e23b7202ee31"


def _article(page: str) -> str:
    return page[page.index("<body"):page.rindex("</body>")].split(">", 1)[1]


def _with_copy(hidden_copy: str, head: str = "") -> str:
    """A TRS page whose article is printed a second time inside ``hidden_copy`` (``{}`` marks where)."""
    page = trs_page(golden_report(STEM))
    return page.replace("</head>", head + "</head>").replace("</body>", hidden_copy.format(_article(page)) + "</body>")


@pytest.mark.parametrize("copy, head", [
    ('<div style="display: none">{}</div>', ""),
    ('<div style="VISIBILITY:hidden;height:0">{}</div>', ""),
    ("<div hidden>{}</div>", ""),
    ('<div class="mobile-copy x">{}</div>', "<style>/* 手机版 */ .mobile-copy { display:none }</style>"),
    ('<section id="print">{}</section>', "<style>p { margin:0 } section#print, .other { visibility: hidden }</style>"),
])
def test_a_hidden_copy_of_the_article_is_not_read(copy: str, head: str) -> None:
    page = _with_copy(copy, head)
    text = html_to_text(page)
    assert text == html_to_text(trs_page(golden_report(STEM)))
    record = process_document(load_bytes(page.encode("utf-8"), doc_id="p", suffix=".html"))
    assert record.report.values() == golden_report(STEM).values()


def test_a_copy_hidden_for_one_medium_only_is_read_and_then_read_once() -> None:
    """``@media print { .screen {display:none} }`` hides for print: on screen both copies show, and the
    file is one report printed twice (llm_extract.multireport), read from its first copy."""
    page = _with_copy('<div class="screen">{}</div>', "<style>@media print { .screen { display:none } }</style>")
    text = html_to_text(page)
    assert len(re.findall("收到和处理政府信息公开申请情况", text)) == 2


def test_a_report_that_the_page_only_shows_by_script_is_still_read() -> None:
    page = trs_page(golden_report(STEM))
    body = _article(page)
    page = page.replace(body, f'<div id="content" style="display:none">{body}</div><script>show()</script>')
    assert "收到和处理政府信息公开申请情况" in html_to_text(page)


def test_words_deleted_in_a_tracked_revision_are_not_read() -> None:
    text = html_to_text("<table><tr><td>行政许可</td><td><del cite='mailto:x'>13</del><ins>14</ins></td></tr></table>")
    assert text == "\t行政许可\n\t14\n\n"


def test_a_cell_hidden_by_visibility_is_a_blank_cell_in_its_place() -> None:
    """``visibility:hidden`` leaves the cell's box in its row, empty: the reader sees a blank there, and the cells
    after it keep their columns (taken out of the row, a 0 hidden in 规章's first column made 0 5 the first two);
    ``display:none`` takes the cell out of the row."""
    row = '<td>规章</td><td style="visibility: hidden">3</td><td>0</td><td>5</td><td style="display:none">7</td>'
    page = f"<p>二、主动公开政府信息情况</p><table><tr>{row}</tr></table>"
    assert html_to_text(page) == "二、主动公开政府信息情况\n\t规章\n\t\n\t0\n\t5\n\n"


def test_characters_that_print_as_nothing_do_not_split_a_number_or_a_label() -> None:
    page = trs_page(golden_report(STEM))
    page = re.sub(r">(\d)(\d+)<", lambda m: f">{m.group(1)}\u200b<span>\ufeff{m.group(2)}</span><", page)
    page = page.replace("行政许可", "行政\u200d许可")
    record = process_document(load_bytes(page.encode("utf-8"), doc_id="p", suffix=".html"))
    assert record.report.values() == golden_report(STEM).values()
    assert all(p.status is Status.PROVEN for p in record.provenance.values())


def test_an_article_without_a_title_line_is_named_by_the_pages_title() -> None:
    page = trs_page(golden_report(STEM))
    title = re.search(r'<div class="title">(.*?)</div>', page).group(1)
    page = page.replace(f'<div class="title">{title}</div>', "").replace(
        "<head>", f'<head><meta name="ArticleTitle" content="{title}"><title>首页_门户网站</title>')
    record = process_document(load_bytes(page.encode("utf-8"), doc_id="p", suffix=".html"))
    expected = golden_report(STEM)
    assert (record.report.agency, record.report.year) == (expected.agency, expected.year)


@pytest.mark.parametrize("heading", ["政府信息公开工作年度报告", "{year}年政府信息公开工作年度报告", "{year}年度政府信息公开年报"])
def test_an_article_whose_title_names_no_body_is_named_by_the_pages_title(heading: str) -> None:
    """A department's page heads its article 2023年政府信息公开工作年度报告; its <title> names the body: the
    agency (and the year) are the <title>'s, read from a first line of its own."""
    expected = golden_report(STEM)
    page = trs_page(expected)
    title = re.search(r'<div class="title">(.*?)</div>', page).group(1)
    page = page.replace(f'<div class="title">{title}</div>',
                        f'<div class="title">{heading.format(year=expected.year)}</div>').replace(
        "<head>", f"<head><title>{title}_门户网站</title>")
    doc = load_bytes(page.encode("utf-8"), doc_id="p", suffix=".html")
    assert doc.lines[0] == f"{title}_门户网站"
    record = process_document(doc)
    assert (record.report.agency, record.report.year) == (expected.agency, expected.year)
    assert record.report.values() == expected.values()


def test_a_pages_title_naming_no_body_is_not_put_before_an_article_that_prints_its_own() -> None:
    page = trs_page(golden_report(STEM)).replace("<head>", "<head><title>政府信息公开年报_门户网站</title>")
    assert load_bytes(page.encode("utf-8"), doc_id="p", suffix=".html").lines[0] != "政府信息公开年报_门户网站"
