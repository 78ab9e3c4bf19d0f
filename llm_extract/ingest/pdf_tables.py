"""Ruled tables of a PDF → the one-cell-per-line layout of HTML and DOCX ingest.

pdfplumber finds a table by its rules and returns its grid: one entry per row and
column, the text of a cell where the cell starts and None at every position a
merged (spanning) cell covers. :func:`table_lines` prints a table as
:func:`~llm_extract.ingest.html.html_to_text` prints an HTML table: every cell a
line, a tab then its text; an empty cell a tab-only line; a merged cell once, where
it starts (nothing for the positions it covers, as for a rowspan/colspan); an empty
line after every row. A cell's text wrapped over several printed lines is one line
(:func:`cell_text`).

Text wrapped in a cell too low for it overflows the row's rules; each such paragraph is read in the cell
it is centred in (:mod:`.pdf_overflow`).

A table whose last row a page break left open (a browser's print of a web page draws the row's side
rules down to the break and its bottom rule on the next page) is closed where its column rules
end, so the row stays in the table (:func:`open_bottom`). A number whose digits are spread across
its cell (distributed alignment, ``3 4 5``) is one number (:mod:`.pdf_distributed`).

A table broken by a page break is one table: :func:`continue_table` appends the
part on the next page to it, dropping the header rows Word repeats at the top of
the part, and joining to the cell it continues the text of a cell that crosses the
page break:

* a merged cell running over the break (a group label spanning rows on both
  pages): its part on the new page is its continuation, blank or holding the rest
  of its text, unless that text opens a new item (``（四）…``, ``2.…``);
* a row split by the break (its label wrapped onto the new page): the new page's
  first row continues the old page's last row cell by cell, when every one of its
  cells lines up with a cell above, none pairs two values or starts a new item, and
  at least one cell above has text whose continuation is blank. A label cut between a group's title and its
  item (``（五）不予处理`` over the break, ``1.信访举报投诉类申请`` under it, the row's numbers above: a clerk's
  line break inside the cell) is such a row too: the item it starts is the title's own. Where the label cut in two
  is one of the form's (``2.其他法律行政法规禁`` | ``止公开``), a number cut with it (``158`` | ``0``, wrapped in its
  narrow cell) joins as its digits (1580); a misjoined count breaks the identities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..form import FORM
from .pdf_cells import extract_cells
from .pdf_distributed import SPREAD, distributed_number
from .pdf_overflow import paragraph_middles
from .pdf_shaded import join_shaded

__all__ = ["PdfCell", "PdfTable", "build_table", "read_tables", "cell_text", "continue_table", "can_continue", "table_lines"]

_TOL = 3.0               # points: two rules this close are the same rule
_MIN_SIDE = 8.0          # points: the shortest side rule of a row left open by a page break
_ITEM_START = re.compile(r"^\s*(?:[(（\[]?[一二三四五六七八九十]+[)）\]、.．]|\d{1,2}[.．、)）]|[(（]\d{1,2}[)）])")
_VALUE = re.compile(r"^[\s\d.,，%％—–\-－/／]+$|^无$")
_WORD_END = re.compile(r"[A-Za-z]$")
_WORD_START = re.compile(r"^[A-Za-z]")
_NUMBER_END = re.compile(r"\d$")
_NOTED_NUMBER = re.compile(r"^\d[\d,.]*\s*[(（]")
_ITEM_NUMBER = re.compile(r"^\s*\d{1,2}\s*[.．、]")
#: the titles of the form's groups that number their items 1. 2. … (（三）不予公开 …)
_ITEM_GROUPS = frozenset(r.group for r in FORM.table3_rows if r.group[:1] in "（(")
#: 表三's labels as the form prints them (2.其他法律行政法规禁止公开 …), four characters or more
_LABELS = tuple(r.label for r in FORM.table3_rows if len(r.label) >= 4)
_SIDE_BY_SIDE = re.compile(r"(?:^|\s)(?:\d[\d,.]*|[—–\-－/／无])\s+(?:\d[\d,.]*|[—–\-－/／无])(?=\s|$)")


def cell_text(raw: str | None) -> str:
    """A cell's printed lines joined into one: without a separator (Chinese wraps anywhere, and so does a
    number in a narrow column), with a space between two Latin words, and between a number and a line that
    starts another number with its note (``2`` over ``19（其中修``: a spreadsheet's cell below spilling its first
    line into this one; a number wrapped in a narrow column does not begin its second line with a number and
    a note): two values then, which the reader does not take for one; runs of spaces collapsed."""
    out = ""
    for part in (re.sub(r"\s+", " ", p).strip() for p in (raw or "").split("\n")):
        if not part:
            continue
        if out and (_WORD_END.search(out) and _WORD_START.match(part) or _NUMBER_END.search(out)
                    and _NOTED_NUMBER.match(part)):
            out += " "
        out += part
    return out


@dataclass
class PdfCell:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    into: "PdfCell | None" = field(default=None, repr=False, compare=False)   # the cell above it continues

    @property
    def holder(self) -> "PdfCell":
        """The cell that holds this cell's text: itself, or the cell it continues on an earlier page."""
        return self.into or self

    def lines_up(self, other: "PdfCell") -> bool:
        return abs(self.x0 - other.x0) <= _TOL and abs(self.x1 - other.x1) <= _TOL


