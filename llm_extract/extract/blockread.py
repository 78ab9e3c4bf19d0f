"""Where the row reader left 表三 or 表二 rows unread, read them from PDF text blocks instead.

``pdftotext`` (default mode), ``pdf2txt.py`` and PyMuPDF's ``get_text("blocks")`` print tables as
blocks, not rows (:mod:`.textblocks`). The region reader (:mod:`.table3`, :mod:`.table2`) reads
every other layout; this one is asked only when it left cells missing, and its reading is taken
only whole (all of 表三, or a 表二 row with exactly its count of numbers after its label) and only
where it agrees with every cell the region reader did read (or, for 表三, where the region reader's
differing cells break every identity it breaks, and more). A 表三 whose every cell a block placed by position
alone is taken as the form's order reads it (extract/formorder.py, which checks the labels against the
numbers) where that reading gives the same values and takes the order of its columns from the labels.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from operator import attrgetter, itemgetter

from ..evidence import Ambiguity, CellKind, Method, Reading
from ..form import FORM
from ..schema import TABLE3_PATHS, TABLE4_PATHS
from .blocktext import Number, TextBlocks
from .cells import EMPTY_KINDS
from .blocktiles import ALIKE_METHOD, DOWN_METHOD, LABEL_METHOD, TILE_METHOD, assemble_table3
from .t3instances import table3_broken
from .colgroups import read_column_groups
from .colheads import read_column_heads
from .coltail import read_column_tail
from .blankrow import read_blank_row
from .formorder import read_form_order
from .labelruns import read_label_runs
from .rowheads import read_row_heads
from .headbands import read_head_bands
from .headcells import read_head_cells
from .glued import groups_hold
from .readings import Readings, fits_field, reading
from .staircase import read_staircase
from .t2boxes import table2_boxes
from .t3boxes import named_over_printed, read_table3_boxes
from .t4boxes import BY_COLUMNS, read_table4_boxes
from .t3sideways import read_sideways
from .t4wraps import WRAPPED
from .t4years import OTHER_YEARS
from .textblocks import RowEvidence, read_blocks

__all__ = ["read_text_blocks", "ROW_METHOD", "POSITION_METHOD"]

#: a 表二 cell placed by its section and column headers only (no label beside it, no identity):
#: verify never proves it (``READ.BLOCK_POSITION``, verify/guesses.py)
POSITION_METHOD = Method.TEXT_BLOCK_POSITION

#: 表四's one row, its fifteen numbers in printed order under its header (its group sums holding)
ROW_METHOD = "text-block-row"
_T4_WIDTH = len(FORM.table4_columns)
#: the region reader's 表四: its fifteen numbers in printed order (extract/table4.py)
_PRINTED_ORDER = "row-of-15"

#: the methods of 表三 cells a block placed by position alone (no number beside its label)
_PLACED = frozenset({TILE_METHOD, DOWN_METHOD})
#: the form's order read with its columns' (or blanks') order the text tool's: no better than the blocks' own
_ORDER_GUESSED = frozenset({Method.FORM_ORDER_RUNS, Method.FORM_ORDER_APART})

_T2_ROWS = {r.path: list(r.paths) for r in FORM.table2}
#: two rows' item numbers run together on one line (``(四)无法提供 1.2.本机关不掌握…`` / ``没有现成信息…``): the tool
#: printed two labels as one block, and which number line is whose is a guess
_FUSED_ITEMS = re.compile(r"(?<![\d.])\d\s*[.、．]\s*\d\s*[.、．]\s*[\u4e00-\u9fff]")


#: (表三's 175 cells asked of every document: their readings and kinds gathered in C, not a loop of
#: Reading.missing; the test is the same)
_T3_PATHS = frozenset(TABLE3_PATHS)
_T3_READINGS = itemgetter(*TABLE3_PATHS)
_KIND = attrgetter("kind")
_UNREAD_KINDS = frozenset({CellKind.MISSING, CellKind.ABSENT})
_TEXT = CellKind.TEXT
#: the kinds that hold a value (CellKind.has_value, a property: looked up once, not per cell)
_VALUE_KINDS = frozenset(k for k in CellKind if k.has_value)


def _table3_unread(readings: Readings) -> bool:
    """Whether some 表三 cell is not in ``readings`` or is missing (:attr:`Reading.missing`)."""
    if not readings.keys() >= _T3_PATHS:
        return True
    cells = _T3_READINGS(readings)
    kinds = set(map(_KIND, cells))
    if not _UNREAD_KINDS.isdisjoint(kinds):
        return True
    return _TEXT in kinds and any(r.kind is _TEXT and r.value is None for r in cells)


def _agrees(new: Readings, readings: Readings) -> bool:
    """Every cell the region reader read has the same value in ``new``; or the region reader's differing
    values, put in ``new``'s place, break every identity ``new`` breaks and more (that reader slid a row)."""
    values = {p: r.value for p, r in new.items()}
    differ = {p: readings[p].value for p in new
              if p in readings and not readings[p].missing and readings[p].value != values[p]}
    if not differ:
        return True
    if any(not isinstance(v, int) for v in differ.values()):
        return False
    return table3_broken(values) < table3_broken({**values, **differ})


