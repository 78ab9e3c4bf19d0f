"""A table printed with shaded rows and no rules is read as one table, its bare rows cell by cell.

Zebra stripes: every other row (and the header) is a filled rectangle per cell, the rows between them
bare text. pdfplumber found each shaded row as a table of its own and left the bare rows to the text
layer, where a row with a blank cell (``5 5`` under three columns) lost which cell was blank. A bare row
lying between two shaded rows, or right below the last one and as tall, is a row of the table, its cells
under theirs; a paragraph after the table, a sentence between two shaded boxes, are not.
"""

from __future__ import annotations

import io

import pytest

pytest.importorskip("pdfplumber")

import pdfplumber  # noqa: E402

from llm_extract.ingest.pdf import pdf_to_text  # noqa: E402
from llm_extract.ingest.pdf_tables import read_tables  # noqa: E402
from tests.pdf_text_layer import Fill, Run, text_pdf  # noqa: E402

_XS = (100.0, 220.0, 280.0, 340.0, 400.0)     # the column borders
_HEIGHT = 20.0


def _row(cells: list[str], top: float, shaded: bool, merged: bool = False) -> list[Run | Fill]:
    """A row of ``cells`` whose top is at ``top`` (from the bottom of the page): a filled rectangle per
    cell when ``shaded`` (one across the row when ``merged``); an empty string a blank cell."""
    bottom = top - _HEIGHT
    out: list[Run | Fill] = []
    if shaded:
        spans = [(_XS[0], _XS[-1])] if merged else list(zip(_XS, _XS[1:]))
        out += [Fill(x0, bottom, x1, top) for x0, x1 in spans]
    out += [Run(text, x0 + 4, bottom + 6, 9) for text, x0 in zip(cells, _XS) if text]
    return out


def _zebra(after: list[Run | Fill] | None = None) -> bytes:
    items = _row(["项目", "自然人", "法人", "总计"], 920, True)
    items += _row(["一、新收", "5", "", "5"], 900, False)
    items += _row(["二、结转", "1", "0", "1"], 880, True)
    items += _row(["三、公开", "2", "", "2"], 860, False)
    return text_pdf([items + (after or [])])


def _tables(data: bytes) -> list[list[list[str]]]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        tables = read_tables(pdf.pages[0], 1)
    return [[[c.text for c in row if c is not None] for row in t.rows] for t in tables]


def test_bare_rows_between_and_below_shaded_rows_are_rows_of_one_table_with_their_blank_cells() -> None:
    assert _tables(_zebra()) == [[["项目", "自然人", "法人", "总计"], ["一、新收", "5", "", "5"],
                                  ["二、结转", "1", "0", "1"], ["三、公开", "2", "", "2"]]]


def test_the_blank_cell_of_a_bare_row_is_printed_as_a_blank_cell() -> None:
    text = pdf_to_text(_zebra())
    assert "\t一、新收\n\t5\n\t\n\t5\n" in text


def test_a_paragraph_after_the_table_is_not_a_row() -> None:
    heading = [Run("四、行政复议和行政诉讼情况说明如下", 100, 826, 9)]
    tables = _tables(_zebra(heading))
    assert tables[0][-1] == ["三、公开", "2", "", "2"]
    assert "四、行政复议和行政诉讼情况说明如下" in pdf_to_text(_zebra(heading))


def test_a_bare_title_row_between_shaded_rows_is_one_cell() -> None:
    items = _row(["项目", "自然人", "法人", "总计"], 920, True) + _row(["第二十条"], 900, False)
    items += _row(["规章", "1", "0", "1"], 880, True)
    assert _tables(text_pdf([items])) == [[["项目", "自然人", "法人", "总计"], ["第二十条"], ["规章", "1", "0", "1"]]]


def test_a_sentence_running_across_the_columns_between_two_shaded_boxes_keeps_them_apart() -> None:
    items = _row(["项目", "自然人", "法人", "总计"], 920, True)
    items += [Run("本表数据截至二零二四年十二月三十一日统计汇总", 104, 886, 9)]
    items += _row(["规章", "1", "0", "1"], 880, True)
    assert len(_tables(text_pdf([items]))) == 2


