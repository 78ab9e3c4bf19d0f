"""A crawler's dump joined with tabs (every cell and every row parted by one tab): the tab before the next row is
the rows' separator, not an empty cell."""

from __future__ import annotations

from llm_extract.extract.inline import unfold

# a 表二 whose 现行有效件数 column the PDF text printed elsewhere, joined onto one line with tabs (damaged copy of a
# plain pdftotext text): each stock row shows two numbers for its three cells
DUMP = ("二、主动公开政府信息情况\t第二十条第（一）项\t信息内容\t本年制发件数\t本年废止件数\t规章\t12\t8\t"
        "行政规范性文件\t40\t0\t第二十条第（五）项\t信息内容\t本年处理决定数量\t行政许可\t10852\t"
        "第二十条第（六）项\t信息内容\t本年处理决定数量\t行政处罚\t206\t行政强制\t0\t"
        "三、收到和处理政府信息公开申请情况\t一、本年新收政府信息公开申请数量\t3\t0\t0\t0\t0\t0\t3\t"
        "二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\t三、本年度办理结果\t（一）予以公开\t2\t0\t0\t0\t0\t0\t2\t"
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t1\t0\t0\t0\t0\t0\t1\t"
        "（三）不予公开\t1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0\t2.其他法律行政法规禁止公开\t0\t0\t0\t0\t0\t0\t0")


def _row(label: str) -> str:
    lines, _ = unfold(["一、总体情况", DUMP])
    return next(line for line in lines if line.startswith(label))


def test_the_tab_before_the_next_row_is_no_empty_third_cell() -> None:
    # read as 40, 0 and an empty 现行有效件数, the blank was proven where the report has 40
    assert _row("行政规范性文件").split("\t")[1:] == ["40", "0"]


def test_an_empty_cell_still_shows_as_two_tabs_before_the_next_row() -> None:
    lines, _ = unfold(["一、总体情况", DUMP.replace("规章\t12\t8\t", "规章\t12\t8\t\t")])
    row = next(line for line in lines if line.startswith("规章"))
    assert row.split("\t")[1:] == ["12", "8", ""]
