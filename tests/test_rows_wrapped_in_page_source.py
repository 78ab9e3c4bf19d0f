"""Word's "Save as web page" wraps its HTML source at about 76 characters, so BeautifulSoup's ``get_text()`` of such
a page breaks a row of 表三 wherever the source broke: the label on a line, then ``19`` on a line and ``无 无 无 无
7 26`` on the next. Every row's cells on lines of their own, each row's line of several cells is paired with its
row by count (extract/rowplace.py); the row's other cells beside that line stay in print order: its seven cells
are ``19 无 无 无 无 7 26``, never ``无 无 无 无 7 26 19``. A row whose cells two lines share is proven cell by cell only
where its placeholders and 0s stand on one line, every other line holding numbers other than 0 (t3readings.py): a
number read in another column than its own breaks that column's sum, a placeholder swapped with a 0 breaks none."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICATION_ROWS

_LABELS = ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "三、本年度办理结果\n(一)予以公开", "(二)部分公开",
           "(三)不予公开\n1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
           "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项",
           "(四)无法提供\n1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确",
           "(五)不予处理\n1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
           "5.要求行政机关确认或重新出具已获取信息",
           "(六)其他处理\n1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
           "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他", "(七)合计", "四、结转下年度继续办理"]
_FIRST = {"new_received": 19, "carried_over": 22, "granted": 20, "partially_granted": 4, "unavailable_not_held": 4,
          "rejected_petition": 2, "other_other": 1, "denied_third_party": 1, "denied_process_info": 3,
          "denied_enforcement_file": 1, "unavailable_needs_creation": 1, "rejected_duplicate": 1, "rejected_excessive": 1,
          "rejected_reconfirm": 1, "other_no_correction": 1, "total_processed": 41, "carried_forward": 0}
_OTHER = {"new_received": 7, "carried_over": 0, "granted": 2, "unavailable_not_held": 1, "other_other": 2,
          "total_processed": 5, "carried_forward": 2}
_WRAPPED = {"new_received", "carried_over", "granted", "total_processed"}     # the rows the source broke


def _text() -> str:
    lines = ["宁安市新华街道办事处2023年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况", "  项目",
             *[f"数据{i}" for i in range(1, 7)], "总计"]
    for label, row in zip(_LABELS, APPLICATION_ROWS):
        first, other = _FIRST.get(row, 0), _OTHER.get(row, 0)
        rest = f"无 无 无 无 {other} {first + other}"
        lines += [f"  {label}"] + ([str(first), rest] if row in _WRAPPED else [f"{first} {rest} "])
    return "\n".join(lines) + "\n\n四、因政府信息公开工作被申请行政复议、提起行政诉讼情况\n"


def test_a_row_broken_by_the_source_wrap_keeps_its_cells_in_print_order() -> None:
    record = process_document(Document.from_text(_text(), doc_id="wrapped-source"))
    apps = record.report.applications
    for row in _WRAPPED:
        cells = getattr(apps, row)
        first, other = _FIRST[row], _OTHER[row]
        assert (cells.natural_person, cells.commercial, cells.other_org, cells.total) == \
            (first, None, other, first + other), row
        assert record.provenance[f"applications.{row}.commercial"].status is Status.PROVEN, row


def test_a_row_whose_zero_stands_apart_from_its_placeholders_is_not_proven_cell_by_cell() -> None:
    text = _text().replace("19\n无 无 无 无 7 26", "0\n无 无 无 无 7 7").replace("22\n无 无 无 无 0 22", "41\n无 无 无 无 0 41")
    record = process_document(Document.from_text(text, doc_id="wrapped-zero"))
    assert record.provenance["applications.new_received.natural_person"].status is not Status.PROVEN
