"""A Markdown grid whose rows print their numbers above their wrapped labels (markitdown of a LibreOffice PDF).

pdfminer (under markitdown) orders a page's text by height: a label wrapped over two or three lines, centred in
its row, starts above its row's numbers, a one-line label beside them. Where a row's label is wrapped and the next
row's is too, the numbers after the first label may be either row's: ``| 开 | … | 0 0 | 0 | 0 | 0 | 1 | 1 |`` after
``2.其他法律行政`` / ``法规禁止公开`` is ``3.危及“三安全一稳定”``'s (printed right after them, with none of its own).
Both rows are outcome rows of （三）不予公开: shifted by one, every identity holds. A row read from a grid line
other than its label's is one the direction checks weigh (extract/direction.py): read from above only where that
reading takes every line of numbers, each for one row, and keeps every identity (extract/above.py).
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import load_bytes
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE3_ROW_PATHS

#: markitdown's Markdown of a LibreOffice PDF report's 表三 and 表四 (a clean-room report, its values invented)
EXCERPT = """河东区市场监督管理局 2024 年政府信息公开工作年度报告
| --- | ------- | --- | --- | ------------- | --- | ---- | --- | --- | --- |
|     | 行政事业性收费 |     |     |               |     | 0.00 |     |     |     |
三、收到和处理政府信息公开申请情况
|               | 本列数据的勾稽关系 |     |     |     |         | 申请人情况 |     |     |     |
| ------------- | --------- | --- | --- | --- | ------- | ----- | --- | --- | --- |
|               |           |     | 自然  |     | 法人或其他组织 |       |     |     | 总计  |
|               |           |     | 人   | 商业  | 科研      | 社会    | 法律  | 其他  |     |
|               |           |     |     | 企业  | 机构      | 公益    | 服务  |     |     |
|               |           |     |     |     |         | 组织    | 机构  |     |     |
| 一、本年新收政府信息公开申 |           |     |     | 5 0 | 0       | 0     | 4   | 4   | 13  |
请数量
| 二、上年结转政府信息公开申 |     |     |     | 0 0 | 0   | 0   | 0   | 0   | 0   |
| ------------- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
请数量
| 三、  |            | （一）予以公开  |     | 2 0 | 0   | 0   | 3   | 2   | 7   |
| --- | ---------- | -------- | --- | --- | --- | --- | --- | --- | --- |
| 本年  | （二）部分公开（区分 |          |     | 0 0 | 0   | 0   | 0   | 1   | 1   |
| 度办  | 处理的，只计这一情  |          |     |     |     |     |     |     |     |
| 理结  | 形，不计其他情形）  |          |     |     |     |     |     |     |     |
|     |            |          |     | 0 0 | 0   | 0   | 0   | 0   | 0   |
| 果   | （三         | 1.属于国家秘密 |     |     |     |     |     |     |     |
|     |            |          |     | 0 0 | 0   | 0   | 0   | 0   | 0   |
|     | ）不         | 2.其他法律行政 |     |     |     |     |     |     |     |
|     | 予公         | 法规禁止公开   |     |     |     |     |     |     |     |
|     | 开          |          |     | 0 0 | 0   | 0   | 0   | 1   | 1   |
3.危及“三安全
一稳定”
|     |     | 4.保护第三方合 |     | 0 0 | 0   | 0   | 0   | 0   | 0   |
| --- | --- | -------- | --- | --- | --- | --- | --- | --- | --- |
法权益
|     |     | 5.属于三类内部 |     | 0 0 | 0   | 0   | 0   | 0   | 0   |
| --- | --- | -------- | --- | --- | --- | --- | --- | --- | --- |
事务信息
|     |     | 6.属于四类过程 |     | 0 0 | 0   | 0   | 0   | 0   | 0   |
| --- | --- | -------- | --- | --- | --- | --- | --- | --- | --- |
性信息
|     |     | 7.属于行政执法 |     | 0 0 | 0   | 0   | 0   | 0   | 0   |
| --- | --- | -------- | --- | --- | --- | --- | --- | --- | --- |
案卷
|     |     |     |     | 0 0 | 0   | 0   | 0   | 0   | 0   |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
8.属于行政查询
第 2 页 共 4 页

事项
（四 1.本机关不掌握 2 0 0 0 1 0 3
）无 相关政府信息
法提 2.没有现成信息 0 0 0 0 0 0 0
供 需要另行制作
3.补正后申请内 0 0 0 0 0 0 0
容仍不明确
（五 1.信访举报投诉 0 0 0 0 0 0 0
）不 类申请
予处 2.重复申请 0 0 0 0 0 0 0
理 3.要求提供公开 0 0 0 0 0 0 0
出版物
4.无正当理由大 0 0 0 0 0 0 0
量反复申请
5.要求行政机关 0 0 0 0 0 0 0
确认或重新出
具已获取信息
（六 1.申请人无正当 0 0 0 0 0 0 0
）其 理由逾期不补
他处 正、行政机关
理 不再处理其政
府信息公开申
请
2.申请人逾期未 0 0 0 0 0 0 0
按收费通知要
求缴纳费用、
行政机关不再
处理其政府信
息公开申请
3.其他 1 0 0 0 0 0 1
（七）总计 5 0 0 0 4 4 13
四、结转下年度继续办理 0 0 0 0 0 0 0
四、政府信息公开行政复议、行政诉讼情况
行政复议 行政诉讼
结 结 其 尚 总 未经复议直接起诉 复议后起诉
果 果 他 未 计 结 结 其 尚 总 结 结 其 尚 总
维 纠 结 审 果 果 他 未 计 果 果 他 未 计
持 正 果 结 维 纠 结 审 维 纠 结 审
持 正 果 结 持 正 果 结
0 1 0 0 1 0 0 0 0 0 0 0 1 1 2
五、存在的主要问题及改进情况
第 3 页 共 4 页
"""


def _record():
    doc = load_bytes(EXCERPT.encode("utf-8"), doc_id="hedong", path="hedong.md", suffix=".md")
    return process_document(doc)


def test_rows_whose_numbers_may_be_the_next_wrapped_rows_are_read_from_above_where_that_claims_every_number() -> None:
    """Read from below, 2.其他法律… takes the ``开`` line and 3.危及… nothing, the line above 1.属于国家秘密 no row's.
    Read from above (the ``开`` beside the numbers a piece of （三）不予公开's title, extract/above.py), every line of
    numbers is one row's and every identity holds: the rows are so read, 3.危及… the ``开`` line's."""
    record = _record()
    values = record.report.values()
    assert [values[p] for p in TABLE3_ROW_PATHS["denied_security_stability"]] == [0, 0, 0, 0, 0, 1, 1]
    assert [values[p] for p in TABLE3_ROW_PATHS["denied_prohibited_by_law"]] == [0] * 7


def test_rows_printed_beside_their_labels_stay_proven() -> None:
    record = _record()
    values = record.report.values()
    for row, total in (("new_received", 13), ("granted", 7), ("partially_granted", 1), ("total_processed", 13)):
        assert values[f"applications.{row}.total"] == total
        assert {record.provenance[p].status for p in TABLE3_ROW_PATHS[row]} == {Status.PROVEN}, row
