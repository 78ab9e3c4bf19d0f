"""Read 表四 (行政复议、行政诉讼情况) from its region: three groups of five cells."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from ..evidence import Ambiguity, CellKind, Method
from ..form import FORM
from ..schema import TABLE4_PATHS
from .cells import parse_cell
from .runjoins import printed_pieces
from .glued import digit_run, forced_readings, glued_run, group_cuts, groups_hold, parted_at, recount_options, spaced_cuts, width_bounds
from .layout import Item, Region, label_key
from .t4groups import read_empty_groups
from .t4plain import read_plain_blocks
from .t4edges import read_edge_blank_row
from .t4choice import group_named_after, last_cells_cut_a_run, leaves_a_groups_cells, mark_before_headers, \
    placeholder_among, run_together_cells, unread_cells_after
from .t4cells import group_rows_short, read_group_cells
from .t4named import read_named_cells
from .t4lines import read_group_lines, read_split_row
from .t4placed import read_placed_row
from .t4rowlabels import ROW_LABELS, rows_by_labels
from .t4beforefive import read_review_before_five
from .t4gluedrows import read_glued_group_rows
from .t4transposed import read_transposed
from .t4sentences import T4_SENTENCES, read_table4_sentences
from .t4prose import without_prose
from .headerorder import t4_placed
from .t4sums import without_sums
from .t4wraps import read_wrapped_row
from .t4years import left_unread, this_years_row
from .t4pagerow import read_page_broken_row
from .t4repeats import repeats_dropped
from .t4copies import copies_dropped
from .t4columnwise import GROUP_NAMES, by_columns_too, span, two_rows_interleaved
from .t4oneline import empty_tab_row, full_line, tab_row_cells
from .readings import MAX_GAP_OPTIONS, Readings, gap_options, missing, reading
from .ruleglyphs import bars_as_cells, digits_read_as_characters, extra_tokens, hanzi_digits_as_text, off_header_lines, rule_glyph_options, without_rule_glyphs

__all__ = ["read_table4"]

#: the characters of 表四's column headers (结果维持 … 总计): a text piece of these only is a header's piece
_HEADER_CHARS = frozenset("".join(c.label for c in FORM.table4_columns))
#: the words that name each of 表四's groups as a row's label
#: the cells of one of 表四's groups
_GROUP = len(FORM.table4_columns)
#: the five column headers whole, in the form's order, on a line of their own: a rows-of-five table's header,
#: repeated above a row (a page's repeated header rows)
_WHOLE_HEADER = "".join(c.label for c in FORM.table4_columns)
#: the groups' names as a header prints them: a header's pieces run together with them are still its pieces
#: (未经复议直接起诉结结其尚果果他维纠持 among the cells)
_GROUP_WORDS = re.compile(r"未经复议直接起诉|复议后起诉|直接起诉|行政复议|行政诉讼")
#: two columns' header pieces side by side (结果 结果 / 维持 纠正): no header cell prints them so
_SIDE_BY_SIDE = ("结果结果", "维持纠正")
#: 表四's fifteen cells one to a line with column headers printed among them: the order is a text tool's
ACROSS_HEADERS = Method.T4_ACROSS_HEADERS
#: 表四's fifteen cells, each a cell of a table's row (a web page's or Word file's), rows ending with groups
TABLE_ROWS = Method.T4_TABLE_ROWS


def read_table4(region: Region, lines: Sequence[str] = (),
                sentences: bool = True, year: int | None = None) -> tuple[Readings, list[Ambiguity]]:
    """15 numbers after the header (one row of 15, three rows of 5, after empty rows); ``lines``: the
    document's lines, to tell a web page's or Word file's table cells (:func:`_table_rows`); ``sentences``: whether
    a section with no table may be read from its sentences (not where the document shows pictures: a table
    published as one); ``year``: the report's, whose row alone is read where rows are led by their years (t4years)."""
    if (kept := this_years_row(region.items, year)) is not None:
        region.items = kept                 # 2022年 … / 2023年 …: the report's year's row only
        out, ambiguities = _read_table4(region, lines, sentences)
        return left_unread(out), ambiguities
    if lines and (plain := read_plain_blocks(lines, region.start)) is not None:
        return plain                        # plain pdftotext: its blocks in the tool's order (t4plain)
    return _read_table4(region, lines, sentences)


