"""表二 rows of a converter's grid (markdown, tab-separated): where an empty field is an empty cell in place.

A converter prints an empty cell as an empty field (``| 行政规范性文件 | 35 |  | 199 |``); a grid that ran two
columns together (pymupdf4llm: ``| 规章 |  | 0 |  |`` under ``| 信息内容 | 本年制发件数<br>本年废止件数 | 现行有效件数 |``)
places no empty field; a grid that repeats a merged cell's text in each column it spans (pymupdf4llm:
``| 规章 | 0 | 0 | 0 | 0 | 0 |`` under ``| 信息内容 | 本年制发件数 | 本年制发件数 | 本年制发件数 | 本年废止件数 | 现行有效件数 |``)
prints one cell as several fields.
"""

from __future__ import annotations

from .cells import parse_cell
from .layout import Item

__all__ = ["merged_grid", "row_alone", "spanned_cells", "with_grid_blanks", "wrapped_past_its_line"]


def with_grid_blanks(label: Item, values: list[Item], n: int, line_items: list[Item],
                     alone: bool = False) -> list[Item]:
    """A converter's grid row prints an empty cell as an empty field (``| 行政规范性文件 | 35 |  | 199 |``),
    and so does a crawler's tab-separated row that starts with its label (``规章\t0\t\t0``): when the row
    has exactly the label and ``n`` fields and nothing else stands on it (``line_items``: the items after
    the label on its line; a word in a field, ``见附件``, is not an empty cell), the missing fields are
    blank cells, in place. (A tab row with more fields than that, or a label not in its first field,
    pads with empty fields: they are layout.)

    A markdown row whose fields are all empty (``| 规章 |  |  |  |``: a department issues no 规章; ``| 行政强制 |
    |  |  |``, its one cell spanning the stock columns), or a tab row of them (``规章\t\t\t``, a crawler's dump of
    empty cells), is blank cells when the row stands ``alone``
    (:func:`row_alone`) and its label is all its field holds (``| 规章000 |  |  |  |`` is a glued row)."""
    if not values:
        if not (alone and (label.grid or label.col == 0) and label.col is not None
                and not any(ch.isdigit() for ch in label.raw)
                and (label.width == label.col + n + 1 or (n == 1 and label.width == label.col + _STOCKS + 1))
                and not line_items):
            return values
        return [Item("", label.line, parse_cell(""), col=label.col + 1 + k, width=label.width, grid=label.grid)
                for k in range(n)]
    if len(values) >= n or label.col is None or label.width != label.col + n + 1 \
            or not (label.grid or label.col == 0) \
            or not all(v.grid is label.grid and v.line == label.line and v.col is not None for v in values) \
            or any(it.is_text for it in line_items):
        return values
    by_col = {v.col: v for v in values}
    if len(by_col) != len(values) or not set(by_col) <= set(range(label.col + 1, label.col + n + 1)):
        return values
    return [by_col.get(c) or Item("", label.line, parse_cell(""), col=c, width=label.width, grid=label.grid)
            for c in range(label.col + 1, label.col + n + 1)]


def row_alone(items: list[Item], i: int, labelled: set[int] | list[int]) -> bool:
    """Whether the label at ``i`` heads a row of its own: what follows it is another row's label (``labelled``),
    a 第二十条 heading or the region's end, not the rest of a label that wrapped onto a row of its own
    (``| 行政规范性 |  |  |  |`` over ``| 文件 | 0 | 0 | 13 |``); and no numbers stand off any label's line
    before it (``|  | 1 | 0 | 5 |`` over ``| 行政规范性文件 |  |  |  |``: numbers printed above their label)."""
    if not (i + 1 == len(items) or i + 1 in labelled or _heading(items[i + 1])):
        return False
    k = i - 1
    while k >= 0 and not items[k].is_text:
        k -= 1
    return all(items[j].line == items[k].line for j in range(k + 1, i)) if k >= 0 else i == 0


