"""Fixed-width text (``pdftotext -layout``): a short row's cells placed by the columns of a full row.

A PDF table row with a blank cell prints fewer numbers than the row has columns; in layout text
the numbers keep their horizontal places, so the full row next to it tells which column each
number stands in::

    规章                                            0      0    0
    行政规范性文件                                   5   25

Positions are display columns (a CJK character is two wide, as the page draws it). The numbers
go to the columns, in order, that lie nearest their centres; the placement is taken only when it
is close (every number within ``_NEAR`` columns of its column's centre) and better than every
other placement (by ``_MARGIN`` columns in total; by less than ``CLEAR_MARGIN`` it is read but
never proven), and no number reaches over two columns
(two cells run together: ``0     120（新制发4件）`` is 12 and 0): otherwise ``None``, and the row
stays missing.

``pdftotext -layout`` itself counts one column a character, whatever its width: a row whose label has
fewer CJK characters than the full row's (规章 against 行政规范性文件) is shifted by their difference in
display columns, so that no placement comes close. Then, and only then (a display placement close but not
clear stays ``None``), the row is placed by character columns; such a placement is certain only when every
number stands within ``_EXACT`` of its column, otherwise read but never proven. Where both counts place the
row, differently (a tool padding an HTML table by characters, as inscriptis does, beside one padding by
display columns, as w3m does), the row takes the placement whose numbers stand nearer, never proven.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence
from functools import lru_cache
from itertools import combinations

__all__ = ["spans", "place_by_columns", "place_by_spacing", "place_by_characters", "centres", "fit_spacing", "fits",
           "on_columns", "page_grid", "page_grids", "CLEAR_MARGIN"]

_NEAR = 4.5
_MARGIN = 3.0
#: a placement better than every other by this much is certain; by less (but ``_MARGIN``) it is
#: read and queued (``READ.LAYOUT_CLOSE``): damaged layout text shifts numbers by a few columns
CLEAR_MARGIN = 5.0


def spans(line: str, wide: int = 2) -> list[tuple[str, float, float]]:
    """The whitespace-separated tokens of a line with their start and end display columns (a CJK
    character ``wide`` columns: 2 as the page draws it, 1 as ``pdftotext -layout``'s grid counts it)."""
    return list(_spans(line, wide))


@lru_cache(maxsize=8192)
def _spans(line: str, wide: int) -> tuple[tuple[str, float, float], ...]:
    """:func:`spans`, once per line (the short rows' placing asks of the same lines, references and header, again
    and again); a tuple, copied to each caller."""
    out: list[tuple[str, float, float]] = []
    col = 0.0
    start = 0.0
    token: list[str] = []
    for ch in line:
        width = wide if unicodedata.east_asian_width(ch) in ("W", "F") else 1
        if ch.isspace():
            if token:
                out.append(("".join(token), start, col))
                token = []
        else:
            if not token:
                start = col
            token.append(ch)
        col += width
    if token:
        out.append(("".join(token), start, col))
    return tuple(out)


def _centre(span: tuple[str, float, float]) -> float:
    return (span[1] + span[2]) / 2


def place_by_columns(line: str, raws: list[str], reference: str, n: int) -> tuple[list[int], float] | None:
    """The column index (0 … n-1) of each of ``raws``, the last tokens of ``line`` (a row with fewer
    cells than its ``n`` columns), by the last ``n`` tokens of ``reference`` (a full row of the
    same table), and by how much it beats the next placement (display columns, in total);
    ``None`` when the line's tokens are not those, or no placement is clear. By character columns
    when no display placement comes close (see the module docstring)."""
    placed = _place(line, raws, reference, n, 2)
    if placed is None:
        return None
    by_chars = _place(line, raws, reference, n, 1)
    if placed is not _FAR:
        if by_chars is not None and by_chars is not _FAR and by_chars[0] != placed[0]:
            # both counts place the row, differently (inscriptis pads by characters, w3m by display
            # columns): the nearer placement, never proven
            nearer = min(placed, by_chars, key=lambda p: p[2])
            return nearer[0], min(nearer[1], _MARGIN)
        return placed[0], placed[1]
    if by_chars is None or by_chars is _FAR:
        return None
    slots, margin, worst = by_chars
    return slots, (margin if worst <= _EXACT else min(margin, _MARGIN))


#: no placement puts every number near its column
_FAR = object()
#: a placement by character columns is certain when every number stands this near its column
_EXACT = 1.0


def _place(line: str, raws: list[str], reference: str, n: int, wide: int):
    """(slots, margin, the farthest number's distance from its column), ``None``, or ``_FAR``."""
    k = len(raws)
    row, ref = spans(line, wide), spans(reference, wide)
    if not 0 < k < n or len(row) <= k or len(ref) <= n or [s[0] for s in row[-k:]] != raws:
        return None
    cells, columns = [_centre(s) for s in row[-k:]], [_centre(s) for s in ref[-n:]]
    if row[-k - 1][2] > ref[-n][1] or row[-k][1] - row[-k - 1][2] < 2 or ref[-n][1] - ref[-n - 1][2] < 2:
        return None     # the label runs into the first column, or single spaces part the cells: no layout
    for s in row[-k:]:                  # a token over two columns is two cells run together
        if sum(1 for r in ref[-n:] if s[1] < r[2] + 1 and r[1] - 1 < s[2]) > 1:
            return None
    costs = sorted((sum(abs(c - columns[j]) for c, j in zip(cells, slots)), slots)
                   for slots in combinations(range(n), k))
    best, slots = costs[0]
    worst = max(abs(c - columns[j]) for c, j in zip(cells, slots))
    if worst > _NEAR:
        return _FAR
    margin = costs[1][0] - best if len(costs) > 1 else float("inf")
    if margin < _MARGIN:
        return None
    return list(slots), margin, worst


#: a row's own placement: every cell within this many display columns of its column, once the row is shifted
_FIT = 1.5
#: every other placement puts some cell at least this much further off its column
_APART = 2.0


def place_by_spacing(line: str, k: int, reference: str, n: int) -> list[int] | None:
    """The column index (0 … n-1) of each of the last ``k`` tokens of ``line``, by the spacing of the last
    ``n`` tokens of ``reference``, whatever the shift between the two lines (``pdftotext -layout`` starts
    each line's cells where its label's width puts them, but keeps the distances between them).

    Taken only when one placement fits (every cell within ``_FIT`` columns of its column, the row
    shifted by the median offset) and every other leaves some cell ``_APART`` columns further off;
    ``None`` otherwise (evenly spaced cells fit several runs of columns)."""
    row, ref = spans(line), spans(reference)
    if not 0 < k < n or len(row) < k or len(ref) < n:
        return None
    return fit_spacing([_centre(s) for s in row[-k:]], [_centre(s) for s in ref[-n:]])


def centres(line: str, k: int) -> list[float]:
    """The display-column centres of the last ``k`` tokens of ``line``."""
    return [_centre(s) for s in spans(line)[-k:]]


def fit_spacing(cells: list[float], columns: list[float]) -> list[int] | None:
    """:func:`place_by_spacing` on centres: the column of each cell, the one clear fit, or ``None``."""
    k, n = len(cells), len(columns)
    if not 0 < k < n:
        return None
    fits = sorted((_spread(cells, columns, slots), slots) for slots in combinations(range(n), k))
    best, slots = fits[0]
    if best > _FIT or (len(fits) > 1 and fits[1][0] < best + _APART):
        return None
    return list(slots)


#: a number stands in a column of pdftotext's character grid when its centre is this near the column's
_ON_COLUMN = 1.0


def _spread(cells: list[float], columns: list[float], slots: Sequence[int]) -> float:
    """How far the cell furthest off its column stands when cells at ``cells`` (centres) go to ``slots`` of
    ``columns``, the line shifted as a whole by the median offset."""
    offsets = sorted(c - columns[j] for c, j in zip(cells, slots))
    k = len(offsets)
    shift = (offsets[(k - 1) // 2] + offsets[k // 2]) / 2
    return max(abs(o - shift) for o in offsets)


def fits(cells: list[float], columns: list[float], slots: list[int]) -> bool:
    """Whether cells at ``cells`` (centres) stand in ``slots`` of ``columns``, the line shifted as a whole: every
    cell within ``_FIT`` of its column (:func:`fit_spacing`'s fit)."""
    return _spread(cells, columns, slots) <= _FIT


def place_by_characters(line: str, k: int, references: list[str], n: int) -> list[int] | None:
    """The column of each of the last ``k`` tokens of ``line`` in ``pdftotext -layout``'s character grid (a
    CJK character one column): the full rows ``references`` (two at least) put each of their last ``n``
    tokens at the same place (within a character: pdftotext rounds), and every token of the line stands
    on one of those columns. Evenly spaced
    cells fit several runs of columns by their spacing alone (:func:`place_by_spacing`); where they stand
    tells which. A page whose full rows agree only when a CJK character counts two columns (labels of
    different lengths, the cells at the same places: a text tool padding by display width) is placed in that
    grid, and one whose cells' centres disagree but their right (or left) edges agree (right-aligned numbers of
    full-width and ASCII digits) by those edges (:func:`page_grid`). Two references may agree in several grids (two
    rows of the same digits' widths); the line is placed in each, and taken where every grid it stands on places it
    alike. ``None`` when the references disagree, a token stands off every column, or the grids place it apart."""
    if not 0 < k < n or len(references) < 2:
        return None
    placed = {tuple(slots) for columns, wide, anchor in page_grids(references, n)
              if (slots := on_columns(line, k, columns, wide, anchor)) is not None}
    return list(placed.pop()) if len(placed) == 1 else None


#: where a token stands: its centre, or (cells aligned by an edge) its right or its left edge
_ANCHORS = {"centre": lambda s: (s[1] + s[2]) / 2, "right": lambda s: s[2], "left": lambda s: s[1]}


def page_grid(references: list[str], n: int) -> tuple[list[float], int, str] | None:
    """The columns full rows ``references`` (two at least) put each of their last ``n`` tokens at, the width the
    page counts a CJK character, and the place of a token the columns are: centres, at width 1 where they agree in
    pdftotext's character grid, 2 where they agree only when a CJK character is counted two wide (the page padded
    by display columns: their labels' widths differ in characters, not on the page); else right edges, or left
    edges, where those agree (numbers aligned right or left, some of full-width digits two columns wide: their
    centres differ by more than a column between rows). ``None`` when they agree in none."""
    return next(page_grids(references, n), None)


def page_grids(references: list[str], n: int) -> Iterator[tuple[list[float], int, str]]:
    """Every grid (:func:`page_grid`'s) the full rows ``references`` agree in, in its order."""
    if len(references) < 2:
        return
    for anchor in _ANCHORS:
        for wide in (1, 2):
            columns = _agreed(references, n, wide, anchor)
            if columns is not None:
                yield columns, wide, anchor


def _agreed(references: list[str], n: int, wide: int, anchor: str = "centre") -> list[float] | None:
    at = _ANCHORS[anchor]
    grids = [[at(s) for s in spans(ref, wide)[-n:]] for ref in references]
    if any(len(g) != n for g in grids) or any(abs(a - b) > _ON_COLUMN for g in grids[1:] for a, b in zip(g, grids[0])):
        return None
    columns = [sum(c) / len(c) for c in zip(*grids)]
    if any(b - a < 3 * _ON_COLUMN for a, b in zip(columns, columns[1:])):
        return None     # (a number within a column of one is two from every other)
    return columns


def on_columns(line: str, k: int, columns: list[float], wide: int = 1, anchor: str = "centre",
               near: float = _ON_COLUMN) -> list[int] | None:
    """The column of each of the last ``k`` tokens of ``line`` in ``pdftotext -layout``'s character grid (a CJK
    character ``wide`` columns): each within ``near`` (a character) of exactly one of ``columns`` (centres, or the
    edges ``anchor`` names), left to right; else None."""
    row = spans(line, wide)
    if len(row) < k:
        return None
    slots: list[int] = []
    for c in (_ANCHORS[anchor](s) for s in row[-k:]):
        at = [j for j, col in enumerate(columns) if abs(c - col) <= near]
        if len(at) != 1 or (slots and at[0] <= slots[-1]):
            return None
        slots.append(at[0])
    return slots
