"""Read 表二, 表三 and 表四 from their regions.

Each reader returns readings (path → :class:`Reading`) and ambiguities. A cell
that cannot be read with certainty is *missing* or part of an ambiguity: the
verifier, not the reader, decides what the identities pin down.
"""

from __future__ import annotations

import re
from decimal import Decimal
from collections.abc import Iterable
from itertools import combinations

from ..evidence import Ambiguity, CellKind, Reading
from ..form import FORM
from ..schema import APPLICANT_COLUMNS, APPLICATION_ROWS, REVIEW_COLUMNS, REVIEW_GROUPS
from .cells import Cell, parse_cell
from .glued import cuts, glued_number, glued_run, group_cuts, groups_hold, recount_options, row_cuts, spaced_cuts
from .labels import TABLE2_LABELS, TABLE3_LABELS, match_row, strip_item_number
from .layout import Item, Region, label_key

__all__ = ["read_table2", "read_table3", "read_table4", "Readings"]

Readings = dict[str, Reading]
_MAX_GAP_OPTIONS = 120


def _reading(cell: Cell, lines: list[int], method: str) -> Reading:
    value = cell.value
    if isinstance(value, Decimal) and value == value.to_integral_value():
        value = int(value)
    return Reading(value, cell.kind, cell.raw, lines, method, cell.note)   # positional: hot path


def _missing(raw: str, lines: list[int], method: str, note: str) -> Reading:
    return Reading(value=None, kind=CellKind.MISSING, raw=raw, lines=lines, method=method, note=note)


# ── 表二 ─────────────────────────────────────────────────────────────────────────

_T2_COLUMNS = {3: ("issued", "repealed", "in_force"), 1: ("",)}


def read_table2(region: Region, ambiguities: list[Ambiguity] | None = None) -> Readings:
    """表二 by its row labels; rows whose cells cannot be told apart go to ``ambiguities`` (when given)."""
    out: Readings = {}
    items = region.items
    for prefix, pattern, n in TABLE2_LABELS:
        i = _t2_label(items, pattern)
        if i is None:
            continue
        item = items[i]
        values: list[Item] = []
        for nxt in items[i + 1:]:
            if nxt.is_text:
                break
            values.append(nxt)
        while len(values) > n and values[-1].cell.kind is CellKind.BLANK:
            values.pop()                # trailing empty cells of the row
        if n == 1 and len(values) > 1 and all(v.grid and v.line == values[0].line and v.raw == values[0].raw
                                              for v in values):
            values = values[:1]         # a converter repeats the one cell across the columns it spans
        paths = [f"{prefix}.{c}" if c else prefix for c in _T2_COLUMNS[n]]
        glued = glued_number(item.key) if not values else None
        if glued is not None:           # a crawler's dump: 行政许可3150, 规章000
            _t2_glued(glued, paths, item, out, ambiguities)
        elif len(values) == n and len({(v.line, v.col) for v in values if v.col is not None}) \
                == sum(1 for v in values if v.col is not None):   # not two numbers in one field ("1 0")
            for path, v in zip(paths, values):
                r = _reading(v.cell, [item.line, v.line], "label+cells")
                if path.endswith("fees_10k_yuan") or not isinstance(r.value, Decimal):
                    out[path] = r
                else:
                    out[path] = _missing(v.raw, [v.line], "label+cells", "a decimal where a count belongs")
        else:
            note = f"{len(values)} value cells after the label, {n} expected"
            raw = " ".join(v.raw for v in values)
            for path in paths:
                out[path] = _missing(raw, [item.line], "label+cells", note)
            nums = [v.cell.value for v in values if v.cell.is_number]
            if ambiguities is not None and len(nums) == len(values) and all(isinstance(x, int) for x in nums) \
                    and not paths[0].endswith("fees_10k_yuan"):
                options = recount_options(nums, n)  # a number split in two, or two cells merged
                if options:
                    ambiguities.append(Ambiguity(paths=paths, options=options, raw=raw, lines=[item.line],
                                                 reason=f"{prefix}: {note}; a number split or two cells merged"))
    return out


def _t2_label(items: list[Item], pattern: re.Pattern[str]) -> int | None:
    """The item of a 表二 row label. A sentence or subheading can start with the label too
    (行政许可事项…): the first match with cells after it (or a glued number), else the first match."""
    first = None
    for i, item in enumerate(items):
        if item.is_text and match_row(item.key, pattern):
            if (i + 1 < len(items) and items[i + 1].is_value) or glued_number(item.key) is not None:
                return i
            first = i if first is None else first
    return first


