"""Fixed-width text (``pdftotext -layout``): the blank cells of 表三's short rows, placed by its full rows.

A row with blank cells prints fewer numbers than its seven columns; layout text keeps each number at
its horizontal place, so a full row of the same page (seven cells) tells which column each stands in::

    一、本年新收政府信息公开申请数量       110   5   0         4    2    121
    二、上年结转政府信息公开申请数量        4    0   0    0         0     4

The short line's numbers go to their columns, and a blank cell is put in each column left empty, so that
the table reader sees the row's seven cells. ``pdftotext -layout`` starts each line's cells where its
label's width puts them, so only the distances between cells are compared (columns.place_by_spacing):
a line is placed only when one choice of columns clearly fits by one of the nearest full rows of its page
(two when the page has two), and the other places it alike or not at all; where no spacing places it (evenly spaced
cells fit several runs of columns), by where its numbers stand in pdftotext's character grid, when both references
put their columns at the same places there, or only once a CJK character counts two columns (a page padded by display width: columns.page_grid). Narrow columns a single space apart count too: in layout text a space is
the PDF's, and a number split in two would fit no placement. The numbers must end their line and stand
alone on it or beside a row's found label (beside words no label was found in, they may be another row's:
a short count keeps them from being taken). A page printing no row whole takes its columns from its short
rows (gridinfer.py), else from where 表三's header words stand (headcols.py), by the spacing of its numbers
alone (a later page that repeats the header at its top, by its own header's words: each page has its own grid); a plain-text table's rule of dashes places a row's numbers by the column each stands inside (rulecols.py). Any doubt leaves the line as it was (its row is then missing, or left to the identities), never a guess.
"""

from __future__ import annotations

import re

from collections.abc import Callable
from functools import cache, partial

from ..evidence import Method
from ..form import FORM
from .cells import EMPTY_KINDS, Cell, parse_cell
from .columns import centres, fit_spacing, fits, place_by_characters, place_by_spacing
from .gridinfer import inferred_columns
from .headcols import header_columns, place_on_header
from .rulecols import place_on_rule, rule_columns
from .labels import strip_item_number
from .layout import Item, Region, label_key
from .table3_labels import find_labels
from .unprinted import label_fragment
from .pagenumbers import PAGE_FEED

#: a token starting with 0 and holding more digits (00, ０２): cells run together in a narrow table
_RUN_TOGETHER = re.compile(r"[0０][0-9０-９]+")

__all__ = ["fill_blank_columns", "placed_methods"]

_REFERENCES = 2


def _full(line: str, n: int) -> bool:
    """A line ending in exactly ``n`` cells (numbers or placeholders), a word or nothing before them."""
    toks = line.split()                     # the tokens of columns.spans (both split where str.isspace)
    if len(toks) < n or not all(parse_cell(t).is_value for t in toks[-n:]):
        return False
    return len(toks) == n or not parse_cell(toks[-n - 1]).is_value


def _page_of(lines: list[str], region: Region) -> dict[int, int]:
    page, out = 0, {}
    for n in range(region.start, region.end):
        page += PAGE_FEED in lines[n - 1]
        out[n] = page
    return out


def _slots(line: str, k: int, refs: list[str], n: int, whole: bool) -> list[int] | None:
    """The columns of the line's last ``k`` cells, when a reference places them clearly and no other
    places them otherwise (a reference whose own spacing fits no placement gives no opinion), or by the
    character grid when no spacing tells; only when the line's cells are a ``whole`` row's (:func:`_whole_row`)."""
    if not whole:
        return None
    found = [placed for ref in refs if (placed := place_by_spacing(line, k, ref, n)) is not None]
    if not found:       # evenly spaced cells fit several runs of columns: where they stand may tell which
        return place_by_characters(line, k, refs, n) if k >= _MIN_BY_CHARACTERS else None
    return found[0] if all(p == found[0] for p in found) else None


#: a line of fewer cells is placed by spacing only: a lone number fits every column's spacing, and where it
#: stands tells no more than that of a row pdftotext broke over two lines
_MIN_BY_CHARACTERS = 2


