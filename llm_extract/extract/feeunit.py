"""表二's fee printed in 元 where the form asks for 万元 (``本年收费金额（单位：元）`` / ``73996.00元``).

The form's column is 本年收费金额（单位：万元）; some agencies print the amount in 元, saying so in the column's
header, in the row's label (``行政事业性收费（元）``) or in the cell. Read as printed, 73996.00 元 would be 73,996 万元, ten thousand times the fee, and no
identity checks 表二. :func:`fee_in_wanyuan` gives the reading in 万元 (the printed amount divided by 10,000,
exactly), its method saying it was converted and its note what was printed; a fee printed with no unit, in 万元,
or in a unit OCR misread (``方元``), is left as it was.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ..evidence import Reading
from .layout import Item

__all__ = ["fee_in_wanyuan", "FEE_FROM_YUAN"]

#: the method of a fee printed in 元, read in 万元
FEE_FROM_YUAN = "fee-from-yuan"
_FEE = "active_disclosure.fees_10k_yuan"
#: a header of the fee's column saying the amount is in 元: ``（单位：元）``, ``(元)``; not 万元, nor a unit whose
#: first character OCR misread (``单位;方元``: 万元 misread, read as printed)
_YUAN_HEADER = re.compile(r"金额.*(?:单位|[（(])[\s:：;；]*元")
#: the fee row's own label naming 元 (``行政事业性收费（元）``, ``行政事业性收费(单位:元)``): the row's unit, nearer its
#: cell than the column's header (as a cell's own ``元`` is)
_YUAN_LABEL = re.compile(r"收费[（(](?:单位[:：;；]?)?元[)）]")


def _in_yuan(reading: Reading, items: list[Item]) -> bool:
    if reading.note == "元":
        return True
    label = reading.lines[0] if reading.lines else None
    if any(it.is_text and it.line == label and _YUAN_LABEL.search(it.key.replace(" ", "")) for it in items):
        return True
    headers = [it.key for it in items if it.is_text and "金额" in it.key and label is not None and it.line < label]
    return bool(headers) and bool(_YUAN_HEADER.search(headers[-1].replace(" ", "")))


def fee_in_wanyuan(out: dict[str, Reading], items: list[Item]) -> None:
    """The fee reading of ``out`` in 万元 where its column's header or its cell says it is printed in 元."""
    r = out.get(_FEE)
    if r is None or r.value is None or isinstance(r.value, str) or not _in_yuan(r, items):
        return
    value = Decimal(str(r.value)) / 10000
    plain = int(value) if value == value.to_integral_value() else value.normalize()
    out[_FEE] = Reading(plain, r.kind, r.raw, r.lines, FEE_FROM_YUAN, f"printed in 元: {r.raw}")
