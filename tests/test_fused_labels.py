"""pdftotext -layout prints two rows' labels as one block where a three-column label block squeezes them:
``(四)无法提供 1.2.本机关不掌握相关政府信息`` / ``没有现成信息需要另行制作`` / then two lines of numbers. Both rows'
numbers hold every identity either way round: which line is whose is a guess, never proven."""

from __future__ import annotations

from llm_extract.evidence import Method
from llm_extract.extract.blockread import _fused_labels_guessed
from llm_extract.extract.cells import parse_cell
from llm_extract.extract.readings import reading

_LINES = ["三、 (四)无法提供 1.2.本机关不掌握相关政府信息", "               没有现成信息需要另行制作",
          "                                  9     0         0   0        0   1         10", "",
          "本年                                0     0         0   0        0   0         0",
          "度办             3.补正后申请内容仍不明确      1     0         0   0        0   0         1"]


def test_rows_read_around_two_item_numbers_run_together_are_guesses() -> None:
    table = {"applications.unavailable_not_held.total": reading(parse_cell("0"), [1, 5], "text-block-column"),
             "applications.unavailable_needs_creation.total": reading(parse_cell("10"), [2, 3], "text-block-label"),
             "applications.unavailable_unclear.total": reading(parse_cell("1"), [6], "text-block-label")}
    out = _fused_labels_guessed(table, _LINES)
    assert out["applications.unavailable_not_held.total"].method == Method.CELLS_ABOVE_OR_BELOW
    assert out["applications.unavailable_needs_creation.total"].method == Method.CELLS_ABOVE_OR_BELOW
    assert out["applications.unavailable_unclear.total"].method == "text-block-label"


def test_a_decimal_or_a_single_item_number_is_no_fused_label() -> None:
    lines = ["1.本机关不掌握相关政府信息 9 0 0 0 0 1 10", "行政事业性收费 1.5万元"]
    table = {"applications.unavailable_not_held.total": reading(parse_cell("10"), [1, 2], "text-block-label")}
    assert _fused_labels_guessed(table, lines) == table
