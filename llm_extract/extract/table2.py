"""Read 表二 (主动公开政府信息情况) from its region, row by row by the form's labels."""

from __future__ import annotations

import re

from ..evidence import Ambiguity, CellKind, Method, Reading
from .cells import Cell, letters_as_digits, normalise, parse_cell
from .t2nbsp import nbsp_cells
from .t2notes import note_round_row
from .t2grid import merged_grid, row_alone, spanned_cells, with_grid_blanks, wrapped_past_its_line
from .t2boxorder import box_among_empty_rows, boxes_apart, markup_blank_lines
from .t2lines import back_on_next_line, past_short_row, uneven_gaps, uneven_lines
from .extracols import added_column, t2_header
from .headerorder import STOCK_NAMES, header_order
from .t2fused import fused_header_fields
from .t2glued import annotated_first, glued_ocr, glued_placeholders, t2_glued, without_fee_unit
from .columns import CLEAR_MARGIN, place_by_columns
from .runjoins import printed_pieces
from .t2runs import cells_one_to_a_line
from .glued import glued_number, glued_run, recount_options
from .labels import TABLE2_LABELS, match_row, names_table2_row, strip_item_number
from .feeunit import fee_in_wanyuan
from .t2wide import read_wide
from .t2labels import count_then_heading, runs_on, t2_label
from .t2wrapped import split_wrapped_labels
from .layout import Item, Region, is_page_furniture, label_key
from .direction import rows_above_or_below
from .t2above import rows_from_above
from .stacked import after_stacked_labels
from .readings import Readings, fits_field, gap_options, missing, reading
from .ruleglyphs import is_rule_mark, without_rule_glyphs

__all__ = ["read_table2"]

#: a number's decimals on their own (a converter cut 451.055 at its point: ``451`` | ``．055``)
_FRACTION = re.compile(r"^[.．][0-9０-９]+$")

_DIGIT = re.compile(r"\d")
_PLACEABLE = frozenset({CellKind.NUMBER, CellKind.ZERO, CellKind.OCR, CellKind.PLACEHOLDER})
_LEADING_ZERO = re.compile(r"^0[\dOo]")
_LEADING_DIGITS = re.compile(r"^\d+")
_T2_COLUMNS = {3: ("issued", "repealed", "in_force"), 1: ("",)}
#: the method of a 表二 cell cut from a glued digit run that has one cut only (verify/decide.py: unverified)
GLUED_CUT = Method.GLUED_CUT
#: the method of a 表二 row read across OCR'd table rules among its cells (ruleglyphs.py: marks between
#: them, or rule letters dropped; verify/guesses.py: unverified, no identity checks 表二)
RULE_GLYPHS_DROPPED = Method.RULE_GLYPHS_DROPPED


#: the value columns of 表二's stock rows (本年制发 / 本年废止 / 现行有效): the width a merged cell spans
_STOCK_COLUMNS = max(len(cols) for cols in _T2_COLUMNS.values())


def _foot_between(lines: list[str], label: int, value: int) -> bool:
    """Whether a page's foot (第 1 页, —1—) stands between a label's line and its first value's (1-based)."""
    return any(is_page_furniture(lines[n - 1].replace("\x0c", " ").strip()) for n in range(label + 1, value))


def _unread(out: Readings, paths: list[str], values: list[Item], label: Item, note: str) -> None:
    """Every cell of the row at ``label`` left unread (missing, the numbers after its label its raw text)."""
    for path in paths:
        out[path] = missing(" ".join(v.raw for v in values), [label.line], "label+cells", note)


