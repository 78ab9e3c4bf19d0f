"""表三 as a converter writes an HTML table's cells: in the page's order, line breaks where the markup put them.

Text tools that walk a page's markup (html-text, readability's text) print a table's cells in document order,
each row's label, then its cells, but part them by a line break or by a space as each cell's markup happens to
be written (a cell wrapped in ``<p>`` breaks the line, a bare one does not)::

    二、上年结转政府信息公开申请数量 0
    1
    0 0 0 0 1

The lines mean nothing there: a row's seven cells are the seven values between its label and the next one.
PDF text is read otherwise (a line of numbers with no word on it may be the row below's, printed above its
label; a fixed-width row broken over two lines leaves its blanks' columns unknown): those readings would move
cells that stand where they belong. A table is such a stream when several rows spread their seven cells over
three lines or more, some line holding two or more of them: a PDF text's row stands on one line or two.
"""

from __future__ import annotations

from .layout import Item

__all__ = ["cell_stream"]

_WIDTH = 7
#: rows whose cells must spread so for the table to be read as a stream
_MIN_SPREAD = 5
_MIN_LINES = 3


def _spread(span: list[Item]) -> bool:
    """Seven cells over three lines or more, some line holding two or more (fewer lines than cells)."""
    if len(span) != _WIDTH:
        return False
    lines = len({it.line for it in span})
    return _MIN_LINES <= lines < _WIDTH


def cell_stream(spans: dict[str, list[Item]]) -> bool:
    """Whether the rows' ``spans`` (each row's values, label to next label) are cells in document order, line
    breaks anywhere among them (see the module docstring)."""
    return sum(1 for span in spans.values() if _spread(span)) >= _MIN_SPREAD
