"""Markdown table rows a converter fused: two rows in one, each cell the two rows' cells over a ``<br>``.

A PDF converter (marker) that misses a rule between two rows writes them as one markdown row, each cell
holding both rows' texts one under the other::

    |  | (五)不予处理 | 3、补正后申<br>请内容仍不明确<br>1、信访<br>举报投诉类申请 | 0<br>0 | 0<br>0 | … | 0<br>2 |

The row is the two rows only where that is certain: every number cell holds exactly two numbers (or
placeholders), and exactly one cell holds two labels, each starting with an item number (``3、`` …
``1、``) at a line break, the second one at a later break; a label wrapped in its cell keeps its breaks.
Another text cell (the group ``(五)不予处理``) goes with the row whose label is its group's first item
(``1、``); where neither or both are, the row is left as printed (and its cells missing). The two rows are
written as two markdown rows in its place.
"""

from __future__ import annotations

import re

__all__ = ["unstack_rows", "br_parts"]

_BR = re.compile(r"<br\s*/?>", re.I)
_ROW = re.compile(r"^\s*\|.*\|\s*$")
#: a cell's part that is a number or a placeholder (full-width digits too)
_VALUE = re.compile(r"^(?:[0-9０-９][0-9０-９,.]*|[-—–－/／\\]+|无)$")
#: a label's item number: 1、 1. 1． (一) （一） 一、
_ITEM = re.compile(r"^(?:[0-9０-９]{1,2}\s*[、.．]|[(（][一二三四五六七八九十0-9０-９]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)")
#: the first item of a group: 1、 (一) 一、
_FIRST = re.compile(r"^(?:[1１]\s*[、.．]|[(（][一1１][)）]|一、)")


def br_parts(cell: str) -> list[str]:
    """A markdown cell's texts between its line breaks (``<br>``), stripped, empty ones left out."""
    return [p.strip() for p in _BR.split(cell) if p.strip()]


def _split_label(parts: list[str]) -> tuple[list[str], list[str]] | None:
    """The two labels of a fused label cell, or None."""
    starts = [k for k, p in enumerate(parts) if _ITEM.match(p)]
    if len(starts) != 2 or starts[0] != 0:
        return None
    return parts[:starts[1]], parts[starts[1]:]


def _unstack(line: str) -> list[str] | None:
    """The two rows of a fused markdown row, or None when ``line`` is not one for certain."""
    cells = line.strip()[1:-1].split("|")
    parts = [br_parts(c) for c in cells]
    values = [k for k, ps in enumerate(parts) if ps and all(_VALUE.match(p) for p in ps)]
    if len(values) < 2 or any(len(parts[k]) != 2 for k in values):
        return None
    texts = [k for k, ps in enumerate(parts) if ps and k not in values]
    labels = {k: split for k in texts if (split := _split_label(parts[k])) is not None}
    if len(labels) != 1:
        return None
    (label_at, (first, second)), = labels.items()
    others = [k for k in texts if k != label_at]
    if others:
        goes = [_FIRST.match(first[0]) is not None, _FIRST.match(second[0]) is not None]
        if goes.count(True) != 1:
            return None
        with_row = goes.index(True)
    rows: list[list[str]] = [[], []]
    for k, cell in enumerate(cells):
        for r in (0, 1):
            if k in values:
                rows[r].append(parts[k][r])
            elif k == label_at:
                rows[r].append("<br>".join((first, second)[r]))
            elif k in others:
                rows[r].append(cell.strip() if r == with_row else "")
            else:
                rows[r].append("")
    return ["| " + " | ".join(row) + " |" for row in rows]


def unstack_rows(text: str) -> str:
    """``text`` with every markdown row that is two fused rows (see the module docstring) written as two."""
    if "<br" not in text and "<BR" not in text:
        return text
    out: list[str] = []
    for line in text.split("\n"):
        rows = _unstack(line) if "<br" in line.lower() and _ROW.match(line) else None
        out.extend(rows if rows is not None else [line])
    return "\n".join(out)
