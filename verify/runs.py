"""Digit runs: is the model's cut of a glued run the only one the identities leave?

    pinned_runs(values, grounding) -> {paths whose digit-run cut is the only one}

A value grounded as a ``digit_run`` (the text prints ``640020470`` where the model gives
``6 4 0 0 2 0 4 7 0``, ``...``) is supported by the text's digits, not by its cuts. It
counts as a source only when every other cut is ruled out:

* 表三: each digit-run row is offered with every cut of its digits into the model's number
  of non-blank cells (at the model's non-blank columns, no leading zeros) that satisfies
  the row's own total; every other row as the model gives it. The whole-table search
  (:func:`verify.rowsearch.search_rows`) keeps the cuts under which every column identity
  holds; the row's cells are pinned when only the model's cut survives. A run marking its blanks
  (``1550/0/18173``) is offered with every row its printed pieces can be, the blanks standing where each cut
  puts the marks (not where the model put them): a model's blank there is then placed by the text.
* 表四: every cut of the run of 15 numbers that satisfies each group's total.
* 表二: no identity: only a run that can be cut one way.

Pure: values and groundings in, paths out.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from llm_extract.form import FORM

from .grounding import DIGIT_RUN, Grounding, digit_splits
from .rowsearch import search_rows

__all__ = ["pinned_runs", "MAX_CUTS"]

MAX_CUTS = 5000          # cuts tried per run; more and the run is left unpinned


def _digits(v: Any) -> str:
    return "" if v is None else str(v).replace(".", "")


def _marked_cuts(pieces: tuple[str | None, ...], width: int) -> list[list[int | None]] | None:
    """Every row of ``width`` cells the printed pieces can be: each mark one blank cell, each run of digits cut
    into one or more numbers (no leading zeros), in the printed order."""
    runs = [p for p in pieces if p is not None]
    free = width - (len(pieces) - len(runs))
    out: list[list[int | None]] = []

    def parts(k: int, left: int) -> Iterator[tuple[int, ...]]:
        if k == len(runs) - 1:
            if 1 <= left <= len(runs[k]):
                yield (left,)
            return
        for n in range(1, min(left - (len(runs) - k - 1), len(runs[k])) + 1):
            yield from ((n, *rest) for rest in parts(k + 1, left - n))

    for counts in (parts(0, free) if runs else iter([()])):
        rows: list[list[int | None]] = [[]]
        it = iter(counts)
        for piece in pieces:
            if piece is None:
                rows = [r + [None] for r in rows]
                continue
            splits = digit_splits(piece, next(it), limit=MAX_CUTS + 1)
            rows = [r + list(split) for r in rows for split in splits]
            if len(rows) > MAX_CUTS:
                return None
        out.extend(r for r in rows if len(r) == width)
        if len(out) > MAX_CUTS:
            return None
    return out


def _cuts(paths: list[str], values: Mapping[str, Any],
          pieces: tuple[str | None, ...] = ()) -> list[list[int | None]] | None:
    """Every cut of the paths' digits into their non-blank cells, placed where the model put them; where the run
    marks its blanks (``pieces``), every row the printed pieces can be, the blanks where the cut puts the marks."""
    if pieces:
        return _marked_cuts(pieces, len(paths))
    given = [values.get(p) for p in paths]
    digits = "".join(_digits(v) for v in given)
    slots = [i for i, v in enumerate(given) if v is not None]
    splits = digit_splits(digits, len(slots), limit=MAX_CUTS + 1)
    if len(splits) > MAX_CUTS:
        return None
    out = []
    for split in splits:
        cut: list[int | None] = [None] * len(paths)
        for i, v in zip(slots, split):
            cut[i] = v
        out.append(cut)
    return out


def _vector(cells: list[Any]) -> tuple[int, ...]:
    return tuple(int(c or 0) for c in cells)


def _row_ok(cut: list[int | None]) -> bool:
    *six, total = [c or 0 for c in cut]
    return sum(six) == total


def _table3(values: Mapping[str, Any], runs: set[str],
            pieces: Mapping[str, tuple[str | None, ...]] | None = None) -> set[str]:
    cols = FORM.table3_column_keys
    rows: dict[str, list[tuple[int, ...]]] = {}
    model_index: dict[str, int] = {}
    run_rows = []
    for row in FORM.table3_row_keys:
        paths = [f"applications.{row}.{c}" for c in cols]
        if any(p not in values for p in paths):
            return set()
        model = [values[p] for p in paths]
        if not any(p in runs for p in paths):
            rows[row] = [_vector(model)]
            continue
        marks = next(((pieces or {})[p] for p in paths if p in (pieces or {})), ())
        cuts = _cuts(paths, values, marks)
        if cuts is None:
            return set()
        options = [_vector(c) for c in cuts if _row_ok(c)]
        if _vector(model) not in options or (marks and sum(1 for c in cuts if _vector(c) == _vector(model)) > 1):
            return set()          # (two cuts alike but for where a blank stands: the marks place no blank)
        rows[row] = list(dict.fromkeys(options))
        model_index[row] = rows[row].index(_vector(model))
        run_rows.append(row)
    if not run_rows:
        return set()
    result = search_rows(rows)
    if result is None:
        return set()
    pinned = set()
    for row in run_rows:
        if result.feasible.get(row) == [model_index[row]]:
            pinned |= {f"applications.{row}.{c}" for c in cols}
    return pinned


def _table4(values: Mapping[str, Any], runs: set[str]) -> set[str]:
    paths = [f"review_litigation.{g}.{c}" for g in FORM.table4_group_keys for c in FORM.table4_column_keys]
    if not any(p in runs for p in paths) or any(p not in values for p in paths):
        return set()
    cuts = _cuts(paths, values)
    if cuts is None:
        return set()
    width = len(FORM.table4_column_keys)
    ok = [c for c in cuts if all(_row_ok(c[i:i + width]) for i in range(0, len(c), width))]
    return set(paths) if ok == [[values[p] for p in paths]] else set()


def _table2(values: Mapping[str, Any], runs: set[str]) -> set[str]:
    pinned = set()
    for row in FORM.table2:
        paths = [f"{row.path}.{c.key}" if c.key else row.path for c in row.columns]
        if not any(p in runs for p in paths) or any(p not in values for p in paths):
            continue
        cuts = _cuts(paths, values)
        if cuts is not None and len(cuts) == 1 and cuts[0] == [values[p] for p in paths]:
            pinned |= set(paths)
    return pinned


def pinned_runs(values: Mapping[str, Any], grounding: Mapping[str, Grounding]) -> set[str]:
    """The digit-run values whose cut is the only one the identities leave (see the module docstring)."""
    runs = {p for p, g in grounding.items() if g.status == DIGIT_RUN}
    if not runs:
        return set()
    pieces = {p: g.pieces for p, g in grounding.items() if g.pieces and p in runs}
    return (_table3(values, runs, pieces) | _table4(values, runs) | _table2(values, runs)) & runs

