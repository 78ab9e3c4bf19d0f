"""Where a 表三 row's cells are in a converter's grid (Markdown): the label's grid line, or a line of numbers
next to it where the converter wrapped the label or detached it from its numbers.

A row's fields are placed by the grid's shape and the row's cell count, never by one renderer's token
positions; where the fields cannot say which cell is empty (two columns merged into one field), the row is
not read.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Set as AbstractSet
from itertools import takewhile

from ..evidence import CellKind
from ..form import FORM
from .cells import Cell
from .labels import row_begun, row_continued, rows_named
from .layout import Item, label_key
from .rowbounds import another_item, numbered
from .table3_labels import without_title_piece
from .gridcells import grid_cells, seven_printed, stacked_cells
from .gridlevels import lone_blank_left_of_level
from .gridtitles import numbers_between_rows
from .gridwraps import label_continued, label_continued_above, label_fields, label_over_page, lines_above

__all__ = ["grid_shape", "grid_row"]

#: 表三's header words of its first and last value columns (自然人, 总计)
_HEADS = (label_key(FORM.table3_columns[0].label), label_key(FORM.table3_columns[-1].label))


def _mode(values: Iterable[int]) -> int | None:
    counts: dict[int, int] = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    return max(counts, key=lambda c: (counts[c], c)) if counts else None


def grid_shape(items: list[Item]) -> tuple[int, int, bool] | None:
    """(fields per row, one past the last value column, whether a column is lost) when the table's grid is
    rectangular, as a converter prints it: most lines with numbers have the same number of fields (a converter may
    add an empty column at the right, so the last value column is the most common one too).
    A row of another width lost or gained a field: its positions say nothing. ``None`` for a
    ragged grid: each row's cells are then the seven fields after its label. A column is lost where
    :func:`_column_lost` says so."""
    last: dict[int, int] = {}
    width: dict[int, int] = {}
    for it in items:
        if it.grid and it.col is not None and it.cell.is_number:
            last[it.line] = max(last.get(it.line, -1), it.col)
            width[it.line] = it.width or 0
    end, fields = _mode(last.values()), _mode(width.values())
    if end is None or fields is None or sum(1 for w in width.values() if w != fields) > len(width) // 12:
        return None
    return fields, end + 1, _column_lost(items, fields, end + 1)


def _column_lost(items: list[Item], fields: int, end: int) -> bool:
    """Whether the grid holds six value fields for seven columns: its header prints 自然人 six fields before its
    last value field, 总计 in that one, and no line of the grid prints a value in the field before 自然人's. A
    converter laid two columns into one field (markitdown: two empty columns side by side, ``| 1645 |  |  |  |  |
    1645 |`` under ``| 自然人 | 商业企 | 科研机 | 社会公 | 法律服 | 总计 |``, 其他 on a line of its own): read as the
    last seven fields, the label's empty field would be 自然人's and every number a column to the right."""
    header = {it.key: it.col for it in items if it.grid and it.is_text and it.width == fields and it.col is not None
              and it.key in _HEADS}
    if header.get(_HEADS[0]) != end - 6 or header.get(_HEADS[1]) != end - 1:
        return False
    return not any(it.grid and it.is_value and it.col == end - 7 and it.width == fields for it in items)


#: 表三's header words as label keys: a page break repeats them between a row's two halves
_HEADER = label_key("".join((*FORM.table3_header, *(c.label for c in FORM.table3_columns))))
_PAGE_BREAK_LINES = 24     # how far above a label a page break's repeated header may push its first half


def _line_above(items: list[Item], idx: int, label: Item) -> list[Item]:
    """The items of the grid line above the label's, past a page break between the two (a repeated
    header: grid lines of the header's words only, the page's number alone off the grid, and lines outside the
    grid, such as the table's note, none holding a value, an item number or a row's name). Empty when there is
    none."""
    for line, group in lines_above(items, idx):
        if label.line - line > _PAGE_BREAK_LINES:
            break
        if len(group) == 1 and not group[0].grid and group[0].cell.is_number and label.grid:
            continue                    # a page's number off the grid between a row's two halves (``2``)
        if any(it.is_value for it in group):
            return group if group[-1].grid else []
        header = all(it.grid and it.key in _HEADER for it in group) \
            and (len(group) > 1 or not rows_named(group[0].key))     # (其他 or 总计 alone may be a row's label)
        if not header and any(it.grid or numbered(it.key) or rows_named(it.key) for it in group):
            return []
    return []


def _right_above(items: list[Item], idx: int, label: Item, line: int) -> bool:
    """Whether grid line ``line`` stands right above the label's: the line before it, or two lines up with only
    a markdown rule between them (markitdown closes a table under a row and opens one on the next: the rule line
    gives no item, so nothing stands between ``line``'s items and the label's line)."""
    if line == label.line - 1:
        return True
    j = idx - 1
    while j >= 0 and items[j].line == label.line:
        j -= 1
    return line == label.line - 2 and j >= 0 and items[j].line == line


def _wrapped_label_row(row: str, label: Item, same: list[Item], line_items: list[Item], lo: int,
                       below: bool, then: list[Item] = ()) -> bool:
    """Whether a grid line next to a label's line of empty fields is the other half of one table row: a
    converter read a label wrapped over two lines as two rows, its numbers on one of them
    (``| 二、上年结 |  | … |`` / ``| 转政府信息公开申请数量 | 0 | 0 | … |``). So it is where the line's label
    text names no other row (nor starts with an item number, below the label), the two texts together
    name this row, and the line holds numbers or empty cells' marks and no word among its value fields.
    Below the label, the grid line ``then`` after it may end the label, words only in its label fields (a label
    wrapped over three lines, its numbers on the middle one: ``|||8.属于行||…|`` / ``|||政查询|3|0|…|3|`` /
    ``|||事项||…|``)."""
    if not any(it.cell.is_number or it.cell.kind is CellKind.PLACEHOLDER for it in line_items if it.is_value) \
            or any(it.is_text and (it.col or 0) >= lo for it in line_items):
        return False                    # (its cells printed as marks, ``| 政法规禁止公开 | / | / | …``, are cells too)
    besides = {it.key for it in same if it.is_text} | {label.key}
    piece = label_fields(line_items, lo, besides, label.col or 0)
    if not piece or set(rows_named(piece)) - {row} or (below and numbered(piece)) \
            or (not below and another_item(piece, label.key)):
        return False
    head = label_fields(same, lo, set(), label.col or 0) or label.key   # (its fields on, 部分公 | 开（区分; left: its group's)
    if row in rows_named(head + piece if below else piece + head):
        return True
    if not below or not then or any(it.is_value and it.cell.kind is not CellKind.BLANK for it in then) \
            or any(it.is_text and (it.col or 0) >= lo for it in then):
        return False
    tail = label_fields(then, lo, besides, label.col or 0)
    return bool(tail) and not numbered(tail) and not set(rows_named(tail)) - {row} \
        and row in rows_named(head + piece + tail)


def _numbers_between_pieces(row: str, label: Item, same: list[Item],
                            by_line: Mapping[int, list[Item]]) -> tuple[int, list[Cell]] | None:
    """A narrow grid's row whose label a converter wrapped over two grid lines with its numbers on a line between
    them (markitdown: ``| 结 | 3.危及“三安全 |  | … |`` / ``|  |  | 12 | 0 | 0 0 | 0 | 0 12 |`` / ``| 果 | 一稳定” |
    … |``): (the numbers' line, its seven cells) where the next grid line holds numbers only, as wide as the label's,
    and the line after it goes on with the label (its label fields, but a group title's piece, name this row
    joined to the label and no other alone, and open no item of their own). Numbers under a label whose rest
    does not follow may be the next row's, printed above its label: None."""
    lines = sorted(n for n in by_line if n > label.line)
    if len(lines) < 2 or lines[0] > label.line + 2:
        return None
    numbers, rest = by_line[lines[0]], by_line[lines[1]]
    lo = (label.col or 0) + 1
    if any(it.is_text or not it.grid for it in numbers) or (numbers[0].width or 0) != (label.width or 0) \
            or any(it.is_value or (it.col or 0) >= lo for it in rest):
        return None
    titles = {it.key for it in rest if it.is_text and without_title_piece(it.key) is None}   # (开 of 不予公开)
    piece = label_fields(rest, lo, {it.key for it in same if it.is_text} | {label.key} | titles)
    if not piece or set(rows_named(piece)) - {row} or numbered(piece) or row not in rows_named(label.key + piece):
        return None
    cells = stacked_cells(numbers, label.col or 0) or seven_printed(numbers)
    return (lines[0], cells) if cells is not None else None


def _numbers_below(row: str, label: Item, own: list[Item],
                   by_line: Mapping[int, list[Item]]) -> tuple[int, list[Cell]] | None:
    """A narrow grid's row (fewer than seven value fields: pymupdf4llm joins two columns into one,
    ``||4.保护第三<br>方合法权益|0|0|0|0|0|0<br>0|``) whose label a converter wrapped over two or three grid lines, its
    numbers on the line below the label's (``||3.补正后申|||…|`` / ``||请内容仍不<br>明确|1|0|0|0|0|0<br>1|``), the line
    after that maybe ending it: (that line, its seven cells) where :func:`_wrapped_label_row` finds the pieces one row's
    label and the line as wide as the label's, its numbers seven after the label's field; else None."""
    lines = sorted(n for n in by_line if n > label.line)
    if not lines or lines[0] > label.line + 2:
        return None
    below = by_line[lines[0]]
    then = by_line[lines[1]] if len(lines) > 1 else []
    at = lines[0]
    if not _wrapped_label_row(row, label, own, below, (label.col or 0) + 1, True, then):
        # (a label wrapped over more lines, its numbers on one of them: ``||1.申请人无|||`` / ``||正当理由逾|||`` /
        # ``||期不补正、|||`` / ``||行政机关不|0|0|…|0<br>0|`` / ``||再处理其政|||``)
        if (more := label_continued(row, label, own, by_line, (label.col or 0) + 1)) is None or not more[1]:
            return None
        at, below = more
    if (below[0].width or 0) != (label.width or 0):
        return None
    cells = stacked_cells(below, label.col or 0)
    return (at, cells) if cells is not None else None


def grid_row(items: list[Item], idx: int, end: int, shape: tuple[int, int, bool] | None, row: str = "",
             claimed: AbstractSet[int] = frozenset()) -> tuple[int, list[Cell] | None]:
    """:func:`_grid_row`, where the cells come from a line other than the label's, unless a row above took
    that line's numbers already (``claimed``): ``1、申请人无正当理由逾期不补`` / ``| | | 正、行政机关不再处理其政府信 |
    … 0 0 |`` / ``| | (六)其他处理 | 2、申请人逾期未按收费通知要求 | (empty fields) |``: the tail both labels
    share does not make the line above the lower row's (it stays unread, its empty fields no blank cells). A row
    with an empty field and fewer than two values in a field that merges two columns on other lines of its grid
    stays unread (:func:`_merged_field_short`)."""
    line, cells = _grid_row(items, idx, end, shape, row)
    if cells is not None and line != items[idx].line and line in claimed:
        return items[idx].line, None
    if cells is not None and any(c.kind is CellKind.BLANK for c in cells) \
            and _merged_field_short(items, line, (shape[1] if shape else items[idx].width or 0) - 7):
        return line, None               # (``| 0 |`` where other lines print ``| 23 4 |``: whose is the 0?)
    if cells is not None and lone_blank_left_of_level(items, items[idx], cells):
        return line, None               # (a label a column left of its siblings, an empty field among numbers)
    return line, cells


def _merged_field_short(items: list[Item], line: int, lo: int) -> bool:
    """Whether grid line ``line`` holds fewer than two values in a value field (from column ``lo``) where another
    line of its grid (as wide) holds two numbers: a converter merged two columns there (markitdown:
    ``| 23 4 | 1 | 0 |``), so one number there may be either column's, and an empty one leaves the grid's fields
    one fewer than the columns: the row's empty fields are not known to be the ones their places say
    (``| 18 | 1 |  |  | 0 0 | 19 |`` over ``| （一）予以公开 |  |  | 无 | 无 |  |  |``: its two 无 read as the
    columns a field to the right)."""
    per_field: dict[tuple[int, int], int] = {}
    width = next((it.width for it in items if it.line == line and it.grid), None)
    for it in items:                    # (the lines of this grid: another page's has fields of its own)
        if it.grid and it.col is not None and it.col >= lo and it.is_value and it.width == width:
            if it.cell.is_number or it.line == line:
                per_field[it.line, it.col] = per_field.get((it.line, it.col), 0) + 1
    if not any(at == line for at, _ in per_field):
        return False                    # (every field empty: a blank row wherever its fields are)
    merged = {col for (at, col), n in per_field.items() if n > 1 and at != line}
    return any(per_field.get((line, col), 0) < 2 for col in merged)


def _grid_row(items: list[Item], idx: int, end: int,
              shape: tuple[int, int, bool] | None, row: str = "") -> tuple[int, list[Cell] | None]:
    """A markdown/grid row of 表三: (line of its cells, the seven cells or ``None``).

    The cells are on the label's line, or (a converter detached the label from its numbers)
    on the first line below it, before the next label, that has numbers and no words (a note
    pulled onto its own line may stand between), when the label's line has no value. Where the
    label's line has only empty fields and the line right above or below holds the rest of its
    label with numbers (:func:`_wrapped_label_row`), the cells are that line's. A line holding two
    rows' labels (a converter fused the rows) gives neither row cells. A line wider than the grid's rows, its extra
    fields labels (``三、本年度办理结果 | （一）予以公开 | 1 | 0 |  | …``: the group's title in a field of its own),
    has its cells in its own last seven fields."""
    label = items[idx]
    lost = shape is not None and shape[2]
    if end < len(items) and items[end].line == label.line:
        return label.line, None         # another row's label on its line: two rows fused, whose cells?
    by_line: dict[int, list[Item]] = {}
    for it in items[idx + 1:end]:
        by_line.setdefault(it.line, []).append(it)
    same = by_line.pop(label.line, [])
    if shape is None:                   # ragged: the row's own last seven fields, after its label and the
        width = label.width or 0        # empty fields of its span
        if width - 7 < (label.col or 0) + 1:
            if row and not any(it.is_value for it in same) \
                    and (middle := _numbers_between_pieces(row, label, same, by_line)
                         or _numbers_below(row, label, _own(items, idx, same), by_line)) is not None:
                return middle
            if row and (lone := numbers_between_rows(items, idx, end, same, by_line)) is not None:
                return lone[0], stacked_cells(lone[1], label.col or 0)
            return label.line, stacked_cells(same, label.col or 0)
    elif label.width != shape[0]:
        if row and not any(it.is_value and it.cell.kind is not CellKind.BLANK for it in same) \
                and (above := _line_above(items, idx, label)) \
                and (other := _cut_at_page_break(row, label, _own(items, idx, same), above)) is not None:
            return above[0].line, other     # a page break's new table: the label's rest, its cells above the break
        if (label.width or 0) > shape[0] and (cells := grid_cells(same, shape[1] + (label.width or 0) - shape[0],
                                                                   label.col or 0, lost)) is not None:
            return label.line, cells    # a row printing its group's title in a field of its own: its last seven
        if row and not any(it.is_value for it in same) \
                and (below := _numbers_below(row, label, _own(items, idx, same), by_line)) is not None:
            return below                # (a page of the table a narrower grid: its label wrapped over its numbers)
        return label.line, seven_printed(same)    # (a ragged row: its seven printed cells, if that is all it holds)
    else:
        width = shape[1]
    # the grid line after the label's: past a table's rule line (a converter starts a new table at a page break), the
    # page's foot and the empty lines around it (the lines between hold no item before the row's span ends)
    after = min((n for n in by_line if label.line < n and not _page_number(by_line[n], label)), default=label.line + 1)
    empty = not any(it.is_value and it.cell.kind is not CellKind.BLANK for it in same)    # no cell of its own
    above = _line_above(items, idx, label) if empty else []
    if row and width - 7 >= 1 and empty:
        own = _own(items, idx, same)    # the items of the label's line (in line order)
        # the line below, then the label's text going on below to its numbers, then the line above (a label whose
        # text goes on below is not the tail of the row above, which may end in words both labels share)
        line_items = by_line.get(after, [])
        later = [n for n in by_line if n > after]
        then = by_line[min(later)] if line_items and later else []      # (the line after it: a label's last piece?)
        if line_items and _wrapped_label_row(row, label, own, line_items, width - 7, True, then) \
                and (line_items[0].width or 0) == (label.width or 0):
            return after, grid_cells(line_items, width, label.col or 0, lost)
        if (below := label_continued(row, label, own, by_line, width - 7)) is not None:
            return below[0], (grid_cells(below[1], width, label.col or 0, lost) if below[1] else None)
        if above and _wrapped_label_row(row, label, own, above, width - 7, False) \
                and (above[0].width or 0) == (label.width or 0):
            return above[0].line, grid_cells(above, width, label.col or 0, lost)
        if above and (other := _cut_at_page_break(row, label, own, above)) is not None:
            return above[0].line, other
        if (head := label_continued_above(row, label, idx, items, own, by_line, width - 7)
                or label_over_page(row, label, idx, items, own, width - 7)) is not None:
            return head[0], grid_cells(head[1], width, label.col or 0, lost)
    nxt = by_line.get(after, [])
    if all(it.is_text or it.cell.kind is CellKind.BLANK for it in same) \
            and any(it.is_text for it in nxt) and any(it.is_value and it.cell.is_number for it in nxt):
        return label.line, None         # empty fields, then numbers beside words that name no row: one table
        #                                 row a converter cut in two at a page break? whose numbers, not known
    if empty:
        for n, below in by_line.items():    # (empty fields only after the label: no cell of its own either)
            if all(it.is_value and it.grid for it in below) \
                    and any(it.cell.is_number or it.cell.kind is CellKind.PLACEHOLDER for it in below) \
                    and (below[0].width or 0) == (label.width or 0):
                return n, grid_cells(below, width, label.col or 0, lost) or seven_printed(below)
        if above and all(it.is_value for it in above) and any(it.cell.is_number for it in above) \
                and _right_above(items, idx, label, above[0].line):
            return label.line, None     # numbers alone on the grid line right above: this row's, printed above
            #                             its label (markitdown), or no one's; its empty fields no blank cells
        if row and row in (row_begun(label.key), row_continued(label.key)):
            return label.line, None     # a label cut short (``５．要求行政机关确认或重``), its rest and numbers past a
            #                             page break or a caption this reader did not join, or the rest of a label
            #                             (``及“三安全一稳定”``) whose beginning this reader did not find: its empty
            #                             fields no blank row
    return label.line, grid_cells(same, width, label.col or 0, lost) or seven_printed(same)


def _own(items: list[Item], idx: int, same: list[Item]) -> list[Item]:
    """The items of the line of the label ``items[idx]`` (``same``: those after it), in line order."""
    line = items[idx].line
    return list(takewhile(lambda it: it.line == line, (items[j] for j in range(idx - 1, -1, -1))))[::-1] + same


def _cut_at_page_break(row: str, label: Item, own: list[Item], above: list[Item]) -> list[Cell] | None:
    """The cells of a row whose label a page break cut, its numbers with its label's first part on the last grid
    line of one table and its label's rest, with empty fields, on the next table's first line, a grid of another
    width (pymupdf4llm: ``|本<br>（二）部分公|0|0|0|0|0|0|0|`` / ``|年<br>度|开（区分处理<br>的，只计这一||||||||``):
    read from the line above in its own fields, where the two label pieces name the row; else None (its empty fields
    are then no blank row: :func:`_grid_row` reads the label's line only where this gives nothing)."""
    width = above[0].width or 0
    if width == (label.width or 0) or width - 7 < 1 or any(it.is_text and (it.col or 0) >= width - 7 for it in above):
        return None
    piece = label_fields(above, width - 7, {it.key for it in own if it.is_text and it is not label})
    if not piece or set(rows_named(piece)) - {row} or row not in rows_named(piece + label.key) \
            or another_item(piece, label.key):
        return None
    head = max((it.col or 0 for it in above if it.is_text), default=0)
    return grid_cells(above, width, head)


def _page_number(line_items: list[Item], label: Item) -> bool:
    """Whether a line between a grid row's label and the next is a lone number off the grid: a page's number
    (``2``) a converter printed between the two halves of a row a page break cut, no cell of the row."""
    return label.grid and len(line_items) == 1 and not line_items[0].grid and line_items[0].cell.is_number
