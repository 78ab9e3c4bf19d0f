"""表三 printed a cell to a line with blank lines between the cells, an empty cell as more blank lines.

BeautifulSoup's ``get_text("\\n")`` of a web page's table prints each cell's text on a line of its own, the
cells parted by a fixed number of blank lines (two, say), and a cell with no text as that many blank lines
more::

    二、上年结转政府信息公开申请数量
    (2 blank lines)
    0
    (6 blank lines: two empty cells, 商业企业 and 科研机构)
    1
    (2 blank lines)
    0
    (4 blank lines: 其他 empty)
    1

A line holding only a full-width space (``　``) or a no-break space is a cell printed empty, not spacing: a user
types one into an empty cell of Word or Excel. A reader that skips blank lines (as everywhere else they are only spacing) sees four numbers for seven cells. Where
the gaps within 表三's rows (from a label to its first number, and between its numbers) are all whole multiples of
one spacing, the most common one, and some are wider, the table is printed that way: each spacing more is an
empty cell there. A row so read that has seven cells at most (empty cells after its last number, where it has
fewer), whose total is printed and is the sum of its other cells (an empty cell counting 0), is handed on as a
cell-per-line export prints it: each number's line a tab and its number, each empty cell a tab alone on a blank
line of its gap, in order (line numbers keep). Anything else is left as it was: such a row is read as before, or
left missing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Set

from ..form import FORM
from .blanklines import adds_up, line_kind
from .layout import Region

__all__ = ["blank_gap_cells"]

_WIDTH = len(FORM.table3_columns)
#: rows with a wider gap from which a table counts as printed so (one could be a row's own spacing)
_MIN_WIDER = 2


def _rows(lines: list[str], region: Region) -> list[tuple[int, list[int]]]:
    """Each label line of the region (0-based) with the value lines after it, before the next text line."""
    rows: list[tuple[int, list[int]]] = []
    # 0-based indices of the lines after the heading
    for i, kind in enumerate(map(_kind, lines[region.start:region.end - 1]), region.start):
        if kind == "text":
            rows.append((i, []))
        elif kind == "value" and rows:
            rows[-1][1].append(i)
    return [(label, values) for label, values in rows if values]


def _kind(line: str) -> str:
    """:func:`line_kind`, but for a line of a full-width space or a no-break space alone: a cell printed empty (a
    user's ``　`` typed into an empty cell of Word or Excel, get_text's line of it), which stands as a cell; so does
    the tab alone the text reader writes for it (ingest/text_family.py)."""
    return "value" if line and not line.strip() and line.strip(" \r") else line_kind(line)


def _number_under_label(lines: list[str], region: Region) -> bool:
    """Whether a label line of the region has a number right under it (a row of :func:`_rows` whose first gap is 0)."""
    above = None
    for kind in map(line_kind, lines[region.start:region.end - 1]):
        if kind == "value" and above == "text":
            return True
        above = kind
    return False


def _gaps(label: int, values: list[int], pieces: Set[int]) -> list[int]:
    """The blank lines before each value: after the label, then after the value before it (a line a count's
    piece stood on is no spacing: :mod:`.gappieces`)."""
    return [b - a - 1 - sum(1 for i in range(a + 1, b) if i in pieces) if pieces else b - a - 1
            for a, b in zip([label, *values], values)]


def _cells(lines: list[str], label: int, values: list[int], spacing: int,
           pieces: Set[int]) -> list[tuple[int | None, str]] | None:
    """The row's seven cells as (line holding it or None for an empty one, its text); None where the gaps do not
    make seven cells at most."""
    cells: list[tuple[int | None, str]] = []
    for gap, at in zip(_gaps(label, values, pieces), values):
        cells += [(None, "")] * (gap // spacing - 1)
        cells.append((at, lines[at].strip()))
    if len(cells) > _WIDTH:
        return None
    return cells + [(None, "")] * (_WIDTH - len(cells))


def blank_gap_cells(lines: list[str], region: Region | None, pieces: Set[int] = frozenset()) -> list[str]:
    """``lines`` with 表三's rows whose empty cells are wider gaps as a cell-per-line export's (see the module
    docstring); the lines unchanged where the table is not printed so. ``pieces``: the lines the pieces of a
    count joined by :func:`~.gappieces.joined_gap_pieces` stood on (neither spacing nor an empty cell's line)."""
    if region is None:
        return lines
    if _number_under_label(lines, region):
        return lines        # a gap of no line, narrower than any spacing
    rows = _rows(lines, region)
    if not rows:
        return lines
    gaps = [g for label, values in rows for g in _gaps(label, values, pieces)]
    spacing = Counter(gaps).most_common(1)[0][0]
    if spacing < 1 or any(g % spacing or g < spacing for g in gaps) \
            or sum(1 for label, values in rows if max(_gaps(label, values, pieces)) > spacing) < _MIN_WIDER:
        return lines
    out = list(lines)
    for label, values in rows:
        cells = _cells(lines, label, values, spacing, pieces)
        if cells is None or all(text for _, text in cells) or not adds_up([text for _, text in cells]):
            continue
        free = iter(i for i in range(label + 1, values[-1] + 1) if i not in values and i not in pieces)
        slots = []
        for at, text in cells:
            if at is not None:
                slots.append((at, text))
            else:       # an empty cell on a blank line of its gap (after the row's last number: the lines after it)
                slot = next(free, None)
                while slot is not None and slots and slot < slots[-1][0]:
                    slot = next(free, None)
                if slot is None:
                    slot = max(i for i, _ in slots) + 1 if slots else label + 1
                    if slot >= len(lines) or lines[slot].strip():
                        break
                slots.append((slot, ""))
        else:
            for at, text in slots:
                out[at] = "\t" + text
    return out
