"""A reviewer's value is checked against its field before anything is written."""

from __future__ import annotations

from decimal import Decimal

import pytest

from llm_extract.decision_values import KEEP, InvalidDecision, check_value, parse_value

COUNT = "applications.new_received.natural_person"
FEE = "active_disclosure.fees_10k_yuan"


@pytest.mark.parametrize("text, value", [("6", 6), ("０", 0), ("６", 6), (" 12 ", 12), ("1,234", 1234),
                                         ("１，２３４", 1234), ("null", None), ("NULL", None), ("空", None),
                                         ("1 234", 1234), ("１\u3000２３４", 1234), ("keep", KEEP)])
def test_a_count_accepts_digits_full_width_digits_and_grouped_thousands(text: str, value: object) -> None:
    assert parse_value(COUNT, text) == value


@pytest.mark.parametrize("text", ["6件", "1.5", "6.0", "1e3", "-1", "12,34", "1,2345", "", "six", "0x10", "true",
                                  "1²", "①", "①⑤", "1 2", "12 34"])
def test_a_count_refuses_anything_but_a_whole_non_negative_number(text: str) -> None:
    with pytest.raises(InvalidDecision, match="natural_person"):
        parse_value(COUNT, text)


def test_a_fee_is_an_exact_decimal_in_10k_yuan() -> None:
    assert parse_value(FEE, "94.0121") == Decimal("94.0121")
    assert parse_value(FEE, "1,234.5") == Decimal("1234.5")
    assert parse_value(FEE, "１２．５") == Decimal("12.5")
    for typed in ("1²", "12.5²", "1 2.5"):          # NFKC would make 12, 12.52 and 12.5 of them
        with pytest.raises(InvalidDecision, match="fees_10k_yuan"):
            parse_value(FEE, typed)
    assert parse_value(FEE, "０.５") == Decimal("0.5")
    for bad in ("1e3", "-1", "94.01万元", "NaN", "Infinity"):
        with pytest.raises(InvalidDecision):
            parse_value(FEE, bad)
    with pytest.raises(InvalidDecision, match="exact decimal"):
        check_value(FEE, 94.0121)           # a float stored by hand is not exact


def test_the_agency_is_a_name_and_the_year_a_plausible_year() -> None:
    assert parse_value("agency", " 红旗区人民政府 ") == "红旗区人民政府"
    for bad in ("12345", "a\nb", "x" * 101):
        with pytest.raises(InvalidDecision):
            parse_value("agency", bad)
    assert parse_value("year", "2021") == 2021 and parse_value("year", "２０２２") == 2022
    for bad in ("1999", "3021", "2021年", "21"):
        with pytest.raises(InvalidDecision, match="year"):
            parse_value("year", bad)


def test_a_stored_value_is_checked_by_the_same_rules() -> None:
    assert check_value(COUNT, 6) == 6 and check_value(COUNT, None) is None
    for bad in ("6件", 1.5, True, -1, "6"):
        with pytest.raises(InvalidDecision):
            check_value(COUNT, bad)
    with pytest.raises(InvalidDecision, match="unknown field path"):
        check_value("applications.nonsense", 1)
