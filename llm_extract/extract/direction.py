"""Numbers printed above their label: a row read from the lines below its label may be the next row's.

A text tool that takes a word processor's table apart cell by cell may print each row's numbers
before its label (pdftotext's default mode: ``0 0 0`` / ``规章`` / ``7 0 30`` / ``行政规范性文件``). Read
top-down, each label then takes the numbers of the row below it. The sign: a row's worth of numbers
(or a column's block) that no row took stands one to a line right above a label whose row was read
from the lines below it; every row of that table read from below its label is then in doubt (where
all are shifted, only the first label has numbers left over above it, and the last none below). Such
a row is still read, its method :data:`EITHER_WAY` saying how, and verify/guesses.py leaves it
``unverified`` (``READ.ABOVE_OR_BELOW``): no identity checks 表二, and in 表三 rows shifted by one keep
the identities as often as not (a table of zeros under a total row read as zeros). In 表三,
:mod:`.above` reads the other direction too and lets the identities choose.

A single line of numbers between two labels neither of which has numbers of its own is either row's
(:func:`contested_lines`): both rows stay missing, each reading a candidate. So is the first of two lines of numbers
after two labels printed one under the other, the upper one with no number of its own (``一、本年新收…`` /
``二、上年结转…`` / ``4 1 0 0 0 0 5`` / ``0 0 0 0 0 0 0``, pdf2txt.py printing a page's labels before its numbers): the
lower row's, its label detached above them, or the upper's, the labels stacked (:func:`stacked_lines`).
"""

from __future__ import annotations

from collections.abc import Callable, Container, Mapping, Sequence
from itertools import chain
from operator import attrgetter

from ..evidence import Ambiguity, CellKind, Method, Reading
from ..schema import TABLE3_ROW_PATHS
from ..form import FORM
from .labels import rows_named, strip_item_number
from .layout import Item, label_key
from .readings import Readings, missing

__all__ = ["EITHER_WAY", "rows_above_or_below", "rows_below_beside_rows_above", "numbers_before_empty_label",
           "contested_lines", "stacked_lines", "label_words"]

EITHER_WAY = Method.CELLS_ABOVE_OR_BELOW
_BLOCK = 7          # numbers left over above a label beyond which they are a block printed by column
_LINE = attrgetter("line")


def rows_above_or_below(items: list[Item], taken: Mapping[int, tuple[Sequence[str], list[Item]]], out: Readings) -> bool:
    """Where a number no row took stands right above the label of a row read from the lines below it,
    mark every row of the table read from below its label: the direction is the text tool's, for the
    whole table (where every row is shifted, only the first label has numbers left over above it).
    ``taken`` maps each read row's label index to its paths (none: numbers taken, no row read, as by a
    one-row （六）) and the items it took its cells from. Whether it marked any."""
    away: dict[int, Sequence[str]] = {}    # the rows read from the lines below their labels
    for idx, (paths, chosen) in taken.items():
        if paths and items[idx].line not in map(_LINE, chosen):
            away[idx] = paths
    if not away:
        return False
    claimed = set(map(id, chain.from_iterable(chosen for _, chosen in taken.values())))
    if not any(_may_start_run(items, idx, claimed) for idx in away):
        return False                    # (most tables: right above each such label, words or the row above's cells)
    below = {idx: paths for idx, paths in away.items() if not any(out[p].missing for p in paths)}  # every cell read
    if not below:
        return False                    # (no row read from the lines below its label: nothing to mark)
    text_lines = _OnDemand(lambda: {it.line for it in items if it.is_text}        # (and the lines of rows read
                           | {n for r in out.values() if not r.missing for n in r.lines})  # otherwise: （六）, …)
    top_down = bool(below) and _nothing_above(items, min(below))
    if not any(_row_left_over_above(items, idx, len(paths), claimed, text_lines, top_down)
               for idx, paths in below.items()):
        return False
    for paths in below.values():
        for path in paths:
            r = out[path]
            out[path] = Reading(r.value, r.kind, r.raw, r.lines, EITHER_WAY,
                                "read from the lines below the label, in a table with numbers no row took right "
                                "above a label: the table may print each row's numbers above its label")
    return True