def _read_table4(region: Region, lines: Sequence[str], sentences: bool) -> tuple[Readings, list[Ambiguity]]:
    """表四 from the region's items (see :func:`read_table4`)."""
    region = without_prose(region)          # a sentence's counts and words are no cells
    region = without_sums(_without_strays(region, lines))
    region.items = hanzi_digits_as_text(region.items)      # 工 (chi_sim's 1): a character in 表四 (ruleglyphs.py)
    if (turned := read_transposed(region.items)) is not None:
        return turned, []                   # the results as rows, the groups as columns
    if (rows := read_group_cells(region.items, lines)) is not None:
        return rows, []                     # the groups as rows, one cell to a line
    if (named := read_named_cells(region.items)) is not None:
        return named, []                    # one cell a row, each named by its group and column
    values = _t4_grid(region.items) or [it for it in region.items if it.is_value]
    values = off_header_lines(region.items, values)       # OCR'd table rules between headings: no cells
    values = without_rule_glyphs(values, 15) or values     # OCR'd table rules, read one way only: dropped
    values = bars_as_cells(region.items, values, 15)        # 0 0 | 1 2: OCR's 1 printed as a bar
    values = repeats_dropped(values, lines)                 # one cell written in two fields under one header
    values = copies_dropped(values)                         # the row of fifteen printed twice: one copy read
    numbers = [it for it in values if it.cell.is_number]
    out: Readings = {}
    ambiguities: list[Ambiguity] = []
    chosen: list[Item] | None = None
    blank_row = empty_tab_row(values, lines, region.start, region.end)     # a table after all: its row left empty
    if sentences and blank_row is None and not any(it.is_value for it in values) \
            and all(_COUNTS_ONLY.fullmatch(it.raw) for it in region.items) \
            and (stated := read_table4_sentences(lines, region.start, region.end)) is not None:
        # no table (not even empty cells, or its digits run together): the counts its sentences state
        unstated = "no table; section 四's sentences do not state it"
        return {path: stated.get(path) or missing("", [], T4_SENTENCES, unstated) for path in TABLE4_PATHS}, ambiguities
    if (wrapped := read_page_broken_row(values)
            or len(values) == len(numbers) and read_wrapped_row(region.items, numbers, lines)):
        return wrapped                      # long counts wrapped inside narrow cells: over lines, or over a page
    if extra_tokens(values, 15):            # table rules read as cells: which tokens are cells is a guess
        return _rule_glyph_row(values)
    if digits_read_as_characters(region.items, numbers):
        pass                                # a digit OCR read as a character among them: a cell lost, no reading
    elif len(numbers) == 15 and not placeholder_among(values, numbers):
        chosen = numbers
    elif (row := full_line(values, numbers)) is not None:
        chosen = row
    elif len(values) >= 15 and all(n in values[-15:] for n in numbers) and not last_cells_cut_a_run(values, lines):
        chosen = values[-15:]
    elif (fields := tab_row_cells(values, region.items) or blank_row) is not None:
        chosen = fields                     # one tab row of fifteen fields, its empty cells empty fields
    else:
        chosen = _before_blank_rows(values, numbers)
    if chosen is None and len(numbers) == 14 and len(values) >= 15 \
            and any(it.cell.kind is CellKind.MISSING for it in values[-15:]):
        chosen = values[-15:]               # an unreadable cell in its place
    if chosen is not None and (leaves_a_groups_cells(region.items, chosen) or group_rows_short(region.items)
                               or mark_before_headers(region.items, chosen) or unread_cells_after(region.items, chosen)
                               or group_named_after(region.items, chosen)):
        chosen = None                       # (a group's row short of five cells: no fifteen values are its cells)
    if chosen is not None and (merged := run_together_cells(chosen)) is not None:
        note = "a cell printed with a leading zero: cells run together, the fifteen values not the table's cells"
        out = {path: missing(" ".join(it.raw for it in chosen), sorted({it.line for it in chosen}), "row-of-15", note)
               for path in TABLE4_PATHS}
        if merged:
            ambiguities.append(Ambiguity(paths=list(TABLE4_PATHS), options=[list(merged)], raw=out[TABLE4_PATHS[0]].raw,
                                         lines=out[TABLE4_PATHS[0]].lines, reason=f"表四: {note}"))
        return out, ambiguities
    if chosen is not None:
        cells = [it.cell for it in chosen]
        groups_ok = all((cells[g * 5 + 4].value or 0) == sum(c.value or 0 for c in cells[g * 5:g * 5 + 4])
                        for g in range(3))
        if by_columns_too(chosen, region.items) or two_rows_interleaved(chosen, region.items):
            note = "15 cells one to a line: they hold as three rows printed by rows and by columns"
            return {path: missing(" ".join(it.raw for it in chosen), sorted({it.line for it in chosen}),
                                  "row-of-15", note) for path in TABLE4_PATHS}, ambiguities
        if all(c.is_number or c.kind in (CellKind.MISSING, CellKind.PLACEHOLDER) for c in cells) or groups_ok:
            method = ACROSS_HEADERS if _headers_among(chosen, region.items, lines) else \
                TABLE_ROWS if _table_rows(chosen, lines) else "row-of-15"
            placed = t4_placed(chosen, region.items, lines)    # in the order its header names, where another
            reordered = any(placed[g:g + _GROUP] not in [chosen[h:h + _GROUP] for h in range(0, 15, _GROUP)]
                            for g in range(0, 15, _GROUP))     # (the header's order moved cells within rows)
            if (by_labels := rows_by_labels(region.items, placed)) is not None:
                placed, method = by_labels, ROW_LABELS     # three labelled rows out of the form's order: by labels
            for path, it, printed in zip(TABLE4_PATHS, placed, chosen):
                moved = (it.cell.kind, it.cell.value) != (printed.cell.kind, printed.cell.value) \
                    and (by_labels is None or reordered)    # (rows by their labels alone: each row's own)
                out[path] = reading(it.cell, [it.line], Method.HEADER_ORDER if moved else method)   # (the header's word)
            return out, ambiguities
    if (by_lines := read_group_lines(region.items) or read_split_row(region.items, lines)
            or read_edge_blank_row(region.items, lines) or read_placed_row(region.items, lines)
            or read_review_before_five(region.items, lines, region.end)) is not None:
        return by_lines, ambiguities        # blank cells: a group's label alone, a gap in a row, an edge, or columns;
        #                                     or 行政复议's row alone before 五's heading (t4beforefive)
    raw = " ".join(n.raw for n in numbers)
    lines = sorted({n.line for n in numbers})
    note = f"{len(numbers)} numbers for 15 cells"
    for path in TABLE4_PATHS:
        out[path] = missing(raw, lines, "row-of-15", note)
    nums = [int(n.cell.value) for n in numbers if isinstance(n.cell.value, int | Decimal)]
    if any(it.cell.kind is CellKind.MISSING and isinstance(it.cell.value, int) for it in values):
        # cells of OCR letters alone (o, D) stand in their places with their guesses: options the identities
        # check, never proof
        nums = [int(it.cell.value) for it in values if isinstance(it.cell.value, int | Decimal)
                and (it.cell.is_number or it.cell.kind is CellKind.MISSING)]
    options: list[list[int | None]] = []
    if 10 <= len(nums) < 15 and len(nums) == len(numbers) and not any(nums):
        # every number 0, the empty cells dropped: each cell 0 or blank (a blank counts 0), where the blanks stood not
        # known: one reading, all 0, derived by the verifier and queued, never proven
        options = [[0] * 15]
        note += ", every one 0: each cell 0 or blank"
    elif 10 <= len(nums) < 15:
        options = gap_options(nums, 15)
        if len(options) > MAX_GAP_OPTIONS * 10:
            options = []
    counted = [n.cell.raw for n in numbers if isinstance(n.cell.value, int | Decimal)]
    options += recount_options(nums, 15, groups_hold, extra=True,    # (2 08: 208, as printed)
                               pieces=printed_pieces(counted, nums) if len(counted) == len(nums) else None)
    digits = [n.cell.raw.strip() for n in numbers]
    if 1 < len(nums) < 15 and sum(map(len, digits)) >= 15:     # runs of glued cells, parted by a few spaces
        options += [o for o in spaced_cuts(digits, group_cuts) if o not in options]
    run, printed, run_line = _t4_glued_run(region.items) if len(numbers) <= 1 else (None, "", -1)
    if run is None and not numbers and (read_glued_group_rows(region.items, out, ambiguities)
                                        or read_empty_groups(region.items, out, ambiguities)):
        return out, ambiguities             # 行政复议01102 …: each group's run; 0000001001-----: an empty group in dashes
    forced = forced_readings([run], 15, run_line) if run is not None and label_key(printed).endswith(run) else None
    if forced is not None:                  # fifteen zeros run together: fifteen cells of 0 (glued.forced_readings)
        out.update(zip(TABLE4_PATHS, forced))
        return out, ambiguities
    if run is not None:                     # a crawler's dump: the fifteen numbers ran together
        cut = group_cuts(run)
        if cut:                             # a cut stands where the digits switch width (０３１１)
            cut = parted_at(cut, width_bounds(printed, run))
        note = ("glued digit run: too many ways to cut it" if cut is None else
                "glued digit run: the cells are cut where the identities allow")
        raw, options = run, list(cut or [])
        for path in TABLE4_PATHS:
            out[path] = missing(run, lines, "glued", note)
    if options:
        ambiguities.append(Ambiguity(paths=list(TABLE4_PATHS), options=options, raw=raw, lines=lines,
                                     reason=f"表四: {note}; the lost cells' positions are unknown"))
    return out, ambiguities


