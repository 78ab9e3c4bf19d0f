"""A ruled table printed from a spreadsheet wider than the page: its column blocks joined into one table.

A sheet wider than the paper is printed block by block: the left columns (the row labels and the
first number columns) on one page, the columns that did not fit on the next page, the rows in the
same order at the same heights, with no labels (a page may carry only label columns, the next the last
label column and the first numbers). Read page by page, the first part is a table of labels whose
rows have one or two cells, the next a table of unlabelled numbers. :func:`join_spilled` puts the
parts back side by side: a part is the next block of the table before it when

* it is the first ruled table of the page right after that table's last block, and that table is the
  last of its page; it does not have that table's columns (then it is the table's rows continued over a
  page break, :func:`~.pdf_tables.continue_table`);
* both start and end at the same height, and have two rows or more (some styles print a table row by row,
  each row a ruled table of its own: such rows on consecutive pages may stand at the same heights);
* the one holds columns of the other's kind: the part on the later page prints no label below its
  header, or the part before prints no value (its label columns alone);
* their rows line up: every cell of either ends where a row of one of them starts (or at their common
  bottom), and no cell holding a value is cut by a row of the other part (a label may span rows, a
  number never does).

The rows of the joined table are the rows of the parts, left part first. Label columns printed without
rules (:func:`label_column`) on the page before a table whose rows print no label of their own (their
first position covered by a cell starting off the page: a label merged over columns) are those rows'
labels where each such line stands beside exactly one of those rows; a line beside a row with its own
label (a group's label printed at its middle row) stays a line. Anything else is left as
it was: blocks that do not tile one table are not guessed at. Whether the columns the join put side by
side are the table's the identities then check (row sums, column sums), as for any table read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .pdf_lines import TextLine
from .pdf_tables import PdfCell, PdfTable, build_table, can_continue, cell_text

__all__ = ["join_spilled", "spill_of", "join_parts", "label_column"]

_TOL = 3.0               # points: two heights this close are the same height
_VALUE = re.compile(r"^(?:[0-9０-９][0-9０-９,，.．]*|[—–\-－/／]+|无|不适用)$")   # a number or a placeholder


def _is_value(cell: PdfCell | None) -> bool:
    return cell is not None and bool(_VALUE.match(cell.text.strip()))


def _is_label(cell: PdfCell | None) -> bool:
    return cell is not None and bool(cell.text.strip()) and not _VALUE.match(cell.text.strip())


def _cells(table: PdfTable) -> list[PdfCell]:
    return [c for row in table.rows for c in row if c is not None]


def _row_top(row: Sequence[PdfCell | None]) -> float:
    return min(c.top for c in row if c is not None)


def _tops(tables: Sequence[PdfTable]) -> list[float]:
    """Every row top of ``tables``, heights within the tolerance taken as one."""
    out: list[float] = []
    for top in sorted(_row_top(r) for t in tables for r in t.rows):
        if not out or top - out[-1] > _TOL:
            out.append(top)
    return out


def _index(tops: list[float], y: float) -> int | None:
    return next((i for i, t in enumerate(tops) if abs(t - y) <= _TOL), None)


def _body(table: PdfTable) -> list[PdfCell]:
    """The cells of ``table`` below its header rows."""
    return [c for row in table.rows[table.header:] for c in row if c is not None]


def spill_of(left: PdfTable, part: PdfTable) -> bool:
    """True when ``part`` (a table on a later page) is the next column block of ``left`` (see the module
    docstring; the pages and the order on them are :func:`join_spilled`'s to check)."""
    if abs(left.top - part.top) > _TOL or abs(left.bottom - part.bottom) > _TOL or min(len(left.rows), len(part.rows)) < 2:
        return False                                   # (a table printed row by row: one-row tables)
    if any(_is_label(c) for c in _body(part)) and any(_is_value(c) for c in _cells(left)):
        return False
    tops = _tops([left, part])
    bounds = tops + [max(left.bottom, part.bottom)]
    for cell in _cells(left) + _cells(part):
        end = _index(bounds, cell.bottom)
        if end is None:                                # a cell ending where no row of either part starts
            return False
        start = _index(tops, cell.top)
        if _is_value(cell) and start is not None and end - start != 1:
            return False                               # a number cut by a row of the other part
    return True


def join_parts(left: PdfTable, part: PdfTable) -> PdfTable:
    """One table of ``left`` and ``part`` side by side, row by row at the same heights; a position of a
    part without a row at some height is covered by one of its cells spanning rows (None)."""
    tops = _tops([left, part])
    width = [left.columns, part.columns]
    rows: list[list[PdfCell | None]] = [[] for _ in tops]
    for k, table in enumerate((left, part)):
        placed: dict[int, list[PdfCell | None]] = {}
        for row in table.rows:
            i = _index(tops, _row_top(row))
            if i is not None:
                placed[i] = list(row) + [None] * (width[k] - len(row))
        for i in range(len(tops)):
            rows[i] += placed.get(i, [None] * width[k])
    joined = build_table(rows, left.page)
    joined.edges = []                # columns of several pages: no part on a later page continues them
    return joined


def _row_spans(table: PdfTable) -> list[tuple[float, float]]:
    tops = [_row_top(r) for r in table.rows]
    return list(zip(tops, tops[1:] + [table.bottom]))


def _unlabelled(part: PdfTable, i: int) -> bool:
    """True when row ``i`` of ``part`` holds values and no label, its first position covered by a cell that
    starts off the page (a label merged over columns printed on the page before): no cell of ``part``
    spans down over it."""
    row = part.rows[i]
    if i < part.header or row[0] is not None or any(_is_label(c) for c in row) or not any(_is_value(c) for c in row):
        return False
    top = _row_top(row)
    return not any(c.x0 <= part.x0 + _TOL and c.top < top - _TOL < top + _TOL < c.bottom for c in _cells(part))


def label_column(lines: Sequence[TextLine], part: PdfTable) -> tuple[PdfTable, list[TextLine]] | None:
    """The labels of ``part``'s rows printed without rules on the page before it, as a table of one column
    at ``part``'s rows, and the lines it takes; None when those lines are not that (see the module
    docstring): a line beside ``part``'s rows holds a value, or stands in no row or across two; a line in
    a row that prints its own label, or whose first position is a cell of its own or of a label above it,
    stays where it is (a group's label printed beside its middle row)."""
    spans = _row_spans(part)
    beside = [ln for ln in lines if not ln.furniture and part.top - _TOL <= _middle(ln) <= part.bottom + _TOL]
    if not beside or any(w.is_value for ln in beside for w in ln.words) or not part.header < len(part.rows):
        return None
    texts: list[list[str]] = [[] for _ in spans]
    taken: list[TextLine] = []
    for ln in beside:
        rows = [i for i, (top, bottom) in enumerate(spans) if ln.top < bottom - _TOL and ln.bottom > top + _TOL]
        bare = [i for i in rows if _unlabelled(part, i)]
        if not bare:
            continue                      # beside rows with their own labels (or the header): not theirs
        if len(rows) != 1:
            return None                   # across a row without a label: whose it is is a guess
        texts[bare[0]].append(ln.text.replace("\t", " "))
        taken.append(ln)
    if not taken:
        return None
    x0 = min(w.x0 for ln in taken for w in ln.words) if all(ln.words for ln in taken) else part.x0
    rows = [[PdfCell(cell_text("\n".join(t)), x0, x0 + 1.0, top, bottom)] for t, (top, bottom) in zip(texts, spans)]
    return build_table(rows, part.page), taken


def _middle(line: TextLine) -> float:
    return (line.top + line.bottom) / 2


def join_spilled(pages: Sequence[list[PdfTable]], lines: Sequence[list[TextLine]] | None = None) -> None:
    """Join, in place, every table's column blocks printed on the pages after it (see the module
    docstring): ``pages`` holds each page's ruled tables, top to bottom, pages in order, and ``lines`` each
    page's text lines outside them; a joined part is removed from its page and the table it continues
    replaced by the joined table; label lines joined to the table on the next page are removed from theirs."""
    holder: list[PdfTable] | None = None       # the list holding the last table seen, last on its page
    last_page = 0                              # the page that table's last block is printed on
    for k, tables in enumerate(pages):
        if not tables:
            continue
        part = tables[0]
        if holder is not None and part.page == last_page + 1 and not can_continue(holder[-1], part) \
                and spill_of(holder[-1], part):
            holder[-1] = join_parts(holder[-1], part)
            tables.pop(0)
            last_page = part.page
            if not tables:
                continue
        elif lines is not None and k > 0 and not pages[k - 1] and lines[k - 1] \
                and lines[k - 1][0].page == part.page - 1 and (found := label_column(lines[k - 1], part)):
            left, taken = found
            tables[0] = join_parts(left, part)
            lines[k - 1][:] = [ln for ln in lines[k - 1] if all(ln is not t for t in taken)]
        holder, last_page = tables, tables[-1].page