def _groups_hold(values: list) -> bool:
    """表四's group sums (总计 = the four results), on fifteen integers."""
    return all(isinstance(v, int) for v in values) and groups_hold(values, _T4_WIDTH)


def _table2_row(paths: list[str], ev: RowEvidence, lines: list[str]) -> Readings | None:
    if len(ev.attached) != len(paths) or not _whole_fields(ev.attached, lines) or not _fit(zip(paths, ev.attached)):
        return None                     # exact counts only: a lost or an extra number says nothing of which
    return {p: reading(n.cell, sorted({ev.line, n.line}), LABEL_METHOD)
            for p, n in zip(paths, ev.attached)}


def _more_than_its_cells(first: Reading | None, n: int) -> bool:
    """Whether the region reader left a 表二 row unread for finding more numbers between its label and the next
    text than it has cells (``规章 0 0 2 0``: a page's bare number among them, or a cell split): a block of
    exactly ``n`` of them says nothing of which are its cells."""
    return first is not None and first.missing and first.method == "label+cells" and len(first.raw.split()) > n


def _fit(placed: Iterable[tuple[str, Number]]) -> bool:
    """Whether every number placed in 表二 (path, number) can be its field's: a fraction in a count's place (the fee's
    3.7246 under 现行有效件数) says the placement is off, for every row it placed."""
    return all(fits_field(p, n.cell.plain) for p, n in placed)


def _whole_fields(numbers: list[Number], lines: list[str]) -> bool:
    """Whether the numbers on a tab-separated line are its fields after the label, one number a field: a
    field the blocks read as two numbers (``4 7``, a number split in two) or none (``O``, an OCR'd 0) says
    the count of numbers is not the count of cells."""
    for n in {n.line for n in numbers}:
        line = lines[n - 1] if 0 < n <= len(lines) else ""
        if "\t" in line:
            fields = [f.strip() for f in line.split("\t")[1:] if f.strip()]
            if fields != [m.cell.raw.strip() for m in numbers if m.line == n]:
                return False
    return True


def _row_of_15_broken(readings: Readings) -> bool:
    """表四 read by the region reader as its fifteen numbers in printed order, a group's total breaking."""
    cells = [readings.get(p) for p in TABLE4_PATHS]
    if not all(r is not None and r.method == _PRINTED_ORDER and r.kind in _VALUE_KINDS for r in cells):
        return False
    values = [r.value if r.value is not None else 0 for r in cells if r is not None]
    return all(isinstance(v, int) for v in values) and not _groups_hold(values)


def _same_numbers(placed: list[Number], readings: Readings) -> bool:
    """Whether ``placed`` are the very numbers (lines and values) the region reader read for 表四."""
    cells = [readings[p] for p in TABLE4_PATHS]
    return sorted((n.line, str(n.cell.value)) for n in placed) == sorted((r.lines[-1], str(r.value)) for r in cells)


def _runs_and_heads(lines: list[str]) -> Readings | None:
    """表三's rows printed after their labels wrapped in narrow cells (extract/labelruns.py), with the last rows'
    first cells printed after their labels' first lines (extract/rowheads.py) where the two agree on every cell
    both read."""
    runs, heads = read_label_runs(lines) or {}, read_row_heads(lines) or {}
    if any(runs[p].value != r.value for p, r in heads.items() if p in runs):
        heads = {}
    return {**heads, **runs} or None


def _over_unread(table: Readings | None, readings: Readings) -> Readings | None:
    """``table`` without the cells it leaves unread where the region reader read them (表三's first row printed among
    the column headers, read beside its label: :mod:`.headcells` leaves it to the identities)."""
    if table is None:
        return None
    return {p: r for p, r in table.items() if not (r.missing and p in readings and not readings[p].missing)}


def _unread_only(table: Readings | None, readings: Readings) -> Readings | None:
    """The cells of ``table`` the region reader left unread (a few rows read, never in place of a reading)."""
    left = {p: r for p, r in (table or {}).items() if p not in readings or readings[p].missing}
    return left or None


