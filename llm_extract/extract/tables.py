"""Read 表二, 表三 and 表四 from their regions.

Each reader returns readings (path → :class:`Reading`) and ambiguities. A cell
that cannot be read with certainty is *missing* or part of an ambiguity: the
verifier, not the reader, decides what the identities pin down.
"""

from __future__ import annotations

from decimal import Decimal
from itertools import combinations

from ..evidence import Ambiguity, CellKind, Reading
from ..schema import APPLICANT_COLUMNS, APPLICATION_ROWS, REVIEW_COLUMNS, REVIEW_GROUPS
from .cells import Cell, parse_cell
from .labels import TABLE2_LABELS, TABLE3_LABELS, match_row
from .layout import Item, Region, label_key

__all__ = ["read_table2", "read_table3", "read_table4", "Readings"]

Readings = dict[str, Reading]
_MAX_GAP_OPTIONS = 120


def _reading(cell: Cell, lines: list[int], method: str) -> Reading:
    value = cell.value
    if isinstance(value, Decimal) and value == value.to_integral_value():
        value = int(value)
    return Reading.trusted(value=value, kind=cell.kind, raw=cell.raw, lines=lines, method=method, note=cell.note)


def _missing(raw: str, lines: list[int], method: str, note: str) -> Reading:
    return Reading.trusted(value=None, kind=CellKind.MISSING, raw=raw, lines=lines, method=method, note=note)


# ── 表二 ─────────────────────────────────────────────────────────────────────────

_T2_COLUMNS = {3: ("issued", "repealed", "in_force"), 1: ("",)}


def read_table2(region: Region) -> Readings:
    out: Readings = {}
    items = region.items
    for prefix, pattern, n in TABLE2_LABELS:
        for i, item in enumerate(items):
            if not item.is_text or not match_row(item.key, pattern):
                continue
            values: list[Item] = []
            for nxt in items[i + 1:]:
                if nxt.is_text or len(values) == n:
                    break
                values.append(nxt)
            paths = [f"{prefix}.{c}" if c else prefix for c in _T2_COLUMNS[n]]
            if len(values) == n:
                for path, v in zip(paths, values):
                    r = _reading(v.cell, [item.line, v.line], "label+cells")
                    if path.endswith("fees_10k_yuan") or not isinstance(r.value, Decimal):
                        out[path] = r
                    else:
                        out[path] = _missing(v.raw, [v.line], "label+cells", "a decimal where a count belongs")
            else:
                note = f"{len(values)} value cells after the label, {n} expected"
                for path in paths:
                    out[path] = _missing(" ".join(v.raw for v in values), [item.line], "label+cells", note)
            break
    return out


# ── 表三 ─────────────────────────────────────────────────────────────────────────

def _find_labels(items: list[Item]) -> dict[str, int]:
    """Item index of each 表三 row label, matched in form order."""
    found: dict[str, int] = {}
    pos = 0
    for row, pattern in TABLE3_LABELS:
        for i in range(pos, len(items)):
            it = items[i]
            if it.is_text and match_row(it.key, pattern):
                found[row] = i
                pos = i + 1
                break
    return found


def _row_sum_holds(cells: list[Cell]) -> bool:
    values = [c.value or 0 for c in cells]
    return values[6] == sum(values[:6])


def _gap_options(numbers: list[int], width: int) -> list[list[int | None]]:
    """Every way to place ``numbers`` (in order) into ``width`` slots; other slots unknown."""
    options = []
    for slots in combinations(range(width), len(numbers)):
        row: list[int | None] = [None] * width
        for s, v in zip(slots, numbers):
            row[s] = v
        options.append(row)
    return options


def _row_readings(row: str, cells: list[Cell] | None, numbers: list[Item], label: Item,
                  method: str, out: Readings, ambiguities: list[Ambiguity],
                  cell_lines: list[int] | None = None) -> None:
    paths = [f"applications.{row}.{c}" for c in APPLICANT_COLUMNS]
    lines = sorted({label.line, *(n.line for n in numbers)})
    raw = " ".join(n.raw for n in numbers)
    has_number = cells is not None and any(c.is_number for c in cells)
    has_blank = cells is not None and any(not c.is_number for c in cells)
    # A blank beside numbers is a blank cell in a cell-per-line export (when the row adds up),
    # but a lost cell in tab-separated PDF text, where the columns slide.
    lost_blanks = has_number and has_blank and (method == "tab-row" or not _row_sum_holds(cells or []))
    if cells is not None and not lost_blanks:
        for i, (path, cell) in enumerate(zip(paths, cells)):
            item_line = cell_lines[i] if cell_lines else label.line
            out[path] = _reading(cell, sorted({label.line, item_line}), method)
        return
    # Fewer numbers than columns, or blanks that break the row: which cells were lost is unknown.
    nums = [int(n.cell.value) for n in numbers if n.cell.is_number and isinstance(n.cell.value, int | Decimal)]
    note = f"{len(nums)} numbers for 7 columns" if len(nums) != 7 else "blank cells break the row total"
    for path in paths:
        out[path] = _missing(raw, lines, method, note)
    if 0 < len(nums) < 7:
        options = _gap_options(nums, 7)
        if len(options) <= _MAX_GAP_OPTIONS:
            ambiguities.append(Ambiguity(paths=paths, options=options, raw=raw, lines=lines,
                                         reason=f"row {row}: {note}; the lost cells' positions are unknown"))


