"""表三's first rows as one band, then the 自然人 column of the rows below among their labels (``pdf2txt.py -A`` of a
Word table LibreOffice printed, its narrow first column boxed with the labels).

pdfminer groups a ruled table's cells into boxes by their places: the first rows (tall, their labels long) come as
one band column by column; below them the 自然人 cells stand close to the labels and come with them, between the
labels' boxes or on a label's own line (``3.危及“三安全一稳定” 2``: the row's first cell glued to its label); only
then the other six columns of those rows, in an order of pdfminer's grouping (sparse columns' boxes of several
columns' cells, 其他 and 总计 in bands of their own)::

    一、本年新收政府信息公开申请数量 / 90 / 0 / 0 / 0 / 10 / 51 / 151          ← the first band (here one row, across)
    二、上年结转… / （一）予以公开 / … / 2.其他法律行政法规禁止 / 10 / 6 / 13 / 0 / 1
    3.危及“三安全一稳定” 2 / 4.保护第三方合法权益 3 / … / 3 / 3 / 1 / 1 / 6 / 100 / 0   ← 自然人 of the rows below
    0 / 0 / … (144 numbers)                                                   ← the other columns, runs of 24

Where 表三 is unread (another reader's row breaking its sum is no read row: its cells here are this reader's), the
region's numbers are exactly its 175, at least one stands on a row's label line, and the labels printed before the
first number name the rows ``0 … k - 1`` and exactly ``7k`` numbers follow before the next row's label, the cut
is: those ``k`` rows printed column by column (every row keeping
its sum, the column header words, if any, between two of their columns), the next ``25 - k`` numbers 自然人's cells
of the rows below in order, every number printed on a label's line landing on the row that label names, and the
自然人 column's identities (一 + 二 = 七 + 四, 七 = the outcome rows' sum) holding over its 25 cells. Where the band's
columns come in groups (pdfminer boxing two columns' cells of a tall row together: ``10 13`` / ``0 5 1 1`` /
``0 6 0 0``), each group of consecutive columns (one or two) is cut into bands of rows printed column by column, every cut
keeping the rows' sums a candidate band (those that leave no number of the region unexplained below, where any
does), a column header's word printed only where a group begins, over its first column or one after it. The
columns are taken in the form's order and with 总计 printed before 其他 (Chromium's page, as its header prints the
two words): each row's sum tells these two apart, and the runs below are taken in the band's order. Where no band
holds, only its 自然人 cells are taken, the first ``k`` numbers (no header word among them). Where exactly ``k``
numbers follow those labels (Chromium's page: no band, the whole 自然人 column among the labels), they are the first
of 自然人's 25 cells and the six runs after it are read the same way, in either order of 其他 and 总计. The cells are read, never proven
(``READ.T3_LEAD_COLUMN``: the order is the tool's), and nothing is read where a cell another reader read says
otherwise. Where the band was read, the numbers after 自然人's are taken as the six other columns' runs of the rows
below in the form's order, each run read only where its column's identities hold with the cells read and no row's
applicant cells exceed its total. pdfminer prints the last columns' cells at times in bands of their own (其他 and
总计 of a few rows, then of the next few): such runs break their identities; where the runs read are the first
columns', the numbers left are cut into bands of the rows below each printed column by column in the form's order,
every row keeping its sum, and the cells every cut keeping every identity gives one value are read.
"""

from __future__ import annotations

from ..evidence import Method
from ..form import FORM
from ..schema import TABLE3_PATHS
from .blocktext import Number, heading_span, printed_lines
from .headbands import compositions
from .readings import Readings, agreed
from .regionevents import region_events
from .roworder import TEXT
from .t3instances import known_hold
from .t3pages import column_band, header_places, number_stacks, upright_piece

__all__ = ["read_lead_column"]