def _whole_row(m: int, k: int, by_line: dict[int, list[int]], items: list[Item], n: int, labelled: bool,
               apart: Callable[[int], bool] = lambda step: False) -> bool:
    """Whether the ``k`` cells of line ``m`` are no piece of a row pdftotext broke over two lines (or of two
    rows printed close together, their cells interleaved): the line right above and the line right below
    hold none, or too many to make a row with them, or cells standing in some column of this line's (``apart``:
    one row prints one cell a column, so two lines whose cells the page's grid puts in one column are two rows) (``保护第三方合法权益 0`` / ``5.属于三类内部事务信息 0 0 0 0 0 0``:
    one row's seven cells). Cells beside their row's label (``labelled``) in a table whose rows each print a
    few (blank cells printing nothing) are a piece of a row only where a line next to them makes it whole."""
    for step in (-1, 1):
        values = sum(1 for i in by_line.get(m + step, ()) if items[i].is_value)
        if values and (values + k == n if labelled else values + k <= n) \
                and not (_totalled(by_line[m], items) and _totalled(by_line[m + step], items)) and not apart(step):
            return False
    return True


def _share_a_column(lines: list[str], items: list[Item], m: int, short: dict[int, list[int]], refs: list[str], n: int,
                    step: int) -> bool:
    """Whether line ``m`` and the short row ``step`` lines from it, both zeros alone, each stand on the grid of the
    full rows ``refs`` (columns.place_by_characters) with a cell of each in one column: not one row's two pieces
    (one row prints one cell a column). Two rows' cells interleaved over the two lines are not so excluded; zeros
    alone, each read where its line puts it, are zeros and blanks trading places at worst, which no identity tells
    apart: read, never proven (:func:`placed_methods`)."""
    other = short.get(m + step)
    if other is None or min(len(short[m]), len(other)) < _MIN_BY_CHARACTERS \
            or not all(items[i].cell.is_number and items[i].cell.value == 0 for i in (*short[m], *other)):
        return False
    here = place_by_characters(lines[m - 1], len(short[m]), refs, n)
    there = place_by_characters(lines[m + step - 1], len(other), refs, n)
    return here is not None and there is not None and bool(set(here) & set(there))


def _totalled(idxs: list[int], items: list[Item]) -> bool:
    """Whether a line's cells are a row of their own by its total: at least two numbers, the last, not 0, the sum
    of the others (``公开   2   1   3`` over ``开   3.危及“三安全一稳定”   5   1   1   7``). Two such lines are no pieces of
    one row: its total would be the sum of both lines' others, and that of one line is not 0."""
    values = [items[i].cell.value for i in idxs if items[i].is_value]
    if len(values) < 2 or not all(isinstance(v, int) for v in values) or not values[-1]:
        return False
    return values[-1] == sum(values[:-1])


def _pages_without_full_rows(lines: list[str], short: dict[int, list[int]], full: list[int],
                             page: dict[int, int], n: int) -> dict[int, list[float]]:
    """The columns of each page that prints no full row, inferred from its short rows (gridinfer.py)."""
    out: dict[int, list[float]] = {}
    for p in sorted({page[m] for m in short} - {page[m] for m in full}):
        rows = [centres(lines[m - 1], len(values)) for m, values in short.items() if page[m] == p]
        columns = inferred_columns(rows, n)
        if columns is not None:
            out[p] = columns
    return out


