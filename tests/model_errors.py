"""The errors real language models make when they copy these tables, as changes to a perfect answer.

    changes = ERRORS["rows swapped"](values, rng)     # path → wrong value, or None (not applicable)
    answer = answer_for(values, **changes)           # tests.fakeopenai: the answer to serve

Each injector takes the true values (path → value) and a random generator and returns
the fields it changes (never a change that leaves the value as it was), or ``None`` when
the document gives it nothing to change (e.g. every row identical). Used by the scripted
server's tests and by ``bench/bench_model_errors.py``.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from llm_extract.form import FORM

__all__ = ["ERRORS", "Values", "Injector"]

Values = dict[str, Any]
Injector = Callable[[Values, random.Random], "Values | None"]

_COLS = FORM.table3_column_keys
_ROWS = FORM.table3_row_keys
_GROUPS = (                       # rows printed under one group heading: a model slips between them
    _ROWS[0:2], _ROWS[2:4], _ROWS[4:12], _ROWS[12:15], _ROWS[15:20], _ROWS[20:23], _ROWS[23:25])
_T4 = [f"review_litigation.{g}.{c}" for g in FORM.table4_group_keys for c in FORM.table4_column_keys]
_T2 = [f"{r.path}.{c.key}" if c.key else r.path for r in FORM.table2 for c in r.columns
       if not r.path.endswith("fees_10k_yuan")]


def _row(values: Values, row: str) -> list[Any]:
    return [values.get(f"applications.{row}.{c}") for c in _COLS]


def _set_row(row: str, cells: list[Any], old: list[Any]) -> Values:
    return {f"applications.{row}.{c}": v for c, v, o in zip(_COLS, cells, old) if v != o}


def _typo(n: int, rng: random.Random) -> int:
    digits = list(str(n))
    i = rng.randrange(len(digits))
    digits[i] = rng.choice([d for d in "0123456789" if d != digits[i] and not (i == 0 and d == "0" and len(digits) > 1)])
    return int("".join(digits))


def wrong_digit(v: Values, rng: random.Random) -> Values | None:
    cells = [p for p in _T2 + [f"applications.{r}.{c}" for r in _ROWS for c in _COLS] + _T4
             if isinstance(v.get(p), int)]
    nonzero = [p for p in cells if v[p]]
    p = rng.choice(nonzero if nonzero and rng.random() < 0.8 else cells)
    return {p: _typo(v[p], rng)}


def cells_swapped(v: Values, rng: random.Random) -> Values | None:
    options = [(r, i, j) for r in _ROWS for i in range(6) for j in range(i + 1, 6)
               if _row(v, r)[i] != _row(v, r)[j]]
    if not options:
        return None
    r, i, j = rng.choice(options)
    old = _row(v, r)
    new = list(old)
    new[i], new[j] = old[j], old[i]
    return _set_row(r, new, old)


def rows_swapped(v: Values, rng: random.Random) -> Values | None:
    pairs = [(a, b) for g in _GROUPS for k, a in enumerate(g) for b in g[k + 1:] if _row(v, a) != _row(v, b)]
    if not pairs:
        return None
    a, b = rng.choice(pairs)
    return _set_row(a, _row(v, b), _row(v, a)) | _set_row(b, _row(v, a), _row(v, b))


def row_shifted(v: Values, rng: random.Random) -> Values | None:
    rows = [r for r in _ROWS if any(_row(v, r))]
    if not rows:
        return None
    r = rng.choice(rows)
    old = _row(v, r)
    new = [None] + old[:-1] if rng.random() < 0.5 else old[1:] + [None]
    return _set_row(r, new, old) or None


def dropped_cell(v: Values, rng: random.Random) -> Values | None:
    cells = [p for p in [f"applications.{r}.{c}" for r in _ROWS for c in _COLS] + _T4 if v.get(p) is not None]
    nonzero = [p for p in cells if v[p]]
    if not cells:
        return None
    return {rng.choice(nonzero if nonzero and rng.random() < 0.7 else cells): None}


def hallucinated_row(v: Values, rng: random.Random) -> Values | None:
    """Numbers for a row the report leaves empty (all zeros or blanks), with a total that adds up."""
    empty = [r for r in _ROWS[4:23] if not any(_row(v, r))]
    if not empty:
        return None
    r = rng.choice(empty)
    a, b = rng.randint(1, 9), rng.randint(0, 3)
    return _set_row(r, [a, b, 0, 0, 0, 0, a + b], _row(v, r))


def other_split(v: Values, rng: random.Random) -> Values | None:
    """The row's digits cut differently (as a glued ``数量640020470`` invites), the row total still adding up
    when such a cut exists."""
    from verify.grounding import digit_splits

    rows = [r for r in _ROWS if sum(len(str(x)) for x in _row(v, r) if x is not None) > 7]
    rng.shuffle(rows)
    for r in rows:
        old = _row(v, r)
        slots = [i for i, x in enumerate(old) if x is not None]
        digits = "".join(str(old[i]) for i in slots)
        cuts = [c for c in digit_splits(digits, len(slots), limit=2000) if c != [old[i] for i in slots]]
        adding = [c for c in cuts if sum(c[:-1]) == c[-1]] if slots and slots[-1] == 6 else []
        pick = rng.choice(adding or cuts) if cuts else None
        if pick is None:
            continue
        new = list(old)
        for i, x in zip(slots, pick):
            new[i] = x
        return _set_row(r, new, old)
    return None


def agency_prefix(v: Values, rng: random.Random) -> Values | None:
    return {"agency": rng.choice(["标题:", "发布机关：", "1-"]) + str(v["agency"])} if v.get("agency") else None


ERRORS: dict[str, Injector] = {
    "wrong digit": wrong_digit, "cells swapped": cells_swapped, "rows swapped": rows_swapped,
    "row shifted": row_shifted, "dropped cell": dropped_cell, "hallucinated row": hallucinated_row,
    "other split": other_split, "agency prefix": agency_prefix,
}
