"""A 表三 dumped on one line with nothing between its pieces, from a text whose labels stand first and the numbers
after them all (plain ``pdftotext`` of a Word table: the label column, then the number columns), as a crawler or a
copy-paste joins it: ``…一、本年新收政府信息公开申请数量二、上年结转政府信息公开申请数量（一）予以公开…5.要求行政机关300
总计法律服务机构0其他0社会公益组织0030001011200000…``.

A label with nothing after it is a row of empty cells only where no digits are left over elsewhere: here the table's
text holds digits enough for many rows that no row took (in words no row's label, or numbers past the seven cells
of the row they follow), so the labels standing bare are not surely empty rows.
"""

from __future__ import annotations

import pytest

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE3_ROW_PATHS

GLUED = ("申请人情况自然人法人或其他组织商业企业 科研机构一、本年新收政府信息公开申请数量二、上年结转政府信息公开申请数量（一）予以公开（二）部分公开（区分处理的，只计这一情形，不计其他情形）（三）不予公开 1"
       ".属于国家秘密（三）不予公开 2.其他法律行政法规禁止公开（三）不予公开 3.危及“三安全一稳定”（三）不予公开 4.保护第三方合法权益（三）不予公开 5.属于三类内部事务信息（三）不予公开 6.属于"
       "四类过程性信息（三）不予公开 7.属于行政执法案卷（三）不予公开 8.属于行政查询事项（四）无法提供 1.本机关不掌握相关政府信息（四）无法提供 2.没有现成信息需要另行制作（四）无法提供 3.补正后"
       "申请内容仍不明确（五）不予处理 1.信访举报投诉类申请（五）不予处理 2.重复申请（五）不予处理 3.要求提供公开出版物（五）不予处理 4.无正当理由大量反复申请（五）不予处理 5.要求行政机关300"
       "总计法律服务机构0其他0社会公益组织0030001011200000000001200000000000000000000000000000000000000000000000000000000000"
       "00000000000000000000000000000—00000000000000000（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）确认或重新出具已获取信息（六）其他处理"
       " 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请（六）其他处理 3.其他（七）总计四、结转"
       "下年度继续办理申请人情况自然人法人或其他组织商业企业 科研机构法律服务机构其他总计00000000000000030000000000001000031")
TABLE4 = ("四、政府信息公开行政复议、行政诉讼情况\n"
          "行政复议\t行政诉讼\n"
          "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\n"
          "0\t0\t0\t6\t6\t0\t1\t0\t0\t1\t0\t0\t0\t0\t0\n")
#: the same, its pieces joined by spaces: every number after the last label (四、结转下年度继续办理 71 0 61 8 …)
SPACED = ("申请人情况 自然人 一、本年新收政府信息公开申请数量 二、上年结转政府信息公开申请数量 （一）予以公开 （二）部分公开（区分处理的，只计这一 情形，不计其他情形） （三）不予公开 1.属于国家秘密 （"
           "三）不予公开 2.其他法律行政法规禁止 公开 （三）不予公开 3.危及“三安全一稳定” （三）不予公开 4.保护第三方合法权益 （三）不予公开 5.属于三类内部事务信息 （三）不予公开 6.属于四类过"
           "程性信息 （三）不予公开 7.属于行政执法案卷 （三）不予公开 8.属于行政查询事项 （四）无法提供 1.本机关不掌握相关政府 信息 （四）无法提供 2.没有现成信息需要另行 制作 （四）无法提供 3"
           ".补正后申请内容仍不明 确 （五）不予处理 1.信访举报投诉类申请 （五）不予处理 2.重复申请 （五）不予处理 3.要求提供公开出版物 （五）不予处理 4.无正当理由大量反复申 请 （五）不予处理 "
           "5.要求行政机关确认或重 新出具已获取信息 （六）其他处理 1.申请人无正当理由逾期 不补正、行政机关不再处理其政府信息公 开申请 （六）其他处理 2.申请人逾期未按收费通 知要求缴纳费用、行政机关不"
           "再处理其政 府信息公开申请 （六）其他处理 3.其他 （七）总计 四、结转下年度继续办理 71 0 61 8 0 1 0 0 0 0 总计 法律服务机 构 0 1 0 0 其他 0 1 0 0 社会公"
           "益组 织 0 1 1 0 5 0 0 1 76 4 62 9 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0"
           " 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 4 0 0 0 0 0 0 4 0 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1 0 0 0 0 0 0 0 0"
           " 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 71 0 0 0 1 0 0 1 0 "
           "1 0 0 0 1 0 5 0 0 77 3")

#: labels first within each group, the group's digits (full-width) after its last label: 3.危及“三安全一稳定” bare,
#: 4.保护第三方合法权益 and fifty-six digits, more than one row's
GROUPED = ("申请人情况自然法人或其他组织总计人 商业 科研 社会 法律 其他企业 机构 公益 服务组织 机构一、本年新收政府信息公开申请数量二、上年结转政府信息公开申请数量三、 （一）予以本年"
        " 公开度办 （二）部分理结 公开（区分果 处理的，只计这一情形，不计其他情形）（三 1.属）不 于国予公 家秘开 密2.其他法律行政法规禁止公开3.危及“三安全一稳定”4.保护第三"
        "方合法权益３０００００３０１１０１０３００００１０１００００００００００００００００００００００００００００００１０００１5.属于三类内部事务信息")


def _record(line: str):
    return process_document(Document.from_text("三、收到和处理政府信息公开申请情况\n" + line + "\n" + TABLE4,
                                                doc_id="labels-first"))


@pytest.mark.parametrize("line,rows", [
    (GLUED, ("new_received", "carried_over", "granted", "denied_state_secret")),
    (SPACED, ("new_received", "carried_over", "granted", "denied_state_secret")),
    (GROUPED, ("denied_prohibited_by_law", "denied_security_stability")),
], ids=["glued", "spaced", "grouped"])
def test_labels_standing_bare_before_digits_no_row_took_are_not_proven_empty_rows(line: str, rows: tuple[str, ...]) -> None:
    record = _record(line)
    for row in rows:
        for path in TABLE3_ROW_PATHS[row]:
            assert not (record.report.get(path) is None and record.provenance[path].status is Status.PROVEN), path
