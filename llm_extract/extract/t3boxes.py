"""表三 in ``pdf2txt.py`` text: each column's numbers in boxes right after its header's box, page by page.

pdfminer's ``pdf2txt.py`` prints every text box followed by a blank line and groups a ruled table's boxes
by proximity: a column header (自然人, 商业企业, … 总计; wrapped one character to a line, 自 / 然 / 人, or
over two or three lines) is most often printed right before the numbers of its column on that page, one
box to a number, top to bottom; the columns of a page follow one another in an order of pdfminer's own
(科研机构 first, 自然人 last …), the row labels stand apart (all of a page's first, or between the
columns), and a page's part of the table may be printed after 表四's heading. Here the header names the
column, the form's order the rows:

* a *piece* is a run of numbers no text parts (blank lines and page furniture do not), with the headers
  printed right before it, if any; a page's number (its place, a form feed opening each page) printed
  last in a piece may be no cell but the page's footer boxed with the column above it;
* a *band* is the next ``k`` rows of the form (a page's rows): consecutive pieces holding ``7k`` numbers,
  each of the seven columns exactly once, ``k`` numbers each: a piece under one header of ``k`` numbers
  is that column, under several headers (社会公益组织 法律服务机构) of as many times ``k`` their columns one
  after the other; a piece under one header of fewer is its column's first cells, the next pieces with
  no header its others (pdfminer boxing a column's first cells apart from the rest); pieces of ``k`` in
  all with no header are the one column no header of the band names; a band of one piece with no header at
  all is its columns in printed order, or, where that order breaks the identities, in the one other order
  of its columns under which they all hold (:mod:`.bareorder`: a page after the first printed with no
  header, its columns in an order of pdfminer's; the table printed as that one band: its total column where
  the row sums find it, the others in printed order; every page printed so, in pages of two rows or more:
  the first page whose printed order keeps its rows' totals as printed, the others in the orders under
  which every identity holds; a page under the header row printed whole, its seven headers in one box,
  counts as printed with none here: pdfminer prints the numbers after it in an order of its own);
* pieces with no header before the first band (another table's numbers, a page number) are not 表三's;
  the columns may be printed after 表四's heading, among its header words, up to section 五.

The table is read when the bands tile the form's 25 rows (or 23, （六）其他处理 printed as one row and none
of its sub-rows' labels printed, as :mod:`.formorder` reads it), every identity of 表三 holds, and no
other tiling holding them reads other values. Headers printed together, a page printed with none, a
header's box placed before another column's numbers: the columns' order is then pdfminer's where the
identities cannot tell them apart (the six applicant columns): such a table is never proven
(``READ.COLUMN_RUNS``) but for its cells no order of the six applicant columns changes (verify/guesses.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import product
from math import prod

from ..evidence import Method
from ..form import FORM
from .bareorder import column_orders, keeps_totals
from .blocktext import Number, all_counts, heading_line, split_numbers
from .t3instances import table3_broken
from .onerowform import ONE_ROWS, one_row_readings
from .labels import rows_named
from .layout import is_page_furniture, label_key
from .readings import Readings, reading
from .pagenumbers import PAGE_FEED

__all__ = ["read_table3_boxes", "named_over_printed"]

_ROWS = FORM.table3_row_keys
_COLS = FORM.table3_column_keys
_HEADERS = {label_key(c.label): c.key for c in FORM.table3_columns}
#: the header words over the columns' labels (申请人情况, 法人或其他组织, the note on the identities): they
#: part no run of headers from its numbers
_GROUPS = frozenset(label_key(h) for h in FORM.table3_header)
_T3_HEADING = FORM.headings["表三"]
_T4_HEADING = FORM.headings["表四"]
#: section 五's heading (after 表四's: （五）不予处理 is 表三's): 表三's columns may be printed after 表四's
#: heading, among its header words
_SECTION_FIVE = re.compile(r"^\s*(?:五[、.．]|\(?五\)|存在的主要问题)")
#: （六）其他处理's sub-rows but its last: a label of theirs printed means they are rows of their own
_SUB_ROWS = tuple(r for r in _ROWS if r not in ONE_ROWS)
_ONE_ROW = "other_other"
#: the tilings tried at most: past that, nothing is read
_MAX_STEPS = 5000
#: the orders of pages printed with no header tried at most: past that, they are not reordered
_MAX_ORDERS = 2000


@dataclass(frozen=True)
class _Piece:
    """A run of numbers no text parts, and the column headers of the boxes printed right before it."""

    heads: tuple[str, ...]
    numbers: tuple[Number, ...]
    folio: bool = False              # its last number is a bare number equal to its page's place

    def cells(self, count: int) -> tuple[Number, ...] | None:
        """Its ``count`` numbers: all of them, or all but a last one that is its page's number."""
        if len(self.numbers) == count:
            return self.numbers
        return self.numbers[:-1] if self.folio and len(self.numbers) == count + 1 else None


