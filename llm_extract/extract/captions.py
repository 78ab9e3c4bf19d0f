"""A table's caption printed with its number apart: ``表 3 政府信息公开行政复议、行政诉讼情况``, ``附表 3``.

A Word file captions its tables (``表 1`` …); PDF text tools and converters print the caption's number as a word
of its own where the caption spaces it. A reader taking every number in a table's region for a cell would read
the caption's number as one (表四: sixteen numbers for its fifteen cells). No row or column label of the form ends
in 表, so a number right after a word ending in 表 on its line (表, 附表, 统计表) is its caption's, no cell.
"""

from __future__ import annotations

from .layout import Item

__all__ = ["without_caption_numbers"]


def _caption_number(items: list[Item], i: int) -> bool:
    it, before = items[i], items[i - 1] if i else None
    return it.cell.is_number and before is not None and before.is_text and before.line == it.line \
        and before.raw.rstrip().endswith("表")


def without_caption_numbers(items: list[Item]) -> list[Item]:
    """``items`` without the number of a table's caption (see the module docstring)."""
    if "表" not in "".join([it.raw for it in items if it.is_text]):
        return items                    # (no word ending in 表: no caption)
    kept = [it for i, it in enumerate(items) if not _caption_number(items, i)]
    return items if len(kept) == len(items) else kept
