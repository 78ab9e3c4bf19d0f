"""A 表三 row whose label line is lost, in a table printed one cell to a line under each row's label.

The first row's (:func:`first_label_lost`, asked by :mod:`.above`): its seven numbers stand under the header, right
above the second row's label, the sign of a table printed above its labels but for the last label's numbers below it.

A crawler or a converter that drops a line may drop a row's label: the row above then has fourteen numbers
after its label, its own seven and the lost row's, and the lost row none (``row label not found``); two labels lost
in a row leave it twenty-one, three twenty-eight. Read as
it is, the row above is left unread (``14 numbers for 7 columns``) and the lost row too: two unknown rows in
one column sum, which then checks none of the others, and the whole outcome block goes to review.

Where the table is printed below its labels (no row in doubt of its direction, the last label's numbers
below it: its seven, or seven more for each of the last rows whose label is lost) and the numbers stand one to a line
right after the label, seven for the row and seven for each row up to the next label found, the first seven are the
row's own and each next seven the next lost row's in the form's order (rows are printed in the form's order; at most
three lost in a row, ``_MOST_LOST``). Which of
the rows a number is, only that order says: where two of them can trade places keeping every identity
(one of the form's swap groups: outcome rows, 一 and 二), the cells where they differ are read but never
proven (``Method.FORM_ORDER_ROWS``, ``READ.ROW_ORDER``); the others are read as any row, for the identities
to prove.
"""

from __future__ import annotations

import re

from collections.abc import Mapping, Sequence

from ..evidence import Ambiguity, CellKind, Method
from ..form import FORM
from ..schema import TABLE3_PATHS, TABLE3_ROW_PATHS
from .direction import EITHER_WAY
from .labels import rows_named
from .layout import Item, label_key
from .readings import Readings, reading
from .roworder import swappable

__all__ = ["rows_over_a_lost_label", "lines_of_lost_labels", "blank_over_lost_label", "first_label_lost"]

_ROWS = tuple(TABLE3_ROW_PATHS)
_WIDTH = len(next(iter(TABLE3_ROW_PATHS.values())))
_LABEL_LOST = "row label not found"
#: the most labels lost in a row read by the form's order: more, and the labels are likelier printed elsewhere
_MOST_LOST = 3
_BLANK = CellKind.BLANK
#: row -> the heading of the group it opens, as a label key (（四）无法提供 over 1.本机关不掌握相关政府信息)
_OPENED = {r.key: (label_key(r.group),) for k, r in enumerate(FORM.table3_rows)
           if r.group and (k == 0 or FORM.table3_rows[k - 1].group != r.group)}
#: the group labels (三、本年度办理结果, （三）不予公开 …), whose pieces a table prints down their own column
_GROUPS = tuple({label_key(r.group) for r in FORM.table3_rows if r.group})