def rows_below_beside_rows_above(items: list[Item], order: list[tuple[str, int]],
                                 taken: Mapping[int, tuple[Sequence[str], list[Item]]], out: Readings) -> bool:
    """A table some of whose rows print their numbers above their labels (a row read from the lines right
    above its label, its label's line holding none) and others on their labels' lines: a row read from the
    lines below its label, right above the next row's label (nothing between but those numbers) whose
    line holds no number, read the next row's numbers as much as its own. Each such row is marked
    :data:`EITHER_WAY`: rows shifted by one inside 表三's outcomes keep every identity (the blank row
    ``２．其他法律行政法规禁止公开`` took ``３．危及“三安全一稳定”``'s zeros, and each row below the next's). So is
    each such row of a table where a label with no number of its own stands right after the numbers the row above
    read below its label (:func:`numbers_before_empty_label`: a wrapped label printed after its row's cells).
    Whether it marked any."""
    empty_label = numbers_before_empty_label(items, order, taken)
    if not empty_label and not any(chosen and chosen[0].line < items[idx].line
                                   and max(map(_LINE, chosen)) < items[idx].line for idx, (_, chosen) in taken.items()):
        return False                    # (no row read from above its label: most tables, told at once)
    index = {id(it): j for j, it in enumerate(items)}
    number_lines = {it.line for it in items if it.is_value}

    def read_from(idx: int) -> tuple[int, int] | None:
        """The first and last item index of the numbers the row labelled at ``idx`` was read from."""
        paths, chosen = taken.get(idx, ((), []))
        if not paths or not chosen or any(out[p].missing for p in paths) or any(id(it) not in index for it in chosen):
            return None
        js = [index[id(it)] for it in chosen]
        return min(js), max(js)

    def group_heading(j: int) -> bool:
        return items[j].is_text and strip_item_number(items[j].key) in _GROUPS

    def above(row: str, idx: int) -> bool:
        """Read from the lines right above its label; not under a group's heading (（三）不予公开 / numbers /
        1.属于国家秘密: the heading is no row, the numbers the row's either way), nor under a piece of its own
        label (a label wrapped round its numbers, found by its last piece)."""
        span = read_from(idx)
        if span is None or items[span[1]].line >= items[idx].line \
                or any(items[j].is_text for j in range(span[1] + 1, idx)):
            return False
        before = items[span[0] - 1] if span[0] > 0 else None
        return before is None or not (group_heading(span[0] - 1) or _own_piece(before.key, row))

    if not empty_label and not any(above(row, idx) for row, idx in order):
        return False
    marked = False
    for (row, idx), (_, nxt) in zip(order, order[1:]):
        span = read_from(idx)
        if span is None or items[span[0]].line <= items[idx].line or items[nxt].line in number_lines:
            continue
        if any(items[j].is_text and not group_heading(j) for j in range(span[1] + 1, nxt)):
            continue                    # (a piece of its wrapped label after them: the numbers are its own)
        for path in taken[idx][0]:
            r = out[path]
            out[path] = Reading(r.value, r.kind, r.raw, r.lines, EITHER_WAY,
                                "read from the lines below the label, right above the next row's label, in a "
                                "table that prints some rows' numbers above their labels: they may be that row's")
            marked = True
    return marked