def _table_rows(chosen: list[Item], lines: Sequence[str]) -> bool:
    """Whether the 15 cells are the cells of a table's rows as ingest gives a web page's or a Word file's table
    (each cell a line of its own led by a tab, a row's cells on consecutive lines, rows parted by a line), the
    rows ending where the groups do (one row of 15, or three of 5): the order is the table's, not a text tool's."""
    if not lines or any(not lines[it.line - 1].startswith("\t") or lines[it.line - 1].strip() != it.raw
                        for it in chosen):
        return False
    runs, start = [], 0
    for k in range(1, len(chosen) + 1):
        if k == len(chosen) or chosen[k].line != chosen[k - 1].line + 1:
            runs.append(k - start)
            start = k
    return runs in ([15], [5, 5, 5])


def _without_strays(region: Region, lines: Sequence[str]) -> Region:
    """The region without the numbers alone on a line before or after a table whose cells are exactly 表四's
    15 (:func:`_table_rows`) and hold its groups' sums: a page number a converter left beside the table
    (mineru's ``3`` under it) is no cell of it."""
    numbers = [it for it in region.items if it.cell.is_number]
    if len(numbers) <= 15 or not lines:
        return region
    cells = [it for it in numbers if lines[it.line - 1].startswith("\t")]
    strays = {it.line for it in numbers if it not in cells}
    if len(cells) != 15 or not _table_rows(cells, lines) \
            or any(cells[0].line < n < cells[-1].line or lines[n - 1].strip() != lines[n - 1].strip().split()[0]
                   for n in strays) \
            or not all(cells[g * 5 + 4].cell.value == sum(c.cell.value for c in cells[g * 5:g * 5 + 4])
                       for g in range(3)):
        return region
    kept = [it for it in region.items if it.line not in strays]
    return Region(region.name, region.start, region.end, region.heading, kept)


