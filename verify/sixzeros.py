"""（六）其他处理 printed as one row of zeros: the model's 0s for its three sub-rows are printed there.

    zero_one_row(keys, values, patterns) -> index of the segment, or None

FORM.md: a report may print （六）其他处理 as a single row with no sub-rows; where that row is 0 its three
sub-rows are 0 (counts are never negative, and the golden form says so). The sub-rows' labels are not printed,
so :mod:`verify.grounding` finds no label for them and a model's 0s there were never found, even where every
cell the row prints is a 0 (a crawler's ``（六）其他处理0000000``). This finds that row: a segment whose label is
the group's title alone (``（六）其他处理``, ``(六)其他处理``), followed by exactly seven 0s (seven tokens, or one
run of seven zeros), the next label （七）总计, with none of the three sub-rows' labels printed after it (the
header's 其他 column, before it, is none). Anything else (a non-zero cell, a blank mark, fewer or more numbers,
a sub-row label after it, another label next: sub-rows whose labels the text lost) returns None: which sub-row
holds a non-zero count the row does not say, and a blank is not a 0.

Pure: the region's label keys and value texts in, an index out; returns at once where no label names the group.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from llm_extract.form import FORM

__all__ = ["SUB_ROW_KEYS", "zero_one_row"]

#: the sub-rows printed under （六）其他处理 in the form
SUB_ROW_KEYS = tuple(r for r in FORM.table3_row_keys if FORM.table3_levels[r] == "（六）其他处理")
_TITLE = unicodedata.normalize("NFKC", "（六）其他处理")
_WORDS = _TITLE.split(")")[-1]                         # 其他处理
_ITEM_TITLE = re.compile(rf"^(?:\(?六\)?[、.]?)?{_WORDS}$")
_TOTAL = FORM.table3_rows[FORM.table3_row_keys.index("total_processed")].pattern
_SEVEN_ZEROS = re.compile(r"^\s*(?:0\s+){6}0\s*$|^\s*0{7}\s*$")


def zero_one_row(keys: Sequence[str], values: Sequence[str], patterns: Sequence[re.Pattern[str]]) -> int | None:
    """The index of the segment printing （六）其他处理 as one row of seven 0s, its sub-rows unprinted; else None."""
    at = [i for i, k in enumerate(keys) if _WORDS in k]
    if len(at) != 1 or not _ITEM_TITLE.match(keys[at[0]]) or not _SEVEN_ZEROS.match(values[at[0]]):
        return None
    subs = [patterns[FORM.table3_row_keys.index(r)] for r in SUB_ROW_KEYS]
    if any(p.search(k) for k in keys[at[0] + 1:] for p in subs):
        return None                    # (a sub-row printed after it: the group's title is only a title)
    if at[0] + 1 >= len(keys) or not _TOTAL.search(keys[at[0] + 1]):
        return None                    # (the next label is not （七）总计: sub-rows whose labels the text lost?)
    return at[0]
