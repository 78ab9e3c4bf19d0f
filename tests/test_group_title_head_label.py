"""A group's title wrapped in its narrow column is no sub-row's label: （六）其他 / 处理 is not 3.其他.

A browser's print of 表三 with a narrow group column wraps （六）其他处理 after 其他; the text layer prints its head
on the line of 2.申请人逾期未按收费通知… (whose numbers stand there) and 处理 beside 3.其他. Read with its item
number dropped, ``（六）其他`` spells 3.其他's label: the row took 2.'s numbers and left its own. A group's item
number with no sub-row's number after it opens the group's title, never a sub-row.
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document

#: 表三 as the PDF reader prints a Chromium print of it (narrow label columns, the 三、本年度办理结果 column too)
TABLE3 = "\n".join([
    '三、收到和处理政府信息公开申请情况',
    '申请人情况',
    '法',
    '人',
    '或',
    '其',
    '他',
    '组',
    '织',
    '社\t法',
    '会\t律',
    '商\t科\t公\t服',
    '自\t业\t研\t益\t务',
    '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项 然\t企\t机\t组\t机\t其\t总',
    '加第四项之和）\t人\t业\t构\t织\t构\t他\t计',
    '一、本年新收政府信息公开申请数量\t51\t0\t4\t0\t2\t0\t57',
    '二、上年结转政府信息公开申请数量\t2\t0\t0\t0\t0\t0\t2',
    '（一）予以公开\t24\t0\t3\t0\t1\t0\t28',
    '（二）部分公开（区分处理的，只计这一情形，不',
    '计其他情形）\t6\t0\t0\t0\t0\t0\t6',
    '1．属于国家秘密\t0\t0\t0\t0\t0\t0\t0',
    '2．其他法律行政法规禁止公开\t0\t0\t0\t0\t0\t0\t0',
    '3．危及“三安全一稳定”\t1\t0\t0\t0\t0\t0\t1',
    '4．保护第三方合法权益\t0\t0\t0\t0\t0\t0\t0',
    '5．属于三类内部事务信息\t0\t0\t0\t0\t0\t0\t0',
    '6．属于四类过程性信息\t4\t0\t0\t0\t0\t0\t4',
    '（三）不予\t7．属于行政执法案卷\t1\t0\t0\t0\t0\t0\t1',
    '公开\t8．属于行政查询事项\t0\t0\t0\t0\t0\t0\t0',
    '1．本机关不掌握相关政府信息\t9\t0\t1\t0\t0\t0\t10',
    '（四）无法\t2．没有现成信息需要另行制作\t1\t0\t0\t0\t0\t0\t1',
    '提供\t3．补正后申请内容仍不明确\t1\t0\t0\t0\t0\t0\t1',
    '1．信访举报投诉类申请\t2\t0\t0\t0\t0\t0\t2',
    '2．重复申请\t0\t0\t0\t0\t0\t0\t0',
    '3．要求提供公开出版物\t1\t0\t0\t0\t0\t0\t1',
    '4．无正当理由大量反复申请\t0\t0\t0\t0\t0\t0\t0',
    '（五）不予 5．要求行政机关确认或重新出具已',
    '处理\t获取信息\t0\t0\t0\t0\t0\t0\t0',
    '1．申请人无正当理由逾期不补正、',
    '行政机关不再处理其政府信息公开申',
    '请\t1\t0\t0\t0\t0\t0\t1',
    '2．申请人逾期未按收费通知要求缴',
    '纳费用、行政机关不再处理其政府信',
    '三、本年 （六）其他\t息公开申请\t2\t0\t0\t0\t0\t0\t2',
    '度办理结\t处理\t3．其他\t0\t0\t0\t0\t1\t0\t1',
    '果\t（七）合计\t53\t0\t4\t0\t2\t0\t59',
    '四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0',
    '',
])


def test_the_head_of_a_wrapped_group_title_does_not_take_3_others_place() -> None:
    text = "某县人民政府2023年政府信息公开工作年度报告\n\n" + TABLE3 + "\n四、政府信息公开行政复议、行政诉讼情况\n"
    record = process_document(Document.from_text(text, doc_id="t", source_kind="pdf"))
    got = {row: [record.report.get(f"applications.{row}.{c}") for c in ("natural_person", "legal_service", "total")]
           for row in ("other_unpaid_fee", "other_other")}
    assert got == {"other_unpaid_fee": [2, 0, 2], "other_other": [0, 1, 1]}
    assert record.provenance["applications.other_other.total"].status is Status.PROVEN