_ROWS = FORM.table3_row_keys
_COLS = FORM.table3_column_keys
_WIDTH = len(_COLS)
#: the orders the columns may be printed in, each the form's column at each place: the form's, and 总计 before 其他
_ORDERS = (tuple(range(_WIDTH)), tuple(range(_WIDTH - 2)) + (_WIDTH - 1, _WIDTH - 2))
#: the most rows of a first band whose columns come in groups (each group's cuts: 2 ** (rows - 1))
_MOST_BAND_ROWS = 5
#: the most columns boxed together in a first band (pdfminer's pairs of a tall row's cells)
_MOST_GROUP = 2
#: more tables of the last columns' bands than this: none is read
_MAX_TABLES = 64
_NOTE = "表三's first band and 自然人 column: several cuts keep every identity with other values here"


def _numbers(lines: list[str], span: tuple[int, int]) -> tuple[list[Number], dict[int, int], list[int], int] | None:
    """The region's numbers in printed order, each one printed on a label's line (its index) → the row that label
    names, the rows named before the first number, and the count of numbers before the next row's label; ``None``
    where a line with words holds more than one number, or one not right after a row's label."""
    worded = {n for n, _, words, _ in printed_lines(lines, *span) if words}
    numbers: list[Number] = []
    named: dict[int, int] = {}
    row = None                          # the row named by the label event right before
    first: set[int] = set()
    segment = 0                         # the numbers printed before the first row's label after them
    for event_row, number in region_events(lines, *span):
        if number is None:
            row = event_row if event_row != TEXT else None
            if row is not None and not numbers:
                first.add(row)
            elif row is not None and not segment:
                segment = len(numbers)
            continue
        if upright_piece(lines, number):
            continue
        if number.line in worded:
            if row is None or (numbers and numbers[-1].line == number.line):
                return None
            named[len(numbers)] = row
        numbers.append(number)
        row = None
    return numbers, named, sorted(first) if sorted(first) == list(range(len(first))) else [], segment


def _broken(readings: Readings) -> set[str]:
    """The rows another reader read whole whose cells break the row's sum (a line of numbers taken for a row: not
    known, this reader's cells for it taken over)."""
    out = set()
    for row in _ROWS:
        got = [readings.get(f"applications.{row}.{c}") for c in _COLS]
        values = [r.value if r is not None and not r.missing else None for r in got]
        if all(isinstance(v, int) for v in values) and sum(values[:-1]) != values[-1]:   # type: ignore[arg-type]
            out.add(row)
    return out


