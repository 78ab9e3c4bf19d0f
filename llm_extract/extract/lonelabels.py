"""表三 rows a report printed blank in fixed-width PDF text: the label alone, read as a row of blank cells.

A **blank row in fixed-width PDF text** (``pdftotext -layout``), which prints no cell of it: its label
stands alone (on one line, or wrapped over several), no number after it before the next row's label,
the row above read whole from at most seven numbers, or printing fewer, all on a line of its own
(its label's, or one its wrapped label stands around; a row's numbers printed above its label would
be there), and the row below read whole from the numbers after its own label, none of its cells lost
(pdftotext interleaves two rows printed close together; where the row below prints its numbers on a
line of their own under its label, they are the lone label's row's as much as its own: neither row is
read as such, the lone label left to the identities and the row below a guess, READ.ABOVE_OR_BELOW; where labels stand
stacked, each alone, their numbers follow elsewhere: pdftotext's or pdfminer's column blocks; the table's
first row, with no row above, when nothing before its label holds a number); several
lone labels one under another are blank rows when the rows around them print their numbers on their
labels' lines (or a cell a line right under their labels, as a rule-less PDF table's row with blank
cells is read by position: pdf_columns.py; markitdown's PDF grids print a row of empty cells as its label
alone, a line outside the grid, a label in a grid line never standing alone). None is where a row above it (up to one whose numbers stand
on its label's line) holds more numbers than its cells (``pdftotext`` prints a one-line label's numbers
before it: a lone label's numbers may stand after the label above). Its cells are blank, as a web
table's empty cells or a crawler's label with nothing after it are, not lost cells for the identities
to fill in with 0. None is where more than a row's numbers stand before the table's first row label
(``pdf2txt.py``'s boxes: columns' cells under their headers, the labels stacked after them, the last row's
cells printed after 表四's heading): the numbers stand off their labels.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import islice, takewhile

from ..evidence import CellKind, Method, Reading
from ..form import FORM
from ..schema import APPLICANT_COLUMNS, TABLE3_ROW_PATHS
from .cells import normalise, parse_cell
from .direction import EITHER_WAY
from .labels import opens_label, strip_item_number
from .layout import Item
from .onerowform import SINGLE
from .readings import Readings
from .rowbounds import GROUP_KEYS, group_title_piece
from .unprinted import BARE_LABELS, GROUPS, JOINED_LINES, MIN_FRAGMENT, NUMBERED_PIECE

__all__ = ["blank_label_rows"]

#: a sub-row's item number within a label's key (``(三)不予公开1.属于国家秘密``): a label's only digits
_ITEM_NUMBER = re.compile(r"[0-9０-９]{1,2}\s*[.．、]")
_DIGIT = re.compile(r"[0-9０-９]")

_POSITION = {r.key: i for i, r in enumerate(FORM.table3_rows)}
_ROW_WIDTH = len(APPLICANT_COLUMNS)
_NO_NUMBERS = f"0 numbers for {_ROW_WIDTH} columns"


def _reads_its_own(row: str, spans: dict[str, list[Item]]) -> bool:
    """Whether the row below a lone label has a row's numbers (seven at most) after its own label (（六）其他处理
    printed as one row is such a row too)."""
    if row not in _POSITION and row != SINGLE:
        return False
    return 0 < sum(1 for it in spans[row] if it.is_value) <= _ROW_WIDTH     # (an OCR'd cell among them may be lost)


def _beside_label(row: str, idx: int, items: list[Item], spans: dict[str, list[Item]]) -> bool:
    """Whether a row reads its own numbers (seven at most), all on one line: its label's, or the next one
    (a label wrapped over lines, its numbers beside its middle line), or one a later piece of its label stands on
    (its first pieces joined with the lines above), or a cell a line under its label."""
    lines = {it.line for it in spans[row] if it.is_value}
    return _reads_its_own(row, spans) and (len(lines) == 1 and (0 <= min(lines) - items[idx].line <= 1
                                                                or _beside_a_piece(idx, min(lines), items))
                                           or _cells_under_label(row, idx, items, spans))


def _beside_a_piece(idx: int, line: int, items: list[Item]) -> bool:
    """Whether a piece of the label at ``idx`` stands on ``line`` (or the line above it) before the row's numbers:
    a label wrapped over lines whose first pieces were joined with the lines above (its item starts further up)."""
    for it in islice(items, idx + 1, None):
        if it.is_value:
            return False
        if line - 1 <= it.line <= line:
            return True
    return False


def _cells_under_label(row: str, idx: int, items: list[Item], spans: dict[str, list[Item]]) -> bool:
    """Whether a row is printed a cell a line right under its label, all seven of them, blank ones too (a
    PDF table's row read by position, as a ruled table's is): its numbers are its own, beside its label."""
    lines = [it.line for it in spans[row] if it.is_value]
    if not lines or lines != list(range(lines[0], lines[0] + _ROW_WIDTH)):
        return False
    # right under the label's line, or under the last of its lines joined into one item (``2.其他法律行政法规禁止公``
    # / ``开``: nothing but the label stands between it and its numbers)
    return lines[0] == items[idx].line + 1 or (lines[0] - items[idx].line <= JOINED_LINES
                                               and idx + 1 < len(items) and items[idx + 1].line == lines[0])


def _lone_run_between_rows(k: int, order: list[tuple[str, int]], items: list[Item],
                           spans: dict[str, list[Item]]) -> bool:
    """Whether the lone label ``k`` is one of several in a row (blank rows one under another) between two
    rows whose numbers each stand on their own label's line: a fixed-width text, whose rows keep their
    numbers beside their labels; stacked labels of a text tool's column blocks have none beside them), and
    no row holds more numbers than its cells (a stacked label's numbers, printed further on)."""
    lo, hi = k, k
    while lo > 0 and not spans[order[lo - 1][0]]:
        lo -= 1
    while hi + 1 < len(order) and not spans[order[hi + 1][0]]:
        hi += 1
    if lo == 0 or hi + 1 >= len(order) or hi == lo:
        return False
    if any(sum(1 for it in span if it.is_value) > _ROW_WIDTH for span in spans.values()):
        return False            # numbers printed away from their label somewhere: a label may be stacked
    return _beside_label(*order[lo - 1], items, spans) and _beside_label(*order[hi + 1], items, spans)


def _numbers_alone_below(row: str, idx: int, items: list[Item], spans: dict[str, list[Item]]) -> bool:
    """Whether the row below a lone label prints its numbers on a line of their own under its label's, no piece
    of its label beside them: a line of numbers between two labels, the lone label's row's as much as its own
    (a row whose cell spans lines prints its numbers at the cell's middle)."""
    values = [it for it in spans[row] if it.is_value]
    lines = {it.line for it in values}
    if len(lines) != 1 or (line := next(iter(lines))) == items[idx].line:
        return False
    after = takewhile(lambda it: it.line <= line + 1, islice(items, idx + 1, None))
    head = strip_item_number(items[idx].key)
    return not any(it.is_text and (it.line == line or (it.line == line + 1 and (
        _own_label_piece(it.key, row, "") or head + strip_item_number(it.key) == BARE_LABELS[row])))
                   for it in after)             # (its label wrapped round them: its own, beside its middle line;
    #                                             a tail of one character, 息, where it ends the label printed above)


def _crowded_above(k: int, order: list[tuple[str, int]], items: list[Item], spans: dict[str, list[Item]]) -> bool:
    """Whether a row above the lone label ``k``, up to the nearest one whose numbers stand on its own label's
    line (or on a line its wrapped label stands around), holds more numbers than its cells (``pdftotext`` prints a one-line label's numbers before it,
    after the label above: each row's numbers below it then follow the label above theirs)."""
    for j in range(k - 1, -1, -1):
        row, idx = order[j]
        values = [it for it in spans[row] if it.is_value]
        if len(values) > _ROW_WIDTH:
            return True
        if values and all(it.line == items[idx].line for it in values):
            return False
        nxt = order[j + 1][1]
        if len(values) == _ROW_WIDTH and len({it.line for it in values}) == 1 \
                and any(it.is_text and it.line > values[0].line for it in items[idx + 1:nxt]):
            return False        # its numbers on a line its own label wraps around (6、属于四类过 / 0 0 … / 程性信息)
    return False


def _read_whole(row: str, spans: dict[str, list[Item]], out: Readings) -> bool:
    """Whether the row above a lone label was read whole, from at most seven numbers (a cell of OCR letters
    alone, ``D`` for 0, its guess for the identities, is a cell of it: seven tokens, each in its place)."""
    return sum(1 for it in spans[row] if it.is_value) <= _ROW_WIDTH \
        and not any((_lost(out[p]) and out[p].value is None) or out[p].method == EITHER_WAY
                    for p in TABLE3_ROW_PATHS[row])


def _lost(r: Reading) -> bool:
    """Whether a cell was not read: missing, but for a row whose wrapped digits were all found, the identities
    to place them (its numbers are accounted for, none another row's)."""
    return r.missing and r.method != Method.WRAPPED_PIECES


def _short_on_its_line(row: str, idx: int, below: str, at: int, items: list[Item], spans: dict[str, list[Item]],
                       out: Readings) -> bool:
    """Whether the row above a lone label, not read whole (fewer numbers than cells: its own blank cells,
    placed by no column), prints all its numbers on one line, above the lone label's, and that line is
    its own: its label's, or one its label wraps around (a piece of its label, no group heading, on a
    line below). No number of the lone label's row stands between the two labels then, whichever cells
    the row above's are."""
    values = [it for it in spans[row] if it.is_value]
    if not 0 < len(values) < _ROW_WIDTH or len({it.line for it in values}) != 1 \
            or any(out[p].method == EITHER_WAY for p in TABLE3_ROW_PATHS[row]):
        return False
    line = values[0].line
    if not items[idx].line <= line < items[at].line:
        return False
    return line == items[idx].line or any(
        it.is_text and it.line > line and _own_label_piece(it.key, row, below)
        for it in items[idx + 1:at])


def _own_label_piece(key: str, row: str, other: str) -> bool:
    """A piece of ``row``'s label broken over lines (``这一情形，不计其他情形）``): none of a group heading's,
    nor of the ``other`` row's label."""
    bare = strip_item_number(key)
    return len(bare) >= MIN_FRAGMENT and bare in BARE_LABELS[row] and bare not in BARE_LABELS.get(other, "") \
        and not any(bare in g or g in bare for g in GROUPS)


def _below_read(k: int, order: list[tuple[str, int]], spans: dict[str, list[Item]], out: Readings) -> bool:
    """Whether the first row below the lone label ``k`` that prints numbers was read (none of its cells
    lost, none printed with a leading zero): pdftotext interleaves two rows printed close together
    (``4.保护第三方合法权益`` alone, then ``5.属于三类内部事务信息 无0 无0 …`` or ``００ ００ …``), and the lone
    label's cells are then among the row below's."""
    for row, _ in order[k + 1:]:
        if spans[row]:
            return row not in _POSITION or not any(
                (_lost(out[p]) and out[p].value is None) or _LEADING_ZERO.match(normalise(out[p].raw or ""))
                for p in TABLE3_ROW_PATHS[row])     # (an OCR'd O, its guess 0 for the identities, is a cell)
    return True


#: a count printed with a leading zero (``００``): two cells run together, no count of one row
_LEADING_ZERO = re.compile(r"0\d")


def _first_alone(order: list[tuple[str, int]], items: list[Item], spans: dict[str, list[Item]],
                 out: Readings) -> bool:
    """Whether the table's first row, its label alone, is blank: nothing before it holds a number (a row's
    numbers printed above its label would stand there, among the header), no row holds more numbers than
    its cells (a text tool's column blocks), and the row below prints its own numbers beside its label and
    was read whole."""
    if len(order) < 2 or any(it.is_value for it in items[:order[0][1]]):
        return False
    if any(sum(1 for it in span if it.is_value) > _ROW_WIDTH for span in spans.values()):
        return False
    below, at = order[1]
    return below in _POSITION and _beside_label(below, at, items, spans) and _below_read(0, order, spans, out)


def _beside_group_title(items: list[Item], idx: int) -> bool:
    """Whether the label ``items[idx]`` is a tab row's second and last field, its group's title (or the title's first
    piece) the first: an OCR'd table's title cell, printed down its column, shares the sub-row's line
    (``(三) 不予⇥1.属于国家秘密``), and the label is as alone as on a line of its own."""
    label = items[idx]
    if label.col != 1 or idx == 0:
        return False
    before = items[idx - 1]
    return before.line == label.line and before.is_text and _group_title(before.key) \
        and (idx + 1 == len(items) or items[idx + 1].line != label.line)


def _group_title(key: str) -> bool:
    """Whether a text item is a group's title ((五)不予处理) or its first piece."""
    return key in GROUP_KEYS or group_title_piece(key)


def _numbers_in_a_block(between: list[Item]) -> bool:
    """Whether the items after a row's label, up to the next label found, hold two rows' numbers or more, not
    each a whole row on a line of its own after a numbered piece of a label: a text tool's block of numbers
    moved off their labels. ``1、本机关不掌`` / ``0 0 0 0 1 0 1`` / ``握相关政府信息`` / ``2、没有现成信`` / ``0 0 …`` /
    ``息需要另行制作`` (the second label found by its last piece) are rows as printed, each beside its own label, and
    so is a last line of numbers under a group's title, right above the next label (``(五)不予处理`` / ``0 0 …`` /
    ``1、信访举报投诉类申请``: that row's, printed above its label beside the title's cell); whether they stand next
    to a lone label is told row by row (:func:`_crowded_above`)."""
    lines: dict[int, int] = {}
    for it in between:
        if it.cell.is_number:
            lines[it.line] = lines.get(it.line, 0) + 1
    if sum(lines.values()) < 2 * _ROW_WIDTH:
        return False
    if any(n != _ROW_WIDTH for n in lines.values()):
        return True
    ordered = sorted(lines)             # each further line of numbers after a label's numbered piece, or the last one
    last = ordered[-1]                  # under a group's title, right above the next label (that row's, printed above
    above_next = not any(it.line > last for it in between)      # its label beside the title; told row by row)
    return not all(any(it.is_text and prev < it.line <= line and NUMBERED_PIECE.search(it.key) for it in between)
                   or line == last and above_next and any(it.is_text and prev < it.line < line and _group_title(it.key)
                                                          for it in between)
                   for prev, line in zip(ordered, ordered[1:]))


def blank_label_rows(items: list[Item], order: list[tuple[str, int]], spans: dict[str, list[Item]],
                     out: Readings, lines: Sequence[str] | None = None) -> None:
    """Read as blank each row of space-separated PDF text whose label stands alone (see the module
    docstring); ``order`` is the rows found in item order, ``spans`` the items between each row's
    label and the next one's; ``lines``, the document's, where known: a label that is the text's last line
    is where a cut file ends (a crawler's or a download's truncated text), its cells lost, never blank."""
    if all(spans[row] for row, _ in order):
        return                  # (most tables: every label has items after it; only a row without any is read here)
    if order and sum(1 for it in items[:order[0][1]] if it.cell.is_number) > _ROW_WIDTH:
        return                  # more than a row's numbers before the first row's label (pdfminer's boxes, a
        #                         column's cells under its header): numbers moved off their labels, a lone
        #                         label's among them or after the table
    ends = [idx for _, idx in order[1:]] + [len(items)]
    if any(end - idx - 1 >= 2 * _ROW_WIDTH and _numbers_in_a_block(items[idx + 1:end])   # (fewer items: fewer
           for (_, idx), end in zip(order, ends)):                                            # numbers than two rows')
        return                  # several rows' numbers under one label (pdfminer moved them off their labels):
        #                         a lone label's numbers may be among them
    blank = parse_cell("")
    for k in range(len(order)):
        row, idx = order[k]
        label = items[idx]
        if row not in _POSITION or spans[row] or (label.col is not None and not _beside_group_title(items, idx)) \
                or label.grid \
                or any(ch.isdigit() for ch in _ITEM_NUMBER.sub("", label.key)) or not opens_label(row, label.key):
            continue            # (digits run on after the label, ``四、结转下年度继续办理2100003``, or into its words,
            #                     ``（二）部分公开（区分处理的，只0 0 0 0 0 0 0计这一情形…``: not alone; no label has digits;
            #                     a label read by its tail only lost its first line, and its numbers with it: labels.py)
        paths = TABLE3_ROW_PATHS[row]
        if any(out[p].kind is not CellKind.MISSING or out[p].note != _NO_NUMBERS for p in paths):
            continue
        if lines is not None and not any(s.strip() for s in lines[label.line:]):
            continue            # the text ends at its label: a cut file, its cells lost with the rest
        if any(it.is_text and _DIGIT.search(_ITEM_NUMBER.sub("", it.key)) for it in items[idx + 1:ends[k]]):
            continue            # cells printed but not read as numbers (``?273``, ``0?``: a character an encoding
            #                     lost glued to the digits): the row's cells are lost, not blank
        if k == 0:
            if not _first_alone(order, items, spans, out):
                continue
            for p in paths:
                out[p] = Reading(None, blank.kind, "", [label.line], "label-alone",
                                 "the table's first row, its label alone: no cell of it printed, each blank")
            continue
        above = order[k - 1][0]
        if above not in _POSITION or not (_read_whole(above, spans, out)
                                          or _short_on_its_line(above, order[k - 1][1], row, idx, items, spans, out)):
            continue
        if _crowded_above(k, order, items, spans):
            continue           # a row's numbers printed before its label: the lone label's may stand above it
        if k + 1 < len(order) and not _reads_its_own(order[k + 1][0], spans) \
                and not _lone_run_between_rows(k, order, items, spans):
            continue           # labels stacked with their numbers elsewhere (a text tool's column blocks)
        if not _below_read(k, order, spans, out):
            continue           # the next row's cells unread: this row's may be among them (two rows interleaved)
        if k + 1 < len(order) and _numbers_alone_below(*order[k + 1], items, spans):
            for p in TABLE3_ROW_PATHS[order[k + 1][0]]:     # either row's: the lone label left to the identities
                if not out[p].missing:
                    out[p] = out[p].model_copy(update={"method": EITHER_WAY})
            continue
        for p in paths:
            out[p] = Reading(None, blank.kind, "", [label.line], "label-alone",
                             "a row of space-separated text (PDF or OCR) whose label stands alone: no cell of it printed, each blank")