def test_a_shaded_row_of_one_cell_between_bare_rows_stays_a_row() -> None:
    items = _row(["项目", "自然人", "法人", "总计"], 920, True) + _row(["一、新收", "5", "", "5"], 900, False)
    items += _row(["（一）小计"], 880, True, merged=True) + _row(["二、结转", "1", "0", "1"], 860, False)
    items += _row(["三、公开", "2", "1", "3"], 840, True)
    assert _tables(text_pdf([items])) == [[["项目", "自然人", "法人", "总计"], ["一、新收", "5", "", "5"],
                                           ["（一）小计"], ["二、结转", "1", "0", "1"], ["三、公开", "2", "1", "3"]]]


def test_a_bare_row_whose_label_reaches_left_of_the_shaded_row_above_keeps_it_in_one_cell() -> None:
    """The shaded row above starts right of a label column (its group's label printed once, left of it): the
    bare row's label spans both, one cell."""
    items = _row(["项目", "自然人", "法人", "总计"], 920, True)
    items += [Fill(130, 880, 220, 900)] + [Fill(x0, 880, x1, 900) for x0, x1 in zip(_XS[1:], _XS[2:])]
    items += [Run("小计", 134, 886, 9)] + [Run(t, x + 4, 886, 9) for t, x in zip(["1", "0", "1"], _XS[1:])]
    items += _row(["四、结转下年度", "2", "", "2"], 880, False)
    assert _tables(text_pdf([items]))[0][-2:] == [["小计", "1", "0", "1"], ["四、结转下年度", "2", "", "2"]]


def test_rows_under_a_shaded_header_taller_than_them_are_not_read_as_one_row() -> None:
    """A table without inner rules whose header alone is shaded, its labels wrapped over two lines: the band
    under it as tall as the header holds two bare rows, not one row of stacked numbers (``51`` ``20``)."""
    items: list[Run | Fill] = [Fill(x0, 880, x1, 920) for x0, x1 in zip(_XS, _XS[1:])]
    items += [Run(t, x + 4, 904, 9) for t, x in zip(["项目", "自然人", "法人或", "总计"], _XS)]
    items += [Run("其他组织", _XS[2] + 4, 890, 9)]
    items += [Run(t, x + 4, 866, 9) for t, x in zip(["一、新收", "5", "2", "7"], _XS)]
    items += [Run(t, x + 4, 846, 9) for t, x in zip(["二、结转", "1", "0", "1"], _XS)]
    text = pdf_to_text(text_pdf([items]))
    assert "一、新收\t5\t2\t7\n二、结转\t1\t0\t1\n" in text
    assert "51" not in text and "20" not in text


def _two_rows_between_shaded_rows(first: str, second: str) -> bytes:
    """A shaded caption row, two bare rows parted by a thin black rule (no shading), a shaded row below: as a
    browser prints a table whose captions alone are shaded and whose rows have only horizontal rules."""
    items = _row(["信息内容", "本年处理决定数量", "", ""], 920, True)
    items += [Run("行政处罚", _XS[0] + 4, 886, 9), Run(first, _XS[1] + 4, 886, 9)]
    items += [Fill(_XS[0], 879.6, _XS[-1], 880.4, grey=0.0)]
    items += [Run("行政强制", _XS[0] + 4, 866, 9), Run(second, _XS[1] + 4, 866, 9)]
    items += _row(["第二十条第（八）项"], 860, True, merged=True)
    items += _row(["信息内容", "本年收费金额", "", ""], 840, True)
    return text_pdf([items])


def test_two_bare_rows_between_shaded_rows_are_not_one_row_of_numbers_run_together() -> None:
    """``46`` over ``10`` in one band is two rows, never the one value 4610; nor ``无`` over ``36``."""
    text = pdf_to_text(_two_rows_between_shaded_rows("46", "10"))
    assert "4610" not in text
    assert "46" in text.split("行政处罚")[1].split("行政强制")[0] and "10" in text.split("行政强制")[1]
    text = pdf_to_text(_two_rows_between_shaded_rows("⽆", "36"))
    assert "⽆36" not in text and "无36" not in text
