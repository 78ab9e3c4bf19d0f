"""A table shown in an ``<iframe srcdoc="…">`` (a page of its own, written escaped into the attribute) is read where
the frame stands, as that page's lines; a frame without a ``srcdoc`` (a link to another page) and a hidden frame are
not read, and frames inside frames are read two deep at most."""

from __future__ import annotations

import re
from html import escape

import pytest

from llm_extract import process_document
from llm_extract.evidence import Status
from llm_extract.ingest import load_bytes
from llm_extract.ingest.html import html_to_text
from tests.fixtures.ingest.form2021 import CLEAN_SEEDS, golden_report
from tests.fixtures.ingest.html_page import trs_page

_TABLE = re.compile(r"<table\b.*?</table>", re.S)


def _framed(page: str) -> str:
    return _TABLE.sub(lambda m: f'<iframe width="100%" frameborder="0" srcdoc="{escape(m.group(0))}"></iframe>', page)


@pytest.mark.parametrize("stem", CLEAN_SEEDS[:2])
def test_a_report_whose_tables_are_in_srcdoc_frames_reads_as_its_golden_report(stem: str) -> None:
    report = golden_report(stem)
    page = _framed(trs_page(report))
    assert "<table" not in page.replace("&lt;table", "")
    record = process_document(load_bytes(page.encode(), doc_id="x", suffix=".html"))
    assert record.report.values() == report.values()
    assert all(v.status == Status.PROVEN for v in record.provenance.values())


def test_the_frames_lines_stand_where_the_frame_does() -> None:
    frame = escape("<html><body><table><tr><td>规章</td><td>&nbsp;</td><td>3</td></tr></table></body></html>")
    page = f'<html><body><p>二、主动公开政府信息情况</p><iframe srcdoc="{frame}">不支持框架</iframe><p>三、</p></body></html>'
    assert html_to_text(page) == "二、主动公开政府信息情况\n\t规章\n\t\n\t3\n\n三、\n"


def test_a_frame_of_another_page_and_a_hidden_frame_are_not_read() -> None:
    frame = escape("<table><tr><td>规章</td><td>3</td></tr></table>")
    page = (f'<p>二、</p><iframe src="table.html">不支持框架</iframe>'
            f'<iframe style="display:none" srcdoc="{frame}"></iframe><p>三、</p>')
    assert html_to_text(page) == "二、\n三、\n"


def test_frames_are_read_two_deep() -> None:
    inner = escape("<p>第三层</p>")
    middle = escape(f'<p>第二层</p><iframe srcdoc="{inner}"></iframe>')
    outer = escape(f'<p>第一层</p><iframe srcdoc="{middle}"></iframe>')
    assert html_to_text(f'<p>页面</p><iframe srcdoc="{outer}"></iframe>') == "页面\n第一层\n第二层\n"


def test_a_frame_in_a_tables_cell_makes_the_cell_layout() -> None:
    frame = escape("<table><tr><td>规章</td><td>3</td></tr></table>")
    page = f'<table><tr><td>说明<iframe srcdoc="{frame}"></iframe></td><td>x</td></tr></table>'
    assert html_to_text(page).split("\n")[:5] == ["说明", "\t规章", "\t3", "", "\tx"]
