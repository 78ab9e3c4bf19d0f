"""``pdf2txt.py`` (``boxes_flow=None``) text of a report whose 表三 has a blank row: the row prints nothing.

pdfminer prints each cell as a box, the rows' cells apart from their stacked labels, and an empty cell as
nothing at all: the region holds seven numbers too few. The text-block reader may take runs printed after
表四's heading to make up the count (pdfminer may print a page's part of 表三 there); here 表四's own zeros
made it, and the outcome rows slid by one row kept every identity (they weigh alike in each). A tiling that
took numbers from after 表四's heading, leaving there other than 表四's fifteen (here eight), proves none of the
cells it placed.
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE3_PATHS

#: the excerpt of 表三 and 表四 (a generated report through pdfminer.six, boxes_flow=None): each box's lines
#: joined by ``/``, ``*n`` a box printed n times; 1.属于国家秘密's row is blank (printed nothing)
_BOXES = (
    "三、收到和处理政府信息公开申请情况 | 申请人情况 | 法人或其他组织 | （本列数据的勾稽关系为：第一项加第二/项之和，等于第三项加第四项之和）"
    " | 总计 | 自然/人 | 其他 | 商业/企业 | 科研/机构 | 社会/公益/组织 | 法律/服务/机构 | 28 | 0*3 | 7 | 0 | 35 | 7 | 0 | 7 | 0*2"
    " | 7 | 21 | 一、本年新收政府信息公开申请数/量/二、上年结转政府信息公开申请数/量 | 21 | 0*5 | 21 | 0*7"
    " | （一）予以公开/（二）部分公开（区分处理/的，只计这一情形，不计其/他情形） | 三、/本年/度办/理结/果"
    " | （三）不予/公开（三）/不予公开 | 0*7 | 1.属于国家秘/密/2.其他法律行/政法规禁止公 | 0 | 0*6 | 7 | 0*5 | 7 | 0*14"
    " | 7 | 0*5 | 7 | 0*9 | 7 | 0*3 | 7 | 0*7 | （四）无法/提供（四）/无法提供 | 0*35 | （五）不予/处理（五）/不予处理 | 0*7"
    " | （六）其他/处理（六）/其他处理 | 0*14 | 开/3.危及“三安/全一稳定”/4.保护第三方/合法权益/5.属于三类内/部事务信息"
    "/6.属于四类过/程性信息/7.属于行政执/法案卷/8.属于行政查/询事项/1.本机关不掌/握相关政府信/息/2.没有现成信/息需要另行制/作"
    "/3.补正后申请/内容仍不明确/1.信访举报投/诉类申请/2.重复申请/3.要求提供公/开出版物/4.无正当理由/大量反复申请/5.要求行政机"
    "/关确认或重新/出具已获取信/息/1.申请人无正/当理由逾期不/补正、行政机/关不再处理其/政府信息公开/申请/2.申请人逾期"
    "/未按收费通知/要求缴纳费/用、行政机关/不再处理其政/府信息公开申/请 | 3.其他 | （七）总计 | 0/35/0 | 0/0/0 | 0/7/0"
    " | 0/0/0 | 0/0/7*2 | 0/42/14 | 四、结转下年度继续办理/四、政府信息公开行政复议、行政诉讼情况 | 行政复议 | 行政诉讼"
    " | 未经复议直接起诉 | 复议后起诉 | 总/计*3 | 结/果/维/持 | 结/果/纠/正 | 其/他/结/果 | 尚/未/审/结 | 0*5"
    " | 结/果/维/持/0 | 结/果/纠/正/0 | 其/他/结/果/0 | 尚/未/审/结/0 | 0 | 结/果/维/持/0 | 结/果/纠/正/0 | 其/他/结/果/0"
    " | 尚/未/审/结/0 | 0 | 五、存在的主要问题及改进情况 | 无。"
)


def _text() -> str:
    lines = ["某县自然资源局2022年政府信息公开工作年度报告", ""]
    for box in _BOXES.split(" | "):
        box, _, times = box.partition("*")
        lines += (box.split("/") + [""]) * int(times or 1)
    return "\n".join(lines)


def test_a_tiling_that_took_numbers_after_table4s_heading_proves_none_of_its_cells() -> None:
    record = process_document(Document.from_text(_text(), doc_id="d"))
    slid = [f"applications.{r}.{c}" for r in ("denied_security_stability", "denied_third_party")
            for c in ("natural_person", "total")]
    assert all(record.provenance[p].status is not Status.PROVEN for p in slid)
    proven = [p for p in TABLE3_PATHS if record.provenance[p].status is Status.PROVEN]
    assert not any(p.startswith("applications.denied_") for p in proven)
