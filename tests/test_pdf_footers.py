"""A page number printed under one page only is furniture, not a cell of the table above it.

A spreadsheet's print numbers one sheet's last page (``5``) and no other: it does not recur at one height,
so it was read as text, and 表四's fifteen cells read ``0 0 0 0 0 5``, 表二's fee ``16471.23 1``. A bare
number that is its page's last line, in the bottom margin, far below everything else on the page, is a
page number; a number right under the row before it, or higher on the page, is a value.
"""

from __future__ import annotations

import pytest

from llm_extract.ingest.pdf_footers import lone_page_numbers
from llm_extract.ingest.pdf_lines import TextLine

_HEIGHT = 842.0


def _line(text: str, top: float) -> TextLine:
    return TextLine(text, 7, top, top + 10, _HEIGHT)


def test_a_bare_number_far_below_the_table_at_the_foot_of_the_page_is_its_page_number() -> None:
    lines = [_line("四、政府信息公开行政复议、行政诉讼情况", 70), _line("5", 794)]
    assert [ln.text for ln in lone_page_numbers(lines, [150.0])] == ["5"]


@pytest.mark.parametrize("lines", [
    [_line("行政强制", 770), _line("5", 784)],                        # right under the row before it
    [_line("行政强制", 70), _line("5", 400)],                         # in the middle of the page
    [_line("行政强制", 70), _line("5 0", 794)],                       # two numbers: a row of values
    [_line("行政强制", 70), _line("第5页", 794), _line("3", 600)],      # not a bare number
])
def test_a_number_near_the_row_before_it_or_inside_the_page_is_a_value(lines: list[TextLine]) -> None:
    assert lone_page_numbers(lines, []) == []


def test_a_table_reaching_down_to_the_number_keeps_it() -> None:
    assert lone_page_numbers([_line("表四", 70), _line("5", 794)], [790.0]) == []


pytest.importorskip("pdfplumber")


def test_a_pdf_page_numbered_alone_reads_without_its_number() -> None:
    from llm_extract.ingest.pdf import pdf_to_text
    from tests.pdf_text_layer import Run, text_pdf

    page = [Run("行政事业性收费", 40, 900, 10), Run("16471.23", 200, 900, 10), Run("1", 290, 20, 10)]
    text = pdf_to_text(text_pdf([page], size=(595, 1000)))
    assert "16471.23" in text and "\n1\n" not in "\n" + text
