"""What several readers ask of one text's lines (its lines' words and numbers, a region's events) is found once and
kept with those lines, each caller given lists of its own; the readings unchanged."""

from __future__ import annotations

from dataclasses import FrozenInstanceError, replace

import pytest

import llm_extract.extract.blocktext as blocktext
from llm_extract.extract.blocktext import Number, printed_lines
from llm_extract.extract.cells import parse_cell
from llm_extract.extract.regionevents import region_events

_T3 = ["三、收到和处理政府信息公开申请情况", "（一）予以公开 3 0 0 0 0 0 3", "（二）部分公开 0 0 0 0 0 0 0",
       "四、政府信息公开行政复议、行政诉讼情况"]


def test_a_region_s_lines_are_split_into_words_and_numbers_once_for_every_reader(
        monkeypatch: pytest.MonkeyPatch) -> None:
    split: list[str] = []
    real = blocktext.split_numbers
    monkeypatch.setattr(blocktext, "split_numbers", lambda text, line: split.append(text) or real(text, line))
    first, again = list(printed_lines(_T3, 1, 4)), list(printed_lines(list(_T3), 1, 4))
    assert split == _T3[1:3]
    assert first == again and first[0][3] is not again[0][3]       # (each caller's lists of numbers its own)
    assert region_events(_T3, 1, 4) == region_events(_T3, 1, 4) and region_events(_T3, 1, 4) is not \
        region_events(_T3, 1, 4)
    assert split == _T3[1:3]


def test_a_number_stays_a_frozen_value() -> None:
    cell = parse_cell("3")
    number = Number(cell, 7)
    assert number == Number(cell, 7, False) and hash(number) == hash(Number(cell, 7))
    assert replace(number, alike=True) == Number(cell, 7, True) and not number.alike
    with pytest.raises(FrozenInstanceError):
        number.line = 8            # type: ignore[misc]
