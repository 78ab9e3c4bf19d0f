"""Chromium's narrow 其他 and 总计 columns through pdftotext -layout: the two cells' numbers run together at every
row's end (``0 00``), the text's CJK as Kangxi radicals (``⾃然⼈``). The header words would place the six tokens in
columns and leave one of them blank (a blank cell nothing printed); the leading zero says two cells run together
(no count is written with a leading zero), so each row is read as printed: seven zeros (blankcols.py leaves such a
row to t3readings)."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICANT_COLUMNS, APPLICATION_ROWS

_TEXT = "沈阳市萧山区自然资源和规划局2024年政府信息公开工作年度报告\n" + """三、收到和处理政府信息公开申请情况
                                                申请⼈情况
  （本列数据的勾稽关系为：第⼀项加第二项之和，等于第三项加第四项之和） ⾃然 商业企 科研机法⼈或其他组织       总
                                                 社会公益 法律服务
                                          人 业 构 组织 机构 他 计  其
            ⼀、本年新收政府信息公开申请数量              0 0 0 0      0 00
            二、上年结转政府信息公开申请数量              0 0 0 0      0 00
                       （⼀）予以公开            0 0 0 0      0 00
         （二）部分公开（区分处理的，只计这一情形，不计其他情形） 0 0 0 0          0 00
                             1.属于国家秘密     0 0 0 0      0 00
                       2.其他法律⾏政法规禁⽌公开     0 0 0 0      0 00
                          3.危及“三安全一稳定”    0 0 0 0      0 00
       （三）不予              4.保护第三方合法权益     0 0 0 0      0 00
         公开              5.属于三类内部事务信息     0 0 0 0      0 00
                          6.属于四类过程性信息     0 0 0 0      0 00
                           7.属于行政执法案卷     0 0 0 0      0 00
                           8.属于⾏政查询事项     0 0 0 0      0 00
                       1.本机关不掌握相关政府信息     0 0 0 0      0 00
三、本年度办 （四）⽆法
         提供            2.没有现成信息需要另行制作     0 0 0   0    0 00
 理结果                    3.补正后申请内容仍不明确     0 0 0 0      0 00
                          1.信访举报投诉类申请     0 0 0 0      0 00
                               2.重复申请     0 0 0 0      0 00
       （五）不予              3.要求提供公开出版物     0 0 0 0      0 00
         处理             4.无正当理由大量反复申请     0 0 0 0      0 00
                   5.要求⾏政机关确认或重新出具已获取信息   0 0 0 0      0 00
              1.申请人⽆正当理由逾期不补正、⾏政机关不再处理其政府
                              信息公开申请      0 0 0 0      0 00
       （六）其他 2.申请⼈逾期未按收费通知要求缴纳费⽤、行政机关不再处
         处理               理其政府信息公开申请      0 0 0 0      0 00
                                 3.其他     0 0 0 0      0 00
                         （七）总计            0 0 0 0      0 00
                四、结转下年度继续办理               0 0 0 0      0 00
五、存在的主要问题及改进情况
"""


def test_rows_ending_in_two_cells_run_together_are_read_as_printed() -> None:
    record = process_document(Document.from_text(_TEXT, doc_id="kangxi"))
    for row in APPLICATION_ROWS:
        for col in APPLICANT_COLUMNS:
            path = f"applications.{row}.{col}"
            assert (record.report.values()[path], record.provenance[path].status) == (0, Status.PROVEN), path
