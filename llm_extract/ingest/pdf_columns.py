"""A table printed without vertical rules: each number of a row placed in its column by its x-position.

The text layer of such a table (rules only between rows, dashed or no rules at all: pdfplumber finds
no cells) has no glyph for an empty cell: a row with a blank cell comes out with fewer numbers than
columns, and which cell was blank is lost once the line is text. It is not lost on the page: each
number stands in its column. The columns are found from the page itself, table by table:

* a table is a run of lines whose numbers (and placeholders, ``—`` ``/`` ``无``) end the line, to the
  right of its label; a line of words reaching into the numbers' area (a header, a heading, a
  sentence) ends it, and so does a row whose label reaches into it;
* its columns are the bands the numbers of all its rows stack into (numbers one above the other
  overlap, whatever their alignment); the bands must stand apart (:data:`BAND_GAP` font sizes), each
  row must put at most one number in a band, its label left of the first band, and at least one row
  must hold a number in every band, and no word of the header above it stand over none of them (then the
  bands are all the columns).

A table at the top or the bottom of its page, a lone row too (表三's （七）总计 carried over to a page of its
own), takes the columns of the table it continues on the page before
or that continues it on the page after when they are more than its own (none of its rows is full, or all
leave the same column blank) and each of its bands stands in one of them, aligned as the numbers of a column
are (:func:`_fit`).

Only then is a row with fewer numbers than bands, two at least, read by position (:func:`placed_rows`): it
is printed as a ruled table's row is (:mod:`.pdf_tables`), every cell a line after a tab, a blank cell a
tab-only line. A line of digits with no label right under a row, each under one of its numbers and fewer
than they are, is the digits those cells wrapped onto a line of their own (``３８`` / ``８`` in a narrow
column): they are printed after their cells' own, a space between (``３８ ８``), which no reader takes for
a number (:func:`_wrapped`). A table of one row, 表四 printed as one row of fifteen cells, takes the columns its header's words stand
over (:mod:`.pdf_headcols`), when each of its numbers stands in one of them. Anything else (a number between
two bands, a table no row of which is full, a row of one number: which table it is in, a sub-table of one
column, is unknown) is left as text; so is a table no row of which is full (or whose header has a word over
none of its bands), unless its header's words are 表三's or 表四's column headers and every row's numbers stand
in their columns (:mod:`.pdf_headcols`): 表三 with a column left blank in every row.
"""

from __future__ import annotations

from dataclasses import dataclass

from .pdf_headcols import header_columns, stacked_bands
from .pdf_lines import Word

__all__ = ["placed_rows", "BAND_GAP", "ALIGNED"]

BAND_GAP = 0.5           # font sizes: two columns' numbers stand at least this far apart
ALIGNED = 1.0            # points: a column's numbers on two pages stand this close (left, right or centred)
@dataclass
class _Row:
    index: int                   # the line's index on the page
    label: list[Word]
    values: list[Word]


def _split(ws: list[Word]) -> tuple[list[Word], list[Word]]:
    """A line's label words and the values that end it."""
    i = len(ws)
    while i > 0 and ws[i - 1].is_value:
        i -= 1
    return ws[:i], ws[i:]


@dataclass
class _Table:
    rows: list[_Row]
    header: list[Word]
    closed: bool = False         # ended by a line over its numbers (else it runs on to the page's end)
    found: tuple[_Bands, bool] | None = None     # its own bands, and whether a row fills them all
    columns: _Bands | None = None                # its columns, once known
    cols: list[int] | None = None                # the column each of its own bands stands in


def _tables(lines: list[list[Word]]) -> list[_Table]:
    """The page's runs of rows ending in values, top to bottom (see the module docstring), each with the
    words printed above it (its header)."""
    tables: list[_Table] = []
    current: list[_Row] = []
    above: list[Word] = []              # the words of the lines of words since the last row
    header: list[Word] = []
    left = float("inf")                 # where the current table's numbers start

    def close() -> None:
        nonlocal current, left
        if current:
            tables.append(_Table(current, header, closed=True))
        current, left = [], float("inf")
    for i, ws in enumerate(lines):
        if not ws:
            continue
        label, values = _split(ws)
        reach = max((w.x1 for w in label), default=float("-inf"))
        if not values:
            if reach > left:            # a header, a heading or a sentence over the numbers: the table ends
                close()
            above += ws
            continue
        start = values[0].x0
        if reach > min(left, start):    # a label reaching into the numbers: not a row of this table
            close()
            if reach > start:
                above = []
                continue
        if not current:
            header = above
        current.append(_Row(i, label, values))
        above, left = [], min(left, start)
    if current:
        tables.append(_Table(current, header))
    for t in tables:
        t.found = _stack(t.rows)        # a lone row's own bands: the columns it takes must fit them
        if len(t.rows) >= 2 and t.found is not None and t.found[1] and not _unfilled_header(t, t.found[0]):
            t.columns, t.cols = t.found[0], list(range(len(t.found[0])))
        elif (bands := header_columns(t.header, BAND_GAP)) is not None \
                and all(_in_columns(r, bands) for r in t.rows):
            t.found, t.columns, t.cols = (bands, True), bands, list(range(len(bands)))
    return tables


def _in_columns(row: _Row, bands: "_Bands") -> bool:
    """Whether each value of the row stands in one of ``bands``, no two in one, its label left of them all."""
    at = [_overlapped(w.x0, w.x1, bands) for w in row.values]
    return all(len(a) == 1 for a in at) and len({a[0] for a in at}) == len(at) \
        and not any(w.x1 > bands[0][0] for w in row.label)