def rows_over_a_lost_label(items: list[Item], order: list[tuple[str, int]], spans: dict[str, list[Item]],
                           out: Readings, ambiguities: list[Ambiguity]) -> list[Ambiguity]:
    """Read each row left unread over its seven numbers and seven for each row after it whose label is lost, up to
    the next label found (see the module's docstring); the ambiguities without those rows' (their cells are read
    now)."""
    if not order:
        return ambiguities
    doubted = [r for p, r in out.items() if p.startswith("applications.") and r.method == EITHER_WAY]
    if doubted and (_numbers_before(items, order[0][1]) or not _last_row_below(items, order, out, True)):
        return ambiguities              # (a table whose direction is in doubt: which row is which, not this)
    last_row, last_idx = order[-1]
    if last_row not in TABLE3_ROW_PATHS \
            or not _last_row_below(items, order, out, True) and not _last_over_lost(items, last_row, last_idx, spans):
        return ambiguities              # (the last label's numbers not below it: perhaps printed above the labels)
    placed: set[str] = set()
    labelled = {row for row, _ in order}
    for k, (row, idx) in enumerate(order):
        if row not in TABLE3_ROW_PATHS:
            continue
        at = _ROWS.index(row)
        after = order[k + 1][0] if k + 1 < len(order) else None
        if after is not None and after not in TABLE3_ROW_PATHS:
            continue
        lost = _ROWS[at + 1:len(_ROWS) if after is None else _ROWS.index(after)]
        if not lost:
            continue                    # (the next label is the next row's)
        if any(out.get(p) is None for p in TABLE3_ROW_PATHS[row]) \
                or labelled.intersection(lost) or any((r := out.get(p)) is not None and r.note != _LABEL_LOST
                                                      for g in lost for p in TABLE3_ROW_PATHS[g]) \
                or (chunks := _row_chunks(items, idx, spans.get(row, []), lost, row)) is None \
                or not _unread_or_first(out, row, chunks[0], items, chunks, lost):
            continue
        numbered = _labelled_gaps(items, chunks, lost, numbered=True)
        if len(lost) > _MOST_LOST and not numbered:
            continue                    # (too many labels lost to trust, unless each left its item number)
        placed |= _read_in_order((row, *lost), chunks, out, items[idx].line, pinned=numbered)
    if placed and doubted:
        _settle_direction(items, order, spans, out, doubted, placed)
    return [a for a in ambiguities if not placed.intersection(a.paths)] if placed else ambiguities


def _labelled_gaps(items: Sequence[Item], chunks: Sequence[Sequence[Item]], lost: Sequence[str],
                   numbered: bool = False) -> bool:
    """Whether before each lost row's seven (after the seven before it) stands its label that lost its words
    (:func:`_damaged_label`), keeping its item number, the row's own, where ``numbered`` (``4.���`` … ``8.���``)."""
    for before, own, row in zip(chunks, chunks[1:], lost):
        words = [it for it in items if it.is_text and before[-1].line < it.line < own[0].line]
        if not any((not numbered or _ITEM_NUMBER.match(it.key)) and _damaged_label(it.key, row) for it in words):
            return False
    return True


def _unread_or_first(out: Readings, row: str, own: Sequence[Item], items: Sequence[Item],
                     chunks: Sequence[Sequence[Item]], lost: Sequence[str]) -> bool:
    """Whether ``row`` was left unread (its cells and a lost row's after its label), or read from exactly ``own``,
    the first seven numbers after its label, where a label of each lost row that lost its words stands before its
    seven (:func:`_labelled_gaps`: that label stopped the row's cells; read from below its label, or in doubt of the
    direction for the lost rows' numbers: :func:`_settle_direction`)."""
    read = [out[p] for p in TABLE3_ROW_PATHS[row]]
    if all(r.value is None for r in read):
        return all(r.method == Method.CELLS_AFTER_LABEL for r in read)
    return len(own) == _WIDTH and all(r.method in (Method.CELLS_AFTER_LABEL, EITHER_WAY) and r.value == it.cell.value
                                      and r.lines and r.lines[-1] == it.line for r, it in zip(read, own)) \
        and _labelled_gaps(items, chunks, lost)