def _heads(box: list[str]) -> tuple[str, ...] | None:
    """The column headers a text box prints (自 / 然 / 人; 其他 总计; none for a group's header over them,
    法人或其他组织), or ``None`` when it prints other text."""
    key = label_key("".join(box))
    if key in _HEADERS:
        return (_HEADERS[key],)
    if key in _GROUPS:
        return ()
    words = " ".join(box).split()
    if len(words) > 1 and all(label_key(w) in _HEADERS for w in words):
        return tuple(_HEADERS[label_key(w)] for w in words)
    return None


def _pieces(lines: list[str], start: int, end: int, table4: int) -> tuple[list[_Piece] | None, set[str]]:
    """The pieces between lines ``start`` and ``end`` (1-based, both excluded) and the rows whose labels
    are printed there; ``None`` when a line before ``table4`` (表四's heading) holds several numbers: 表三
    printed by rows, not in pdfminer's boxes (one number to a line)."""
    pieces: list[_Piece] = []
    named: set[str] = set()
    heads: tuple[str, ...] = ()
    run: list[Number] | None = None
    box: list[str] = []

    def close_box() -> None:
        nonlocal heads, run
        if box:
            found = _heads(box)
            heads = heads + found if found is not None else ()
            run = None
            if found is None:
                named.update(r for text in box for r in rows_named(label_key(text)))
            box.clear()

    page = 1 + sum(line.count(PAGE_FEED) for line in lines[:start])
    for n in range(start + 1, end):
        page += lines[n - 1].count(PAGE_FEED)
        raw = lines[n - 1].replace("\x0c", " ").strip()
        if not raw or is_page_furniture(raw):
            close_box()
            continue
        text, numbers = split_numbers(raw, n)
        if len(numbers) > 1:             # (a row's numbers on one line: no box of a column)
            if n < table4:
                return None, named
            box.append(raw)
            continue
        if text:
            box.append(text)
        if numbers:
            close_box()
            if text:                     # (a label's box holding a number: the label names no column)
                heads = ()
            if run is None:
                run = []
                pieces.append(_Piece(heads, ()))
                heads = ()
            run.extend(numbers)
            pieces[-1] = _Piece(pieces[-1].heads, tuple(run), raw == str(page))
    close_box()
    return pieces, named