def _t2_glued(number: str, paths: list[str], item: Item, out: Readings,
              ambiguities: list[Ambiguity] | None) -> None:
    """A 表二 row whose cells ran into its label: one cell is read; three are cut (never read)."""
    if len(paths) == 1:
        r = _reading(parse_cell(number), [item.line], "glued")
        if isinstance(r.value, Decimal) and not paths[0].endswith("fees_10k_yuan"):
            r = _missing(number, [item.line], "glued", "a decimal where a count belongs")
        out[paths[0]] = r
        return
    note = "glued digit run: where the cells part is unknown"
    for path in paths:
        out[path] = _missing(number, [item.line], "glued", note)
    options = cuts(number, len(paths)) if number.isdigit() and len(number) <= 12 else []
    if options and ambiguities is not None:
        ambiguities.append(Ambiguity(paths=paths, options=options, raw=number, lines=[item.line],
                                     reason=f"{paths[0].rsplit('.', 1)[0]}: {note}"))


# ── 表三 ─────────────────────────────────────────────────────────────────────────

_HEADER_WORDS = ("自然人", "法人或其他", "商业企业", "科研机构", "公益组织", "服务机构", "申请人情况", "数据")
_BARE = frozenset({"总计", "总记", "合计", "其他"})     # header cells that also match a row label


def _header_cell(items: list[Item], i: int) -> bool:
    """A bare 总计 / 其他 among 表三's column headers (a header repeated after a page break)."""
    if items[i].key not in _BARE:
        return False
    return any(w in it.key for it in items[max(0, i - 6):i + 7] if it.is_text for w in _HEADER_WORDS)


def _broken_match(items: list[Item], i: int, pattern: re.Pattern[str]) -> bool:
    """A label broken over lines: the pattern matches this fragment joined to the next one or
    two text items (numbers may stand between them), and either starts inside this fragment,
    or this fragment opens a label (an item number), carries the row's numbers, and the
    fragments after it carry none."""
    heads = {items[i].key, strip_item_number(items[i].key)}
    owns = len(heads) == 2 and i + 1 < len(items) and not items[i + 1].is_text
    tail, joined, between, orphans = "", 0, 0, True
    for j in range(i + 1, len(items)):
        nxt = items[j]
        if not nxt.is_text:
            between += 1
            if between > 8:
                return False
            continue
        tail += nxt.key
        joined += 1
        orphans = orphans and (j + 1 == len(items) or items[j + 1].is_text)
        for head in heads:
            m = pattern.search(head + tail)
            if m and (m.start() < len(head) or (owns and orphans)):
                return True
        if joined == 2:
            return False
    return False


def _find_labels(items: list[Item]) -> dict[str, int]:
    """Item index of each 表三 row label, matched in form order."""
    found: dict[str, int] = {}
    pos = 0
    for row, pattern in TABLE3_LABELS:
        for i in range(pos, len(items)):
            it = items[i]
            if it.is_text and (match_row(it.key, pattern) or _broken_match(items, i, pattern)) \
                    and not _header_cell(items, i):
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


_ROW_PATHS = {row: [f"applications.{row}.{c}" for c in APPLICANT_COLUMNS] for row in APPLICATION_ROWS}


