"""What the hot path works out once (per distinct line, per cell, per form) stays per document.

The reader memoises pure functions of a line's or a cell's text, and the report builder
precomputes the form's layout; none of that may leak from one document into another.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from pydantic import ValidationError

from llm_extract.extract.cells import parse_cell
from llm_extract.extract.layout import tokenize
from llm_extract.schema import ALL_PATHS, Report


def test_a_line_joined_to_the_cell_above_in_one_document_stands_alone_in_the_next() -> None:
    # a header split over two lines: the second continues the first
    first = tokenize(["\t结果", "维持"], 1, 3)
    assert [(it.raw, it.line) for it in first] == [("结果维持", 1)]
    # the same first line again (its reading is remembered): its item is new, and not joined
    second = tokenize(["\t结果", "\t0"], 1, 3)
    assert [(it.raw, it.line) for it in second] == [("结果", 1), ("0", 2)]
    assert second[0] is not first[0]


def test_the_same_line_twice_gives_two_items_each_with_its_own_line_number() -> None:
    items = tokenize(["\t0", "\t0", "规章\t1\t0\t2", "规章\t1\t0\t2"], 1, 5)
    assert [(it.raw, it.line, it.col) for it in items] == [
        ("0", 1, None), ("0", 2, None),
        ("规章", 3, 0), ("1", 3, 1), ("0", 3, 2), ("2", 3, 3),
        ("规章", 4, 0), ("1", 4, 1), ("0", 4, 2), ("2", 4, 3)]
    assert len({id(it) for it in items}) == len(items)
    assert [it.is_value for it in items[2:6]] == [False, True, True, True]
    assert all(it.is_text is not it.is_value for it in items)


def test_a_whole_decimal_reads_as_an_int_and_a_fraction_stays_a_decimal() -> None:
    assert parse_cell("3.00").plain == 3 and type(parse_cell("3.00").plain) is int
    assert parse_cell("3.00").value == Decimal("3.00")
    assert parse_cell("94.0121").plain == Decimal("94.0121")
    assert parse_cell("12").plain == 12 and parse_cell("—").plain is None


def test_a_report_from_every_field_path_equals_one_validated_from_its_nested_dict() -> None:
    values = {p: (i % 7 if p not in ("agency", "year") else None) for i, p in enumerate(ALL_PATHS)}
    values["agency"], values["year"] = "向阳区", 2021
    nested: dict = {"doc_id": "d", "notes": []}
    for path, value in values.items():
        *parents, leaf = path.split(".")
        node = nested
        for part in parents:
            node = node.setdefault(part, {})
        node[leaf] = value
    assert Report.from_values("d", values) == Report.model_validate(nested)
    assert Report.from_values("d", values).get("applications.granted.total") == values["applications.granted.total"]


def test_a_path_outside_the_form_is_still_refused() -> None:
    with pytest.raises(ValidationError):
        Report.from_values("d", {"applications.granted.total": 1, "applications.granted.bogus": 2})
