"""Cells placed by their order in one list of numbers stand or fall together.

表四's fifteen numbers are placed by the order the text gives them in (``llm_extract/extract/table4.py``,
method ``row-of-15``). Printed as rows (one row of fifteen, three rows of five), that order is the
table's; so is a web page's or Word file's table rows' (method ``table-rows-of-15``: each cell a line). Printed one number to a line, it is the order a text tool chose: pdftotext's default mode on a
word processor's PDF gave ``0 5 0 1 6 / 1 0 0 1 0 / 3 0 0 1 4`` for ``1 0 0 0 1 / 5 0 1 0 6 / 3 0 0 1 4``,
and the first group's total still holds, by chance. So where such a list breaks one of its identities,
its order is in doubt, and a group whose identity holds is not proven by it: each of its cells is
``unverified`` (``READ.SEQUENCE_BROKEN``); the cells of the broken group are disputed as always.

A 表三 row is such a list too where its seven cells stand one to a line far from their label (pdftotext's
default mode printing the row's label at a page's foot, its cells after the next page's repeated header):
the order is the tool's, and a blank and a 0 trade places keeping every identity (``0 0 —`` for ``0 — 0``).
Where such a row holds both, its blanks and zeros are ``unverified`` (``READ.BLANK_ORDER``,
:func:`blanks_out_of_order`); its other numbers the identities check as always.

Rows printed column by column are such lists too (``pdf2txt.py`` printing a page's cells box by box, a
column's cells for the page's rows, then the next column's): the order of the boxes is the one pdfminer's
grouping chose, which may put a column's last cell after the next column's first, and a blank and a 0 in
that block trade places keeping every identity. Where a block of rows whose cells interleave (between two
cells of one row stand another row's) holds both, its blanks and zeros are ``unverified``
(``READ.BLANK_ORDER_COLUMNS``, :func:`blanks_in_column_blocks`). So are the cells of a block of numbers
placed by its position alone (``text-block-column``: a run that follows no label, tiled over rows and columns
by exact counts, ``llm_extract/extract/blocktiles.py``): where those cells hold both a blank and a 0, the
identities cannot tell which stands where.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Set as AbstractSet

from llm_extract.evidence import CellKind, Finding, Reading
from llm_extract.form import FORM

from .survey import Survey

__all__ = ["SEQUENCE_RULE", "placed_in_broken_sequence", "BLANK_ORDER_RULE", "blanks_out_of_order",
           "BLANK_COLUMNS_RULE", "blanks_in_column_blocks", "one_to_a_line"]

SEQUENCE_RULE = "READ.SEQUENCE_BROKEN"
BLANK_ORDER_RULE = "READ.BLANK_ORDER"
BLANK_COLUMNS_RULE = "READ.BLANK_ORDER_COLUMNS"
#: a row's first cell more lines than this after its label: the cells are not printed beside it
_NEAR = 8
_AFTER_LABEL = "cells-after-label"
#: a row read after its labels in 表三's two column parts (llm_extract/extract/splitparts.py)
_PARTS = "cells-after-labels-in-parts"
_BLANKS = frozenset({CellKind.PLACEHOLDER, CellKind.BLANK})
#: the reading method of a block of numbers placed by its position alone (extract/blocktiles.py)
_TILED = "text-block-column"
#: reading method of a list placed by its order → the code prefix of the identities over it
_SEQUENCES = {"row-of-15": "T4."}
#: more lines than this: one number to a line (three rows of five use three)
_AS_ROWS = 3
#: each 表三 row's seven cell paths, in column order (made once: these checks run on every document)
_ROW_PATHS = tuple([f"applications.{row.key}.{c.key}" for c in FORM.table3_columns] for row in FORM.table3_rows)
#: the kinds of a cell that holds no value (``CellKind.has_value`` false)
_NO_VALUE = frozenset({CellKind.MISSING, CellKind.TEXT, CellKind.ABSENT})


def placed_in_broken_sequence(readings: Mapping[str, Reading], findings: Iterable[Finding]) -> set[str]:
    """The read paths of every list placed one number to a line by its order, one of whose identities breaks."""
    broken = [f for f in findings if f.severity == "error"]
    out: set[str] = set()
    if not broken:
        return out                  # (most documents: no identity broken, no list in doubt)
    for method, prefix in _SEQUENCES.items():
        paths = [p for p, r in readings.items() if r.method == method and r.value is not None]
        lines = {n for p in paths for n in readings[p].lines}
        if len(lines) > _AS_ROWS and any(f.code.startswith(prefix) and not set(f.paths).isdisjoint(paths)
                                         for f in broken):
            out.update(paths)
    return out


def blanks_out_of_order(readings: Mapping[str, Reading], survey: Survey | None = None) -> set[str]:
    """The blank and zero cells of every 表三 row whose cells stand one to a line far from their label
    (see the module docstring), when the row holds both (``survey``: of ``readings``, verify/survey.py,
    where known: it tells the rows that hold a blank)."""
    out: set[str] = set()
    if not _blank_and_zero(readings, survey):
        return out
    for paths in _ROW_PATHS:
        if survey is not None and survey.blanks.isdisjoint(paths):
            continue                # (no blank in the row: it does not hold both)
        cells = [readings.get(p) for p in paths]
        if any(r is None or len(r.lines) != 2 for r in cells):
            continue
        label = min(r.lines[0] for r in cells if r is not None)
        lines = [r.lines[1] for r in cells if r is not None]
        if len(set(lines)) == len(lines) and min(lines) - label > _NEAR \
                and _both({r.kind for r in cells if r is not None}):
            out.update(p for p, r in zip(paths, cells) if r is not None and (r.kind in _BLANKS or r.kind is CellKind.ZERO))
    return out


def one_to_a_line(readings: Mapping[str, Reading]) -> set[str]:
    """The cells of every 表三 row read after its label from numbers one to a line (pdftotext's default mode):
    which row such a run of numbers is, the text's order says, and a model reading that text meets the same
    doubt, so its agreeing proves no cell the identities could not check (verify/crosscheck.py)."""
    out: set[str] = set()
    for paths in _ROW_PATHS:
        cells = [readings.get(p) for p in paths]
        if any(r is None or r.method != _AFTER_LABEL or len(r.lines) != 2 for r in cells):
            continue
        if len({r.lines[1] for r in cells if r is not None}) == len(cells):
            out.update(paths)
    return out


_Row = tuple[list[str], list[Reading], list[int]]


def _cell_lines(readings: Mapping[str, Reading]) -> list[_Row]:
    """Each 表三 row read whole with its seven cells on seven lines: its paths, readings and each cell's line."""
    return [row for paths in _ROW_PATHS if (row := _whole_row(readings, paths)) is not None]


def _whole_row(readings: Mapping[str, Reading], paths: list[str]) -> _Row | None:
    """A 表三 row's paths, readings and each cell's line, where it was read whole with its seven cells on seven
    lines; else None."""
    cells: list[Reading] = []
    lines: list[int] = []
    for p in paths:             # (one loop, no generator: this runs on every row of a document with blanks)
        r = readings.get(p)
        if r is None or not r.lines or r.kind in _NO_VALUE:
            return None
        cells.append(r)
        lines.append(r.lines[-1])
    if len(set(lines)) != len(lines):
        return None
    return paths, cells, lines


def blanks_in_column_blocks(readings: Mapping[str, Reading], survey: Survey | None = None) -> set[str]:
    """The blank and zero cells of every block of 表三 rows printed column by column (see the module
    docstring), when the block holds both (``survey``: of ``readings``, verify/survey.py, where known)."""
    if not _blank_and_zero(readings, survey):
        return set()
    tiled = [(p, r) for p, r in readings.items() if r.method == _TILED and p.startswith("applications.")] \
        if survey is None or _TILED in survey.methods else []
    out: set[str] = _blanks_and_zeros(tiled)
    if survey is not None and not any(_whole_row(readings, paths) is not None for paths in _ROW_PATHS
                                      if not survey.blanks.isdisjoint(paths)):
        return out                  # (no row read whole holds a blank: no block of them holds both)
    # (rows read after their labels in each of two column parts, extract/splitparts.py, are printed row by row in
    # each part: a row's second part stands after every row's first, an interleaving of the parts, not of the rows)
    rows = sorted((row for row in _cell_lines(readings) if any(r.method != _PARTS for r in row[1])),
                  key=lambda row: min(row[2]))
    blocks: list[list[_Row]] = []
    end = -1
    for row in rows:
        if blocks and min(row[2]) < end:        # a cell of this row stands among the rows before
            blocks[-1].append(row)
        else:
            blocks.append([row])
        end = max(end, max(row[2]))
    for block in blocks:
        if len(block) > 1:
            out |= _blanks_and_zeros([(p, r) for paths, rs, _ in block for p, r in zip(paths, rs)])
    return out


def _both(kinds: AbstractSet[CellKind]) -> bool:
    """Whether cells of these kinds hold a blank (or a placeholder) and a 0."""
    return bool(kinds & _BLANKS) and CellKind.ZERO in kinds


def _blank_and_zero(readings: Mapping[str, Reading], survey: Survey | None = None) -> bool:
    """Whether any cell of the document reads blank (or a placeholder) and any reads 0: a row or block flags its
    cells only where it holds both, so without both anywhere no check here finds anything (most documents)."""
    return _both(survey.kinds if survey is not None else {r.kind for r in readings.values()})


def _blanks_and_zeros(cells: list[tuple[str, Reading]]) -> set[str]:
    """The blank and zero cells among ``cells``, when they hold both; else none."""
    if not _both({r.kind for _, r in cells}):
        return set()
    return {p for p, r in cells if r.kind in _BLANKS or r.kind is CellKind.ZERO}
