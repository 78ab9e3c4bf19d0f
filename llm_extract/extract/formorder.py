"""表三 read in the form's order, when its region holds exactly its 175 cells.

Text tools print a ruled table's cells in the order they found them on the page, not always beside
their labels: ``pdftotext`` (default mode) prints most rows as a label and its seven numbers, but a
wrapped label (（一）予以公开 in a merged group cell) far below its numbers; ``pdf2txt.py`` prints a
page's labels first, then its numbers column by column. Either way the numbers themselves stand in the
form's order. When the numbers printed between 表三's heading and 表四's are exactly 25 × 7, the table
is one of two readings:

* **by rows**: the 175 numbers are the 25 rows in the form's order, seven each;
* **by blocks**: each run of numbers that no text interrupts holds ``7k`` numbers, the next ``k`` rows
  in the form's order printed column by column (``pdf2txt.py``: the page's rows, 自然人 first), or
  several such blocks one after another (``pdftotext``: a band of two rows by columns, then a row's
  seven cells), each of its rows keeping its row sum: a run cut into blocks is the weakest reading,
  tried only when no other holds (zeros and blanks keep the sums under many cuts); weaker still, tried
  last, a block whose runs part a column (``pdf2txt.py`` boxing a column's first cells with the labels beside them, the rest
  of the column apart: the numbers still stand column by column in printed order). The order of the
  columns is the tool's, and the identities hold with the applicant columns of the whole table in any
  order: a table printed as one block is read but never proven (``READ.COLUMN_RUNS``), its total column
  where the row sums find it when pdfminer printed it elsewhere (the others in printed order); with two blocks
  or more, each block's order is checked against the others', where the column identities tell its
  applicant columns apart (:mod:`.blockorder`: a page of 24 rows and a page of one row of zeros do not).

Which row a line of numbers printed apart from its label is, :mod:`.roworder` says.

Generic column headers (``数据 1`` … ``数据 6``) hold a number each, the header's, not a cell's, on its
line or on the next line alone.

A reading is taken only when every row's label is printed somewhere in the region (a row whose label
is not recognised may be a row the form does not have, standing in for one it does; a numbered label printed
in pieces a few characters to a line, a group title's or a repeated header's pieces among them, counts:
:mod:`.piecelabels`), when every identity of 表三 holds in it (25 row sums, the column sums, the
balance: a slid or misplaced number breaks them), when the numbers printed on one line stand in one row of
it (a line is one baseline: numbers side by side are one row's, never a column's), when every label printed in the region agrees with
it, and when the other reading does not hold with other values. Labels agree when

* by rows, a row's label printed right before numbers is followed by that row's numbers (or by the next
  row's: ``pdftotext`` prints a one-line label after its own numbers), and no label stands before
  numbers twice;
* by blocks, the labels printed before a run name rows of that run, in the form's order (a label
  wrapped over two lines may name its row twice).

A piece of a label or footer boxed alone (:mod:`.strayboxes`) is no cell, nor a number with decimals (a 表二 fee);
a bare ``总计`` in the region stands for （七）总计's label (the form always has it); 175 zeros are one table in any order
(not where a row's label stands before numbers twice: a page break's copy of a row makes up an empty row's cells).

A report that breaks an identity itself is left to the other readers (missing, queued): this reading
rests on the identities alone.

``pdf2txt.py`` may print a page's part of 表三 after 表四's heading (its boxes grouped with that page's):
where the region does not hold the table, the numbers up to 表四's own first header word are taken too.

（六）其他处理 printed as one row (FORM.md: no sub-rows) leaves 23 rows: where none of its sub-rows' first two
labels is printed, its own label is (``（六）其他处理``, or ``（六）其他`` / ``处理``) and the region holds exactly
23 × 7 numbers, they are read the same way with that row in its place, standing in for its sub-rows in the
identities (its cells in the last, 0 in the others: the same sums); its sub-rows are then 0 where the row is
all 0, else not printed (absent), as the row reader gives them (``extract/table3.py``).
"""

