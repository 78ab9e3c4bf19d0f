"""表四 printed a group a line after its own label, a blank group as its label alone: each group's cells are its line's.

    labelled_groups(keys, values, cells) -> found per cell, or None (not this layout)

For grounding (:mod:`verify.grounding`) in crawler dumps and converters that write 表四 as three labelled rows:

    行政复议 0 0 0 1 1
    行政诉讼（未经复议直接起诉）          <- a blank group: its label and nothing (or its five marks)
    行政诉讼（复议后起诉） 0 2 0 0 2

Read as one run of numbers after the heading (:func:`verify.grounding._after_heading`), the blank group's cells
printed as nothing leave every 0 in doubt: a blank and a 0 trade places unseen. Here the labels say which group
each line is: a group printing five cells (numbers, or marks for its blanks) is matched cell for cell against the
model's five (:mod:`verify.cellmatch`: no blank of another group can stand among them); a group printing nothing
is found only where the model gives all five blank (a model's blank stays unproven: the text prints nothing for
it, as for a lost cell). Only when the three labels stand one after another right after the heading, in the form's
order (the form's group names: 行政复议, 未经复议直接起诉, 复议后起诉, 行政诉讼 and brackets around them), each followed
by five cells or nothing, and at least one prints its five: a header row naming the groups prints no numbers
after them, and returns at once.

Pure: segment keys and value texts after the heading and the model's fifteen cells in, found per cell out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from llm_extract.form import FORM

from .cellmatch import EXACT, marked, match_cells, numbers

__all__ = ["labelled_groups"]

#: a group's label key: the form's name for it (its part after 行政诉讼·), 行政诉讼 and brackets around it dropped
_NAMES = tuple(g.label.split("·")[-1] for g in FORM.table4_groups)
_DROP = re.compile(r"行政诉讼|[()（）:：]")
_WIDTH = len(FORM.table4_column_keys)


def labelled_groups(keys: Sequence[str], values: Sequence[str], cells: Sequence[Any]) -> list[bool] | None:
    """Found per cell of the model's fifteen, when 表四 is printed as labelled group lines (see the docstring)."""
    start = next((i for i, k in enumerate(keys[:4]) if _DROP.sub("", k) == _NAMES[0]), None)
    if start is None or len(keys) < start + len(_NAMES):
        return None
    if [_DROP.sub("", k) for k in keys[start:start + len(_NAMES)]] != list(_NAMES):
        return None
    found: list[bool] = []
    printed_any = False
    for g, text in enumerate(values[start:start + len(_NAMES)]):
        mine = list(cells[g * _WIDTH:(g + 1) * _WIDTH])
        if not text.strip():
            found += [all(c is None for c in mine)] * _WIDTH
            continue
        row = marked(text)
        if len(row if row is not None else numbers(text)) != _WIDTH:
            return None
        printed_any = True
        status, per_cell = match_cells(text, mine)
        found += per_cell if status == EXACT else [False] * _WIDTH
    return found if printed_any else None