@dataclass
class PdfTable:
    """A ruled table: its rows (None where a merged cell covers a position), on the pages it runs over."""

    rows: list[list[PdfCell | None]]
    page: int                                   # the page it starts on (1-based)
    top: float
    x0: float
    x1: float
    bottom: float                               # on the page it starts on
    edges: list[float] = field(default_factory=list)   # the x of every vertical rule
    tail: list[PdfCell] = field(default_factory=list)  # the cells that reach its bottom on its last page
    last_row_top: float = 0.0                          # on its last page
    header: int = 0                                    # rows before the first value (a header Word repeats)

    @property
    def columns(self) -> int:
        return max((len(r) for r in self.rows), default=0)


def _header_rows(rows: list[list[PdfCell | None]]) -> int:
    for i, row in enumerate(rows):
        if any(c is not None and c.text and _VALUE.match(c.text) for c in row):
            return i
    return 0


def build_table(rows: list[list[PdfCell | None]], page: int) -> PdfTable:
    """A table of ``rows`` (None where a merged cell covers a position) starting on ``page``."""
    cells = [c for r in rows for c in r if c is not None]
    x0, x1 = min(c.x0 for c in cells), max(c.x1 for c in cells)
    top, bottom = min(c.top for c in cells), max(c.bottom for c in cells)
    edges = sorted({round(v, 1) for c in cells for v in (c.x0, c.x1)})
    out = PdfTable(rows, page, top, x0, x1, bottom, edges)
    out.tail = [c for c in cells if abs(c.bottom - bottom) <= _TOL]
    out.last_row_top = min(c.top for c in rows[-1] if c is not None)
    out.header = _header_rows(rows)
    return out


def _part(table: Any, page: int, spacing: float = 0.0) -> PdfTable | None:
    """A pdfplumber table as a :class:`PdfTable`, or None when it has one column (a framed paragraph)."""
    rows = [[None if bbox is None else PdfCell(_spread(table, cell_text(text), bbox), *_box(bbox))
             for bbox, text in zip(row.cells, raw)]
            for row, raw in zip(table.rows, extract_cells(table, spacing, _overflowing(table)))]
    rows = [r for r in rows if any(c is not None for c in r)]
    if not rows or max(len(r) for r in rows) < 2 or _values_across_columns(rows):
        return None
    return build_table(rows, page)


def _values_across_columns(rows: list[list[PdfCell | None]]) -> bool:
    """Whether a cell holds two values side by side (``2 0 0 0 0 0 2``, ``2 2``, a blank row's ``- - -``) across a
    column border of other rows: the rules drew the table's frame and its header's cells, not the cells of that row
    (a table framed, with hairlines between rows and no vertical rules below a shaded header), so its cells' text
    runs a row's numbers and the next rows together. Such a table is no grid; its text is read from the page, the
    numbers placed by position (:mod:`.pdf_columns`)."""
    cells = [c for r in rows for c in r if c is not None]
    borders = {round(x, 1) for c in cells for x in (c.x0, c.x1)}
    return any(_SIDE_BY_SIDE.search(c.text) and any(c.x0 + _TOL < x < c.x1 - _TOL for x in borders) for c in cells)


def _overflowing(table: Any) -> dict[int, float]:
    """Where the characters of text wrapped over a row's rules are read (:mod:`.pdf_overflow`)."""
    rows = [(r.bbox[1], r.bbox[3]) for r in table.rows]
    edges = sorted({x for r in table.rows for c in r.cells if c is not None for x in (c[0], c[2])})
    return paragraph_middles(table.page.chars, rows, edges, table.bbox)


