"""表二 printed wide: its rows' labels side by side as a header, their cells in one row under them.

Some agencies lay 表二 out across the page::

    第二十条第（一）项
    规章                                  行政规范性文件
    本年制发件数  本年废止件数  现行有效件数  本年制发件数  本年废止件数  现行有效件数
    0             0            1            1            4            9
    行政许可   行政处罚   行政强制   行政事业性收费（单位：万元）
    15427      4470      0         0

Read label by label, no label has a number after it. :func:`read_wide` reads a run of two or more of 表二's labels,
the column headers after them, and the one row of cells after those: the cells go to the labels in order, each
label taking as many as its row has columns (three for 规章 and 行政规范性文件, one for the others), only when the
row holds exactly that many. Only a table's cells are so read (lines of a web page's, a Word file's or a
spreadsheet's table: tab-separated): a PDF text tool may print a table's labels and numbers in blocks whose order is
its own (extract/blockread.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from ..form import FORM
from .layout import Item
from .readings import Readings, reading

__all__ = ["read_wide", "T2_WIDE"]

#: the method of a cell so read
T2_WIDE = "t2-wide-row"
_ROWS = tuple((r.pattern, list(r.paths)) for r in FORM.table2)


@lru_cache(maxsize=4096)
def _paths(key: str) -> list[str] | None:
    """The paths of the 表二 row the key names first (once per distinct key; the list is shared: read only)."""
    key = key.replace(" ", "")
    return next((paths for pattern, paths in _ROWS if pattern.search(key)), None)


def read_wide(items: list[Item], lines: Sequence[str]) -> Readings:
    """The cells of each run of 表二 labels printed side by side among ``items`` (see the module docstring)."""
    out: Readings = {}
    i = 0
    while i < len(items):
        run: list[list[str]] = []
        j = i
        while j < len(items) and items[j].is_text and (paths := _paths(items[j].key)) is not None:
            run.append(paths)
            j += 1
        if len(run) < 2 or len({p[0] for p in run}) != len(run):
            i = max(j, i + 1)
            continue
        k = j
        while k < len(items) and items[k].is_text and _paths(items[k].key) is None:
            k += 1                      # the columns' headers
        cells: list[Item] = []
        while k < len(items) and items[k].is_value:
            cells.append(items[k])
            k += 1
        if len(cells) == sum(map(len, run)) and all("\t" in lines[it.line - 1] for it in items[i:k]):
            for path, cell in zip((p for paths in run for p in paths), cells):
                out[path] = reading(cell.cell, [items[i].line, cell.line], T2_WIDE)
        i = k
    return out