def _label_goes_on(lines: list[str], items: list[Item], words: list[int], by_line: dict[int, list[int]],
                   labelled: dict[int, str], m: int) -> bool:
    """Whether the words before line ``m``'s numbers are the rest of the label found on the line right above,
    a line with no number of its own (``5.属于三类内部`` / ``事务信息   0   0 …``), or a few lines above, the lines
    between holding the label's text only: a label wrapped, its numbers beside its last line, as a cell's text
    and numbers share the cell's height. A group's title printed down its narrow column may stand before them
    (``度办``), or run into the label's rest."""
    above = m - 1                       # (the label's line, past lines of its text only: a label over three lines)
    while labelled.get(above) is None and m - above < _WRAPPED_LINES and lines[above - 1].strip() \
            and not any(items[i].is_value for i in by_line.get(above, ())):     # (a line joined onto the label: no item)
        above -= 1
    row = labelled.get(above)
    if row is None or any(items[i].is_value for i in by_line.get(above, ())):
        return False
    between = [i for n in range(above + 1, m) for i in by_line.get(n, ())]
    return all(items[i].is_text and (label_fragment(items[i].key, (row,)) or _beside_group_title(items[i].key, row)
                                     or _group_title_piece(items[i].key))
               for i in [*between, *words])


#: lines a label wraps over in a narrow cell, its numbers beside the last (``（六） 1.申请人无正当理由逾期`` /
#: ``不补正、行政机关不再处`` / ``理其政府信息公开申请   4   4``)
_WRAPPED_LINES = 4


#: the groups' titles, item numbers aside (无法提供, 不予处理, 本年度办理结果 …): printed down their narrow column
_TITLES = tuple(strip_item_number(label_key(t)) for t in ("三、本年度办理结果", *(r.group for r in FORM.table3_rows if r.group)))


def _group_title_piece(key: str) -> bool:
    """A piece of a group's title alone (``度办`` of 三、本年度办理结果 printed two characters to a line)."""
    key = strip_item_number(key)
    return len(key) >= 2 and any(key in t for t in _TITLES)


def _beside_group_title(key: str, row: str) -> bool:
    """A piece of a group's title run together with the piece of ``row``'s label
    beside it (``提供`` / ``作`` of （四）无法提供 and 2.没有现成信息需要另行制作: ``提供作``; ``（三）不予`` / ``益``)."""
    key = strip_item_number(key)
    return any(any(key[:cut] in t for t in _TITLES) and label_fragment(key[cut:], (row,)) for cut in range(1, len(key)))


def _by_header(line: str, k: int, columns: list[float] | None, same_page: bool, refs: list[str],
               n: int) -> list[int] | None:
    """The columns of the line's last ``k`` cells by 表三's header words (headcols.py): by their spacing, else,
    on the header's page, by where they stand; taken only where every full row of the page fits them too."""
    if columns is None:
        return None
    at = centres(line, k)
    slots = fit_spacing(at, columns)
    if slots is None and same_page:
        slots = place_on_header(line, k, columns)
    if slots is None or not all(fits(at, centres(ref, n), slots) for ref in refs):
        return None
    return slots


def _page_header(lines: list[str], page: dict[int, int], end: int, p: int) -> list[float] | None:
    """表三's columns by the header words a later page ``p`` repeats at its top (a Word table's header rows
    repeat on each page, and ``pdftotext -layout`` sets each page's grid apart), or None where it repeats none."""
    first = min((m for m, q in page.items() if q == p), default=None)
    return header_columns(lines, first, end) if first is not None else None


