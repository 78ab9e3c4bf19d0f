"""Read 表三 (收到和处理政府信息公开申请情况) from its region: 25 rows × 7 columns.

A cell that cannot be read with certainty is *missing* or part of an ambiguity: the
verifier, not the reader, decides what the identities pin down.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter

from ..evidence import Ambiguity, CellKind, Method, Reading
from ..schema import APPLICANT_COLUMNS, APPLICATION_ROWS, TABLE3_ROW_PATHS
from .cells import Cell, parse_cell
from .cellstream import cell_stream
from .t3glued import blank_doubt, glued_then_marks, read_glued_row, stray_digits
from .extracols import (added_field, spacer_column, drop_added_columns, drop_subtotal_fields, total_first_fields, without_next_rows_empty_cells,
                        without_sub_rows)
from .gluedbars import glued_bar_cells, glued_bar_options, has_glued_bar
from .gridgap import close_empty_value_column
from .headdigits import drop_header_numbering
from .glued import blanked_run, glued_run, row_holds
from .gluedcell import glued_first_cell
from .labelrows import short_heads
from .splitparts import joined_column_parts, parts_printed_whole
from .table3_labels import find_labels
from .orderlabels import order_doubts, rows_by_order
from .layout import Item, Region
from .above import read_either_way
from .lostlabel import blank_over_lost_label, lines_of_lost_labels, rows_over_a_lost_label
from .direction import contested_lines, stacked_lines
from .readings import Readings, missing
from .itemnumbers import rejoin_item_numbers
from .loosedigits import doubt_beside_loose_digits
from .gridcut import doubt_rows_cut_at_page_break
from .headercut import doubt_rows_after_repeated_header
from .reprinted import doubt_rows_printed_again
from .wrappieces import read_wrapped_row, wrapped_rows
from .onerowform import SINGLE, SUB_ROWS, sub_row_readings
from .labelcells import last_seven_after_blanks, leading_label_widths, without_label_cells
from .lonelabels import blank_label_rows
from .markgaps import placeholder_options, placeholders_where_printed
from .t3readings import guessed, row_readings
from .unprinted import absent_rows, empty_cells_only, glued_one_row_other, other_as_one_row, unprinted_rows
from .gridrows import grid_row, grid_shape
from .rowplace import field_cells, lines_of_numbers, place_bare_lines, seven_fields, tab_window, usual_width, \
    words_between
from .rowbounds import (alike_rows, group_title_piece, holds_sub_row, merged_labels, numbered, opens_other_row, padded_seven,
                        next_rows_cells, row_starts_after, rows_apart, runs_into_next, seven_then_a_stray,
                        seven_then_apart)
from .ruleglyphs import bars_as_cells, extra_tokens, is_rule_glyph, rule_glyph_options, without_rule_glyphs

__all__ = ["read_table3"]

#: (an enum member's lookup costs more than the test: looked up once, not once per cell)
_BLANK, _PLACEHOLDER, _MISSING, _OCR = CellKind.BLANK, CellKind.PLACEHOLDER, CellKind.MISSING, CellKind.OCR
#: cells of OCR letters that make a table an OCR reading (as verify/trust.OCR_CELLS)
_OCR_CELLS = 3
_COL, _RAW = attrgetter("col"), attrgetter("raw")


def read_table3(region: Region, inline: bool = False, ocr_text: bool = False,
                lines: Sequence[str] | None = None) -> tuple[Readings, list[Ambiguity]]:
    """表三's 25 rows; ``inline`` when the region was unfolded from a crawler's dump (there a label
    with nothing after it is a row of empty cells, and a label ending in digits a glued row); ``ocr_text`` when
    the document is an OCR engine's reading (rows whose labels it garbled are placed by order: orderlabels.py);
    ``lines``, the document's lines where known (a Markdown table opened at a page's head: gridcut.py)."""
    if not inline:
        rejoin_item_numbers(region.items)       # .属于国家秘密 under （三）不予公开1: the 1 is its number
    items = region.items = without_sub_rows(region.items)      # （其中：网上申请） and its cells: no row of the form
    items = region.items = drop_header_numbering(items)     # 数 / 据 / 1 2 3 4 5 6: a header's, no row's
    joined = joined_column_parts(items)         # 表三 printed as two tables of its columns (splitparts.py)
    parts = joined is not None
    if joined is not None:
        items = region.items = joined[0]
    close_empty_value_column(items)             # a converter's grid column that no row's number fills
    labels = find_labels(items)
    placed = rows_by_order(items, labels) if ocr_text else {}
    labels.update(placed)
    doubtful = short_heads(items, labels)      # a label over two table rows, numbers on the first
    other_as_one_row(items, labels)
    out: Readings = {}
    ambiguities: list[Ambiguity] = []
    order = sorted(labels.items(), key=lambda kv: kv[1])
    tabbed = list(map(_COL, items)).count(None) != len(items)     # (counted in C: 表三's every item)
    added = added_field(items, order) if tabbed else None     # last year's figure beside the seven fields
    window = tab_window(items, labels, added) if tabbed else None
    shape = grid_shape(items) if tabbed else None
    usual = usual_width([items[idx] for _, idx in order]) if tabbed else None
    spans = {row: [it for it in items[idx + 1:(order[k + 1][1] if k + 1 < len(order) else len(items))]
                   if it.is_value] for k, (row, idx) in enumerate(order)}
    by_header = drop_added_columns(items, order, spans) if not tabbed else {}   # a 序号 column, last year's figure…
    if tabbed:
        drop_subtotal_fields(items, order, spans)   # a 小计 field before 总计 in tab-separated rows: no cell
    glued = sum(1 for row, idx in order if not spans[row] and glued_run(items[idx].key, 2)) >= 3
    # (three labels ending in digits: a crawler's glued rows, ``…数量33`` too, whose empty cells left no trace)
    # a glued bar (|14) is an OCR'd cell's, never one of the items the rows make below (a glued first cell's digits,
    # a bar read as a cell): where no item's text holds a bar, no row's span holds one (one test in C, not per row)
    bars_among = "|" in "".join(map(_RAW, items))
    stream = not tabbed and cell_stream(spans)     # cells in a page's order, line breaks anywhere among them
    spacer = spacer_column(spans)                 # an empty field before every row's cells
    # an OCR reading (cells of OCR letters: O, D, l4): its seven numbers may be a split number and a lost cell
    ocr = sum(1 for it in items if (c := it.cell).kind is _OCR or c.kind is _MISSING and isinstance(c.value, int)) \
        >= _OCR_CELLS                   # (t3readings.guessed, inlined: every item of the table)
    copied: set[str] = set()            # rows below a line of numbers printed twice (rowplace.py)
    if not stream and not parts and lines_of_numbers(items):   # rows of numbers, not cells (two column parts
        copied = place_bare_lines(items, order, spans)          # joined: each row's cells follow its labels; a line
        #                                                         printed twice leaves the rows below it in doubt)

    own_line: dict[str, int] = {}       # rows read from a line of numbers of their own, not their label's
    taken: dict[int, tuple[list[str], list[Item]]] = {}    # label item → paths, items its cells came from
    grid_lines: set[int] = set()        # the grid lines whose fields a row's cells were read from
    wrapped = wrapped_rows(items, order, spans) if not inline else {}   # 1 1 / 数量 0 0 0 0 0 / 5 5 (or pipe rows)

    def nxt_of(k: int) -> int:
        return order[k + 1][1] if k + 1 < len(order) else len(items)
    # empty label cells before the seven where the table's rows show them (labelcells.py)
    lead = leading_label_widths(without_next_rows_empty_cells(items, nxt_of(k), spans[r]) for k, (r, _) in enumerate(order))
    for k, (row, idx) in enumerate(order):
        if row in wrapped:              # which columns its wrapped cells stand in: the identities say
            read_wrapped_row(row, wrapped[row], out, ambiguities)
            taken[idx] = (TABLE3_ROW_PATHS[row], wrapped[row].items)
            continue
        if row == SINGLE and not spans[row]:     # its digits glued on (a crawler's dump)
            glued_one_row_other(items[idx], out, ambiguities)
            continue
        if row == SINGLE:               # read as a row, then split into its three sub-rows
            tmp: Readings = {}
            one = last_seven_after_blanks(without_label_cells(without_next_rows_empty_cells(items, nxt_of(k), spans[row]), lead))
            row_readings("other_other", [it.cell for it in one[:7]] if len(one) >= 7 else None,
                          [it for it in one if it.cell.is_number], items[idx], Method.CELLS_AFTER_LABEL,
                          tmp, [], [it.line for it in one[:7]])
            out.update(sub_row_readings([tmp[f"applications.other_other.{c}"] for c in APPLICANT_COLUMNS],
                                        items[idx].line))
            taken[idx] = ([], one[:7])   # its numbers, whatever its sub-rows become
            continue
        label = items[idx]
        span = spans[row]
        if (marked := glued_then_marks(label, span)) is not None:
            read_glued_row(row, marked, out, ambiguities)   # …事务信息000000 / －: its last cell a mark below it
            continue
        if glued_run(label.key) is None \
                and empty_cells_only(span, spans, (spans[r] for r, _ in order[max(k - 1, 0):k + 2] if r != row)):
            #                           a page dump's &nbsp; (空) cells, its empty ones dropped: a blank row (not
            #                           where digits end its label: its cells glued on, ``…事务信息000000`` / ``－``)
            row_readings(row, [parse_cell("")] * 7, [], label, Method.CELLS_AFTER_LABEL, out, ambiguities)
            continue
        if span and glued_run(label.key, len(TABLE3_ROW_PATHS[row])) is not None \
                and all(it.line != label.line for it in span if it.is_value):
            for path in TABLE3_ROW_PATHS[row]:      # 本年（二）部分公开0000000 over another row's 58 0 … 58
                out[path] = missing(label.raw, [label.line], "glued", "the row's digits glued to its label, and "
                                    "numbers on another line after it: which are its cells is not known")
            continue
        cells: list[Cell] | None = None
        if not span and (glued or inline or blanked_run(label.key)      # (…数量3—————3: a row glued, whatever others are;
                         or glued_run(label.key, len(TABLE3_ROW_PATHS[row])) is not None):  # …办理0000000:
            # one row alone glued, as many digits as cells at least (fewer: a note's or a wrapped cell's)
            if k > 0 and len(spans.get(order[k - 1][0], [])) > 7:   # the row above holds more numbers than its
                for path in TABLE3_ROW_PATHS[row]:                     # cells: this label's may be among them
                    out[path] = missing(label.raw, [label.line], "glued", "nothing after the label, and the row "
                                        "above holds more numbers than its cells: this row's may be among them")
                continue
            before = [it for it in items[order[k - 1][1] + 1:idx] if it.is_text] if k \
                else [it for it in items[:idx] if it.is_value]     # (the row above's numbers are its own)
            above = glued_run(items[order[k - 1][1]].key) if k else None
            above_digits = (above[1] if above else "") + "".join(      # (…稳定”00000000000 / 0 / 0 / 0: its run
                it.raw.strip() for it in spans.get(order[k - 1][0], []) if k and it.is_value)  # and the lines after)
            read_glued_row(row, label, out, ambiguities, blank_doubt(
                before + items[idx + 1:nxt_of(k)], TABLE3_ROW_PATHS.get(order[k - 1][0], []) if k else [],
                above_digits, out,
                stray_digits(items, {i for _, i in order}, [spans.get(r, []) for r, _ in order])))
            continue
        if label.grid and label.col is not None:
            chosen_line, cells = grid_row(items, idx, nxt_of(k), shape, row,
                                          {it.line for _, chosen in taken.values() for it in chosen} | grid_lines)
            if cells is not None and chosen_line != label.line \
                    and blank_over_lost_label(items, order, k, (label.col or 0) + 1):
                chosen_line, cells = label.line, None   # (empty fields over a row whose label is lost: lostlabel.py)
            if cells is not None:
                grid_lines.add(chosen_line)     # (a grid line's numbers are one row's: no other row takes them)
            on_line = [it for it in span if it.line == chosen_line]
            numbers = [it for it in on_line if it.cell.is_number]
            if cells is not None and chosen_line != label.line and row in TABLE3_ROW_PATHS:   # a line of its
                taken[idx] = (TABLE3_ROW_PATHS[row], [it for it in on_line if it.is_value])
                #  own (the label wrapped or detached): whose numbers they are, direction.py weighs (markitdown's
                #  labels wrapped round their rows' numbers: tests/test_grid_numbers_above_wrapped_labels.py)
            row_readings(row, cells, numbers, label, Method.GRID_ROW, out, ambiguities,
                          [chosen_line] * 7 if cells else None)
            continue
        if window is not None and label.col is not None:
            same_line = [it for it in span if it.line == label.line]
            over_lost = not same_line and blank_over_lost_label(items, order, k, window)   # (lostlabel.py)
            if not same_line and len({it.line for it in span}) == 1 and not opens_other_row(items, span[0].line, idx) \
                    and not over_lost and not any((it.width or 0) >= window + 7 and it.line < span[0].line
                                                  for it in (label, *items[idx + 1:nxt_of(k)]) if it.is_text):
                same_line = span                        # the row's numbers on a line of their own (not where a line
                #                                         of its label prints its seven fields, empty: those are its)
            by_col = {it.col: it for it in same_line}
            numbers = [it for it in same_line if it.cell.is_number]
            method = "tab-row"
            if added and (fields := seven_fields(label, same_line, by_col, added, usual)) is not None:
                cells, method = fields, "tab-fields"    # the seven fields beside the added one, an empty one empty
            elif len(numbers) == 7:                     # seven numbers for seven columns
                cells = [it.cell for it in numbers]
            elif any(it.is_text and it.line == label.line and (it.col or 0) > label.col
                     for it in items[idx + 1:nxt_of(k)]):
                pass                                    # words in the row's fields (一, 十): no field is empty
            elif (fields := seven_fields(label, same_line, by_col, None, usual)) is not None:
                cells, method = fields, "tab-fields"    # the row's own seven fields, an empty one an empty cell
            elif len(same_line) == 7 and len(by_col) == 7:   # placeholders (—, /) among or instead of numbers
                cells = [it.cell for it in same_line]
            elif numbers and all(window <= (it.col or 0) < window + 7 for it in numbers) \
                    and len(by_col) == len(same_line):  # two numbers in one field ("1 0"): not by column
                cells = field_cells(by_col, window, window + 7)
            elif not same_line and (label.width or 0) >= window + 7 and not over_lost:   # every cell blank
                cells = [parse_cell("") for _ in range(7)]
            if cells is not None and same_line and same_line[0].line != label.line:
                own_line[row] = same_line[0].line
                if row in TABLE3_ROW_PATHS:         # (a line of its own: whose numbers they are, direction.py)
                    taken[idx] = (TABLE3_ROW_PATHS[row], same_line)
            row_readings(row, cells, numbers, label, method, out, ambiguities)
            continue
        nxt = nxt_of(k)
        if idx + 1 < nxt and items[idx + 1].is_value:
            pass                            # the numbers right after the label
        else:
            first = next((j for j in range(idx + 1, nxt) if items[j].is_value), None)
            if first is not None and any(items[j].is_text and (numbered(items[j].key) and not group_title_piece(items[j].key)
                                                               or holds_sub_row(items[j].key))
                                         for j in range(idx + 1, first)):
                span = []                   # the numbers follow another label, one not placed (a group's title
                #                             wrapped beside the row, （三）不 / 予公开, is no row's label)
        numbers = [it for it in span if it.cell.is_number]
        span = without_label_cells(without_next_rows_empty_cells(items, nxt, span), lead)
        if (ruled := without_rule_glyphs(span, 7)) is not None:
            span = ruled                    # OCR'd table rules, every one of them dropped: read one way only
        elif span and len(span) < 7 and span[0].line == span[-1].line:
            span = bars_as_cells(items[idx:nxt], span, 7)      # 4 | 0 0 0 0 5: OCR's 1 printed as a bar
            numbers = [it for it in span if it.cell.is_number]
        if (first := glued_first_cell(label, span, 7, items[nxt] if nxt < len(items) else None)) is not None:
            span, numbers = [first, *span], [first, *numbers]   # 三安０ ０ ０ …: the first cell glued on (gluedcell.py)
        chosen: list[Item] | None = None
        if spacer and len(span) == 8 and span[0].cell.kind is CellKind.BLANK:
            span = span[1:]                 # the table's empty spacer field, then seven cells (a —, an empty one last)
        if len(span) == 7 or (len(span) > 7 and not any(it.cell.is_number for it in span[7:])
                              and (len(span) < 2 * 7 or alike_rows(span) or rows_apart(items, idx, nxt, span))):
            chosen = span[:7]               # every number among the first 7 (seven more cells: another row's,
            #                                 alike, or which seven are this row's is not known, unless they
            #                                 are another row's: a title row, 三、本年度办理结果, or a spacer)
        elif len(span) > 7 and row_starts_after(items, span[6], nxt, row):
            chosen = span[:7]               # seven cells (无 无 …), then another row whose label was not found
        elif seven_then_apart(items[idx + 1:nxt], span):
            chosen = span[:7]               # a line of seven cells, placeholders among them; what stands on
            #                                 later lines (a page's number) is not this row's
        elif len(span) == 8 and all(it.line == label.line for it in span[:7]) and span[7].cell.is_number \
                and span[7].line == label.line + 1 and nxt < len(items) and items[nxt].line == span[7].line:
            chosen = span[:7]               # seven cells beside the label; a number before the next row's label
            #                                 on its line (that row's 序号) is not this row's
        elif (cells := next_rows_cells(items, nxt, span)) is not None:
            chosen = cells                  # seven cells a line each, then (after the row's end) the next row's 序号
        elif seven_then_a_stray(items[idx + 1:nxt], span, spans.get(order[k + 1][0]) if k + 1 < len(order) else None):
            chosen = span[:7]               # seven cells a line each keeping the row's total, then a page's number
        elif len(numbers) == 7 and len(span) < 2 * 7 and not any(guessed(it.cell) for it in span) \
                and not any(it.cell.kind is _PLACEHOLDER for it in span):
            chosen = numbers                # (a cell of OCR letters, O, is a cell: seven numbers beside it are
            #                                 eight; so is a placeholder, `0 1 - 0 0 0 1` and a page's `3`)
        elif 7 < len(span) < 2 * 7 and all(it.cell.kind is _BLANK for it in span[:-7]) \
                and not words_between(items, span[-8], span[-7]):
            chosen = span[-7:]              # a label spanning columns: empty cells before the row's seven (fewer
            #                                 than seven: seven empty cells are a row's, this one's perhaps, and the
            #                                 seven numbers after them another row's, its label lost or printed below)
        elif padded_seven(span):
            chosen = span[:7]               # seven printed cells, then a grid's padding (markdownify)
        glyphs = None
        if chosen and extra_tokens(span, 7) and any(is_rule_glyph(it) for it in chosen):
            # more tokens than cells, and a letter that may be a table rule taken as a cell: a guess
            chosen, glyphs = None, rule_glyph_options(span, 7, row_holds)
        bars, unbarred = None, None
        if bars_among and any(has_glued_bar(it) for it in span):     # |14: a rule or a 1? (gluedbars.py)
            tokens = [it for it in span if it.cell.kind is not _BLANK]
            if (unbarred := glued_bar_cells(tokens, 7)) is None:
                bars = glued_bar_options(tokens, 7, row_holds)
            chosen, glyphs = None, bars if bars and len(bars) == 1 else glyphs
        cells = [it.cell for it in chosen] if chosen else unbarred
        if chosen and len({it.line for it in chosen}) == 1 and chosen[0].line != label.line:
            own_line[row] = chosen[0].line
        if chosen and row in TABLE3_ROW_PATHS:    # (whose numbers they are: direction.py)
            taken[idx] = (TABLE3_ROW_PATHS[row], chosen)
        row_readings(row, cells, [it for it in span if it.cell.is_number or it.cell.kind is _MISSING and guessed(it.cell)],
                      label, Method.CELLS_AFTER_LABEL, out, ambiguities,
                      [it.line for it in chosen] if chosen else [span[0].line] * 7 if unbarred else None, glyphs,
                      placed=bool(chosen) and any(it.placed for it in chosen),
                      stream=stream or (joined is not None and bool(chosen)
                                        and parts_printed_whole([it.line for it in chosen], joined[1])),
                      only_options=bars is not None and len(bars) == 1,
                      mark_options=(marks := placeholder_options(span) if not chosen and unbarred is None else None),
                      ocr=ocr and not stream, printed=[it for it in span if it.cell.kind is not _BLANK] if marks else None)
    if placed:                                       # two placed rows that trade places: their order is a guess
        for row, c in order_doubts(placed, {r: [out[p].raw or "" for p in TABLE3_ROW_PATHS[r]] for r in placed}):
            if (r := out[TABLE3_ROW_PATHS[row][c]]).value is not None:
                r.method = Method.FORM_ORDER_ROWS
    placeholders_where_printed(ambiguities, out)     # 无 无 无 无 无 0: the lost cell where 0s are printed
    contested_lines(items, order, spans, own_line, out, ambiguities)
    stacked_lines(items, order, spans, own_line, out, ambiguities)     # or after two labels, one under the other
    read_either_way(items, order, taken, out)      # numbers above their labels? the identities choose
    doubt_beside_loose_digits(items, taken, out)   # a line of numbers no row took beside a row's: wrapped digits?
    doubt_rows_cut_at_page_break(items, out, lines)       # a grid row's digits going on past a page break?
    doubt_rows_after_repeated_header(items, out)   # a cut row's rest, over empty cells, under the header again?
    doubt_rows_printed_again(items, out)           # a row's first line printed again, the rest under the copy?
    for row in APPLICATION_ROWS:
        if row not in labels and not (row in SUB_ROWS and SINGLE in labels):
            for c in APPLICANT_COLUMNS:
                out[f"applications.{row}.{c}"] = missing("", [], "label", "row label not found")
    ambiguities = lines_of_lost_labels(items, order, out,   # 14 numbers, or a line of 7, a label lost
                                       rows_over_a_lost_label(items, order, spans, out, ambiguities))
    for row in merged_labels(items, labels) + runs_into_next(items, labels):   # whose cells? not ours to say
        for path in TABLE3_ROW_PATHS[row]:
            r = out[path]
            out[path] = missing(r.raw or "", r.lines, r.method, "its label runs into another row's label")
    for row in copied:                               # (a line printed twice above: rowplace.py)
        for path in TABLE3_ROW_PATHS.get(row, ()):
            r = out[path]
            out[path] = missing(r.raw or "", r.lines, r.method, "a line of numbers printed twice above it: which "
                                "line is this row's, the copy or the next, is not known")
    for row in doubtful:
        for path in TABLE3_ROW_PATHS[row]:
            r = out[path]
            out[path] = missing(r.raw or "", r.lines, r.method,
                                "its label's first part, with numbers, stands on the table row above")
    if not inline and not glued:
        blank_label_rows(items, order, spans, out, lines)
    if not inline and not glued and not ambiguities:
        unprinted_rows(items, labels, out)
    absent_rows(items, labels, out, ambiguities)
    if tabbed:
        total_first_fields(items, order, out)       # a total printed first, in tab-separated rows
    for row, columns in by_header.items():          # a total printed first, only the header saying so
        for j in columns:
            if (r := out.get(TABLE3_ROW_PATHS[row][j])) is not None and r.method == Method.CELLS_AFTER_LABEL:
                r.method = Method.COLUMN_ORDER
    if parts:                                       # each row's cells read after its two labels (splitparts.py)
        for r in out.values():
            if r.method == Method.CELLS_AFTER_LABEL:
                r.method = Method.COLUMN_PARTS
    return out, ambiguities
