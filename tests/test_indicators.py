"""Indicators of a report: each formula, computed only from trusted values, rolled up by sums."""

from __future__ import annotations

from decimal import Decimal

import pytest

from llm_extract.analysis import DEFINITIONS, RollUp, compute_indicators, roll_up
from llm_extract.schema import ALL_PATHS


def fields(status: str = "proven", **values: int | None) -> dict[str, tuple[object, str]]:
    """Every field proven and 0, except the given ``row__column=value`` (表三 rows, 表四 groups)."""
    out: dict[str, tuple[object, str]] = {p: (0, status) for p in ALL_PATHS}
    for key, value in values.items():
        path = key.replace("__", ".")
        path = next(p for p in ALL_PATHS if p.endswith("." + path))
        out[path] = (value, status)
    return out


def by_code(fs: dict[str, tuple[object, str]]) -> dict[str, object]:
    return {i.code: i for i in compute_indicators(fs)}


def test_every_indicator_the_issue_names_is_defined_once() -> None:
    assert [d.name for d in DEFINITIONS] == ["申请总数", "予以公开率", "部分公开率", "不予公开率", "无法提供率",
                                             "不予处理率", "结转率", "行政复议纠错率", "行政诉讼纠错率"]


def test_rates_are_shares_of_total_processed_and_the_total_is_new_plus_carried_over() -> None:
    fs = fields(new_received__total=18, carried_over__total=2, total_processed__total=16, carried_forward__total=4,
                granted__total=8, partially_granted__total=2, denied_third_party__total=1,
                denied_query_matter__total=1, unavailable_not_held__total=3, rejected_duplicate__total=1)
    got = by_code(fs)
    assert got["applications_total"].value == 20 and got["applications_total"].denominator is None
    assert (got["granted_rate"].numerator, got["granted_rate"].denominator, got["granted_rate"].value) == (8, 16, 0.5)
    assert got["partially_granted_rate"].value == 0.125
    assert got["denied_rate"].numerator == 2                 # the 8 不予公开 rows are summed
    assert got["unavailable_rate"].value == 0.1875
    assert got["rejected_rate"].value == 0.0625
    assert (got["carried_forward_rate"].numerator, got["carried_forward_rate"].denominator) == (4, 20)


def test_correction_rates_are_corrected_over_total_and_litigation_counts_both_groups() -> None:
    fs = fields(administrative_review__corrected=1, administrative_review__total=4,
                litigation_direct__corrected=1, litigation_direct__total=2,
                litigation_after_review__corrected=0, litigation_after_review__total=3)
    got = by_code(fs)
    assert got["review_correction_rate"].value == 0.25
    assert (got["litigation_correction_rate"].numerator, got["litigation_correction_rate"].denominator) == (1, 5)


@pytest.mark.parametrize("status", ["derived", "disputed", "unverified", "resolved", "missing"])
def test_an_untrusted_input_makes_the_indicator_null_and_says_which_field(status: str) -> None:
    fs = fields(granted__total=3, total_processed__total=6)
    fs["applications.granted.total"] = (3, status)
    got = by_code(fs)["granted_rate"]
    assert got.value is None and got.numerator is None
    assert f"applications.granted.total is {status}" in (got.reason or "")
    assert by_code(fs)["partially_granted_rate"].value == 0.0      # other indicators are unaffected


def test_a_reviewed_value_counts_like_a_proven_one() -> None:
    fs = fields(granted__total=3, total_processed__total=6)
    fs["applications.granted.total"] = (3, "reviewed")
    assert by_code(fs)["granted_rate"].value == 0.5


def test_a_zero_denominator_gives_null_with_the_reason_and_a_proven_blank_counts_as_zero() -> None:
    got = by_code(fields(total_processed__total=0))["granted_rate"]
    assert got.value is None and got.reason == "denominator applications.total_processed.total is 0"
    assert by_code(fields(carried_over__total=None, new_received__total=5))["applications_total"].value == 5


