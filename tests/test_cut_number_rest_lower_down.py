"""A number cut inside its wrapped box, its rest printed a line or two lower: a fixed-width text whose spaces became
tabs (``4,758`` wrapped as ``4,75`` over ``8``, the row's wrapped label between them)::

    （二）部分公开（区分
    \t4,75\t4,75
    理结果  处理的，只计这一情\t0\t0\t0\t0\t0
    \t8\t8
    形，不计其他情形）

``4,75`` (a thousands group of two digits) is never a whole number: it and the line where its digits go on are a cut
number's, and the row's cells read around them (``0 0 0 0 0 8 8``, which adds up) are no reading: left unread.
"""

from __future__ import annotations

from llm_extract.evidence import Reading
from llm_extract.extract.cutnumbers import cut_number_lines, without_cut_numbers
from llm_extract.extract.readings import reading
from llm_extract.extract.cells import parse_cell

LINES = ["（一）予以公开\t0\t0\t61\t0\t122\t0\t183",
         "（二）部分公开（区分",
         "\t4,75\t4,75",
         "理结果  处理的，只计这一情\t0\t0\t0\t0\t0",
         "\t8\t8",
         "形，不计其他情形）",
         "1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0"]


def test_a_short_thousands_group_and_the_line_its_digits_go_on_are_a_cut_numbers() -> None:
    assert cut_number_lines(LINES, 1, 8) == {3: "475", 5: "475"}


def test_a_short_thousands_group_with_no_digits_below_it_cuts_nothing() -> None:
    assert cut_number_lines(["行政许可", "\t4,75", "形，不计其他情形）", "说明文字", "再一行", "1.属于国家秘密"], 1, 7) == {}


def test_the_rows_cells_read_around_a_cut_number_are_left_unread() -> None:
    readings: dict[str, Reading] = {
        "applications.partially_granted.natural_person": reading(parse_cell("0"), [2, 4], "cells-after-label"),
        "applications.partially_granted.total": reading(parse_cell("8"), [2, 5], "cells-after-label"),
        "applications.granted.total": reading(parse_cell("183"), [1, 1], "cells-after-label"),
    }
    without_cut_numbers(readings, cut_number_lines(LINES, 1, 8))
    assert readings["applications.partially_granted.natural_person"].missing
    assert readings["applications.partially_granted.total"].missing
    assert readings["applications.granted.total"].value == 183
