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

import re

from .cells import parse_cell
from .layout import has_words
from .linetext import LineText

__all__ = ["joined_cell_breaks"]

#: the longest last part of a cell's text, broken onto a line of its own (``数量``, ``开``)
_MAX_PART = 16
#: a line break, then a line that may go on with the cell the line before it ends with (:func:`_joins`' ``after``):
#: text before its first tab
_GOES_ON = re.compile(r"\n[^\t\n]+\t")
#: the same after a line whose last field holds words (a CJK character, :func:`.has_words`): a line a join may start on
_BREAK = re.compile(r"[\u4e00-\u9fff][^\t\n\u4e00-\u9fff]*" + _GOES_ON.pattern)


def _joins(line: str, after: str) -> bool:
    """Whether ``after`` goes on with the cell ``line`` ends with: its last part, then the cell again."""
    first = line.rpartition("\t")[2].strip()
    if not first or (first not in after and line.count(first) < 2) or not has_words(first):
        return False                    # (most lines: the cell is not printed again after it, nor before; no words)
    part, sep, rest = after.partition("\t")
    part = part.strip()
    if not sep or not part or len(part) > _MAX_PART or not has_words(part) or parse_cell(first).is_value:
        return False                    # (a count with its unit, 0件, is no merged label: 规章 … 0件 / 行政规范性文件 0件 …)
    if rest.partition("\t")[0].strip() == first:
        return True                     # (the cell again)
    fields = line.split("\t")
    return len(fields) >= 2 and fields[-2].strip() == first + part


def joined_cell_breaks(lines: list[str]) -> list[str]:
    """``lines`` with each merged cell's broken, repeated text joined back into its row (see the module docstring);
    a joined row stands on its last line, the lines it took from left empty (every line keeps its number)."""
    text = LineText.of(lines)
    if "\t" not in text.text or not text.search(_GOES_ON):
        return lines                    # (no line may go on with a cell: most texts, told at once)
    out = list(lines)
    for n in text.indices(_BREAK):      # (a line a join has changed ends as the line it took did: in words)
        if out[n] and _joins(out[n], out[n + 1]):
            out[n], out[n + 1] = "", out[n] + out[n + 1]
    return out