def _tab_window(items: list[Item], labels: dict[str, int]) -> int | None:
    """The modal field index of the first of seven numbers on a tab-separated row."""
    starts: dict[int, int] = {}
    value_cols: dict[int, list[int]] = {}
    for it in items:
        if it.is_value and it.col is not None:
            value_cols.setdefault(it.line, []).append(it.col)
    for idx in labels.values():
        cols = value_cols.get(items[idx].line, [])
        if len(cols) == 7 and cols == list(range(cols[0], cols[0] + 7)):
            starts[cols[0]] = starts.get(cols[0], 0) + 1
    return max(starts, key=lambda k: starts[k]) if starts else None


def read_table3(region: Region) -> tuple[Readings, list[Ambiguity]]:
    items = region.items
    labels = _find_labels(items)
    out: Readings = {}
    ambiguities: list[Ambiguity] = []
    order = sorted(labels.items(), key=lambda kv: kv[1])
    tabbed = any(it.col is not None for it in items)
    window = _tab_window(items, labels) if tabbed else None
    for k, (row, idx) in enumerate(order):
        nxt = order[k + 1][1] if k + 1 < len(order) else len(items)
        label = items[idx]
        span = [it for it in items[idx + 1:nxt] if it.is_value]
        cells: list[Cell] | None = None
        if window is not None and label.col is not None:
            same_line = [it for it in span if it.line == label.line]
            by_col = {it.col: it for it in same_line}
            numbers = [it for it in same_line if it.cell.is_number]
            if len(numbers) == 7:                       # seven numbers for seven columns
                cells = [it.cell for it in numbers]
            elif numbers and all(window <= (it.col or 0) < window + 7 for it in numbers):
                cells = [by_col[c].cell if c in by_col else parse_cell("") for c in range(window, window + 7)]
            elif not same_line and (label.width or 0) >= window + 7:   # every cell of the row is blank
                cells = [parse_cell("") for _ in range(7)]
            _row_readings(row, cells, numbers, label, "tab-row", out, ambiguities)
            continue
        numbers = [it for it in span if it.cell.is_number]
        chosen: list[Item] | None = None
        if len(span) >= 7 and all(n in span[:7] for n in numbers):   # identity comparison (eq=False)
            chosen = span[:7]
        elif len(numbers) == 7:
            chosen = numbers
        cells = [it.cell for it in chosen] if chosen else None
        _row_readings(row, cells, numbers, label, "cells-after-label", out, ambiguities,
                      [it.line for it in chosen] if chosen else None)
    for row in APPLICATION_ROWS:
        if row not in labels:
            for c in APPLICANT_COLUMNS:
                out[f"applications.{row}.{c}"] = _missing("", [], "label", "row label not found")
    return out, ambiguities


# ── 表四 ─────────────────────────────────────────────────────────────────────────

_T4_PATHS = [f"review_litigation.{g}.{c}" for g in REVIEW_GROUPS for c in REVIEW_COLUMNS]


def read_table4(region: Region) -> tuple[Readings, list[Ambiguity]]:
    """15 numbers after the header (one row of 15, three rows of 5, after empty rows)."""
    values = [it for it in region.items if it.is_value]
    numbers = [it for it in values if it.cell.is_number]
    out: Readings = {}
    ambiguities: list[Ambiguity] = []
    chosen: list[Item] | None = None
    if len(numbers) == 15:
        chosen = numbers
    elif len(values) >= 15 and all(n in values[-15:] for n in numbers):
        chosen = values[-15:]
    if chosen is not None:
        cells = [it.cell for it in chosen]
        groups_ok = all((cells[g * 5 + 4].value or 0) == sum(c.value or 0 for c in cells[g * 5:g * 5 + 4])
                        for g in range(3))
        if all(c.is_number for c in cells) or groups_ok:
            for path, it in zip(_T4_PATHS, chosen):
                out[path] = _reading(it.cell, [it.line], "row-of-15")
            return out, ambiguities
    raw = " ".join(n.raw for n in numbers)
    lines = sorted({n.line for n in numbers})
    note = f"{len(numbers)} numbers for 15 cells"
    for path in _T4_PATHS:
        out[path] = _missing(raw, lines, "row-of-15", note)
    nums = [int(n.cell.value) for n in numbers if isinstance(n.cell.value, int | Decimal)]
    if 10 <= len(nums) < 15:
        options = _gap_options(nums, 15)
        if len(options) <= _MAX_GAP_OPTIONS * 10:
            ambiguities.append(Ambiguity(paths=list(_T4_PATHS), options=options, raw=raw, lines=lines,
                                         reason=f"表四: {note}; the lost cells' positions are unknown"))
    return out, ambiguities


def region_has_label_text(region: Region, words: tuple[str, ...]) -> bool:
    return any(w in label_key(it.raw) for it in region.items if it.is_text for w in words)
