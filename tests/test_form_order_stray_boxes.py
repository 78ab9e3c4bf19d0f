"""表三 in the form's order when the tool boxed pieces of labels and footers apart.

``pdf2txt.py`` and ``pdftotext`` (default mode) print every text box of a ruled table on lines of its own.
Pieces of a label or a footer then stand alone on a line and read like cells: ``无`` of （四）无法提供
wrapped in its narrow cell, the ``3`` of ``3.危及“三安全一稳定”`` boxed apart from its quotation marks,
a footer cut in two (``第 4`` / ``页 共 6 页``); a 表二 fee printed late among 表三's boxes (``0.3``) is no
count either; and （七）总计 may be printed as a bare ``总计``, the total column's header alike. The table's
175 numbers are still exactly its cells: each of these is read past, and a number standing among
numbers is still a cell.
"""

from __future__ import annotations

import pytest

from llm_extract.extract.formorder import read_form_order
from llm_extract.extract.strayboxes import stray_box_lines
from llm_extract.schema import TABLE3_PATHS
from tests.block_fixtures import fixture_text, fixture_truth, truth_value

_NAME = "pdf2txt_real_pages_by_column"       # each page's labels, then its numbers column by column


def _lines() -> list[str]:
    return fixture_text(_NAME).split("\n")


def _replace(lines: list[str], old: str, new: list[str]) -> list[str]:
    i = lines.index(old)
    return lines[:i] + new + lines[i + 1:]


def _group_word_apart(lines: list[str]) -> list[str]:
    return _replace(lines, "（四）无", ["（四）", "", "无"])


def _item_number_apart(lines: list[str]) -> list[str]:
    return _replace(lines, "3.危及“三安全一稳定”", ["、危及 三安全一稳定", "", "3", "", "”"])


def _footer_cut(lines: list[str]) -> list[str]:
    return _replace(lines, "- 4 -", ["第 4", "", "页 共 6 页"])


def _fee_among_boxes(lines: list[str]) -> list[str]:
    return _replace(lines, "等于第三项加第四项之和）", ["等于第三项加第四项之和）", "", "0.3"])


def _bare_total_label(lines: list[str]) -> list[str]:
    return _replace(lines, "（七）总计", ["总计"])


_DAMAGES = [_group_word_apart, _item_number_apart, _footer_cut, _fee_among_boxes, _bare_total_label]


@pytest.mark.parametrize("damage", _DAMAGES, ids=lambda f: f.__name__.strip("_"))
def test_a_stray_box_leaves_the_table_read_in_the_forms_order(damage) -> None:
    readings = read_form_order(damage(_lines()))
    assert readings is not None
    truth = fixture_truth(_NAME)
    assert {p: readings[p].value for p in TABLE3_PATHS} == {p: truth_value(truth, p) for p in TABLE3_PATHS}


def test_every_stray_box_at_once() -> None:
    lines = _lines()
    for damage in _DAMAGES:
        lines = damage(lines)
    assert read_form_order(lines) is not None


def test_a_placeholder_among_numbers_is_a_cell() -> None:
    lines = ["表三", "（四）无法提供", "0", "无", "3", "1.本机关不掌握相关政府信息", "”"]
    assert stray_box_lines(lines, 1, len(lines) + 1) == set()


def test_pieces_between_label_lines_are_no_cells() -> None:
    lines = ["表三", "2.没有现成信息", "无", "三、本", "规禁止公开", "3", "”稳定", "第 2", "页 共 4 页"]
    assert stray_box_lines(lines, 1, len(lines) + 1) == {3, 6, 8, 9}
