"""表三 printed as bands of columns, each column's cells a group of lines of their own.

``pdftotext`` (default mode) may print a wide table (Chromium's landscape or small-font pages,
LibreOffice's grids) column by column within bands of rows: for the first rows (一、 and 二、) the
自然人 column's two numbers, then 商业企业's two, … then 总计's two; then the next band of rows the same
way, each column's numbers one to a line and a blank line after them. The row labels stand elsewhere
(all of them first, as a column of their own) and the column headers either before the first band or
each right before its column's group of the first band. Such a table can be printed after 表四's
heading, or even after 五's.

Here a *group* is a run of lines each holding one number alone, ended by a blank line or by text. A
*band* is seven consecutive groups of one size ``k``: the next ``k`` rows of the form, one column to a
group, left to right. The table is read when a window of consecutive groups after 表三's heading tiles
the form's 25 rows as bands (text only between the first band's groups, its column headers, or before a
band, a page's furniture or repeated headers: never between a later band's groups), every
identity of 表三 holds in it, and no other window holding every identity reads other values.

The page may also be printed as blocks of neighbouring columns (Chromium's small landscape pages: 自然人 to
社会公益组织 band by band, then 法律服务机构's 25 cells as one group, then 其他 and 总计 band by band): each *block*
of ``w`` consecutive columns is read as bands of ``w`` groups the same way, the blocks left to right, text only
before a block's band or among its first band's groups (its headers). Where labels of the form's rows are
printed right before a band, one of them is a row of that band: the labels a page prints beside its band check
that the band stands where the tiling puts it (a row printed cell by cell after its label is a band of one row,
which a tiling one row off would read as another row).

（六）其他处理 printed as one row (none of its first two sub-rows' labels in 表三's region) leaves 23 rows to
tile, read as :mod:`.formorder` reads them: that row in 3.其他's place, its sub-rows 0 where it is all 0,
else not printed.

The columns' order is the page's, left to right, which the identities cannot check (the six applicant
columns are alike): such a table is never proven (``READ.COLUMN_RUNS``) but for its cells no order of the
six applicant columns changes (verify/guesses.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import accumulate
from functools import lru_cache

from ..evidence import Method
from ..form import FORM
from .blocktext import Number, all_counts, heading_line, split_numbers
from .t3instances import holds_values
from .onerowform import ONE_ROWS, one_row_readings
from .labels import BARE_HEADERS, rows_named
from .layout import is_page_furniture, label_key
from .readings import Readings, reading

__all__ = ["read_column_groups", "column_groups", "table3_groups", "bands", "labels_fit", "Group"]

_ROWS = FORM.table3_row_keys
_COLS = FORM.table3_column_keys
_ROW_INDEX = {row: i for i, row in enumerate(_ROWS)}
_WIDTH = len(_COLS)
_T3_HEADING = FORM.headings["表三"]
_T4_HEADING = FORM.headings["表四"]
_T4_CELLS = len(FORM.table4_groups) * len(FORM.table4_columns)
#: （六）其他处理's first two sub-rows (printed as one row, its place is the last's, 3.其他)
_SUB_ROWS = frozenset(r for r in _ROWS if r not in ONE_ROWS)
_ONE_ROW = "other_other"


Group = tuple[tuple[str, ...], list[Number]]


def column_groups(lines: list[str], start: int) -> list[Group]:
    """Every group of numbers after line ``start`` (1-based), with the text lines standing right before it
    (since the group before; page furniture is none)."""
    groups: list[Group] = []
    group: list[Number] = []
    text: list[str] = []
    for n in range(start + 1, len(lines) + 1):
        raw = lines[n - 1].replace("\x0c", " ").strip()
        if raw and is_page_furniture(raw):
            raw = ""
        words, numbers = split_numbers(raw, n) if raw else ("", [])
        if raw and not words and len(numbers) == 1:
            group.append(numbers[0])
            continue
        if group:
            groups.append((tuple(text), group))
            group, text = [], []
        if raw:
            text.append(raw)
    if group:
        groups.append((tuple(text), group))
    return groups


@lru_cache(maxsize=4)
def _groups_after_heading(text: tuple[str, ...]) -> tuple[int, list[Group]] | None:
    lines = list(text)
    start = heading_line(lines, _T3_HEADING)
    return None if start is None else (start, column_groups(lines, start))


def table3_groups(lines: list[str]) -> tuple[int, list[Group]] | None:
    """表三's heading line and every group of numbers after it (:func:`column_groups`), or ``None`` without the
    heading. Worked out once for a text: the block readers ask for one document's up to four times (as its column
    groups, as blocks of them, for its lower rows); callers only read the groups."""
    return _groups_after_heading(tuple(lines))


@lru_cache(maxsize=4096)
def _named(texts: tuple[str, ...], form: tuple[str, ...]) -> frozenset[int]:
    """The indices in ``form`` of the rows the labels among ``texts`` name (looked up once: every band
    tried over a group asks again)."""
    keys = [label_key(text) for text in texts]
    return frozenset(form.index(row) for key in keys if key not in BARE_HEADERS
                     for row in rows_named(key) if row in form)


def labels_fit(texts: Sequence[str], top: int, size: int, form: tuple[str, ...] = _ROWS) -> bool:
    """The row labels among ``texts`` (printed right before a band of rows ``top`` … ``top + size - 1``, 0-based)
    name one of the band's rows at least (none named: nothing to check; a column header such as 总计 names no
    row). Other rows' labels may stand there too: a label printed after its own numbers, or a page's labels
    printed together."""
    named = _named(tuple(texts), form)      # (a group's texts are a tuple already: no copy)
    return not named or any(top <= r < top + size for r in named)


def bands(groups: list[Group], first: int, width: int, top: int, rows: int,
          form: tuple[str, ...] = _ROWS) -> tuple[list[list[Number]], int] | None:
    """Rows ``top`` … ``rows - 1`` (of ``form``'s rows) of ``width`` columns read as bands from ``groups[first]``
    on: each band ``width`` groups of one size, text only among the first band's groups or before a band, the
    labels before a band its own; the rows (each ``width`` numbers) and the index of the group after them."""
    end = _bands_end(groups, first, width, top, rows, form)
    if end is None:
        return None
    return [[g[r] for _, g in groups[b:b + width]] for b in range(first, end, width)
            for r in range(len(groups[b][1]))], end


def _bands_end(groups: list[Group], first: int, width: int, top: int, rows: int,
               form: tuple[str, ...] = _ROWS) -> int | None:
    """The index of the group after :func:`bands`' rows, or ``None`` where they are not read: checked band by band,
    without building a row (most calls fail at their first band or two)."""
    i, row = first, top
    while row < rows:
        if i + width > len(groups):
            return None
        k = len(groups[i][1])
        if row + k > rows:
            return None
        for text, group in groups[i + 1:i + width]:
            if len(group) != k or (text and row > top):
                return None
        for text, _ in groups[i:i + width]:
            if text and not labels_fit(text, row, k, form):
                return None
        row += k
        i += width
    return i


#: a block's columns read as bands from a group, and the index of the group after them
_Read = tuple[list[list[Number]], int] | None


def _tilings(groups: list[Group], left: list[int], first: int, blocks: bool, form: tuple[str, ...], column: int,
             memo: dict[tuple[int, int], list[list[list[Number]]]],
             reads: dict[tuple[int, int], _Read]) -> list[list[list[Number]]]:
    """Every reading of the columns from ``column`` on as blocks of neighbouring columns (all seven as one
    block unless ``blocks``), each read as bands from ``groups[first]`` on, one block after another: the
    columns of each (its rows, left to right). ``left``: the count of numbers in the groups from each on;
    ``memo`` keeps the readings from each group and column on (the same ones are reached by many paths),
    ``reads`` the bands of each width from each group (the same whatever column the block starts at)."""
    if column == _WIDTH:
        return [[]]
    if (first, column) in memo:
        return memo[first, column]
    out: list[list[list[Number]]] = []
    for width in range(1, _WIDTH - column + 1) if blocks else (_WIDTH,):
        if (first, width) not in reads:     # (a block takes a number a row and column: fewer left, no bands)
            end = _bands_end(groups, first, width, 0, len(form), form) if left[first] >= width * len(form) else None
            # the block's columns: each band's groups side by side, the bands one under another
            reads[first, width] = None if end is None else \
                ([[n for b in range(first, end, width) for n in groups[b + c][1]] for c in range(width)], end)
        read = reads[first, width]
        if read is None:
            continue
        block, end = read
        out += [block + rest for rest in _tilings(groups, left, end, blocks, form, column + width, memo, reads)]
    memo[first, column] = out
    return out


def _tile(columns: list[list[Number]]) -> list[Number]:
    """A tiling's numbers in row-major order."""
    return [columns[c][r] for r in range(len(columns[0])) for c in range(_WIDTH)]


def _holds(numbers: list[Number], form: tuple[str, ...], counts: bool = False) -> bool:
    """Every 表三 identity holds with the numbers placed row-major in ``form``'s rows (a blank counts 0, a row
    not among them 0); ``counts``: every number is known to be a count or a blank."""
    if not counts and not all_counts(numbers):
        return False
    values = [[0] * _WIDTH for _ in _ROWS]      # (the form's grid of values, as holds_values takes it)
    for i, n in enumerate(numbers):
        values[_ROW_INDEX[form[i // _WIDTH]]][i % _WIDTH] = n.cell.value or 0
    return holds_values(values)


def _one_row_printed(lines: list[str], start: int) -> bool:
    """Whether （六）其他处理 may be printed as one row: neither of its first two sub-rows' labels stands in
    表三's region (:mod:`.formorder`)."""
    end = heading_line(lines, _T4_HEADING, start) or len(lines) + 1
    return not any(set(rows_named(label_key(line))) & _SUB_ROWS for line in lines[start:end - 1])


def _numbers_left(groups: list[Group], table: list[Number], lines: list[str], start: int) -> bool:
    """Whether the table, printed after 表四's heading or running on past it, takes numbers 表四 needs, or 表三's region
    (its heading to 表四's), the table read inside it, holds groups of numbers the table leaves out: a row printed as
    empty cells (nothing in its groups) leaves seven numbers too few, and a window of the rest (a table of 0s: any
    window holds) would read a row that printed nothing as 0."""
    end = heading_line(lines, _T4_HEADING, start) or len(lines) + 1
    used = {id(n) for n in table}
    if not all(start < n.line < end for n in table):    # printed after 表四's heading, or running on past it
        #        (pdf2txt.py's boxes): 表四's cells must all be left there, not taken for 表三's
        return sum(1 for _, group in groups for n in group if n.line > end and id(n) not in used) < _T4_CELLS
    return any(start < n.line < end and id(n) not in used for _, group in groups for n in group)


def read_column_groups(lines: list[str], blocks: bool = False) -> Readings | None:
    """表三 from its bands of column groups (see the module's docstring), or ``None``; with ``blocks``, read
    as blocks of neighbouring columns too (weaker: a column printed as one group of 25 is one such block,
    and ``pdf2txt.py`` prints its columns so in an order of its own)."""
    found = table3_groups(lines)
    if found is None:
        return None
    start, groups = found
    left = list(accumulate((len(group) for _, group in reversed(groups)), initial=0))[::-1]
    counts = all_counts(n for _, group in groups for n in group)    # (then so is every tiling's: asked once)
    for form in (_ROWS, ONE_ROWS) if _one_row_printed(lines, start) else (_ROWS,):
        memo: dict[tuple[int, int], list[list[list[Number]]]] = {}
        reads: dict[tuple[int, int], _Read] = {}
        tables = [t for first in range(len(groups)) for columns in _tilings(groups, left, first, blocks, form, 0, memo, reads)
                  if _holds(t := _tile(columns), form, counts)]
        if tables:
            break
    if not tables or any([n.cell.value for n in t] != [n.cell.value for n in tables[0]] for t in tables[1:]) \
            or _numbers_left(groups, tables[0], lines, start):
        return None
    out = {f"applications.{form[i // _WIDTH]}.{_COLS[i % _WIDTH]}":
           reading(n.cell, [n.line], Method.FORM_ORDER_RUNS)
           for i, n in enumerate(tables[0])}
    if form is ONE_ROWS:
        six = form.index(_ONE_ROW) * _WIDTH
        out.update(one_row_readings(tables[0][six:six + _WIDTH]))
    return out
