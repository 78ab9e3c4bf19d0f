"""A table printed with shaded rows (zebra stripes, a shaded header) and no rules → one table of cells.

Such a table draws no line: every other row (and often its header) is a filled rectangle per cell, the
rows between them are bare text on the page. pdfplumber finds each shaded row as a table of its own and
the rows between them are left to the text layer, where a row with a blank cell loses which cell was blank
(``0 0 5 0 6`` under seven columns). The page shows more: the bare row lies exactly between two shaded rows
of the same table, and its cells stand under theirs. :func:`join_shaded` reads the page's shaded tables
as one table:

* shaded tables (nine in ten of their cells filled, not white) sharing their right edge, one right below
  (or within) the other, with only rows of theirs between them, are one table; its left edge is the
  leftmost of theirs (rows under a group label printed once start right of it);
* each band between their rows (the gaps between the cells reaching the right edge) is a bare row, or bare
  rows around a shaded row of one cell pdfplumber finds no table in; a bare row's cells are those of the
  shaded row next to it with more cells (a header's bottom row, a data row); one cell across when only its
  first holds text (a title row); left of them a cell of its own when a label stands there, or its first cell
  widened when its label reaches there; a band a word runs across a border of (a sentence, a heading) is
  no row, and two shaded tables with one between them stay apart; so is a band a cell of which holds values
  on two lines (``46`` over ``10``, ``无`` over ``36``: two bare rows parted by a rule that is no shading,
  which one row would read as ``4610``): its rows are left to the text layer;
* the row right below the last shaded row, as tall as it, is a row of the table too, when no character
  crosses its bottom, all of its text lies within the table, no word runs across a border of its cells,
  two cells at least hold text (a label and a value: a paragraph after the table does not) and no cell
  holds numbers on two lines (a shaded header taller than a data row, over a table printed without inner
  rules: the band below it holds two rows or more, read from the text layer as the rows after them).

A page whose shaded tables are not so (a single shaded box, a filled header of a ruled table) is read as
before.
"""

from __future__ import annotations

import unicodedata
from typing import Any

__all__ = ["join_shaded"]

_TOL = 2.0                 # points: two edges this close are the same edge
_MAX_BAND = 80.0           # points: a bare row between two shaded rows is at most this tall (four wrapped lines)
_WORD_GAP = 0.3            # font sizes: two characters of a line closer than this are one word
_COVERED = 0.9             # a shaded cell: fills cover this share of it; a shaded table: this share of its cells
_VALUE_MARKS = frozenset("./,，／—–-－无")   # besides digits, what a value cell prints
_WHITE = 0.97              # a fill this light (every component) is paper, not shading

Box = tuple[float, float, float, float]     # x0, top, x1, bottom


def _shade(rect: dict[str, Any]) -> bool:
    """A filled rectangle of a visible colour."""
    if not rect.get("fill"):
        return False
    colour = rect.get("non_stroking_color")
    if isinstance(colour, (int, float)):
        colour = (colour,)
    if not isinstance(colour, (tuple, list)) or not colour:
        return True
    if len(colour) == 4:                                    # CMYK: no ink is white
        return any(float(c) > 1 - _WHITE for c in colour)
    return any(float(c) < _WHITE for c in colour)


def _shaded(table: Any, fills: list[Box]) -> bool:
    """Whether the table's cells are filled rectangles (its rows are shaded, not ruled): nine in ten of its
    cells covered by fills."""
    def covered(cell: Box) -> bool:
        x0, top, x1, bottom = cell
        area = (x1 - x0) * (bottom - top)
        return area > 0 and sum(max(0.0, min(x1, f[2]) - max(x0, f[0])) * max(0.0, min(bottom, f[3]) - max(top, f[1]))
                                for f in fills) >= _COVERED * area
    cells = [tuple(c) for c in table.cells]
    return bool(cells) and sum(map(covered, cells)) >= _COVERED * len(cells)


def _band_chars(chars: list[dict[str, Any]], top: float, bottom: float) -> list[dict[str, Any]]:
    return [c for c in chars if c["text"].strip() and top <= (c["top"] + c["bottom"]) / 2 < bottom]


def _within(chars: list[dict[str, Any]], x0: float, x1: float) -> bool:
    return all(c["x0"] >= x0 - _TOL and c["x1"] <= x1 + _TOL for c in chars)


def _cut(chars: list[dict[str, Any]], edge: float) -> bool:
    """Whether a word of ``chars`` runs across the vertical line at ``edge``."""
    line = sorted(chars, key=lambda c: (round(c["top"]), c["x0"]))
    for a, b in zip(line, line[1:]):
        if abs(a["top"] - b["top"]) > 1 or b["x0"] - a["x1"] > _WORD_GAP * max(a.get("size") or 1, 1.0):
            continue
        if (a["x0"] + a["x1"]) / 2 < edge < (b["x0"] + b["x1"]) / 2:
            return True
    return any(c["x0"] + _TOL < edge < c["x1"] - _TOL for c in chars)


