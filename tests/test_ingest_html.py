"""HTML report pages (TRS/CMS sites, GBK declared in a meta tag) read exactly like the Word text exports."""

from __future__ import annotations

from pathlib import Path

import pytest

from llm_extract import EmptyDocumentError, load, process_document
from llm_extract.evidence import Status
from llm_extract.ingest import SUPPORTED_SUFFIXES, iter_inputs, load_bytes
from llm_extract.ingest.html import decode_html, html_to_text
from tests.fixtures.ingest.form2021 import CLEAN_SEEDS, golden_report
from tests.fixtures.ingest.html_page import trs_page


def _write_gbk(tmp_path: Path, name: str, html: str) -> Path:
    path = tmp_path / name
    path.write_bytes(html.encode("gbk"))
    return path


@pytest.mark.parametrize("stem", CLEAN_SEEDS)
def test_a_gbk_trs_page_reads_as_its_golden_report_with_every_field_proven(tmp_path: Path, stem: str) -> None:
    report = golden_report(stem)
    doc = load(_write_gbk(tmp_path, f"{stem}.html", trs_page(report)))
    assert (doc.source_kind, doc.encoding) == ("html", "gb18030")
    record = process_document(doc)
    assert record.report.values() == report.values()
    assert {p: v.status for p, v in record.provenance.items() if v.status != Status.PROVEN} == {}


def test_a_site_laid_out_in_tables_reads_the_same(tmp_path: Path) -> None:
    report = golden_report("003_d677def7845cc038")
    record = process_document(load(_write_gbk(tmp_path, "page.htm", trs_page(report, table_layout=True))))
    assert record.report.values() == report.values()
    assert all(v.status == Status.PROVEN for v in record.provenance.values())


@pytest.mark.parametrize("table_layout", [False, True])
def test_scripts_head_and_site_chrome_are_dropped_and_the_title_comes_first(table_layout: bool) -> None:
    text = html_to_text(trs_page(golden_report("003_d677def7845cc038"), table_layout=table_layout))
    lines = [line for line in text.splitlines() if line.strip()]
    assert lines[0] == "新乡市牧野区人民政府2021年政府信息公开工作年度报告"
    for chrome in ("首页", "当前位置", "请输入关键字", "IPv6", "_hmt", "统计", "门户网站", "版权所有", "分享到",
                   "document.write"):
        assert chrome not in text, chrome


def test_table_cells_are_one_per_line_with_merged_cells_once_and_blank_cells_as_tab_only_lines() -> None:
    html = """<table><tr><td rowspan="2" colspan="2"><p><span>三、本年度办理结果</span></p></td>
    <td><p>（一）予以公开</p></td><td><span>1</span><span>2</span></td><td>&nbsp;</td></tr>
    <tr><td><p>（二）部分公开</p><p>（区分处理的）</p></td><td> 3 </td><td></td></tr></table>"""
    assert html_to_text(html) == ("\t三、本年度办理结果\n\t（一）予以公开\n\t12\n\t\n\n"
                                  "\t（二）部分公开 （区分处理的）\n\t3\n\t\n\n")


def test_paragraphs_headings_and_line_breaks_become_lines() -> None:
    html = "<h1>某县2021年政府信息公开工作年度报告</h1><p>　　一、总体情况<br/>共收到申请&nbsp;6件</p><div><p></p></div>"
    assert html_to_text(html) == "某县2021年政府信息公开工作年度报告\n一、总体情况\n共收到申请 6件\n"


def test_nested_tables_are_flattened_in_document_order() -> None:
    html = ("<table><tr><td>外一</td><td>前文<table><tr><td>内一</td><td>内二</td></tr></table>后文</td>"
            "<td>外二</td></tr></table>")
    assert html_to_text(html) == "\t外一\n前文\n\t内一\n\t内二\n\n后文\n\t外二\n\n"


