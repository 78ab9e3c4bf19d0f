"""表三 rows printed as a staircase: each row's first cells after its label, the rest of the rows' cells after them.

``pdftotext`` (default mode) may print the top of a ruled table whose right-hand columns it takes as a block
of their own this way: 一、 and its first four cells, 二、 and its first three, （一） and two, （二） and one,
1.属于国家秘密 and none, then (after the headers 其他 / 总计) the rest of those rows' cells, row after row
(三 + 四 + 五 + 六 + 七 numbers), one to a line. The rows' numbers still stand in the page's order: a row's
first cells after its label, its last ones in the run after the staircase, in the rows' order.

Such a staircase is read where the labels of consecutive rows of the form each stand before fewer than seven
numbers (their own first cells, a wrapped label's tail between), fewer row after row down to none (the last
row's label, then text naming no row: the column headers; rows short of a cell left blank and unprinted
give no such steps), and the numbers after that text up to the next row's label are exactly the cells the
rows still lack; every row's sum (总计 = the six applicant columns) holding. Which of the run's numbers
end which row is the tool's order (a row's last cells printed with another row's would keep every sum
where they are zeros): never proven (``READ.COLUMN_RUNS``) but for the cells no such order changes.
"""

from __future__ import annotations

from ..evidence import Method
from ..form import FORM
from .blocktext import Number, all_counts, heading_span, printed_lines
from .glued import row_holds
from .labels import BARE_HEADERS, rows_named
from .layout import label_key
from .readings import Readings, reading

__all__ = ["read_staircase"]

_ROWS = FORM.table3_row_keys
_COLS = FORM.table3_column_keys
_WIDTH = len(_COLS)
_T3_HEADING = FORM.headings["表三"]
_T4_HEADING = FORM.headings["表四"]

#: an event of 表三's region: a row's label (its index), a number, or other text (-1)
_TEXT = -1


def _events(lines: list[str], start: int, end: int) -> list[tuple[int, Number | None]]:
    """The region's labels (one row named), numbers and other text, in printed order."""
    out: list[tuple[int, Number | None]] = []
    for _, _, words, numbers in printed_lines(lines, start, end):
        key = label_key(words)
        named = rows_named(key) if words and key not in BARE_HEADERS else []
        if words:
            out.append((_ROWS.index(named[0]) if len(named) == 1 else _TEXT, None))
        out += [(_TEXT, number) for number in numbers]
    return out


def _steps(events: list[tuple[int, Number | None]], at: int) -> tuple[list[tuple[int, list[Number]]], int]:
    """From the label at ``events[at]``: the labels of consecutive rows each with its first numbers (fewer
    than seven; text naming no row between a label and them, its wrapped tail), and where the run of the
    rows' other cells may start. A label followed, past text (the column headers), by seven numbers or more
    is the last step, with none of its cells: they all stand in that run."""
    steps: list[tuple[int, list[Number]]] = []
    i = at
    while i < len(events) and events[i][1] is None and events[i][0] != _TEXT \
            and (not steps or events[i][0] == steps[-1][0] + 1):
        j = i + 1
        while j < len(events) and events[j][1] is None and events[j][0] == _TEXT:
            j += 1                                          # (the label's wrapped tail, or headers)
        k = j
        while k < len(events) and events[k][1] is not None:
            k += 1
        if k - j < _WIDTH:
            steps.append((events[i][0], [n for _, n in events[j:k] if n is not None]))
            i = k
            continue
        if steps and j > i + 1:
            steps.append((events[i][0], []))
            i = j
        break
    return steps, i


def _rest(events: list[tuple[int, Number | None]], i: int) -> list[Number] | None:
    """The numbers after the staircase (past text naming no row) up to the next label or the region's end."""
    while i < len(events) and events[i][1] is None and events[i][0] == _TEXT:
        i += 1
    rest: list[Number] = []
    while i < len(events) and events[i][1] is not None:
        rest.append(events[i][1])           # type: ignore[arg-type]
        i += 1
    return rest if i == len(events) or events[i][0] != _TEXT else None


def _row_holds(cells: list[Number]) -> bool:
    """The row's total is the sum of its applicant columns (a blank counts 0)."""
    return all_counts(cells) and row_holds([n.cell.value or 0 for n in cells])


def read_staircase(lines: list[str]) -> Readings | None:
    """表三's rows printed as a staircase (see the module's docstring), or ``None``."""
    if (span := heading_span(lines, _T3_HEADING, _T4_HEADING)) is None:
        return None
    events = _events(lines, *span)
    out: Readings = {}
    for at, (row, number) in enumerate(events):
        if number is not None or row == _TEXT:
            continue
        steps, after = _steps(events, at)
        counts = [len(numbers) for _, numbers in steps]
        if len(steps) < 2 or counts[-1] or any(a <= b for a, b in zip(counts, counts[1:])):
            continue                        # (a staircase: fewer first cells row after row, down to none)
        rest = _rest(events, after)
        if rest is None or len(rest) != sum(_WIDTH - len(numbers) for _, numbers in steps):
            continue
        rows: list[tuple[int, list[Number]]] = []
        for row_index, numbers in steps:
            take = _WIDTH - len(numbers)
            rows.append((row_index, numbers + rest[:take]))
            rest = rest[take:]
        if not all(_row_holds(cells) for _, cells in rows):
            continue
        for row_index, cells in rows:
            out.update({f"applications.{_ROWS[row_index]}.{c}":
                        reading(n.cell, [n.line], Method.FORM_ORDER_RUNS)
                        for c, n in zip(_COLS, cells)})
    return out or None
