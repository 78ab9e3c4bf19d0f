"""A column no reader sees, printed by the converter: one more cell at the end of every table row.

A CMS page may carry a cell in every table row that the browser does not show (a ``<td>`` styled
``display:none``, an editor's bookkeeping column). A converter that ignores styles prints it like any other:
every row then ends in one number more than the form has columns, header rows included
(``申请人情况 | 34``, ``信息内容 | 本年制发件数 | … | 78``, ``规章 | 0 | 4 | 62 | 26``).

The tables say so themselves, 表三 above all: its rows carry eight cells for seven columns, the first seven
add up (total = the six applicant columns) where the last seven do not, and the header rows, which hold no
number in the form, each end in one. Where 表三 shows all of that, the last cell of every run of cells (a
row's, a header row's) is no cell of the form, in 表二, 表三 and 表四 alike: taken out of the items before the
tables are read (表四's row of fifteen right under its header row, no text between them, loses the first
cell too: the header row's). 表三's and 表四's identities check the cells that remain; 表二's are checked by none, so a
表二 so read is a likely reading, never proof (``READ.STRAY_COLUMN``).
"""

from __future__ import annotations

import re

from ..evidence import CellKind, Method, Reading
from .glued import row_holds
from .layout import Item, Region
from .table3_labels import find_labels

__all__ = ["drop_stray_column", "mark_stray_table2"]

_WIDTH = 7
#: rows of 表三 that must show eight cells, the first seven adding up, and header rows ending in a number
_MIN_ROWS = 5
_MIN_HEADER = 1
#: 表四 as one row: its fifteen cells right after its header row (a cell to a line, or on the next line)
_T4_WIDTH = 15
_BAR = "|"          # html2text's cell separator, kept as a text item: no text between cells
#: a label whose item number was parted from it opens with the number's dot
_ITEM_DOTS = frozenset(".．、")
#: a generic header numbering its columns (数据 / 1 … 数据 / 6): its numbers are the header's
_NUMBERED_HEAD = re.compile(r"(?:数据|列|栏)$")


def _runs(items: list[Item]) -> list[tuple[int, list[Item]]]:
    """Every run of values after a piece of text: (index of the text item, the run without the blank cells
    at its edges)."""
    out: list[tuple[int, list[Item]]] = []
    text_at: int | None = None
    run: list[Item] = []
    for i, it in enumerate(items + [None]):
        if it is None or (it.is_text and it.raw.strip() != _BAR):
            if text_at is not None and (core := _core(run)):
                out.append((text_at, core))
            text_at, run = i, []
        elif it.is_value:
            run.append(it)
    return out


_BLANK = CellKind.BLANK       # (an enum's member looked up once: read for every item)


def _long_runs(items: list[Item]) -> int:
    """How many runs of values (between pieces of text) have cores (:func:`_core`) longer than :data:`_WIDTH`: no
    fewer than :func:`_runs` gives of ``_WIDTH + 1``, cheaply told."""
    long = held = blanks = 0            # the open run's core so far; blank cells after it (its core's if more follow)
    for it in items:
        if it.is_value:
            if it.cell.kind is not _BLANK:
                held += blanks + 1
                blanks = 0
            elif held:
                blanks += 1
        elif it.raw.strip() != _BAR:
            long += held > _WIDTH
            held = blanks = 0
    return long + (held > _WIDTH)


def _numbers_next_label(items: list[Item], at: int) -> bool:
    """Whether the text right after the value at ``at`` opens with an item number's dot: the value is that number."""
    nxt = next((it for it in items[at + 1:] if it.is_text and it.raw.strip() != _BAR), None)
    return nxt is not None and nxt.raw.lstrip()[:1] in _ITEM_DOTS


def _core(run: list[Item]) -> list[Item]:
    lo, hi = 0, len(run)
    while lo < hi and run[lo].cell.kind is CellKind.BLANK:
        lo += 1
    while hi > lo and run[hi - 1].cell.kind is CellKind.BLANK:
        hi -= 1
    return run[lo:hi]