def _same_where_read(table: Readings | None, readings: Readings) -> Readings | None:
    """``table`` where it gives every cell the region reader read that cell's value, else None."""
    same = table is not None and all(readings[p].value == r.value for p, r in table.items()
                                     if p in readings and not readings[p].missing)
    return table if same else None


def _same_values(a: Readings, b: Readings) -> bool:
    """Whether two readings of 表三 give every cell the same value."""
    return {p: r.value for p, r in a.items()} == {p: r.value for p, r in b.items()}


def _columns_checked(table: Readings, lines: list[str]) -> Readings:
    """表三 with blank and zero cells among those blocks placed: a blank and a 0 printed in one column block may
    have traded places (verify proves neither, ``READ.BLANK_ORDER_COLUMNS``); the same table read from its column
    groups (extract/colgroups.py), which place each cell by its column's header, when that reading gives the
    same values; else the blocks' own."""
    kinds = {r.kind for r in table.values() if r.method in _PLACED}
    if not (kinds & EMPTY_KINDS and CellKind.ZERO in kinds):
        return table
    grouped = read_column_groups(lines)
    return grouped if grouped is not None and _same_values(grouped, table) else table


def _labels_checked(table: Readings, lines: list[str]) -> Readings:
    """表三 whose every cell a block placed by position alone (no number beside its label): the same table
    read in the form's order (extract/formorder.py), which checks where the labels stand against the
    numbers, when that reading gives the same values; else the blocks' own."""
    ordered = read_form_order(lines)
    if ordered is not None and _same_values(ordered, table) \
            and not any(r.method in _ORDER_GUESSED for r in ordered.values()):
        return ordered
    return table


def _assembled(blocks: TextBlocks | None, lines: list[str],
               budget: list[int] | None) -> tuple[Readings | None, Readings | None]:
    """表三 tiled from the text's blocks (extract/blocktiles.py), its labels and columns checked; and apart, the
    table of blocks all of one number read without a tiling (the last resort, unproven). ``budget``: the tiling
    search's states left, shared with the caller's other calls."""
    table = assemble_table3(blocks, budget) if blocks is not None else None
    alike = None
    if table is not None and any(r.method == ALIKE_METHOD for r in table.values()):
        alike, table = table, None
    if table is not None and all(r.method in _PLACED for r in table.values()):
        table = _labels_checked(table, lines)
    if table is not None:
        table = _columns_checked(table, lines)
    return table, alike


