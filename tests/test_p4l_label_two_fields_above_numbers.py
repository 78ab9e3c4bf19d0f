"""A 表三 label pymupdf4llm cut into two fields on its line, its numbers on the grid line below (a Chromium-printed
report under a repeated header).

pymupdf4llm, finding one more column in a narrow label cell than the page has, split ``（二）部分公开（区分处理的，只计
这一情形，不计其他情形）`` over two grid lines and two fields each: ``|办理结果|（⼆）部分公|开（区分处理|| … |`` then
``||的，只计这⼀<br>他情形）|情形，不计其|18|4| … |``. The label's text on its line is both its fields (not the first
alone, which names no row with the line below's pieces): the line below is the row's other half, its numbers the
row's (extract/gridrows.py), and the table's identities prove them.
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document

#: pymupdf4llm's Markdown of 表三 of a Chromium-printed report (a clean-room report, its values invented)
EXCERPT = """# 江北区发展和改⾰局2024年度政府信息公开⼯作报告 

## 三、收到和处理政府信息公开申请情况 

|（本列数据的勾稽关系为：第⼀项加第⼆||||申请⼈情况||||
|---|---|---|---|---|---|---|---|
|项之和，等于第三项加第四项之和）|⾃然⼈|商业企业|科研机构|法⼈或其他组织<br>社会公益组织|法律服务机构|其他|总计|
|⼀、本年新收政府信息公开申请数量|168|27|0|0|1|1|197|
|⼆、上年结转政府信息公开申请数量|2|4|0|0|0|0|6|

|（本列数据<br>项之和，|的勾稽关系为：<br>等于第三项加第|第⼀项加第⼆<br>四项之和）||||申请⼈情况<br>法⼈或其他组织||||
|---|---|---|---|---|---|---|---|---|---|
||||⾃然⼈|商业企业|科研机构|社会公益组织|法律服务机构|其他|总计|
|三、本年度|（⼀）予以公|开|41|12|0|0|1|0|54|
|办理结果|（⼆）部分公|开（区分处理||||||||
||的，只计这⼀<br>他情形）|情形，不计其|18|4|0|0|0|1|23|
|||1.属于国家<br>秘密|1|1|0|0|0|0|2|
|||2.其他法律||||||||
|||⾏政法规禁<br>⽌公开|1|0|0|0|0|0|1|
|||3.危及“三<br>安全⼀稳定”|1|2|0|0|/|/|3|
||（三）不予|4.保护第三<br>⽅合法权益|7|2|/|0|0|0|9|
||公开|5.属于三类||||||||
|||内部事务信<br>息|2|0|0|0|0|/|2|
|||6.属于四类<br>过程性信息|2|0|0|0|0|0|2|
|||7.属于⾏政<br>执法案卷|1|0|0|0|0|0|1|
|||8.属于⾏政<br>查询事项|3|0|0|0|/|0|3|
|||1.本机关不||||||||
|||掌握相关政<br>府信息|26|1|0|0|0|0|27|
||（四）⽆法<br>提供|2.没有现成<br>信息需要另<br>⾏制作|10|1|0|0|0|0|11|
|||3.补正后申||||||||
|||请内容仍不<br>明确|7|0|0|0|0|0|7|

### 申请⼈情况 

### （本列数据的勾稽关系为：第⼀项加第⼆ 项之和，等于第三项加第四项之和） 

|项之和，|等于第三项加第|四项之和）|⾃然⼈|商业企业|法⼈或<br>科研机构<br>社会|其他组织<br>公益组织|法律服务机构|其他|总计|
|---|---|---|---|---|---|---|---|---|---|
|||1.信访举报<br>投诉类申请|6|2|0|/|0|0|8|
|||2.重复申请|4|2|0|0|0|0|6|
|||3.要求提供<br>公开出版物|1|1|0|0|0|0|2|
||（五）不予|4.⽆正当理||||||||
||处理|由⼤量反复|1|0|0|0|0|0|1|
|||申请||||||||
|||5.要求⾏政||||||||
|||机关确认或<br>重新出具已|2|1|/|0|0|0|3|
|||获取信息||||||||
|||1.申请⼈⽆<br>正当理由逾||||||||
|||期不补正、||||||||
|||⾏政机关不|8|0|0|0|0|0|8|
|||再处理其政||||||||
|||府信息公开<br>申请||||||||
||（六）其他<br>处理|2.申请⼈逾<br>期未按收费||||||||
|||通知要求缴||||||||
|||纳费⽤、⾏<br>政机关不再|1|0|0|0|/|0|1|
|||处理其政府||||||||
|||信息公开申||||||||
|||请||||||||
|||3.其他|3|0|0|0|0|0|3|
||（七）总计||146|29|/|0|1|1|177|
|四、结转下年|度继续办理||24|2|0|0|0|/|26|
"""


def test_a_label_cut_into_two_fields_takes_the_numbers_of_its_other_half_below() -> None:
    record = process_document(Document.from_text(EXCERPT, doc_id="p4l-two-fields", source_kind="md"))
    cells = record.report.applications.partially_granted
    assert [cells.natural_person, cells.commercial, cells.other_org, cells.total] == [18, 4, 1, 23]
    assert record.provenance["applications.partially_granted.total"].status is Status.PROVEN
