"""markitdown's Markdown of a LibreOffice PDF whose 表三 prints its first rows' numbers above their labels (a
grid line of numbers alone, the label on a line of text under it, a piece of 三、本年度办理结果 beside the numbers:
``| 年度办 |  | 0 0 | 0 0 | 1 | 0 1 |``), the later rows' beside them, and its second page as lines of text
(``7.属于行政执法案卷 0 0 0 0 0 0 0``). Read from below, the first rows took the next rows' numbers and two rows
stayed unread; read from above (extract/above.py) every line of numbers is one row's and every identity holds:
the table is so read, each row proven."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import load_bytes
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE3_ROW_PATHS

_TABLE3 = """三、收到和处理政府信息公开申请情况
| （本列数据的勾稽关系为：第一项加第 |     |      | 申请人情况   |     |     |
| ----------------- | --- | ---- | ------- | --- | --- |
| 二项之和，等于第三项加第四项之和） |     | 自然   | 法人或其他组织 |     | 总计  |
|                   |     | 人 商业 | 科研 社会   | 法律  | 其他  |
|                   |     | 企业   | 机构 公益   | 服务  |     |
|                   |     |      | 组织      | 机构  |     |
|                   |     | 0 1  | 1 0     | 2   | 0 4 |
一、本年新收政府信息公开申请数量
|     |     | 0 0 | 0 0 | 0   | 0 0 |
| --- | --- | --- | --- | --- | --- |
二、上年结转政府信息公开申请数量
|     |         | 0 0 | 1 0 | 0   | 0 1 |
| --- | ------- | --- | --- | --- | --- |
| 三、本 | （一）予以公开 |     |     |     |     |
| 年度办 |         | 0 0 | 0 0 | 1   | 0 1 |
（二）部分公开（区分处理
| 理结果 | 的，只计这一情形，不计其他 |     |     |     |     |
| --- | ------------- | --- | --- | --- | --- |
情形）
|     | （三 1.属于国家秘密    | 0 0 | 0 0 | 0   | 0 0 |
| --- | -------------- | --- | --- | --- | --- |
|     | ）不 2.其他法律行政法规禁 | 0 1 | 0 0 | 0   | 0 1 |
予公 止公开
|     | 开 3.危及“三安全一稳 | 0 0 | 0 0 | 0   | 0 0 |
| --- | ------------ | --- | --- | --- | --- |
定”
|     |     | 0 0 | 0 0 | 0   | 0 0 |
| --- | --- | --- | --- | --- | --- |
4.保护第三方合法权益
|     |     | 0 0 | 0 0 | 0   | 0 0 |
| --- | --- | --- | --- | --- | --- |
5.属于三类内部事务信
息
|     |     | 0 0 | 0 0 | 0   | 0 0 |
| --- | --- | --- | --- | --- | --- |
6.属于四类过程性信息
— 2 —

