"""Grounding of 表四 printed as three labelled group lines, a blank group as its label alone (verify/t4labelled.py):
the labels say which group each line is, so a group printing its five cells is found cell for cell, its zeros too."""

from __future__ import annotations

from llm_extract.form import FORM
from verify.grounding import EXACT, NOT_FOUND, ground

PATHS = [f"review_litigation.{g}.{c}" for g in FORM.table4_group_keys for c in FORM.table4_column_keys]
TRUTH = [1, 0, 0, 0, 1] + [None] * 5 + [0, 2, 0, 0, 2]


def lines(middle: str = "行政诉讼（未经复议直接起诉）") -> list[str]:
    return ["测试区人民政府2021年政府信息公开工作年度报告", "四、政府信息公开行政复议、行政诉讼情况",
            "行政复议 1 0 0 0 1", middle, "行政诉讼（复议后起诉） 0 2 0 0 2", "", "五、存在的主要问题及改进情况", "无。"]


def test_a_labelled_group_line_grounds_its_zeros_though_another_group_prints_nothing():
    g = ground(dict(zip(PATHS, TRUTH)), lines())
    assert {g[p].status for p in PATHS} == {EXACT}
    marked = ground(dict(zip(PATHS, TRUTH)), lines("行政诉讼（未经复议直接起诉） — — — — —"))
    assert {marked[p].status for p in PATHS} == {EXACT}


def test_a_model_placing_a_group_elsewhere_or_a_blank_for_a_0_is_not_found():
    shifted = [None] * 5 + [1, 0, 0, 0, 1] + [0, 2, 0, 0, 2]       # 行政复议's line given to 未经复议直接起诉
    g = ground(dict(zip(PATHS, shifted)), lines())
    assert g["review_litigation.litigation_direct.upheld"].status == NOT_FOUND
    assert g["review_litigation.administrative_review.corrected"].status == NOT_FOUND
    blank = TRUTH[:10] + [None, 2, 0, 0, 2]
    assert ground(dict(zip(PATHS, blank)), lines())["review_litigation.litigation_after_review.upheld"].status \
        == NOT_FOUND


def test_a_header_naming_the_groups_is_no_labelled_line():
    header = ["测试区人民政府2021年政府信息公开工作年度报告", "四、政府信息公开行政复议、行政诉讼情况",
              "行政复议 未经复议直接起诉 复议后起诉", "结果维持 结果纠正 其他结果 尚未审结 总计", "1 0 0 0 1 0 2 0 0 2"]
    g = ground(dict(zip(PATHS, TRUTH)), header)
    assert g["review_litigation.administrative_review.corrected"].status == NOT_FOUND   # a blank may stand there
