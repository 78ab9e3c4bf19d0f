"""A web page whose table is a CSS grid of ``<div>``s (``role="table"`` / ``role="cell"``, each cell placed by
``grid-row`` / ``grid-column``): it is read as a table, an empty cell a blank cell, a row ending where the
cells' grid row changes."""

from __future__ import annotations

from llm_extract.ingest.html import html_to_text


def _cell(row: int, col: int, text: str) -> str:
    return (f'<div class="td" role="cell" style="grid-row:{row} / span 1;grid-column:{col} / span 1">'
            f'<div class="p">{text}</div></div>')


_PAGE = ('<html><body><div role="table" style="display:grid;grid-template-columns:repeat(3, auto)">'
         + _cell(1, 1, "一、本年新收政府信息公开申请数量") + _cell(1, 2, "20") + _cell(1, 3, "")
         + _cell(2, 1, "二、上年结转政府信息公开申请数量") + _cell(2, 2, "") + _cell(2, 3, "0")
         + "</div><p>四、其他</p></body></html>")


def test_a_css_grid_of_divs_is_a_table() -> None:
    lines = html_to_text(_PAGE).split("\n")
    assert lines[:9] == ["\t一、本年新收政府信息公开申请数量", "\t20", "\t", "",
                         "\t二、上年结转政府信息公开申请数量", "\t", "\t0", "", "四、其他"]


def test_divs_without_a_table_role_stay_paragraphs() -> None:
    page = '<html><body><div class="a"><div>一、总体情况</div><div></div><div>20</div></div></body></html>'
    assert html_to_text(page).split("\n")[:2] == ["一、总体情况", "20"]


def _flex_row(*cells: str) -> str:
    return ('<div class="r" style="display:flex;flex-direction:row">'
            + "".join(f'<div style="flex:1">{c}</div>' for c in cells) + "</div>")


def test_flex_rows_of_div_boxes_are_a_tables_rows() -> None:
    page = ("<html><body><div>" + _flex_row("一、本年新收政府信息公开申请数量", "170", "", "208")
            + '<div style="display:flex"><div>二、上年结转政府信息公开申请数量</div>'
            + "<div>0</div></div></div></body></html>")
    assert html_to_text(page).split("\n")[:8] == [
        "\t一、本年新收政府信息公开申请数量", "\t170", "\t", "\t208", "",
        "\t二、上年结转政府信息公开申请数量", "\t0", ""]


def test_a_flex_layout_is_no_table_row() -> None:
    paragraph = "全年共收到政府信息公开申请208件，均按时答复。" * 6
    page = ("<html><body>" + _flex_row("湖州市人民政府门户网站") + _flex_row("一、总体情况", paragraph)
            + '<div style="display:flex"><div>相关链接</div><div><table><tr><td>规章</td><td>0</td></tr></table>'
            + "</div></div></body></html>")
    lines = html_to_text(page).split("\n")
    assert lines[:3] == ["湖州市人民政府门户网站", "一、总体情况", paragraph]
    assert ["\t规章", "\t0"] == [line for line in lines if line.startswith("\t") and line != "\t相关链接"]
