"""A merged cell's text broken over lines and repeated in every column it spans: joined back into one row.

python-docx's ``row.cells`` gives a merged cell once for each column it spans, and a script that writes each row's
cells joined by tabs breaks the line wherever a cell's own text does. A label spanning 表三's three label columns and
wrapped in its cell (``一、本年新收政府信息公开申请`` / ``数量``) then prints its first part, then its last part
beside its first part again, … the row's numbers after its last part::

    一、本年新收政府信息公开申请
    数量	一、本年新收政府信息公开申请
    数量	一、本年新收政府信息公开申请
    数量	10	0	0	0	0	0	10

Joined back (each line onto the one before it, where the next line goes on with the cell it broke), the row is
``一、…申请数量`` three times, then its seven cells: a tab row with its label repeated, as any other. A line is joined
onto the one before only where it starts with a cell's last part and then prints that cell's first part again (the
repeat begun), or where the line before already holds the whole cell once (the repeat going on): a wrapped label
whose numbers follow at once is left to the row reader (its label's wrap is read there).
"""

from __future__ import annotations

from .cells import parse_cell
from .layout import has_words

__all__ = ["joined_cell_breaks"]

#: the longest last part of a cell's text, broken onto a line of its own (``数量``, ``开``)
_MAX_PART = 16


def _joins(line: str, after: str) -> bool:
    """Whether ``after`` goes on with the cell ``line`` ends with: its last part, then the cell again."""
    part, sep, rest = after.partition("\t")
    part = part.strip()
    if not sep or not part:
        return False                    # (most lines: told before ``line`` is split)
    fields = line.split("\t")
    first = fields[-1].strip()
    if not first or len(part) > _MAX_PART or not has_words(part) or not has_words(first) \
            or parse_cell(first).is_value:
        return False                    # (a count with its unit, 0件, is no merged label: 规章 … 0件 / 行政规范性文件 0件 …)
    again = rest.split("\t")[0].strip()
    return again == first or (len(fields) >= 2 and fields[-2].strip() == first + part)


def joined_cell_breaks(lines: list[str]) -> list[str]:
    """``lines`` with each merged cell's broken, repeated text joined back into its row (see the module docstring);
    a joined row stands on its last line, the lines it took from left empty (every line keeps its number)."""
    if not any("\t" in line for line in lines):
        return lines
    out = list(lines)
    for n in range(len(out) - 1):
        if out[n] and _joins(out[n], out[n + 1]):
            out[n], out[n + 1] = "", out[n] + out[n + 1]
    return out
