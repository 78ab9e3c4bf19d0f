"""（六）其他处理 printed as one row, no sub-rows (FORM.md): where every cell of it is 0, each sub-row is 0, and a
model's 0s for the sub-rows are printed there (verify/sixzeros.py); nothing else of theirs is."""

from __future__ import annotations

from llm_extract.form import FORM
from tests.fakeopenai import report_text, sample_values
from verify.grounding import DIGIT_RUN, EXACT, NOT_FOUND, ground

VALUES = sample_values()
COLS = FORM.table3_column_keys
SUBS = ("other_no_correction", "other_unpaid_fee", "other_other")
PRINTED = ("（六）其他处理 1.申请人无正当理由逾期不补正\t0\t0\t0\t0\t0\t0\t0\n"
           "2.申请人逾期未按收费通知要求缴纳费用\t0\t0\t0\t0\t0\t0\t0\n3.其他\t0\t0\t0\t0\t0\t0\t0\n")


def sub_rows(value=0) -> dict:
    return {f"applications.{r}.{c}": value for r in SUBS for c in COLS}


def lines(one_row: str) -> list[str]:
    text = report_text(VALUES)
    assert PRINTED in text
    return text.replace(PRINTED, one_row).split("\n")


def test_the_models_zeros_for_the_sub_rows_of_a_one_row_of_zeros_are_printed_there():
    for row in ("（六）其他处理\t0\t0\t0\t0\t0\t0\t0\n", "(六)其他处理0000000\n"):    # spaced, or a crawler's run
        g = ground(sub_rows(0), lines(row))
        assert {g[p].status for p in sub_rows()} == {EXACT}, row


def test_a_sub_row_the_model_gives_another_value_or_a_blank_is_not_found():
    model = sub_rows(0) | {"applications.other_other.natural_person": 1}
    g = ground(model, lines("（六）其他处理\t0\t0\t0\t0\t0\t0\t0\n"))
    assert g["applications.other_other.natural_person"].status == NOT_FOUND
    g = ground(sub_rows(0) | {"applications.other_unpaid_fee.total": None}, lines("（六）其他处理\t0\t0\t0\t0\t0\t0\t0\n"))
    assert g["applications.other_unpaid_fee.total"].status == NOT_FOUND


def test_a_one_row_with_a_count_or_a_blank_mark_or_its_sub_rows_printed_grounds_no_sub_row_by_it():
    for row in ("（六）其他处理\t1\t0\t0\t0\t0\t0\t1\n",        # which sub-row holds the 1, the row does not say
                "（六）其他处理\t0\t—\t0\t0\t0\t0\t0\n",        # a blank is no 0
                "（六）其他处理\t0\t0\t0\t0\t0\t0\n"):           # six numbers for seven cells
        g = ground(sub_rows(0), lines(row))
        assert {g[p].status for p in sub_rows()} == {NOT_FOUND}, row
    # the sub-rows printed after the title: the title is a title, each row grounds on its own line
    g = ground(sub_rows(0), lines("（六）其他处理\t0\t0\t0\t0\t0\t0\t0\n3.其他\t0\t0\t0\t0\t1\t0\t1\n"))
    assert g["applications.other_other.total"].status == NOT_FOUND
    assert g["applications.other_no_correction.total"].status == NOT_FOUND
    assert DIGIT_RUN not in {g[p].status for p in sub_rows()}


def test_a_one_row_of_zeros_not_followed_by_the_total_row_grounds_no_sub_row():
    # the sub-rows' labels lost or misprinted beyond recognition, their numbers after the title: not the one-row form
    row = "（六）其他处理\t0\t0\t0\t0\t0\t0\t0\n甲乙丙丁戊\t0\t0\t0\t0\t3\t0\t3\n"
    g = ground(sub_rows(0), lines(row))
    assert not any("one row of zeros" in g[p].note for p in sub_rows())
