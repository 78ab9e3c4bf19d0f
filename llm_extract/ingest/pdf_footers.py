"""A page number printed once: a bare number alone at the foot of a page, far below the page's content.

A running foot is found by recurring at one height (:func:`~.pdf_lines.mark_furniture`), but a
spreadsheet's print puts its own page number (``1``, ``5``) under one sheet's last page only, and a
Word section may number one page alone. Read as text, that number followed the table above it: 表二's
fee read ``16471.23 1``, 表四's fifteen cells ``0 0 0 0 0 5``. :func:`lone_page_numbers` marks it as
furniture: a line of one to three digits, the last line of its page, in the page's bottom margin
(:data:`~.pdf_lines.MARGIN_ZONE`), and at least :data:`GAP_LINES` of its own heights below everything
else on the page (a table's rules, every other line): no row of a table stands so far below the row
before it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .pdf_lines import TextLine

__all__ = ["lone_page_numbers", "GAP_LINES"]

GAP_LINES = 5.0                  # the blank space above a page number, in its own heights
_BARE = re.compile(r"^\s*\d{1,3}\s*$")


def lone_page_numbers(lines: Sequence[TextLine], bottoms: Sequence[float]) -> list[TextLine]:
    """The line of one page's ``lines`` that is a page number printed once (see the module docstring);
    ``bottoms``: where the page's ruled tables end."""
    body = [ln for ln in lines if not ln.furniture and ln.text.strip()]
    if not body:
        return []
    last = max(body, key=lambda ln: ln.top)
    middle = (last.top + last.bottom) / 2
    if not _BARE.match(last.text) or not last.in_margin or middle < last.page_height / 2:
        return []
    above = [ln.bottom for ln in body if ln is not last] + list(bottoms)
    if not above:
        return []
    height = max(last.bottom - last.top, 1.0)
    return [last] if last.top - max(above) >= GAP_LINES * height else []
