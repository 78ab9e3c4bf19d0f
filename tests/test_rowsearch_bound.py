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
