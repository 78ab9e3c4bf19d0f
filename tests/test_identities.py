"""Each identity of golden-format.md: holds on a consistent report, names the cells when broken."""

from __future__ import annotations

import pytest

from llm_extract.schema import APPLICANT_COLUMNS, APPLICATION_ROWS, TABLE3_PATHS, TABLE4_PATHS
from verify import check_identities, t3_balance, t3_column_sum, t3_row_sum, t4_group_sum
from verify.rules import RULES


def consistent() -> dict[str, int | None]:
    """A small consistent 表三/表四: 5 new + 1 carried = 5 processed + 1 forward (natural persons)."""
    v: dict[str, int | None] = {p: 0 for p in TABLE3_PATHS + TABLE4_PATHS}
    for row, n in (("new_received", 5), ("carried_over", 1), ("granted", 3), ("unavailable_not_held", 2),
                   ("total_processed", 5), ("carried_forward", 1)):
        v[f"applications.{row}.natural_person"] = n
        v[f"applications.{row}.total"] = n
    v["review_litigation.administrative_review.upheld"] = 2
    v["review_litigation.administrative_review.total"] = 2
    return v


def test_a_consistent_report_breaks_no_identity() -> None:
    findings, unchecked = check_identities(consistent())
    assert findings == [] and unchecked == []


def test_blank_cells_count_as_zero_in_sums() -> None:
    v = consistent()
    v["applications.other_other.natural_person"] = None
    v["applications.other_other.total"] = None
    assert check_identities(v)[0] == []


def test_row_sum_names_the_row_when_a_total_is_off() -> None:
    v = consistent()
    v["applications.granted.total"] = 4
    [f] = t3_row_sum(v)
    assert f.code == "T3.ROW_SUM" and f.detail["instance"] == "granted"
    assert "applications.granted.total" in f.paths and (f.expected, f.actual) == (4, 3)


def test_column_sum_names_the_column_when_outcomes_do_not_add_up() -> None:
    v = consistent()
    v["applications.granted.natural_person"] = 4
    v["applications.granted.total"] = 4
    [f] = [x for x in t3_column_sum(v) if x.detail["instance"] == "natural_person"]
    assert f.code == "T3.COLUMN_SUM" and "applications.total_processed.natural_person" in f.paths


def test_balance_catches_a_carried_forward_that_does_not_close_the_books() -> None:
    v = consistent()
    v["applications.carried_forward.natural_person"] = 3
    v["applications.carried_forward.total"] = 3
    found = t3_balance(v)
    assert {f.detail["instance"] for f in found} == {"natural_person", "total"}


def test_group_sum_catches_a_review_total_printed_as_zero() -> None:
    v = consistent()
    v["review_litigation.administrative_review.total"] = 0
    [f] = t4_group_sum(v)
    assert f.code == "T4.GROUP_SUM" and f.detail["instance"] == "administrative_review"


def test_an_identity_with_an_unknown_cell_is_unchecked_not_violated() -> None:
    v = consistent()
    del v["applications.granted.research"]
    findings, unchecked = check_identities(v)
    assert findings == []
    assert {eq.code for eq in unchecked} == {"T3.ROW_SUM", "T3.COLUMN_SUM"}


@pytest.mark.parametrize("code", ["T3.ROW_SUM", "T3.COLUMN_SUM", "T3.BALANCE", "T4.GROUP_SUM"])
def test_every_identity_has_a_registered_code_with_both_descriptions(code: str) -> None:
    assert RULES[code].zh and RULES[code].en


def test_the_form_has_25_rows_by_7_columns() -> None:
    assert len(APPLICATION_ROWS) == 25 and len(APPLICANT_COLUMNS) == 7
