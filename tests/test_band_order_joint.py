"""A table read from bands printed column by column stands in the text's order only where no other order of the
bands' six applicant columns keeps every identity: each band's alone, and every band's in one same order.

A page prints its bands' columns alike, so a column order misread for one band is misread for all: where two
applicant columns have equal totals (商业企业 3, 科研机构 3), every band's cells of the two traded at once keep every
column sum and the balance, although trading one band's alone breaks them.
"""

from __future__ import annotations

from llm_extract.extract.bandorder import in_text_order, other_tables
from llm_extract.extract.blocktext import Number
from llm_extract.extract.cells import parse_cell
from llm_extract.form import FORM

_ROWS = FORM.table3_row_keys


def _table(rows: dict[str, list[int]]) -> list[list[Number]]:
    return [[Number(parse_cell(str(v)), line=i + 1) for v in rows.get(key, [0] * 7)] for i, key in enumerate(_ROWS)]


# 一、 and 七、 printed alone (their seven numbers left to right); 予以公开 in the first band, 属于国家秘密 in the second
_VALUES = {"new_received": [5, 3, 3, 0, 0, 0, 11], "granted": [2, 2, 1, 0, 0, 0, 5],
           "denied_state_secret": [3, 1, 2, 0, 0, 0, 6], "total_processed": [5, 3, 3, 0, 0, 0, 11]}
# rows 一 and 二 alone, 2–3 a band, 4–22 a band, 七 and 四 alone
_SHAPES = [(1, True), (1, True), (2, False), (19, False), (1, True), (1, True)]


def test_bands_whose_columns_one_same_other_order_keeps_every_identity_are_not_in_the_text_s_order() -> None:
    assert not in_text_order(_table(_VALUES), _SHAPES, _ROWS)


def test_bands_no_other_order_fits_stand_in_the_text_s_order() -> None:
    values = dict(_VALUES, new_received=[5, 3, 4, 0, 0, 0, 12], denied_state_secret=[3, 1, 3, 0, 0, 0, 7],
                  total_processed=[5, 3, 4, 0, 0, 0, 12])
    assert in_text_order(_table(values), _SHAPES, _ROWS)


def test_the_other_tables_are_each_band_alone_then_every_band_in_one_order() -> None:
    table = _table(_VALUES)
    others = list(other_tables(table, [(2, 2), (4, 19)], lambda n: n.cell.value))
    swapped = [[n.cell.value for n in row] for row in others[-1]]
    assert any([[n.cell.value for n in row] for row in t][2] == [2, 1, 2, 0, 0, 0, 5]
               and [[n.cell.value for n in row] for row in t][4] == [3, 2, 1, 0, 0, 0, 6] for t in others)
    assert swapped[0] == _VALUES["new_received"]          # rows printed alone stay as read
