"""表三 across pages in pdfminer's ``pdf2txt.py`` text (pdfx14's held-out sets: Chromium prints of CMS pages and
LibreOffice prints of Word files): the page the table starts on prints its rows' labels, then its numbers column by
column (自然人's cells of every row, then 商业企业's, …), the column headers' words before them or between two columns.
Where the pages below are not clean (Chromium's last page printing some of its numbers before its labels, a
page's numbers not seven a row), no chain of clean pages reaches up to it from 四、结转下年度; the header page's rows
are read alone, from their own labels and numbers, never proven (the order is the tool's: no identity checks which
row or column a cell is, the rows below unread)."""

from __future__ import annotations

from llm_extract.evidence import Method
from llm_extract.extract.t3pages import read_page_rows
from llm_extract.form import FORM
from verify.guesses import guessed

_ROWS = FORM.table3_row_keys
_COLS = FORM.table3_column_keys
#: the header page's six rows (一、本年新收 … 2.其他法律行政法规禁止公开)
_TOP = [[21, 3, 0, 0, 0, 0, 24], [0, 0, 0, 0, 0, 0, 0], [11, 1, 0, 0, 0, 0, 12], [0, 1, 0, 0, 0, 0, 1],
        [0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0]]
_HEADING = ["三、收到和处理政府信息公开申请情况", ""]
_HEADER = ["申请人情况", "", "本列数据的勾稽关系", "", "法人或其他组织", "", "自然人", "", "总计", "", "商业企业", "",
           "科研机构", "", "社会公益组织", "", "法律服务机构", "", "其他", ""]
_LABELS = ["一、本年新收政府信息公开申请数量", "", "二、上年结转政府信息公开申请数量", "", "三、本年度", "", "（一）予以公开", "",
           "办理结果", "", "（二）部分公开（区分", "", "处理的，只计这一情", "", "形，不计其他情形）", "", "（三）不予", "",
           "公开", "", "1.属于国家", "秘密", "", "2.其他法律", "行政法规禁", "", "止公开", ""]
#: the next page, not clean: fewer numbers than seven a row (the others printed elsewhere)
_LAST = ["第2页", "", "3.危及“三安全一稳定”", "", "4.保护第三方合法权益", "", "5.属于三类内部事务信息", "",
         "6.属于四类过程性信息", "", "7.属于行政执法案卷", "", "8.属于行政查询事项", "", "（四）无法提供", "",
         "1.本机关不掌握相关政府信息", "", "2.没有现成信息需要另行制作", "", "3.补正后申请内容仍不明确", "", "（五）不予处理", "",
         "1.信访举报投诉类申请", "", "2.重复申请", "", "3.要求提供公开出版物", "", "4.无正当理由大量反复申请", "",
         "5.要求行政机关确认或重新出具已获取信息", "", "（六）其他处理", "", "1.申请人无正当理由逾期不补正", "",
         "2.申请人逾期未按收费通知要求缴纳费用", "", "3.其他", "", "（七）总计", "", "四、结转下年度继续办理", ""] \
    + ["0", ""] * 40 + ["四、政府信息公开行政复议、行政诉讼情况"]


def _column(c: int) -> list[str]:
    """One column's cells of the header page's rows, each a box of its own (a blank line after it)."""
    return [x for row in _TOP for x in (str(row[c]), "")]


def _page(between: dict[int, list[str]]) -> list[str]:
    """The header page: the header's words, the labels, then the numbers column by column, ``between`` the
    lines printed before column ``c``."""
    return _HEADING + _HEADER + _LABELS + [x for c in range(7) for x in between.get(c, []) + _column(c)] + _LAST


def _values(got: dict) -> dict[str, object]:
    return {p: r.value for p, r in got.items() if not r.missing}


def test_the_header_pages_rows_printed_column_by_column_are_read_never_proven() -> None:
    got = read_page_rows(_page({}), {})
    assert got is not None
    want = {f"applications.{_ROWS[r]}.{c}": _TOP[r][i] for r in range(6) for i, c in enumerate(_COLS)}
    assert _values(got) == want                      # the rows below: their numbers not seven a row, unread
    assert {r.method for r in got.values()} == {Method.T3_PAGE_ROWS}
    assert set(guessed(got)) == set(want)            # every cell read: a guess, none proven


def test_header_words_printed_between_two_columns_are_no_matter() -> None:
    """LibreOffice's print: the header cells' words come out between columns, 总计 right before its column."""
    between = {1: ["申请人情况", "法人或其他组织", "", "商业", "企业", ""], 3: ["社会", "公益", "组织", ""],
               4: ["法律服", "务机构", "", "其他", ""], 6: ["总计", ""]}
    page = _HEADING + ["自然人", ""] + _LABELS + [x for c in range(7) for x in between.get(c, []) + _column(c)] + _LAST
    got = read_page_rows(page, {})
    assert got is not None
    assert [got[f"applications.new_received.{c}"].value for c in _COLS] == [21, 3, 0, 0, 0, 0, 24]
    assert [got[f"applications.granted.{c}"].value for c in _COLS] == [11, 1, 0, 0, 0, 0, 12]


def test_a_header_word_among_one_columns_cells_reads_nothing() -> None:
    """A header cell's words printed with the first row's cell under it (one box), the column's other cells
    apart: the numbers are not in column order (which cell is whose, no sum says for rows of zeros)."""
    page = _page({})
    at = page.index("11")                  # 自然人's third cell: a header word right above it
    page[at:at] = ["社会", "公益", "组织"]
    assert read_page_rows(page, {}) is None


def test_a_header_page_with_a_number_more_reads_nothing() -> None:
    page = _page({})
    page.insert(page.index("（三）不予") + 2, "1")       # (a number among the labels: whose, unknown)
    assert read_page_rows(page, {}) is None


def test_a_header_word_printed_after_its_columns_cells_reads_nothing() -> None:
    """社会公益组织's words printed between the fifth and the sixth columns: the cells before them hold its
    column's, printed out of the columns' order (pdfminer's boxes grouped so): no row sum says which is which."""
    assert read_page_rows(_page({5: ["社会", "公益", "组织", ""]}), {}) is None
    assert read_page_rows(_page({5: ["其他", ""]}), {}) is not None          # (其他's own column next: in order)