def numbers_before_empty_label(items: list[Item], order: list[tuple[str, int]],
                               taken: Mapping[int, tuple[Sequence[str], list[Item]]]) -> bool:
    """Whether a 表三 row's label, wrapped over two lines or more (the next item stands further below it than each
    of the numbers above it below the one before), has no number of its own (none between it and the next label)
    and stands right after numbers the row above read a cell a line below its own label (that label, perhaps a
    group's heading, then the numbers, then this label: ``8.属于行政查询事项`` / ``0 0 0 0 1 0 1`` a line each /
    ``1.本机关不掌握相关政府`` / ``信息`` / ``2.没有现成…``). A text tool printing a row's numbers after its label
    and pdfminer with ``boxes_flow=None`` (boxes sorted by their lower edges: a label wrapped over two lines ends
    below its row's one-line cells and is printed after them) print this alike: the numbers are the row above's
    (this row blank, printing nothing) or this row's (the row above blank), and the rows above it likewise shifted
    by one; outcome rows so shifted keep every identity. A one-line label alone stays a blank row's: either tool
    prints it before its cells."""
    for k in range(1, len(order)):
        (above, above_idx), (row, idx) = order[k - 1], order[k]
        nxt = order[k + 1][1] if k + 1 < len(order) else len(items)
        if row not in TABLE3_ROW_PATHS or idx == 0 or not items[idx - 1].is_value \
                or any(it.is_value for it in items[idx + 1:nxt]):
            continue                    # (its own numbers after it, or no number right above it)
        paths, chosen = taken.get(above_idx, ((), []))
        if not paths or len(chosen) < 2 or chosen[-1] is not items[idx - 1] \
                or chosen[0].line <= items[above_idx].line or len({it.line for it in chosen}) != len(chosen):
            continue                    # (the numbers right above it are no row's read a cell a line below its label)
        if idx + 1 >= len(items) or items[idx + 1].line - items[idx].line <= chosen[-1].line - chosen[-2].line \
                or len(strip_item_number(items[idx].key)) <= _NEVER_WRAPPED:
            continue                    # (a label on one line: printed before its cells, so a blank row's; 3.其他's
            #                             too, whatever follows it: lines of spaces, a crawler's empty cells)
        first = next((j for j in range(above_idx + 1, idx) if items[j] is chosen[0]), None)
        if first is not None and all(items[j].is_text and strip_item_number(items[j].key) in _GROUPS
                                     for j in range(above_idx + 1, first)):
            return True                 # (a group's heading between the row above's label and its numbers)
    return False


def _own_piece(key: str, row: str) -> bool:
    """Whether text ends in a piece of ``row``'s label (its last three characters, or two where that is all of
    it; item number aside): pieces of labels run together (``（五）开出版物不4.无正当理由``) end in the next's."""
    bare = strip_item_number(key)
    return len(bare) >= 2 and bare[-3:] in _BARE.get(row, "")


def label_words(key: str) -> bool:
    """Words of a 表三 row's label: naming a row, or six characters or more out of one (a label's tail)."""
    bare = strip_item_number(key)
    return bool(rows_named(key)) or len(bare) >= _TAIL and any(bare in label for label in _BARE_LABELS)


_TAIL = 6
#: the most characters of a label's words (item number aside) that no cell wraps: 3.其他
_NEVER_WRAPPED = 3
#: the groups' headings, item numbers aside (不予公开, 无法提供 …): printed beside a row's label, no label's piece
_GROUPS = frozenset(strip_item_number(label_key(r.group)) for r in FORM.table3_rows if r.group)
_BARE = {r.key: strip_item_number(label_key(r.label)) for r in FORM.table3_rows}
_BARE_LABELS = tuple(_BARE.values())


def _nothing_above(items: list[Item], idx: int) -> bool:
    """Whether no number stands right above the label at ``idx`` (the table's first row read from below it:
    its numbers follow it, as they cannot where every row prints its numbers above its label)."""
    above = _above(items, idx)
    return above < 0 or items[above].is_text


def _above(items: list[Item], idx: int) -> int:
    """The index of the item right above the label at ``idx``: the last one before it on another line, past the words
    in a converter's grid fields left of it on its own line (a group's heading wrapped beside the label: ``| 本年 |
    （二）部分公开 |``, ``| （三 | 1.属于国家 |``), or -1. Any other item on its line (a value) is the one."""
    j = idx - 1
    while j >= 0 and items[j].line == items[idx].line and items[j].is_text and items[j].grid:
        j -= 1
    return j