def _borders(cells: list[Box]) -> list[float]:
    xs = sorted({c[0] for c in cells} | {c[2] for c in cells})
    return [x for k, x in enumerate(xs) if k == 0 or x - xs[k - 1] > _TOL]


def _band_row(columns: list[Box], chars: list[dict[str, Any]], top: float, bottom: float,
              left: float) -> list[Box] | None:
    """The cells of a bare band under ``columns``' borders; one cell across them when only the first holds
    text (a title row); None when a word runs across a border (the band is no row of the table). Left of
    the columns, down to the table's ``left`` edge: a label reaching there widens the first cell (a row whose
    label spans the label columns); else a cell of its own when it holds text (a label printed once across
    the rows it heads, as a merged cell), none when it is blank (as a merged cell covers it)."""
    xs = _borders(columns)
    if not xs or any(_cut(chars, x) for x in xs[1:-1]):
        return None
    if xs[0] > left + _TOL and _cut(chars, xs[0]):
        xs[0] = left
    cells = [(a, top, b, bottom) for a, b in zip(xs, xs[1:])]
    if _filled_cells(cells[1:], chars) == 0:
        cells = [(xs[0], top, xs[-1], bottom)]
    head = (left, top, xs[0], bottom)
    return ([head] if xs[0] > left + _TOL and _filled_cells([head], chars) else []) + cells


def _filled_cells(cells: list[Box], chars: list[dict[str, Any]]) -> int:
    return sum(any(c[0] <= (ch["x0"] + ch["x1"]) / 2 < c[2] for ch in chars) for c in cells)


def _value_char(text: str) -> bool:
    """A character a value cell prints: a digit, a decimal point or separator, or an empty cell's mark (in
    whatever code point the font maps it to: the Kangxi radical ``⽆`` for 无)."""
    t = unicodedata.normalize("NFKC", text.strip())
    return t.isdigit() or t in _VALUE_MARKS


def _stacked(cells: list[Box], chars: list[dict[str, Any]]) -> bool:
    """Whether a cell of a band holds values on two lines or more (numbers, or an empty cell's mark over a
    number: ``无`` over ``36``): the band is several printed rows (under a shaded header taller than a data
    row, its first two rows; two bare rows between shaded ones whose parting rule is no shading, ``46`` over
    ``10`` that would read as 4610), not one row whose label wraps."""
    for x0, _, x1, _ in cells:
        inside = [c for c in chars if x0 <= (c["x0"] + c["x1"]) / 2 < x1]
        if inside and all(_value_char(c["text"]) for c in inside):
            tops = sorted(c["top"] for c in inside)
            if tops[-1] - tops[0] > min(c["bottom"] - c["top"] for c in inside):
                return True
    return False


def _fill_rows(fills: list[Box], x0: float, x1: float, top: float, bottom: float) -> list[list[Box]]:
    """The shaded rows lying between ``top`` and ``bottom`` within ``x0``..``x1`` (a row pdfplumber finds
    no table in: one filled cell across the table), each its fills, top to bottom."""
    inside = sorted((f for f in fills if f[1] >= top - _TOL and f[3] <= bottom + _TOL and f[0] >= x0 - _TOL
                     and f[2] <= x1 + _TOL and f[3] - f[1] > _TOL), key=lambda f: (f[1], f[0]))
    rows: list[list[Box]] = []
    for f in inside:
        if rows and abs(rows[-1][0][1] - f[1]) <= _TOL and abs(rows[-1][0][3] - f[3]) <= _TOL:
            rows[-1].append(f)
        else:
            rows.append([f])
    return rows


def _gap_rows(above: list[Box], below: list[Box], fills: list[Box], chars: list[dict[str, Any]],
              x0: float, x1: float, top: float, bottom: float) -> list[Box] | None:
    """The cells of the rows between two shaded rows (``above``'s and ``below``'s cells): the shaded rows
    lying between them and the bare bands between those (see :func:`_band_row`, under the cells of the
    neighbour with more cells); None when a band is no row of the table."""
    out: list[Box] = []
    rows = _fill_rows(fills, x0, x1, top, bottom)
    edges = [top, *(y for r in rows for y in (r[0][1], r[0][3])), bottom]
    neighbours = [above, *rows, below]
    for k in range(len(neighbours) - 1):
        b_top, b_bottom = edges[2 * k], edges[2 * k + 1]
        band = _band_chars(chars, b_top, b_bottom)
        if band:
            up, down = neighbours[k], neighbours[k + 1]
            row = _band_row(up if len(up) >= len(down) else down, band, b_top, b_bottom, x0)
            if row is None or not _within(band, x0, x1) or _stacked(row, band):
                return None
            out += row
        if k + 1 < len(neighbours) - 1:
            out += neighbours[k + 1]
    return out