#: text whose every number is a count (``3件``): a sentence's, never a table's digits run together
_COUNTS_ONLY = re.compile(r"(?:\D|\d+\s*[件起宗次]|\d{4}\s*年)*", re.S)


def _headers_among(chosen: list[Item], items: list[Item], lines: Sequence[str]) -> bool:
    """Whether 15 cells have a piece of 表四's column headers (``结果维 结果纠`` / ``持``) among them (pdfminer too:
    ``结`` / ``果`` / ``0 无 0`` / ``结`` …), or, printed one to a line, the headers above them printed in pieces
    of two columns side by side (``结果 结果`` / ``维持 纠正``): a text tool printing the table as blocks (went
    back to a header after some cells, or laid the header's pieces out by lines), so their order is the tool's, not the table's (a group's cells in
    another order keep its total: pdftotext gave ``0 0 1 0 1`` for ``0 1 0 0 1``). Headers after a group's
    name where a group's cells end are another table's own (表四 as two tables, 行政复议's five cells, then
    ``行政诉讼`` / ``未经复议直接起诉`` / ``复议后起诉`` / ``结果维`` / ``持`` … and the ten cells of its row)."""
    where = span(chosen, items)
    if where is None:
        return False
    # each printed line's text on its own (办理结果 / 结果维持, two lines a reader joined: no pieces side by side)
    texts = [it for it in items[:where[0]] if it.is_text]
    before = [label_key(lines[n - 1]) for n in range(min(it.line for it in texts), chosen[0].line)] \
        if texts and lines else [label_key(it.raw) for it in texts]
    if len({it.line for it in chosen}) == len(chosen) \
            and any(piece in text for text in before for piece in _SIDE_BY_SIDE):
        return True                     # (cells sharing lines under such headers: rows printed as rows)
    cells, named = 0, False             # cells passed, a group's name since the last cell
    chosen_ids = {id(it) for it in chosen}
    for it in items[where[0]:where[1] + 1]:
        if id(it) in chosen_ids:
            cells, named = cells + 1, False
            continue
        if not it.is_text:
            continue
        key = label_key(it.raw)
        if key == _WHOLE_HEADER and cells % _GROUP == 0 and _rows_of_five(chosen):
            continue                    # the header repeated over the next row of five (rows printed as rows)
        named = named or bool(_GROUP_WORDS.search(key))
        if (rest := _GROUP_WORDS.sub("", key)) and set(rest) <= _HEADER_CHARS and not (named and cells % _GROUP == 0):
            return True                 # (a header after a group's name, at a group's end: the next table's own)
    return False


