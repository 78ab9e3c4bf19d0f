"""表三's first row printed among its column headers, every later cell in the form's order.

Plain ``pdftotext`` (no -layout) of a Word-made PDF prints a ruled 表三's column headers (商业企业 科研机构 /
社会公益组织 / 法律服务机构 …) as blocks of their own, each block with the cells right under it: the first row's
seven cells (一、本年新收, and at times the next row's first cell) come out among the headers' pieces in an order of
the page's, not the columns'. Every cell after them stands in the form's order: row by row, or a band of two or
three rows printed column by column (（一）/（二） beside the merged 三、本年度办理结果 cell)::

    0 / 0 / 1 / 总计 / 法律服务 / 机构 / 0 / 其他 / 0 / 社会公益 / 组织 / 0 / 2 / 0   ← 一、's seven, 二、's first
    0 / 0 / 0 / 0 / 0 / 2                                                        ← 二、's other six
    1 / 0 / 0 / 0 / …                                                            ← （一） and （二） by columns …

:func:`read_head_cells` reads such a table only where the identities leave one table: the first ``h`` numbers
(``h`` = 7, or 8 with 二、's first cell among them) are left unread; the rest are placed in the form's order from
cell ``h``, the rows cut into bands of one to three rows read column by column, each whole row keeping its sum;
the unread cells are then what the identities leave (二、's first cell by its row's sum, 一、 by the balance
一 + 二 = 七 + 四, column by column), and those values must be the ``h`` numbers printed at the head, as a multiset.
The head may as well be a band of the first two to four rows printed column by column, the columns in an order of
the page's (法律服务机构 before 科研机构), the next rows' first cells printed between two of its columns and their
other cells after it (:func:`_banded`): each column is then placed where the balance and every other identity put
it. Exactly one table must come out over every reading of the head and every cut. The head's cells of the first
reading stay missing for the verifier to derive (marked derived). Every other cell stands in the text's order
(``Method.FORM_ORDER``: proven where every identity holds) when the cut's rows printed alone anchor the columns and
no band printed column by column keeps every identity, with the head's numbers, in another order of its columns
(:mod:`.bandorder`), and no printed blank stands among zeros; else in a tool's order (``READ.COLUMN_RUNS``: proven
only where no order of the six applicant columns changes them), as is a head read as a band (:func:`_banded`).
A table whose 25 labels are not all printed, whose count of numbers is
not 175, or with a blank printed at the head (an identity derives 0, not a blank) is not read here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from ..evidence import Method
from ..form import FORM
from .bandorder import anchored, blanks_among_zeros, other_tables
from .blocktext import Number, heading_span, int_value
from .piecelabels import rows_in_pieces
from .regionevents import region_events
from .readings import Readings, missing, reading
from .roworder import TEXT, line_printed_twice, row_printed_twice
from .t3instances import table3_broken

__all__ = ["read_head_cells"]

_ROWS = FORM.table3_row_keys
_COLS = FORM.table3_column_keys
_WIDTH = len(_COLS)
_T3_HEADING = FORM.headings["表三"]
_T4_HEADING = FORM.headings["表四"]
#: the widest band of rows printed column by column
_BAND = 3
#: more distinct tables than this from the cuts: the head's cells are not pinned (none is read)
_MAX_TABLES = 64
_NOTE = "printed among the column headers in an order of the page's: left to the identities"

_Table = tuple[tuple[int, ...], ...]
#: rows placed from a cut, and its bands' sizes (rows each), top down
_Cut = tuple[list[list[Number]], list[int]]


def _cuts(tail: list[Number], first: int) -> list[_Cut]:
    """Every table of rows ``first`` … 24 that ``tail`` makes, cut into bands of one to :data:`_BAND` rows
    printed column by column, each row keeping its sum: one placement for each distinct table (cuts alike in
    values, as bands of zeros, are one: the first, rows alone before bands), with its bands' sizes; raises ``OverflowError`` past :data:`_MAX_TABLES`."""
    memo: dict[int, dict[tuple[int | None, ...], _Cut]] = {}

    def rest(row: int) -> dict[tuple[int | None, ...], _Cut]:
        if row == len(_ROWS):
            return {(): ([], [])}
        if row in memo:
            return memo[row]
        out: dict[tuple[int | None, ...], _Cut] = {}
        at = (row - first) * _WIDTH
        for k in range(1, min(_BAND, len(_ROWS) - row) + 1):
            cells = tail[at:at + k * _WIDTH]
            band = [[cells[c * k + i] for c in range(_WIDTH)] for i in range(k)]
            if not all(sum(map(int_value, r[:-1])) == int_value(r[-1]) for r in band):
                continue
            values = tuple(n.cell.value for r in band for n in r)
            for later, (placed, sizes) in rest(row + k).items():
                cut = (band + placed, [k] + sizes)
                out.setdefault(values + later, cut)
                if len(out) > _MAX_TABLES:
                    raise OverflowError
        memo[row] = out
        return out

    return list(rest(first).values())