def _edge_row(cells: list[Box], y: float, above: bool) -> list[Box]:
    """The cells whose bottom (``above``) or top is at ``y``, left to right."""
    return sorted((c for c in cells if abs((c[3] if above else c[1]) - y) <= _TOL), key=lambda c: c[0])


def _bands(cells: list[Box], x1: float) -> list[tuple[float, float]]:
    """The bands between the rows of ``cells``: the gaps between the cells reaching the right edge ``x1``."""
    spans = sorted((c[1], c[3]) for c in cells if abs(c[2] - x1) <= _TOL)
    out: list[tuple[float, float]] = []
    reach = spans[0][1] if spans else 0.0
    for top, bottom in spans[1:]:
        if top > reach + _TOL:
            out.append((reach, top))
        reach = max(reach, bottom)
    return out


def _free(chars: list[dict[str, Any]], cells: list[Box]) -> list[dict[str, Any]]:
    """The characters outside every cell (a tall label cell's text is the cell's)."""
    def inside(c: dict[str, Any], b: Box) -> bool:
        x, y = (c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2
        return b[0] <= x < b[2] and b[1] <= y < b[3]
    return [c for c in chars if not any(inside(c, b) for b in cells)]


def _joined(run: list[Any], fills: list[Box], chars: list[dict[str, Any]], x0: float) -> list[Box] | None:
    """The cells of a run of shaded tables as one table from its left edge ``x0``, with its bare rows;
    None when it has none."""
    cells: list[Box] = list(dict.fromkeys(tuple(c) for t in run for c in t.cells))   # type: ignore[misc]
    count, x1 = len(cells), run[0].bbox[2]
    chars = _free(chars, cells)
    for top, bottom in _bands(cells, x1):
        cells += _gap_rows(_edge_row(cells, top, True), _edge_row(cells, bottom, False), fills, chars, x0, x1,
                           top, bottom) or []
    last = max((c for c in cells if abs(c[2] - x1) <= _TOL), key=lambda c: c[3])
    top, bottom = last[3], 2 * last[3] - last[1]
    band = _band_chars(chars, top, bottom)
    crossing = any(c["text"].strip() and c["top"] < bottom - _TOL < c["bottom"] for c in chars)
    if band and not crossing and _within(band, x0, x1):
        row = _band_row(_edge_row(cells, top, True), band, top, bottom, x0)
        if row is not None and _filled_cells(row, band) >= 2 and not _stacked(row, band):
            cells += row
    return cells if len(cells) > count else None


def _left(tables: list[Any], shaded: list[bool], table: Any) -> float:
    """The left edge of the shaded table ``table`` is part of: the leftmost of the shaded tables sharing
    its right edge (rows under a label printed once across them start right of it)."""
    return min(t.bbox[0] for t, s in zip(tables, shaded) if s and abs(t.bbox[2] - table.bbox[2]) <= _TOL)


def _chain(tables: list[Any], shaded: list[bool], fills: list[Box], chars: list[dict[str, Any]]) -> list[list[Any]]:
    """The tables, top to bottom, grouped into runs: shaded tables of the same right edge one right below
    (or within) the other with only rows of theirs between them, each run one printed table (see the module
    docstring); a table not shaded a run of its own."""
    runs: list[list[Any]] = []
    for k, t in enumerate(tables):
        if runs and shaded[k] and shaded[k - 1] and abs(runs[-1][-1].bbox[2] - t.bbox[2]) <= _TOL:
            cells = [tuple(c) for r in runs[-1] for c in r.cells]
            top, bottom = max(c[3] for c in cells), t.bbox[1]
            if bottom <= top + _TOL or bottom - top <= _MAX_BAND and _band_chars(chars, top, bottom) \
                    and _gap_rows(_edge_row(cells, top, True), _edge_row(list(map(tuple, t.cells)), bottom, False),
                                  fills, chars, _left(tables, shaded, t), t.bbox[2], top, bottom) is not None:
                runs[-1].append(t)
                continue
        runs.append([t])
    return runs


def join_shaded(page: Any, found: list[Any]) -> list[Any]:
    """pdfplumber's tables of ``page`` with each run of shaded rows read as one table (see the module
    docstring); the tables unchanged when the page has no shaded table."""
    fills = [(float(r["x0"]), float(r["top"]), float(r["x1"]), float(r["bottom"])) for r in page.rects if _shade(r)]
    if not fills or not found:
        return found
    from pdfplumber.table import Table

    chars = page.chars
    ordered = sorted(found, key=lambda t: t.bbox[1])
    shaded = [_shaded(t, fills) for t in ordered]
    out: list[Any] = []
    for run in _chain(ordered, shaded, fills, chars):
        cells = _joined(run, fills, chars, _left(ordered, shaded, run[0])) \
            if shaded[ordered.index(run[0])] else None
        out += [Table(page, cells)] if cells is not None else run
    return out