def _row_readings(row: str, cells: list[Cell] | None, numbers: list[Item], label: Item,
                  method: str, out: Readings, ambiguities: list[Ambiguity],
                  cell_lines: list[int] | None = None) -> None:
    paths = _ROW_PATHS[row]
    has_number = cells is not None and any(c.is_number for c in cells)
    has_blank = cells is not None and any(c.kind in (CellKind.BLANK, CellKind.PLACEHOLDER) for c in cells)
    if has_blank and any(c.kind is CellKind.MISSING for c in cells or []):
        cells = None                    # an unreadable cell beside blanks: nothing can be checked
    # A blank beside numbers is a blank cell in a cell-per-line export (when the row adds up),
    # but a lost cell in tab-separated PDF text, where the columns slide.
    lost_blanks = cells is not None and has_number and has_blank and (method == "tab-row" or not _row_sum_holds(cells))
    if cells is not None and not lost_blanks:
        at = label.line
        for i, (path, cell) in enumerate(zip(paths, cells)):
            line = cell_lines[i] if cell_lines else at
            out[path] = _reading(cell, [at] if line == at else sorted((at, line)), method)
        return
    lines = sorted({label.line, *(n.line for n in numbers)})
    raw = " ".join(n.raw for n in numbers)
    # Fewer numbers than columns, or blanks that break the row: which cells were lost is unknown.
    nums = [int(n.cell.value) for n in numbers if n.cell.is_number and isinstance(n.cell.value, int | Decimal)]
    note = f"{len(nums)} numbers for 7 columns" if len(nums) != 7 else "blank cells break the row total"
    for path in paths:
        out[path] = _missing(raw, lines, method, note)
    # (a number split in two or two cells merged: verify/split.py suggests the join, never applies it)
    options = _gap_options(nums, 7) if 0 < len(nums) < 7 else []
    if len(options) > _MAX_GAP_OPTIONS:
        options = []
    digits = [n.cell.raw.strip() for n in numbers]
    if 0 < len(nums) < 7 and sum(map(len, digits)) >= 7:     # or runs of glued cells, parted by a few spaces
        options += [o for o in spaced_cuts(digits, row_cuts) if o not in options]
    if options:
        ambiguities.append(Ambiguity(paths=paths, options=options, raw=raw, lines=lines,
                                     reason=f"row {row}: {note}; the lost cells' positions are unknown"))


_GLUED_BLANKS = re.compile(r"[^\d\u4e00-\u9fff]{0,2}|[/\-—–－无]*")


def _glued_row(row: str, label: Item, out: Readings, ambiguities: list[Ambiguity]) -> None:
    """A 表三 row whose seven cells ran together (``数量640020470``): cut where the identities allow."""
    paths = [f"applications.{row}.{c}" for c in APPLICANT_COLUMNS]
    run = glued_run(label.key)
    if run is None:
        m = FORM.table3_row(row).pattern.search(label.key)
        rest = label.key[m.end():] if m else label.key
        if _GLUED_BLANKS.fullmatch(rest):   # nothing, or placeholders, after the label: seven empty cells
            for path in paths:
                out[path] = _reading(parse_cell(rest[:1]), [label.line], "glued")
        else:
            for path in paths:
                out[path] = _missing(rest, [label.line], "glued", "no digit run after the label")
        return
    digits = run[1]
    options = row_cuts(digits) if len(digits) >= 7 else []
    note = ("glued digit run: too many ways to cut it" if options is None else
            "glued digit run: the cells are cut where the identities allow" if options else
            "glued digit run: no cut into seven cells adds up")
    for path in paths:
        out[path] = _missing(digits, [label.line], "glued", note)
    if options:
        ambiguities.append(Ambiguity(paths=paths, options=options, raw=digits, lines=[label.line],
                                     reason=f"row {row}: {note}"))


def _mode(values: Iterable[int]) -> int | None:
    counts: dict[int, int] = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    return max(counts, key=lambda c: (counts[c], c)) if counts else None


def _grid_shape(items: list[Item]) -> tuple[int, int] | None:
    """(fields per row, one past the last value column) when the table's grid is rectangular, as a
    converter prints it: most lines with numbers have the same number of fields (a converter may
    add an empty column at the right, so the last value column is the most common one too).
    A row of another width lost or gained a field: its positions say nothing. ``None`` for a
    ragged grid: each row's cells are then the seven fields after its label."""
    last: dict[int, int] = {}
    width: dict[int, int] = {}
    for it in items:
        if it.grid and it.col is not None and it.cell.is_number:
            last[it.line] = max(last.get(it.line, -1), it.col)
            width[it.line] = it.width or 0
    end, fields = _mode(last.values()), _mode(width.values())
    if end is None or fields is None or sum(1 for w in width.values() if w != fields) > len(width) // 12:
        return None
    return fields, end + 1


def _grid_cells(line_items: list[Item], width: int, label_col: int) -> list[Cell] | None:
    """The seven value cells of a grid row: its last seven fields, when the label stands before them
    (a label spanning several columns leaves empty fields between it and the numbers) and no text
    stands among them. ``None`` when the row does not have that shape. ``width`` is one past the
    table's last value column."""
    lo = width - 7
    if lo < 1 or label_col >= lo:
        return None
    by_col: dict[int, Item] = {}
    for it in line_items:
        col = it.col if it.col is not None else -1
        if col >= width:                                  # past the table's last value column
            return None
        if col >= lo and (it.is_text or col in by_col):   # a word among the cells, or "1 0" in one field
            return None
        if col < lo and it.is_value:                      # a number among the label fields
            return None
        if col >= lo:
            by_col[col] = it
    return [by_col[c].cell if c in by_col else parse_cell("") for c in range(lo, width)]


