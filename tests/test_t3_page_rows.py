"""A Word table LibreOffice printed across pages, read by plain ``pdftotext`` (pdfx13's generator, look seed 1301,
s1301_lo05): the header page prints its six rows' numbers among the column headers' words, in an order of the tool's
(no reader places them); the next page, the header not repeated, prints its rows' labels (in pieces), then their
numbers, a row across or a band of rows column by column. Those rows are read from the numbers after their labels,
cut into bands where every row keeps its sum, never proven: the rows above unread, no column identity checks them."""

from __future__ import annotations

from llm_extract.evidence import CellKind, Method, Reading
from llm_extract.extract.t3pages import read_page_rows
from llm_extract.form import FORM
from verify.guesses import guessed

_ROWS = FORM.table3_row_keys
_COLS = FORM.table3_column_keys
_TABLE = {"new_received": [5, 0, 1, 0, 0, 1, 7], "carried_over": [1, 0, 0, 0, 0, 0, 1],
          "granted": [2, 0, 0, 0, 0, 1, 3], "unavailable_not_held": [2, 0, 0, 0, 0, 0, 2],
          "rejected_duplicate": [1, 0, 1, 0, 0, 0, 2], "rejected_reconfirm": [1, 0, 0, 0, 0, 0, 1],
          "total_processed": [6, 0, 1, 0, 0, 1, 8]}
#: the header page as the tool prints it: its labels, the header's words, its numbers in the tool's order
_HEAD_PAGE = ["三、收到和处理政府信息公开申请情况", "（本列数据的勾稽关系为：第一", "项加第二项之和，等于第三项加", "第四项之和）",
              "一、本年新收政府信息公开申请", "数量", "二、上年结转政府信息公开申请", "数量", "三", "（一）予以公开", "、",
              "（二）部分公开（区分处", "本", "理的，只计这一情形，不", "年", "计其他情形）", "度", "（三）",
              "1.属于国家秘密", "办", "不予公", "2.其他法律行政", "理", "开", "法规禁止公开", "", "自然", "人", "",
              "商业", "企业", "", "申请人情况", "法人或其他组织", "科研 社会 法律", "机构 公益 服务", "组织 机构",
              "1", "0", "0", "", "5", "", "0", "", "1", "", "0", "", "0", "", "0", "", "2", "0", "", "0", "0", "",
              "0", "0", "", "0", "0", "", "0", "0", "", "0", "0", "", "\x0c第2页共4页", "", "总计", "其他", "",
              "1", "", "7", "", "0", "", "0", "", "1", "", "0", "0", "", "0", "0", "", "1", "0", "", "3", "0", "",
              "0", "0", "", "0", "0", "", "0", "0", "", "0", "0", ""]
#: the next page's labels, wrapped in a narrow cell, the group titles' pieces among them
_LABELS = ["结", "果", "", "3.危及“三安全", "一稳定”", "4.保护第三方合", "法权益", "5.属于三类内部", "事务信息",
           "6.属于四类过程", "性信息", "7.属于行政执法", "案卷", "8.属于行政查询", "事项", "（四）", "1.本机关不掌握",
           "无法提", "相关政府信息", "供", "2.没有现成信息", "需要另行制作", "3.补正后申请内", "容仍不明确", "（五）",
           "1.信访举报投诉", "不予处", "类申请", "理", "2.重复申请", "3.要求提供公开", "出版物", "4.无正当理由大",
           "量反复申请", "5.要求行政机关", "确认或重新出具", "已获取信息", "（六）", "1.申请人无正当", "其他处",
           "理由逾期不补", "理", "正、行政机关不", "再处理其政府信", "息公开申请", "2.申请人逾期未", "按收费通知要求",
           "缴纳费用、行政", "机关不再处理其", "政府信息公开申", "请", "3.其他", "（七）总计", "四、结转下年度继续办理", ""]
#: the next page's rows (3.危及… down) as bands: (first row, rows); a band of one printed across
_BANDS = [(6, 1), (7, 1), (8, 1), (9, 1), (10, 1), (11, 1), (12, 1), (13, 1), (14, 1), (15, 1), (16, 2), (18, 1),
          (19, 1), (20, 1), (21, 1), (22, 3)]
