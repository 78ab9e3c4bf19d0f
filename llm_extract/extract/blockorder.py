"""Whether 表三's identities check the order of one block's applicant columns.

A text tool (``pdf2txt.py``) may print a page's rows of 表三 column by column, in an order of the columns
of its own. Every row of such a block keeps its row sum under any order of its six applicant columns: only
the column identities (the column sums, the balance) may tell them apart, and only where the block holds
part of an identity's rows, not all of them. A block's column order is *checked* when no other order of
its six applicant columns alone keeps every column identity of the whole table with other values in the
block: two applicant columns whose cells differ in the block must weigh differently in some column
identity. A block holding every row of each identity it touches (a page of 24 rows, the next page's one
row of zeros) weighs every column 0 in each: any order of its columns keeps the table's identities.
"""

from __future__ import annotations

from collections.abc import Sequence

from llm_extract.form import FORM

__all__ = ["order_checked"]

_COLS = FORM.table3_column_keys
#: the six applicant columns (the row identity's summands) as column indices
_APPLICANTS = tuple(_COLS.index(c) for i in FORM.identities if i.kind == "row" for c in i.rhs)
#: each column identity as its rows' weights (a lhs row +1, a rhs row -1)
_WEIGHTS = tuple({**{r: 1 for r in i.lhs}, **{r: -1 for r in i.rhs}}
                 for i in FORM.identities if i.kind == "column")


def order_checked(block: Sequence[Sequence[int | None]], rows: Sequence[str]) -> bool:
    """Whether the block's applicant columns are told apart by the column identities: ``block`` is its
    rows' values (seven each, in the form's column order, a blank ``None``), ``rows`` their row keys."""
    weighed: dict[tuple[int, ...], set[tuple[int | None, ...]]] = {}
    for c in _APPLICANTS:
        cells = tuple(row[c] for row in block)
        weight = tuple(sum(w.get(key, 0) * (v or 0) for key, v in zip(rows, cells)) for w in _WEIGHTS)
        weighed.setdefault(weight, set()).add(cells)
    return all(len(cells) == 1 for cells in weighed.values())