def _unfilled_header(table: _Table, bands: "_Bands") -> bool:
    """Whether a word of the table's header, right of its labels, stands over none of its bands: a column
    none of its rows fills (then a full row is not full)."""
    reach = max((w.x1 for r in table.rows for w in r.label), default=float("-inf"))
    return any(w.x0 > reach and not _overlapped(w.x0, w.x1, bands) for w in table.header)


_Bands = list[tuple[float, float]]


def _stack(rows: list[_Row]) -> tuple[_Bands, bool] | None:
    """The bands the rows' values stack into, left to right, and whether a row fills every one of them;
    None when they are not unambiguous (two bands nearly touching, two values of a row in one band, a label
    reaching over the first band)."""
    stacked = stacked_bands((w.x0, w.x1, w.size) for r in rows for w in r.values)
    for a, b in zip(stacked, stacked[1:]):
        if b[0] - a[1] < BAND_GAP * max(a[2], b[2]):
            return None                 # two columns' numbers (nearly) touching: which is which is a guess
    bands = [(b[0], b[1]) for b in stacked]
    full = False
    for r in rows:
        cols = [_overlapped(w.x0, w.x1, bands)[0] for w in r.values]
        if len(set(cols)) != len(cols) or any(w.x1 > bands[0][0] for w in r.label):
            return None
        full = full or len(cols) == len(bands)
    return bands, full


def _overlapped(x0: float, x1: float, bands: _Bands) -> list[int]:
    return [i for i, (b0, b1) in enumerate(bands) if x0 < b1 and b0 < x1]


def _fit(own: _Bands, columns: _Bands) -> list[int] | None:
    """Which of ``columns`` each of a table's own bands stands in: one each, no two in one, each aligned with
    its column (their left edges, right edges or centres within :data:`ALIGNED` points: numbers of a column
    are printed alike); else None."""
    at = [_overlapped(x0, x1, columns) for x0, x1 in own]
    if any(len(a) != 1 for a in at) or len({a[0] for a in at}) != len(at):
        return None
    for (x0, x1), (c0, c1) in zip(own, (columns[a[0]] for a in at)):
        if min(abs(x0 - c0), abs(x1 - c1), abs(x0 + x1 - c0 - c1) / 2) > ALIGNED:
            return None
    return [a[0] for a in at]


def _continued(pages: list[list[_Table]]) -> None:
    """Give a table the columns of the table it continues or that continues it (the last table of the page
    before, running on to its end, when it is its page's first table; the first of the page after, when it
    is its page's last and runs on to the end) when they are more than its own (no row of it is full, or
    every row of it leaves the same column blank) and its bands stand in them (see :func:`_fit`)."""
    changed = True
    while changed:
        changed = False
        for p, tables in enumerate(pages):
            for k, t in enumerate(tables):
                if t.found is None:
                    continue
                others = []
                if k == 0 and p > 0 and pages[p - 1] and not pages[p - 1][-1].closed:
                    others.append(pages[p - 1][-1])
                if k == len(tables) - 1 and not t.closed and p + 1 < len(pages) and pages[p + 1]:
                    others.append(pages[p + 1][0])
                have = len(t.columns or ())
                fits = [(o.columns, f) for o in others if o.columns is not None and len(o.columns) > have
                        and (f := _fit(t.found[0], o.columns)) is not None]
                if fits and all(len(c) == len(fits[0][0]) and f == fits[0][1] for c, f in fits):
                    t.columns, t.cols = fits[0]
                    changed = True


def _row_text(row: _Row, own: _Bands, cols: list[int], width: int, wrapped: _Row | None = None) -> str:
    """The row as a ruled table's row is printed: its label's fields, then every cell, a line each; the
    digits a cell wrapped onto the next line (``wrapped``) after its own, a space between (``３８ ８``: a
    number split in two, which the reader never guesses at)."""
    fields: list[str] = []
    for w in row.label:
        if fields and w.sep != "\t":
            fields[-1] += (" " if w.sep else "") + w.text
        else:
            fields.append(w.text)
    cells = [""] * width
    for w in row.values:
        cells[cols[_overlapped(w.x0, w.x1, own)[0]]] = w.text
    for w in wrapped.values if wrapped is not None else ():
        cells[cols[_overlapped(w.x0, w.x1, own)[0]]] += " " + w.text
    return "\n".join("\t" + f for f in fields + cells) + "\n"


def _wrapped(row: _Row, above: _Row | None) -> bool:
    """Whether ``row`` is the digits of the row right above it that their cells wrapped onto a line of their
    own (``３８`` / ``８`` in a narrow column): no label, fewer values than the row above, each under one
    of that row's values."""
    return above is not None and row.index == above.index + 1 and not row.label \
        and len(row.values) < len(above.values) \
        and all(any(w.x0 < a.x1 and a.x0 < w.x1 for a in above.values) for w in row.values)


def placed_rows(pages: list[list[list[Word]]]) -> list[dict[int, str]]:
    """For each page (its lines' words; a line to leave out, page furniture, without words), the text of
    each line (by index) that is a table row with blank cells, read by position (see the module docstring)."""
    tables = [_tables(lines) for lines in pages]
    _continued(tables)
    out: list[dict[int, str]] = []
    for page in tables:
        placed: dict[int, str] = {}
        for t in page:
            if t.columns is None or t.cols is None or t.found is None:
                continue
            for above, r in zip([None, *t.rows], t.rows):
                if _wrapped(r, above) and above is not None:
                    placed[above.index] = _row_text(above, t.found[0], t.cols, len(t.columns), wrapped=r)
                    placed[r.index] = ""
                elif 1 < len(r.values) < len(t.columns):    # (one number says nothing of which table it is in)
                    placed[r.index] = _row_text(r, t.found[0], t.cols, len(t.columns))
        out.append(placed)
    return out