def _rows_of_five(chosen: list[Item]) -> bool:
    """Whether 15 cells stand five to a line, on three lines: three rows of five printed as rows."""
    per_line: dict[int, int] = {}
    for it in chosen:
        per_line[it.line] = per_line.get(it.line, 0) + 1
    return len(per_line) == len(chosen) // _GROUP and all(n == _GROUP for n in per_line.values())


def _rule_glyph_row(values: list[Item]) -> tuple[Readings, list[Ambiguity]]:
    """表四 printed with more tokens than its 15 cells, rule glyphs among them (OCR): never read;
    every reading left by dropping rule glyphs that keeps each group's total is a candidate."""
    tokens = [it for it in values if it.cell.kind is not CellKind.BLANK]
    raw = " ".join(it.raw for it in tokens)
    lines = sorted({it.line for it in tokens})
    note = f"{len(tokens)} tokens for 15 cells, table rules (l, I) among them"
    out = {path: missing(raw, lines, "row-of-15", note) for path in TABLE4_PATHS}
    # (no reading keeps the groups' totals, a digit lost too: every reading is a candidate for a person,
    # so that a 表四 the text plainly holds is queued, not taken for no table at all)
    options = rule_glyph_options(tokens, 15, groups_hold) or rule_glyph_options(tokens, 15, _any)[:MAX_GAP_OPTIONS]
    ambiguities = [Ambiguity(paths=list(TABLE4_PATHS), options=options, raw=raw, lines=lines,
                             reason=f"表四: {note}; which of them are rules is unknown")] if options else []
    return out, ambiguities


