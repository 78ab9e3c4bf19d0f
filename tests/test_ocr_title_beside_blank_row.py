"""An OCR'd 表三 whose group title cell, printed down its narrow column, shares a blank sub-row's line
(``(三) 不予⇥1.属于国家秘密``): the label stands as alone as on a line of its own, so the row is read blank (each cell
null, as printed), not left lost for the identities to fill with 0s."""

from __future__ import annotations

from llm_extract.ingest import Document
from llm_extract.pipeline import process_document

ROWS = [
    ("一、本年新收政府信息公开申请数量", "13 0 0 0\t0 4 17"),
    ("二、上年结转政府信息公开申请数量", "0 0 0 0\t0 0 0"),
    ("三、本年度\t（一)予以公开", "5 0 0 0\t0 1 6"),
    ("办理结果 （二）部分公开（区分处理的，只计这一情形，不计其他情形)", "1 0 0 0\t0 0 1"),
    ("(三) 不予\t1.属于国家秘密", None),
    ("公开\t2.其他法律行政法规禁止公开", "0 0 0 0\t0 1 1"),
    ("3.危及“三安全一稳定”", "0 0 0 0\t0 0 0"),
    ("4.保护第三方合法权益", "0 0 0 0\t0 0 0"),
    ("5.属于三类内部事务信息", "0 0 0 0\t0 0 0"),
    ("6.属于四类过程性信息", "0 0 0 0\t0 0 0"),
    ("7.属于行政执法案卷", "0 0 0 0\t0 0 0"),
    ("8.属于行政查询事项", "0 0 0 0\t0 0 0"),
    ("1.本机关不掌握相关政府信息", "3 0 0 0\t0 2 5"),
    ("(四) 无法\t2.没有现成信息需要另行制作", None),
    ("提供\t3.补正后申请内容仍不明确", "0 0 0 0\t0 0 0"),
    ("1.信访举报投诉类申请", "2 0 0 0\t0 0 2"),
    ("2.重复申请", "0 0 0 0\t0 0 0"),
    ("(五) 不予\t3.要求提供公开出版物", "0 0 0 0\t0 0 0"),
    ("处理\t4.无正当理由大量反复申请", "0 0 0 0\t0 0 0"),
    ("5.要求行政机关确认或重新出具已获取信息", "0 0 0 0\t0 0 0"),
    ("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "0 0 0 0\t0 0 0"),
    ("(六) 其他处理\t2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "0 0 0 0\t0 0 0"),
    ("3.其他", "2 0 0 0\t0 0 2"),
    ("(七) 总计", "13 0 0 0\t0 4 17"),
    ("四、结转下年度继续办理", "0 0 0 0\t0 0 0"),
]


def _text() -> str:
    lines = ["向阳区人民政府2023年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况",
             "申请人情况", "自然人\t法人或其他组织\t总计", "商业企业 科研机构 社会公益组织 法律服务机构 其他"]
    lines += [label if cells is None else f"{label}\t{cells}" for label, cells in ROWS]
    lines += ["四、政府信息公开行政复议、行政诉讼情况", "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0", "五、存在的主要问题及改进情况"]
    return "\n".join(lines) + "\n"


def test_a_blank_sub_row_beside_its_group_title_on_one_tab_line_is_read_blank() -> None:
    record = process_document(Document.from_text(_text(), doc_id="t"))
    for row in ("denied_state_secret", "unavailable_needs_creation"):
        for column in ("natural_person", "other_org", "total"):
            path = f"applications.{row}.{column}"
            assert record.report.get(path) is None, path            # printed blank: null, not a derived 0
            assert record.provenance[path].method == "label-alone"
    # the rows around it are read as printed
    assert record.report.get("applications.denied_prohibited_by_law.other_org") == 1
    assert record.report.get("applications.unavailable_not_held.total") == 5
