"""表三's rows on the pages after the one its column headers stand on (a Word table LibreOffice printed across pages,
read by plain ``pdftotext`` or pdfminer's ``pdf2txt.py``).

A text tool prints such a page as the labels of its rows first, then their numbers; where the column headers are not
repeated on it, no header word stands among them, and the numbers come in the page's order: a row whose cells stand
apart left to right, a band of rows standing close column by column (``pdftotext``), or the whole page column by
column (``pdf2txt.py``)::

    （四）无法提供 / 1.本机关不掌握相关政府信息 / … / 四、结转下年度继续办理      ← the page's labels, in pieces
    3 / 0 / 0 / 0 / 0 / 0 / 3                                                 ← a row printed across
    1 / 0 / 0 / 0 / 0 / 0 / 0 / 1 / 0 / 0 / 0 / 0 / 2 / 0                     ← a band of two rows, column by column

The page printed with the headers is another matter (its numbers among the header words, its columns in an order of
the tool's: extract/t3boxes.py, extract/headbands.py); when no reader could read it, this module still reads the
pages after it, and the header page itself where pdf2txt.py printed it as the pages after it are printed: its rows'
labels (from 一、本年新收 down), then exactly seven numbers a row, one band column by column, a column header's words
printed before the numbers or between two columns only, never among one column's cells (LibreOffice's header cell
printed in one box with the first row's cell under it: that column's first cell apart from its others). Where the
segments below a page are not all clean (Chromium's last page printing some of its numbers before its labels), the
page's segment is read alone when it is clean by itself: its labels and its numbers are its own (its first row not
named on the page above too). A page below the header's printing the header's words among its numbers is not read
(pdf2txt.py printing such a page's columns out of their order, 法律服务机构's cells before 自然人's: no row sum tells).

A *segment* is the labels printed since the last number, then the numbers up to the next label: it is read when its
labels name consecutive rows, each once or in pieces, the numbers are exactly seven for each, and no column header
word (自然人, 商业企业 …, 申请人情况, 总计 alone) is printed among its numbers but the header page's, between its
columns (a page's repeated header printed whole between its labels and its numbers is no matter). A
row broken by the page break is named on both pages, its numbers on the page above: a segment holding one row's
numbers fewer than its labels name leaves out its first row where the segment above names it too or holds one row's
numbers more than its own labels name. The segments are taken from the region's end backwards, each ending right
above the next, the last at 四、结转下年度继续办理, then the pages read alone above them; where a segment's rows
another reader read, or no cut reads it, it and the segments after it in that order are left unread. Each segment is cut into bands of rows (pdfminer printing a
page's rows but its last, broken by the page break, as one band, that row across after it), each printed column by
column (a band of one row: across), every row keeping its sum (总计 = the six applicant columns), the numbers of one
printed line in one row, and a stack of numbers (lines of one number each, no blank line between: the tool's block of
text, numbers standing one over the other) one column's cells in rows one under the other, within one band. The
cells every such cut gives one value are read, never proven (``READ.T3_PAGE_ROWS``): the rows above are unread, so
no column identity checks them, and the cut is the printed order's. Nothing is read where the cells so read, with
the others read, break an identity whose every cell is read.

Where no segment reads (pdf2txt.py printing a page's labels after its numbers, or a row's label in pieces on two
pages), :func:`read_region_bands` reads the whole table from the region's 175 numbers alone, cut the same way, every
identity choosing among the cuts (``READ.T3_REGION_BANDS``, never proven).
"""

from __future__ import annotations

import re

from ..evidence import Method
from ..form import FORM
from ..schema import TABLE3_PATHS
from .blocktext import Number, heading_span, int_value, printed_lines, split_numbers
from .pagenumbers import marked_feet
from .readings import Readings, agreed
from .regionevents import region_events
from .roworder import TEXT
from .t3instances import known_hold

