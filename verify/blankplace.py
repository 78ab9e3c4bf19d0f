"""表三 rows whose empty cells left no trace: the printed numbers placed by the identities, the rest empty.

Text copied out of a PDF viewer gives one line a cell and none for an empty one; OCR of a scanned table gives
no token for an empty cell. A row then prints fewer than seven numbers (``1 0 0 0 1`` for 自然人 1, 商业企业 empty,
…, 总计 1), and its reader offers every placement of them with the other cells unknown. Twenty such rows
multiply past any search cap, so the table was left missing.

Here the other cells are taken as EMPTY (a blank counts as 0 in every sum): each row's placements become
complete readings, the row's own total checks each, and :mod:`verify.rowsearch` walks the column sums and the
balance over them, bounded as always. Only when that search finds the table consistent does it speak: a cell on
which every surviving placement of its row agrees is placed (its number, or empty: ``None``, never 0), the other
cells stay open with the surviving placements as candidates. A placed cell is ``derived`` under
``DERIVE.BLANKS_PLACED``, never proven: the identities placed it, nothing printed beside it did. Nor does an
identity holding a placed cell prove the read cells in it (:func:`checked_by_placement`): the placement was chosen
so that it holds (a row read at its header's guessed columns would be "proven" by the very sums that placed the
rows around it). Nor does the hypothesis stand where a 表三 row was left unread over more numbers than a row holds
(:func:`crowded_rows`: pdfminer printing the table's numbers in one block after a label): the numbers stand where
no row took them, and rows with no number of their own are unread rows, not empty ones.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from llm_extract.evidence import Ambiguity, Reading
from llm_extract.schema import APPLICATION_ROWS, TABLE3_ROW_PATHS

from .identities import Equation, equations_by_path
from .blankshape import shaped_rows
from .rowsearch import search_rows
from .survey import Survey
from .rules import register

__all__ = ["BlankPlacement", "place_blanks", "BLANKS_PLACED_RULE", "checked_by_placement", "crowded_rows"]

BLANKS_PLACED_RULE = "DERIVE.BLANKS_PLACED"
register(BLANKS_PLACED_RULE,
         "表三此行印出的数字少于七个（空白单元格未留痕迹）：把未印出的单元格作空白，勾稽关系只留一种摆法确定此单元格（推导值，不予证明）",
         "a 表三 row printed fewer than seven numbers (its empty cells left no trace): with the cells not printed "
         "taken as empty, the identities leave one placement of this cell (derived, never proven)")

Row = tuple[int | None, ...]


class BlankPlacement:
    """Placed cells (path → value, ``None`` for an empty cell) and, per group left open, its surviving rows."""

    __slots__ = ("values", "ambiguous", "open", "work", "shaped")

    def __init__(self, values: dict[str, int | None], ambiguous: dict[int, list[list[int | None]]],
                 open_: set[str], work: int, shaped: set[str] | None = None) -> None:
        self.values, self.ambiguous, self.open, self.work = values, ambiguous, open_, work
        self.shaped = shaped or set()       # of the values, those placed by the table's shape (verify/blankshape.py)


def _row_holds(row: Row) -> bool:
    return sum(v or 0 for v in row[:-1]) == (row[-1] or 0)


def place_blanks(base: Mapping[str, int | None], unknown: set[str],
                 ambiguities: Sequence[Ambiguity]) -> BlankPlacement | None:
    """Every 表三 row read, or offered as placements whose open slots are taken as empty, or printed with no
    number at all (its seven cells ``unknown``: a row of empty cells). ``None`` when the hypothesis does not apply
    (a lost cell beside read ones, a group beyond one row), no table holds under it, or the search is capped."""
    if not ambiguities:
        return None
    offered: dict[str, tuple[int, list[Row]]] = {}
    empty = {r for r in APPLICATION_ROWS if unknown & set(TABLE3_ROW_PATHS[r])}
    if any(not set(TABLE3_ROW_PATHS[r]) <= unknown for r in empty) \
            or unknown - {p for r in empty for p in TABLE3_ROW_PATHS[r]}:
        return None     # a lost cell of a row read in part, or of no 表三 row: not the hypothesis
    for gi, a in enumerate(ambiguities):
        row = a.paths[0].split(".")[1] if a.paths and a.paths[0].startswith("applications.") else ""
        full = TABLE3_ROW_PATHS.get(row, ())
        if not full or row in offered or not set(a.paths) <= set(full) \
                or any(p not in a.paths and p not in base for p in full):
            return None
        readings: list[Row] = []
        for o in a.options:
            cells = dict(zip(a.paths, o))
            r = tuple(cells[p] if p in cells else base.get(p) for p in full)
            if _row_holds(r) and r not in readings:
                readings.append(r)
        if not readings:
            return None
        offered[row] = (gi, readings)
    vectors: dict[str, list[tuple[int, ...]]] = {}
    for row in APPLICATION_ROWS:
        if row in offered:
            distinct: list[tuple[int, ...]] = []
            for r in offered[row][1]:
                v = tuple(x or 0 for x in r)
                if v not in distinct:
                    distinct.append(v)
            vectors[row] = distinct
        elif row in empty:                 # its label alone: a row of empty cells
            vectors[row] = [(0,) * len(TABLE3_ROW_PATHS[row])]
        else:
            paths = TABLE3_ROW_PATHS[row]
            if any(p not in base for p in paths):
                return None
            vectors[row] = [tuple(base[p] or 0 for p in paths)]
    found = search_rows(vectors)
    if found is None or not found.solutions:
        return None
    values: dict[str, int | None] = {}
    ambiguous: dict[int, list[list[int | None]]] = {}
    open_: set[str] = set()
    alive_rows: dict[str, list[Row]] = {}
    for row, (_gi, readings) in offered.items():
        live = {vectors[row][i] for i in found.feasible[row]}
        alive_rows[row] = [r for r in readings if tuple(x or 0 for x in r) in live]
    shaped = shaped_rows(alive_rows, lambda chosen: _table_holds(vectors, chosen))
    for row, (gi, readings) in offered.items():
        alive = [shaped[row]] if row in shaped else alive_rows[row]
        paths = TABLE3_ROW_PATHS[row]
        group = ambiguities[gi]
        for k, p in enumerate(paths):
            if p not in group.paths:
                continue
            seen = {r[k] for r in alive}
            if len(seen) == 1:
                values[p] = seen.pop()
            else:
                open_.add(p)
        if len(alive) > 1:
            ambiguous[gi] = [[dict(zip(paths, r))[p] for p in group.paths] for r in alive]
    for row in empty:
        values.update(dict.fromkeys(TABLE3_ROW_PATHS[row]))
    return BlankPlacement(values, ambiguous, open_, found.work,
                          {p for row in shaped for p in ambiguities[offered[row][0]].paths})


def _table_holds(vectors: Mapping[str, list[tuple[int, ...]]], chosen: Mapping[str, Row]) -> bool:
    """Whether the table still holds with the ``chosen`` rows so placed (blank counted as 0)."""
    found = search_rows({row: [tuple(x or 0 for x in chosen[row])] if row in chosen else v
                         for row, v in vectors.items()})
    return found is not None and bool(found.solutions)


def checked_by_placement(placed: set[str]) -> list[Equation]:
    """The identities holding a placed cell: they hold because the cells were placed so, and check nothing."""
    eqs = equations_by_path()
    out: list[Equation] = []
    for p in sorted(placed):
        out += [eq for eq in eqs.get(p, ()) if eq not in out]
    return out


def crowded_rows(readings: Mapping[str, Reading], seen: Survey | None = None) -> bool:
    """Whether a 表三 row was left unread over more numbers than a row holds (its reading's text: the numbers after
    its label, ``0 0 … 9 0 3 1 …``): the table's numbers stand in a block no row took, so its rows with no number are
    not rows of empty cells. ``seen``: the readings' survey, whose odd cells are the only ones that may be unread
    (a number or a zero is read)."""
    width = len(next(iter(TABLE3_ROW_PATHS.values())))
    paths = seen.odd if seen is not None else readings
    return any((r := readings[p]).missing and p.startswith("applications.")
               and len(_NUMBER.findall(r.raw or "")) > 2 * width for p in paths)


_NUMBER = re.compile(r"\d+")
