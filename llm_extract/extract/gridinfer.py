"""A fixed-width table's columns from its short rows alone, when no row prints every cell.

``pdftotext -layout`` keeps the distances between a line's cells (each line shifted by its label's
width), so two rows that each lack one cell, a different one, give every column's place: one row gives
all its columns but one, the other the one missing (aligned on the columns they share). Which cell each
row lacks is unknown: every choice is tried, and a choice is kept only when the rows of the page then
fit its columns one way only (columns.fit_spacing), all but one in five at most (a line pdftotext spaced
unevenly fits none, and stays as printed). The columns are taken only when every kept choice
places every row alike; otherwise (two tables fit, or none) ``None``, and the rows stay as printed.
"""

from __future__ import annotations

from itertools import combinations

from .columns import fit_spacing

__all__ = ["inferred_columns"]

#: two rows' shared columns agree within this many display columns (half a column each way)
_AGREE = 1.5
#: the rows lacking one cell tried in pairs: the first few of a page (each pair tries n × (n-1) choices)
_PAIRS_FROM = 4
#: a choice is kept when no more than one row in this many fits its columns no way (pdftotext spaces a
#: line now and then unevenly: that row stays as printed)
_UNFIT = 5


def _merged(a: list[float], lost_a: int, b: list[float], lost_b: int, n: int) -> list[float] | None:
    """The n columns when row ``a`` lacks column ``lost_a`` and row ``b`` lacks ``lost_b``."""
    at_a = dict(zip((j for j in range(n) if j != lost_a), a))
    at_b = dict(zip((j for j in range(n) if j != lost_b), b))
    offsets = sorted(at_a[j] - at_b[j] for j in at_a if j in at_b)
    shift = offsets[len(offsets) // 2]
    if any(abs(o - shift) > _AGREE for o in offsets):
        return None
    columns = [at_a[j] if j in at_a else at_b[j] + shift for j in range(n)]
    return columns if all(x < y for x, y in zip(columns, columns[1:])) else None


def inferred_columns(rows: list[list[float]], n: int) -> list[float] | None:
    """Column centres (up to a shift) that every row of ``rows`` (cell centres, fewer than ``n`` each) fits
    one way only (all but one in ``_UNFIT``), the same way whichever consistent choice built them;
    ``None`` when not so."""
    lacking_one = [r for r in rows if len(r) == n - 1][:_PAIRS_FROM]
    found: list[list[float]] = []
    placements: set[tuple[tuple[int, ...] | None, ...]] = set()
    for a, b in combinations(lacking_one, 2):
        for lost_a in range(n):
            for lost_b in range(n):
                columns = _merged(a, lost_a, b, lost_b, n) if lost_a != lost_b else None
                if columns is None:
                    continue
                placed = [fit_spacing(r, columns) for r in rows]
                if sum(1 for p in placed if p is None) * _UNFIT > len(rows):
                    continue
                found.append(columns)
                placements.add(tuple(tuple(p) if p is not None else None for p in placed))
    return found[0] if len(placements) == 1 else None