def lines_of_lost_labels(items: Sequence[Item], order: list[tuple[str, int]], out: Readings,
                         ambiguities: list[Ambiguity]) -> list[Ambiguity]:
    """Read the rows whose labels are lost in a table printing each row on its label's line (tab-separated PDF
    text, a converter's grid): between two labels found, whose rows are read from their own lines, the form prints
    the lost rows (one to three; more where each line keeps its row's item number, its words lost: ``4.���`` …
    ``8.���``), and exactly as many lines stand there, each holding seven numbers and nothing
    else but empty fields and pieces of a group label (``理结果`` of 三、本年度办理结果 printed down its column). The
    i-th line is the i-th lost row, in the form's order; where two lost rows could trade places keeping every
    identity, the cells where they differ are read but never proven (``READ.ROW_ORDER``). The ambiguities without
    those rows'."""
    placed: set[str] = set()
    labelled = {row for row, _ in order}
    for (row, idx), (after, nxt) in zip(order, order[1:]):
        if row not in TABLE3_ROW_PATHS or after not in TABLE3_ROW_PATHS:
            continue
        lost = _ROWS[_ROWS.index(row) + 1:_ROWS.index(after)]
        if not lost or labelled.intersection(lost) \
                or any((r := out.get(p)) is None or r.note != _LABEL_LOST for g in lost for p in TABLE3_ROW_PATHS[g]) \
                or not _on_own_line(out, row, items[idx].line) or not _on_own_line(out, after, items[nxt].line):
            continue
        rows, numbered = _number_lines(items[idx + 1:nxt], {items[idx].line, items[nxt].line}, lost)
        if len(rows) != len(lost) or len(lost) > _MOST_LOST and not numbered:
            continue                    # (more lost in a row, each line must print its row's item number)
        placed |= _read_in_order(lost, rows, out, pinned=numbered)
    return [a for a in ambiguities if not placed.intersection(a.paths)] if placed else ambiguities


def _read_in_order(rows: Sequence[str], chunks: Sequence[Sequence[Item]], out: Readings,
                   label_line: int | None = None, pinned: bool = False) -> set[str]:
    """Read each of ``rows`` from its chunk of seven cells, the rows in the form's order (a chunk short of a cell, a
    row that lost one, is left to the identities): where two of them could trade places keeping every identity, the
    cells they differ in are read but never proven (``Method.FORM_ORDER_ROWS``), unless ``pinned``: each lost row's
    label kept its item number, its row's own at its place (``4.���``, ``1.属)不于国予公…``), which tells them
    apart as its words would. ``label_line``: the first row's label's line, among the lines of its cells. The
    paths read."""
    placed: set[str] = set()
    for j, (r, cells) in enumerate(zip(rows, chunks)):
        if len(cells) != _WIDTH:
            continue
        lines = [label_line] if j == 0 and label_line is not None else []
        for c, (path, it) in enumerate(zip(TABLE3_ROW_PATHS[r], cells)):
            doubt = not pinned and any(swappable(r, o) and len(other) == _WIDTH and other[c].cell.value != it.cell.value
                                       for o, other in zip(rows, chunks) if o != r)
            out[path] = reading(it.cell, [*lines, it.line],
                                Method.FORM_ORDER_ROWS if doubt else Method.CELLS_AFTER_LABEL)
        placed.update(TABLE3_ROW_PATHS[r])
    return placed


def _on_own_line(out: Readings, row: str, line: int) -> bool:
    """Whether every cell of ``row`` was read from its label's line, a number among them (a row of empty fields
    over a line of numbers may be a row printed apart from its numbers: :func:`blank_over_lost_label`)."""
    return all((r := out.get(p)) is not None and not r.missing and set(r.lines) == {line}
               for p in TABLE3_ROW_PATHS[row]) and any(out[p].kind is not _BLANK for p in TABLE3_ROW_PATHS[row])


