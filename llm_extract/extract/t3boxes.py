"""表三 in ``pdf2txt.py`` text: each column's numbers in boxes right after its header's box, page by page.

pdfminer's ``pdf2txt.py`` prints every text box followed by a blank line and groups a ruled table's boxes
by proximity: a column header (自然人, 商业企业, … 总计; wrapped one character to a line, 自 / 然 / 人, or
over two or three lines) is most often printed right before the numbers of its column on that page, one
box to a number, top to bottom; the columns of a page follow one another in an order of pdfminer's own
(科研机构 first, 自然人 last …), the row labels stand apart (all of a page's first, or between the
columns), and a page's part of the table may be printed after 表四's heading. Here the header names the
column, the form's order the rows:

* a *piece* is a run of numbers no text parts (blank lines and page furniture do not), with the header
  printed right before it, if any;
* a *band* is the next ``k`` rows of the form (a page's rows): consecutive pieces holding ``7k`` numbers,
  each of the seven columns exactly once, ``k`` numbers each: a piece under one header of ``k`` numbers
  is that column; one of fewer is its column's first cells, the next pieces with no header its others
  (pdfminer boxing a column's first cells apart from the rest); one piece of ``k`` with no header is the
  one column no header of the band names. A piece under several headers (自然人 商业企业 科研机构 then
  their numbers) says nothing of its columns' order: no band holds it;
* pieces with no header before the first band (another table's numbers, a page number) are not 表三's.

The table is read when the bands tile the form's 25 rows (or 23, （六）其他处理 printed as one row and none
of its sub-rows' labels printed, as :mod:`.formorder` reads it), every identity of 表三 holds, and no
other tiling holding them reads other values. A header's box placed before another column's numbers
would go unseen by the identities where the columns it swaps are alike (the six applicant columns): such
a table is never proven (``READ.COLUMN_RUNS``) but for its cells no order of the six applicant columns
changes (verify/guesses.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..evidence import Method, Reading
from ..form import FORM
from .blocktext import Number, heading_line, split_numbers
from .blocktiles import table3_broken
from .formorder import ONE_ROWS, one_row_readings
from .labels import rows_named
from .layout import is_page_furniture, label_key
from .readings import Readings
from .t4boxes import table4_header_line

__all__ = ["read_table3_boxes"]

_ROWS = tuple(r.key for r in FORM.table3_rows)
_COLS = tuple(c.key for c in FORM.table3_columns)
_HEADERS = {label_key(c.label): c.key for c in FORM.table3_columns}
_T3_HEADING = FORM.headings["表三"]
_T4_HEADING = FORM.headings["表四"]
#: （六）其他处理's sub-rows but its last: a label of theirs printed means they are rows of their own
_SUB_ROWS = tuple(r for r in _ROWS if r not in ONE_ROWS)
_ONE_ROW = "other_other"
#: the tilings tried at most: past that, nothing is read
_MAX_STEPS = 5000


@dataclass(frozen=True)
class _Piece:
    """A run of numbers no text parts, and the column headers of the boxes printed right before it."""

    heads: tuple[str, ...]
    numbers: tuple[Number, ...]


def _heads(box: list[str]) -> tuple[str, ...] | None:
    """The column headers a text box prints (自 / 然 / 人; 其他 总计), or ``None`` when it prints other text."""
    key = label_key("".join(box))
    if key in _HEADERS:
        return (_HEADERS[key],)
    words = " ".join(box).split()
    if len(words) > 1 and all(label_key(w) in _HEADERS for w in words):
        return tuple(_HEADERS[label_key(w)] for w in words)
    return None


def _pieces(lines: list[str], start: int, end: int) -> tuple[list[_Piece], set[str]]:
    """The pieces between lines ``start`` and ``end`` (1-based, both excluded) and the rows whose labels
    are printed there."""
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

    for n in range(start + 1, end):
        raw = lines[n - 1].replace("\x0c", " ").strip()
        if not raw or is_page_furniture(raw):
            close_box()
            continue
        text, numbers = split_numbers(raw, n)
        if text:
            box.append(text)
        if numbers:
            close_box()
            if text:                         # (a label and its numbers on one line: no column's box)
                heads = ()
            if run is None:
                run = []
                pieces.append(_Piece(heads, ()))
                heads = ()
            run.extend(numbers)
            pieces[-1] = _Piece(pieces[-1].heads, tuple(run))
    close_box()
    return pieces, named


def _band(pieces: list[_Piece], k: int) -> dict[str, tuple[Number, ...]] | None:
    """The seven columns of ``k`` cells the pieces hold (see the module docstring), or ``None``."""
    columns: dict[str, tuple[Number, ...]] = {}
    headless: list[tuple[Number, ...]] = []
    open_key, open_cells = "", ()
    for piece in pieces:
        if piece.heads:
            if open_key or len(piece.heads) != 1 or piece.heads[0] in columns or len(piece.numbers) > k:
                return None
            if len(piece.numbers) == k:
                columns[piece.heads[0]] = piece.numbers
            else:
                open_key, open_cells = piece.heads[0], piece.numbers
        elif open_key:
            open_cells += piece.numbers
            if len(open_cells) > k:
                return None
            if len(open_cells) == k:
                columns[open_key] = open_cells
                open_key, open_cells = "", ()
        elif len(piece.numbers) == k:
            headless.append(piece.numbers)
        else:
            return None
    if open_key or len(headless) > 1 or len(columns) + len(headless) != len(_COLS):
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
        total = 0
        for j in range(i, len(pieces)):
            total += len(pieces[j].numbers)
            k, extra = divmod(total, len(_COLS))
            if k > count - row:
                break
            if extra or not k:
                continue
            band = _band(pieces[i:j + 1], k)
            if band is not None:
                out += [[(band, k)] + later for later in rest(j + 1, row + k)]
        return out

    try:
        return rest(0, 0)
    except _TooMany:
        return []


def _values(tiling: list[tuple[dict[str, tuple[Number, ...]], int]], rows: tuple[str, ...]) -> dict[str, Number]:
    out: dict[str, Number] = {}
    first = 0
    for band, k in tiling:
        for col, cells in band.items():
            out.update({f"applications.{rows[first + r]}.{col}": n for r, n in enumerate(cells)})
        first += k
    return out


def _holds(placed: dict[str, Number]) -> bool:
    if any(n.cell.value is not None and not isinstance(n.cell.value, int) for n in placed.values()):
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
    end = (table4_header_line(lines, heading) if heading is not None else None) or heading or len(lines) + 1
    pieces, named = _pieces(lines, start, end)
    for rows in (_ROWS, ONE_ROWS):
        if rows is ONE_ROWS and named & set(_SUB_ROWS):
            continue
        held = [placed for tiling in _tilings(pieces, len(rows)) if _holds(placed := _values(tiling, rows))]
        if not held or any({p: n.cell.value for p, n in h.items()} != {p: n.cell.value for p, n in held[0].items()}
                           for h in held[1:]):
            continue
        placed = held[0]
        out = {p: Reading(n.cell.plain, n.cell.kind, n.cell.raw, [n.line], Method.FORM_ORDER_RUNS, n.cell.note)
               for p, n in placed.items()}
        if rows is ONE_ROWS:
            out.update(one_row_readings([placed[f"applications.{_ONE_ROW}.{c}"] for c in _COLS]))
        return out
    return None
