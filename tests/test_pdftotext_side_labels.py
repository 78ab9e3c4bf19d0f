"""Plain ``pdftotext`` (no -layout) of a Word-made PDF prints a row's label cells side by side on one line when the
table's label columns are narrow: the group's cell and its first item's (``（三）不 1.属于国``, then ``予公开`` /
``家秘密``: both cells wrapped, their pieces interleaved), or, with unmerged cells, the group's label before every
item's (``（六）其他处理 3.其他``). Such a line still names its item's row; the form's order then reads a table
whose labels are printed first and its numbers after them."""

from __future__ import annotations

from llm_extract.extract.formorder import read_form_order
from llm_extract.extract.interleaved import rejoined_items
from llm_extract.extract.labels import row_begun
from llm_extract.extract.layout import label_key
from llm_extract.schema import TABLE3_PATHS

#: 表三 of a look document (no applications that year): page 1's labels, then its 17 rows' cells, then page 2's
_PAGE1 = ["三、收到和处理政府信息公开申请情况", "（本列数据的勾稽关系为：第一", "项加第二项之和，等于第三项加", "第四项之和）",
          "申请人情况", "自然人", "法人或其他组织", "商业企业 科研机构", "一、本年新收政府信息公开申请", "数量",
          "二、上年结转政府信息公开申请", "数量", "三、本年 （一）予以公开", "度办理结 （二）部分公开（区", "果",
          "分处理的，只计这一", "情形，不计其他情", "形）", "（三）不 1.属于国", "予公开", "家秘密", "2.其他法", "律行政法",
          "规禁止公", "开", "3.危", "及“三安", "全一稳", "定”", "4.保护第", "三方合法", "权益", "5.属于三", "类内部事",
          "务信息", "6.属于四", "类过程性", "信息", "7.属于行", "政执法案", "卷", "8.属于行", "政查询事", "项",
          "（四）无 1.本机关", "法提供", "不掌握相", "关政府信", "息", "2.没有现", "成信息需", "要另行制", "作", "3.补正后",
          "申请内容", "仍不明确", "（五）不 1.信访举", "予处理", "报投诉类", "申请", "2.重复申", "请"]
_PAGE2 = ["（六）其", "他处理", "3.要求提", "供公开出", "版物", "4.无正当", "理由大量", "反复申请", "5.要求行", "政机关确",
          "认或重新", "出具已获", "取信息", "1.申请人", "无正当理", "由逾期不", "补正、行", "政机关不", "再处理其", "政府信息",
          "公开申请", "2.申请人", "逾期未按", "收费通知", "要求缴纳", "费用、行", "政机关不", "再处理其", "政府信息", "公开申请",
          "3.其他", "（七）总计", "四、结转下年度继续办理"]
_TABLE4 = ["四、政府信息公开行政复议、行政诉讼情况"]


def test_a_group_s_cell_beside_its_first_item_s_names_the_item() -> None:
    assert row_begun(label_key("（三）不 1.属于国")) == "denied_state_secret"
    assert row_begun(label_key("（三）不予 1.属于国家")) == "denied_state_secret"
    assert row_begun(label_key("（四）无法 1.本机关不")) == "unavailable_not_held"
    assert row_begun(label_key("（三）不予公开")) is None           # the group's own cell names no row


def test_labels_first_then_the_cells_in_the_form_s_order() -> None:
    lines = _PAGE1 + ["0"] * (17 * 7) + _PAGE2 + ["0"] * (8 * 7) + _TABLE4
    readings = read_form_order(lines)
    assert readings is not None
    assert {p: r.value for p, r in readings.items()} == {p: 0 for p in TABLE3_PATHS}


def test_unmerged_group_cells_before_each_item_name_the_items() -> None:
    """（六）其他处理 printed before each of its items: 3.其他 is the sub-row, not the group's label."""
    rows = ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "三、本年度办理结果 （一）予以公开",
            "（二）部分公开", "（三）不予公开 1.属于国家秘密", "（三）不予公开 2.其他法律行政法规禁止公开",
            "（三）不予公开 3.危及“三安全一稳定”", "（三）不予公开 4.保护第三方合法权益", "（三）不予公开 5.属于三类内部事务信息",
            "（三）不予公开 6.属于四类过程性信息", "（三）不予公开 7.属于行政执法案卷", "（三）不予公开 8.属于行政查询事项",
            "（四）无法提供 1.本机关不掌握相关政府信息", "（四）无法提供 2.没有现成信息需要另行制作",
            "（四）无法提供 3.补正后申请内容仍不明确", "（五）不予处理 1.信访举报投诉类申请", "（五）不予处理 2.重复申请",
            "（五）不予处理 3.要求提供公开出版物", "（五）不予处理 4.无正当理由大量反复申请",
            "（五）不予处理 5.要求行政机关确认或重新出具已获取信息",
            "（六）其他处理 1.申请人无正当", "理由逾期不补正、行政机关不再", "处理其政府信息公开申请",
            "（六）其他处理 2.申请人逾期未", "按收费通知要求缴纳费用、行政", "机关不再处理其政府信息公开申", "请",
            "（六）其他处理 3.其他", "（七）总计", "四、结转下年度继续办理"]
    lines = ["三、收到和处理政府信息公开申请情况", "申请人情况"] + rows + ["0"] * 175 + _TABLE4
    readings = read_form_order(lines)
    assert readings is not None
    assert {p: r.value for p, r in readings.items()} == {p: 0 for p in TABLE3_PATHS}


def test_an_item_s_pieces_between_its_group_s_pieces_name_the_item() -> None:
    """A very narrow label column: （三） / 1.属于 / 不予公 / 国家秘 / 开 / 密, the group's cell and its first item's
    pieces interleaved. 1.属于 alone begins several rows (属于三类…, 属于四类…); with 国家秘, two lines below, one."""
    assert row_begun(label_key("1.属于")) is None
    assert rejoined_items(["（三）", "1.属于", "不予公", "国家秘", "开", "密"], 1, 7) \
        == ["（三）", "1.属于国家秘", "不予公", "", "开", "密"]
    beginning = ["（三）", "2.其他法", "不予公", "律行政法", "开"]        # 2.其他法 begins its row itself
    assert rejoined_items(beginning, 1, 6) == beginning
    start = _PAGE1.index("（三）不 1.属于国")
    narrow = _PAGE1[:start] + ["（三）", "1.属于", "不予公", "国家秘", "开", "密"] + _PAGE1[start + 3:]
    start = narrow.index("（四）无 1.本机关")
    narrow = narrow[:start] + ["（四）", "1.本机", "无法提", "关不掌", "供", "握相关", "政府信", "息"] + narrow[start + 5:]
    readings = read_form_order(narrow + ["0"] * (17 * 7) + _PAGE2 + ["0"] * (8 * 7) + _TABLE4)
    assert readings is not None
    assert {p: r.value for p, r in readings.items()} == {p: 0 for p in TABLE3_PATHS}