from __future__ import annotations

from ..evidence import CellKind, Method
from ..form import FORM
from .bareorder import column_orders
from .blockorder import order_checked
from .blockperms import permuted_tables
from .blocktext import Number, all_counts, bare_total, empty_among, heading_span, mixed_lines
from .t3instances import table3_broken
from .piecelabels import rows_in_pieces
from .onerowform import ONE_ROWS, SUB_ROWS, one_row_readings
from .readings import Readings, reading
from .regionevents import region_events
from .roworder import TEXT, Event, label_anchors, line_printed_twice, order_doubted, row_printed_twice
from .t4boxes import table4_header_line

__all__ = ["read_form_order", "read_rows"]

_ROWS = FORM.table3_row_keys
_COLS = FORM.table3_column_keys
_WIDTH = len(_COLS)
_INDEX = {r: i for i, r in enumerate(_ROWS)}
_T3_HEADING = FORM.headings["表三"]
_T4_HEADING = FORM.headings["表四"]
_TOTAL_ROW = "total_processed"

#: the tables the ways of cutting the runs into blocks may give at most (each is checked by every
#: identity), and the states of that search: past either, nothing is read
_MAX_WAYS, _MAX_STEPS = 64, 20000
#: the row identities (总计 = the six applicant columns) as column indices
_ROW_IDENTITIES = tuple((tuple(_COLS.index(c) for c in i.lhs), tuple(_COLS.index(c) for c in i.rhs))
                        for i in FORM.identities if i.kind == "row")


def _by_rows(events: list[Event]) -> list[Number] | None:
    """The 175 numbers in printed order, when every label printed right before numbers is theirs
    (or the previous row's), and no row's label stands before numbers twice."""
    numbers: list[Number] = []
    anchored: set[int] = set()
    for i, (row, number) in enumerate(events):
        if number is not None:
            numbers.append(number)
        elif row != TEXT and i + 1 < len(events) and events[i + 1][1] is not None:
            if row in anchored or len(numbers) % _WIDTH or len(numbers) // _WIDTH not in (row, row + 1):
                return None
            anchored.add(row)
    return numbers


def _runs(events: list[Event]) -> list[tuple[list[int], list[Number]]]:
    """Each uninterrupted run of numbers, with the labels printed since the run before it."""
    runs: list[tuple[list[int], list[Number]]] = []
    pending: list[int] = []
    run: list[Number] | None = None
    for row, number in events:
        if number is None:
            run = None
            if row != TEXT:
                pending.append(row)
            continue
        if run is None:
            run = []
            runs.append((pending, run))
            pending = []
        run.append(number)
    return runs


class _TooMany(Exception):
    """More ways to cut the runs into blocks than are tried: none is read."""


def _rows_hold(placed: list[Number]) -> bool:
    """Every row identity (总计 = the six applicant columns) holds in whole rows placed row-major (a blank,
    or a value that is no count, counts 0 here: :func:`_holds` refuses the latter over the whole table)."""
    values = [n.cell.value if isinstance(n.cell.value, int) else 0 for n in placed]
    return all(sum(values[r + c] for c in lhs) == sum(values[r + c] for c in rhs)
               for r in range(0, len(values), _WIDTH) for lhs, rhs in _ROW_IDENTITIES)


