"""The text of a ruled table's cells: pdfplumber's ``Table.extract()``, without its quadratic search.

``Table.extract()`` finds each row's characters by testing every character of the page
against the row, and each cell's by testing the row's characters against the cell. With
thousands of characters on a page and dozens of rows a table costs a million tests.
:func:`extract_cells` gives the same grid: the characters, in page order, whose middle lies
in a row (top and left edges in, bottom and right out, as pdfplumber tests), found by
bisecting the characters sorted by their vertical middle; then the row's characters whose
middle lies in each cell; each cell's text made by pdfplumber's own ``extract_text``.
``tests/test_pdf_cells.py`` compares it with ``Table.extract()`` on every table of the fixtures.
"""

from __future__ import annotations

import contextlib
from bisect import bisect_left
from collections.abc import Iterator
from typing import Any

__all__ = ["extract_cells", "stock_cells"]

_stock = 0                  # stock_cells() blocks in force: pdfplumber's own Table.extract()


def _in(h: float, v: float, box: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = box
    return h >= x0 and h < x1 and v >= top and v < bottom


def extract_cells(table: Any, spacing: float = 0.0, middles: dict[int, float] | None = None) -> list[list[str | None]]:
    """``table.extract()`` of a pdfplumber table (default settings): a row per row, None where a
    merged cell covers a position, "" for a cell without characters. ``spacing``: the page's
    letter-spacing (:mod:`.pdf_spacing`), added to the gap within which two characters are one word;
    ``middles``: the vertical middle some characters (by their index in the page's characters) are read
    at instead of their own (:mod:`.pdf_overflow`; ``Table.extract()`` has no such thing, so these tables
    are read here even under :func:`stock_cells`)."""
    from pdfplumber import utils

    tolerance = {"x_tolerance": utils.DEFAULT_X_TOLERANCE + spacing} if spacing else {}
    if _stock and not middles:
        return table.extract(**tolerance)
    chars = table.page.chars
    mids = [((c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2) for c in chars]
    for i, v in (middles or {}).items():
        mids[i] = (mids[i][0], v)
    if any(v != v for _, v in mids):                     # a NaN does not sort: pdfplumber's own search
        return table.extract(**tolerance)
    order = sorted(range(len(chars)), key=lambda i: mids[i][1])
    v_sorted = [mids[i][1] for i in order]
    out: list[list[str | None]] = []
    for row in table.rows:
        box = row.bbox
        start = bisect_left(v_sorted, box[1])
        stop = bisect_left(v_sorted, box[3], start)       # v < bottom
        row_chars = sorted(i for i in order[start:stop] if _in(*mids[i], box))
        cells: list[str | None] = []
        for cell in row.cells:
            if cell is None:
                cells.append(None)
                continue
            inside = [chars[i] for i in row_chars if _in(*mids[i], cell)]
            cells.append(utils.extract_text(inside, **tolerance) if inside else "")
        out.append(cells)
    return out


@contextlib.contextmanager
def stock_cells() -> Iterator[None]:
    """pdfplumber's own ``Table.extract()`` for the duration (to compare what both read)."""
    global _stock
    _stock += 1
    try:
        yield
    finally:
        _stock -= 1
