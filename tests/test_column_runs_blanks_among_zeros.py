"""表三 read in a text tool's order (column runs: pdfminer's boxes, plain pdftotext) proves a cell where no order of
the six applicant columns changes it. But the identities count a printed blank (`/`) as 0: where the cells so read
hold both blanks and zeros, a blank row's marks moved into rows of zeros by the tool's order (pdfminer with tight
margins put 2.其他法律行政法规禁止公开's seven `/` into four other rows) keep every identity, and the blank row read
as seven 0 came out proven. Then no 0 and no blank so read is proven; other counts still are."""

from __future__ import annotations

from llm_extract.evidence import CellKind, Method, Reading
from llm_extract.schema import TABLE3_PATHS, TABLE3_ROW_PATHS
from verify.guesses import COLUMN_RUNS_RULE, guessed


def _runs(values: dict[str, int | None]) -> dict[str, Reading]:
    out = {}
    for path in TABLE3_PATHS:
        v = values.get(path, 0)
        kind = CellKind.PLACEHOLDER if v is None else CellKind.ZERO if v == 0 else CellKind.NUMBER
        out[path] = Reading(v, kind, "/" if v is None else str(v), [1], Method.FORM_ORDER_RUNS)
    return out


def test_zeros_among_blanks_read_in_a_tool_s_order_are_not_proven() -> None:
    moved = {"applications.granted.natural_person": None, "applications.partially_granted.research": None,
             "applications.new_received.natural_person": 3, "applications.new_received.total": 3}
    rules = guessed(_runs(moved))
    for path in TABLE3_ROW_PATHS["denied_prohibited_by_law"]:        # six 0 alike: any column order the same row
        assert rules.get(path) == COLUMN_RUNS_RULE, path
    assert rules.get("applications.granted.natural_person") == COLUMN_RUNS_RULE


def test_without_blanks_a_row_of_zeros_read_in_a_tool_s_order_is_still_proven() -> None:
    rules = guessed(_runs({"applications.new_received.natural_person": 3, "applications.new_received.total": 3}))
    for path in TABLE3_ROW_PATHS["denied_prohibited_by_law"]:
        assert path not in rules, path
    assert "applications.total_processed.total" not in rules


def test_the_first_two_rows_read_in_a_tool_s_order_are_proven_only_where_they_read_alike() -> None:
    """一、本年新收 and 二、上年结转 stand alike in every identity (each only in 一 + 二 = 总计 + 四): plain pdftotext
    printing their first cells among the column headers put 一's 1 in 二's place, total and all, every identity
    holding. A cell of theirs is left to the identities only where the other row reads the same in its column."""
    rules = guessed(_runs({"applications.new_received.natural_person": 3, "applications.new_received.total": 3}))
    for col in ("natural_person", "total"):
        assert rules.get(f"applications.new_received.{col}") == COLUMN_RUNS_RULE
        assert rules.get(f"applications.carried_over.{col}") == COLUMN_RUNS_RULE
    for col in ("commercial", "research"):           # 0 in both rows: either order the same
        assert f"applications.carried_over.{col}" not in rules
    assert "applications.total_processed.total" not in rules     # no twin: the row sums pin it
