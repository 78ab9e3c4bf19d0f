"""A line of numbers no row took, right above or below a row's numbers: digits of narrow cells wrapped.

A table whose number columns are too narrow for a count wraps its digits over lines, centred on the row's
label line: ``pdftotext -layout`` (and pdfplumber's text) prints 11 and 12 as ``１ … １`` over the row and
``１ … ２`` under it, the row's one-digit cells on its label line between::

                             １           １
       一、本年新收政府信息公开申请数量            ０ ０ ０ ０ １
                             １           ２

Read line by line, the row takes its own line and the line under it (``０ ０ ０ ０ １ １ ２``: seven numbers
whose row sum holds by chance) or its own line only (``1 — — — — 1 2`` over ``9 0``, 19 and 20 wrapped), and
the other line stays with no row. Such a line says some of the row's numbers run on beyond what it read:
the row is not read (missing, queued with what was printed), whatever its identities say. Only rows
printing several numbers to a line are so read: where each cell has a line of its own, a number on the
next line is a field the table adds (last year's figure), dropped by the reader on purpose; and a number alone on its line is as often a page's number.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..form import FORM
from .layout import Item
from .readings import Readings, missing

__all__ = ["doubt_beside_loose_digits"]

_WIDTH = len(FORM.table3_columns)


def doubt_beside_loose_digits(items: Sequence[Item], taken: Mapping[int, tuple[Sequence[str], list[Item]]],
                              out: Readings) -> None:
    """Leave unread every row of space-separated text whose numbers (``taken``: each read row's label index →
    its paths and the items its cells came from) have, on the line right above or below them, numbers no row
    took and nothing else (see the module docstring)."""
    rows: list[tuple[Sequence[str], list[int]]] = []     # rows printing two numbers or more on a line
    for paths, chosen in taken.values():
        if not paths or not chosen:
            continue
        lines = [it.line for it in chosen]
        if len(set(lines)) == len(lines):
            continue                    # a cell to a line: a number on the next line is another field's (上年数)
        if not any(it.grid or it.col is not None for it in chosen):
            rows.append((paths, lines))
    if not rows:
        return                          # (most tables: a cell to a line, or rows in tab-separated fields)
    claimed = {id(it) for _, chosen in taken.values() for it in chosen}
    by_line: dict[int, list[Item]] = {}
    for it in items:
        by_line.setdefault(it.line, []).append(it)

    def loose(n: int) -> bool:
        its = by_line.get(n, [])
        return 1 < len(its) < _WIDTH and all(it.cell.is_number and id(it) not in claimed for it in its)

    for paths, lines in rows:
        if not (loose(min(lines) - 1) or loose(max(lines) + 1)):
            continue
        for path in paths:
            r = out.get(path)
            if r is not None and not r.missing:
                out[path] = missing(r.raw or "", r.lines, r.method,
                                    "a line of numbers no row took stands next to the row's: digits of a narrow "
                                    "cell wrapped over lines, perhaps, and the row's numbers not those read")
