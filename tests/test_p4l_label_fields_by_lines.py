"""A 表三 label pymupdf4llm cut into side-by-side fields of one grid row, line by line (a browser-printed report).

pymupdf4llm, finding the table of a CMS page printed by Chromium with a narrow label column, split the cell
``（一）予以公开`` (printed ``（一）予以公`` / ``开``) into two fields by the x of its words: ``| （⼀）<br>开 | 予以公<br> |``.
Read field by field it is ``（一）开予以公`` and names no row: the row went missing and, one row short, no identity
could check 表三. Read line by line across the fields it is （一）予以公开 (extract/brlabels.py): the row is read,
and the table's identities prove every row.
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.extract.brlabels import labels_interleaved
from llm_extract.ingest import load_bytes
from llm_extract.pipeline import process_document

#: pymupdf4llm's Markdown of 表三 of a Chromium-printed report page (a clean-room report, its values invented)
EXCERPT = """临江县人民政府办公室2022年政府信息公开工作年度报告

## 三、收到和处理政府信息公开申请情况 

||||⾃然<br>⼈||法<br>|申请⼈情况<br>⼈或其他组<br>|织<br>||总<br>计|
|---|---|---|---|---|---|---|---|---|---|
|||||商业企<br>业|科研机<br>构|社会公益<br>组织|法律服务<br>机构|其<br>他||
|⼀、<br>息|本年新收<br>公开申请|政府信<br>数量|0|1|0|1|0|1|3|
|⼆、<br>息|上年结转<br>公开申请|政府信<br>数量|0|0|1|0|1|0|2|
|三、<br>本年<br>度办|（⼀）<br>开|予以公<br>|0|1|1|0|1|0|3|
|理结<br>果|（⼆）<br>开（区<br>的，只<br>情形，<br>他情|部分公<br>分处理<br>计这⼀<br>不计其<br>形）|0|0|0|0|0|0|0|
||（三）<br>不予公<br>开|1、<br>属于<br>国家<br>秘密|0|0|0|0|0|0|0|
|||2、<br>其他<br>法律<br>⾏政<br>法规<br>禁⽌<br>公开|0|0|0|0|0|0|0|
|||3、<br>危及<br>“三|0|0|0|0|0|0|0|



||安全<br>⼀稳<br>定”||||||||
|---|---|---|---|---|---|---|---|---|
||4、<br>保护<br>第三<br>⽅合<br>法权<br>益|0|0|0|1|0|0|1|
||5、<br>属于<br>三类<br>内部<br>事务<br>信息|0|0|0|0|0|0|0|
||6、<br>属于<br>四类<br>过程<br>性信<br>息|0|0|0|0|0|0|0|
||7、<br>属于<br>⾏政<br>执法<br>案卷|0|0|0|0|0|0|0|
||8、<br>属于<br>⾏政<br>查询<br>事项|0|0|0|0|0|0|0|
|（四）<br>⽆法提<br>供|1、<br>本机<br>关不<br>掌握<br>相关<br>政府<br>信息|0|0|0|0|0|1|1|
||2、<br>没有<br>现成<br>信息<br>需要<br>另⾏<br>制作|0|0|0|0|0|0|0|
||3、<br>补正<br>后申<br>请内|0|0|0|0|0|0|0|



||容仍<br>不明<br>确||||||||
|---|---|---|---|---|---|---|---|---|
|（五）<br>不予处<br>理|1、<br>信访<br>举报<br>投诉<br>类申<br>请|0|0|0|0|0|0|0|
||2、<br>重复<br>申请|0|0|0|0|0|0|0|
||3、<br>要求<br>提供<br>公开<br>出版<br>物|0|0|0|0|0|0|0|
||4、<br>⽆正<br>当理<br>由⼤<br>量反<br>复申<br>请|0|0|0|0|0|0|0|
||5、<br>要求<br>⾏政<br>机关<br>确认<br>或重<br>新出<br>具已<br>获取<br>信息|0|0|0|0|0|0|0|
|（六）<br>其他处<br>理|1、<br>申请<br>⼈⽆<br>正当<br>理由<br>逾期<br>不补<br>正、<br>⾏政<br>机关<br>不再<br>处理<br>其政<br>府信<br>息公|0|0|0|0|0|0|0|



|开申<br>请||||||||
|---|---|---|---|---|---|---|---|
|2、<br>申请<br>⼈逾<br>期未<br>按收<br>费通<br>知要<br>求缴<br>纳费<br>⽤、<br>⾏政<br>机关<br>不再<br>处理<br>其政<br>府信<br>息公<br>开申<br>请|0|0|0|0|0|0|0|
|3、<br>其他|0|0|0|0|0|0|0|
|（七）总计|0|1|1|1|1|1|5|
|四、结转下年度继续<br>办理|0|0|0|0|0|0|0|
"""

_COLUMNS = ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total")


def test_a_label_cut_into_fields_line_by_line_is_read_across_them():
    result = process_document(load_bytes(EXCERPT.encode("utf-8"), doc_id="p4l", suffix=".md"))
    row = result.report.applications.granted
    assert [getattr(row, c) for c in _COLUMNS] == [0, 1, 1, 0, 1, 0, 3]
    statuses = {p: f.status for p, f in result.provenance.items() if p.startswith("applications.")}
    assert all(s is Status.PROVEN for p, s in statuses.items() if p.startswith("applications.granted."))
    assert sum(s is Status.PROVEN for s in statuses.values()) >= 168


def test_the_fields_read_line_by_line_only_where_that_alone_names_a_row():
    cut = ["三、<br>本年<br>度办", "（⼀）<br>开", "予以公<br>", "0", "1", "1", "0", "1", "0", "3"]
    assert labels_interleaved(cut) == ["三、<br>本年<br>度办", "（⼀）予以公开", ""] + cut[3:]
    # the group title's pieces in the field before: the fewest fields that name the row are the label's
    wrapped = ["、<br>本<br>年", "(二)部<br>理的，<br>形，不", "分公开(区分处<br>只计这一情<br>计其他情形)", "0", "2"]
    assert labels_interleaved(wrapped) == ["、<br>本<br>年", "(二)部分公开(区分处理的，只计这一情形，不计其他情形)", "",
                                           "0", "2"]
    # field by field it names its row already: left as printed
    whole = ["⼀、<br>息", "本年新收<br>公开申请", "政府信<br>数量", "0", "1"]
    assert labels_interleaved(whole) == whole
    # line by line it names no row: left as printed
    other = ["（三）<br>不予公<br>开", "1、<br>属于<br>国家<br>秘密", "0"]
    assert labels_interleaved(other) == other