def fill_blank_columns(lines: list[str], region: Region, n: int = 7) -> None:
    """Give each short row of ``region`` (fewer than ``n`` cells on a line of fixed-width text) a blank
    item in each column its numbers leave empty, in place among ``region.items``."""
    if any(it.col is not None for it in region.items):
        return                              # tab-separated rows: their fields say where cells are
    if all("\t" in lines[it.line - 1] for it in region.items if it.is_value):
        return                              # (no value on a line without a tab: no short row to place)
    by_line: dict[int, list[int]] = {}
    for i, it in enumerate(region.items):
        by_line.setdefault(it.line, []).append(i)
    # the lines holding a found label, looked for only where a short line's words ask (most tables print none)
    labelled = cache(lambda: {region.items[i].line: row for row, i in find_labels(region.items).items()})
    page = _page_of(lines, region)
    full = [m for m in by_line if _full(lines[m - 1], n)]
    short: dict[int, list[int]] = {}
    for m, idxs in by_line.items():
        values = [i for i in idxs if region.items[i].is_value]
        k = len(values)
        if not 0 < k < n or values != idxs[-k:] or "\t" in lines[m - 1]:
            continue
        if k < len(idxs) and region.items[idxs[-k - 1]].raw.rstrip()[-1:].isdigit():
            continue                        # a digit run on after the words (缴纳费用、0): a cell glued to them?
        if lines[m - 1].split()[-k:] != [region.items[i].raw for i in values]:
            continue                        # (a note joined onto its number: tokens and cells differ)
        if any(_RUN_TOGETHER.fullmatch(region.items[i].raw) for i in values):
            continue                        # 0 0 0 0 0 00: two cells run together, no column left empty (no count
            #                                 is written with a leading zero: t3readings reads the row as printed)
        if k < len(idxs) and m not in labelled() \
                and not _label_goes_on(lines, region.items, idxs[:-k], by_line, labelled(), m):
            continue                        # words no row's label: whose cells these are is not sure
        short[m] = values
    unruled = _pages_without_full_rows(lines, short, full, page, n)
    header = cache(lambda: header_columns(lines, region.start, region.end))  # (read when first wanted)
    page_header = cache(partial(_page_header, lines, page, region.end))
    ruled = cache(lambda: rule_columns(lines, region.start, region.end))
    fills: list[tuple[int, int, list[Item]]] = []
    for m, values in short.items():
        k = len(values)
        refs = sorted((r for r in full if page[r] == page[m]), key=lambda r: abs(r - m))[:_REFERENCES]
        if refs:
            ref_lines = [lines[r - 1] for r in refs]
            slots = _slots(lines[m - 1], k, ref_lines, n,
                           _whole_row(m, k, by_line, region.items, n, False,
                                      partial(_share_a_column, lines, region.items, m, short, ref_lines, n)))
        elif page[m] in unruled:
            slots = fit_spacing(centres(lines[m - 1], k), unruled[page[m]])
        else:
            slots = None
        whole = slots is None and _whole_row(m, k, by_line, region.items, n, m in labelled())
        if whole and page[m] not in unruled:
            own = page_header(page[m]) if page[m] != page[region.start] else None
            ref_lines = [lines[r - 1] for r in refs]
            slots = _by_header(lines[m - 1], k, own, True, ref_lines, n) if own is not None else None
            if slots is None:               # (its page's grid may differ line by line: the first header's spacing)
                slots = _by_header(lines[m - 1], k, header(), page[m] == page[region.start], ref_lines, n)
        if slots is None and whole and (rule := ruled()) is not None and n == len(rule) \
                and all(place_on_rule(lines[r - 1], n, rule) == list(range(n)) for r in refs):
            slots = place_on_rule(lines[m - 1], k, rule)      # a plain-text table's rule (rulecols.py)
        if slots is None:
            continue
        by_slot = dict(zip(slots, (region.items[i] for i in values)))
        row = [by_slot.get(c) or Item("", m, parse_cell(""), placed=True) for c in range(n)]
        fills.append((values[0], values[-1] + 1, row))
    for lo, hi, row in sorted(fills, reverse=True):
        region.items[lo:hi] = row


def placed_methods(cells: list[Cell], method: str) -> list[str]:
    """How each cell of a row that :func:`fill_blank_columns` completed was read. A number put in a wrong
    column breaks that column's identities, but a 0 and a blank trading places break none, and text tools do
    not keep every position of the page (``pdftotext -layout`` squeezes a row whose label wraps, PyMuPDF's
    text counts a CJK character one column): where the row holds both, its zeros and blanks are read by
    position alone (``Method.LAYOUT_COLUMNS_CLOSE``: read, never proven); its other numbers as ``method``."""
    zero = [c.is_number and c.value == 0 for c in cells]
    blank = [c.kind in EMPTY_KINDS for c in cells]
    if not any(zero) or not any(blank):
        return [method] * len(cells)
    return [Method.LAYOUT_COLUMNS_CLOSE if z or b else method for z, b in zip(zero, blank)]
