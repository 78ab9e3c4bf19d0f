"""表三 rows read from the numbers printed ABOVE their labels, where the identities choose that direction.

A text tool that takes a word processor's table apart cell by cell (pdftotext's default mode) may print
each row's numbers, one to a line, right before its label: ``0`` / ``0`` / … / ``规章`` / ``7`` / … /
``行政规范性文件``. Read top-down, each label takes the row below's numbers; direction.py marks such rows
(``cells-above-or-below``, never proven). Here the other reading is built, every row from above: exactly
seven numbers, one to a line, right above its label, pieces of a wrapped label allowed between them and
the label; a row whose seven numbers stand between pieces of its own wrapped label (numbers on the middle
line, its words after them) reads them in both directions; a label with no number between it and the
label above (or that row's middle line) is a blank row. Every number between the first label and the
last must be some row's, or no row is read from above. Then the identities decide, over the whole table:

* exactly one direction keeps every 表三 identity (or breaks one while the other breaks at least three):
  that direction's rows are read as ordinary rows, for the verifier to prove like any row. The rows read
  from below count as breaking them all where a cell is unread (a table printed above its labels leaves
  its last label nothing below it); the rows read from above are chosen against only when all were read;
* both directions read every cell and give the same values: the direction does not matter, the rows
  are read as ordinary rows;
* otherwise (both hold with different values, neither holds): nothing changes, the rows stay
  ``cells-above-or-below`` (unverified) — a shifted table of zeros keeps the identities either way.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..evidence import CellKind, Method, Reading
from ..form import FORM
from ..schema import APPLICANT_COLUMNS, TABLE3_PATHS, TABLE3_ROW_PATHS
from .t3instances import table3_broken
from .cells import parse_cell
from .direction import EITHER_WAY, rows_above_or_below, rows_below_beside_rows_above
from .lostlabel import first_label_lost
from .labels import opens_label
from .layout import Item, label_key
from .readings import Readings
from .rowbounds import GROUP_TITLES

__all__ = ["ABOVE_METHOD", "read_either_way"]

ABOVE_METHOD = Method.CELLS_ABOVE_LABEL
_BELOW_METHOD = Method.CELLS_AFTER_LABEL
_READ_BELOW = (EITHER_WAY, _BELOW_METHOD, Method.GRID_ROW)
_WIDTH = len(APPLICANT_COLUMNS)
_CHOSEN = "the identities hold only with each row's numbers read from {}: read so"
_NEVER = 1 << 20
_BLANK = parse_cell("")
_NO_CELLS = ("no number between this label and the label above it, in a table printing each row's numbers "
             "above its label")
_SAME = "each row's numbers read the same from above and from below their labels"
_FIRST_LOST = ("each row's numbers read from below its label: the first row's label is lost (seven numbers stand "
               "above the second row's label), and the last row's numbers stand below its label")
#: 表三's header words as label keys (a page break repeats them under a row's label)
_HEADER = label_key("".join((*FORM.table3_header, *(c.label for c in FORM.table3_columns))))
#: the titles of 表三's row groups, printed down a narrow column beside the rows' labels and numbers
_TITLES = (label_key("三、本年度办理结果"), *GROUP_TITLES)


def read_either_way(items: list[Item], order: list[tuple[str, int]],
                    taken: Mapping[int, tuple[Sequence[str], list[Item]]], out: Readings) -> None:
    """Mark the rows whose direction is in doubt (direction.py), then let the identities choose between
    the rows read from below their labels (``out``) and from above them; ``order`` is the table's row
    labels (row, item index) in item order."""
    marked = rows_above_or_below(items, taken, out)
    if not rows_below_beside_rows_above(items, order, taken, out) and not marked:
        # (most tables: no row marked, and no reader before marks one.) A table some of whose rows the reading
        # from below left unread (markitdown of a LibreOffice PDF: the first rows' numbers above their labels, the
        # later rows' beside them, so no number is left over above a row read from below) is read from above too:
        # there only a reading that keeps every identity is taken
        unread = any(out[p].missing for row, _ in order for p in TABLE3_ROW_PATHS.get(row, ()) if p in out)
        if not unread:
            return
    elif not any(out[p].method == EITHER_WAY for row, _ in order if row in TABLE3_ROW_PATHS
                 for p in TABLE3_ROW_PATHS[row]):
        return
    else:
        unread = False
    if any(row not in TABLE3_ROW_PATHS for row, _ in order) or any(
            out[p].method not in _READ_BELOW for row, _ in order for p in TABLE3_ROW_PATHS[row]):
        return                              # rows read otherwise (one-row （六）, tabs): not this shape
    above, claimed = _rows_from_above(items, order)
    # (where no row was marked, every number of the table, past its last label too, is some row's, and no row is a
    # blank row for want of numbers: labels standing alone with their numbers printed further on say nothing)
    span = items[order[0][1]:] if unread else items[order[0][1]:order[-1][1]]
    if any(it.is_value and not (it.grid and it.cell.kind is CellKind.BLANK) and id(it) not in claimed
           for it in span) or unread and any(r[0].note == _NO_CELLS for r in above.values()):
        above = {}                          # numbers no row takes from above: not a table printed that way
    below = {p: out[p].value for p in TABLE3_PATHS if p in out and not out[p].missing}
    other = dict(below)
    for row, _ in order:
        for p in TABLE3_ROW_PATHS[row]:
            other.pop(p, None)
        if row in above:
            other.update(zip(TABLE3_ROW_PATHS[row], (r.value for r in above[row])))
    full_above, full_below = len(other) == len(TABLE3_PATHS), len(below) == len(TABLE3_PATHS)
    if not full_below and first_label_lost(items, order, out, below):
        _settle_below(items, order, out, _FIRST_LOST)   # (the lost row is left to the identities: 一 + 二 = 七 + 四)
        return
    if full_above and full_below and all(other[p] == below[p] for p in TABLE3_PATHS):
        _settle_below(items, order, out, _SAME)
        return
    # (a table read from below with its last row unread is what a table printed the other way gives:
    # there it counts as breaking every identity)
    broken_above = len(table3_broken(dict(other))) if full_above else _NEVER
    broken_below = len(table3_broken(dict(below))) if full_below else _NEVER
    if broken_above == 0 and broken_below > 0 or broken_above == 1 and broken_below >= 3 and not unread:
        for row, _ in order:
            out.update(zip(TABLE3_ROW_PATHS[row], above[row]))
    elif full_above and not unread and (broken_below == 0 and broken_above > 0 or broken_below == 1 and broken_above >= 3):
        # (not where the rows could not all be read from above: a shifted table of zeros read from below
        # keeps the identities too, and no other reading is there to be broken)
        _settle_below(items, order, out, _CHOSEN.format("below their labels"))


def _settle_below(items: list[Item], order: list[tuple[str, int]], out: Readings, note: str) -> None:
    for row, idx in order:
        method = Method.GRID_ROW if items[idx].grid else _BELOW_METHOD     # (a grid's row read as grids are)
        for p in TABLE3_ROW_PATHS[row]:
            r = out[p]
            if r.method == EITHER_WAY:
                out[p] = Reading(r.value, r.kind, r.raw, r.lines, method, note)


def _rows_from_above(items: list[Item], order: list[tuple[str, int]]) -> tuple[dict[str, list[Reading]], set[int]]:
    """Each row's seven cells read in the above direction, for the rows where such a reading exists, and
    the ids of the items they took."""
    label_at = {idx for _, idx in order}
    text_lines = {it.line for it in items if it.is_text}
    claimed: set[int] = set()
    out: dict[str, list[Reading]] = {}
    for k, (row, idx) in enumerate(order):
        prev = order[k - 1][1] if k else -1
        nxt = order[k + 1][1] if k + 1 < len(order) else len(items)
        run = _own_grid_line(items, idx, nxt)     # (a grid's, or a text line's: ``7.属于行政执法案卷 0 0 0 0 0 0 0``)
        if run is None and (run := _middle_run(items, idx, nxt, label_at)) is not None \
                and _past_header(items, idx, run[0]):
            # (a page break's repeated header between the label and those numbers: the numbers right above the
            # label, where there are, are its own, the ones past the header the next row's, printed above its label)
            run = _run_above(items, idx, prev, label_at, text_lines, claimed) \
                or _grid_line_above(items, idx, prev, label_at, text_lines, claimed) or run
        if run is None:
            run = _run_above(items, idx, prev, label_at, text_lines, claimed)
        if run is None:
            run = _grid_line_above(items, idx, prev, label_at, text_lines, claimed)
        if run is None and k and opens_label(row, items[idx].key) and all(
                id(items[j]) in claimed or items[j].is_text and j not in label_at for j in range(prev + 1, idx)):
            out[row] = [Reading(_BLANK.plain, _BLANK.kind, "", [items[idx].line], ABOVE_METHOD, _NO_CELLS)] * _WIDTH
            continue        # no number between the row above's label (or its middle line) and its own: a blank row
        if run is None:
            continue
        claimed.update(id(it) for it in run)
        at = items[idx].line
        note = _CHOSEN.format("above their labels") if run[0].line < at else _SAME
        out[row] = [Reading(it.cell.plain, it.cell.kind, it.cell.raw, sorted({at, it.line}), ABOVE_METHOD, note)
                    for it in run]
    return out, claimed


def _middle_run(items: list[Item], idx: int, nxt: int, label_at: set[int]) -> list[Item] | None:
    """Seven numbers after the label's first piece and followed by more of its words (a wrapped label
    with its numbers on the middle line): the row's own, in either direction. Words on the line of another row's
    label are not its own (markitdown: ``二、上年结转…`` / ``| 0 0 | 1 0 | 0 | 0 1 |`` / ``| 三、本 | （一）予以公开 |``:
    the numbers are 予以公开's, printed above its label)."""
    j = idx + 1
    while j < nxt and items[j].is_text:
        j += 1
    run: list[Item] = []
    while j < nxt and items[j].is_value:
        run.append(items[j])
        j += 1
    if len(run) == _WIDTH and j < nxt and items[j].is_text and j not in label_at \
            and items[j].line not in {items[k].line for k in label_at} \
            and any(it.cell.kind is not CellKind.BLANK for it in run):
        return run                      # (not a grid label's own empty fields, its words wrapped below them)
    return None


def _past_header(items: list[Item], idx: int, first: Item) -> bool:
    """Whether the words between the label at ``idx`` and the number ``first`` end in 表三's header (two of its words
    or more, the last of them right before the number): a page break repeated it there, and the label does not go
    on after it (``4.无正当理由`` / header / ``大量反复申请`` / numbers: its own, past the break)."""
    words = [it for it in items[idx + 1:] if it is not first and it.is_text and it.line <= first.line]
    header = [len(it.key) > 1 and it.key in _HEADER for it in words]
    return sum(header) > 1 and header[-1]


def _run_above(items: list[Item], idx: int, prev: int, label_at: set[int], text_lines: set[int],
               claimed: set[int]) -> list[Item] | None:
    """Exactly seven numbers, one to a line, right above the label at ``idx`` (after the previous row's
    label ``prev``), words of a wrapped label allowed between them and the label."""
    j = idx - 1
    while j > prev and items[j].is_text and j not in label_at:
        j -= 1
    run: list[Item] = []
    while j > prev and items[j].is_value:
        run.append(items[j])
        j -= 1
    run.reverse()
    lines = {it.line for it in run}
    if len(run) != _WIDTH or len(lines) != _WIDTH or lines & text_lines or any(id(it) in claimed for it in run):
        return None
    return run


def _grid_line_above(items: list[Item], idx: int, prev: int, label_at: set[int], text_lines: set[int],
                     claimed: set[int]) -> list[Item] | None:
    """A converter's grid line of values only right above the grid label at ``idx`` (words of its wrapped label, or
    a group's heading beside it, allowed between; on the line itself, a piece of a group's title in the label's
    columns: ``| 年度办 |  | 0 0 | 0 0 | 1 | 0 1 |``): its last seven fields, the fields before them empty (the
    label's columns). markitdown of a word processor's PDF: ``|  |  | 65 | 0 | … | 65 |`` / ``| 本年 | （二）部分公开 |
    |  | …`` / ``度办 （区分处理的，只``."""
    j = idx - 1
    while j > prev and items[j].is_text and j not in label_at:
        j -= 1
    if j <= prev or not items[j].grid:
        return None
    line = items[j].line
    fields: list[Item] = []
    while j > prev and items[j].line == line:
        if not items[j].is_value or id(items[j]) in claimed:
            break
        fields.append(items[j])
        j -= 1
    if line in text_lines and not all(_title_piece(it) for it in items if it.line == line and it.is_text):
        return None                     # (words of a row on the line: not its group's title beside the numbers)
    if j > prev and items[j].line == line and (items[j].is_value or j in label_at):
        return None
    fields.reverse()
    if any(it.cell.kind is not CellKind.BLANK for it in fields[:-_WIDTH]):
        return None                     # (a value in the label's columns: not this row's line alone)
    return _last_seven(fields)


def _title_piece(item: Item) -> bool:
    """Whether a word is a piece of a row group's title (``年度办`` of 三、本年度办理结果, ``）不`` of （三）不予公开)."""
    return bool(item.key) and any(item.key in title for title in _TITLES)


def _own_grid_line(items: list[Item], idx: int, nxt: int) -> list[Item] | None:
    """The last seven fields of the label's own line (a grid's, or a line of text a page of the same table prints
    as text), where they hold a number: its row's either way."""
    at = items[idx].line
    return _last_seven([it for it in items[idx + 1:nxt] if it.line == at])


def _last_seven(fields: list[Item]) -> list[Item] | None:
    """A grid line's last seven fields, where all are values and one at least is printed (not a line of empty fields)."""
    run = fields[-_WIDTH:]
    if len(run) != _WIDTH or not all(it.is_value for it in run) or all(it.cell.kind is CellKind.BLANK for it in run):
        return None
    return run