def _any(values: list[int]) -> bool:
    return True


def _before_blank_rows(values: list[Item], numbers: list[Item]) -> list[Item] | None:
    """表四's 15 cells among empty cells that are not its own: exactly 15 cells from the first cell that is not
    empty to the last (a table with an empty column at both edges), or the 15 cells before trailing rows of
    empty cells (a Word table's spacer row of empty ``<td>``s, a row break before it), when the table's
    numbers are all among them."""
    filled = [k for k, it in enumerate(values) if it.cell.kind is not CellKind.BLANK]
    if not filled:
        return None
    first, last = filled[0], filled[-1]
    if last - first == 14:
        return values[first:last + 1]
    if last < 14 or last + 1 == len(values) or values[last + 1].line - values[last].line < 2:
        return None
    chosen = values[last - 14:last + 1]
    return chosen if all(n in chosen for n in numbers) else None


def _t4_grid(items: list[Item]) -> list[Item] | None:
    """表四 in a grid (markdown), where an empty field is a blank cell: the last 15 fields of one
    line, or the last 5 of three lines, when nothing but labels stands before them."""
    lines: dict[int, list[Item]] = {}
    for it in items:
        if it.grid and it.col is not None:
            lines.setdefault(it.line, []).append(it)
    rows = [its for its in lines.values() if any(it.cell.is_number for it in its)]
    if 0 < len(rows) < 3 and all(sum(it.is_value for it in its) <= 5 for its in rows):     # three rows of five,
        rows = [its for its in lines.values() if its in rows or _empty_group_row(its)]      # a group left blank
    per = {1: 15, 3: 5}.get(len(rows))
    if per is None:
        return None
    # the last fields empty on every line of a grid whose lines all have as many fields are the converter's
    # (trafilatura ends each row with one or two), no cells
    widths = {its[0].width or 0 for its in lines.values()}
    padded = 0
    if len(widths) == 1:
        used = max((it.col for its in lines.values() for it in its if it.col is not None), default=-1)
        padded = max(0, widths.pop() - 1 - used)
    out: list[Item] = []
    for its in rows:
        width = (its[0].width or 0) - padded
        lo = width - per
        if lo < 0 or any((it.col or 0) < lo and it.is_value for it in its) \
                or any((it.col or 0) >= lo and it.is_text for it in its) \
                or len({it.col for it in its if (it.col or 0) >= lo}) != sum(1 for it in its if (it.col or 0) >= lo):
            return None
        by_col = {it.col: it for it in its}
        line = its[0].line
        out += [by_col.get(c) or Item("", line, parse_cell(""), c, width=width, grid=True) for c in range(lo, width)]
    return out


def _empty_group_row(its: list[Item]) -> bool:
    """A grid row that is a group's label and nothing else (``| 行政诉讼（复议后起诉） |  |  |  |  |  |``): that
    group printed with five blank cells, a row of its own among the three."""
    return len(its) == 1 and its[0].is_text and its[0].col == 0 \
        and any(name in label_key(its[0].raw) for name in GROUP_NAMES)


def _t4_glued_run(items: list[Item]) -> tuple[str | None, str, int]:
    """The run of digits 表四's fifteen numbers became, when one is there (15 digits or more), the
    text it was printed in and its line."""
    for it in reversed(items):
        key = label_key(it.raw)
        run = digit_run(key) or (glued_run(key) or ("", ""))[1]
        if len(run) >= 15:
            return run, it.raw, it.line
    return None, "", -1
