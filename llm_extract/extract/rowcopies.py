"""A 表三 row printed twice, one copy right under the other (a crawler, a copy-paste or a converter doubled it).

A row doubled whole, its label and its seven cells written again right after them (``2.没有现成信息需要另行制作`` and
its seven on a line, or a cell to a line, twice), leaves the label twice and fourteen numbers under it: read as it is,
the row is left unread and the identities fill it in, queued. :func:`without_copied_rows` drops the copy's items:
where the lines from a line opening with a label that names one row (after empty fields) up to the next line opening with the same label
(no other row named between) are followed by the same number of lines printing the same items, word for word and
number for number. Either copy gives the same cells, which the identities then check as any row's; copies that
differ in anything are left as they are (which line holds the row is then not known).

The cheap sign first: no label printed twice in the table, and nothing is looked at.
"""

from __future__ import annotations

from collections.abc import Sequence

from .labels import rows_named
from .layout import Item

__all__ = ["without_copied_rows"]

#: the most lines a row's copy spans (a label and seven cells a line each, a wrapped label's pieces, empty cells)
_MOST_LINES = 16


def without_copied_rows(items: Sequence[Item]) -> list[Item]:
    """``items`` without the items of each row's copy printed right after it (see the module's docstring)."""
    keys = [it.key for it in items if it.is_text and it.key]
    if len(keys) == len(set(keys)):
        return list(items)
    lines: dict[int, list[Item]] = {}
    for it in items:
        lines.setdefault(it.line, []).append(it)
    order = sorted(lines)
    dropped: set[int] = set()
    for k, n in enumerate(order):
        first = _label(lines[n])
        if n in dropped or first is None or len(rows_named(first.key)) != 1:
            continue
        again = next((j for j in range(k + 1, min(len(order), k + _MOST_LINES + 1))
                      if (label := _label(lines[order[j]])) is not None and label.key == first.key), None)
        if again is None or any(it.is_text and it.key and rows_named(it.key)
                                for m in order[k + 1:again] for it in lines[m]):
            continue                    # (another row's label between: two rows, not a copy)
        size = again - k
        if again + size > len(order) or any(_printed(lines[order[k + j]]) != _printed(lines[order[again + j]])
                                            for j in range(size)):
            continue
        dropped.update(order[again:again + size])
    return [it for it in items if it.line not in dropped] if dropped else list(items)


def _label(line: Sequence[Item]) -> Item | None:
    """The words opening ``line`` (after its empty fields: a group's column left empty), or None."""
    for it in line:
        if it.is_text:
            return it if it.key else None
        if it.cell.is_number:
            return None
    return None


def _printed(line: Sequence[Item]) -> tuple[tuple[bool, str], ...]:
    return tuple((it.is_text, it.raw.strip()) for it in line)