def read_text_blocks(lines: list[str], readings: Readings, ambiguities: list[Ambiguity],
                     budget: list[int] | None = None, other_years: Iterable[str] = ()) -> list[Ambiguity]:
    """Fill ``readings`` from the text's blocks where the region reader left them unread; the
    ambiguities left (those of a table now read whole are dropped). ``budget``: the tiling search's states left,
    shared with the caller's other calls (:func:`~.blocktiles.assemble_table3`). ``other_years``: the tables
    printed for two years (:mod:`.yearparts`), whose other lines hold another year's table: not read here."""
    other_years = frozenset(other_years)
    t3 = "表三" not in other_years and _table3_unread(readings)
    t4 = "表四" not in other_years and all(p not in readings or readings[p].missing for p in TABLE4_PATHS) \
        and not any(readings[p].method in (WRAPPED, OTHER_YEARS) for p in TABLE4_PATHS if p in readings)
    #                                   (t4wraps: its options; t4years: another year's row in the lines)
    t2 = [] if "表二" in other_years else \
        [path for path, paths in _T2_ROWS.items() if all(p not in readings or readings[p].missing for p in paths)]
    t4_broken = not t4 and "表四" not in other_years and _row_of_15_broken(readings)
    if not t3 and not t2 and not t4 and not t4_broken:
        return ambiguities
    blocks = read_blocks(lines)
    if t3:
        table, alike = read_sideways(lines), None   # (on its side: the columns named line by line)
        if table is None or not _agrees(table, readings):
            table, alike = _assembled(blocks, lines, budget)
        if table is None or not _agrees(table, readings):
            table = read_form_order(lines)
        if table is None or not _agrees(table, readings):
            table = read_column_groups(lines)
        if table is None or not _agrees(table, readings):
            table = read_column_heads(lines)
        if table is None or not _agrees(table, readings):
            table = read_table3_boxes(lines)
        elif table is not None:                 # (columns in a tool's order: by their headers' boxes instead)
            table = named_over_printed(table, lines)
        if table is None or not _agrees(table, readings):
            table = read_column_groups(lines, blocks=True)    # (blocks of neighbouring columns: weaker)
        if table is None or not _agrees(table, readings):
            table = read_column_tail(lines)     # (the lower rows only: the first ones printed elsewhere)
        if table is None or not _agrees(table, readings):
            table = read_staircase(lines)       # (a few rows: their first cells after their labels, the rest after)
        if table is None or not _agrees(table, readings):
            table = _over_unread(read_head_cells(lines), readings)   # (the first row among the headers, the rest in order)
        if table is None or not _agrees(table, readings):
            table = read_head_bands(lines)      # (bands of rows, those under repeated headers in the page's order)
        if table is None or not _agrees(table, readings):
            table = _unread_only(_same_where_read(read_blank_row(lines), readings), readings)
            #                                     (a row that printed no number: where its marks stand)
        if table is None or not _agrees(table, readings):
            table = _unread_only(_runs_and_heads(lines), readings)   # (rows after their labels in narrow cells)
        if table is None or not _agrees(table, readings):
            table = read_form_order(lines, permute=True)    # (a block's columns in the boxes' order: by the identities)
        if table is None or not _agrees(table, readings):
            table = alike
        if table is not None and _agrees(table, readings):
            readings.update(_fused_labels_guessed(table, lines))
            ambiguities = [a for a in ambiguities if not any(p in table for p in a.paths)]
    row4 = blocks.table4 if blocks is not None and blocks.table4 else []
    if t4 and len(row4) == len(TABLE4_PATHS) and _groups_hold([n.cell.value for n in row4]):
        placed: tuple[list[Number], str] | None = (row4, ROW_METHOD)
    else:                                     # pdf2txt.py's boxes (extract/t4boxes.py), its sums checked there
        placed = read_table4_boxes(lines) if t4 or t4_broken else None
    if t4_broken and placed is not None:      # (its printed order breaks a group: read column by column)
        placed = placed if placed[1] == BY_COLUMNS and _same_numbers(placed[0], readings) else None
    if placed is not None:
        for path, n in zip(TABLE4_PATHS, placed[0]):
            readings[path] = reading(n.cell, [n.line], placed[1])
        ambiguities = [a for a in ambiguities if not any(p.startswith("review_litigation.") for p in a.paths)]
    if blocks is None:
        return _boxed_table2(lines, t2, readings, ambiguities)
    for path in t2:
        if _more_than_its_cells(readings.get(_T2_ROWS[path][0]), len(_T2_ROWS[path])):
            continue
        ev = blocks.table2.get(path)
        row = _table2_row(_T2_ROWS[path], ev, lines) if ev is not None else None
        if row is None:
            placed = [blocks.table2_placed.get(p) for p in _T2_ROWS[path]]
            if all(n is not None for n in placed) and _fit(blocks.table2_placed.items()):
                row = {p: reading(n.cell, [n.line], POSITION_METHOD)
                       for p, n in zip(_T2_ROWS[path], placed) if n is not None}
        if row is not None:
            readings.update(row)
            ambiguities = [a for a in ambiguities if not set(a.paths) & set(row)]
    return _boxed_table2(lines, [path for path in t2 if _T2_ROWS[path][0] not in readings
                                 or readings[_T2_ROWS[path][0]].missing], readings, ambiguities)


def _boxed_table2(lines: list[str], rows: list[str], readings: Readings,
                  ambiguities: list[Ambiguity]) -> list[Ambiguity]:
    """表二's rows still unread, from ``pdf2txt.py``'s boxes (extract/t2boxes.py): whole rows, by position (but
    for the cells of a block its two orders read otherwise, t2boxes leaves out)."""
    placed = table2_boxes(lines) if rows else {}
    if not _fit(placed.items()):
        placed = {}
    for path in rows:
        numbers = [placed.get(p) for p in _T2_ROWS[path]]
        if any(n is not None for n in numbers):
            row = {p: reading(n.cell, [n.line], POSITION_METHOD)
                   for p, n in zip(_T2_ROWS[path], numbers) if n is not None}
            readings.update(row)
            ambiguities = [a for a in ambiguities if not set(a.paths) & set(row)]
    return ambiguities


def _fused_labels_guessed(table: Readings, lines: list[str]) -> Readings:
    """The rows read from blocks, those whose evidence stands on a line of two rows' item numbers run together
    (``1.2.本机关不掌握…``) or the line under it read as a guess (``READ.ABOVE_OR_BELOW``): two labels printed as one
    block, the number lines under them may be either row's."""
    fused = {n for n, line in enumerate(lines, start=1) if _FUSED_ITEMS.search(line)}
    if not fused:
        return table
    near = fused | {n + 1 for n in fused}
    rows = {p.rsplit(".", 1)[0] for p, r in table.items() if near.intersection(r.lines)}
    return {p: r.model_copy(update={"method": Method.CELLS_ABOVE_OR_BELOW}) if p.rsplit(".", 1)[0] in rows else r
            for p, r in table.items()}

