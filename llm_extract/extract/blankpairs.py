"""表三 printed a cell to a paragraph, each paragraph followed by an empty line (docx2txt, mammoth's raw text of a
Word file): a cell is its text and an empty line, an empty cell two empty lines::

    （一）予以公开
    (empty)
    9
    (empty)
    0
    (empty)
    (empty)       ← 科研机构 left empty
    (empty)
    0
    …

A reader that skips empty lines sees six numbers for seven cells. Where every row whose cells hold a number is
printed so (after its label's last line, exactly seven cells of two lines each: an empty line, then a number,
a placeholder or nothing; then only empty lines up to the next label), the table is printed that way: a row
with an empty cell, or a number a converter printed in runs (``１ ０``: a paragraph is one cell, its runs one
number), whose total is the sum of its other cells (an empty cell counting 0) is handed on as a cell-per-line
export prints it (each cell a tab and its text, an empty cell a tab alone; line numbers keep).
A row whose seven cells are all empty (its label, fifteen empty lines, maybe two more for each spanned label
cell printed again before the next row's label) is seven empty cells in such a table. Anything else leaves the
lines as they were.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..form import FORM
from .blanklines import SPANNED_LABELS, adds_up, line_kind
from .layout import Region

__all__ = ["cells_in_paragraphs", "paired_line_cells"]

_WIDTH = len(FORM.table3_columns)
#: a cell's number printed in runs a converter parted with a space (``１ ０`` for 10: a Word file's digits in
#: two runs); a paragraph is one cell, so its runs are one number
_RUNS = re.compile(r"^[0-9０-９]+(?:[ \u3000][0-9０-９]+)+$")


@lru_cache(maxsize=16384)
def _kind(line: str) -> str:
    """:func:`.blanklines.line_kind`, a number in runs a value too (cached: asked of each line several times)."""
    return "value" if _RUNS.match(line.strip()) else line_kind(line)


def _text(line: str) -> str:
    """A cell's text as one number: its runs joined."""
    text = line.strip()
    return re.sub(r"[ \u3000]", "", text) if _RUNS.match(text) else text


def _label_ends(lines: list[str], first: int, end: int) -> Iterator[int]:
    """The last line (0-based) of every run of words: text lines, one empty line allowed between two (a label
    cell's paragraphs, a group's label beside its row's). (Yielded as found: the first row printed otherwise
    ends the search.)"""
    i = first
    while i < end:
        if _kind(lines[i]) != "text":
            i += 1
            continue
        j = i
        while j + 1 < end and (_kind(lines[j + 1]) == "text"
                               or (j + 2 < end and not lines[j + 1].strip() and _kind(lines[j + 2]) == "text")):
            j += 1
        while _kind(lines[j]) != "text":
            j -= 1
        yield j
        i = j + 1


def _row_cells(lines: list[str], last: int, end: int) -> list[int] | None:
    """The lines of the seven cells after a label ending on line ``last``, printed two lines to a cell; None
    when the lines after it are not so (a line out of place, a word among the cells, a number after them)."""
    cells = [last + 2 * k for k in range(1, _WIDTH + 1)]
    if cells[-1] >= end:
        return None
    if any(lines[c - 1].strip() for c in cells) or any(_kind(lines[c]) == "text" for c in cells):
        return None
    n = cells[-1] + 1
    while n < end and not lines[n].strip():
        n += 1
    return cells if n == end or _kind(lines[n]) == "text" else None


def _paired_rows(lines: list[str], region: Region | None) -> list[list[int]]:
    """The cells' lines (0-based) of every row of 表三 printed a cell to a paragraph; [] where the table is not
    printed so (a row otherwise, or fewer than three rows)."""
    if region is None:
        return []
    first, end = region.start, region.end - 1          # 0-based: the lines after the heading
    rows: list[list[int]] = []
    for last in _label_ends(lines, first, end):
        following = next((n for n in range(last + 1, end) if lines[n].strip()), None)
        if following is None or _kind(lines[following]) != "value":
            continue                                    # a header, a group's label: no cells of its own
        cells = _row_cells(lines, last, end)
        if cells is None:
            return []
        rows.append(cells)
    return rows if len(rows) >= 3 else []


def cells_in_paragraphs(lines: list[str], region: Region | None, prose_end: int) -> bool:
    """Whether the text is a Word file's paragraphs in order (docx2txt, mammoth), not a PDF's boxes in an order of a
    text tool's own: every paragraph of the prose before line ``prose_end`` (1-based; three at least) printed on one
    line with an empty line after it (a PDF's text wraps them over lines of the page's width), and all 25 rows of
    表三 a cell to a paragraph, each label followed by its seven cells. The document's other tables are then printed
    in their cells' order too."""
    prose = lines[:max(prose_end - 1, 0)]
    if sum(1 for line in prose if line.strip()) < 3 or any(a.strip() and b.strip() for a, b in zip(prose, prose[1:])):
        return False
    return len(_paired_rows(lines, region)) == len(FORM.table3_rows)


def _empty_rows(lines: list[str], region: Region) -> list[list[int]]:
    """The cells' lines (0-based) of the rows whose seven cells are all empty, in a table printed a cell to a
    paragraph: a label followed by its fourteen empty lines and the one after its last cell, then maybe the next
    row's spanned label cells (三、本年度办理结果, （三）不予公开 printed again, empty, in each row below their
    first: two lines each, at most two), then the next label."""
    first, end = region.start, region.end - 1
    out = []
    for last in _label_ends(lines, first, end):
        following = next((n for n in range(last + 1, end) if lines[n].strip()), None)
        if following is not None and _kind(lines[following]) == "text" \
                and following - last - 1 in range(2 * _WIDTH + 1, 2 * _WIDTH + 1 + 2 * SPANNED_LABELS + 1, 2):
            out.append([last + 2 * k for k in range(1, _WIDTH + 1)])
    return out


def paired_line_cells(lines: list[str], region: Region | None) -> list[str]:
    """``lines`` with 表三's rows printed a cell to a paragraph and an empty line as a cell-per-line export's
    (see the module docstring); the lines unchanged where the table is not printed so."""
    rows = _paired_rows(lines, region)
    if not rows:
        return lines
    out = list(lines)
    for cells in _empty_rows(lines, region):             # (region: rows were found in it)
        for c in cells:
            out[c] = "\t"
    for cells in rows:
        texts = [_text(lines[c]) for c in cells]
        runs = any(text != lines[c].strip() for c, text in zip(cells, texts))
        if (all(texts) and not runs) or not adds_up(texts):
            continue
        for c, text in zip(cells, texts):
            out[c] = "\t" + text
    return out