def test_roll_ups_sum_numerators_and_denominators_never_average_rates() -> None:
    small = compute_indicators(fields(granted__total=1, total_processed__total=1))
    large = compute_indicators(fields(granted__total=1, total_processed__total=9))
    unknown = fields(granted__total=1, total_processed__total=9)
    unknown["applications.total_processed.total"] = (9, "disputed")
    groups = roll_up([(2021, small), (2021, large), (2021, compute_indicators(unknown)), (2022, small)], "year")
    got = {(r.key, r.code): r for r in groups}
    rate = got[("2021", "granted_rate")]
    assert (rate.numerator, rate.denominator, rate.value) == (2, 10, 0.2)     # not (1.0 + 0.111) / 2
    assert (rate.documents, rate.excluded) == (2, 1)
    assert got[("2022", "granted_rate")].value == 1.0 and rate.by == "year"


def test_a_streamed_roll_up_keeps_one_sum_per_group_not_one_entry_per_document() -> None:
    small = compute_indicators(fields(granted__total=1, total_processed__total=1))
    streamed = RollUp("year")
    for i in range(1000):                       # a large batch over two years
        streamed.add(2021 + i % 2, small)
    assert len(streamed.acc) == 2 * len(DEFINITIONS)
    rate = {(r.key, r.code): r for r in streamed.result()}[("2021", "granted_rate")]
    assert (rate.numerator, rate.denominator, rate.documents) == (500, 500, 500)
    assert streamed.result() == roll_up([(2021 + i % 2, small) for i in range(1000)], "year")


def test_documents_without_a_group_key_are_left_out_of_the_roll_up() -> None:
    inds = compute_indicators(fields())
    assert {r.key for r in roll_up([(None, inds), ("向阳区", inds)], "agency")} == {"向阳区"}


def test_the_fee_is_no_input_of_any_indicator() -> None:
    fs = fields()
    fs["active_disclosure.fees_10k_yuan"] = (Decimal("94.0121"), "disputed")
    assert all(i.reason is None or "fees" not in i.reason for i in compute_indicators(fs))


def test_a_document_whose_denominator_is_0_is_in_the_roll_ups_documents_adding_nothing() -> None:
    """No 行政复议 case: the document's rate is null (0 / 0), its inputs trusted: it is one of the roll-up's
    `documents` (not `excluded`, which counts untrusted inputs) and leaves both sums as they are."""
    none = compute_indicators(fields(total_processed__total=0))
    some = compute_indicators(fields(granted__total=1, total_processed__total=4))
    assert by_code(fields(total_processed__total=0))["granted_rate"].value is None
    rate = {r.code: r for r in roll_up([(2021, none), (2021, some)], "year")}["granted_rate"]
    assert (rate.numerator, rate.denominator, rate.value, rate.documents, rate.excluded) == (1, 4, 0.25, 2, 0)


def test_a_document_whose_group_key_is_not_trusted_is_summed_into_no_group_and_counted_as_excluded() -> None:
    """The year (or agency) that groups a document is an input too: one read from an OCR layer
    (``unverified``: 2023 misread as 2028?) may belong to another group; its numbers are summed nowhere,
    and it counts in ``excluded`` of the group as read, so that it is not silently dropped either."""
    sure = compute_indicators(fields(granted__total=1, total_processed__total=4))
    doubtful = compute_indicators(fields(granted__total=3, total_processed__total=3))
    got = {(r.key, r.code): r for r in roll_up([(2023, sure, True), (2023, doubtful, False), (2028, doubtful, False)],
                                               "year")}
    rate = got[("2023", "granted_rate")]
    assert (rate.numerator, rate.denominator, rate.value, rate.documents, rate.excluded) == (1, 4, 0.25, 1, 1)
    odd = got[("2028", "granted_rate")]
    assert (odd.value, odd.documents, odd.excluded) == (None, 0, 1)
    assert odd.reason == "no document of the group has it known"
