"""A label broken over lines is joined from pieces; the piece that opens it carries the row's kind of item number.
trafilatura keeps a wrapped label's first piece in its cell and writes the rest after the table: ``四、结转`` (表三's last
row, its label cut short), then the leftovers ``申请数量``, ``法律行政法规禁止公开``. Joined, they spell 2.其他法律行政法规
禁止公开's words, but 四、 opens a row of the form, never a sub-row: the last row's cells are not that sub-row's."""

from __future__ import annotations

from llm_extract.extract.layout import tokenize
from llm_extract.extract.table3_labels import find_labels

_LINES = ["| (三)不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
          "| | 2.其他 | 0 | 0 | 0 | / | 0 | — | 0 |",
          "| | 3.危及“三安全一 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
          "| 四、结转 | | 0 | 0 | 0 | 不适用 | 0 | 0 | 0 |",
          "申请数量", "法律行政法规禁止公开", "稳定”"]


def test_a_rows_cut_label_and_leftover_pieces_after_the_table_open_no_sub_row() -> None:
    items = tokenize(_LINES, 1, len(_LINES) + 1)
    labels = find_labels(items)
    assert all(items[i].raw != "四、结转" for row, i in labels.items() if row != "carried_forward")