def _may_start_run(items: list[Item], idx: int, claimed: set[int]) -> bool:
    """Whether the item right above the label at ``idx`` may begin what :func:`_row_left_over_above` looks for: a
    value of a converter's grid line, or a number no row took. A word there, a number a row took, or any other
    value ends its search at once with nothing found (its first step), so no other row needs looking at."""
    if (above := _above(items, idx)) < 0:
        return False
    it = items[above]
    return it.is_value and (it.grid or (it.cell.is_number and id(it) not in claimed))


class _OnDemand:
    """A set of line numbers built the first time it is asked about: :func:`_row_left_over_above` asks only past
    the first number above a label, and in most tables that number is the row above's (taken), so never."""

    def __init__(self, build: Callable[[], set[int]]) -> None:
        self._build: Callable[[], set[int]] | None = build
        self._lines: set[int] = set()

    def __contains__(self, line: object) -> bool:
        if self._build is not None:
            self._lines, self._build = self._build(), None
        return line in self._lines


def _row_left_over_above(items: list[Item], idx: int, width: int, claimed: set[int], text_lines: Container[int],
                         top_down: bool = False) -> bool:
    """Whether a row's worth of numbers (``width``, no more, no fewer), or a block of several rows' worth
    (more than twice as many, and more than seven: numbers printed by column), stands right above the
    label at ``idx``, one number to a line (or a converter's grid line holding them and nothing else), none of
    them taken by a row or on a line a reading names or a label stands on. (Two or three numbers are the row
    above's number split in two: ``260 4``.)
    In a table read ``top_down`` (its first row's numbers after its label), numbers right below a label's
    words (two rows' labels run together, a label garbled past reading, its tail on a line of its own) are
    that row's, left unread, not a sign of numbers printed above their labels."""
    lines: set[int] = set()
    grid_row: list[Item] = []           # a converter's grid line of values only (markitdown: | | / | 0 | 30 |)
    grid_line = None
    for j in range(_above(items, idx), -1, -1):
        it = items[j]
        if it.is_text and top_down and (lines or grid_row) and label_words(it.key):
            return False
        if it.is_text or (grid_line is not None and not grid_row and it.line != grid_line):
            break
        if it.grid and it.is_value and not lines and it.line == (grid_line or it.line) \
                and id(it) not in claimed and it.line not in text_lines:
            grid_line = it.line         # (its label printed apart from the grid, under it; a placeholder is
            if it.cell.kind is not CellKind.BLANK:  # a printed cell of it, an empty field none)
                grid_row.append(it)
            continue
        if not it.cell.is_number:
            break
        if id(it) in claimed or it.line in text_lines or it.line in lines or grid_row:
            return False            # (numbers side by side are a row printed as a row, not taken apart)
        lines.add(it.line)
    return len(lines) == width or len(lines) > max(2 * width, _BLOCK) or (bool(grid_row) and len(grid_row) == width)


def contested_lines(items: list[Item], order: list[tuple[str, int]], spans: dict[str, list[Item]],
                    own_line: dict[str, int], out: Readings, ambiguities: list[Ambiguity]) -> None:
    """A line of numbers alone between a row's label and the next row's, neither label with numbers of
    its own: the numbers of the row above (its label detached above them) or of the row below (printed
    above its label), the other row blank. The identities cannot tell (both rows add to the same
    totals), so neither row is read: both are missing, each reading offered to the review."""
    if not own_line:
        return                              # (most tables: every row's numbers on its label's line, or a cell a line)
    text_lines = {it.line for it in items if it.is_text}
    for k in range(len(order) - 1):
        (row, idx), (nxt, nxt_idx) = order[k], order[k + 1]
        line = own_line.get(row)
        if line is None or nxt not in TABLE3_ROW_PATHS or row not in TABLE3_ROW_PATHS or line in text_lines \
                or any(it.is_value for it in spans[nxt]):
            continue
        between = items[idx + 1:nxt_idx]
        if any(it.is_text for it in between) or any(it.line != line for it in between):
            continue                        # a wrapped label's fragment, or other numbers, stand between
        _contest(row, nxt, " ".join(it.raw for it in between), [items[idx].line, line, items[nxt_idx].line],
                 "a line of numbers between two labels without numbers: whose row it is, is not known", out, ambiguities)