def _by_blocks(events: list[Event], inside: bool, rows: tuple[str, ...] = _ROWS, parted: bool = False,
               apart: bool = False, permute: bool = False) -> list[tuple[list[Number], bool, tuple[int, ...]]] | None:
    """The 175 numbers in row-major order under every way of cutting the runs into blocks of ``k`` rows
    printed column by column (``pdf2txt.py``: a page's rows, one or several columns to a run; the labels
    before, between or after the runs), when the labels are printed in the form's order and none up to a
    block's last run names a row after it; none when every run is one row (the reading by rows). A block
    is whole runs, each a whole number of its columns, or, when ``inside``, ends (or starts) inside a run
    (``pdftotext`` prints a band of two rows column by column and the next row's seven cells after it
    with no text between), and when ``parted`` too, its runs may part a column (``pdf2txt.py``); every row of
    a block keeps its row identity; when ``apart`` too, the labels say nothing of where a block ends
    (``pdftotext`` prints a page's labels first, then its numbers, most rows by rows, a band of two rows by
    columns, a row parted by the next page's repeated header). Each distinct table once, with whether its
    order is the table's (``True``: every block one run, the labels before it naming its rows only) or
    may be a text tool's (columns parted into runs by text, labels after their numbers, blocks cut
    inside runs: runs of columns in another order keep every identity, the six applicant columns being
    alike; or one block only: pdfminer may print a page's columns in an order of its own, 自然人 fifth, and
    every identity holds with the six applicant columns of the whole table in any order, so only another
    block printed otherwise checks a block's order, and only where the identities tell its columns apart:
    :mod:`.blockorder`). ``rows``: the table's rows. When ``permute``, a block of some rows only whose row sums
    hold only with another column as its total (pdfminer's boxes of a page's last rows, 自然人's printed last) is
    taken with that total, its six applicant columns in printed order, and its first row given with the table
    (:mod:`.blockperms` orders them). ``None`` when more than :data:`_MAX_WAYS` tables, or :data:`_MAX_STEPS`
    states, come out."""
    runs, count = _runs(events), len(rows)
    labels = [r for named, _ in runs for r in named]
    if all(len(run) == _WIDTH for _, run in runs) or any(b < a for a, b in zip(labels, labels[1:])):
        return []
    seen = [-1 if apart else max((r for named, _ in runs[:j + 1] for r in named), default=-1)
            for j in range(len(runs))]
    memo: dict[tuple[int, int, int], dict[tuple, tuple[list[Number], bool, tuple[int, ...]]]] = {}

    def rest(i: int, off: int, first: int) -> dict[tuple, tuple[list[Number], bool, tuple[int, ...]]]:
        """Every table of rows ``first`` on from ``runs[i]``'s number ``off`` on: values → (numbers, strict)."""
        if i == len(runs):
            return {(): ([], True, ())} if first == count else {}
        if (i, off, first) in memo:
            return memo[(i, off, first)]
        if len(memo) >= _MAX_STEPS:
            raise _TooMany
        out: dict[tuple, tuple[list[Number], bool, tuple[int, ...]]] = {}
        size, pieces = 0, []
        for j in range(i, len(runs)):
            numbers = runs[j][1]
            start = off if j == i else 0
            for end in range(start + 1 if inside else len(numbers), len(numbers) + 1):
                total = size + end - start
                if total > (count - first) * _WIDTH:
                    memo[(i, off, first)] = out
                    return out
                k, extra = divmod(total, _WIDTH)
                parts = pieces + [numbers[start:end]]
                if extra or seen[j] >= first + k or (not parted and any(len(part) % k for part in parts)):
                    continue
                block = [x for part in parts for x in part]
                placed = [block[c * k + r] for r in range(k) for c in range(_WIDTH)]
                moved: tuple[int, ...] = ()
                if not _rows_hold(placed):
                    if k == count and (placed := _total_found(block, k)):
                        pass
                    elif permute and k < count and (placed := _total_found(block, k)):
                        moved = (first, k)
                    else:
                        continue
                one = not moved and j == i and start == 0 and end == len(numbers) and all(first <= r < first + k for r in runs[i][0]) \
                    and k < count and order_checked([[n.cell.value for n in placed[r:r + _WIDTH]]
                                                     for r in range(0, len(placed), _WIDTH)], rows[first:first + k])
                later = rest(j, end, first + k) if end < len(numbers) else rest(j + 1, 0, first + k)
                for values, (tail, strict, blocks) in later.items():
                    key = tuple(n.cell.value for n in placed) + values
                    if key not in out or (one and strict):
                        out[key] = (placed + tail, (one and strict) or (key in out and out[key][1]), moved + blocks)
                    if len(out) > _MAX_WAYS:
                        raise _TooMany
            size += len(numbers) - start
            pieces.append(numbers[start:])
        memo[(i, off, first)] = out
        return out

    try:
        return list(rest(0, 0, 0).values())
    except _TooMany:
        return None


