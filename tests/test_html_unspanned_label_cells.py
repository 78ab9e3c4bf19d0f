"""表三 on a page whose labels stand in three columns without spans (Word's or a CMS's grid: ``| |（二）部分公开| |``
then the seven cells): each row after its label prints an empty label cell, then its seven. A row whose first
and last cells are empty (``| |（七）合计| |0|0|0| |0| | |``) reads as the first seven (a padding cell last) or
the last seven (an empty label cell first); blanks and zeros weigh the same in every identity, so nothing
checks the choice. The table's other rows of that width, whose last cell is printed, show the seven stand last.
"""

from __future__ import annotations

from llm_extract.extract.labelcells import last_seven_after_blanks, leading_label_widths, without_label_cells
from llm_extract.extract.layout import Item
from llm_extract.extract.cells import parse_cell
from llm_extract.ingest import Document
from llm_extract.ingest.html import html_to_text
from llm_extract.pipeline import process_document

_COLS = ["natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total"]
_GROUPS = [("（三）不予公开", ["1．属于国家秘密", "2．其他法律行政法规禁止公开", "3．危及“三安全一稳定”", "4．保护第三方合法权益",
                          "5．属于三类内部事务信息", "6．属于四类过程性信息", "7．属于行政执法案卷", "8．属于行政查询事项"]),
           ("（四）无法提供", ["1．本机关不掌握相关政府信息", "2．没有现成信息需要另行制作", "3．补正后申请内容仍不明确"]),
           ("（五）不予处理", ["1．信访举报投诉类申请", "2．重复申请", "3．要求提供公开出版物", "4．无正当理由大量反复申请",
                          "5．要求行政机关确认或重新出具已获取信息"])]
_ZERO = ["0", "0", "0", "", "0", "", ""]       # 0 0 0 (blank) 0 (blank) (blank): first and last cells differ


def _tr(*cells: str) -> str:
    return "<tr>" + "".join(f"<td><p><span>{c}</span></p></td>" for c in cells) + "</tr>\n"


def _page(six_one_row: bool) -> str:
    rows = [_tr("", "申请人情况"), _tr("自然人", "法人或其他组织", "总计"),
            _tr("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"),
            _tr("一、本年新收政府信息公开申请数量", "", "", "3", "0", "0", "0", "0", "1", "4"),
            _tr("二、上年结转政府信息公开申请数量", "", "", "0", "0", "0", "0", "0", "0", "0"),
            _tr("三、本年度办理结果", "（一）予以公开", "", "2", "0", "0", "0", "0", "1", "3"),
            _tr("", "（二）部分公开", "", "1", "0", "0", "0", "0", "0", "1")]
    for title, items in _GROUPS:
        for i, item in enumerate(items):
            rows.append(_tr("", title if i == 0 else "", item, *["0"] * 7))
    if six_one_row:
        rows.append(_tr("", "（六）其他处理", "", *["0"] * 7))
    else:
        rows += [_tr("", "（六）其他处理", "1．申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", *["0"] * 7),
                 _tr("", "", "2．申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", *["0"] * 7),
                 _tr("", "", "3．其他", *["0"] * 7)]
    rows += [_tr("", "（七）合计", "", "3", "0", "0", "0", "0", "1", "4"),
             _tr("四、结转下年度继续办理", "", "", *_ZERO)]
    return ("<html><head><meta charset=utf-8></head><body><p>某县2023年政府信息公开工作年度报告</p>"
            "<p>三、收到和处理政府信息公开申请情况</p><table border=1>" + "".join(rows) + "</table>"
            "<p>四、政府信息公开行政复议、行政诉讼情况</p></body></html>")


def _record(six_one_row: bool):
    return process_document(Document.from_text(html_to_text(_page(six_one_row)), doc_id="unspanned"))


def test_a_row_empty_at_both_ends_takes_its_last_seven_where_the_tables_rows_do() -> None:
    record = _record(False)
    row = record.report.applications.carried_forward
    got = {c: getattr(row, c) for c in _COLS}
    assert got == {"natural_person": 0, "commercial": 0, "research": 0, "social_org": None,
                   "legal_service": 0, "other_org": None, "total": None}


def test_the_other_processing_row_printed_alone_after_an_empty_label_cell_is_its_sub_rows_zeros() -> None:
    record = _record(True)
    for sub in ("other_no_correction", "other_unpaid_fee", "other_other"):
        assert getattr(record.report.applications, sub).natural_person == 0
        assert getattr(record.report.applications, sub).total == 0
    assert record.report.applications.carried_forward.total is None


def _items(*raws: str) -> list[Item]:
    return [Item(r, i + 1, parse_cell(r)) for i, r in enumerate(raws)]


def test_rows_opening_with_an_empty_cell_and_ending_printed_set_the_width() -> None:
    forced = _items("", "1", "0", "0", "0", "0", "0", "1")
    either = _items("", "0", "0", "0", "", "0", "", "")
    assert leading_label_widths([forced, either]) == frozenset({8})
    assert [it.raw for it in without_label_cells(either, frozenset({8}))] == ["0", "0", "0", "", "0", "", ""]
    assert without_label_cells(either, frozenset()) is either          # no row shows it: left as it was
    assert [it.raw for it in last_seven_after_blanks(forced)] == ["1", "0", "0", "0", "0", "0", "1"]
