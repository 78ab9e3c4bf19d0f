"""表三 printed as bands of rows, a band among (repeated) column headers with its columns in the page's order.

Plain ``pdftotext`` (no -layout) of a Word-made PDF prints rows whose labels fit one line, standing close on the
page, as one block: the band's cells column by column. Where the column headers stand over a band (the table's
first rows, or the first rows of a page the header is repeated on), each header is a block of its own with the
cells under it, and the columns come out in an order of the page's (法律服务机构 before 科研机构), the next rows'
first cells at times between two of them (their other cells after the band, column by column)::

    （本列数据…） / 申请人情况 / 自然人 / …labels…
    4 / 0 / 2 / 0 / 0 / 0 / 0 / 0 / 0              ← 自然人's cells of the band (4 rows), 商业企业's
    0                                                ← the next row's 自然人 cell
    法人或其他组织 / 商业企业 / 科研机构 / 总计 / 法律服务机构
    0 / 1 / 0 / 0 / 其他 / 1 / 0 / 0 / 0 / …        ← 法律服务机构's, 科研机构's, … 总计's
    0 / 0 / 0 / 0 / 0 / 0                            ← the next row's other six
    …bands of rows, each column by column…

:func:`read_head_bands` cuts the region's 175 numbers into such bands from the top (a band among headers only where
header words stand among its numbers); each row keeps its sum, and each column of a band among headers goes where
the column identities (总计 = the outcome rows, 一 + 二 = 七 + 四, each column by itself) put it. The cells every
table so read gives one value are read; the others (columns alike to the identities) left unread. One table read,
in the text's order (:mod:`.bandorder`: a row printed alone anchors the columns, no plain band of several rows
keeps every identity in another order of its columns, no printed blank among zeros), is read as the form's order
(``Method.FORM_ORDER``: proven where every identity holds); otherwise none of it is proven (``READ.COLUMN_RUNS``).
More tables than :data:`_MAX_TABLES`: nothing is read.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..evidence import Method
from ..form import FORM
from .bandorder import in_text_order
from .blocktext import Number, heading_span, int_value
from .regionevents import region_events
from .readings import Readings, agreed
from .roworder import TEXT, line_printed_twice, row_printed_twice
from .t3instances import table3_broken

__all__ = ["read_head_bands", "compositions"]

_ROWS = FORM.table3_row_keys
_COLS = FORM.table3_column_keys
_WIDTH = len(_COLS)
_COUNT = len(_ROWS)
_NEW, _OVER = _ROWS.index("new_received"), _ROWS.index("carried_over")
_TOTAL, _FORWARD = _ROWS.index("total_processed"), _ROWS.index("carried_forward")
#: the outcome rows (三、's), whose sum is 总计's, column by column
_OUTCOMES = range(_OVER + 1, _TOTAL)
#: the widest band of rows printed column by column (a page's run of one-line labels)
_WIDE = 8
#: the most rows of a band among headers, and of rows whose first cells stand inside it
_HEAD, _NEXT = 5, 4
#: more ways to cut the numbers than this (alike in values once): none is read
_MAX_CUTS = 64
#: more distinct tables than this: none is read
_MAX_TABLES = 8
_ALIKE = "a column printed among the headers the identities do not tell from another: its cells left unread"

#: a plain band ("rows"): rows of seven numbers; a band among headers ("columns"): its seven columns' cells (b each),
#: unplaced; the rows whose first cells stand inside it ("next"): rows of seven numbers, the first from inside
_Band = tuple[str, list[list[Number]]]


class _TooMany(Exception):
    """More ways to cut the numbers than are read."""


def _rows_hold(rows: list[list[Number]]) -> bool:
    return all(sum(map(int_value, r[:-1])) == int_value(r[-1]) for r in rows)


def _by_columns(cells: list[Number], k: int, width: int = _WIDTH) -> list[list[Number]]:
    """``k`` rows printed column by column (``width`` columns)."""
    return [[cells[c * k + i] for c in range(width)] for i in range(k)]


def compositions(m: int) -> Iterator[tuple[int, ...]]:
    """Every way to cut ``m`` rows into bands, top down (``3``: (1, 1, 1), (1, 2), (2, 1), (3,))."""
    if m == 0:
        yield ()
        return
    for first in range(1, m + 1):
        for rest in compositions(m - first):
            yield (first,) + rest


def _next_rows(first: list[Number], after: list[Number]) -> Iterator[list[list[Number]]]:
    """The rows whose ``first`` cells stand inside a band among headers, their other cells ``after`` it in bands
    of rows, each column by column; each row keeping its sum."""
    for sizes in compositions(len(first)):
        rows: list[list[Number]] = []
        at = 0
        for size in sizes:
            six = _by_columns(after[at:at + (_WIDTH - 1) * size], size, _WIDTH - 1)
            rows += [[first[len(rows)]] + r for r in six]
            at += (_WIDTH - 1) * size
        if _rows_hold(rows):
            yield rows


def _total_fits(chunks: list[list[Number]]) -> bool:
    """Some column of a band among headers is its rows' totals (twice a row's total is the row's sum)."""
    sums = [sum(int_value(ch[i]) for ch in chunks) for i in range(len(chunks[0]))]
    return any(all(2 * int_value(ch[i]) == s for i, s in enumerate(sums)) for ch in chunks)


