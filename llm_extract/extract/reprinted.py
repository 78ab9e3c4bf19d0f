"""A 表三 row's first line printed again after a page break, the rest of the row under the copy.

A row whose counts wrap inside narrow cells prints over several lines (``pdftotext -layout``: 1694 as ``169`` on the
label's first line, the row's zeros on the next, ``4`` on the third). A page break inside it may print its first
line on both pages, the page's foot between, and the rest under the copy::

      8.属于行政查   169                       169

                      —2—

      8.属于行政查   169                       169
                       0   0   0   0   0
         询事项     4                         4

Read from the first copy alone, the row is ``169`` and five empty cells, its row sum holding; the copy, joined with
the lines under it (wrapdigits), reads ``1694 0 0 0 0 0 1694``. A row read from a line whose words are printed again
on the next line of numbers, with other numbers, nothing but the page's foot or blank lines between, is not read
(missing, queued with what was printed): which line holds the row whole, the text does not say. (Printed again
alike, words and numbers, either line is the row; a line between the two, 二、上年结转政 under 一、's
``府信息公开申请数量``, makes them two rows.)
"""

from __future__ import annotations

from collections.abc import Sequence

from ..schema import TABLE3_ROW_PATHS
from .layout import Item
from .readings import Readings, missing

__all__ = ["doubt_rows_printed_again"]


def doubt_rows_printed_again(items: Sequence[Item], out: Readings) -> None:
    """Leave unread each row read from a line whose words the next line of numbers prints again beside other numbers,
    no item between the two (see the module docstring)."""
    valued = sorted({it.line for it in items if it.is_value})
    worded = {it.line for it in items if it.is_text and it.raw}
    # each line of numbers and the next, where both print words (else the next prints the first's words not again)
    after = {n: m for n, m in zip(valued, valued[1:]) if n in worded and m in worded}
    if not after:
        return                          # (most tables: no line prints words and numbers over another that does)
    by_line: dict[int, list[Item]] = {}
    for it in items:
        by_line.setdefault(it.line, []).append(it)

    def printed(n: int, words: bool) -> tuple[str, ...]:
        return tuple(it.raw for it in by_line[n] if it.is_text == words and it.raw)

    for paths in TABLE3_ROW_PATHS.values():
        readings = [out.get(p) for p in paths]
        if any(r is None or r.missing or not r.lines for r in readings):
            continue
        line = max(n for r in readings for n in r.lines)    # (the row's line of numbers)
        copy = after.get(line)
        if copy is None or not printed(line, True) or printed(copy, True) != printed(line, True) \
                or printed(copy, False) == printed(line, False) or any(line < n < copy for n in by_line):
            continue                    # (a line between the two, 二、上年结转政 under 一、's …申请数量: two rows)
        for path, r in zip(paths, readings):
            out[path] = missing(r.raw or "", r.lines, r.method,
                                "the row's words are printed again after a page break on the next line of numbers, "
                                "beside other numbers: which line holds the row whole is not known")