def _total_found(block: list[Number], k: int) -> list[Number]:
    """The table printed as one block by columns, its total column where the row sums find it (pdfminer
    prints a page's columns in an order of its own), the six others in printed order, row-major; empty
    when no column or several with other values are its total."""
    band = {col: block[c * k:(c + 1) * k] for c, col in enumerate(_COLS)}
    found = list(column_orders(band, printed=True))
    return [found[0][col][r] for r in range(k) for col in _COLS] if len(found) == 1 else []


def _holds(numbers: list[Number], rows: tuple[str, ...]) -> bool:
    """Every 表三 identity holds with the numbers placed in row-major order in ``rows`` (a blank counts 0;
    a row not among them 0)."""
    if not all_counts(numbers):
        return False
    values = {f"applications.{r}.{c}": 0 for r in _ROWS if r not in rows for c in _COLS}
    values.update({f"applications.{rows[i // _WIDTH]}.{_COLS[i % _WIDTH]}": n.cell.value for i, n in enumerate(numbers)})
    return not table3_broken(values)


#: the ways of cutting runs into blocks, each weaker than the one before (inside runs, parting columns,
#: labels apart from the blocks): see :func:`_by_blocks`
_WEAKER = ((False, False, False), (True, False, False), (True, True, False), (True, True, True))


def read_rows(events: list[Event], rows: tuple[str, ...], bare_total: bool = False,
              permute: bool = False, in_pieces: frozenset[str] = frozenset()) -> tuple[list[Number], str] | None:
    """The numbers in row-major order of ``rows`` and the method, when the events hold exactly one reading;
    ``bare_total``: a bare 总计 was printed, (七)'s label or the total column's header alike; ``permute``: a
    block's columns may stand in the boxes' order (:func:`_by_blocks`), the weakest reading, asked for last;
    ``in_pieces``: rows whose labels the region prints in pieces (:mod:`.piecelabels`), named as well."""
    named = {_ROWS[row] for row, number in events if number is None and row != TEXT} | in_pieces
    if bare_total and _TOTAL_ROW in rows:
        named.add(_TOTAL_ROW)       # (七)总计 printed as 总计: told from the column's header by no word
    numbers = [number for _, number in events if number is not None]
    if len(numbers) != len(rows) * _WIDTH or named != set(rows):
        return None
    if all(n.cell.kind is CellKind.ZERO for n in numbers):      # a table of no applications: every order is the
        return None if row_printed_twice(events) else (numbers, Method.FORM_ORDER)  # same table (unless a row's
        #                                                           copy made up the count)
    index = {_INDEX[r]: i for i, r in enumerate(rows)}
    events = [(index[row] if number is None and row != TEXT else row, number) for row, number in events]
    by_rows = _by_rows(events)
    # every label printed apart from the numbers, which are zeros and blanks only: any order keeps every
    # identity, so the printed order is a guess (by rows or by columns) for every cell
    apart = by_rows is not None and not _anchored(events) and _blanks_and_zeros(by_rows)
    held: list[tuple[list[Number], bool, bool]] = []
    for inside, parted, labels_apart in _WEAKER:        # each only when none before holds
        blocks = _by_blocks(events, inside, rows, parted, labels_apart, permute)
        if blocks is None:
            return None
        readings = ([(by_rows, not apart, ())] if by_rows is not None and not inside else []) + blocks
        held = [(table, strict and not moved, bool(moved)) for numbers, strict, moved in readings
                for table in permuted_tables(numbers, moved, lambda t: _holds(t, rows) and _lines_whole(t))]
        if held:
            break
    if not held or any([n.cell.value for n in h] != [n.cell.value for n in held[0][0]] for h, _, _ in held[1:]):
        return None
    if any(moved for _, _, moved in held):      # a block's columns ordered by the identities, the blocks cut where
        return held[0][0], Method.FORM_ORDER_ROWS   # they let: which row a cell is, the tool's order alone says
    if apart:
        return held[0][0], Method.FORM_ORDER_APART
    return held[0][0], Method.FORM_ORDER if any(strict for _, strict, _ in held) else Method.FORM_ORDER_RUNS


