"""A tab row whose label's line prints its seven fields empty is a blank row: a line of numbers under it belongs to
the next label, whose line prints no field (its cell wrapped round its long text, the numbers printed above it), never
to the blank row (llm_extract/extract/table3.py). Read as the blank row's, the numbers held every identity (the row
sums; the column sums with the next row unread) and were proven in a row that prints none."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document

_HEADER = ("三、收到和处理政府信息公开申请情况\n\t\t\t申请人情况\n"
           "\t\t\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n")
_ROWS = [
    ("一、本年新收政府信息公开申请数量\t\t", "12 0 0 0 0 0 12"),
    ("二、上年结转政府信息公开申请数量\t\t", "0 0 0 0 0 0 0"),
    ("三、本年度办理结果\t（一）予以公开\t", "6 0 0 0 0 0 6"),
    ("\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t", "1 0 0 0 0 0 1"),
    ("\t（三）不予公开\t1.属于国家秘密", "0 0 0 0 0 0 0"),
    ("\t\t2.其他法律行政法规禁止公开", "0 0 0 0 0 0 0"),
    ("\t\t3.危及“三安全一稳定”", "0 0 0 0 0 0 0"),
    ("\t\t4.保护第三方合法权益", "0 0 0 0 0 0 0"),
    ("\t\t5.属于三类内部事务信息", "0 0 0 0 0 0 0"),
    ("\t\t6.属于四类过程性信息", "0 0 0 0 0 0 0"),
    ("\t\t7.属于行政执法案卷", "0 0 0 0 0 0 0"),
    ("\t\t8.属于行政查询事项", "0 0 0 0 0 0 0"),
    ("\t（四）无法提供\t1.本机关不掌握相关政府信息", "2 0 0 0 0 0 2"),
    ("\t\t2.没有现成信息需要另行制作", "0 0 0 0 0 0 0"),
    ("\t\t3.补正后申请内容仍不明确", "0 0 0 0 0 0 0"),
    ("\t（五）不予处理\t1.信访举报投诉类申请", "1 0 0 0 0 0 1"),
    ("\t\t2.重复申请", "0 0 0 0 0 0 0"),
    ("\t\t3.要求提供公开出版物", "0 0 0 0 0 0 0"),
    ("\t\t4.无正当理由大量反复申请", "0 0 0 0 0 0 0"),
    ("\t\t5.要求行政机关确认或重新出具已获取信息", "       "),     # printed: seven empty fields
    (None, "1 0 0 0 0 0 1"),                                   # the next row's numbers, above its label
    ("\t（六）其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", None),   # no field
    ("\t\t2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "0 0 0 0 0 0 0"),
    ("\t\t3.其他", "1 0 0 0 0 0 1"),
    ("\t（七）总计\t", "12 0 0 0 0 0 12"),
    ("四、结转下年度继续办理\t\t", "0 0 0 0 0 0 0"),
]


def _line(row: tuple[str | None, str | None]) -> str:
    label, cells = row
    fields = "" if cells is None else "\t" + "\t".join(cells.split(" ") if cells.strip() else [""] * 7)
    return ("\t\t" if label is None else label) + fields


def _text() -> str:
    return ("某县人民政府2023年政府信息公开工作年度报告\n\n" + _HEADER + "\n".join(map(_line, _ROWS))
            + "\n\n四、政府信息公开行政复议、行政诉讼情况\n")


def test_a_line_of_numbers_under_a_row_printed_empty_is_not_that_rows() -> None:
    record = process_document(Document.from_text(_text(), doc_id="tab-row-printed-empty"))
    values = record.report.values()
    blank = [f"applications.rejected_reconfirm.{c}" for c in
             ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total")]
    assert [values[p] for p in blank] == [None] * 7
    below = "applications.other_no_correction."      # its cells: left to the identities (the column sums), never
    assert values[below + "natural_person"] in (1, None) and values[below + "total"] in (1, None)   # another row's


def test_nor_a_line_of_numbers_under_a_wrapped_label_whose_middle_line_prints_its_fields_empty() -> None:
    """（六）1.'s long label wrapped over three lines, its middle one printing the row's seven fields empty; then a
    line of numbers, then 2.'s label with no field: the numbers are not 1.'s (they were read as its, proven)."""
    rows = list(_ROWS)
    at = next(i for i, (label, _) in enumerate(rows) if label and "（六）其他处理" in label)
    rows[at - 2:at + 2] = [
        ("\t\t5.要求行政机关确认或重新出具已获取信息", "0 0 0 0 0 0 0"),
        ("\t\t（六）其他处理1.申请人无正当理由逾期不", None),
        ("\t\t补正、行政机关不再处", "       "),                   # the row's fields, printed empty
        ("\t\t理其政府信息公开申请", None),
        (None, "1 0 0 0 0 0 1"),                                 # 2.'s numbers, above its label
        ("\t\t2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", None),
    ]
    text = _text().replace("\n".join(_line(r) for r in _ROWS), "\n".join(_line(r) for r in rows))
    record = process_document(Document.from_text(text, doc_id="wrapped-label-printed-empty"))
    values = record.report.values()
    for c in ("natural_person", "total"):
        path = f"applications.other_no_correction.{c}"
        assert values[path] is None or record.provenance[path].status is not Status.PROVEN