def _band(pieces: list[_Piece], k: int) -> dict[str, tuple[Number, ...]] | None:
    """The seven columns of ``k`` cells the pieces hold (see the module docstring), or ``None``."""
    if len(pieces) == 1 and not pieces[0].heads:            # no header at all: the columns in printed order
        return {col: pieces[0].numbers[c * k:(c + 1) * k] for c, col in enumerate(_COLS)}
    columns: dict[str, tuple[Number, ...]] = {}
    headless: list[tuple[Number, ...]] = []
    open_key, open_cells, loose = "", (), ()
    for piece in pieces:
        heads = piece.heads
        if heads:
            if open_key or set(heads) & set(columns) or len(set(heads)) != len(heads):
                return None
            if (cells := piece.cells(len(heads) * k)) is not None:     # their columns one after the other
                columns.update({h: cells[i * k:(i + 1) * k] for i, h in enumerate(heads)})
            elif len(heads) == 1 and len(piece.numbers) < k:
                open_key, open_cells = heads[0], piece.numbers
            else:
                return None
        elif open_key:
            rest = piece.cells(k - len(open_cells)) or piece.numbers
            open_cells += rest
            if len(open_cells) > k:
                return None
            if len(open_cells) == k:
                columns[open_key] = open_cells
                open_key, open_cells = "", ()
        else:                           # (a column whose header is lost, parted by the labels too)
            loose += piece.cells(k - len(loose)) or piece.numbers
            if len(loose) > k:
                return None
            if len(loose) == k:
                headless.append(loose)
                loose = ()
    if open_key or loose or len(headless) > 1 or len(columns) + len(headless) != len(_COLS):
        return None
    for col in _COLS:
        if col not in columns:
            columns[col] = headless[0]
    return columns


class _TooMany(Exception):
    """More tilings than are tried: none is read."""