def _number_lines(between: Sequence[Item], labels: set[int], lost: Sequence[str] = ()) -> tuple[list[list[Item]], bool]:
    """The lines of seven numbers among ``between`` (off the two labels' lines), each with nothing else but empty
    fields, group labels' pieces and, before its numbers, a label that names no row of the form and whose item
    number, if it prints one, is the lost row's at its place (:func:`_damaged_label`: ``8.属于行政事项``, a label
    that lost words; ``4.���``, one decoded with replacement), with a group's heading so damaged before it; no lines
    where any line holds another count of numbers or other words. And whether every line's label prints its row's
    item number (``4.`` … ``8.``, ``1.`` …: each line named by its place in the form though its words are lost)."""
    lines: dict[int, list[Item]] = {}
    for it in between:
        if it.line in labels or it.is_value and it.cell.kind is _BLANK:
            continue
        if it.is_text and not (it.key and any(it.key in g for g in _GROUPS)):
            if any(x.is_value for x in lines.get(it.line, ())) or it.key and rows_named(it.key):
                return [], False        # (words: a label's piece, a page's footer, a note)
            lines.setdefault(it.line, []).append(it)    # (a label that lost its words, if it fits)
            continue
        lines.setdefault(it.line, []).append(it)
    rows = [[it for it in line if it.is_value] for _, line in sorted(lines.items())]
    texts = [[it for it in line if it.is_text and not (it.key and any(it.key in g for g in _GROUPS))]
             for _, line in sorted(lines.items())]
    if any(t and not cells for t, cells in zip(texts, rows)):
        return [], False                # (words on a line of their own)
    texts = [t for t, cells in zip(texts, rows) if cells]
    rows = [cells for cells in rows if cells]
    if any(len(cells) != _WIDTH or not all(it.cell.is_number for it in cells) for cells in rows):
        return [], False
    if any(t and not (len(rows) == len(lost) and _damaged_label(t[-1].key, row)
                      and all(_damaged_label(x.key, None) for x in t[:-1])) for t, row in zip(texts, lost)):
        return [], False
    numbered = len(rows) == len(lost) and all(t and _ITEM_NUMBER.match(t[-1].key) for t in texts)
    return rows, numbered


#: an item number opening a label key (``8.``, ``(三)``): what a label that lost its words may keep
_ITEM_NUMBER = re.compile(r"^(?:\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}、|\d{1,2}\.)")


def _damaged_label(key: str, row: str | None) -> bool:
    """Whether ``key`` may be the label of ``row`` that lost words (or was decoded with replacement): four characters
    of words at least, it names no row of the form, its words begin no other row's label, it prints no digit but its item number (a page's footer
    does), and its item number, if it prints one, is ``row``'s own."""
    number = _ITEM_NUMBER.match(key)
    words = key[number.end():] if number else key
    if len(words) < _LABEL_WORDS or rows_named(key) or re.search(r"\d", words) \
            or words and any(w.startswith(words) for r, w in _WORDS.items() if r != row):
        return False                    # (2.重复 where 2.其他法律… stands: the words begin 2.重复申请's, another row)
    if row is None:                     # (a group's heading before a row's label: no row's item number to match)
        return True
    return number is None or number.group() == (_ITEM_NUMBER.match(_LABEL_KEYS[row]) or number).group()


#: the fewest characters of words a label that lost some keeps (fewer: a piece of a label printed two characters
#: to a line in a narrow column, ``于国`` / ``家秘``, or a lone item number's piece, ``1.属``)
_LABEL_WORDS = 4
#: each 表三 row's printed label as a label key, and its words (no item number, no bracketed note)
_LABEL_KEYS = {r.key: label_key(r.label) for r in FORM.table3_rows}
_WORDS = {r: _ITEM_NUMBER.sub("", k).split("(")[0] for r, k in _LABEL_KEYS.items()}


def _numbers_before(items: Sequence[Item], idx: int) -> bool:
    """Whether a number stands before the item ``idx`` (the first label): a table printed above its labels leaves
    its first row's numbers there."""
    return any(it.is_value and it.cell.is_number for it in items[:idx])


def _settle_direction(items: Sequence[Item], order: list[tuple[str, int]], spans: dict[str, list[Item]],
                      out: Readings, doubted: list, placed: set[str]) -> None:
    """The rows read from below their labels were doubted (direction.py) for numbers no row took standing right
    above a label: the lost rows' numbers, now placed. Where every number from the first label on is now a row's,
    or stands after the label of a row left unread (six numbers for seven columns: that row's, by where they
    stand), the table is printed below its labels (nothing before the first label, the last label's row below it)
    and the doubt is lifted; else the placed rows are as much in doubt as the others."""
    accounted = {r.lines[-1] for p, r in out.items() if p.startswith("applications.") and not r.missing and r.lines}
    for row, _ in order:
        if row in TABLE3_ROW_PATHS and all(out[p].missing for p in TABLE3_ROW_PATHS[row] if p in out):
            accounted.update(it.line for it in spans.get(row, []))
    if all(it.line in accounted for it in items[order[0][1]:] if it.is_value and it.cell.is_number):
        for r in doubted:
            r.method = Method.CELLS_AFTER_LABEL
    else:
        for p in placed:
            out[p].method = EITHER_WAY