__all__ = ["read_page_rows", "read_region_bands", "column_band", "number_stacks", "header_places", "upright_piece"]

_ROWS = FORM.table3_row_keys
_COLS = FORM.table3_column_keys
_WIDTH = len(_COLS)
#: more distinct tables of a segment than this: nothing is read
_MAX_TABLES = 32
#: a column header's words (or their pieces in a narrow header cell) → the last column it may stand over: 自然人 0 …
#: 总计 6 (机构, 组织: a piece of several)
_WORD_COLUMN = {"自然": 0, "自然人": 0, "商业": 1, "企业": 1, "商业企": 1, "商业企业": 1, "科研": 2, "科研机": 2, "科研机构": 2,
                "机构": 4, "社会": 3, "公益": 3, "社会公": 3, "益组织": 3, "社会公益组织": 3, "组织": 5, "法律": 4, "服务": 4,
                "法律服务机构": 4, "法律服": 4, "务机构": 4, "其他": 5, "总计": 6}
#: those words printed as a line's word, and the two header cells over several columns
_HEADER_WORDS = frozenset(_WORD_COLUMN) | {"申请人情况", "法人或其他组织"}
_NOTE = "表三 across pages: several cuts of the page's numbers into bands keep the row sums with other values here"
#: a segment: the rows it reads, their numbers, the places among them where a column header's word is printed (→ the
#: first column the words stand over, at the latest)
_Segment = tuple[list[int], list[Number], dict[int, int]]


def _headed(lines: list[str], first: int, last: int) -> bool:
    """Whether a line from ``first`` to ``last`` (1-based) prints a column header's word."""
    for n in range(max(first, 1), min(last, len(lines)) + 1):
        words = re.sub(r"[\d\s]+", " ", lines[n - 1].replace("\x0c", " ")).split()
        if any(w in _HEADER_WORDS or w.startswith(("申请人情况", "法人或其他")) for w in words):
            return True
    return False


def _first_column(lines: list[str], first: int, last: int) -> int:
    """The first column a header word printed from line ``first`` to ``last`` stands over, at the latest (申请人情况
    and 法人或其他组织 stand over several: the last)."""
    words = [w for n in range(first, last + 1) for w in re.sub(r"[\d\s]+", " ", lines[n - 1]).split()]
    return min((_WORD_COLUMN.get(w, 6) for w in words if w in _HEADER_WORDS
                or w.startswith(("申请人情况", "法人或其他"))), default=6)


def header_places(lines: list[str], numbers: list[Number]) -> dict[int, int] | None:
    """The places among ``numbers`` where a column header's word is printed (``i``: between the ``i``-th number
    and the one before) → the first column those words stand over, at the latest; ``None`` where one stands on a
    line holding a number (its place among them unknown)."""
    if not numbers or _headed(lines, numbers[0].line, numbers[0].line) or _headed(lines, numbers[-1].line,
                                                                                 numbers[-1].line):
        return None
    if not _headed(lines, numbers[0].line, numbers[-1].line):
        return {}                       # (most pages: no header word among their numbers)
    places: dict[int, int] = {}
    for i in range(1, len(numbers)):
        above, at = numbers[i - 1].line, numbers[i].line
        if at != above and _headed(lines, at, at):
            return None
        if at - above > 1 and _headed(lines, above + 1, at - 1):
            places[i] = _first_column(lines, above + 1, at - 1)
    return places