def _lines_whole(numbers: list[Number]) -> bool:
    """Every printed line's numbers in one row of the reading (numbers in row-major order): a line of text
    stands on one baseline, and a table's rows do not overlap on the page, so numbers printed side by side
    (``0 0 0 0 1``: five columns of one row) are never a column's cells of several rows."""
    rows: dict[int, int] = {}
    return all(rows.setdefault(n.line, i // _WIDTH) == i // _WIDTH for i, n in enumerate(numbers))


def _anchored(events: list[Event]) -> bool:
    """Whether some row's label is printed right before numbers: the reading by rows is then tied to the
    labels; printed all apart from them (every label, then every number), the order by rows is the
    tool's, by rows or by columns alike."""
    return bool(label_anchors(events))


def _blanks_and_zeros(numbers: list[Number]) -> bool:
    """Whether the numbers hold a blank (a placeholder) and a 0 but nothing else: they may trade places
    under any order keeping every identity (a table of no applications, 无 and 0 mixed)."""
    values = {n.cell.value for n in numbers}
    return values <= {None, 0} and len(values) == 2


def _lines_mixed(numbers: list[Number]) -> bool:
    """A row part beside its label, part on the next line, an empty cell among it: a fixed-width row whose
    printed order is not its columns' (…另行制作   无 / 0 0 0   0 0 0)."""
    return any(mixed_lines(row) and empty_among(row)
               for row in (numbers[k:k + _WIDTH] for k in range(0, len(numbers), _WIDTH)))


def read_form_order(lines: list[str], permute: bool = False) -> Readings | None:
    """表三 from its region's 175 numbers in the form's order (see the module's docstring), or ``None``;
    ``permute``: only the readings with a block whose columns the identities order (:mod:`.blockperms`)."""
    if (span := heading_span(lines, _T3_HEADING, _T4_HEADING)) is None:
        return None
    start, end = span
    header = table4_header_line(lines, end) if end <= len(lines) else None
    attempts = [(end, _ROWS), (end, ONE_ROWS)] + ([(header, _ROWS), (header, ONE_ROWS)] if header else [])
    for last, rows in attempts:          # （六）其他处理 printed as one row? 表三's cells after 表四's heading?
        events = region_events(lines, start, last, one_row=rows is ONE_ROWS)
        read = read_rows(events, rows, bare_total(lines, start, last), permute, rows_in_pieces(lines[start:last]))
        if read is not None:
            break
    if read is None or _lines_mixed(read[0]) or line_printed_twice(events, lines):
        return None                     # (a row's line printed again past a page break: the count is not the table's)
    numbers, method = read
    doubted = order_doubted(events, numbers, rows) if method is not Method.FORM_ORDER_APART else set()
    out = {f"applications.{rows[i // _WIDTH]}.{_COLS[i % _WIDTH]}":
           reading(n.cell, [n.line], Method.FORM_ORDER_ROWS if divmod(i, _WIDTH) in doubted else method)
           for i, n in enumerate(numbers)}
    if rows is ONE_ROWS:
        six = ONE_ROWS.index(SUB_ROWS[-1]) * _WIDTH
        out.update(one_row_readings(numbers[six:six + _WIDTH]))
    return out
