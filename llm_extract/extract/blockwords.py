"""The words of PDF text printed as blocks: which of 表三's rows (or 表二's) a piece of a line names or continues.

A label wrapped in a narrow cell comes apart into pieces (``3.要求提供公开出版`` / ``物``, ``情形）``); group labels
(（三）不予公开, 三、本年度办理结果) stand beside rows and name none; column headers printed side by side name none
either. :mod:`.textblocks` reads the lines; these are its tests of the words.
"""

from __future__ import annotations

import re

from ..evidence import CellKind
from ..form import FORM
from .blocktext import Number
from .labels import BARE_HEADERS, rows_named, strip_item_number
from .layout import label_key
from .rowbounds import GROUP_KEYS

__all__ = ["column_number", "continues_label", "headers_side_by_side", "is_group_piece", "item_wanted"]

_ROW_KEYS = {r.key: label_key(r.label) for r in FORM.table3_rows}
#: item-numbered labels may lose their number's dot in a wrap, never their words: a fragment
#: shorter than this is not matched to a label by its words
_MIN_FRAGMENT = 2
_WIDTH = len(FORM.table3_columns)


def column_number(n: Number) -> bool:
    """Whether ``n`` may number a generic column header (数据 1 … 数据 7)."""
    return n.cell.kind is CellKind.NUMBER and isinstance(n.cell.value, int) and 1 <= n.cell.value <= _WIDTH


def is_group_piece(key: str) -> bool:
    """A fragment of a group label (（三）不予 / 公开 / 处理 / 办理结果): it stands beside rows, names none."""
    return any(key in group for group in GROUP_KEYS)      # (their fragments stand between row labels)


def headers_side_by_side(text: str) -> bool:
    """Column headers printed side by side (``总计 结果 结果 其他 尚未``, 表四's header laid out by lines): a
    bare header (总计, 其他) with more words after it on its line names no row."""
    tokens = text.split()
    return len(tokens) > 1 and label_key(tokens[0]) in BARE_HEADERS


def continues_label(key: str, row: str) -> bool:
    """Whether ``key`` is a wrapped piece of ``row``'s printed label (``情形）``, ``再处理其政府信息公开申请``)."""
    canonical = _ROW_KEYS[row]
    if len(key) < _MIN_FRAGMENT:
        return False
    if key in canonical:
        return True
    bare = strip_item_number(key)
    # a piece that is an item number (a group's ``（四``) or starts another label (``8.属于``) continues none
    return bare != key and bare != "" and bare in canonical and not _starts_other_label(key, canonical)


def _starts_other_label(key: str, canonical: str) -> bool:
    """``8.属于`` after ``7.属于行政执法案卷``: an item number of the form's own kind (``8.``), not the row's."""
    number = key[: len(key) - len(strip_item_number(key))]
    return bool(re.fullmatch(r"\d{1,2}[.、]", number)) and not canonical.startswith(number[:-1] + ".")


def item_wanted(words: str) -> int | None:
    """The item number of the one row whose label (after its item number) begins with ``words`` or whose
    pattern they match (``重复申请`` → 2); ``None`` when no row, or rows of different numbers, fit."""
    numbers = set()
    for row, canonical in _ROW_KEYS.items():
        bare = strip_item_number(canonical)
        number = canonical[: len(canonical) - len(bare)]
        if words and (bare.startswith(words) or row in rows_named(words)) and number[:1].isdigit():
            numbers.add(int(number[0]))
    return numbers.pop() if len(numbers) == 1 else None