_END = ["四、政府信息公开行政复议、行政诉讼情况"]


def _row(r: int) -> list[int]:
    return _TABLE.get(_ROWS[r], [0] * 7)


def _numbers() -> list[str]:
    """The bands as the tool prints them: each column's cells of a band one block (lines with no blank between)."""
    out = []
    for first, k in _BANDS:
        for c in range(7):
            out += [str(_row(first + r)[c]) for r in range(k)] + [""]
    return out


def _lines(labels: list[str] = _LABELS) -> list[str]:
    return _HEAD_PAGE + labels + _numbers() + _END


def test_the_rows_of_the_page_after_the_header_are_read_in_bands_never_proven() -> None:
    got = read_page_rows(_lines(), {})
    assert got is not None
    assert {p.split(".")[1] for p in got} == set(_ROWS[6:])          # the header page's rows: not these numbers'
    read = {p: x.value for p, x in got.items() if not x.missing}
    assert all(v == _row(_ROWS.index(p.split(".")[1]))[_COLS.index(p.split(".")[2])] for p, v in read.items())
    assert [read[f"applications.total_processed.{c}"] for c in _COLS] == [6, 0, 1, 0, 0, 1, 8]   # a band of three
    # 1.本机关不掌握 printed across between rows of zeros: as a band with the row above, its 2 2 stand as 法律服务机构's
    # and 总计's and keep the sums too: which it is, no sum says (left unread)
    assert got["applications.unavailable_not_held.natural_person"].missing
    assert len(read) >= 100
    assert {x.method for x in got.values()} == {Method.T3_PAGE_ROWS}
    flagged = guessed(got)
    assert flagged["applications.total_processed.total"] == "READ.T3_PAGE_ROWS"     # a total too: no column checks it
    assert set(flagged) == set(read)                                   # every cell read: a guess


def test_a_page_printing_the_header_again_before_its_numbers_is_read_so() -> None:
    repeated = _LABELS[:-1] + ["", "自然人", "商业企", "业", "", "申请人情况", "法人或其他组织", "科研机", "社会公", "法律服",
                               "构", "益组织", "务机构", "", "总计", "其他", ""]
    got = read_page_rows(_lines(repeated), {})
    assert got is not None
    assert [got[f"applications.total_processed.{c}"].value for c in _COLS] == [6, 0, 1, 0, 0, 1, 8]


def test_numbers_among_the_header_words_are_not_read() -> None:
    numbers = _numbers()
    lines = _HEAD_PAGE + _LABELS + numbers[:20] + ["总计", "其他"] + numbers[20:] + _END
    assert read_page_rows(lines, {}) is None          # (the header page's way: its numbers in the tool's order)


def test_a_number_more_than_the_labels_name_reads_nothing() -> None:
    lines = _lines()
    lines.insert(len(_HEAD_PAGE) + len(_LABELS), "0")
    assert read_page_rows(lines, {}) is None


def test_rows_read_by_another_reader_are_left_alone() -> None:
    known = {f"applications.carried_forward.{c}": Reading(kind=CellKind.ZERO, value=0, raw="0", method="label")
             for c in _COLS}
    assert read_page_rows(_lines(), known) is None


def _rows_text(first: int, last: int) -> list[str]:
    """Rows printed across, each cell a block of its own."""
    return [x for r in range(first, last + 1) for v in _row(r) for x in (str(v), "")]


#: a page breaking 5.要求行政机关确认或重新出具已获取信息 (row 19): its label's pieces on both pages, its numbers above
_PAGE2 = ["3.危及“三安全一稳定”", "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷",
          "8.属于行政查询事项", "（四）无法提供", "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作",
          "3.补正后申请内容仍不明确", "（五）不予处理", "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物",
          "4.无正当理由大量反复申请", "5.要求行政机关确认或", ""]
_PAGE3 = ["\x0c第3页", "重新出具已获取信息", "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
          "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他", "（七）总计",
          "四、结转下年度继续办理", ""]


