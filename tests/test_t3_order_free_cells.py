"""表三's first rows read in two flows (t3top) and its last cells printed among 表四's (t3tail) are placed in a text
tool's order, as column runs are: the six applicant columns in another order would keep every identity. A cell no
such order changes is not a guess, as for column runs: with every row of the table read, the total column (the row
sums pin it) and a row whose six applicant cells read alike (a row of zeros). A table with a cell left unread, or
with printed blanks among zeros so read, proves none of them."""

from __future__ import annotations

from llm_extract.evidence import CellKind, Method, Reading
from llm_extract.form import FORM
from llm_extract.schema import TABLE3_PATHS, TABLE3_ROW_PATHS
from verify.guesses import T3_AFTER_T4_RULE, T3_LEFTOVER_RULE, guessed

_ROWS = FORM.table3_row_keys
_COLS = FORM.table3_column_keys
_FIRST = ("new_received", "carried_over")
_LAST = ("other_other", "total_processed", "carried_forward")


def _read(values: dict[str, int | None], *, by_columns: bool = False) -> dict[str, Reading]:
    """The table so read, each row from a line of its own (rows printed one after another), or ``by_columns``
    each column's cells down lines of their own (columns printed one after another)."""
    out = {}
    for path in TABLE3_PATHS:
        row = path.split(".")[1]
        r, c = _ROWS.index(row), _COLS.index(path.split(".")[2])
        line = c * len(_ROWS) + r + 1 if by_columns else r + 1
        method = Method.T3_LEFTOVER_ORDER if row in _FIRST else Method.T3_AFTER_T4 if row in _LAST \
            else Method.FORM_ORDER_RUNS
        v = values.get(path, 0)
        kind = CellKind.PLACEHOLDER if v is None else CellKind.ZERO if v == 0 else CellKind.NUMBER
        out[path] = Reading(v, kind, "/" if v is None else str(v), [line], method)
    return out


_TABLE = {"applications.new_received.natural_person": 3, "applications.new_received.total": 3,
          "applications.granted.natural_person": 3, "applications.granted.total": 3,
          "applications.total_processed.natural_person": 3, "applications.total_processed.total": 3}


def test_totals_and_rows_alike_read_in_a_tool_s_order_are_no_guess() -> None:
    rules = guessed(_read(_TABLE))
    for row in ("carried_over", "other_other", "carried_forward"):      # six 0 alike: any column order the same row
        assert not set(TABLE3_ROW_PATHS[row]) & set(rules), row
    # rows printed one after another, each on lines of its own: the page's order of rows
    assert "applications.new_received.total" not in rules and "applications.total_processed.total" not in rules
    assert "applications.granted.total" not in rules
    assert rules["applications.new_received.natural_person"] == T3_LEFTOVER_RULE
    assert rules["applications.new_received.commercial"] == T3_LEFTOVER_RULE
    assert rules["applications.total_processed.natural_person"] == T3_AFTER_T4_RULE


def test_rows_that_trade_places_read_down_columns_are_proven_only_where_they_read_alike() -> None:
    """Columns printed one after another (pdfminer's boxes, plain pdftotext): which row a cell is, its place down
    the column says, and the 21 outcome rows (summed into （七）总计) trade places keeping every identity, as 一、
    and 二、 do: pdfminer put （五）2.重复申请's 1 (其他, total) in 5.要求行政机关确认's place, every identity holding.
    A cell of such a row is no guess only where every row it trades places with reads the same in its column."""
    rules = guessed(_read(_TABLE, by_columns=True))
    assert rules["applications.granted.total"] == "READ.COLUMN_RUNS"
    assert rules["applications.denied_state_secret.total"] == "READ.COLUMN_RUNS"   # 0 where （一） holds 3
    assert "applications.denied_state_secret.commercial" not in rules      # 0 in every outcome row: no order moves it
    assert "applications.total_processed.total" not in rules               # no row stands in its identities
    assert rules["applications.new_received.total"] == T3_LEFTOVER_RULE    # 一 (3) and 二 (0) trade places too
    assert rules["applications.carried_over.natural_person"] == T3_LEFTOVER_RULE
    assert "applications.carried_over.commercial" not in rules            # 0 in both
    assert not set(TABLE3_ROW_PATHS["carried_forward"]) & set(rules)


def test_with_a_cell_left_unread_every_cell_so_read_is_a_guess() -> None:
    readings = _read(_TABLE)
    readings["applications.granted.research"] = Reading(None, CellKind.MISSING, "", [], Method.FORM_ORDER_RUNS)
    rules = guessed(readings)
    assert all(rules.get(p) == T3_AFTER_T4_RULE for p in TABLE3_ROW_PATHS["carried_forward"])


def test_blanks_among_zeros_so_read_leave_the_zeros_guesses() -> None:
    rules = guessed(_read({**_TABLE, "applications.other_other.research": None}))
    assert all(rules.get(p) == T3_AFTER_T4_RULE for p in TABLE3_ROW_PATHS["carried_forward"])
