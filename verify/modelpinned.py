"""A model's table value the text does not print, pinned to that value by the cells that are printed.

    pinned_by_the_rest(confirmed, unprinted) -> {path: value}

For the arbitration of model-only values (:mod:`verify.crosscheck`), where the deterministic reader read no row of
a table and the model's values are grounded in the text cell by cell (:mod:`verify.grounding`). A value the text
does not print where the model says (an OCR'd digit the model read otherwise: ``3`` printed ``7``; a cell whose row
the text's order leaves in doubt) is never a source. Before, it also left every identity it is in unchecked, and so
every printed value in those identities unconfirmed, and theirs in turn: one such cell in a row of 表三 left the whole
table disputed, every printed cell with it.

Now the confirmed values (printed, or agreed by both readings) are asked what they pin: every table cell not among
them is an unknown (never read as 0), and :func:`verify.derive.derive` fills those the identities leave one value
for. A model value the identities pin to exactly that value is derived (``DERIVE.PINNED``: the identities' value,
the model's agreeing) and stands as an operand in the identities of the printed cells; one pinned to another value,
or not pinned, stays unconfirmed, as before. The printed cells around it are then checked against the identities
as for a cell the deterministic reader lost and derived.

A value pinned to 0 is an operand like any other, but never derived: the identities count a blank as 0, and a
cell the text does not print may as well be blank (``DERIVE.ZERO_OR_BLANK``: unverified). So is a model's blank
the reader did not read (``GROUND.BLANK``): whatever the identities say, they say it of a 0 as well.

A model's 0 in a row that prints only zeros, its blanks as nothing (a crawler's dump or PDF text of
``二、上年结转政府信息公开申请数量 | 0 | | | | 0 | 0`` printed ``… 0 0``; :func:`verify.grounding.ground` marks it
``zero_or_blank``) is not found where the model puts it: which cells are the blanks the text does not say. But
wherever they stand, every cell of the row is 0 or blank, and the identities count both as 0: such a cell is pinned
as the text's 0 (``zeros``), an operand of the identities, itself ``DERIVE.ZERO_OR_BLANK`` (unverified). Before, the
row's cells were unknowns no identity pins (一、+二、 = (七)+四、 leaves 二、 and 四、 free together), and the printed
cells of every identity they are in were left unconfirmed, the whole table disputed.

Pure: values in, values out.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from llm_extract.schema import TABLE3_PATHS, TABLE4_PATHS, same_value

from .derive import derive
from .rules import register

__all__ = ["pinned_by_the_rest", "ZERO_OR_BLANK_RULE"]

ZERO_OR_BLANK_RULE = "DERIVE.ZERO_OR_BLANK"
register(ZERO_OR_BLANK_RULE, "原文未印出该格，勾稽关系推出 0，与模型一致；但勾稽关系把空白也算作 0，该格可能为空白，待复核",
         "not printed; the identities pin it to 0, as the model says, but they count a blank as 0 too: the cell "
         "may be blank, for review")

_TABLE_PATHS = frozenset(TABLE3_PATHS + TABLE4_PATHS)


def pinned_by_the_rest(confirmed: Mapping[str, Any], unprinted: Mapping[str, Any],
                       zeros: Collection[str] = ()) -> dict[str, Any]:
    """The ``unprinted`` model values (path → value) the ``confirmed`` table values pin to that same value; those
    of ``zeros`` (cells of rows printing only zeros) pinned to 0 by the text, when the model's value is 0."""
    asked = {p: v for p, v in unprinted.items() if p in _TABLE_PATHS and v is not None}
    if not asked:
        return {}
    by_text = {p: v for p, v in asked.items() if p in zeros and v == 0}
    known = {p: v for p, v in confirmed.items() if p in _TABLE_PATHS and v is not None} | by_text
    found = derive(known, _TABLE_PATHS.difference(known))
    if found.capped:
        return by_text
    return by_text | {p: v for p, v in asked.items() if p in found.values and same_value(p, found.values[p], v)}