（本列数据的勾稽关系为：第一项加第 申请人情况
二项之和，等于第三项加第四项之和） 自然 法人或其他组织 总计
人 商业 科研 社会 法律 其他
企业 机构 公益 服务
组织 机构
7.属于行政执法案卷 0 0 0 0 0 0 0
8.属于行政查询事项 0 0 0 0 0 0 0
（四 1.本机关不掌握相关政 0 0 0 0 1 0 1
）无 府信息
法提 2.没有现成信息需要另 0 0 0 0 0 0 0
供 行制作
3.补正后申请内容仍不 0 0 0 0 0 0 0
明确
（五 1.信访举报投诉类申请 0 0 0 0 0 0 0
）不 2.重复申请 0 0 0 0 0 0 0
予处 3.要求提供公开出版物 0 0 0 0 0 0 0
理 4.无正当理由大量反复 0 0 0 0 0 0 0
申请
5.要求行政机关确认或 0 0 0 0 0 0 0
重新出具已获取信息
（六 1.申请人无正当理由逾 0 0 0 0 0 0 0
）其 期不补正、行政机关
他处 不再处理其政府信息
理 公开申请
2.申请人逾期未按收费 0 0 0 0 0 0 0
通知要求缴纳费用、
行政机关不再处理其
政府信息公开申请
3.其他 0 0 0 0 0 0 0
（七）总计 0 1 1 0 2 0 4
四、结转下年度继续办理 0 0 0 0 0 0 0
"""

_ROWS = {'new_received': [0, 1, 1, 0, 2, 0, 4], 'carried_over': [0, 0, 0, 0, 0, 0, 0], 'granted': [0, 0, 1, 0, 0, 0, 1], 'partially_granted': [0, 0, 0, 0, 1, 0, 1], 'denied_state_secret': [0, 0, 0, 0, 0, 0, 0], 'denied_prohibited_by_law': [0, 1, 0, 0, 0, 0, 1], 'denied_security_stability': [0, 0, 0, 0, 0, 0, 0], 'denied_third_party': [0, 0, 0, 0, 0, 0, 0], 'denied_internal_affairs': [0, 0, 0, 0, 0, 0, 0], 'denied_process_info': [0, 0, 0, 0, 0, 0, 0], 'denied_enforcement_file': [0, 0, 0, 0, 0, 0, 0], 'denied_query_matter': [0, 0, 0, 0, 0, 0, 0], 'unavailable_not_held': [0, 0, 0, 0, 1, 0, 1], 'unavailable_needs_creation': [0, 0, 0, 0, 0, 0, 0], 'unavailable_unclear': [0, 0, 0, 0, 0, 0, 0], 'rejected_petition': [0, 0, 0, 0, 0, 0, 0], 'rejected_duplicate': [0, 0, 0, 0, 0, 0, 0], 'rejected_publication': [0, 0, 0, 0, 0, 0, 0], 'rejected_excessive': [0, 0, 0, 0, 0, 0, 0], 'rejected_reconfirm': [0, 0, 0, 0, 0, 0, 0], 'other_no_correction': [0, 0, 0, 0, 0, 0, 0], 'other_unpaid_fee': [0, 0, 0, 0, 0, 0, 0], 'other_other': [0, 0, 0, 0, 0, 0, 0], 'total_processed': [0, 1, 1, 0, 2, 0, 4], 'carried_forward': [0, 0, 0, 0, 0, 0, 0]}


def test_rows_above_then_beside_their_labels_are_read_from_above_and_proven() -> None:
    text = "双桥区卫生健康委员会2023年政府信息公开工作年度报告\n" + _TABLE3 + "四、政府信息公开行政复议、行政诉讼情况\n"
    record = process_document(load_bytes(text.encode("utf-8"), doc_id="sq", path="sq.md", suffix=".md"))
    values = record.report.values()
    for row, want in _ROWS.items():
        assert [values[p] for p in TABLE3_ROW_PATHS[row]] == want, row
    for row in ("carried_over", "granted", "partially_granted", "denied_enforcement_file"):
        assert {record.provenance[p].status for p in TABLE3_ROW_PATHS[row]} == {Status.PROVEN}, row


_PAGE_BROKEN = """三、收到和处理政府信息公开申请情况
| （本列数据的勾稽关系为：第一 |     |     |     | 申请人情况   |     |     |     |     |
| -------------- | --- | --- | --- | ------- | --- | --- | --- | --- |
| 项加第二项之和，等于第三项加 |     | 自然人 |     | 法人或其他组织 |     |     |     | 总计  |
第四项之和）
|     |     |     | 商业企 | 科研机 | 社会公 | 法律服 | 其他  |     |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
|     |     |     | 业   | 构   | 益组织 | 务机构 |     |     |
|     |     | 401 | 0   | 0   | 0   | 1   | 0   | 402 |
一、本年新收政府信息公开申请
数量
| 二、上年结转政府信息公开申请 |     | 0   | 0   | 0   | 0   | 0   | 0   | 0   |
| -------------- | --- | --- | --- | --- | --- | --- | --- | --- |
数量
| 三、  | （一）予以公开     | 174 | 0   | 0   | 0   | 1   | 0   | 175 |
| --- | ----------- | --- | --- | --- | --- | --- | --- | --- |
| 本年  | （二）部分公开（区分  | 46  | 0   | 0   | 0   | 0   | 0   | 46  |
| 度办  | 处理的，只计这一情   |     |     |     |     |     |     |     |
| 理结  | 形，不计其他情形）   |     |     |     |     |     |     |     |
|     |             | 2   | 0   | 0   | 0   | 0   | 0   | 2   |
| 果   | （三 1.属于国家秘密 |     |     |     |     |     |     |     |
|     |             | 3   | 0   | 0   | 0   | 0   | 0   | 3   |
|     | ）不 2.其他法律行政 |     |     |     |     |     |     |     |
|     | 予公 法规禁止公开   |     |     |     |     |     |     |     |
|     |             | 1   | 0   | 0   | 0   | 0   | 0   | 1   |
开 3.危及“三安全
一稳定”
|     |     | 5   | 0   | 0   | 0   | 0   | 0   | 5   |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
4.保护第三方合
法权益
|     | 5.属于三类内部 | 6   | 0   | 0   | 0   | 0   | 0   | 6   |
| --- | -------- | --- | --- | --- | --- | --- | --- | --- |
事务信息
|     | 6.属于四类过程 | 11  | 0   | 0   | 0   | 0   | 0   | 11  |
| --- | -------- | --- | --- | --- | --- | --- | --- | --- |
性信息
|     | 7.属于行政执法 | 4   | 0   | 0   | 0   | 0   | 0   | 4   |
| --- | -------- | --- | --- | --- | --- | --- | --- | --- |
案卷
|     |     | 10  | 0   | 0   | 0   | 0   | 0   | 10  |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
8.属于行政查询
事项
|     |             | 60  | 0   | 0   | 0   | 0   | 0   | 60  |
| --- | ----------- | --- | --- | --- | --- | --- | --- | --- |
|     | （四 1.本机关不掌握 |     |     |     |     |     |     |     |
|     | ）无 相关政府信息   |     |     |     |     |     |     |     |
|     | 法提          | 7   | 0   | 0   | 0   | 0   | 0   | 7   |
2.没有现成信息
供 需要另行制作
|     | 3.补正后申请内 | 18  | 0   | 0   | 0   | 0   | 0   | 18  |
| --- | -------- | --- | --- | --- | --- | --- | --- | --- |
容仍不明确
|     | （五 1.信访举报投诉 | 10  | 0   | 0   | 0   | 0   | 0   | 10  |
| --- | ----------- | --- | --- | --- | --- | --- | --- | --- |
）不 类申请
|     | 予处 2.重复申请  | 8   | 0   | 0   | 0   | 0   | 0   | 8   |
| --- | ---------- | --- | --- | --- | --- | --- | --- | --- |
|     | 理 3.要求提供公开 | 2   | 0   | 0   | 0   | 0   | 0   | 2   |
出版物
|     |     | 2   | 0   | 0   | 0   | 0   | 0   | 2   |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
4.无正当理由大
量反复申请
|     |     | 4   | 0   | 0   | 0   | 0   | 0   | 4   |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
5.要求行政机关
确认或重新出
具已获取信息
第 2 页 共 3 页