def _signature(bands: list[_Band]) -> tuple:
    """What a cut reads, alike for cuts alike in values (plain rows of zeros cut into bands one way or another)."""
    out: list = []
    for kind, cells in bands:
        values = tuple(tuple(map(int_value, x)) for x in cells)
        if kind == "rows" and out and out[-1][0] == "rows":
            out[-1] = ("rows", out[-1][1] + values)
        else:
            out.append((kind, values))
    return tuple(out)


def _cuts(numbers: list[Number], texts: set[int]) -> list[list[_Band]]:
    """Every way to read ``numbers`` as bands from the top (one for cuts alike in values); ``texts``: the indices
    of the numbers text stands right before (a band among headers holds one inside it)."""
    memo: dict[tuple[int, int], list[list[_Band]]] = {}

    def rest(pos: int, row: int) -> list[list[_Band]]:
        if row == _COUNT:
            return [[]] if pos == len(numbers) else []
        if (pos, row) in memo:
            return memo[(pos, row)]
        out: dict[tuple, list[_Band]] = {}

        def add(band: list[_Band], later: list[list[_Band]]) -> None:
            for tail in later:
                cut = band + tail
                out.setdefault(_signature(cut), cut)
            if len(out) > _MAX_CUTS:
                raise _TooMany

        for k in range(1, min(_WIDE, _COUNT - row) + 1):
            rows = _by_columns(numbers[pos:pos + k * _WIDTH], k) if pos + k * _WIDTH <= len(numbers) else []
            if rows and _rows_hold(rows):
                add([("rows", rows)], rest(pos + k * _WIDTH, row + k))
        for b in range(1, min(_HEAD, _COUNT - row) + 1):
            for m in range(0, min(_NEXT, _COUNT - row - b) + 1):
                size = _WIDTH * b + m
                if not any(pos < t < pos + size for t in texts) or pos + size + (_WIDTH - 1) * m > len(numbers):
                    continue
                head, after = numbers[pos:pos + size], numbers[pos + size:pos + size + (_WIDTH - 1) * m]
                for k in range(1, _WIDTH) if m else (0,):
                    flat, first = head[:k * b] + head[k * b + m:], head[k * b:k * b + m]
                    chunks = [flat[c * b:(c + 1) * b] for c in range(_WIDTH)]
                    if not _total_fits(chunks):
                        continue
                    for nxt in _next_rows(first, after):
                        band: list[_Band] = [("columns", chunks)] + ([("next", nxt)] if nxt else [])
                        add(band, rest(pos + size + (_WIDTH - 1) * m, row + b + m))
        memo[(pos, row)] = list(out.values())
        return memo[(pos, row)]

    return rest(0, 0)


def _column_holds(column: list[int]) -> bool:
    """One column's identities: 总计 = the outcome rows; 一 + 二 = 七 + 四."""
    return column[_TOTAL] == sum(column[r] for r in _OUTCOMES) \
        and column[_NEW] + column[_OVER] == column[_TOTAL] + column[_FORWARD]


