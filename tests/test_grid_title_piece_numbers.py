"""A narrow Markdown grid (markitdown of a Word-printed PDF: two columns to a field, ``| 125 3 | 0 0 | 2 1 | 131 |``)
whose group title, centred down its merged first column, gives a piece to the grid line holding a row's numbers.

pdfminer (under markitdown) cuts the page into grid lines by height: the label ``4.保护第三方合法权益`` sits on a
grid line of empty fields beside the piece ``办`` of 三、本年度办理结果, and its numbers on the next grid line beside
the piece ``（三）不`` of （三）不予公开 (``| （三）不 |  | 5 0 | 0 0 | 0 0 | 5 |``). That piece names no row: the line is
the row's line of numbers, the only one before the next row, whose label holds numbers of its own
(extract/gridtitles.py). Read from a line other than its label's, in a table printing other rows' numbers above or
below their labels, the row stays queued (``cells-above-or-below``); no longer missing, it lets the identities prove
the rows printed on their labels' lines. Where the next row's label holds no numbers, the line may be its: the row
stays unread.
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import load_bytes
from llm_extract.pipeline import process_document

#: markitdown's Markdown of a report's 表三 printed by Word (a clean-room report, its values invented)
EXCERPT = """临江县自然资源局2023年政府信息公开工作年度报告
三、收到和处理政府信息公开申请情况
申请人情况
| （本列数据的勾稽关系为：第一项加第二项之和， |     | 法人或其他组织 |     |     |     |
| ---------------------- | --- | ------- | --- | --- | --- |
等于第三项加第四项之和）
|     |     | 自然人 |          |      | 总计  |
| --- | --- | --- | -------- | ---- | --- |
|     |     | 商业企 | 科研机 社会公益 | 法律服务 |     |
其他
|                  |     | 业       | 构 组织 | 机构   |      |
| ---------------- | --- | ------- | ---- | ---- | ---- |
| 一、本年新收政府信息公开申请数量 |     | 125 3 | 0 0  | 2 1 | 131 |
二、上年结转政府信息公开申请数量
|     |     | 4 0 | 0 0 | 0 0 | 4  |
| --- | --- | ---- | --- | --- | --- |
（一）予以公开
|     |     | 60 1 | 0 0 | 1 0 | 62 |
| --- | --- | ------- | --- | ---- | ---- |
（二）部分公开（区分处理的，只计这一情
|     |     | 10 0 | 0 0 | 0 0 | 10 |
| --- | --- | ----- | --- | --- | --- |
形，不计其他情形）
|     | 1.属于国家秘密 | 1 0 | 0 0 | 0 0 | 1   |
| --- | -------- | --- | --- | --- | --- |
三、
2.其他法律行政法规禁止公开
| 本   |     | 2 0 | 0 0 | 0 0 | 2  |
| --- | --- | ---- | --- | --- | --- |
年
3.危及“三安全一稳定”
|     |     | 0 0 | 0 0 | 0 0 | 0   |
| --- | --- | --- | --- | --- | --- |
度
| 办    | 4.保护第三方合法权益 |     |     |     |     |
| ---- | ----------- | --- | --- | --- | --- |
| （三）不 |             | 5 0 | 0 0 | 0 0 | 5   |
理
予公开
|     | 5.属于三类内部事务信息 | 3 1 | 0 0 | 0 0 | 4   |
| --- | ------------ | --- | --- | --- | --- |
结
果
|     | 6.属于四类过程性信息 | 4 0 | 0 0 | 0 0 | 4  |
| --- | ----------- | ---- | --- | --- | --- |
7.属于行政执法案卷
|     |     | 1 0 | 0 0 | 0 0 | 1   |
| --- | --- | --- | --- | --- | --- |
8.属于行政查询事项
|     |                | 6 0  | 0 0 | 0 0  | 6 |
| --- | -------------- | ------ | --- | ---- | --- |
|     | 1.本机关不掌握相关政府信息 | 20 1 | 0 0 | 1 1 | 23 |
（四）无
- 4 -