def first_label_lost(items: list[Item], order: list[tuple[str, int]], out: Readings,
                     below: Mapping[str, object]) -> bool:
    """Whether the form's first row lost its label line (a crawler or a converter dropped it) in a table read from
    below its labels (``below``: the cells so read): the first label found is the second row's, every row but the
    first was read from the lines below its label (the last one's too: a table printed above its labels leaves its
    last label nothing below it), and the only numbers before the first label are exactly seven, one to a line,
    right above it (the lost row's; in a table printed above its labels, the second row's seven would stand there
    as well)."""
    first = order[0]
    if first[0] != _ROWS[1] or set(below) != set(TABLE3_PATHS) - set(TABLE3_ROW_PATHS[_ROWS[0]]) \
            or not _last_row_below(items, order, out):
        return False
    printed = [j for j, it in enumerate(items[:first[1]]) if it.is_value and it.cell.kind is not _BLANK]
    return len(printed) == _WIDTH and len({items[j].line for j in printed}) == _WIDTH \
        and not any(it.is_text for it in items[printed[0]:first[1]])   # (empty cells of the header's rows aside)


def _last_row_below(items: Sequence[Item], order: list[tuple[str, int]], out: Readings,
                    guesses: bool = False) -> bool:
    """Whether the last label found had its row read, every cell from a line below the label (``guesses``: a cell of
    OCR letters alone, ``O`` for 0, read as its guess, counts as read there: it stands below the label all the same)."""
    row, idx = order[-1]
    return row in TABLE3_ROW_PATHS and all((r := out.get(p)) is not None and r.lines
                                           and (not r.missing or guesses and r.value is not None)
                                           and r.lines[-1] > items[idx].line for p in TABLE3_ROW_PATHS[row])


def _last_over_lost(items: Sequence[Item], row: str, idx: int, spans: dict[str, list[Item]]) -> bool:
    """Whether the last label found stands over its row's numbers and the form's last rows' (四、结转下年度继续办理 lost,
    or （七）总计 and 四、 both): numbers below the last label, as a table printed above its labels never has."""
    lost = _ROWS[_ROWS.index(row) + 1:]
    return 0 < len(lost) <= _MOST_LOST and _row_chunks(items, idx, spans.get(row, []), lost, row) is not None


def _row_chunks(items: Sequence[Item], idx: int, span: list[Item], lost: Sequence[str],
                row: str) -> list[list[Item]] | None:
    """Each row's numbers under the label at ``idx``, its own and the ``lost`` rows': seven each (:func:`_sevens`);
    or, in a table whose rows part their cells by the empty cells of the group columns (``\t`` lines before each
    sub-row's cells), as many runs of numbers as rows, each seven but one, which lost a cell (six numbers: that row is
    left to the identities, the others read). Else None."""
    if (run := _sevens(items, idx, span, lost, row)) is not None:
        return [run[j * _WIDTH:(j + 1) * _WIDTH] for j in range(1 + len(lost))]
    runs: list[list[Item]] = [[]]
    for it in span:
        if it.cell.kind is _BLANK:
            if runs[-1]:
                runs.append([])
        elif it.cell.is_number:
            runs[-1].append(it)
        else:
            return None
    runs = [r for r in runs if r]
    printed = [it for r in runs for it in r]
    if len(runs) != 1 + len(lost) or sorted(len(r) == _WIDTH for r in runs) != [False] + [True] * len(lost) \
            or len({it.line for it in printed}) != len(printed) or printed[0].line <= items[idx].line:
        return None
    gaps = [(a[-1].line, b[0].line, _OPENED.get(g, ()), g) for a, b, g in zip(runs, runs[1:], lost)]
    return runs if _words_fit(items, idx, printed[-1].line, gaps, row) else None