def _segments(lines: list[str], start: int, end: int) -> list[_Segment]:
    """The region's segments (rows its labels name, its numbers) from its end backwards while each is clean (see
    the module's docstring), last first."""
    found: list[tuple[list[int], list[Number]]] = []
    labels: list[int] = []
    for row, number in region_events(lines, start, end):
        if number is None:
            if row != TEXT:
                labels.append(row)
            continue
        if labels or not found:
            found.append((labels, []))
            labels = []
        found[-1][1].append(number)
    out: list[_Segment] = []
    below = len(_ROWS)
    for i in range(len(found) - 1, -1, -1):
        named, numbers = found[i]
        rows = sorted(set(named))
        heads = header_places(lines, numbers)
        if not rows or rows != list(range(rows[0], rows[-1] + 1)) or rows[-1] not in (below - 1, below) \
                or heads is None or (heads and rows[0]):
            break
        rows = list(range(rows[0], below))
        if len(numbers) == (len(rows) - 1) * _WIDTH and len(rows) > 1 and i \
                and (rows[0] in found[i - 1][0] or _holds_one_more(found[i - 1])):
            rows = rows[1:]             # (its first row broken by the page break: its numbers on the page above)
        if len(numbers) != len(rows) * _WIDTH:
            break
        out.append((rows, numbers, heads))
        below = rows[0]
    for i in range(len(found) - len(out) - 1, -1, -1):     # (the chain broke: the clean pages above it, alone)
        if (segment := _alone(lines, found, i, below)) is not None:
            out.append(segment)
            below = segment[0][0]
    return out


def _alone(lines: list[str], found: list[tuple[list[int], list[Number]]], i: int, below: int) -> _Segment | None:
    """Segment ``i`` read by itself, where the segments below it are not all clean (a page's numbers printed before
    its labels, …): its labels name two or more consecutive rows above ``below`` (one row's label then numbers: a
    wrapped label's, a row printed across under it in fixed-width text), each once or in pieces, its first row not
    named on the page above too (that row's numbers maybe there), and its numbers are exactly seven for each; a
    column header's words among them only on the header page (its rows from 一、本年新收 down)."""
    named, numbers = found[i]
    rows = sorted(set(named))
    if len(rows) < 2 or rows != list(range(rows[0], rows[-1] + 1)) or rows[-1] >= below \
            or len(numbers) != len(rows) * _WIDTH or (i and rows[0] in found[i - 1][0]):
        return None
    heads = header_places(lines, numbers)
    return None if heads is None or (heads and rows[0]) else (rows, numbers, heads)


def _holds_one_more(segment: tuple[list[int], list[Number]]) -> bool:
    """Whether a segment's numbers are one row's more than the rows its labels name (a row broken by the page
    break, its label's first piece unnamed or named again on the next page, its numbers on this one)."""
    named, numbers = segment
    return len(numbers) == (len(set(named)) + 1) * _WIDTH


def number_stacks(lines: list[str], numbers: list[Number]) -> dict[int, int]:
    """Each line holding one of ``numbers`` alone → its stack: lines of one number each, no blank line or other text
    between (a text tool's block: numbers stacked one over the other on the page, one column's cells of rows one
    under the other)."""
    alone = {n.line for n in numbers} - {n.line for i, n in enumerate(numbers) if i and numbers[i - 1].line == n.line}
    out: dict[int, int] = {}
    for n in sorted(alone):
        out[n] = out[n - 1] if n - 1 in out and "\x0c" not in lines[n - 1] else n
    return out


