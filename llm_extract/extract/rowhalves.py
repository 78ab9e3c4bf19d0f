"""Rows ``pdftotext -layout`` prints in two halves: the left cells of a few rows, then their right cells.

Where the labels of two or more rows of 表三 stand on consecutive lines with no number beside them (a label wrapped
so that its row's text block is taller than the numbers' blocks), ``pdftotext -layout`` may print the rows' numbers
as two blocks of its own under the labels, each block a line per row, the left cells first::

    三、本年度 （四）无法 1.本机关不掌握相关政府信息
                2.没有现成信息需要另行制作
                                      2 1 0 0
                                      0 1 0 0
                                                     0 0 3
                                                     - 0 1

Each row is then its line of the first block followed by its line of the second, in the rows' order: read only
where the lines follow each other with nothing between them, the first block's lines hold as many cells each, the
second's too, and each pair of lines makes one row's seven cells exactly (cells the fixed-width reader placed as
blanks by spacing alone, :mod:`.blankcols`, are no cells the text printed, and are dropped here). Rows each
wrapped onto two lines in turn (``2 1 0 0`` / ``0 0 3`` / ``0 1 0 0`` / ``0 0 1``) never pass for blocks: seven
cells part into two unequal lines, so the first block's lines would not hold as many cells each.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..schema import APPLICANT_COLUMNS
from .layout import Item

__all__ = ["row_halves"]

_WIDTH = len(APPLICANT_COLUMNS)


def row_halves(items: Sequence[Item], bare: Sequence[Sequence[int]], open_rows: Sequence[int]) \
        -> list[list[int]] | None:
    """The item indices of each open row's seven cells, where the ``bare`` lines (each a list of item indices, in
    order) are two blocks of a line per row of the ``open_rows`` (consecutive places in the table's order); None
    where they are not."""
    m = len(open_rows)
    if m < 2 or len(bare) != 2 * m or list(open_rows) != list(range(open_rows[0], open_rows[0] + m)):
        return None
    lines = [items[idxs[0]].line for idxs in bare]
    if lines != list(range(lines[0], lines[0] + 2 * m)):
        return None                     # the blocks' lines follow each other, nothing between them
    printed = [[i for i in idxs if not items[i].placed] for idxs in bare]
    left, right = printed[:m], printed[m:]
    if len({len(x) for x in left}) != 1 or len({len(x) for x in right}) != 1:
        return None
    if not left[0] or not right[0] or len(left[0]) + len(right[0]) != _WIDTH:
        return None
    return [a + b for a, b in zip(left, right)]
