"""pdftotext -layout of a Word table whose (六)其他处理 rows wrap over two and three lines: the row
1.申请人无正当理由逾期不补正… prints its numbers (``- 0 - - 0 0 -``) under the first line of the next row's
label, and that row (2.申请人逾期未按收费通知…) prints its own (``0 0 0 0 0 0 0``) beside its label's last words,
behind a piece of the group's title (``处理 理其政府信息公开申请``). Both lines follow the second row's label; a
blank and a 0 trading places between the two rows keep every identity, so neither row's cells may be proven
from the first line alone (rowbounds.seven_then_apart, rows_apart)."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICANT_COLUMNS

_TEXT = "某市生态环境局执法支队2021年政府信息公开工作年度报告\n二、主动公开政府信息情况\n规章  0  0  0\n" + """（二）收到和处理政府信息公开申请情况
                                                       申请人情况
  （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）                  法人或其他组织
                                             自然 商业企 科研机             总
                                                        社会公益
                                             人 业 构 组织 机构 他 计 法律服务 其
           一、本年新收政府信息公开申请数量                   0   1   0   0           0   0   1
           二、上年结转政府信息公开申请数量                   0   0   0   0           0   0   0
三、本年度办             （一）予以公开                    0   0   0   0           0   0   0
 理结果    （二）部分公开（区分处理的，只计这一情形，不计其他情形）          -   1   -   -           0   -   1
                         1.属于国家秘密             0   0   0   0           0   0   0
                   2.其他法律行政法规禁止公开             0   0   0   0           0   0   0
                      3.危及“三安全一稳定”            0   0   0   0           0   0   0
       （三）不予          4.保护第三方合法权益             -   -   -   -           -   -   0
        公开           5.属于三类内部事务信息             0   0   0   0           0   0   0
                      6.属于四类过程性信息             0   0   0   0           0   0   0
                       7.属于行政执法案卷             0   0   0   0           0   0   0
                       8.属于行政查询事项             -   0   -   -           -   -   -
           （四）无法            本机关不掌握相关政府信息
                           1.                0      0   0       0       0       0   0
                          2.没有现成信息需要另行制作
            提供             3.补正后申请内容仍不明确
                                             0
                                             0
                                                    0
                                                    0
                                                        0
                                                        0
                                                                0
                                                                0
                                                                        0
                                                                        0
                                                                                0
                                                                                0
                                                                                    0
                                                                                    0
                             1.信访举报投诉类申请     0      0   0       0       0       0   0
                                 2.重复申请
           （五）不予             3.要求提供公开出版物
                                             0      0   0       0       0       0   0

            处理             4.无正当理由大量反复申请
                                             0
                                             0
                                                    0
                                                    0
                                                        0
                                                        0
                                                                0
                                                                0
                                                                        0
                                                                        0
                                                                                0
                                                                                0
                                                                                    0
                                                                                    0
                      5.要求行政机关确认或重新出具已获取信息   0      0   0       0       0       0   0
                 1.申请人无正当理由逾期不补正、行政机关不再处理其政府
                                信息公开申请
           （六）其他 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处
                                             -      0   -       -       0       0   -


            处理               理其政府信息公开申请      0      0   0       0       0       0   0

                                   3.其他      -      -   -       0       -       0   -
                            （七）总计            0      1   0       0       0       0   1
                   四、结转下年度继续办理               0      0   0       0       0       0   0


（三）政府信息公开行政复议、行政诉讼情况
五、存在的主要问题及改进情况
"""
_TRUTH = {"other_no_correction": [None, 0, None, None, 0, 0, None],
          "other_unpaid_fee": [0, 0, 0, 0, 0, 0, 0]}


def test_two_wrapped_rows_numbers_after_one_label_prove_nothing_wrong() -> None:
    record = process_document(Document.from_text(_TEXT, doc_id="wrapped"))
    values = record.report.values()
    for row, cells in _TRUTH.items():
        for col, value in zip(APPLICANT_COLUMNS, cells):
            path = f"applications.{row}.{col}"
            assert values[path] == value or record.provenance[path].status is not Status.PROVEN, path
