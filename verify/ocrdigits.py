"""A 表四 group of OCR text whose one identity a single misread glyph keeps.

An OCR engine misreads a glyph alike wherever it prints it: a group ``3 0 0 0 3`` (a count and its total) read as
``8 0 0 0 8`` still adds up, and the group's sum is the only identity its cells are in (表三's cells are in a row
and a column: one misread glyph in a row's count and its total breaks the column). So in an OCR reading a 表四
group where one digit read as another throughout it leaves the sum holding has the cells holding that digit read
but ``unverified`` (``READ.OCR_ALIKE_DIGITS``); a group of zeros, or ``1 2 0 0 3``, where no such reading holds, is
proven as before.
"""

from __future__ import annotations

from collections.abc import Mapping

from llm_extract.form import FORM

from .rules import register

__all__ = ["RULE", "alike_digit_cells"]

RULE = "READ.OCR_ALIKE_DIGITS"
register(RULE, "OCR 文本中表四的一组：把其中某个数字一律换成另一个数字后，该组的合计仍然成立（如 3 0 0 0 3 读成 8 0 0 0 8）。"
         "OCR 对同一字形的误读处处相同，该组唯一的勾稽关系无法发现，含该数字的单元格不予证明",
         "in OCR text, a 表四 group whose total still holds with one digit read as another throughout it (3 0 0 0 3 "
         "read as 8 0 0 0 8): an OCR engine misreads a glyph alike wherever it prints it, and the group's one "
         "identity cannot tell; the cells holding that digit are not proven")

#: each 表四 group's paths: its four parts, then its total
_GROUPS = tuple(tuple(f"review_litigation.{g.key}.{c.key}" for c in FORM.table4_columns) for g in FORM.table4_groups)


def _keeps_sum(printed: list[str], d: str, e: str) -> bool:
    *parts, total = [int(p.replace(d, e)) for p in printed]
    return sum(parts) == total


def alike_digit_cells(values: Mapping[str, object]) -> list[str]:
    """The 表四 paths holding a digit that, read as another digit throughout their group, keeps the group's sum
    (``values``: path → value; a group with a cell not a whole number is left alone)."""
    out: list[str] = []
    for paths in _GROUPS:
        vals = [values.get(p) for p in paths]
        if not all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in vals):
            continue
        printed = [str(v) for v in vals]
        digits = {ch for p in printed for ch in p}
        doubted = {d for d in digits for e in "0123456789" if e != d and _keeps_sum(printed, d, e)}
        out.extend(p for p, s in zip(paths, printed) if doubted & set(s))
    return out
