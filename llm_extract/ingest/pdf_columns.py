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
  must hold a number in every band (then the bands are all the columns).

A table none of whose rows fills every band (a table continued on another page) takes the columns of a
table of the same document that has such a row, when each of its own bands stands in one of them.

Only then is a row with fewer numbers than bands, two at least, read by position (:func:`placed_rows`): it
is printed as a ruled table's row is (:mod:`.pdf_tables`), every cell a line after a tab, a blank cell a
tab-only line. Anything else (a number between two bands, a table no row of which is full, a row of one
number: which table it is in, a sub-table of one column, is unknown) is left as text.
"""

from __future__ import annotations

from dataclasses import dataclass

from .pdf_lines import Word

__all__ = ["placed_rows", "BAND_GAP"]

BAND_GAP = 0.5           # font sizes: two columns' numbers stand at least this far apart
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


def _tables(lines: list[list[Word]]) -> list[list[_Row]]:
    """The page's runs of rows ending in values (see the module docstring)."""
    tables: list[list[_Row]] = []
    current: list[_Row] = []
    left = float("inf")                 # where the current table's numbers start
    for i, ws in enumerate(lines):
        if not ws:
            continue
        label, values = _split(ws)
        reach = max((w.x1 for w in label), default=float("-inf"))
        if not values:
            if reach > left:            # a header, a heading or a sentence over the numbers: the table ends
                tables.append(current)
                current, left = [], float("inf")
            continue
        start = values[0].x0
        if reach > min(left, start):    # a label reaching into the numbers: not a row of this table
            tables.append(current)
            current, left = [], float("inf")
            if reach > start:
                continue
        current.append(_Row(i, label, values))
        left = min(left, start)
    tables.append(current)
    return [t for t in tables if len(t) >= 2]


_Bands = list[tuple[float, float]]


def _stack(rows: list[_Row]) -> tuple[_Bands, bool] | None:
    """The bands the rows' values stack into, left to right, and whether a row fills every one of them;
    None when they are not unambiguous (two bands nearly touching, two values of a row in one band, a label
    reaching over the first band)."""
    spans = sorted((w.x0, w.x1, w.size) for r in rows for w in r.values)
    stacked: list[list[float]] = []
    for x0, x1, size in spans:
        if stacked and x0 < stacked[-1][1]:
            stacked[-1][1] = max(stacked[-1][1], x1)
            stacked[-1][2] = max(stacked[-1][2], size)
        else:
            stacked.append([x0, x1, size])
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
    """Which of ``columns`` each of a table's own bands stands in: one each, no two in one; else None."""
    at = [_overlapped(x0, x1, columns) for x0, x1 in own]
    if any(len(a) != 1 for a in at) or len({a[0] for a in at}) != len(at):
        return None
    return [a[0] for a in at]


def _row_text(row: _Row, own: _Bands, cols: list[int], width: int) -> str:
    """The row as a ruled table's row is printed: its label's fields, then every cell, a line each."""
    fields: list[str] = []
    for w in row.label:
        if fields and w.sep != "\t":
            fields[-1] += (" " if w.sep else "") + w.text
        else:
            fields.append(w.text)
    cells = [""] * width
    for w in row.values:
        cells[cols[_overlapped(w.x0, w.x1, own)[0]]] = w.text
    return "\n".join("\t" + f for f in fields + cells) + "\n"


def placed_rows(pages: list[list[list[Word]]]) -> list[dict[int, str]]:
    """For each page (its lines' words; a line to leave out, page furniture, without words), the text of
    each line (by index) that is a table row with blank cells, read by position (see the module docstring)."""
    tables = [[(rows, _stack(rows)) for rows in _tables(lines)] for lines in pages]
    known = [found[0] for page in tables for _, found in page if found is not None and found[1]]
    out: list[dict[int, str]] = []
    for page in tables:
        placed: dict[int, str] = {}
        for rows, found in page:
            if found is None:
                continue
            own, full = found
            if full:
                columns, cols = own, list(range(len(own)))
            else:
                fits = [(c, f) for c in known if (f := _fit(own, c)) is not None]
                if not fits or any(len(c) != len(fits[0][0]) or f != fits[0][1] for c, f in fits):
                    continue            # no full table it stands in, or several that disagree
                columns, cols = fits[0]
            for r in rows:
                if 1 < len(r.values) < len(columns):      # (one number says nothing of which table it is in)
                    placed[r.index] = _row_text(r, own, cols, len(columns))
        out.append(placed)
    return out