def read_table2(region: Region, ambiguities: list[Ambiguity] | None = None,
                lines: list[str] | None = None, in_order: bool = False, year: int | None = None) -> Readings:
    """表二 by its row labels; rows whose cells cannot be told apart go to ``ambiguities`` (when given).
    With the document's ``lines``, a fixed-width row with a blank cell is placed by its full neighbour's columns.
    ``in_order``: the text prints every table's cells in their order (a Word file's paragraphs, blankpairs), so a
    row's numbers one to a line are no PDF tool's boxes. ``year``: the report's (its column among two years')."""
    out: Readings = {}
    items = split_wrapped_labels(region.items)     # 规章行政规范性文 / 4 2 4 / 件 (t2wrapped.py)
    texts = [(i, it.key) for i, it in enumerate(items) if it.is_text]     # (each label search walks these)
    taken: dict[int, tuple[list[str], list[Item]]] = {}     # label item → paths, items its cells came from
    found = [(prefix, pattern, n, t2_label(items, prefix, texts)) for prefix, pattern, n in TABLE2_LABELS]
    markup = in_order or (lines is not None and markup_blank_lines(lines, region.start, region.end))
    shared = {i for *_, i in found if i is not None and sum(1 for *_, j in found if j == i) > 1}
    rows: list[tuple[list[str], int, int]] = []          # (paths, label index, cells) of each label found
    labelled = sorted({i for *_, i in found if i is not None})
    for prefix, pattern, n, i in found:
        if i is None:
            continue
        item = items[i]
        paths = [f"{prefix}.{c}" if c else prefix for c in _T2_COLUMNS[n]]
        rows.append((paths, i, n))
        if i in shared:                 # 规章 行政规范性文件 1 0 5: two rows' labels run together, whose cells?
            for path in paths:
                out[path] = missing(item.raw, [item.line], "label+cells",
                                    "two rows' labels run together: which row the cells after them are is not known")
            continue
        if runs_on(item.key, pattern, prefix):
            if n == 1 and (count := count_then_heading(item.key, pattern, prefix)) is not None:
                out[paths[0]] = reading(parse_cell(count), [item.line], "glued")     # 行政许可58件第二十条…
                continue
            for path in paths:          # 行政事业性收费 / 第二十条第（五）项 / 本年处理决定数量 / 25: 行政许可's 25
                out[path] = missing(item.raw, [item.line], "label+cells",
                                    "the label runs on into another row's section heading or column headers: "
                                    "the cells after it are not its own")
            continue
        if lines is not None and note_round_row(item, pattern, lines):      # 30（其中 / 规范性文件 新制定6 2 60 / 件）
            _unread(out, paths, items[i + 1:i + 1 + n], item, "a count's note wrapped round the row, its middle "
                    "glued after the label: the digit in it is no cell")
            continue
        values: list[Item] = []
        ruled = False                   # a table rule read as a mark between the cells (0 | 0, 0 一 0)
        fraction = False                # a number's decimals in a cell of their own (451 | .055)
        for k, nxt in enumerate(items[i + 1:], start=i + 1):
            if nxt.is_text:
                if is_rule_mark(nxt) and k + 1 < len(items) and items[k + 1].is_value \
                        and items[k + 1].line == nxt.line:
                    ruled = True
                    continue
                fraction = nxt.line == (values[-1].line if values else item.line) \
                    and bool(_FRACTION.match(nxt.raw.strip()))      # (after a number glued to the label, too)
                break
            values.append(nxt)
        printed = list(values)          # (as printed: an added column's cell stands among them)
        if (added := added_column(items, i, year, lines)) is not None:
            if len(values) != n + 1 or added > n:      # a column the report adds, and not one cell for it a row
                _unread(out, paths, values, item, "the table adds a column (last year's figures) and the row's "
                                                  "cells do not tell which are this year's")
                continue
            values = values[:added] + values[added + 1:]      # the added column's cell is not the form's
        if fraction:                    # a converter cut the number at its decimal point: 451 is not the cell
            _unread(out, paths, values, item, "a number's decimals stand in a cell of their own after it: the "
                                              "number was cut")
            continue
        if lines is not None and values and _foot_between(lines, item.line, values[0].line):
            _unread(out, paths, values, item,          # 行政强制 / —1— / 1: printed past the page's foot
                    "a page's foot stands between the label and the numbers after it: printed out of the page's "
                    "flow, they are not known to be its cells")
            continue
        while len(values) > n and values[-1].cell.kind is CellKind.BLANK:
            values.pop()                # trailing empty cells of the row
        while len(printed) > n and printed[-1].cell.kind is CellKind.BLANK:
            printed.pop()               # (nor are they printed cells whose lines tell how the row stands: Word's
            #                             spacer row of empty cells under the table, <![if !supportMisalignedColumns]>)
        if n == 1 and len(values) > 1 and len({v.col for v in values}) == len(values) \
                and all((v.grid or (v.col is not None and len(values) == _STOCK_COLUMNS))
                        and v.line == values[0].line and v.raw == values[0].raw for v in values):
            values = values[:1]         # a converter repeats the one cell across the columns it spans (so does
            #                             a merged cell pasted from a spreadsheet: 行政许可 812 812 812, tab-separated)
        elif (spanned := spanned_cells(items, i, values, n)) is not None:
            values = spanned            # merged cells repeated in the columns they span, as the header's words
        if item.grid and any(v.line == item.line for v in values):
            if lines is not None and wrapped_past_its_line(item, values, lines):
                _unread(out, paths, values, item, "the row's last number ends its line and digits alone stand on "
                                                  "the next: a line wrapped inside the cell, perhaps")
                continue
            values = [v for v in values if v.line == item.line]     # a grid row is its line: not the next one's
        if not merged_grid(items, i):      # (a grid that ran two columns together places no empty field)
            values = with_grid_blanks(item, values, n, [it for it in items[i + 1:i + 2 * n + 2] if it.line == item.line],
                                      not values and row_alone(items, i, labelled))
        method = RULE_GLYPHS_DROPPED if ruled else "label+cells"
        if (unruled := without_rule_glyphs(values, n)) is not None:
            values, method = unruled, RULE_GLYPHS_DROPPED  # OCR'd table rules: read one way only, never proven
        if lines is not None and 0 < len(values) < n:
            values, method = ((spaced, method) if (spaced := nbsp_cells(item, values, n, lines[item.line - 1]))
                              else _with_layout_blanks(item, values, n, lines, region))     # (&nbsp; cells, or columns)
        key = without_fee_unit(item.key) if n == 1 and paths[0].endswith("fees_10k_yuan") else item.key
        glued = glued_number(key) if not values else None
        if glued is None and n > 1 and not values and (run := glued_run(key)) is not None:
            glued = run[1]              # a stock row's run with OCR letters in it (规章00O, 规范性文件l400)
        if glued is not None and n > 1 and (first := annotated_first(key[:-len(glued)])) is not None:
            out[paths[0]] = reading(first, [item.line], "glued")       # 行政规范性文件2（其中修订1件）150: the 2
            t2_glued(glued, paths[1:], item, out, ambiguities)
        elif glued is not None and _DIGIT.search(strip_item_number(key[:-len(glued)])):
            for path in paths:          # 行政处罚0行政强制86: two rows ran together, whose number is 86?
                out[path] = missing(item.raw, [item.line], "glued", "another row runs into the label")
        elif glued is not None:         # a crawler's dump: 行政许可3150, 规章000
            t2_glued(glued, paths, item, out, ambiguities)
        elif not values and glued_placeholders(key, n):      # 规章无无无: a crawler's row of empty cells
            for path in paths:
                out[path] = reading(parse_cell("无"), [item.line], "glued")
        elif n == 1 and not values and (ocr := glued_ocr(key)) is not None:
            r = reading(ocr, [item.line], "glued")         # 行政事业性收费49O.69, 行政强制O
            out[paths[0]] = r if fits_field(paths[0], r.value) \
                else missing(ocr.raw, [item.line], "glued", "a decimal where a count belongs")
        elif len(values) == n and (len({(v.line, v.col) for v in values if v.col is not None})
                                   == sum(1 for v in values if v.col is not None)   # not two numbers in one field
                                   or fused_header_fields(items, i, values)):     # ("1 0"), unless the header's
            #                                                                       field names two columns too
            printed_order = values
            if n == len(STOCK_NAMES) and (order := header_order(t2_header(items, i, True, lines), STOCK_NAMES)) is not None:
                values = [values[order.index(c)] for c in range(n)]     # 现行有效件数 before 本年废止件数…
            taken[i] = (paths, values)
            if method == "label+cells" and not markup and (boxes_apart(item, values)
                                                           or box_among_empty_rows(items, i, values, labelled)):
                method = Method.T2_BOXES      # one to a line, blank lines between: the order a text tool's
            elif method == "label+cells" and (uneven_lines(item, printed) or uneven_gaps(printed, lines)
                                              or back_on_next_line(printed, lines)
                                              or past_short_row(items, i, printed, n, labelled)):
                method = Method.T2_UNEVEN_LINES     # 1 / 13 0: a number's runs parted, perhaps
            stray = _stray_digits(lines, item, region) if lines is not None else None
            for path, v, p in zip(paths, values, printed_order):
                moved = (v.cell.kind, v.cell.value) != (p.cell.kind, p.cell.value)   # the header alone places it
                r = reading(letters_as_digits(v.cell) or v.cell, [item.line, v.line],
                            Method.HEADER_ORDER if moved else method)
                if stray is not None and v.cell.kind is CellKind.BLANK:
                    out[path] = missing(stray[1], [item.line, stray[0]], "label+cells",
                                        "an empty field, a number's text out of the table's grid beside its row: "
                                        "a cell whose text wrapped out of it, perhaps this one")
                elif fits_field(path, r.value):
                    out[path] = r
                else:
                    out[path] = missing(v.raw, [v.line], "label+cells", "a decimal where a count belongs")
        elif (parted := cells_one_to_a_line(item, values, n)) is not None:     # 0 / 2 0 / 4: a crawler's runs
            for path, (cell, line) in zip(paths, parted):
                r = reading(cell, [item.line, line], Method.T2_UNEVEN_LINES)
                out[path] = r if fits_field(path, r.value) else missing(cell.raw, [line], "label+cells", "a decimal")
        else:
            note = f"{len(values)} value cells after the label, {n} expected"
            raw = " ".join(v.raw for v in values)
            for path in paths:
                out[path] = missing(raw, [item.line], "label+cells", note)
            nums = [v.cell.value for v in values if v.cell.is_number]
            if ambiguities is not None and len(nums) == len(values) and all(isinstance(x, int) for x in nums) \
                    and not paths[0].endswith("fees_10k_yuan"):
                options = recount_options(nums, n, pieces=printed_pieces([v.raw for v in values], nums)) \
                    if len(nums) != n - 1 else _short_row_options(values, n)
                if len(options) == 1 and None not in options[0] \
                        and any(_LEADING_ZERO.match(normalise(v.raw)) for v in values):
                    # 0338 is two cells run together (no count has a leading zero), cut the only way there is:
                    # read, never proven nor derived (no identity checks 表二)
                    for path, value in zip(paths, options[0]):
                        cell = parse_cell(str(value))
                        out[path] = Reading(cell.plain, cell.kind, raw, [item.line], GLUED_CUT,
                                            f"the only cut of {raw} into {n} cells")
                elif options:
                    ambiguities.append(Ambiguity(paths=paths, options=options, raw=raw, lines=[item.line],
                                                 reason=f"{prefix}: {note}; a number split or two cells merged"))
    rows_above_or_below(items, taken, out)           # numbers printed above their labels? (direction.py)
    rows_from_above(items, [r for r in rows if r[1] not in shared], out)     # a chain of them (t2above.py)
    after_stacked_labels(items, taken, out)          # labels printed as a column? (stacked.py)
    if lines is not None:                            # rows laid out across the page (t2wide.py)
        for path, r in read_wide(items, lines).items():
            if path not in out or out[path].missing:
                out[path] = r
    fee_in_wanyuan(out, items)                       # the fee printed in 元 (feeunit.py)
    return out