def column_band(cells: list[Number], b: int, stacks: dict[int, int], edges: tuple[Number | None, Number | None],
          heads: dict[int, int] | None = None) -> list[list[Number]] | None:
    """``b`` rows printed column by column (across when one), or ``None`` when a row's sum breaks, a printed line's
    numbers fall in several rows, or a stack's in several columns, in rows not one under the other, or in this
    band and another (``edges``: the numbers printed right before and after the band), or a column header's word
    is printed among the band's numbers (``heads``: its places) elsewhere than between two of its columns, or after
    its own column's cells (the columns out of their order: 其他 printed after the column read as 其他's)."""
    if heads and (b == 1 or any(k % b or column < k // b for k, column in heads.items())):
        return None
    rows = [[cells[c * b + r] for c in range(_WIDTH)] for r in range(b)]
    if any(sum(map(int_value, row[:-1])) != int_value(row[-1]) for row in rows):
        return None
    at: dict[int, int] = {}
    if any(at.setdefault(n.line, r) != r for r, row in enumerate(rows) for n in row):
        return None
    placed: dict[int, list[tuple[int, int]]] = {}
    for r, row in enumerate(rows):
        for c, n in enumerate(row):
            if n.line in stacks:
                placed.setdefault(stacks[n.line], []).append((c, r))
    if any(len({c for c, _ in cells}) > 1 or sorted(r for _, r in cells) != list(range(min(cells)[1], min(cells)[1]
                                                                                    + len(cells)))
           for cells in placed.values()):
        return None
    before, after = edges
    return None if any(edge is not None and edge.line in stacks and inner.line in stacks
                       and stacks[edge.line] == stacks[inner.line]
                       for edge, inner in ((before, cells[0]), (after, cells[-1]))) else rows


class _TooMany(Exception):
    """More distinct tables than are looked at: nothing is read."""


def _tables(numbers: list[Number], count: int, stacks: dict[int, int], heads: dict[int, int] | None = None,
            most: int = _MAX_TABLES) -> list[list[list[Number]]]:
    """Every table (alike in values once) of ``count`` rows the numbers give cut into bands (``heads``: the places
    of column header words among the numbers, each between two columns of a band or between two bands; more than
    ``most`` tables: :class:`_TooMany`)."""
    memo: dict[int, dict[tuple, list[list[Number]]]] = {}

    def rest(row: int) -> dict[tuple, list[list[Number]]]:
        if row == count:
            return {(): []}
        if row in memo:
            return memo[row]
        out: dict[tuple, list[list[Number]]] = {}
        for b in range(1, count - row + 1):
            first, last = row * _WIDTH, (row + b) * _WIDTH
            edges = (numbers[first - 1] if first else None, numbers[last] if last < len(numbers) else None)
            inner = {k - first: c for k, c in (heads or {}).items() if first < k < last}
            band = column_band(numbers[first:last], b, stacks, edges, inner)
            if band is None:
                continue
            key = tuple(int_value(n) if isinstance(n.cell.value, int) else n.cell.raw for r in band for n in r)
            for later, rows in rest(row + b).items():
                out.setdefault(key + later, band + rows)
                if len(out) > most:
                    raise _TooMany
        memo[row] = out
        return out

    return list(rest(0).values())


def _options_held(tables: list[list[list[Number]]], paths: list[str], known: dict[str, int | None],
                  options: dict[str, list[Number]]) -> bool:
    """Each cell (``paths``, row by row) of the ``tables`` that keep every identity with the ``known`` cells, added
    to its ``options``; whether any table did."""
    kept = [t for t in tables if known_hold({**known, **{p: n.cell.value for p, n in
                                                        zip(paths, (n for row in t for n in row))}})]
    for table in kept:
        for p, n in zip(paths, (n for row in table for n in row)):
            options.setdefault(p, []).append(n)
    return bool(kept)


def read_page_rows(lines: list[str], readings: Readings) -> Readings | None:
    """表三's rows on the pages after its header's, where every other reader left them unread (see the module's
    docstring), or ``None``."""
    unread = {p for p in TABLE3_PATHS if p not in readings or readings[p].missing}
    if not unread or (span := heading_span(lines, FORM.headings["表三"], FORM.headings["表四"])) is None:
        return None                     # (most documents: 表三 read whole, no page's rows to look at)
    segments = _segments(lines, *span)
    known = {p: r.value for p in TABLE3_PATHS if (r := readings.get(p)) is not None and not r.missing}
    if not all(isinstance(v, int) or v is None for v in known.values()):
        return None
    options: dict[str, list[Number]] = {}
    for rows, numbers, heads in segments:
        paths = [f"applications.{_ROWS[r]}.{c}" for r in rows for c in _COLS]
        if not set(paths) <= unread:
            break
        try:
            if heads:                   # (the page printed column by column, a header's words among its columns)
                whole = column_band(numbers, len(rows), number_stacks(lines, numbers), (None, None), heads)
                tables = [whole] if whole is not None else []
            else:
                tables = _tables(numbers, len(rows), number_stacks(lines, numbers))
        except _TooMany:
            break
        if not _options_held(tables, paths, known, options):
            break
    if not options:
        return None
    read = agreed(options, Method.T3_PAGE_ROWS, _NOTE)
    if not known_hold({**known, **{p: r.value for p, r in read.items() if not r.missing}}):
        return None                     # (the segments' rows with the others' break a column's identity)
    return read


#: the distinct tables the whole region's cuts may give (before the column identities choose): more, nothing is read
_MAX_WHOLE = 64
_WHOLE_NOTE = "表三 printed page by page column by column: several cuts of its numbers keep every identity with other values"


def upright_piece(lines: list[str], number: Number) -> bool:
    """A mark (无) that is a character of a label printed upright, a character a line (``（`` / ``四`` / ``）`` / ``无`` /
    ``法`` …, a narrow group cell's 无法提供): the lines right above and below it hold one character each."""
    if isinstance(number.cell.value, int):
        return False
    near = [lines[i - 1].replace("\f", "").strip() for i in (number.line - 1, number.line + 1) if 0 < i <= len(lines)]
    return len(near) == 2 and all(len(t) == 1 and not t.isdigit() for t in near)


def read_region_bands(lines: list[str], readings: Readings) -> Readings | None:
    """表三 whole from its region's numbers alone, where no reader read a cell of it: ``pdf2txt.py`` of a Word table
    LibreOffice printed across pages prints each page's rows as bands column by column (the whole page one band,
    or its rows of one-line labels, a last row broken by the page break across), and a page's labels at times
    after its numbers, or a label's pieces on two pages, so that no segment (:func:`read_page_rows`) names its
    rows. Read only where every number of the region stands on a line of numbers alone, they are exactly 175, the
    column header words stand between two columns of a band or between bands, and the cuts into bands whose every
    row keeps its sum and whose tables keep every identity (row sums, column sums, 一 + 二 = 七 + 四) give each cell
    one value; cells the kept tables give other values are left unread. Which row a band's cell is, the cut
    says, the labels being unread: never proven (``READ.T3_REGION_BANDS``)."""
    if any(p in readings and not readings[p].missing for p in TABLE3_PATHS) \
            or (span := heading_span(lines, FORM.headings["表三"], FORM.headings["表四"])) is None:
        return None
    numbers = [number for _, number in region_events(lines, *span) if number is not None
               and not upright_piece(lines, number)]
    if len(numbers) < len(_ROWS) * _WIDTH:      # a page's last cell equal to its place, taken for a second folio
        feet = [n for i in sorted(marked_feet(lines)) if span[0] < i + 1 < span[1]
                for n in split_numbers(lines[i].replace("\f", ""), i + 1)[1]]
        if len(numbers) + len(feet) == len(_ROWS) * _WIDTH:
            numbers = sorted(numbers + feet, key=lambda n: n.line)
    if len(numbers) != len(_ROWS) * _WIDTH or not all(isinstance(n.cell.value, int) for n in numbers):
        return None
    worded = {n for n, _, words, _ in printed_lines(lines, *span) if words}
    if any(n.line in worded for n in numbers):
        return None                     # (a label with its numbers beside it: the row readers' layout, not this one)
    heads = header_places(lines, numbers)
    if heads is None:
        return None
    try:
        tables = _tables(numbers, len(_ROWS), number_stacks(lines, numbers), heads, _MAX_WHOLE)
    except _TooMany:
        return None
    paths = [f"applications.{r}.{c}" for r in _ROWS for c in _COLS]
    options: dict[str, list[Number]] = {}
    if not _options_held(tables, paths, {}, options):
        return None
    return agreed(options, Method.T3_REGION_BANDS, _WHOLE_NOTE)