def _tables(bands: list[_Band]) -> Iterator[list[list[Number]]]:
    """The tables ``bands`` read: each band among headers' columns placed where every column's identities hold."""
    heads = [chunks for kind, chunks in bands if kind == "columns"]

    def place(c: int, left: list[list[list[Number]]], chosen: list[list[list[Number]]]) -> Iterator[list[list[list[Number]]]]:
        if c == _WIDTH:
            yield chosen
            return
        yield from pick(c, 0, left, chosen, [])

    def pick(c: int, h: int, left: list[list[list[Number]]], chosen: list[list[list[Number]]],
             here: list[int]) -> Iterator[list[list[list[Number]]]]:
        if h == len(heads):
            picked = [left[i][j] for i, j in enumerate(here)]
            if _column_holds(_column(c, [ch + [p] for ch, p in zip(chosen, picked)] if chosen else [[p] for p in picked])):
                yield from place(c + 1, [[x for j, x in enumerate(left[i]) if j != here[i]] for i in range(len(heads))],
                                 [ch + [p] for ch, p in zip(chosen, picked)] if chosen else [[p] for p in picked])
            return
        tried: set[tuple[int, ...]] = set()
        for j, chunk in enumerate(left[h]):
            key = tuple(map(int_value, chunk))
            if key not in tried:
                tried.add(key)
                yield from pick(c, h + 1, left, chosen, here + [j])

    def _column(c: int, placed: list[list[list[Number]]]) -> list[int]:
        values: list[int] = []
        h = 0
        for kind, cells in bands:
            if kind != "columns":
                values += [int_value(r[c]) for r in cells]
            else:
                values += [int_value(n) for n in placed[h][c]]
                h += 1
        return values

    for placed in place(0, [list(chunks) for chunks in heads], []):
        rows: list[list[Number]] = []
        h = 0
        for kind, cells in bands:
            if kind != "columns":
                rows += cells
            else:
                rows += [[placed[h][c][i] for c in range(_WIDTH)] for i in range(len(cells[0]))]
                h += 1
        if _rows_hold(rows):
            yield rows


def read_head_bands(lines: list[str]) -> Readings | None:
    """表三 read as bands of rows, some among column headers (see the module's docstring)."""
    if (span := heading_span(lines, FORM.headings["表三"], FORM.headings["表四"])) is None:
        return None
    events = region_events(lines, *span)
    numbers = [n for _, n in events if n is not None]
    named = {row for row, n in events if n is None and row != TEXT}
    if len(numbers) != _COUNT * _WIDTH or len(named) != _COUNT or not all(isinstance(n.cell.value, int) for n in numbers) \
            or row_printed_twice(events) \
            or line_printed_twice(events, lines):
        return None                         # (a row printed twice: its copy may make up the count)
    texts: set[int] = set()
    seen = 0
    for row, n in events:
        if n is not None:
            seen += 1
        elif row == TEXT:
            texts.add(seen)
    found: dict[tuple[tuple[int, ...], ...], tuple[list[list[Number]], list[_Band]]] = {}
    try:
        cuts = _cuts(numbers, texts)
    except _TooMany:
        return None
    for bands in cuts:
        if not any(kind == "columns" for kind, _ in bands):
            continue                        # (no band among headers: the form-order readers' tables)
        for rows in _tables(bands):
            values = tuple(tuple(int_value(n) for n in r) for r in rows)
            if values in found:
                continue
            if not table3_broken({f"applications.{r}.{c}": values[i][j] for i, r in enumerate(_ROWS)
                                  for j, c in enumerate(_COLS)}):
                found[values] = (rows, bands)
                if len(found) > _MAX_TABLES:
                    return None
    if not found:
        return None
    tables = [rows for rows, _ in found.values()]
    method = Method.FORM_ORDER if len(found) == 1 and _in_text_order(*tables, *(b for _, b in found.values())) \
        else Method.FORM_ORDER_RUNS
    return agreed({f"applications.{r}.{c}": [t[i][j] for t in tables] for i, r in enumerate(_ROWS)
                   for j, c in enumerate(_COLS)}, method, _ALIKE)


def _in_text_order(rows: list[list[Number]], bands: list[_Band]) -> bool:
    """Whether the one table read stands in the text's order (:mod:`.bandorder`): a row printed alone anchoring the
    columns, no other band keeping every identity in another order of its columns (a band among headers is placed by
    the identities already: the one table read says they leave it one place)."""
    shapes = [(len(cells[0]) if kind == "columns" else len(cells), kind == "rows" and len(cells) == 1)
              for kind, cells in bands]
    return in_text_order(rows, shapes, _ROWS)
