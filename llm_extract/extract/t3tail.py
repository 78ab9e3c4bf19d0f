"""表三's last cells printed among 表四's (plain ``pdftotext`` of narrow tables: the reading order puts them there).

A table whose last rows' right-hand cells stand on the page beside 表四's header (a page's columns read in the
tool's order) comes out with those cells after 表四's heading, between 表四's own::

    3.其 / ０ / ０ / ０ / 他 / （七）总计 / ２ / ０ / １ / 四、结转下年度继续 / ０ / ０ / ０ / 办理     ← 表三: three cells a row
    四、政府信息公开行政复议、行政诉讼情况 / 行政复议 / … / ６ / ０ / ０ / ０ / ６               ← 表四's first group
    ０ / ０ / ０ / ０ / ０ / ０ / ０ / １ / ０ / １ / ３ / ２                                    ← 表三's twelve cells left
    行政诉讼 / … / ０ / ０ / …                                                              ← 表四's other groups

Where 表三's unread cells are a block of rows × columns, 表四 is read whole, and 表四's section holds exactly as many
numbers besides 表四's fifteen (one number a line) as that block has cells, those numbers are placed in the block
in the printed order, the block's rows cut into bands each printed column by column (a row by itself is printed
across), every cut whose whole table keeps every identity kept. The cells every kept cut gives one value are read,
never proven (``READ.T3_AFTER_T4``); the others stay unread.
"""

from __future__ import annotations

import re
from collections import Counter

from ..evidence import Method
from ..form import FORM
from ..schema import TABLE3_PATHS, TABLE4_PATHS
from .blocktext import Number, heading_line, printed_lines
from .headbands import compositions
from .readings import Readings, agreed
from .t3instances import known_hold

__all__ = ["read_tail_after_table4"]

_ROWS = FORM.table3_row_keys
_COLS = FORM.table3_column_keys
#: the section after 表四 (五、存在的主要问题…): where 表四's region ends
_SECTION_FIVE = re.compile(r"^\s*五\s*[、.．]")
#: the most cells of 表三 read this way (the last three rows' four right-hand cells: twelve)
_MOST = 28
#: more cuts keeping every identity than this: none is read
_MAX_CUTS = 8
#: the most rows of such a block (their cuts into bands number 2 ** (rows - 1): one unread column of 25 rows would
#: be 16 million)
_MOST_ROWS = 8
_NOTE = "printed among 表四's cells; several cuts of the rows keep every identity: left unread"


def _placed(numbers: list[Number], rows: list[int], cols: list[int], sizes: tuple[int, ...]) -> dict[str, Number]:
    """``numbers`` in the block ``rows`` × ``cols``, the rows cut into bands of ``sizes``, each column by column."""
    out: dict[str, Number] = {}
    at = top = 0
    for size in sizes:
        for c in cols:
            for r in rows[top:top + size]:
                out[f"applications.{_ROWS[r]}.{_COLS[c]}"] = numbers[at]
                at += 1
        top += size
    return out


def _tail(unread: list[str]) -> list[str]:
    """The unread cells of the lowest run of rows holding unread cells (rows one after another up to the last)."""
    rows = sorted({_ROWS.index(p.split(".")[1]) for p in unread})
    top = rows[-1]
    while top - 1 in rows:
        top -= 1
    return [p for p in unread if _ROWS.index(p.split(".")[1]) >= top]


def read_tail_after_table4(lines: list[str], readings: Readings) -> Readings | None:
    """表三's unread block of cells from the numbers 表四's section holds besides 表四's (see the module's docstring)."""
    everything = [p for p in TABLE3_PATHS if p not in readings or readings[p].missing]
    if not everything:
        return None
    unread = _tail(everything)
    if len(unread) > _MOST:
        return None
    rows = sorted({_ROWS.index(p.split(".")[1]) for p in unread})
    cols = sorted({_COLS.index(p.split(".")[2]) for p in unread})
    t4 = [readings.get(p) for p in TABLE4_PATHS]
    if len(rows) > _MOST_ROWS or len(unread) != len(rows) * len(cols) or any(r is None or r.missing or not r.lines for r in t4):
        return None
    if (start := heading_line(lines, FORM.headings["表四"])) is None:
        return None
    end = heading_line(lines, _SECTION_FIVE, start) or len(lines) + 1
    numbers = [n for _, _, _, found in printed_lines(lines, start, end) for n in found]
    per_line = Counter(n.line for n in numbers)
    t4_lines = {r.lines[-1] for r in t4 if r is not None}     # (a cell's own line: its last)
    if max(per_line.values(), default=0) > 1 or len(t4_lines) != len(t4) or not t4_lines <= set(per_line):
        return None                         # (one number a line: which are 表四's, its readings' lines say)
    left = [n for n in numbers if n.line not in t4_lines]
    if len(left) != len(unread) or not all(isinstance(n.cell.value, int) for n in left):
        return None
    known = {p: r.value for p in TABLE3_PATHS if (r := readings.get(p)) is not None and not r.missing}
    if not all(isinstance(v, int) or v is None for v in known.values()):
        return None
    kept: dict[tuple, dict[str, Number]] = {}
    for sizes in compositions(len(rows)):
        placed = _placed(left, rows, cols, sizes)
        values = tuple(placed[p].cell.value for p in unread)
        if values not in kept and known_hold({**known, **{p: n.cell.value for p, n in placed.items()}}):
            kept[values] = placed
            if len(kept) > _MAX_CUTS:
                return None
    if not kept:
        return None
    return agreed({p: [placed[p] for placed in kept.values()] for p in unread}, Method.T3_AFTER_T4, _NOTE)
