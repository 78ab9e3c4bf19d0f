"""表三's first rows read in two flows (t3top) and its last cells printed among 表四's (t3tail) are placed in a text
tool's order, as column runs are: the six applicant columns in another order would keep every identity. A cell no
such order changes is not a guess, as for column runs: with every row of the table read, the total column (the row
sums pin it) and a row whose six applicant cells read alike (a row of zeros). A table with a cell left unread, or
with printed blanks among zeros so read, proves none of them."""

from __future__ import annotations

from llm_extract.evidence import CellKind, Method, Reading
from llm_extract.schema import TABLE3_PATHS, TABLE3_ROW_PATHS
from verify.guesses import T3_AFTER_T4_RULE, T3_LEFTOVER_RULE, guessed

_FIRST = ("new_received", "carried_over")
_LAST = ("other_other", "total_processed", "carried_forward")


def _read(values: dict[str, int | None]) -> dict[str, Reading]:
    out = {}
    for path in TABLE3_PATHS:
        row = path.split(".")[1]
        method = Method.T3_LEFTOVER_ORDER if row in _FIRST else Method.T3_AFTER_T4 if row in _LAST \
            else Method.FORM_ORDER_RUNS
        v = values.get(path, 0)
        kind = CellKind.PLACEHOLDER if v is None else CellKind.ZERO if v == 0 else CellKind.NUMBER
        out[path] = Reading(v, kind, "/" if v is None else str(v), [1], method)
    return out


_TABLE = {"applications.new_received.natural_person": 3, "applications.new_received.total": 3,
          "applications.granted.natural_person": 3, "applications.granted.total": 3,
          "applications.total_processed.natural_person": 3, "applications.total_processed.total": 3}


def test_totals_and_rows_alike_read_in_a_tool_s_order_are_no_guess() -> None:
    rules = guessed(_read(_TABLE))
    for row in ("other_other", "carried_forward"):      # six 0 alike: any column order the same row
        assert not set(TABLE3_ROW_PATHS[row]) & set(rules), row
    # 二、上年结转 reads six 0 alike too, but trades places with 一、本年新收 keeping every identity: only where the
    # two rows read alike is it no guess
    assert "applications.carried_over.commercial" not in rules
    assert rules["applications.carried_over.natural_person"] == T3_LEFTOVER_RULE
    assert "applications.granted.total" not in rules and "applications.total_processed.total" not in rules
    # 一、本年新收 (3) and 二、上年结转 (0) trade places keeping every identity: the tool's order put them so
    assert rules["applications.new_received.total"] == T3_LEFTOVER_RULE
    assert rules["applications.new_received.natural_person"] == T3_LEFTOVER_RULE
    assert rules["applications.new_received.commercial"] == T3_LEFTOVER_RULE
    assert rules["applications.total_processed.natural_person"] == T3_AFTER_T4_RULE


def test_with_a_cell_left_unread_every_cell_so_read_is_a_guess() -> None:
    readings = _read(_TABLE)
    readings["applications.granted.research"] = Reading(None, CellKind.MISSING, "", [], Method.FORM_ORDER_RUNS)
    rules = guessed(readings)
    assert all(rules.get(p) == T3_AFTER_T4_RULE for p in TABLE3_ROW_PATHS["carried_forward"])


def test_blanks_among_zeros_so_read_leave_the_zeros_guesses() -> None:
    rules = guessed(_read({**_TABLE, "applications.other_other.research": None}))
    assert all(rules.get(p) == T3_AFTER_T4_RULE for p in TABLE3_ROW_PATHS["carried_forward"])