def _completed(head: list[Number], second: list[Number], rows: list[list[Number]]) -> _Table | None:
    """The whole table with the head's cells the identities leave, when they are the head's numbers: ``second``
    is 二、's cells read (all seven, or the six after its first), ``rows`` the rows after it."""
    values = [[0] * _WIDTH, [0] * (_WIDTH - len(second)) + [int_value(n) for n in second]] \
        + [[int_value(n) for n in r] for r in rows]
    if len(second) < _WIDTH:                # 二、's first cell by its row's sum
        values[1][0] = values[1][-1] - sum(values[1][1:-1])
    processed, forward = values[_ROWS.index("total_processed")], values[_ROWS.index("carried_forward")]
    values[0] = [processed[c] + forward[c] - values[1][c] for c in range(_WIDTH)]
    derived = values[0] + ([values[1][0]] if len(second) < _WIDTH else [])
    if min(derived) < 0 or Counter(derived) != Counter(int_value(n) for n in head):
        return None
    if table3_broken({f"applications.{r}.{c}": values[i][j] for i, r in enumerate(_ROWS) for j, c in enumerate(_COLS)}):
        return None
    return tuple(tuple(r) for r in values)


def _assignments(chunks: list[list[Number]], target: list[int]) -> Iterator[list[list[Number]]]:
    """Every order of the head band's column ``chunks`` (one a column, its rows top down) whose first two rows
    (一、 and 二、) add up to ``target`` column by column (the balance 一 + 二 = 七 + 四); alike chunks once."""
    def place(c: int, left: list[list[Number]]) -> Iterator[list[list[Number]]]:
        if c == _WIDTH:
            yield []
            return
        tried: set[tuple[int, ...]] = set()
        for j, chunk in enumerate(left):
            key = tuple(map(int_value, chunk))
            if key in tried or key[0] + key[1] != target[c]:
                continue
            tried.add(key)
            for rest in place(c + 1, left[:j] + left[j + 1:]):
                yield [chunk] + rest
    yield from place(0, chunks)


def _banded(numbers: list[Number]) -> dict[_Table, list[list[Number]]]:
    """Every table that reads the head as the first ``b`` rows (2 to 4) column by column, the columns in an order of
    the page's (the identities place them), the next ``m`` rows' first cells (0 to 3, one column's) printed
    between two of its columns and their other cells after it, column by column; the rest as :func:`_cuts`."""
    found: dict[_Table, list[list[Number]]] = {}
    for b in range(2, 5):
        for m in range(0, 4):
            size = _WIDTH * b + m
            head, after = numbers[:size], numbers[size:size + (_WIDTH - 1) * m]
            for k in range(1, _WIDTH) if m else (None,):
                flat, first = (head[:k * b] + head[k * b + m:], head[k * b:k * b + m]) if k else (head, [])
                chunks = [flat[c * b:(c + 1) * b] for c in range(_WIDTH)]
                nxt = [[first[i]] + [after[c * m + i] for c in range(_WIDTH - 1)] for i in range(m)]
                if not all(sum(map(int_value, r[:-1])) == int_value(r[-1]) for r in nxt):
                    continue
                for tail, _ in _cuts(numbers[size + (_WIDTH - 1) * m:], b + m):
                    later = nxt + tail
                    at = len(_ROWS) - len(later)
                    processed, forward = later[_ROWS.index("total_processed") - at], later[-1]
                    target = [int_value(x) + int_value(y) for x, y in zip(processed, forward)]
                    for columns in _assignments(chunks, target):
                        rows = [[columns[c][i] for c in range(_WIDTH)] for i in range(b)] + later
                        values = tuple(tuple(int_value(n) for n in r) for r in rows)
                        if values in found or not all(sum(r[:-1]) == r[-1] for r in values):
                            continue
                        if not table3_broken({f"applications.{r}.{c}": values[i][j] for i, r in enumerate(_ROWS)
                                              for j, c in enumerate(_COLS)}):
                            found[values] = rows
                        if len(found) > 1:
                            return found
    return found