def _tilings(pieces: list[_Piece], count: int) -> list[list[tuple[dict[str, tuple[Number, ...]], int]]]:
    """Every way the pieces tile ``count`` rows as bands (each band's columns and its size)."""
    steps = 0

    def rest(i: int, row: int) -> list[list[tuple[dict[str, tuple[Number, ...]], int]]]:
        nonlocal steps
        steps += 1
        if steps > _MAX_STEPS:
            raise _TooMany
        if row == count:
            return [[]]
        out = []
        if row == 0 and i < len(pieces) and not pieces[i].heads:
            out += rest(i + 1, row)          # (numbers before the table: not 表三's)
        total = folios = 0
        for j in range(i, len(pieces)):
            total += len(pieces[j].numbers)
            folios += pieces[j].folio
            if total - folios > (count - row) * len(_COLS):
                break
            for k in sorted({(total - f) // len(_COLS) for f in range(folios + 1) if not (total - f) % len(_COLS)}):
                band = _band(pieces[i:j + 1], k) if 0 < k <= count - row else None
                if band is not None:
                    out += [[(band, k)] + later for later in rest(j + 1, row + k)]
        return out

    try:
        return rest(0, 0)
    except _TooMany:
        return []


def _bare(tiling: list[tuple[dict[str, tuple[Number, ...]], int]], pieces: list[_Piece],
          whole: bool = False) -> list[int]:
    """The bands no header's column stands in; ``whole``: nor the header row printed whole before a piece
    (its seven headers in the form's order, the numbers after them in an order of pdfminer's)."""
    headed = {n.line for piece in pieces if piece.heads and not (whole and set(piece.heads) == set(_COLS))
              for n in piece.numbers}
    return [i for i, (band, _) in enumerate(tiling)
            if not any(n.line in headed for cells in band.values() for n in cells)]


def _named(tiling: list[tuple[dict[str, tuple[Number, ...]], int]], pieces: list[_Piece]) -> bool:
    """Whether every band but one at most holds a header's column, or the table is one band (one page, its
    columns one after the other): a band printed with no header is its columns in printed order, by
    position alone (``pdftotext``'s rows one number to a line would be bands of one row each, their labels
    unlooked at), read only as the whole table or beside bands whose headers name their columns."""
    return len(_bare(tiling, pieces)) <= 1


def _reordered(tiling: list[tuple[dict[str, tuple[Number, ...]], int]], pieces: list[_Piece]) \
        -> Iterator[list[tuple[dict[str, tuple[Number, ...]], int]]]:
    """The tiling with its one band printed with no header beside bands whose headers name their columns
    in every other order keeping its rows' totals (:mod:`.bareorder`); the table printed as that one band,
    its total column moved where the row sums find it, the others in printed order. Every band printed
    with no header (pages of two rows or more): the first band whose printed order keeps its rows' totals
    in that order, the others in every order keeping theirs (the identities then pair each page's columns
    with the first's; the first's order is pdfminer's)."""
    bare = _bare(tiling, pieces, whole=True)
    if len(bare) == 1:
        i = bare[0]
        band, k = tiling[i]
        for order in column_orders(band, printed=len(tiling) == 1):
            yield tiling[:i] + [(order, k)] + tiling[i + 1:]
        return
    if len(bare) < len(tiling) or any(k < 2 for _, k in tiling):
        return
    anchor = next((i for i, (band, _) in enumerate(tiling) if keeps_totals(band)), None)
    if anchor is None:
        return
    options = [[band] if i == anchor else list(column_orders(band)) for i, (band, _) in enumerate(tiling)]
    if prod(len(o) for o in options) > _MAX_ORDERS:
        return
    for bands in product(*options):
        yield [(band, k) for band, (_, k) in zip(bands, tiling)]


def _values(tiling: list[tuple[dict[str, tuple[Number, ...]], int]], rows: tuple[str, ...]) -> dict[str, Number]:
    out: dict[str, Number] = {}
    first = 0
    for band, k in tiling:
        for col, cells in band.items():
            out.update({f"applications.{rows[first + r]}.{col}": n for r, n in enumerate(cells)})
        first += k
    return out


def _holds(placed: dict[str, Number]) -> bool:
    if not all_counts(placed.values()):
        return False
    values = {f"applications.{r}.{c}": 0 for r in _ROWS for c in _COLS}
    values.update({p: n.cell.value for p, n in placed.items()})
    return not table3_broken(values)


def read_table3_boxes(lines: list[str]) -> Readings | None:
    """表三 from pdfminer's boxes of columns under their headers (see the module's docstring), or ``None``."""
    start = heading_line(lines, _T3_HEADING)
    if start is None:
        return None
    heading = heading_line(lines, _T4_HEADING, start)
    end = (heading_line(lines, _SECTION_FIVE, heading) if heading is not None else None) or len(lines) + 1
    pieces, named = _pieces(lines, start, end, heading if heading is not None else end)
    if pieces is None:
        return None
    for rows in (_ROWS, ONE_ROWS):
        if rows is ONE_ROWS and named & set(_SUB_ROWS):
            continue
        tilings = _tilings(pieces, len(rows))
        held = [placed for tiling in tilings if _named(tiling, pieces) and _holds(placed := _values(tiling, rows))]
        if not held:            # a page printed with no header, its columns in an order of pdfminer's
            held = [placed for tiling in tilings for other in _reordered(tiling, pieces)
                    if _holds(placed := _values(other, rows))]
        if not held or any({p: n.cell.value for p, n in h.items()} != {p: n.cell.value for p, n in held[0].items()}
                           for h in held[1:]):
            continue
        placed = held[0]
        out = {p: reading(n.cell, [n.line], Method.FORM_ORDER_RUNS)
               for p, n in placed.items()}
        if rows is ONE_ROWS:
            out.update(one_row_readings([placed[f"applications.{_ONE_ROW}.{c}"] for c in _COLS]))
        return out
    return None


def named_over_printed(table: Readings, lines: list[str]) -> Readings | None:
    """A table another reader read with its columns in a text tool's order (``READ.COLUMN_RUNS``), or the
    boxes' reading by their headers instead where it reads the same rows with the applicant cells of some
    rows in other columns (the same totals, the same cells to each row: the cells no order of the columns
    changes, the ones verify proves, are the same); ``None`` where the two readings differ more."""
    if not all(r.method == Method.FORM_ORDER_RUNS for p, r in table.items() if p.startswith("applications.")):
        return table
    named = read_table3_boxes(lines)
    if named is None:
        return table

    def row(readings: Readings, r: str) -> tuple:
        cells = [readings[f"applications.{r}.{c}"].value if f"applications.{r}.{c}" in readings else "-"
                 for c in _COLS]
        return cells[-1], sorted(map(str, cells[:-1]))
    return named if all(row(named, r) == row(table, r) for r in _ROWS) else None
