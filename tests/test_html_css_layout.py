"""Tables a page builds of ``<div>``s styled by its own style sheet: a class displayed as ``flex`` is a table's
row whose children (``<span>`` boxes too) are its cells; classes displayed as ``table`` / ``table-row`` /
``table-cell`` are a table, its rows and cells. Such a page reads as the same report in ``<table>`` markup."""

from __future__ import annotations

from html import escape

import pytest

from llm_extract import process_document
from llm_extract.evidence import Status
from llm_extract.ingest import load_bytes
from llm_extract.ingest.html import html_to_text
from tests.fixtures.ingest.form2021 import report_blocks, golden_report

_SHEET = (".tb{display:table;border-collapse:collapse}.tr{display:table-row}.td{display:table-cell}"
          ".fr{display:flex}.fr span{flex:1;border:1px solid #999}")


def _page(body: str, sheet: str = _SHEET) -> str:
    return f"<html><head><style>{sheet}</style></head><body>{body}</body></html>"


def _box(text: str, tag: str = "span", cls: str = "") -> str:
    return f"<{tag}{f' class={cls!r}' if cls else ''}>{escape(text) if text else '&nbsp;'}</{tag}>"


def _styled_page(stem: str, style: str) -> str:
    """The golden report with its tables as flex rows of <span> boxes (``flex``) or as a CSS table (``table``);
    a merged cell printed once, as a <table>'s is."""
    out = []
    for block in report_blocks(golden_report(stem)):
        if isinstance(block, str):
            out.append(f"<p>{escape(block)}</p>")
        elif style == "flex":
            out.append("<div class='grid'>" + "".join(
                "<div class='fr'>" + "".join(_box(c.text) for c in row) + "</div>" for row in block) + "</div>")
        else:
            out.append("<div class='tb'>" + "".join(
                "<div class='tr'>" + "".join(_box(c.text, "div", "td") for c in row) + "</div>" for row in block)
                + "</div>")
    return _page("".join(out))


@pytest.mark.parametrize("style", ["flex", "table"])
@pytest.mark.parametrize("stem", ["002_0126e23b7202ee31", "003_d677def7845cc038"])
def test_a_report_in_styled_divs_reads_as_its_golden_report(stem: str, style: str) -> None:
    record = process_document(load_bytes(_styled_page(stem, style).encode(), doc_id="x", suffix=".html"))
    assert record.report.values() == golden_report(stem).values()
    assert all(v.status == Status.PROVEN for v in record.provenance.values())


def test_the_children_of_a_flex_row_are_its_cells_whatever_their_tag() -> None:
    page = _page("<div class='fr'><span>一、本年新收政府信息公开申请数量</span><span>1<b>7</b>0</span>"
                 "<span>&nbsp;</span><a>208</a></div><div class='fr'><span>二、上年结转</span><em>0</em></div>")
    assert html_to_text(page).split("\n")[:9] == [
        "\t一、本年新收政府信息公开申请数量", "\t170", "\t", "\t208", "", "\t二、上年结转", "\t0", "", ""]


def test_a_heading_or_a_paragraph_in_a_flex_row_stays_what_it_is() -> None:
    page = _page("<div class='fr'><h1>某局2021年政府信息公开工作年度报告</h1><span>打印</span></div>"
                 "<div class='fr'><span>规章</span><p>3</p></div>")
    assert html_to_text(page).split("\n")[:4] == ["某局2021年政府信息公开工作年度报告", "打印", "规章", "3"]


def test_a_style_sheets_table_classes_make_a_table_with_its_blank_cells() -> None:
    page = _page("<div class='tb'><div class='tr'><div class='td'>规章</div><div class='td'>&nbsp;</div>"
                 "<div class='td'>3</div></div></div>")
    assert html_to_text(page).split("\n")[:4] == ["\t规章", "\t", "\t3", ""]


def test_without_the_style_sheet_the_same_divs_are_paragraphs() -> None:
    page = _page("<div class='fr'><span>规章</span><span>3</span></div><div class='tb'><div class='tr'>"
                 "<div class='td'>行政许可</div><div class='td'>5</div></div></div>", sheet=".other{color:red}")
    assert html_to_text(page).split("\n")[:3] == ["规章3", "行政许可", "5"]


@pytest.mark.parametrize("sheet", [".fr{display:flex;flex-direction:column}", "@media print{.fr{display:flex}}",
                                   "div .fr{display:flex}", ".fr{display:flexbox}"])
def test_a_column_of_boxes_and_rules_not_followed_make_no_row(sheet: str) -> None:
    page = _page("<div class='fr'><span>规章</span><span>3</span></div>", sheet=sheet)
    assert html_to_text(page).split("\n")[0] == "规章3"


def test_an_elements_own_style_comes_before_its_classes() -> None:
    page = _page("<div class='fr' style='display:block'><span>规章</span><span>3</span></div>")
    assert html_to_text(page).split("\n")[0] == "规章3"


def test_a_hidden_box_is_no_cell() -> None:
    page = _page("<p>二、主动公开政府信息情况</p><div class='fr'><span>规章</span><span class='gone'>9</span>"
                 "<span>3</span></div>", sheet=_SHEET + ".gone{display:none}")
    assert html_to_text(page).split("\n")[:4] == ["二、主动公开政府信息情况", "\t规章", "\t3", ""]


def test_a_flex_row_of_layout_is_still_no_table_row() -> None:
    paragraph = "全年共收到政府信息公开申请208件，均按时答复。" * 6
    page = _page(f"<div class='fr'><span>一、总体情况</span><span>{paragraph}</span></div><p>二、</p>")
    assert html_to_text(page).split("\n")[:3] == ["一、总体情况", paragraph, "二、"]


def test_a_void_element_between_boxes_is_no_cell() -> None:
    page = _page("<div class='fr'><span>规章</span><br><img src='x.png'><span>3</span></div>")
    assert [line for line in html_to_text(page).split("\n") if line.startswith("\t")] == ["\t规章", "\t3"]