def _short_row_options(values: list[Item], n: int) -> list[list[int | None]]:
    """Readings of a row printing one number too few (every one an int): two cells ran together, so
    one printed number is cut in two, as printed (``0338（其中修订4件）`` is 0 and 338: no count has a
    leading zero); or, when every number could be one cell, a blank cell (unknown here) stands
    among them. Both are offered: a unique reading is pinned, several stay candidates."""
    texts = []
    for v in values:
        m = _LEADING_DIGITS.match(normalise(v.raw).replace(",", ""))
        if m is None:
            return []
        texts.append(m.group())
    ints = [int(t) for t in texts]
    options: list[list[int | None]] = []
    broken = [i for i, t in enumerate(texts) if not _whole(t)]     # (such a number must be the one cut)
    for i, text in enumerate(texts):
        if broken and broken != [i]:
            continue
        for cut in range(1, len(text)):
            head, tail = text[:cut], text[cut:]
            if _whole(head) and _whole(tail):
                options.append(ints[:i] + [int(head), int(tail)] + ints[i + 1:])
    if options and all(_whole(t) for t in texts):
        options += gap_options(ints, n)
    return options


def _whole(digits: str) -> bool:
    """A count as printed: no leading zero (but 0 itself)."""
    return digits == "0" or digits[:1] != "0"


