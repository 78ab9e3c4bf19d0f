"""The lxml HTML converter prints the same lines as the html.parser one it replaced (tests/html_reference.py),
on every kind of page the project reads; where it deliberately differs, the tests below say why it is better."""

from __future__ import annotations

import random
from html import escape
from pathlib import Path

import pytest

from llm_extract.ingest.html import html_to_text
from llm_extract.synth import render
from llm_extract.synth.records import random_report
from llm_extract.synth.wild import render_wild
from tests.fixtures.ingest.form2021 import CLEAN_SEEDS, golden_report
from tests.fixtures.ingest.html_page import trs_page
from tests.html_reference import reference_html_to_text

GOLDEN = Path(__file__).resolve().parent.parent / "golden"


def _text_page(text: str) -> str:
    """A text export as a plain site publishes it: paragraphs, each tab row a table row, cells in <p><span>."""
    body, rows = [], []
    for line in [*text.split("\n"), ""]:
        if "\t" in line:
            rows.append("<tr>" + "".join(f"<td><p><span>{escape(c)}</span></p></td>" for c in line.split("\t"))
                        + "</tr>")
            continue
        if rows:
            body.append("<table border='1'>" + "".join(rows) + "</table>")
            rows = []
        if line.strip():
            body.append(f"<p>{escape(line)}</p>")
    return ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>年报</title></head><body>"
            f"<div class='nav'><a href='/'>首页</a></div><div class='article'>{''.join(body)}</div></body></html>")


def _pages() -> list[tuple[str, str]]:
    pages = [(f"trs-{stem}-{layout}", trs_page(golden_report(stem), table_layout=layout))
             for stem in CLEAN_SEEDS for layout in (False, True)]
    pages += [(f"golden-{p.stem}", _text_page(p.read_text(encoding="utf-8"))) for p in sorted(GOLDEN.glob("*.txt"))]
    for seed in range(40):
        report = random_report(random.Random(seed), f"d{seed}")
        pages.append((f"wild-{seed}", render_wild(report, "html_spans", seed).text))
        if seed < 10:
            pages.append((f"tabrows-{seed}", _text_page(render(report, "tabrows", seed=seed))))
    return pages


@pytest.mark.parametrize(("name", "page"), _pages(), ids=lambda v: v if len(v) < 40 else "")
def test_a_report_page_reads_line_for_line_as_before(name: str, page: str) -> None:
    assert html_to_text(page) == reference_html_to_text(page)


SNIPPETS = [
    "<p>x&nbsp;&nbsp;y &lt;z&gt; &unknown; &amp &nbspz &#20013;&#x4e2d;</p>",          # entities, even unterminated
    "<p>a<!-- x --> b</p><!--[if gte mso 9]><xml>x</xml><![endif]--><p>y</p>",            # comments, Word's too
    "<p><span>一、</span> <span>总体</span></p><p>a<img src=x> <b>y</b></p>",              # spaces between inline tags
    "<p>a<br>b<br/>c</p><p>d</br>e</p><td>1</br>2</td>",                                    # every kind of break
    "a</p>b<p><div>x</div>y</p>z",                                                          # stray </p>: a new line
    "<P CLASS=NAV>x</P>y<TD COLSPAN=2>z</TD><td nowrap>w</td>",                             # upper case, bare attributes
    "<p>a<![if !supportLists]>1.<![endif]>b</p><o:p></o:p>c<o:p>d</o:p>",                   # Word's markup
    "<ul><li>a<li>b</ul><dl><dt>c<dd>d</dl>",                                                # implied ends
    "<table><tr><td>a<td>b<tr><td>c</table><table><td>outside a row</td></table>",          # implied cells, no row
    "<html><head><title>t</title><body><p>in an unclosed head</p>",                         # the body starts anyway
    "<script>document.write('<p>x</p>')</script><style>p{}</style><textarea><p>t</p></textarea>after",
    "<select><option>a</option></select><button>b</button><noscript>c</noscript><p>d</p>",
    "<nav><a>首页</a></nav><header><p>站点</p></header><article><header><h1>标题</h1></header><p>正文</p></article>",
    '<div class="nav"><div class="content"><h1>标题</h1><p>正文</p></div></div><div id="footer">版权所有</div>',
    "<table><tr><td>外一</td><td>前文<table><tr><td>内一</td></tr></table>后文</td></tr></table>",
    "\r\n<p>a\r\nb\rc\t\x0bd</p>",
    "",
    "just text, no markup",
]


@pytest.mark.parametrize("snippet", SNIPPETS)
def test_markup_edge_cases_read_as_before(snippet: str) -> None:
    assert html_to_text(snippet) == reference_html_to_text(snippet)


# --- where the lxml converter deliberately differs ---------------------------------------------------------

def test_an_unclosed_chrome_element_ends_with_its_parent_so_later_chrome_is_removed_too() -> None:
    """html.parser never closed the breadcrumb <span>: the old converter kept it and, tracking one chrome
    element at a time, the footer as well. libxml2 ends the span with its <div>, as a browser does."""
    page = ('<div class="content"><p>正文</p><span class="position">当前位置：首页</div>'
            '<p>一段</p><div class="footer">版权所有</div>')
    assert reference_html_to_text(page) == "正文\n当前位置：首页\n一段\n版权所有\n"
    assert html_to_text(page) == "正文\n一段\n"


def test_a_pre_prints_its_lines_and_tabs_as_a_browser_does() -> None:
    """A report published as preformatted text (a text export in <pre>, tests/test_html_pre_report.py): its lines
    and its tab-separated cells stay as printed; the old converter ran them into one line."""
    page = "<p>x</p><pre>\n一、本年新收\t3\t0\n\t（一）予以公开<br>2\t0</pre><p>y</p>"
    assert reference_html_to_text(page) == "x\n一、本年新收 3 0 （一）予以公开\n2 0\ny\n"
    assert html_to_text(page) == "x\n一、本年新收\t3\t0\n\t（一）予以公开\n2\t0\ny\n"


def test_an_unclosed_dropped_element_ends_with_its_parent_instead_of_swallowing_the_page() -> None:
    page = "<div>a<svg><text>x</text></div><p>after</p>"
    assert reference_html_to_text(page) == "a\n"
    assert html_to_text(page) == "a\nafter\n"


def test_a_head_left_open_without_a_body_tag_ends_where_the_page_content_starts() -> None:
    page = "<html><head><title>年报</title><p>正文</p>"
    assert reference_html_to_text(page) == "\n"                  # all of it dropped as <head>
    assert html_to_text(page) == "年报\n正文\n"        # (the article prints no title: the page's <title> leads)


def test_a_nul_character_reads_as_the_replacement_character_and_a_huge_comment_stays_a_comment() -> None:
    assert html_to_text("<p>a\x00b</p>") == "a\ufffdb\n"
    assert html_to_text("<p>x</p><!--" + "c" * 11_000_000 + "--><p>y</p>") == "x\ny\n"   # past libxml2's 10 MB limit


def test_a_page_nested_a_hundred_thousand_deep_is_read() -> None:
    """Every parser event costs O(1): the old converter scanned its stack of open elements at each tag
    (quadratic: minutes for this page)."""
    assert html_to_text("<div>" * 100_000 + "深" + "<span>" * 100_000 + "处") == "深处\n"
    assert html_to_text("<table><tr><td>" * 5_000 + "格").count("\t") == 1
