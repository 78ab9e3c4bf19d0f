"""表三's first rows printed in two flows (plain ``pdftotext`` of narrow tables): each row's left cells, then the right.

Where a narrow table's first rows stand beside the tall column header, the tool reads the page in two flows split
by a line that leans left going down: for each of those rows its left-hand cells (five, then four, three …), the
header's words among them, then for each row its right-hand cells::

    １ / ０ / 申请人情况 / … / ０ / ０ / ０          ← 一、's first five cells
    ０ / ０ / １ / １                                ← 二、's first four
    ０ / ０ / ０ / ０ / ０ / ０ / ０ / ０ / ０        ← （一）'s three, （二）'s two, （三）1.'s two
    自然 / 人 / … / １ / ２                          ← 一、's last two
    ０ / １ / ３ / …                                 ← 二、's last three, …

Where the other readers left 表三's first rows unread (every cell of rows 0 … k) and the region holds exactly as many
numbers on lines no other 表三 reading stands on (one number a line), those numbers are read as bands of those rows,
each band printed in two flows (every row's first cells, fewer or as many going down, then every row's others; a
row printed across is a band of one), each row keeping its sum. The cells every such reading keeping the identities
(those without other unread cells) gives one value are read, never proven (``READ.T3_LEFTOVER_ORDER``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from ..evidence import Method
from ..form import FORM
from ..schema import TABLE3_PATHS
from .blocktext import Number, heading_span, printed_lines, int_value
from .readings import Readings, agreed
from .t3instances import known_hold

__all__ = ["read_top_rows"]

_ROWS = FORM.table3_row_keys
_COLS = FORM.table3_column_keys
_WIDTH = len(_COLS)
#: the most rows read this way
_MOST = 8
#: more distinct readings than this: none is read
_MAX_TABLES = 16
#: more rows tried than this (rows mostly of zeros keep most splits' sums): none is read
_MAX_STEPS = 50_000
_NOTE = "one of the first rows printed in two flows: several splits keep every identity; left unread"

_Rows = tuple[tuple[Number, ...], ...]


class _TooMany(Exception):
    """More readings than are kept."""


def _bands(cells: list[Number], b: int, budget: list[int]) -> Iterator[list[tuple[Number, ...]]]:
    """Every band of ``b`` rows printed in two flows (each row's first ``k`` cells, fewer or as many going down, then
    each row's others) in which each row keeps its sum. The left flow's length fixes where the right one starts, so
    it is chosen first; the counts are then chosen row by row, a row whose sum fails cutting off every count below
    it. Each row tried spends one of ``budget[0]``: none left, :class:`_TooMany` (rows of zeros keep every sum).
    The bands come in the order of their counts, most left-hand cells first, row by row. Cells all 0: every band
    reads alike, the first (each row across) only."""
    if not any(map(int_value, cells)):
        yield [tuple(cells[i * _WIDTH:(i + 1) * _WIDTH]) for i in range(b)]
        return

    def rows(i: int, most: int, left: int, at_left: int, at_right: int) -> Iterator[list[tuple[int, tuple[Number, ...]]]]:
        if i == b:
            if left == 0:
                yield []
            return
        for k in range(min(most, left), -1, -1):
            if k * (b - i) < left:          # (the rows below, each at most k, cannot take the rest)
                break
            budget[0] -= 1
            if budget[0] < 0:
                raise _TooMany
            row = tuple(cells[at_left:at_left + k]) + tuple(cells[at_right:at_right + _WIDTH - k])
            if sum(map(int_value, row[:-1])) != int_value(row[-1]):
                continue
            for below in rows(i + 1, k, left - k, at_left + k, at_right + _WIDTH - k):
                yield [(k, row)] + below

    found = [band for total in range(_WIDTH * b, -1, -1) for band in rows(0, _WIDTH, total, 0, total)]
    found.sort(key=lambda band: [k for k, _ in band], reverse=True)
    for band in found:
        yield [row for _, row in band]


def _readings_of(numbers: list[Number], count: int) -> list[_Rows]:
    """Every reading of ``numbers`` as the first ``count`` rows in bands of two flows (alike in values once)."""
    memo: dict[int, dict[tuple, _Rows]] = {}
    budget = [_MAX_STEPS]

    def rest(row: int) -> dict[tuple, _Rows]:
        if row == count:
            return {(): ()}
        if row in memo:
            return memo[row]
        out: dict[tuple, _Rows] = {}
        for b in range(1, count - row + 1):
            cells = numbers[row * _WIDTH:(row + b) * _WIDTH]
            seen: set[tuple] = set()
            for band in _bands(cells, b, budget):
                if (key := tuple(tuple(map(int_value, r)) for r in band)) in seen:
                    continue
                seen.add(key)
                for later, rows in rest(row + b).items():
                    out.setdefault(key + later, tuple(band) + rows)
                    if len(out) > _MAX_TABLES * 4:
                        raise _TooMany
        memo[row] = out
        return out

    return list(rest(0).values())


def read_top_rows(lines: list[str], readings: Readings) -> Readings | None:
    """表三's first rows from the region's numbers no other reading took (see the module's docstring)."""
    unread = [p for p in TABLE3_PATHS if p not in readings or readings[p].missing]
    rows = sorted({_ROWS.index(p.split(".")[1]) for p in unread})
    count = 0
    while count in rows and count < _MOST:
        count += 1
    top = [f"applications.{_ROWS[r]}.{c}" for r in range(count) for c in _COLS]
    if not count or not set(top) <= set(unread):
        return None
    if (span := heading_span(lines, FORM.headings["表三"], FORM.headings["表四"])) is None:
        return None
    used = {n for p in TABLE3_PATHS if (r := readings.get(p)) is not None and not r.missing for n in r.lines}
    numbers = [n for _, _, _, found in printed_lines(lines, *span) for n in found]
    per_line = Counter(n.line for n in numbers)
    left = [n for n in numbers if n.line not in used]
    if len(left) != len(top) or max(per_line[n.line] for n in left) > 1 \
            or not all(isinstance(n.cell.value, int) for n in left):
        return None
    known = {p: r.value for p in TABLE3_PATHS if (r := readings.get(p)) is not None and not r.missing}
    if not all(isinstance(v, int) or v is None for v in known.values()):
        return None
    try:
        found = _readings_of(left, count)
    except _TooMany:
        return None
    kept = [t for t in found if known_hold({**known, **{f"applications.{_ROWS[i]}.{c}": n.cell.value
                                                   for i, row in enumerate(t) for c, n in zip(_COLS, row)}})]
    if not kept or len(kept) > _MAX_TABLES:
        return None
    return agreed({f"applications.{_ROWS[i]}.{c}": [t[i][j] for t in kept] for i in range(count)
                   for j, c in enumerate(_COLS)}, Method.T3_LEFTOVER_ORDER, _NOTE)