def read_head_cells(lines: list[str]) -> Readings | None:
    """表三 read in the form's order past its first row, printed among the headers (see the module's docstring)."""
    if (span := heading_span(lines, _T3_HEADING, _T4_HEADING)) is None:
        return None
    events = region_events(lines, *span)
    named = {row for row, number in events if number is None and row != TEXT} \
        | {_ROWS.index(row) for row in rows_in_pieces(lines[span[0]:span[1]])}   # (labels in narrow cells' pieces)
    numbers = [n for _, n in events if n is not None]
    if len(numbers) != len(_ROWS) * _WIDTH or len(named) != len(_ROWS) or row_printed_twice(events) \
            or line_printed_twice(events, lines):
        return None                         # (a row printed twice: its copy may make up the count)
    found: dict[_Table, tuple[int, list[list[Number]], list[Number], bool]] = {}
    for h in (_WIDTH, _WIDTH + 1):
        head = numbers[:h]
        if not all(isinstance(n.cell.value, int) for n in head):
            return None                     # a blank at the head: an identity would derive 0 for it
        partial = numbers[h:_WIDTH * 2] if h > _WIDTH else []
        first = 2 if partial else 1
        try:
            for rows, sizes in _cuts(numbers[_WIDTH * 2:] if partial else numbers[h:], first):
                second, later = (partial, rows) if partial else (rows[0], rows[1:])
                if (table := _completed(head, second, later)) is not None and not (table in found and found[table][3]):
                    found[table] = (h, later, second,
                                    _checked(head, partial, rows, sizes, first)
                                    and not blanks_among_zeros([numbers[h:]]))
        except OverflowError:
            return None
        if len(found) > 1:
            return None
    try:
        banded = _banded(numbers)
    except OverflowError:
        return None
    if len(set(found) | set(banded)) != 1:
        return None
    if not found:                           # the head's rows read, each column where the identities put it
        rows = next(iter(banded.values()))
        return {f"applications.{r}.{c}": reading(n.cell, [n.line], Method.FORM_ORDER_RUNS)
                for r, row in zip(_ROWS, rows) for c, n in zip(_COLS, row)}
    h, rows, second, checked = next(iter(found.values()))
    method = Method.FORM_ORDER if checked else Method.FORM_ORDER_RUNS
    out: Readings = {}
    raw = " ".join(n.cell.raw for n in numbers[:h])
    head_lines = sorted({n.line for n in numbers[:h]})
    unread = [(_ROWS[0], c) for c in _COLS] + [(_ROWS[1], c) for c in _COLS[:_WIDTH - len(second)]]
    for r, c in unread:
        out[f"applications.{r}.{c}"] = missing(raw, head_lines, Method.FORM_ORDER_RUNS, _NOTE)
    for c, n in zip(_COLS[_WIDTH - len(second):], second):
        out[f"applications.{_ROWS[1]}.{c}"] = reading(n.cell, [n.line], method)
    for i, r in enumerate(rows):
        for c, n in zip(_COLS, r):
            out[f"applications.{_ROWS[2 + i]}.{c}"] = reading(n.cell, [n.line], method)
    return out if _labels_keep_their_lines(events, out) else None


def _labels_keep_their_lines(events: list, out: Readings) -> bool:
    """Whether each label printed with its row's seven numbers after it on one line (a row's line: ``3.要求提供公开出版物
    2 0 3 2 2 0 9``) has those numbers read as its row's: a line of text is one row, whatever the form's order says
    (rows printed out of order, a label that lost words, leave the order no proof)."""
    for k, (row, number) in enumerate(events):
        if number is not None or row == TEXT or not 0 <= row < len(_ROWS):
            continue
        after = [n for _, n in events[k + 1:k + 1 + _WIDTH]]
        if len(after) != _WIDTH or any(n is None for n in after) or len({n.line for n in after}) != 1:
            continue
        read = [out.get(f"applications.{_ROWS[row]}.{c}") for c in _COLS]
        if any(r is not None and not r.missing and r.lines and r.lines[-1] != after[0].line for r in read):
            return False
    return True


def _checked(head: list[Number], partial: list[Number], rows: list[list[Number]], sizes: list[int], first: int) -> bool:
    """Whether a cut (``sizes``: its bands' rows each, from row ``first`` down; ``rows`` its rows, ``partial``
    二、's six cells read after the head, or none) stands in the text's order (:mod:`.bandorder`): some row printed
    alone is anchored, and no band printed column by column keeps every identity, with the head's numbers what
    一、 comes out (:func:`_completed`), in another order of its columns."""
    alone = [[int_value(n) for n in rows[sum(sizes[:i])]] for i, k in enumerate(sizes) if k == 1]
    if not anchored(alone):
        return False
    bands = [(sum(sizes[:i]), k) for i, k in enumerate(sizes) if k > 1]
    for other in other_tables(rows, bands, int_value):
        second, later = (partial, other) if partial else (other[0], other[1:])
        if _completed(head, second, later) is not None:
            return False
    return True
