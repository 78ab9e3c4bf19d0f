"""The orders of a band of 表三 printed with no column header that keep every row's total.

``pdf2txt.py`` prints a page's rows of 表三 column by column in an order of its own, and a page after the
first often prints no column header (the header is not repeated): the band's columns are then in
pdfminer's order, which is not the page's (总计 fourth, 自然人 last …). Where the printed order breaks the
identities, the band's seven columns of cells may stand in another: this module gives every assignment
of them to the form's columns in which each row's 总计 is the sum of its six applicant cells, each
distinct assignment once (columns reading alike trade places for nothing). The caller keeps the ones under
which every identity of the whole table holds, and reads the band only where they all give the same
values: the identities, not the printed order, then place its cells, and an order they cannot tell apart
(two applicant columns weighing alike in every identity) leaves the table unread.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from itertools import permutations

from llm_extract.form import FORM

from .blocktext import Number, int_value

__all__ = ["column_orders", "keeps_totals"]

_COLS = FORM.table3_column_keys
_TOTAL = next(i.lhs[0] for i in FORM.identities if i.kind == "row")
_APPLICANTS = tuple(c for c in _COLS if c != _TOTAL)


def _sums(total: Sequence[Number], others: Sequence[Sequence[Number]]) -> bool:
    return all(int_value(t) == sum(int_value(col[r]) for col in others) for r, t in enumerate(total))


def keeps_totals(band: Mapping[str, Sequence[Number]]) -> bool:
    """Whether each row's 总计 is the sum of its six applicant cells in the band as printed."""
    return _sums(band[_TOTAL], [band[c] for c in _APPLICANTS])


def column_orders(band: Mapping[str, Sequence[Number]], printed: bool = False) \
        -> Iterator[dict[str, Sequence[Number]]]:
    """Every assignment of the band's columns of cells to the form's columns keeping each row's total
    (a blank counts 0), each set of values once; ``printed``: the six others kept in their printed order
    (a table printed as one band: no other band checks their order, only the row sums find its total)."""
    cells = [band[c] for c in _COLS]
    seen: set[tuple] = set()
    for t, total in enumerate(cells):
        others = cells[:t] + cells[t + 1:]
        if not _sums(total, others):
            continue
        for order in [others] if printed else permutations(others):
            key = tuple(tuple(n.cell.value for n in col) for col in (*order, total))
            if key in seen:
                continue
            seen.add(key)
            yield {**dict(zip(_APPLICANTS, order)), _TOTAL: total}