def _grid_row(items: list[Item], idx: int, end: int,
              shape: tuple[int, int] | None) -> tuple[int, list[Cell] | None]:
    """A markdown/grid row of 表三: (line of its cells, the seven cells or ``None``).

    The cells are on the label's line, or (a converter detached the label from its numbers)
    on the first line below it, before the next label, that has numbers and no words (a note
    pulled onto its own line may stand between), when the label's line has no value."""
    label = items[idx]
    if shape is None:                   # ragged: the row's own last seven fields, right after its label
        same = [it for it in items[idx + 1:end] if it.line == label.line]
        width = label.width or 0
        if width - 7 != (label.col or 0) + 1:
            return label.line, None
        return label.line, _grid_cells(same, width, label.col or 0)
    if label.width != shape[0]:
        return label.line, None
    width = shape[1]
    by_line: dict[int, list[Item]] = {}
    for it in items[idx + 1:end]:
        by_line.setdefault(it.line, []).append(it)
    same = by_line.pop(label.line, [])
    if not any(it.is_value for it in same):
        for n, below in by_line.items():
            if all(it.is_value and it.grid for it in below) and any(it.cell.is_number for it in below) \
                    and (below[0].width or 0) == (label.width or 0):
                return n, _grid_cells(below, width, label.col or 0)
    return label.line, _grid_cells(same, width, label.col or 0)


def _value_counts(items: list[Item]) -> dict[int, int]:
    counts: dict[int, int] = {}
    for it in items:
        if it.is_value:
            counts[it.line] = counts.get(it.line, 0) + 1
    return counts


def _pair_in_order(items: list[Item], order: list[tuple[str, int]], spans: dict[str, list[Item]],
                   text_lines: set[int]) -> bool:
    """Rows whose numbers stand on a line of their own, placed by count: when there are exactly as
    many lines of bare numbers as rows without numbers on their label's lines, the i-th such row
    takes the i-th such line, provided each line stands next to its row's label (after the label
    before it and before the label after it). True when it placed them."""
    if not order:
        return False
    first_idx = order[0][1]
    start = first_idx
    while start > 0 and items[start - 1].is_value and items[start - 1].line not in text_lines:
        start -= 1                      # bare numbers right above the first label
    by_line: dict[int, list[int]] = {}
    for i in range(start, len(items)):
        if items[i].is_value and items[i].line not in text_lines:
            by_line.setdefault(items[i].line, []).append(i)
    bare = [idxs for idxs in by_line.values() if len(idxs) >= 2]
    if not bare:
        return False
    bare_ids = {id(items[i]) for idxs in bare for i in idxs}
    open_rows = [k for k, (row, _) in enumerate(order)
                 if not any(it.line in text_lines for it in spans[row] if it.is_value)]
    if len(open_rows) != len(bare):
        return False
    for k, idxs in zip(open_rows, bare):
        lo = order[k - 1][1] if k > 0 else -1
        hi = order[k + 1][1] if k + 1 < len(order) else len(items)
        if not lo < idxs[0] < hi:
            return False
    for row, _ in order:
        spans[row] = [it for it in spans[row] if id(it) not in bare_ids]
    for k, idxs in zip(open_rows, bare):
        spans[order[k][0]] = [items[i] for i in idxs] + spans[order[k][0]]
    return True


