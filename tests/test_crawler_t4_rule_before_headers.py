"""A crawler's one-line dump of a markdown table (html2text's ``行政复议| 行政诉讼---|---结果维持| …``): the table rule
``---`` printed before 表四's column headers is no cell of its rows. Where the headers' last word swallowed the first
cell (``总计0| 0| …``, fourteen numbers after it), the rule must not make up the fifteenth: the row is queued, never
read with the rule as an empty 行政复议 结果维持 (proven, where the report has 0)."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import REVIEW_COLUMNS, REVIEW_GROUPS

#: every table of the report on one line, as a crawler saved the page's markdown (separators between cells kept)
DUMP = (
    '**二、主动公开政府信息情况**第二十条第（一）项---信息内容| 本年制发件数| 本年废止件数| 现行有效件数规章| 0| 0| 98规范性文件| 0| 4| 6第二十条第（五）项信息内容| '
    '本年处理决定数量行政许可| 0第二十条第（六）项信息内容| 本年处理决定数量行政处罚| 261行政强制| 0第二十条第（八）项信息内容| 本年收费金额（单位：万元）行政事业性收费| '
    '35553.70**三、收到和处理政府信息公开申请情况**（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）| 申请人情况---|---自然人| 法人或其他组织| 总计商业企业| '
    '科研机构| 社会公益组织| 法律服务机构| 其他一、本年新收政府信息公开申请数量| 0| 0| 0| 0| 0| 0| 0二、上年结转政府信息公开申请数量| 0| 0| 0| 0| 0| 0| '
    '0三、本年度办理结果| （一）予以公开| 0| 0| 0| 0| 0| 0| 0（二）部分公开（区分处理的，只计这一情形，不计其他情形）| 0| 0| 0| 0| 0| 0| 0（三）不予公开| '
    '1.属于国家秘密| 0| 0| 0| 0| 0| 0| 02.其他法律行政法规禁止公开| 0| 0| 0| 0| 0| 0| 03.危及“三安全一稳定”| 0| 0| 0| 0| 0| 0| '
    '04.保护第三方合法权益| 0| 0| 0| 0| 0| 0| 05.属于三类内部事务信息| 0| 0| 0| 0| 0| 0| 06.属于四类过程性信息| 0| 0| 0| 0| 0| 0| '
    '07.属于行政执法案卷| 0| 0| 0| 0| 0| 0| 08.属于行政查询事项| 0| 0| 0| 0| 0| 0| 0（四）无法提供| 1.本机关不掌握相关政府信息| 0| 0| 0| 0| '
    '0| 0| 02.没有现成信息需要另行制作| 0| 0| 0| 0| 0| 0| 03.补正后申请内容仍不明确| 0| 0| 0| 0| 0| 0| 0（五）不予处理| 1.信访举报投诉类申请| '
    '0| 0| 0| 0| 0| 0| 02.重复申请| 0| 0| 0| 0| 0| 0| 03.要求提供公开出版物| 0| 0| 0| 0| 0| 0| 04.无正当理由大量反复申请| 0| 0| '
    '0| 0| 0| 0| 05.要求行政机关确认或重新出具已获取信息| 0| 0| 0| 0| 0| 0| 0（六）其他处理| 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请| '
    '0| 0| 0| 0| 0| 0| 02.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请| 0| 0| 0| 0| 0| 0| 03.其他| 0| 0| 0| 0| 0| '
    '0| 0总计| 0| 0| 0| 0| 0| 0| 0四、结转下年度继续办理| 0| 0| 0| 0| 0| 0| 0**四、政府信息公开行政复议、行政诉讼情况**行政复议| '
    '行政诉讼---|---结果维持| 结果纠正| 其他结果| 尚未审结| 总计| 未经复议直接起诉| 复议后起诉结果维持| 结果纠正| 其他结果| 尚未审结| 总计| 结果维持| 结果纠正| 其他结果| '
    '尚未审结| 总计0| 0| 0| 0| 0| 0| 0| 0| 0| 0| 0| 11| 0| 0| 11'
)


def test_a_table_rule_before_table4s_headers_makes_up_no_cell() -> None:
    text = "\n".join(["某县人民政府2023年政府信息公开工作年度报告", DUMP, "**五、存在的主要问题及改进情况**无。"])
    record = process_document(Document.from_text(text, doc_id="dump"))
    paths = [f"review_litigation.{g}.{c}" for g in REVIEW_GROUPS for c in REVIEW_COLUMNS]
    upheld = record.provenance["review_litigation.administrative_review.upheld"]
    assert upheld.status is not Status.PROVEN
    assert not any(record.provenance[p].status is Status.PROVEN and record.report.get(p) is None for p in paths)
