"""A pdftotext table dumped on one line: a 表三 row's cells printed amid its wrapped label (``（二）部分公开（区分 处理的，
只计这一情 0 0 0 0 0 0 0 形，不计其他情形）``) run into the label's words when its spaces are closed up. A label with
digits inside its words is not "a label with nothing after it": its row is not seven empty cells (it was read so,
proven, where the report has seven 0); it is queued."""

from __future__ import annotations

from llm_extract.extract import extract_regex
from llm_extract.ingest import Document
from llm_extract.schema import TABLE3_ROW_PATHS

#: 表三 on one line as a crawler saved pdftotext's words (the header's and labels' wrapped pieces spaced apart)
ONE_LINE = (
    '三、收到和处理政府信息公开申请情况 加强监督保障，将政务公开纳入年度绩效考核，组织开展业务培训。 严格执行依申请公开办理流程，规范答复文书，按时答复申请人。 （本列数据的勾稽关系为：第一项加第 二项之和，等于第三项加第四项之和） '
    '申请人情况 自然人 法人或其他组织 总计 商业企业 科研机构 社会公益 组织 法律服务 机构 其他 一、本年新收政府信息公开申请数量 0 0 0 0 0 0 0 二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0 三、本年 度办理结 果 （一）予以公开 0 0 0 0 0 0 0 '
    '（二）部分公开（区分 处理的，只计这一情 0 0 0 0 0 0 0 形，不计其他情形） （三）不 予公开 （四）无 法提供 （五）不 予处理 1.属于国 家秘密 0 0 0 0 0 0 0'
)


def test_a_rows_cells_amid_its_wrapped_label_are_not_read_as_empty_cells() -> None:
    text = "\n".join(["某县人民政府2023年政府信息公开工作年度报告", ONE_LINE, "五、存在的主要问题及改进情况", "无。"])
    readings = extract_regex(Document.from_text(text, doc_id="one-line")).readings
    for path in TABLE3_ROW_PATHS["partially_granted"]:
        assert readings[path].missing, path
    assert [readings[p].value for p in TABLE3_ROW_PATHS["granted"]] == [0] * 7


def test_an_item_number_after_its_group_s_label_is_no_cell_s_digit() -> None:
    """（三）不予公开1.属于国家秘密 with nothing after it (a crawler's dump, the row's cells empty in the web page): the
    1. is the item's number, not a digit printed amid the label: the row is read as seven empty cells, as before."""
    text = "\n".join([
        "某县人民政府2023年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况",
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他",
        "一、本年新收政府信息公开申请数量99000018", "二、上年结转政府信息公开申请数量0100001",
        "三、本年度办理结果（一）予以公开4100005", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）0000000",
        "（三）不予公开1.属于国家秘密", "2.其他法律行政法规禁止公开0000000", "五、存在的主要问题及改进情况", "无。"])
    readings = extract_regex(Document.from_text(text, doc_id="item-number")).readings
    for path in TABLE3_ROW_PATHS["denied_state_secret"]:
        assert not readings[path].missing and readings[path].value is None, path