def _numbers_above_labels(items: list[Item], order: list[tuple[str, int]], spans: dict[str, list[Item]]) -> None:
    """Give a line of numbers printed above its label (PDF text centres a row's numbers on a label
    wrapped over several lines) to the row below, when the row above already has its numbers.

    A line of numbers with no word on it belongs to the row above when that row has no number
    yet (a label detached above its numbers), else to the row below; numbers on a line with
    words belong to that line's label or label fragment. When the first row's numbers stand
    above its label, the table prints every row that way: each bare line goes to the row below
    (so that a row left blank, which has no line of numbers in PDF text, takes none)."""
    text_lines = {it.line for it in items if it.is_text}
    if _pair_in_order(items, order, spans, text_lines):
        return
    above = False
    if order:                           # numbers above the first row's label, after the header
        first_row, first_idx = order[0]
        before: list[Item] = []
        j = first_idx - 1
        while j >= 0 and items[j].is_value and items[j].line not in text_lines:
            before.insert(0, items[j])
            j -= 1
        if before and len({it.line for it in before}) == 1 and len(before) >= 2 \
                and not any(it.line in text_lines for it in spans[first_row]):
            spans[first_row] = before + spans[first_row]
            above = True
    for k in range(len(order) - 1):
        row, nxt = order[k][0], order[k + 1][0]
        span = spans[row]
        by_line: dict[int, list[Item]] = {}
        for it in span:
            by_line.setdefault(it.line, []).append(it)
        at = items[order[k][1]].line        # (a line moved here from above the label stays here)
        own = [n for n, its in by_line.items() if n in text_lines or len(its) < 2 or n < at]
        bare = [n for n, its in by_line.items() if n not in text_lines and len(its) >= 2 and n > at]
        if not bare or (len(own) + len(bare) < 2 and not above):
            continue
        # the last bare line goes below when this row has numbers without it
        last = bare[-1]
        if last < max(by_line) or any(it.line in text_lines for it in spans[nxt][:1]):
            continue
        spans[row] = [it for it in span if it.line != last]
        spans[nxt] = by_line[last] + spans[nxt]


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


_OTHER_ROWS = ("other_no_correction", "other_unpaid_fee", "other_other")
_OTHER_SINGLE = "（六）其他处理"           # pseudo row: the group printed as one row, no sub-rows
_OTHER_GROUP = re.compile(r"其他处理$")


def _other_as_one_row(items: list[Item], labels: dict[str, int]) -> None:
    """(六)其他处理 printed as a single row: place it as a pseudo row so that its cells are
    neither lost nor taken by the row above."""
    if any(r in labels for r in _OTHER_ROWS):
        return
    lo = labels.get("rejected_reconfirm", 0)
    hi = labels.get("total_processed", len(items))
    for i in range(lo + 1, hi):
        it = items[i]
        if it.is_text and _OTHER_GROUP.search(it.key) and i + 1 < len(items) and items[i + 1].is_value:
            labels[_OTHER_SINGLE] = i
            return


def _split_other(tmp: Readings, label: Item, out: Readings) -> None:
    """The sub-rows of a one-row (六): 0 when the row is 0 (counts are never negative), else missing."""
    row = [tmp[f"applications.other_other.{c}"] for c in APPLICANT_COLUMNS]
    zero = all(r.kind is CellKind.ZERO for r in row)
    for sub in _OTHER_ROWS:
        for c, r in zip(APPLICANT_COLUMNS, row):
            path = f"applications.{sub}.{c}"
            if zero:
                out[path] = Reading(0, CellKind.ZERO, r.raw, r.lines, "one-row （六）其他处理",
                                    "（六）其他处理 printed as one row of zeros: each sub-row is 0")
            else:
                out[path] = _missing(r.raw or "", r.lines or [label.line], "one-row （六）其他处理",
                                     "（六）其他处理 printed as one row: its sub-rows are not given")