def _spread(table: Any, text: str, bbox: tuple[float, float, float, float]) -> str:
    """A cell's text, with a number set in distributed alignment (``3 4 5``) read as one (:mod:`.pdf_distributed`)."""
    if not SPREAD.fullmatch(text):
        return text
    x0, top, x1, bottom = bbox
    inside = [c for c in table.page.chars if x0 <= (c["x0"] + c["x1"]) / 2 < x1 and top <= (c["top"] + c["bottom"]) / 2 < bottom
              and not c["text"].isspace()]
    return distributed_number(inside, bbox) or text


def _box(bbox: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    x0, top, x1, bottom = bbox
    return float(x0), float(x1), float(top), float(bottom)


def read_tables(page: Any, number: int, spacing: float = 0.0) -> list[PdfTable]:
    """The ruled tables of a pdfplumber ``page`` with two columns or more, top to bottom; a table whose
    last row a page break left open (:func:`open_bottom`) closed where its column rules end; ``spacing``:
    the page's letter-spacing (:mod:`.pdf_spacing`)."""
    bottom = open_bottom(page.edges, page.chars)
    found = page.find_tables({"explicit_horizontal_lines": [bottom]} if bottom is not None else None)
    found = join_shaded(page, found)          # rows shaded and bare, no rules: one table (.pdf_shaded)
    parts = (_part(t, number, spacing) for t in found)
    return sorted((p for p in parts if p is not None), key=lambda t: t.top)


def open_bottom(edges: list[dict[str, Any]], chars: list[dict[str, Any]]) -> float | None:
    """Where a table's column rules end when no rule closes its last row there: a browser printing a
    web page draws each cell's side rules down to the page break but leaves the row open (its bottom
    rule comes on the next page), so pdfplumber finds no cell in that row and its label and numbers
    fall out of the table. The y of the lowest end of three or more column rules, when no horizontal
    rule of the page spans half their width there and the open row holds text (rules that merely run a
    little past a closed table's bottom leave no row to read); else None."""
    verticals = [e for e in edges if e["orientation"] == "v" and e["bottom"] - e["top"] >= _MIN_SIDE]
    if not verticals:
        return None
    y = max(e["bottom"] for e in verticals)
    ending = [e for e in verticals if abs(e["bottom"] - y) <= _TOL]
    xs = sorted({round(e["x0"]) for e in ending})
    columns = [x for k, x in enumerate(xs) if k == 0 or x - xs[k - 1] > _TOL]
    if len(columns) < 3:
        return None
    span = columns[-1] - columns[0]
    widths: dict[float, float] = {}         # the horizontal rules across those columns: width at each height
    for e in edges:
        if e["orientation"] == "h" and e["x1"] > columns[0] and e["x0"] < columns[-1]:
            widths[e["top"]] = widths.get(e["top"], 0.0) + e["x1"] - e["x0"]

    def spanned(at: float) -> float:
        return sum(w for top, w in widths.items() if abs(top - at) <= _TOL)
    if spanned(y) >= span / 2:
        return None
    floor = max((top for top in widths if top < y - _TOL and spanned(top) >= span / 2), default=None)
    if floor is None or not any(floor < (c["top"] + c["bottom"]) / 2 < y and columns[0] < (c["x0"] + c["x1"]) / 2
                                < columns[-1] and c["text"].strip() for c in chars):
        return None
    return float(y)


def can_continue(table: PdfTable, part: PdfTable) -> bool:
    """True when ``part`` (at the top of the next page) has the columns of ``table``: its rules are rules
    of ``table`` and both have the same width."""
    if abs(table.x0 - part.x0) > _TOL or abs(table.x1 - part.x1) > _TOL:
        return False
    return all(any(abs(e - f) <= _TOL for f in table.edges) for e in part.edges)


def _same_row(a: list[PdfCell | None], b: list[PdfCell | None]) -> bool:
    ca, cb = [c for c in a if c is not None], [c for c in b if c is not None]
    return len(ca) == len(cb) and all(_repeats(x.text, y.text) and x.lines_up(y) for x, y in zip(ca, cb))


def _repeats(text: str, again: str) -> bool:
    """Whether a header cell's ``again`` on a new page repeats its ``text``: the same, or its beginning where the
    repeated row is lower than the text (LibreOffice clips it; the rest spills over the row below, :mod:`.pdf_overflow`)."""
    return again == text or bool(again) and text.startswith(again)


def _repeated_header(table: PdfTable, part: PdfTable) -> int:
    """How many of ``part``'s first rows repeat ``table``'s header rows (rows without a value: dropping
    one loses nothing even when it was not repeated on purpose)."""
    n = 0
    while n < min(table.header, len(part.rows) - 1) and _same_row(table.rows[n], part.rows[n]):
        n += 1
    return n


def _spans_down(cell: PdfCell, row_bottom: float) -> bool:
    return cell.bottom > row_bottom + _TOL


def _above(table: PdfTable, cell: PdfCell) -> PdfCell | None:
    return next((a for a in table.tail if a.lines_up(cell)), None)


def _row_split(table: PdfTable, row: list[PdfCell]) -> list[PdfCell] | None:
    """The cells above ``row`` (cell by cell) when ``row`` is the rest of a row the page break split."""
    above = [_above(table, c) for c in row]
    if not row or any(a is None for a in above):
        return None
    pairs = [(a.holder.text, b.text) for a, b in zip(above, row)]   # type: ignore[union-attr]
    cut = next((k for k, (a, b) in enumerate(pairs) if b), None)        # the first cell printed below the break
    if cut is not None and _label_cut(*pairs[cut]):   # a number wrapped in its narrow cell, cut too: its digits join
        rest = pairs[:cut] + pairs[cut + 1:]
        return above if all(not (a and b) or a.isdigit() and b.isdigit() for a, b in rest) else None   # type: ignore[return-value]
    if any(a and b and (_VALUE.match(a) or _VALUE.match(b) or _ITEM_START.match(b) and not _title_over_item(a, b))
           for a, b in pairs):
        return None
    if not any(a and not b for a, b in pairs):
        return None
    return above   # type: ignore[return-value]


def _label_cut(above: str, below: str) -> bool:
    """Whether a cell above the break and its rest below are one 表三 label of the form cut in two
    (``2.其他法律行政法规禁`` | ``止公开``): joined they end with the label, the part above does not."""
    if not above or not below or _VALUE.match(below) or _VALUE.match(above) or _ITEM_START.match(below):
        return False
    joined = above + below
    return any(joined.endswith(label) and not above.endswith(label) for label in _LABELS)


def _title_over_item(above: str, below: str) -> bool:
    """``above`` is a group's title alone (``（五）不予处理``) and ``below`` starts one of its items (``1.信访…``; a
    report that prints the title in every item's cell: ``8.属于行政查询事项``)."""
    title = re.sub(r"\s", "", above).replace("(", "（").replace(")", "）")
    return title in _ITEM_GROUPS and bool(_ITEM_NUMBER.match(below))


def _merged_rest(table: PdfTable, cell: PdfCell, row_bottom: float) -> PdfCell | None:
    """The cell above of which ``cell`` is the rest, when a merged cell runs over the page break: it spans
    rows below the break, or above it (where it may itself continue a cell of an earlier page)."""
    a = _above(table, cell)
    if a is None or not (_spans_down(cell, row_bottom) or a.into is not None or a.top < table.last_row_top - _TOL):
        return None
    if not cell.text:
        return a
    if _ITEM_START.match(cell.text) or _VALUE.match(cell.text) or not a.holder.text:
        return None
    return a


def continue_table(table: PdfTable, part: PdfTable) -> None:
    """Append ``part``, the rest of ``table`` on the next page, to ``table`` (see the module docstring)."""
    rows = part.rows[_repeated_header(table, part):]
    if rows:
        first = rows[0]
        cells = [c for c in first if c is not None]
        row_bottom = min((c.bottom for c in cells), default=0.0)
        split = _row_split(table, cells)
        pairs = list(zip(split, cells)) if split is not None else \
            [(a, c) for c in cells if (a := _merged_rest(table, c, row_bottom)) is not None]
        for a, b in pairs:
            a.holder.text = _join(a.holder.text, b.text)
            b.into = a.holder
        first = [None if c is None or c.into is not None else c for c in first]
        rows = rows[1:] if split is not None else [first] + rows[1:]
    table.rows += rows
    table.edges = sorted(set(table.edges) | set(part.edges))
    table.tail, table.last_row_top = part.tail, part.last_row_top


def _join(a: str, b: str) -> str:
    return cell_text(f"{a}\n{b}")


def table_lines(table: PdfTable) -> list[str]:
    """The table in the one-cell-per-line layout (see the module docstring)."""
    out: list[str] = []
    for row in table.rows:
        cells = [c for c in row if c is not None]
        if not cells:
            continue
        out.extend("\t" + c.text for c in cells)
        out.append("")
    return out