def _with_layout_blanks(label: Item, values: list[Item], n: int, lines: list[str],
                        region: Region) -> tuple[list[Item], str]:
    """A fixed-width (``pdftotext -layout``) row printing fewer numbers than its ``n`` columns, all on
    its label's line: each number goes to its column by a full row of the same table (columns.py),
    the other columns are blank cells (method ``layout-columns``, or ``layout-columns-close`` when
    another placement came near: never proven); ``values`` as they were when no placement is clear."""
    line = lines[label.line - 1]
    unchanged = values, "label+cells"
    if "\t" in line or not all(v.line == label.line and v.col is None and v.cell.kind in _PLACEABLE
                                and not _LEADING_ZERO.match(normalise(v.raw)) for v in values):
        return unchanged        # (a note, or a number with a leading zero, may be two cells run together)
    for n_ref in range(region.start, region.end):
        if n_ref == label.line:
            continue
        reference = lines[n_ref - 1]
        if "\t" in reference or not _full_row(reference, n):
            continue
        placed = place_by_columns(line, [v.raw for v in values], reference, n)
        if placed is None:
            return unchanged
        if any(_wrapped_digits(lines, label.line + step, region) for step in (-1, 1)):
            return unchanged    # a cell's text wrapped round its row (2（其中修 / row / 订1件）): no column is surely blank
        by_slot = dict(zip(placed[0], values))
        method = "layout-columns" if placed[1] >= CLEAR_MARGIN else Method.LAYOUT_COLUMNS_CLOSE
        return [by_slot.get(c) or Item("", label.line, parse_cell(""), key="") for c in range(n)], method
    return unchanged


