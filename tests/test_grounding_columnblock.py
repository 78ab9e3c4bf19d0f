"""Grounding of 表三 printed column by column under its labels (verify/columnblock.py): a crawler's dump of the
table read down its columns, each column's header and then its 25 cells one a line, a blank cell an empty line."""

from __future__ import annotations

from llm_extract.form import FORM
from tests.fakeopenai import sample_values
from verify.grounding import EXACT, NOT_FOUND, ground

VALUES = sample_values()
COLS = FORM.table3_column_keys
ROWS = [r.key for r in FORM.table3_rows]
LABELS = ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "三、本年度办理结果", "（一）予以公开",
          "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（三）不予公开", "1.属于国家秘密",
          "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益", "5.属于三类内部事务信息",
          "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项", "（四）无法提供", "1.本机关不掌握相关政府信息",
          "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确", "（五）不予处理", "1.信访举报投诉类申请", "2.重复申请",
          "3.要求提供公开出版物", "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息", "（六）其他处理",
          "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
          "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他", "（七）总计",
          "四、结转下年度继续办理"]
HEADERS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]


def text(values: dict, blank: str = "") -> list[str]:
    lines = ["测试区人民政府2021年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况", "申请人情况"] + LABELS
    for head, col in zip(HEADERS, COLS):
        lines.append(head)
        lines += [blank if values[f"applications.{r}.{col}"] is None else str(values[f"applications.{r}.{col}"])
                  for r in ROWS]
    return lines + ["", "四、政府信息公开行政复议、行政诉讼情况"]


def t3(values: dict) -> dict:
    return {f"applications.{r}.{c}": values[f"applications.{r}.{c}"] for r in ROWS for c in COLS}


def test_the_kth_line_under_each_column_header_is_the_kth_labels_cell_where_no_swap_of_rows_changes_it():
    g = ground(t3(VALUES), text(VALUES))
    # 科研机构 and 社会公益组织 print 0 in every row: whichever order the rows stand in, these are the cells
    assert {g[f"applications.{r}.{c}"].status for r in ROWS for c in ("research", "social_org")} == {EXACT}
    assert g["applications.total_processed.total"].status == EXACT
    assert g["applications.granted.natural_person"].status == NOT_FOUND      # 5, beside outcome rows printing 2, 1, 3
    assert g["applications.new_received.natural_person"].status == NOT_FOUND  # 一、 and 二、 print 11 and 2


def test_a_blank_printed_as_an_empty_line_is_that_cell_and_rows_alike_but_for_it_stay_in_doubt():
    values = dict(VALUES, **{f"applications.rejected_publication.{c}": None for c in COLS})
    g = ground(t3(values), text(values))
    assert g["applications.carried_forward.natural_person"].status == EXACT   # after the blank row, still in place
    # the blank row and a row of zeros trade places keeping every identity: their cells are in doubt
    assert g["applications.rejected_excessive.research"].status == NOT_FOUND
    # 一、 and 四、 are no row of zeros: 科研机构's 0 in 四、结转 is grounded
    assert g["applications.carried_forward.research"].status == EXACT


def test_a_model_reading_another_row_or_column_is_not_found():
    swapped = t3(VALUES)
    swapped["applications.total_processed.total"], swapped["applications.carried_forward.total"] = \
        swapped["applications.carried_forward.total"], swapped["applications.total_processed.total"]
    g = ground(swapped, text(VALUES))
    assert g["applications.total_processed.total"].status == NOT_FOUND
    assert g["applications.carried_forward.total"].status == NOT_FOUND
    shifted = t3(VALUES)
    shifted["applications.carried_forward.research"] = 1
    assert ground(shifted, text(VALUES))["applications.carried_forward.research"].status == NOT_FOUND


def test_a_column_one_line_short_places_nothing():
    lines = text(VALUES)
    del lines[lines.index("商业企业") + 3]                 # a cell lost: every line after it would slide
    g = ground(t3(VALUES), lines)
    assert g["applications.total_processed.total"].status == NOT_FOUND
    assert g["applications.carried_forward.research"].status == NOT_FOUND


def test_the_prose_figure_tells_the_first_two_columns_rows_apart_as_for_a_block_of_rows():
    from verify.statedorder import Claim
    received = ((0,), (0, 1))                       # 共收到政府信息公开申请15件: 一's total, or 一 + 二
    cell = "applications.new_received.natural_person"     # 11 beside 二、's 2: the order alone leaves it in doubt
    assert ground(t3(VALUES), text(VALUES))[cell].status == NOT_FOUND
    assert ground(t3(VALUES), text(VALUES), [Claim(15, received)])[cell].status == EXACT
    assert ground(t3(VALUES), text(VALUES), [Claim(2, received)])[cell].status == NOT_FOUND


def test_a_total_row_labelled_as_the_total_column_is_a_label_not_the_first_column_header():
    # （七）总计 printed 总计, as the 总计 column's header: the columns start at 自然人, after the last label
    lines = [("总计" if line == "（七）总计" else line) for line in text(VALUES)]
    g = ground(t3(VALUES), lines)
    assert g["applications.total_processed.total"].status == EXACT
    assert g["applications.carried_forward.research"].status == EXACT