| （本列数据的勾稽关系为：第一 |        |          |     |     |     |     |     | 申请人情况   |     |     |     |     |     |
| -------------- | ------ | -------- | --- | --- | --- | --- | --- | ------- | --- | --- | --- | --- | --- |
| 项加第二项之和，等于第三项加 |        |          |     | 自然人 |     |     |     | 法人或其他组织 |     |     |     |     | 总计  |
|                | 第四项之和） |          |     |     | 商业企 |     | 科研机 | 社会公     |     | 法律服 | 其他  |     |     |
|                |        |          |     |     |     | 业   | 构   | 益组织     |     | 务机构 |     |     |     |
|                |        |          |     | 8   |     | 0   | 0   |         | 0   | 0   |     | 0   | 8   |
|                | （六     | 1.申请人无正当 |     |     |     |     |     |         |     |     |     |     |     |
|                | ）其     | 理由逾期不补   |     |     |     |     |     |         |     |     |     |     |     |
|                | 他处     | 正、行政机关   |     |     |     |     |     |         |     |     |     |     |     |
理 不再处理其政
府信息公开申
请
|     |     |     |     | 2   |     | 0   | 0   |     | 0   | 0   |     | 0   | 2   |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
2.申请人逾期未
按收费通知要
求缴纳费用、
行政机关不再
处理其政府信
息公开申请
|             |     | 3.其他  |     | 18  |     | 0   | 0   |     | 0   | 0   |     | 0   | 18  |
| ----------- | --- | ----- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
|             |     | （七）总计 |     | 401 |     | 0   | 0   |     | 0   | 1   |     | 0   | 402 |
| 四、结转下年度继续办理 |     |       |     | 0   |     | 0   | 0   |     | 0   | 0   |     | 0   | 0   |
"""

_PAGE_BROKEN_ROWS = {'new_received': [401, 0, 0, 0, 1, 0, 402], 'carried_over': [0, 0, 0, 0, 0, 0, 0], 'granted': [174, 0, 0, 0, 1, 0, 175], 'partially_granted': [46, 0, 0, 0, 0, 0, 46], 'denied_state_secret': [2, 0, 0, 0, 0, 0, 2], 'denied_prohibited_by_law': [3, 0, 0, 0, 0, 0, 3], 'denied_security_stability': [1, 0, 0, 0, 0, 0, 1], 'denied_third_party': [5, 0, 0, 0, 0, 0, 5], 'denied_internal_affairs': [6, 0, 0, 0, 0, 0, 6], 'denied_process_info': [11, 0, 0, 0, 0, 0, 11], 'denied_enforcement_file': [4, 0, 0, 0, 0, 0, 4], 'denied_query_matter': [10, 0, 0, 0, 0, 0, 10], 'unavailable_not_held': [60, 0, 0, 0, 0, 0, 60], 'unavailable_needs_creation': [7, 0, 0, 0, 0, 0, 7], 'unavailable_unclear': [18, 0, 0, 0, 0, 0, 18], 'rejected_petition': [10, 0, 0, 0, 0, 0, 10], 'rejected_duplicate': [8, 0, 0, 0, 0, 0, 8], 'rejected_publication': [2, 0, 0, 0, 0, 0, 2], 'rejected_excessive': [2, 0, 0, 0, 0, 0, 2], 'rejected_reconfirm': [4, 0, 0, 0, 0, 0, 4], 'other_no_correction': [8, 0, 0, 0, 0, 0, 8], 'other_unpaid_fee': [2, 0, 0, 0, 0, 0, 2], 'other_other': [18, 0, 0, 0, 0, 0, 18], 'total_processed': [401, 0, 0, 0, 1, 0, 402], 'carried_forward': [0, 0, 0, 0, 0, 0, 0]}


def test_a_page_breaks_repeated_header_is_no_piece_of_the_label_above_it() -> None:
    """``5.要求行政机关`` / ``确认或重新出`` / ``具已获取信息`` / (page foot, the header repeated) / ``| … | 8 | … |`` /
    ``| | （六 | 1.申请人无正当 | … |``: the numbers after the repeated header are （六）1.'s, printed above its
    label, not 5.'s (whose numbers stand above it): the header's words are no middle piece of 5.'s label."""
    text = "青山市财政局2024年政府信息公开工作年度报告\n" + _PAGE_BROKEN + "四、政府信息公开行政复议、行政诉讼情况\n"
    record = process_document(load_bytes(text.encode("utf-8"), doc_id="qs", path="qs.md", suffix=".md"))
    values = record.report.values()
    for row, want in _PAGE_BROKEN_ROWS.items():
        assert [values[p] for p in TABLE3_ROW_PATHS[row]] == want, row
