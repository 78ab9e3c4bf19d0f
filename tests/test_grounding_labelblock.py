"""Grounding of 表三 printed as a block of labels, then a block of rows of numbers (verify/labelblock.py): pdftotext
of a two-column PDF table, its label cells wrapped over lines, its group labels on lines of their own."""

from __future__ import annotations

from llm_extract.form import FORM
from tests.fakeopenai import sample_values
from verify.grounding import EXACT, NOT_FOUND, ground

VALUES = sample_values()
COLS = FORM.table3_column_keys
ROWS = [r.key for r in FORM.table3_rows]
T3 = {f"applications.{r}.{c}": VALUES[f"applications.{r}.{c}"] for r in ROWS for c in COLS}

LABELS = """一、本年新收政府信息
公开申请数量
二、上年结转政府信息
公开申请数量
（一）予以公开
（二）部分公开（区分处理的，只计这一情形，不计其他情形）
（三）不予公开
1.属于国家秘密
2.其他法律行政法规禁
止公开
3.危及“三安全一稳定”
4.保护第三方合法权益
5.属于三类内部事务信息
6.属于四类过程性信息
7.属于行政执法案卷
8.属于行政查询事项
（四）无法提供
1.本机关不掌握相关政
府信息
2.没有现成信息需要另行制作
3.补正后申请内容仍不明确
（五）不予处理
1.信访举报投诉类申请
2.重复申请
3.要求提供公开出版
物
4.无正当理由大量反复申请
5.要求行政机关确认或重新出具已获取信息
（六）其他处理
1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请
2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请
3.其他
（七）总计
四、结转下年度继续办
理""".split("\n")


def text(number_lines: list[str]) -> list[str]:
    return (["测试区人民政府2021年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况", "申请人情况",
              "自然人 法人或其他组织 总计", "商业企业 科研机构 社会公益组织 法律服务机构 其他"] + LABELS + number_lines
            + ["四、政府信息公开行政复议、行政诉讼情况"])


def by_rows(values: dict) -> list[str]:
    return [" ".join(str(values[f"applications.{r}.{c}"]) for c in COLS) for r in ROWS]


def test_each_row_of_numbers_grounds_its_labels_cells_where_no_swap_of_rows_would_change_them():
    g = ground(T3, text(by_rows(VALUES)))
    # 科研机构 and 社会公益组织 print 0 in every row: whichever order the tool printed the rows in, these are the cells
    assert {g[f"applications.{r}.{c}"].status for r in ROWS for c in ("research", "social_org")} == {EXACT}
    assert g["applications.total_processed.total"].status == EXACT       # (七)总计 trades places with no row
    granted = g["applications.granted.natural_person"]                    # 5, beside outcome rows printing 2, 1, 3
    assert granted.status == NOT_FOUND and "order" in granted.note
    assert g["applications.new_received.natural_person"].status == NOT_FOUND   # 一、 and 二、 print 11 and 2


def test_rows_swapped_by_the_model_are_not_found():
    swapped = dict(T3)
    for c in COLS:
        swapped[f"applications.granted.{c}"], swapped[f"applications.total_processed.{c}"] = \
            T3[f"applications.total_processed.{c}"], T3[f"applications.granted.{c}"]
    g = ground(swapped, text(by_rows(VALUES)))
    assert g["applications.total_processed.total"].status == NOT_FOUND


def test_numbers_printed_column_by_column_one_a_line_place_nothing():
    lines = [str(VALUES[f"applications.{r}.{c}"]) for c in COLS for r in ROWS]
    g = ground(T3, text(lines))
    assert {g[f"applications.{r}.research"].status for r in ROWS} == {NOT_FOUND}


def test_a_row_of_numbers_missing_from_the_block_places_nothing():
    g = ground(T3, text(by_rows(VALUES)[:-1]))
    assert {g[f"applications.{r}.research"].status for r in ROWS} == {NOT_FOUND}


def test_a_blank_row_printed_as_marks_is_a_row_of_the_block_and_puts_its_group_in_doubt():
    blank_other = dict(T3) | {f"applications.other_other.{c}": None for c in COLS}
    lines = by_rows(VALUES)
    lines[ROWS.index("other_other")] = "— — — — — — —"
    g = ground(blank_other, text(lines))
    assert g["applications.total_processed.total"].status == EXACT          # placed: the marks are a row
    assert g["applications.total_processed.total"].by_block
    # the blank row could trade places with any outcome row printing a number (or a 0) in its cells
    assert g["applications.granted.research"].status == NOT_FOUND
    assert not g["applications.granted.total"].by_block


def test_rows_of_numbers_printed_above_the_labels_ground_as_when_printed_below():
    # a crawler's dump with the table's label column last: the 25 rows of numbers, then the labels, the group
    # label 三、本年度办理结果 on a line of its own (it names no row)
    labels = [line for line in LABELS if line != "（一）予以公开"]
    labels.insert(labels.index("（二）部分公开（区分处理的，只计这一情形，不计其他情形）"), "三、本年度办理结果")
    labels.insert(labels.index("三、本年度办理结果") + 1, "（一）予以公开")
    lines = (["测试区人民政府2021年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况",
              "申请人情况 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计"] + by_rows(VALUES) + labels
             + ["四、政府信息公开行政复议、行政诉讼情况"])
    g = ground(T3, lines)
    assert {g[f"applications.{r}.{c}"].status for r in ROWS for c in ("research", "social_org")} == {EXACT}
    assert g["applications.total_processed.total"].status == EXACT
    assert g["applications.granted.natural_person"].status == NOT_FOUND            # the order's doubt stays
    swapped = dict(T3, **{f"applications.total_processed.{c}": T3[f"applications.granted.{c}"] for c in COLS})
    assert ground(swapped, lines)["applications.total_processed.total"].status == NOT_FOUND


def test_numbers_above_labels_that_print_a_number_among_them_place_nothing():
    lines = (["测试区人民政府2021年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况"] + by_rows(VALUES)
             + LABELS[:-2] + ["四、结转下年度继续办理 1"] + ["四、政府信息公开行政复议、行政诉讼情况"])
    g = ground(T3, lines)
    assert g["applications.total_processed.total"].status == NOT_FOUND


def test_rows_marking_their_blanks_are_compared_cell_by_cell_a_blank_another_cell_than_a_0():
    values = dict(VALUES, **{f"applications.{r}.research": None for r in ROWS})   # 科研机构 blank in every row
    values["applications.denied_state_secret.social_org"] = None                  # and one blank among zeros
    t3 = {p: values[p] for p in T3}
    lines = text([" ".join("—" if values[f"applications.{r}.{c}"] is None else str(values[f"applications.{r}.{c}"])
                           for c in COLS) for r in ROWS])
    g = ground(t3, lines)
    assert g["applications.granted.research"].status == EXACT             # every row prints its blank there
    assert g["applications.granted.social_org"].status == NOT_FOUND       # 0, where 1.属于国家秘密 prints a blank
    assert g["applications.total_processed.total"].status == EXACT
