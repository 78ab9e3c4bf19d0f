"""表二 printed box by box (``pdf2txt.py``, ``pdftotext``'s default mode): the signs that a row's numbers stand
in the order a text tool chose for its boxes, not the table's (``Method.T2_BOXES``, ``READ.BOX_ORDER``: read,
never proven; no identity checks 表二), and the sign of a web page's text parted by its markup's newlines
(the page's own order)."""

from __future__ import annotations

from .layout import Item

__all__ = ["markup_blank_lines", "boxes_apart", "box_among_empty_rows"]


def markup_blank_lines(lines: list[str], start: int, end: int) -> bool:
    """Whether lines ``start`` … ``end - 1`` (1-based) part their text by runs of two blank lines or more only: a
    web page's text taken with the newlines of its markup (BeautifulSoup's ``get_text``: ``规章`` / two blank lines /
    ``0`` …), cells in the page's order. A PDF text tool printing box by box parts the boxes by one blank line. A
    line of a tab alone is a blank cell (an ``&nbsp;`` of the page: ``第二十条`` / ``\t`` / ``第（一）项``), no gap."""
    runs, blank = 0, 0
    for n in range(max(start, 1), min(end, len(lines) + 1)):
        if lines[n - 1].strip() or lines[n - 1] == "\t":     # (a blank cell: an &nbsp; of the page, text of it)
            if blank == 1:
                return False
            runs += blank > 1
            blank = 0
        else:
            blank += 1
    return runs > 0


def boxes_apart(label: Item, values: list[Item]) -> bool:
    """Whether a row's several numbers stand one to a line after its label, a blank line between each (a PDF
    text tool printing box by box: pdf2txt.py, pdftotext's default mode), none on the label's line."""
    lines = [label.line] + [v.line for v in values]
    return len(values) > 1 and all(b - a >= 2 for a, b in zip(lines, lines[1:]))


def box_among_empty_rows(items: list[Item], i: int, values: list[Item], labelled: list[int]) -> bool:
    """Whether a one-cell row's number stands in a box of its own (a line or more between it and its label)
    while another 表二 row prints no number after its label: a PDF text tool printing box by box puts a
    row's number between two labels where the row above's cell is blank (``行政处罚`` / ``52`` / ``行政强制``,
    52 being 行政强制's), or after the next label where labels stand as a column (``行政处罚`` / ``行政强制`` /
    ``0`` / ``信息内容`` / ``行政事业性收费`` / ``0``, both zeros the stack's, the fee printed further down);
    which row's a number is the order does not tell."""
    if len(values) != 1 or values[0].line - items[i].line < 2:
        return False
    return any(j + 1 >= len(items) or not items[j + 1].is_value for j in labelled if j != i)
