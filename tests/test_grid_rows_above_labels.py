"""表三 as markitdown prints a LibreOffice PDF's table: most rows' numbers on a grid line of their own ABOVE the row's
label, the label wrapped beside a group's heading (``|  |  | 65 | 0 | … | 65 |`` / ``| 本年 | （二）部分公开 |  | … |`` /
``度办 （区分处理的，只``), a few on their label's line.

Read top-down each such label takes the next row's numbers; the identities across the table choose the direction
(extract/above.py): read above their labels, every identity holds; read below, the last row has none.
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import load_bytes
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE3_PATHS

#: a clean-room report's 表三 and 表四 (values invented), as markitdown 0.1 prints the LibreOffice PDF
EXCERPT = """东城区卫生健康委员会2021年政府信息公开工作年度报告
三、收到和处理政府信息公开申请情况
| （本列数据的勾稽关系  |     |     |     | 申请人情况   |     |     |     |     |
| ----------- | --- | --- | --- | ------- | --- | --- | --- | --- |
| 为：第一项加第二项之  |     | 自然人 |     | 法人或其他组织 |     |     |     | 总计  |
| 和，等于第三项加第四项 |     |     | 商业企 | 科研机     | 社会公 | 法律服 | 其他  |     |
|             | 之和） |     | 业   | 构       | 益组织 | 务机构 |     |     |
| 一、本年新收政府信息公 |     | 547 | 0   | 0       | 0   | 0   | 2   | 549 |
开申请数量
| 二、上年结转政府信息公 |     | 0   | 0   | 0   | 0   | 0   | 0   | 0   |
| ----------- | --- | --- | --- | --- | --- | --- | --- | --- |
开申请数量
| 三、  | （一）予以公开 | 243 | 0   | 0   | 0   | 0   | 2   | 245 |
| --- | ------- | --- | --- | --- | --- | --- | --- | --- |
|     |         | 65  | 0   | 0   | 0   | 0   | 0   | 65  |
| 本年  | （二）部分公开 |     |     |     |     |     |     |     |
度办 （区分处理的，只
理结 计这一情形，不计
| 果   | 其他情形）     |     |     |     |     |     |     |     |
| --- | --------- | --- | --- | --- | --- | --- | --- | --- |
|     |           | 1   | 0   | 0   | 0   | 0   | 0   | 1   |
|     | （三 1.属于国家 |     |     |     |     |     |     |     |
）不 秘密
|     |           | 4   | 0   | 0   | 0   | 0   | 0   | 4   |
| --- | --------- | --- | --- | --- | --- | --- | --- | --- |
|     | 予公 2.其他法律 |     |     |     |     |     |     |     |
开 行政法规禁
止公开
|     | 3.危及“三 | 1   | 0   | 0   | 0   | 0   | 0   | 1   |
| --- | ------ | --- | --- | --- | --- | --- | --- | --- |
安全一稳
定”
|     | 4.保护第三 | 6   | 0   | 0   | 0   | 0   | 0   | 6   |
| --- | ------ | --- | --- | --- | --- | --- | --- | --- |
方合法权益
|     | 5.属于三类 | 7   | 0   | 0   | 0   | 0   | 0   | 7   |
| --- | ------ | --- | --- | --- | --- | --- | --- | --- |
内部事务信
息
|     |     | 16  | 0   | 0   | 0   | 0   | 0   | 16  |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
6.属于四类
过程性信息
|     |     | 4   | 0   | 0   | 0   | 0   | 0   | 4   |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
7.属于行政
执法案卷
|     |     | 7   | 0   | 0   | 0   | 0   | 0   | 7   |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
8.属于行政
查询事项
|     | （四 1.本机关不 | 98  | 0   | 0   | 0   | 0   | 0   | 98  |
| --- | --------- | --- | --- | --- | --- | --- | --- | --- |
|     | ）无 掌握相关政  |     |     |     |     |     |     |     |
|     | 法提 府信息    |     |     |     |     |     |     |     |
|     | 供 2.没有现成  | 11  | 0   | 0   | 0   | 0   | 0   | 11  |
信息需要另
行制作
|     | 3.补正后申 | 11  | 0   | 0   | 0   | 0   | 0   | 11  |
| --- | ------ | --- | --- | --- | --- | --- | --- | --- |
请内容仍不
明确
|     | （五 1.信访举报 | 9   | 0   | 0   | 0   | 0   | 0   | 9   |
| --- | --------- | --- | --- | --- | --- | --- | --- | --- |
|     | ）不 投诉类申请  |     |     |     |     |     |     |     |
第 2 页 共 4 页