| 法提供 | 2.没有现成信息需要另行制作 |     |     |     |     |     |     |
| --- | -------------- | --- | --- | --- | --- | --- | --- |
|     |                |     | 2  | 0 0 | 0   | 0 0 | 2  |
3.补正后申请内容仍不明确
|     |     |     | 1   | 0 0 | 0   | 0 0 | 1   |
| --- | --- | --- | --- | --- | --- | --- | --- |
1.信访举报投诉类申请
|      |             |     | 3  | 0 0 | 0   | 0 0 | 3  |
| ---- | ----------- | --- | --- | --- | --- | --- | --- |
|      | 2.重复申请      |     | 2  | 0 0 | 0   | 0 0 | 2  |
| （五）不 | 3.要求提供公开出版物 |     | 0   | 0 0 | 0   | 0 0 | 0   |
予处理
|     | 4.无正当理由大量反复申请 |     | 0   | 0 0 | 0   | 0 0 | 0   |
| --- | ------------- | --- | --- | --- | --- | --- | --- |
5.要求行政机关确认或重新出
|     |     |     | 1   | 0 0 | 0   | 0 0 | 1   |
| --- | --- | --- | --- | --- | --- | --- | --- |
具已获取信息
1、申请人无正当理由逾期不补
正、行政机关不再处理其政府信
|     |     |     | 4  | 0 0 | 0   | 0 0 | 4  |
| --- | --- | --- | --- | --- | --- | --- | --- |
息公开申请
（六）其
2、申请人逾期未按收费通知要
他处理
求缴纳费用、行政机关不再处理
|     |     |     | 0   | 0 0 | 0   | 0 0 | 0   |
| --- | --- | --- | --- | --- | --- | --- | --- |
其政府信息公开申请
|     | 3、其他 |     | 2 | 0 0 | 0   | 0 0 | 2 |
| --- | ---- | --- | --- | --- | --- | --- | --- |
（七）总计
|     |     |     | 127 | 3 0 | 0   | 2 1 | 133 |
| --- | --- | --- | ---- | ---- | --- | ---- | ---- |
四、结转下年度继续办理
|     |     |     | 2 | 0 0 | 0   | 0 0 | 2 |
| --- | --- | --- | --- | --- | --- | --- | --- |
四、政府信息公开行政复议、行政诉讼情况
"""

_COLUMNS = ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total")
#: the rows printed with their numbers on their labels' grid lines
_ON_THEIR_LINES = ("new_received", "denied_state_secret", "denied_internal_affairs", "denied_process_info",
                   "unavailable_not_held", "rejected_duplicate", "rejected_publication", "rejected_excessive",
                   "other_other")


def _read(text: str):
    return process_document(load_bytes(text.encode("utf-8"), doc_id="report", suffix=".md"))


def test_numbers_beside_a_group_title_piece_are_the_row_above_s():
    result = _read(EXCERPT)
    row = result.report.applications.denied_third_party
    assert [getattr(row, c) for c in _COLUMNS] == [5, 0, 0, 0, 0, 0, 5]
    for c in _COLUMNS:
        prov = result.provenance[f"applications.denied_third_party.{c}"]
        assert prov.status is Status.UNVERIFIED and "READ.ABOVE_OR_BELOW" in prov.rules


def test_the_rows_on_their_labels_lines_are_then_proven():
    result = _read(EXCERPT)
    for r in _ON_THEIR_LINES:
        for c in _COLUMNS:
            assert result.provenance[f"applications.{r}.{c}"].status is Status.PROVEN, (r, c)
    assert result.report.applications.denied_internal_affairs.commercial == 1
    assert result.report.applications.other_other.total == 2


def test_numbers_the_next_row_may_own_leave_the_row_unread():
    """The next row's label holds empty fields, its numbers on the line after it: the line between the two labels
    may be either row's (printed below the upper label or above the lower one)."""
    text = EXCERPT.replace("|     | 5.属于三类内部事务信息 | 3 1 | 0 0 | 0 0 | 4   |\n| --- | ------------ | --- | --- | --- | --- |\n",
                           "|     | 5.属于三类内部事务信息 |     |     |     |     |\n| --- | ------------ | --- | --- | --- | --- |\n"
                           "|     |     | 3 1 | 0 0 | 0 0 | 4   |\n")
    assert text != EXCERPT
    result = _read(text)
    for c in ("natural_person", "total"):
        assert result.provenance[f"applications.denied_third_party.{c}"].status is Status.MISSING
