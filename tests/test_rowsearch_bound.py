"""The whole-row search of 表三 keeps a partial column sum only while it stays under one total_processed reading.

Where the rows' readings move a number from column to column (a glued row whose empty cells left no trace: its 1
may be any applicant's), so do total_processed's: under the largest of every column together nearly every partial
sum would pass, and the search would give up on a table its identities settle at once. A sum above every reading
can reach none of them (counts are never negative), so dropping it loses no solution.
"""

from __future__ import annotations

from llm_extract.schema import APPLICATION_ROWS, OUTCOME_ROWS
from verify.rowsearch import search_rows

WIDTH = 7


def _placed(n: int) -> list[tuple[int, ...]]:
    """``n`` in any one of the six applicant columns, and the row's total."""
    return [tuple(n if k in (c, WIDTH - 1) else 0 for k in range(WIDTH)) for c in range(WIDTH - 1)]


def test_readings_that_move_a_number_between_columns_are_searched_to_the_end() -> None:
    zero = [(0,) * WIDTH]
    rows = {r: zero for r in APPLICATION_ROWS}
    rows.update({r: _placed(1) for r in OUTCOME_ROWS})
    rows["total_processed"] = rows["new_received"] = _placed(len(OUTCOME_ROWS))
    found = search_rows(rows)
    assert found is not None
    assert found.solutions == WIDTH - 1                 # every row's 1 in the same column, one per column
    assert all(sorted(found.feasible[r]) == list(range(WIDTH - 1)) for r in OUTCOME_ROWS)


def test_the_sums_packed_into_one_integer_each_find_what_tuples_find(monkeypatch) -> None:
    """The search keeps its partial sums packed a column to a field of one integer (a sum one addition, a bound one
    subtraction); a reading with a count too large to pack is searched with tuples. Both find the same survivors
    and count the same solutions, over tables whose rows may each be one of several readings."""
    import random

    import verify.rowsearch as rowsearch

    rng = random.Random(7)
    for _ in range(40):
        table = {r: [rng.choice((0, 0, 0, 1, 2, 5)) for _ in range(WIDTH - 1)] for r in OUTCOME_ROWS}
        rows: dict[str, list[tuple[int, ...]]] = {}
        for r in OUTCOME_ROWS:
            cells = table[r] + [sum(table[r])]
            moved = cells[1:WIDTH - 1] + cells[:1] + cells[WIDTH - 1:]      # the same row, its cells shifted
            rows[r] = [tuple(cells)] + ([tuple(moved)] if rng.random() < 0.4 and moved != cells else [])
        total = [sum(table[r][c] for r in OUTCOME_ROWS) for c in range(WIDTH - 1)]
        rows["total_processed"] = [tuple(total + [sum(total)])]
        rows["new_received"] = rows["total_processed"]
        rows["carried_over"] = rows["carried_forward"] = [(0,) * WIDTH]
        packed = search_rows(rows)
        monkeypatch.setattr(rowsearch, "_packable", lambda *_: False)
        plain = search_rows(rows)
        monkeypatch.undo()
        assert packed is not None and plain is not None
        assert packed.solutions == plain.solutions >= 1
        assert packed.feasible == plain.feasible
