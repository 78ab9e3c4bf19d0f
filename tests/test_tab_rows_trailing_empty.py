"""A tab-separated 表三 (a browser's innerText of an editor's table, a table copied out of a page) whose rows
print their seven fields and, on some rows, an empty field after them: a cell of a column deleted in the editor
that some rows kept (``<td></td>`` at the row's end), which innerText prints as a tab closing the line. The seven
fields are the row's, an empty one an empty cell; the empty field after them is no cell of the form
(llm_extract/extract/table3.py, _seven_fields)."""

from __future__ import annotations

from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.evidence import Status
from llm_extract.schema import APPLICANT_COLUMNS, APPLICATION_ROWS
from tests.table3_checks import assert_rows_proven

B = None      # an empty cell: the organisations that had none
ROWS = {
    "new_received": [0, 1, B, B, B, 0, 1], "carried_over": [0, B, B, B, B, B, 0],
    "granted": [0, B, B, B, B, B, 0], "partially_granted": [0, 1, B, B, B, B, 1],
    "denied_state_secret": [0, 0, B, B, B, B, 0], "denied_prohibited_by_law": [0, B, B, B, B, B, 0],
    "denied_security_stability": [0, B, B, B, B, B, 0], "denied_third_party": [0, 0, B, B, B, B, 0],
    "denied_internal_affairs": [0, B, 0, B, B, B, 0], "denied_process_info": [0, B, B, B, B, 0, 0],
    "denied_enforcement_file": [0, B, B, B, B, B, 0], "denied_query_matter": [0, B, B, B, B, B, 0],
    "unavailable_not_held": [0, B, B, B, B, B, 0], "unavailable_needs_creation": [0, 0, B, B, B, B, 0],
    "unavailable_unclear": [0, B, B, B, B, B, 0], "rejected_petition": [0, B, B, B, B, B, 0],
    "rejected_duplicate": [0, B, B, B, B, B, 0], "rejected_publication": [0, B, B, B, B, B, 0],
    "rejected_excessive": [0, B, B, B, 0, B, 0], "rejected_reconfirm": [0, B, B, B, B, B, 0],
    "other_no_correction": [0, B, B, B, B, B, 0], "other_unpaid_fee": [0, B, B, B, B, B, 0],
    "other_other": [0, B, B, B, B, B, 0], "total_processed": [0, 1, B, B, B, B, 1],
    "carried_forward": [0, B, B, B, B, B, 0],
}
LABELS = ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "三、本年度办理结果\t（一）予以公开",
          "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（三）不予公开\t1．属于国家秘密",
          "2．其他法律行政法规禁止公开", "3．危及“三安全一稳定”", "4．保护第三方合法权益", "5．属于三类内部事务信息",
          "6．属于四类过程性信息", "7．属于行政执法案卷", "8．属于行政查询事项", "（四）无法提供\t1．本机关不掌握相关政府信息",
          "2．没有现成信息需要另行制作", "3．补正后申请内容仍不明确", "（五）不予处理\t1．信访举报投诉类申请", "2．重复申请",
          "3．要求提供公开出版物", "4．无正当理由大量反复申请", "5．要求行政机关确认或重新出具已获取信息",
          "（六）其他处理\t1．申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
          "2．申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3．其他", "（七）总计",
          "四、结转下年度继续办理"]
#: the rows that kept the deleted column's cell
KEPT = {"denied_query_matter", "other_no_correction", "other_unpaid_fee", "carried_over"}


def _page() -> str:
    lines = ["2021年青山县交通运输局政府信息公开工作年度报告", "", "三、收到和处理政府信息公开申请情况", "",
             "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况",
             "自然人\t法人或其他组织\t总计", "商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他"]
    for label, row in zip(LABELS, APPLICATION_ROWS):
        cells = "\t".join("" if v is None else str(v) for v in ROWS[row])
        lines.append(f"{label}\t{cells}" + ("\t" if row in KEPT else ""))
    lines += ["", "四、政府信息公开行政复议、行政诉讼情况", "", "行政复议\t行政诉讼",
              "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉",
              "\t".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2), "\t".join(["0"] * 15), "",
              "五、存在的主要问题及改进情况"]
    return "\n".join(lines)


def test_an_empty_field_after_the_seven_is_no_cell() -> None:
    """The rows that end in a tab are read as the others: their seven fields (they were left unread, the table's
    rows missing)."""
    record = process_document(Document.from_text(_page(), doc_id="innertext"))
    assert_rows_proven(record, ROWS)


def test_a_row_whose_eighth_field_holds_a_number_is_not_read_by_its_fields() -> None:
    """A number in the field after the seven (last year's figure, a check column) is no empty field: that row is
    not read by its first seven fields (the form's identities pin it, marked derived, never proven as read)."""
    text = _page().replace("8．属于行政查询事项\t0\t\t\t\t\t\t0\t", "8．属于行政查询事项\t0\t\t\t\t\t\t0\t3")
    record = process_document(Document.from_text(text, doc_id="innertext"))
    for c in APPLICANT_COLUMNS:
        assert record.provenance[f"applications.denied_query_matter.{c}"].status is not Status.PROVEN, c