def spanned_cells(items: list[Item], i: int, values: list[Item], n: int) -> list[Item] | None:
    """The ``n`` cells of the grid row whose label is at ``i`` when its fields ``values`` (more than ``n``) are merged
    cells a converter repeated in each column they span, as it repeated the header's words over them (the ingest
    keeps a repeated header field once, at its first column): under each of the ``n`` words of the sub-table's header
    line (信息内容's: ``本年制发件数`` over three columns, then ``本年废止件数``, ``现行有效件数``), every field of the row
    prints one text, the cell's. None where the header holds other than ``n`` words, or the fields under a word
    differ (``1 | 2 | 3`` under one word: three cells, not one)."""
    label = items[i]
    if len(values) <= n or not label.grid or not all(v.grid and v.line == label.line for v in values):
        return None
    for j in range(i - 1, -1, -1):
        if _heading(items[j]):
            return None
        if items[j].is_text and items[j].key.replace(" ", "").startswith("信息内容"):
            header = [h for h in items[j + 1:i] if h.line == items[j].line]
            break
    else:
        return None
    if len(header) != n or not all(h.is_text and h.grid and h.col is not None for h in header) \
            or any(v.col is None for v in values) or len({v.col for v in values}) != len(values):
        return None
    starts = [h.col for h in header] + [max(v.col for v in values) + 1]       # type: ignore[type-var, operator]
    runs = [[k for k, v in enumerate(values) if lo <= v.col < hi] for lo, hi in zip(starts, starts[1:])]  # type: ignore[operator]
    if sum(map(len, runs)) != len(values) or any(not run or len({values[k].raw.strip() for k in run}) != 1
                                                 for run in runs):
        return None
    return [values[run[0]] for run in runs]


def _heading(it: Item) -> bool:
    return it.is_text and it.key.startswith("第二十条")


#: 表二's stock columns (本年制发 / 本年废止 / 现行有效): the fields a one-cell row's merged cell spans
_STOCKS = 3


#: 表二's stock columns: a header field naming two of them is two columns a converter ran together
_STOCK_HEADS = ("本年制发件数", "本年废止件数", "现行有效件数")


def merged_grid(items: list[Item], i: int) -> bool:
    """Whether the grid of the sub-table of the label at ``i`` (from its 第二十条 heading to the next) ran two
    columns together, as pymupdf4llm may: a header field naming two columns (``本年制发件数<br>本年废止件数``), or
    a field holding two numbers (``0<br>0``). Its empty fields are then no cells in place."""
    lo = i
    while lo > 0 and not _heading(items[lo - 1]):
        lo -= 1
    hi = i + 1
    while hi < len(items) and not _heading(items[hi]):
        hi += 1
    fields: set[tuple[int, int]] = set()
    for it in items[lo:hi]:
        if not it.grid or it.col is None:
            continue
        if it.is_text and sum(head in it.key for head in _STOCK_HEADS) > 1:
            return True
        if it.is_value:
            if (it.line, it.col) in fields:
                return True
            fields.add((it.line, it.col))
    return False


def wrapped_past_its_line(label: Item, values: list[Item], lines: list[str]) -> bool:
    """A grid row whose line ends in its last number (before a closing bar), the next line digits alone
    (``行政事业性收费| 1665.61`` / ``1``): a dump hard-wrapped at a fixed width cut the cell, so the number on the row's line is not known to be
    the cell's whole (1665.611); the digits below are no other row's (they have no label)."""
    kept = [v for v in values if v.line == label.line]
    below = [v for v in values if v.line != label.line]
    if not kept or not below or not kept[-1].cell.is_number or not 0 < label.line <= len(lines) \
            or below[0].line != label.line + 1 or below[0].col is not None or not below[0].cell.is_number:
        return False
    return lines[label.line - 1].rstrip().rstrip("|").rstrip().endswith(kept[-1].raw.strip()) \
        and lines[below[0].line - 1].strip() == below[0].raw.strip()