|     |     |        |     | 12  | 0   |     | 0   | 0   | 0   |     | 0   | 12  |
| --- | --- | ------ | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
|     | 予处  | 2.重复申请 |     |     |     |     |     |     |     |     |     |     |
|     |     |        |     | 6   | 0   |     | 0   | 0   | 0   |     | 0   | 6   |
理 3.要求提供
公开出版物
|     |     | 4.无正当理 |     | 4   | 0   |     | 0   | 0   | 0   |     | 0   | 4   |
| --- | --- | ------ | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
由大量反复
申请
|     |     | 5.要求行政 |     | 4   | 0   |     | 0   | 0   | 0   |     | 0   | 4   |
| --- | --- | ------ | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
机关确认或
重新出具已
获取信息
|     | （六  | 1.申请人无 |     | 12  | 0   |     | 0   | 0   | 0   |     | 0   | 12  |
| --- | --- | ------ | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
|     | ）其  | 正当理由逾  |     |     |     |     |     |     |     |     |     |     |
|     | 他处  | 期不补正、  |     |     |     |     |     |     |     |     |     |     |
理 行政机关不
再处理其政
府信息公开
申请
|     |     |     |     | 4   | 0   |     | 0   | 0   | 0   |     | 0   | 4   |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
2.申请人逾
期未按收费
通知要求缴
纳费用、行
政机关不再
处理其政府
信息公开申
请
|     |     |     |     | 22  | 0   |     | 0   | 0   | 0   |     | 0   | 22  |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
3.其他
|             |     | （七）总计 |     | 547 | 0   |     | 0   | 0   | 0   |     | 2   | 549 |
| ----------- | --- | ----- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
| 四、结转下年度继续办理 |     |       |     | 0   | 0   |     | 0   | 0   | 0   |     | 0   | 0   |
四、政府信息公开行政复议、行政诉讼情况
|     |     | 行政复议  |     |     |          |     |     | 行政诉讼 |     |       |       |     |
| --- | --- | ----- | --- | --- | -------- | --- | --- | ---- | --- | ----- | ----- | --- |
| 结果  | 结果  | 其他 尚未 | 总计  |     | 未经复议直接起诉 |     |     |      |     | 复议后起诉 |       |     |
| 维持  | 纠正  | 结果 审结 |     |     |          |     |     |      |     |       |       |     |
|     |     |       |     | 结果  | 结果       | 其他  | 尚未  | 总计   | 结果  | 结果    | 其他 尚未 | 总计  |
|     |     |       |     | 维持  | 纠正       | 结果  | 审结  |      | 维持  | 纠正    | 结果 审结 |     |
| 0   | 0   | 0 0   | 0   | 1   | 0        | 0   | 1   | 2    | 0   | 0     | 0 0   | 0   |
五、存在的主要问题及改进情况
存在的主要问题：一是公开内容的全面性、及时性还有待加强；二是政策解读的形式还
不够丰富。
"""

TOTALS = {"new_received": 549, "carried_over": 0, "granted": 245, "partially_granted": 65, "denied_state_secret": 1,
          "denied_prohibited_by_law": 4, "denied_security_stability": 1, "denied_third_party": 6,
          "denied_internal_affairs": 7, "denied_process_info": 16, "denied_enforcement_file": 4,
          "denied_query_matter": 7, "unavailable_not_held": 98, "unavailable_needs_creation": 11,
          "unavailable_unclear": 11, "rejected_petition": 9, "rejected_duplicate": 12, "rejected_publication": 6,
          "rejected_excessive": 4, "rejected_reconfirm": 4, "other_no_correction": 12, "other_unpaid_fee": 4,
          "other_other": 22, "total_processed": 549, "carried_forward": 0}


def test_rows_printed_above_their_labels_in_a_grid_are_read_from_above_and_proven() -> None:
    record = process_document(load_bytes(EXCERPT.encode("utf-8"), doc_id="dc", path="dc.md", suffix=".md"))
    values = record.report.values()
    assert {row: values[f"applications.{row}.total"] for row in TOTALS} == TOTALS
    assert {record.provenance[p].status for p in TABLE3_PATHS} == {Status.PROVEN}


def test_the_same_grid_with_a_row_lost_is_never_proven_shifted() -> None:
    """One row's grid line of numbers lost (a converter dropped it): no direction keeps every identity, and no row
    is proven with another row's numbers."""
    lines = EXCERPT.split("\n")
    lost = next(i for i, line in enumerate(lines) if line.startswith("|") and "| 4   |" in line and "| 0   |" in line)
    record = process_document(load_bytes("\n".join(lines[:lost] + lines[lost + 1:]).encode("utf-8"), doc_id="dc",
                                         path="dc.md", suffix=".md"))
    values = record.report.values()
    for row, total in TOTALS.items():
        path = f"applications.{row}.total"
        if record.provenance[path].status is Status.PROVEN:
            assert values[path] == total, row
