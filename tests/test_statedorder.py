"""The prose settles the order of 表三's first two rows in a block of rows (verify/statedorder.py): the labels printed
as one block, the rows of numbers one a line after them; 一、 and 二、 trading places keep every identity, but the
narrative's ``共收到政府信息公开申请15件`` says which line is 一、's."""

from __future__ import annotations

from llm_extract.narrative_types import NarrativeFigure
from tests.test_grounding_labelblock import T3, VALUES, by_rows, text
from verify.grounding import EXACT, NOT_FOUND, ground
from verify.labelblock import Placed
from verify.statedorder import Claim, prose_settled, stated_claims

NEW = "applications.new_received.total"
OLD = "applications.carried_over.total"
RECEIVED = [(0,), (0, 1)]            # 收到申请N件: 本年新收, or 本年新收 + 上年结转


def placed(first: str, second: str) -> dict[int, Placed]:
    return {0: Placed(0, 0, 5, 0, first), 1: Placed(1, 1, 5, 1, second)}


def test_the_stated_figure_on_the_first_line_and_not_on_the_second_settles_their_order():
    assert prose_settled(placed("11 2 0 0 1 1 15", "2 0 0 0 0 0 2"), 7, [Claim(15, tuple(RECEIVED))]) == {0, 1}


def test_prose_that_fits_only_the_lines_swapped_settles_nothing():
    assert prose_settled(placed("11 2 0 0 1 1 15", "2 0 0 0 0 0 2"), 7, [Claim(2, tuple(RECEIVED))]) == set()


def test_a_second_line_totalling_0_or_equal_totals_or_a_sum_alone_settle_nothing():
    assert prose_settled(placed("11 2 0 0 1 1 15", "0 0 0 0 0 0 0"), 7, [Claim(15, tuple(RECEIVED))]) == set()
    assert prose_settled(placed("1 1 0 0 0 0 2", "2 0 0 0 0 0 2"), 7, [Claim(2, tuple(RECEIVED))]) == set()
    assert prose_settled(placed("11 2 0 0 1 1 15", "2 0 0 0 0 0 2"), 7, [Claim(17, ((0, 1),))]) == set()
    assert prose_settled(placed("11 2 0 0 1 15", "2 0 0 0 0 0 2"), 7, [Claim(15, tuple(RECEIVED))]) == set()


def test_only_figures_about_the_first_two_totals_are_claims():
    figures = [NarrativeFigure(code="NARR.NEW_RECEIVED", figure=15, sentence="共收到政府信息公开申请15件", line=3,
                               meanings=[[NEW], [NEW, OLD]]),
               NarrativeFigure(code="NARR.CARRIED_FORWARD", figure=1, sentence="结转下年度继续办理1件", line=4,
                               meanings=[["applications.carried_forward.total"]])]
    assert stated_claims(figures) == [Claim(15, ((0,), (0, 1)))]


def test_grounding_in_a_block_proves_the_first_rows_where_the_prose_tells_them_apart():
    lines = text(by_rows(VALUES))
    cell = "applications.new_received.natural_person"          # 一、 prints 11, 二、 2
    assert ground(T3, lines)[cell].status == NOT_FOUND
    assert ground(T3, lines, [Claim(15, tuple(RECEIVED))])[cell].status == EXACT
    assert ground(T3, lines, [Claim(2, tuple(RECEIVED))])[cell].status == NOT_FOUND


def test_a_model_swapping_the_first_two_rows_is_not_found_however_the_prose_reads():
    swapped = dict(T3)
    for c in ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total"):
        swapped[f"applications.new_received.{c}"] = T3[f"applications.carried_over.{c}"]
        swapped[f"applications.carried_over.{c}"] = T3[f"applications.new_received.{c}"]
    for claims in ([Claim(15, tuple(RECEIVED))], [Claim(2, tuple(RECEIVED))]):
        g = ground(swapped, text(by_rows(VALUES)), claims)
        assert g["applications.new_received.natural_person"].status == NOT_FOUND
        assert g["applications.carried_over.total"].status == NOT_FOUND