def _values(cells: list[Item]) -> list[int] | None:
    """A row's cells as counts, a placeholder 0; None when one is neither."""
    out = []
    for it in cells:
        if it.cell.kind is CellKind.PLACEHOLDER:
            out.append(0)
        elif it.cell.is_number and isinstance(it.cell.value, int):
            out.append(it.cell.value)
        else:
            return None
    return out


def stray_column(region: Region) -> bool:
    """Whether 表三's rows end in a cell the form has no column for: rows of eight cells (at least
    :data:`_MIN_ROWS`: a converter that drops empty cells leaves the others shorter), the last a number; in each
    the first seven add up; in some the last seven do not (else a total printed last and one more cell before it
    would read alike); no row longer, every row ending in a number; and header rows before the first label
    ending in a lone number."""
    items = region.items
    if _long_runs(items) < _MIN_ROWS:
        return False                    # (most tables: too few runs for the rows' of eight)
    labels = find_labels(items)
    if not labels:
        return False
    first = min(labels.values())
    at_label = set(labels.values())
    runs = _runs(items)
    index = {id(it): j for j, it in enumerate(items)}
    if any(_numbers_next_label(items, index[id(core[-1])]) for _, core in runs):
        return False                    # a row's last number is the next label's item number (2 / ．其他法律…)
    rows = [core for at, core in runs if at in at_label]
    eight = [core for core in rows if len(core) == _WIDTH + 1]
    if len(eight) < _MIN_ROWS or any(len(core) > _WIDTH + 1 or not core[-1].cell.is_number for core in rows):
        return False
    told = False
    for core in eight:
        values = _values(core)
        if values is None:
            continue
        if not row_holds(values[:_WIDTH]):
            return False
        told = told or not row_holds(values[1:])
    header = sum(1 for at, core in runs if at < first and len(core) == 1 and core[0].cell.is_number
                 and not _NUMBERED_HEAD.search(items[at].key))
    return told and header >= _MIN_HEADER


def _row_numbers(region: Region) -> bool:
    """Whether the eighth numbers of 表三's rows count up (4, 5, 6, …) and its last row ends in its seventh cell:
    each row is followed by the next row's number in a 序号 column, not by a hidden cell."""
    labels = find_labels(region.items)
    at_label = set(labels.values())
    rows = [core for at, core in _runs(region.items) if at in at_label]
    lasts = [core[-1].cell.value for core in rows if len(core) == _WIDTH + 1]
    return bool(rows) and len(rows[-1]) == _WIDTH \
        and sum(1 for a, b in zip(lasts, lasts[1:]) if b == a + 1) >= len(lasts) // 2


def drop_stray_column(regions: dict[str, Region]) -> bool:
    """Take the stray column's cells (the last number of every run of cells) out of every table's items when
    表三 shows one (:func:`stray_column`); whether it did. Where those numbers are 表三's row numbers (a 序号
    column, :func:`_row_numbers`), they are taken out of 表三 only, and False: no other table has them."""
    t3 = regions.get("表三")
    if t3 is None or not stray_column(t3):
        return False
    numbered = _row_numbers(t3)
    for name, region in regions.items():
        if numbered and name != "表三":
            continue
        stray = set()
        for _, core in _runs(region.items):
            if core[-1].cell.is_number and not (numbered and len(core) > 1 and core[-1].line == core[-2].line):
                stray.add(id(core[-1]))     # (a row's 序号 opens the next row's line: a number on the row's own
                #                             line, its fields parted, is its total)
            if name == "表四" and len(core) == _T4_WIDTH + 2 and core[0].cell.is_number:
                stray.add(id(core[0]))      # its header row's stray cell, then its row of fifteen and its own
        cut = {it.line: it.col for it in region.items if id(it) in stray and it.col is not None}
        region.items = [it for it in region.items if id(it) not in stray]
        for it in region.items:         # a grid row's width without its hidden field (its last: no field after it)
            if it.line in cut and it.width is not None:
                it.width = min(it.width, cut[it.line])
    return not numbered


def mark_stray_table2(readings: dict[str, Reading]) -> None:
    """表二 read past the stray column: every cell read is a likely reading (no identity checks 表二)."""
    for path, r in readings.items():
        if path.startswith("active_disclosure.") and not r.missing:
            r.method = Method.STRAY_COLUMN