def stacked_lines(items: list[Item], order: list[tuple[str, int]], spans: dict[str, list[Item]],
                  own_line: dict[str, int], out: Readings, ambiguities: list[Ambiguity]) -> None:
    """A row read from a line of numbers below its label, that label printed right under another row's with no
    number between them nor after the upper one, the numbers on a line of their own with another such line after
    them before the next label, and no word right after them (a wrapped label's tail): the upper row's numbers
    (the labels stacked, then their numbers, a line each) or the lower's (its label detached above them, the
    upper blank). The identities cannot tell (the two rows add to the same totals, or a row is derived from
    them), so neither row is read: both missing, each reading of that line a candidate. One line of numbers
    after the two labels stays the lower row's, as every reader of a label detached above its numbers reads it
    (a blank row prints nothing)."""
    if not own_line:
        return                              # (most tables: every row's numbers on its label's line, or a cell a line)
    text_lines = {it.line for it in items if it.is_text}
    for k in range(1, len(order)):
        (above, above_idx), (row, idx) = order[k - 1], order[k]
        line = own_line.get(row)
        if line is None or line in text_lines or above not in TABLE3_ROW_PATHS or row not in TABLE3_ROW_PATHS \
                or any(it.is_value for it in spans[above]) or any(it.is_value for it in items[above_idx + 1:idx]):
            continue
        if not all(out[p].missing for p in TABLE3_ROW_PATHS[above]):
            continue
        nxt_idx = order[k + 1][1] if k + 1 < len(order) else len(items)
        below = items[idx + 1:nxt_idx]
        after = next((it for it in below if it.line > line), None)
        if (after is not None and after.is_text) \
                or len({it.line for it in below if it.is_value and it.line not in text_lines}) < 2:
            continue                    # (the label's wrapped tail under its numbers: the lower row's, 信 / 4 0 … / 息;
            #                             one line of numbers after the two labels: the lower row's, the upper blank)
        raw = " ".join(it.raw for it in spans[row] if it.line == line)
        _contest(above, row, raw, [items[above_idx].line, items[idx].line, line],
                 "a line of numbers after two labels printed one under the other: whose row it is, is not known",
                 out, ambiguities)


def _contest(row: str, nxt: str, raw: str, lines: list[int], note: str, out: Readings,
             ambiguities: list[Ambiguity]) -> None:
    """Rows ``row`` and ``nxt`` both missing, the one row of numbers read (either row's) each one's candidate."""
    paths = TABLE3_ROW_PATHS[row] if not all(out[p].missing for p in TABLE3_ROW_PATHS[row]) else TABLE3_ROW_PATHS[nxt]
    values = [out[p].value if not out[p].missing else None for p in paths]
    if any(v is not None and not isinstance(v, int) for v in values):
        return
    for path in TABLE3_ROW_PATHS[row] + TABLE3_ROW_PATHS[nxt]:
        out[path] = missing(raw, lines, Method.CELLS_AFTER_LABEL, note)
    blank: list[int | None] = [None] * 7
    ambiguities.append(Ambiguity(paths=[*TABLE3_ROW_PATHS[row], *TABLE3_ROW_PATHS[nxt]], raw=raw, lines=lines,
                                 options=[values + blank, blank + values], reason=f"rows {row} and {nxt}: {note}"))