def _grouped_bands(cells: list[Number], k: int, order: tuple[int, ...], heads: dict[int, int]) -> list[list[list[Number]]]:
    """The first ``k`` rows where their columns come in groups (a tall row's cells of two columns boxed together:
    ``10 13`` / ``0 5 1 1`` / ``0 6 0 0``, 社会公益组织's and 法律服务机构's), each group of one or two columns cut into
    bands of rows printed column by column: every table (alike in values once) whose every row keeps its sum; none
    where more than :data:`_MAX_TABLES`. ``order``: the form's column printed at each place; a column header's word
    (``heads``) only where a group begins, over that group's first column or one after it."""
    if k > _MOST_BAND_ROWS or len(cells) != k * _WIDTH:
        return []
    found: dict[tuple, list[list[Number]]] = {}

    def place(column: int, at: int, rows: list[list[Number]]) -> None:
        if at in heads and heads[at] < column:
            return                      # (a header word over a column printed before it)
        if column == _WIDTH:
            if all(sum(int(n.cell.value or 0) for n in row[:-1]) == int(row[-1].cell.value or 0) for row in rows):
                found.setdefault(tuple(n.cell.value for row in rows for n in row), [list(row) for row in rows])
            if len(found) > _MAX_TABLES:
                raise OverflowError
            return
        for width in range(1, min(_WIDTH - column, _MOST_GROUP) + 1):
            inside = [p - at for p in heads if at < p < at + width * k]
            for sizes in compositions(k) if width > 1 else [(k,)]:
                if inside and (sizes != (k,) or any(p % k or heads[at + p] < column + p // k for p in inside)):
                    continue            # (a header word among a group's cells, not between its columns)
                top, i = 0, at
                for size in sizes:
                    for c in range(column, column + width):
                        for r in range(top, top + size):
                            rows[r][order[c]] = cells[i]
                            i += 1
                    top += size
                place(column + width, i, rows)

    try:
        place(0, 0, [[cells[0]] * _WIDTH for _ in range(k)])
    except OverflowError:
        return []
    return list(found.values())


def _runs(numbers: list[Number], k: int, values: dict[str, int | None], order: tuple[int, ...]) -> dict[str, Number]:
    """Each of the six other columns' run of the rows below (the numbers after 自然人's, ``25 - k`` a column, in the
    form's order) that keeps its column's identities with the cells read, and no row's applicant cells above its
    total: most runs are their column's, but pdfminer prints some columns' cells in bands of their own."""
    below = len(_ROWS) - k
    out: dict[str, Number] = {}
    for c in range(1, _WIDTH):
        run = numbers[k * _WIDTH + below * c:k * _WIDTH + below * (c + 1)]
        column = {f"applications.{_ROWS[k + r]}.{_COLS[order[c]]}": n for r, n in enumerate(run)}
        trial = {**values, **{p: n.cell.value for p, n in column.items()}}
        if any(sum(v or 0 for c2 in _COLS[:-1] if isinstance(v := trial.get(f"applications.{row}.{c2}"), int))
               > (trial.get(f"applications.{row}.total") or 0) for row in _ROWS
               if f"applications.{row}.total" in trial) or not known_hold(trial):     # type: ignore[arg-type]
            continue
        out |= column
        values = trial
    return out


def _tail_tables(numbers: list[Number], k: int, values: dict[str, int | None], runs: int,
                 order: tuple[int, ...]) -> list[dict[str, Number]]:
    """The last columns after the first ``runs`` of them were read as runs, their numbers cut into bands of the rows
    below each printed column by column (其他 and 总计 of a few rows, then of the next few), every row keeping its
    sum: each such table keeping every identity (none where more than :data:`_MAX_TABLES` cuts hold)."""
    below, width = len(_ROWS) - k, _WIDTH - 1 - runs
    tail = numbers[k * _WIDTH + below * (1 + runs):]
    if width < 2 or len(tail) != width * below:
        return []
    memo: dict[int, dict[tuple, dict[str, Number]]] = {}

    def rest(row: int) -> dict[tuple, dict[str, Number]]:
        """The tables (alike in values once) of the rows from ``row`` down."""
        if row == below:
            return {(): {}}
        if row not in memo:
            memo[row] = {}
            for b in range(1, below - row + 1):
                band = tail[row * width:(row + b) * width]
                cells = {f"applications.{_ROWS[k + row + r]}.{_COLS[order[_WIDTH - width + i]]}": band[i * b + r]
                         for r in range(b) for i in range(width)}
                trial = {**values, **{p: n.cell.value for p, n in cells.items()}}
                if any(sum(trial.get(f"applications.{_ROWS[k + row + r]}.{c}") or 0 for c in _COLS[:-1])
                       != (trial[f"applications.{_ROWS[k + row + r]}.total"] or 0) for r in range(b)):
                    continue            # (a row's sum broken)
                key = tuple(n.cell.value for n in cells.values())
                for more, later in rest(row + b).items():
                    memo[row].setdefault(key + more, cells | later)
                if len(memo[row]) > _MAX_TABLES:
                    raise OverflowError
        return memo[row]

    try:
        tables = list(rest(0).values())
    except OverflowError:
        return []
    return [t for t in tables if known_hold({**values, **{p: n.cell.value for p, n in t.items()}})]


def read_lead_column(lines: list[str], readings: Readings) -> Readings | None:
    """表三's first band and the 自然人 column below it (see the module's docstring), or ``None``."""
    broken = _broken(readings)
    known = {p: r.value for p in TABLE3_PATHS if (r := readings.get(p)) is not None and not r.missing
             and p.split(".")[1] not in broken}
    if len(known) > _WIDTH or (span := heading_span(lines, FORM.headings["表三"], FORM.headings["表四"])) is None:
        return None                     # (most documents: 表三 read, whole or for the most part)
    if (printed := _numbers(lines, span)) is None:
        return None
    numbers, glued, first_rows, segment = printed
    if len(numbers) != len(_ROWS) * _WIDTH or not all(isinstance(n.cell.value, int) for n in numbers):
        return None
    heads = header_places(lines, numbers)
    if not glued or heads is None:
        return None                     # (the sign of this layout: a label's line holding its row's first cell)
    k = len(first_rows)
    if segment == k:                    # (their 自然人 cells only: the whole column among the labels, no band)
        k = 0
    elif segment != k * _WIDTH:
        return None
    first = k * _WIDTH
    if not 0 <= k < len(_ROWS) or any(place >= first for place in heads) \
            or any(not first <= i < first + len(_ROWS) - k or i - first + k != row for i, row in glued.items()):
        return None
    natural = {f"applications.{_ROWS[r]}.{_COLS[0]}": numbers[first + r - k] for r in range(k, len(_ROWS))}
    band = column_band(numbers[:first], k, number_stacks(lines, numbers), (None, numbers[first]), heads) if k else []
    kept = []
    for order in _ORDERS:           # (总计 printed before 其他 where the header's words are: the rows' sums choose)
        bands = [band] if band is not None and (order == _ORDERS[0] or not k) \
            else _grouped_bands(numbers[:first], k, order, heads) if band is None else []
        kept += [got for band in bands if (got := _below(numbers, k, known, natural | {
            f"applications.{_ROWS[r]}.{c}": n for r, row in enumerate(band) for c, n in zip(_COLS, row)}, order))
            is not None]
    if whole := [got for got in kept if len(got) == len(TABLE3_PATHS)]:
        kept = whole                    # (the bands that leave no number unexplained, where any does)
    if not kept and all(place >= k for place in heads):    # (no band holds: its 自然人 cells only, the first k)
        first_cells = natural | {f"applications.{_ROWS[r]}.{_COLS[0]}": numbers[r] for r in range(k)}
        kept = [got] if (got := _below(numbers, k, known, first_cells)) is not None else []
    if not kept:
        return None
    common = set.intersection(*(set(got) for got in kept))
    options = {p: [n for got in kept for n in got[p]] for p in common if p not in known}
    return agreed(options, Method.T3_LEAD_COLUMN, _NOTE)


def _below(numbers: list[Number], k: int, known: dict[str, int | None], cells: dict[str, Number],
           order: tuple[int, ...] | None = None) -> dict[str, list[Number]] | None:
    """The options of the cells read from the first band's and 自然人's ``cells`` (with the runs and the last
    columns' bands of the rows below, where ``runs``), or ``None`` where a cell another reader read says otherwise
    or an identity breaks."""
    values = {**known, **{p: n.cell.value for p, n in cells.items()}}
    if any(p in known and known[p] != n.cell.value for p, n in cells.items()) \
            or not known_hold(values):     # type: ignore[arg-type]
        return None
    options: dict[str, list[Number]] = {p: [n] for p, n in cells.items()}
    if order is not None:
        read = _runs(numbers, k, values, order)
        options |= {p: [n] for p, n in read.items()}
        count = len(read) // (len(_ROWS) - k)
        if set(read) == {f"applications.{_ROWS[r]}.{_COLS[c]}" for r in range(k, len(_ROWS))
                         for c in order[1:1 + count]}:
            for table in _tail_tables(numbers, k, {**values, **{p: n.cell.value for p, n in read.items()}}, count,
                                      order):
                for p, n in table.items():
                    options.setdefault(p, []).append(n)
    return options
