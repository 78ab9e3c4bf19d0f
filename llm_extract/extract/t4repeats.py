"""表四's row in a grid whose converter split one table cell into two fields, writing its header and its number in
both (PyMuPDF ``find_tables()`` on a browser's PDF: ``| … | 其 | 其 | 尚 | …`` / ``| … | 他 | 他 | 未 | …`` over
``| … | 0 | 0 | 0 | …``): sixteen numbers for fifteen cells, two of them one cell's copies.

:func:`repeats_dropped` drops the second copy where exactly one pair of adjacent fields of the numbers' line holds
the same number under header fields that read the same on every header line above (each header line's text of the
two fields equal, some not empty): one cell written twice, not two cells. Two adjacent cells whose headers differ on
any line (``结果维持`` / ``结果纠正``: ``结`` / ``结`` on one line, ``维`` / ``纠`` on another) stay two. Either copy
dropped gives the same fifteen numbers; the identities then check them as any row's.
"""

from __future__ import annotations

from collections.abc import Sequence

from .layout import Item

__all__ = ["repeats_dropped"]

_HEADER_LINES = 8          # header lines above the numbers' line looked at, at most


def _fields(line: str) -> list[str] | None:
    text = line.strip()
    if len(text) < 2 or text[0] != "|" or text[-1] != "|":
        return None
    return [f.strip() for f in text[1:-1].split("|")]


def _rule(fields: list[str]) -> bool:
    return all(f and not f.strip("-: ") for f in fields)


def repeats_dropped(values: list[Item], lines: Sequence[str]) -> list[Item]:
    """``values`` without the second copy of one cell a converter wrote into two fields (see the module), when the
    numbers are sixteen on one grid line and exactly one such pair stands among them; else ``values`` unchanged."""
    numbers = [it for it in values if it.cell.is_number]
    if len(numbers) != 16 or not lines or len({it.line for it in numbers}) != 1 or not numbers[0].grid:
        return values
    at = numbers[0].line
    row = _fields(lines[at - 1]) if 0 < at <= len(lines) else None
    if row is None:
        return values
    heads: list[list[str]] = []
    k = at - 1
    while k >= 1 and len(heads) < _HEADER_LINES:
        fields = _fields(lines[k - 1])
        if fields is None or len(fields) != len(row):
            break
        if not _rule(fields):
            heads.append(fields)
        k -= 1
    if not heads:
        return values
    by_col: dict[int, list[Item]] = {}
    for it in numbers:
        by_col.setdefault(it.col if it.col is not None else -1, []).append(it)
    pairs = []
    for c, its in by_col.items():
        nxt = by_col.get(c + 1)
        if c < 0 or len(its) != 1 or nxt is None or len(nxt) != 1 or its[0].cell.value != nxt[0].cell.value:
            continue
        same = all(h[c] == h[c + 1] for h in heads) and any(h[c] for h in heads)
        if same:
            pairs.append(nxt[0])
    if len(pairs) != 1:
        return values
    return [it for it in values if it is not pairs[0]]