def read_table3(region: Region) -> tuple[Readings, list[Ambiguity]]:
    items = region.items
    labels = _find_labels(items)
    _other_as_one_row(items, labels)
    out: Readings = {}
    ambiguities: list[Ambiguity] = []
    order = sorted(labels.items(), key=lambda kv: kv[1])
    tabbed = any(it.col is not None for it in items)
    window = _tab_window(items, labels) if tabbed else None
    shape = _grid_shape(items) if tabbed else None
    spans = {row: [it for it in items[idx + 1:(order[k + 1][1] if k + 1 < len(order) else len(items))]
                   if it.is_value] for k, (row, idx) in enumerate(order)}
    glued = sum(1 for row, idx in order if not spans[row] and glued_run(items[idx].key, 7)) >= 3
    if sum(1 for n in _value_counts(items).values() if n >= 3) >= 3:     # rows of numbers, not cells per line
        _numbers_above_labels(items, order, spans)

    def nxt_of(k: int) -> int:
        return order[k + 1][1] if k + 1 < len(order) else len(items)
    for k, (row, idx) in enumerate(order):
        if row == _OTHER_SINGLE:               # read as a row, then split into its three sub-rows
            tmp: Readings = {}
            _row_readings("other_other", [it.cell for it in spans[row][:7]] if len(spans[row]) >= 7 else None,
                          [it for it in spans[row] if it.cell.is_number], items[idx], "cells-after-label",
                          tmp, [], [it.line for it in spans[row][:7]])
            _split_other(tmp, items[idx], out)
            continue
        label = items[idx]
        span = spans[row]
        cells: list[Cell] | None = None
        if glued and not span:
            _glued_row(row, label, out, ambiguities)
            continue
        if label.grid and label.col is not None:
            chosen_line, cells = _grid_row(items, idx, nxt_of(k), shape)
            numbers = [it for it in span if it.line == chosen_line and it.cell.is_number]
            _row_readings(row, cells, numbers, label, "md-row", out, ambiguities,
                          [chosen_line] * 7 if cells else None)
            continue
        if window is not None and label.col is not None:
            same_line = [it for it in span if it.line == label.line]
            if not same_line and len({it.line for it in span}) == 1:
                same_line = span                        # the row's numbers on a line of their own
            by_col = {it.col: it for it in same_line}
            numbers = [it for it in same_line if it.cell.is_number]
            if len(numbers) == 7:                       # seven numbers for seven columns
                cells = [it.cell for it in numbers]
            elif len(same_line) == 7 and len(by_col) == 7:   # placeholders (—, /) among or instead of numbers
                cells = [it.cell for it in same_line]
            elif numbers and all(window <= (it.col or 0) < window + 7 for it in numbers) \
                    and len(by_col) == len(same_line):  # two numbers in one field ("1 0"): not by column
                cells = [by_col[c].cell if c in by_col else parse_cell("") for c in range(window, window + 7)]
            elif not same_line and (label.width or 0) >= window + 7:   # every cell of the row is blank
                cells = [parse_cell("") for _ in range(7)]
            _row_readings(row, cells, numbers, label, "tab-row", out, ambiguities)
            continue
        first = next((j for j in range(idx + 1, nxt_of(k)) if items[j].is_value), None)
        if first is not None and any(items[j].is_text and strip_item_number(items[j].key) != items[j].key
                                     for j in range(idx + 1, first)):
            span = []                       # the numbers follow another label, one not placed
        numbers = [it for it in span if it.cell.is_number]
        if len(span) >= 2 and span[-1].cell.kind is CellKind.BLANK and span[-1].line - span[-2].line > 1 \
                and items[nxt_of(k) - 1] is span[-1]:
            span = span[:-1]                # the next row's empty first cell, after the row break
        chosen: list[Item] | None = None
        if len(span) >= 7 and all(n in span[:7] for n in numbers):   # identity comparison (eq=False)
            chosen = span[:7]
        elif len(numbers) == 7:
            chosen = numbers
        elif len(span) > 7 and all(it.cell.kind is CellKind.BLANK for it in span[:-7]):
            chosen = span[-7:]              # a label spanning columns: empty cells before the row's seven
        cells = [it.cell for it in chosen] if chosen else None
        _row_readings(row, cells, numbers, label, "cells-after-label", out, ambiguities,
                      [it.line for it in chosen] if chosen else None)
    for row in APPLICATION_ROWS:
        if row not in labels and not (row in _OTHER_ROWS and _OTHER_SINGLE in labels):
            for c in APPLICANT_COLUMNS:
                out[f"applications.{row}.{c}"] = _missing("", [], "label", "row label not found")
    return out, ambiguities


# ── 表四 ─────────────────────────────────────────────────────────────────────────

_T4_PATHS = [f"review_litigation.{g}.{c}" for g in REVIEW_GROUPS for c in REVIEW_COLUMNS]