def test_a_row_broken_by_the_page_break_is_the_page_aboves() -> None:
    lines = _HEAD_PAGE + _PAGE2 + _rows_text(6, 19) + _PAGE3 + _rows_text(20, 24) + _END
    got = read_page_rows(lines, {})
    assert got is not None
    assert {p.split(".")[1] for p in got} == set(_ROWS[6:])
    read = {p: x.value for p, x in got.items() if not x.missing}
    assert all(v == _row(_ROWS.index(p.split(".")[1]))[_COLS.index(p.split(".")[2])] for p, v in read.items())
    assert [read[f"applications.total_processed.{c}"] for c in _COLS] == [6, 0, 1, 0, 0, 1, 8]


def test_a_page_one_row_short_with_no_broken_row_reads_nothing_of_it() -> None:
    """The last page prints five rows' numbers under six labels, no row broken above it: which row is short,
    unknown, none of its rows read. The page above it, its labels and its numbers its own, is read alone."""
    page2 = _PAGE2[:-2] + [""]
    page3 = [_PAGE3[0], "5.要求行政机关确认或重新出具已获取信息"] + _PAGE3[2:]
    lines = _HEAD_PAGE + page2 + _rows_text(6, 18) + page3 + _rows_text(20, 24) + _END
    got = read_page_rows(lines, {})
    assert got is not None
    assert {p.split(".")[1] for p, r in got.items() if not r.missing} <= set(_ROWS[6:19])
    assert all(r.value == _row(_ROWS.index(p.split(".")[1]))[_COLS.index(p.split(".")[2])]
               for p, r in got.items() if not r.missing)
    assert sum(not r.missing for r in got.values()) >= 80


def test_the_header_pages_rows_read_in_a_tools_order_stay_guesses_beside_these() -> None:
    """Another reader placed the header page's rows in the tool's order (READ.COLUMN_RUNS), 一、本年新收 and
    二、上年结转 traded (0 … 0 and 0 1 0 … 1: both keep every identity); with the rows of the pages below read here,
    every cell of 表三 is read, yet the totals of the header page's rows are no more certain: the rows read here
    make no table 'all read' for the order-free cells."""
    readings: dict[str, Reading] = {}
    for r, row in enumerate(_ROWS):
        values = [0, 1, 0, 0, 0, 0, 1] if row in ("carried_over", "total_processed", "granted") else [0] * 7
        method = Method.FORM_ORDER_RUNS if r < 6 else Method.T3_PAGE_ROWS
        for c, v in zip(_COLS, values):
            readings[f"applications.{row}.{c}"] = Reading(v, CellKind.NUMBER if v else CellKind.ZERO, str(v), [1],
                                                          method)
    flagged = guessed(readings)
    assert flagged["applications.new_received.total"] == "READ.COLUMN_RUNS"
    assert flagged["applications.carried_over.total"] == "READ.COLUMN_RUNS"
    assert flagged["applications.total_processed.total"] == "READ.T3_PAGE_ROWS"


def test_the_rows_of_the_pages_after_the_header_keep_the_printed_column_order() -> None:
    """pdf2txt.py's text of a Chromium print (pdf13 held, seed 131): the header page's words come out in an order of
    the tool's, which the header-order check took for 表三's applicant columns in another order; it put the rows
    read from the next page (their cells in printed order, 自然人 first) in those columns: （七）总计 read
    ``5 0 1 0 2 0`` for ``0 1 0 2 0 5``, and the identities pinned 63 cells from it, 15 of them wrong. The rows of
    the pages after the header's keep the order they were printed in."""
    from pathlib import Path

    from llm_extract.ingest import load
    from llm_extract.pipeline import process_document

    path = Path(__file__).parent / "fixtures" / "layouts" / "pdf2txt_chromium_pages_header_order.txt"
    record = process_document(load(path))
    row = [f"applications.total_processed.{c}" for c in _COLS]
    assert [record.report.get(p) for p in row] == [0, 1, 0, 2, 0, 5, 8]
    assert {record.provenance[p].method for p in row} == {Method.T3_PAGE_ROWS}