def _wrapped_digits(lines: list[str], n: int, region: Region) -> bool:
    """Whether line ``n`` of ``region`` holds a digit but no 表二 row's label: a piece of a cell wrapped onto the line
    above or below its row (an annotated number centred in its cell: ``2（其中修`` over the row, ``订1件）`` under it)."""
    if not region.start <= n < region.end:
        return False
    line = lines[n - 1]
    if not any(ch.isdigit() for ch in line):
        return False
    return not names_table2_row(label_key(line))


def _stray_digits(lines: list[str], label: Item, region: Region) -> tuple[int, str] | None:
    """The line right above or below a grid row (``| 规范性文件 |  | 3 | 79 |``) that stands outside the grid and
    holds a digit but no 表二 label (``12（其中修订7``, a converter printing a wrapped cell's text apart from its
    row), with its number; ``None`` when there is none (a row outside a grid has its own checks)."""
    if not lines[label.line - 1].lstrip().startswith("|"):
        return None
    for n in (label.line - 1, label.line + 1):
        if 0 < n <= len(lines) and not lines[n - 1].lstrip().startswith("|") and _wrapped_digits(lines, n, region):
            return n, lines[n - 1].strip()
    return None


def _full_row(line: str, n: int) -> bool:
    """A line holding a 表二 row label and then exactly ``n`` cells, every one a number or placeholder."""
    tokens = line.split()
    if len(tokens) < n + 1 or not all(parse_cell(t).is_value for t in tokens[-n:]) \
            or parse_cell(tokens[-n - 1]).is_value:
        return False
    key = label_key("".join(tokens[:-n]))
    return any(width == n and match_row(key, pattern) for _, pattern, width in TABLE2_LABELS)