@pytest.mark.parametrize("chrome", ["nav", "side"])
def test_chrome_that_holds_the_report_is_kept(chrome: str) -> None:
    """An unclosed navigation div (or a side column's: a template that puts the article in a side-named element)
    runs to the end of the page: its content is the report, its table naming the form's rows, not chrome."""
    report = golden_report("003_d677def7845cc038")
    page = trs_page(report).replace('<div class="content">', f'<div class="{chrome}"><div class="content">', 1)
    assert process_document(load_bytes(page.encode("utf-8"), doc_id="p", suffix=".html")).report.values() \
        == report.values()


def test_a_closed_navigation_element_around_short_links_is_removed() -> None:
    html = '<nav><a>首页</a></nav><header><p>站点</p></header><article><header><h1>标题</h1></header><p>正文</p></article>'
    assert html_to_text(html) == "标题\n正文\n"


def test_the_declared_gbk_charset_decodes_a_markup_heavy_page_as_gb18030() -> None:
    """Little Chinese text under much CSS: the declaration, not detection, gets it right."""
    css = "".join(f".c{i} {{ margin: {i}px; padding: 0; }}\n" for i in range(60))
    page = f'<html><head><meta charset="GBK"><style>{css}</style></head><body><p>行政许可 15498</p><p>牧野区</p>'
    assert decode_html(page.encode("gbk")) == (page, "gb18030")


def test_a_page_saved_as_utf8_under_an_old_gb2312_declaration_reads_as_utf8() -> None:
    page = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312"><p>红旗区人民政府办</p>'
    assert page.encode("utf-8").decode("gb18030") != page     # the declaration alone gives mojibake
    text, encoding = decode_html(page.encode("utf-8"))
    assert (text, encoding) == (page, "utf-8")


def test_a_page_without_a_declaration_is_detected() -> None:
    page = "<html><body><p>红旗区人民政府2021年政府信息公开工作年度报告，共收到政府信息公开申请6件。</p></body></html>"
    assert decode_html(page.encode("gb18030")) == (page, "gb18030")


@pytest.mark.parametrize("content", [b"", b"   \n", "<html><head><title>年报</title></head><body><script>x()</script>"
                                                  "</body></html>".encode("utf-8")])
def test_an_html_page_without_text_is_an_empty_document_named_by_its_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "blank_page.html"
    path.write_bytes(content)
    with pytest.raises(EmptyDocumentError, match="blank_page.html"):
        load(path)


def test_a_doc_that_is_a_word_web_page_reads_as_html(tmp_path: Path) -> None:
    report = golden_report("001_486c4dbf7b9bad2b")
    path = _write_gbk(tmp_path, "report.doc", trs_page(report))
    doc = load(path)
    assert doc.source_kind == "html"
    assert process_document(doc).report.values() == report.values()


def test_directories_yield_html_pages(tmp_path: Path) -> None:
    for name in ("a.html", "b.HTM", "c.txt", "d.css", "e.shtml"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert {".html", ".htm", ".shtml"} <= set(SUPPORTED_SUFFIXES)
    # every file is an input (d.css then fails by name: a folder never drops a file without a word)
    assert [p.name for p in iter_inputs([tmp_path])] == ["a.html", "b.HTM", "c.txt", "d.css", "e.shtml"]


def test_a_markup_heavy_gbk_page_without_a_declaration_is_read_as_gbk() -> None:
    """Crawled pages often drop the <meta charset>: GBK bytes under much CSS and script, where a
    statistical guess picks a Latin code page and the report would be refused as "not a report"."""
    css = "".join(f".c{i} {{ margin: {i}px; padding: 0; }}\n" for i in range(80))
    page = (f'<html><head><style>{css}</style><script>var s = "{"x" * 900}";</script></head><body>'
            "<p>红旗区人民政府2021年政府信息公开工作年度报告</p><p>行政许可（件）：15498，行政处罚“65”件</p></body></html>")
    assert len(page) > 20 * sum(1 for c in page if c > "\x7f")     # ideographs are under 5 % of the page
    assert decode_html(page.encode("gbk")) == (page, "gb18030")