def read_table4(region: Region) -> tuple[Readings, list[Ambiguity]]:
    """15 numbers after the header (one row of 15, three rows of 5, after empty rows)."""
    values = _t4_grid(region.items) or _t4_header_number(region.items) or [it for it in region.items if it.is_value]
    numbers = [it for it in values if it.cell.is_number]
    out: Readings = {}
    ambiguities: list[Ambiguity] = []
    chosen: list[Item] | None = None
    if len(numbers) == 15:
        chosen = numbers
    elif len(values) >= 15 and all(n in values[-15:] for n in numbers):
        chosen = values[-15:]
    if chosen is None and len(numbers) == 14 and len(values) >= 15 \
            and any(it.cell.kind is CellKind.MISSING for it in values[-15:]):
        chosen = values[-15:]               # an unreadable cell in its place
    if chosen is not None:
        cells = [it.cell for it in chosen]
        groups_ok = all((cells[g * 5 + 4].value or 0) == sum(c.value or 0 for c in cells[g * 5:g * 5 + 4])
                        for g in range(3))
        if all(c.is_number or c.kind is CellKind.MISSING for c in cells) or groups_ok:
            for path, it in zip(_T4_PATHS, chosen):
                out[path] = _reading(it.cell, [it.line], "row-of-15")
            return out, ambiguities
    raw = " ".join(n.raw for n in numbers)
    lines = sorted({n.line for n in numbers})
    note = f"{len(numbers)} numbers for 15 cells"
    for path in _T4_PATHS:
        out[path] = _missing(raw, lines, "row-of-15", note)
    nums = [int(n.cell.value) for n in numbers if isinstance(n.cell.value, int | Decimal)]
    options: list[list[int | None]] = []
    if 10 <= len(nums) < 15:
        options = _gap_options(nums, 15)
        if len(options) > _MAX_GAP_OPTIONS * 10:
            options = []
    options += recount_options(nums, 15, groups_hold)
    digits = [n.cell.raw.strip() for n in numbers]
    if 1 < len(nums) < 15 and sum(map(len, digits)) >= 15:     # runs of glued cells, parted by a few spaces
        options += [o for o in spaced_cuts(digits, group_cuts) if o not in options]
    run = _t4_glued_run(region.items) if len(numbers) <= 1 else None
    if run is not None:                     # a crawler's dump: the fifteen numbers ran together
        cut = group_cuts(run)
        note = ("glued digit run: too many ways to cut it" if cut is None else
                "glued digit run: the cells are cut where the identities allow")
        raw, options = run, list(cut or [])
        for path in _T4_PATHS:
            out[path] = _missing(run, lines, "glued", note)
    if options:
        ambiguities.append(Ambiguity(paths=list(_T4_PATHS), options=options, raw=raw, lines=lines,
                                     reason=f"表四: {note}; the lost cells' positions are unknown"))
    return out, ambiguities


def _t4_header_number(items: list[Item]) -> list[Item] | None:
    """表四's first number glued to the header's last word (``…审结总计3 0 18 2 23 …``, inline text):
    the values with that number in front, when that makes fifteen."""
    first = next((i for i, it in enumerate(items) if it.is_value), None)
    if first is None or first == 0 or sum(1 for it in items if it.is_value) != 14:
        return None
    before = items[first - 1]
    run = glued_run(before.key) if before.is_text and before.line == items[first].line else None
    if run is None or len(run[1]) > 4:
        return None
    glued = Item(run[1], before.line, parse_cell(run[1]), before.col)
    return [glued] + [it for it in items[first:] if it.is_value]


def _t4_grid(items: list[Item]) -> list[Item] | None:
    """表四 in a grid (markdown), where an empty field is a blank cell: the last 15 fields of one
    line, or the last 5 of three lines, when nothing but labels stands before them."""
    lines: dict[int, list[Item]] = {}
    for it in items:
        if it.grid and it.col is not None:
            lines.setdefault(it.line, []).append(it)
    rows = [its for its in lines.values() if any(it.cell.is_number for it in its)]
    per = {1: 15, 3: 5}.get(len(rows))
    if per is None:
        return None
    out: list[Item] = []
    for its in rows:
        width = its[0].width or 0
        lo = width - per
        if lo < 0 or any((it.col or 0) < lo and it.is_value for it in its) \
                or any((it.col or 0) >= lo and it.is_text for it in its) \
                or len({it.col for it in its if (it.col or 0) >= lo}) != sum(1 for it in its if (it.col or 0) >= lo):
            return None
        by_col = {it.col: it for it in its}
        line = its[0].line
        out += [by_col.get(c) or Item("", line, parse_cell(""), c, width=width, grid=True) for c in range(lo, width)]
    return out


def _t4_glued_run(items: list[Item]) -> str | None:
    """The run of digits 表四's fifteen numbers became, when one is there (15 digits or more)."""
    for it in reversed(items):
        key = label_key(it.raw)
        run = key if key.isdigit() else (glued_run(key) or ("", ""))[1]
        if len(run) >= 15:
            return run
    return None


def region_has_label_text(region: Region, words: tuple[str, ...]) -> bool:
    return any(w in label_key(it.raw) for it in region.items if it.is_text for w in words)