def _words_fit(items: Sequence[Item], idx: int, last: int, gaps: list[tuple[int, int, tuple[str, ...], str]],
               row: str) -> bool:
    """Whether the only words among the numbers after the label at ``idx`` (up to line ``last``) stand between two
    rows' numbers and are the heading of the group the next row opens, or, right after the label's own numbers, the
    rest of its label (``1.申请人无正当理`` / seven / ``由逾期不补正、行政机关…``: a label wrapped with its numbers on its
    first line), or the label of the next row that lost words (``8.属于行政事项``: naming no row, its item number if
    any the next row's, :func:`_damaged_label`); not a label's piece of another row, nor another heading."""
    label = items[idx]

    def fits(it: Item) -> bool:
        if any(a < it.line < b and (it.key in heads or _damaged_label(it.key, lost)) for a, b, heads, lost in gaps):
            return True
        return bool(gaps) and gaps[0][0] < it.line < gaps[0][1] and rows_named(label.key + it.key) == [row] \
            and not _ITEM_NUMBER.match(it.key)     # (a piece opening with an item number is another row's label)
    return all(fits(it) for it in items[idx + 1:] if it.is_text and it.line <= last)


def _sevens(items: Sequence[Item], idx: int, span: list[Item], lost: Sequence[str], row: str) -> list[Item] | None:
    """The seven numbers of the row labelled at ``idx`` and seven for each ``lost`` row after it, one to a line, the
    first right after the label, empty cells only between two sevens, and no words but the heading of the group a
    lost row opens, right before its seven (``8.属于行政查询事项`` / seven / ``（四）无法提供`` / seven, 1.本机关不掌握…
    lost); else None."""
    size = _WIDTH * (1 + len(lost))
    printed = [it for it in span if it.cell.kind is not _BLANK]
    if len(printed) != size or not all(it.cell.is_number for it in printed) \
            or len({it.line for it in printed}) != len(printed) or printed[0].line <= items[idx].line:
        return None
    starts = range(0, size, _WIDTH)
    inside = [it for j in starts for it in span[span.index(printed[j]):span.index(printed[j + _WIDTH - 1]) + 1]]
    if len(inside) != len(printed):
        return None                     # (an empty cell among a seven: which cells are whose is not known)
    gaps = [(printed[j - 1].line, printed[j].line, _OPENED.get(g, ()), g) for j, g in zip(starts[1:], lost)]
    return printed if _words_fit(items, idx, printed[-1].line, gaps, row) else None


def blank_over_lost_label(items: list[Item], order: list[tuple[str, int]], k: int, first: int) -> bool:
    """Whether the row ``order[k]``, its label's line holding a field for each of its cells (from column ``first``:
    all empty), stands over a row whose label is lost (the next label found is not the next row's), in a table whose
    rows print their numbers on their labels' lines: the line of numbers after it is then that row's, not this
    one's printed apart, or this one's printed apart and that row's lost; neither is read (tab-separated rows or a
    Markdown grid: ``（四）无法提供 | 1.本机关不掌握…`` and seven empty fields, then ``| | 0 | 0 | …`` with no label,
    then 3.补正后…; the sums hold either way). Where two lines of numbers follow it, or most rows print their numbers
    on a line after their labels (a converter detaching them), the line after is this row's, as the others'."""
    label = items[order[k][1]]
    if (label.width or 0) < first + _WIDTH or k + 1 >= len(order):
        return False
    row, after = order[k][0], order[k + 1][0]
    if row not in TABLE3_ROW_PATHS or after not in TABLE3_ROW_PATHS or _ROWS.index(after) == _ROWS.index(row) + 1:
        return False
    numbered = {it.line for it in items if it.is_value and it.cell.is_number}
    between = {it.line for it in items[order[k][1] + 1:order[k + 1][1]] if it.is_value and it.cell.kind is not _BLANK}
    return len(between) == 1 and 2 * sum(items[i].line in numbered for _, i in order) > len(order)
