"""A page whose content is drawn a quarter turn, the page saying nothing of it, reads turned back.

A scanner's or printer's driver prints a landscape table on a portrait page by drawing it turned 90°
without a /Rotate entry: read as it lies, every printed line is a column of single characters. When
most of a page's characters run a quarter turn the same way, the page is read as a viewer turning it
shows it; a few turned characters on an upright page (a vertical header) leave it as it is.
"""

from __future__ import annotations

import pytest

pytest.importorskip("pdfplumber")

import io  # noqa: E402

import pdfplumber  # noqa: E402

from llm_extract.ingest.pdf import pdf_to_text  # noqa: E402
from llm_extract.ingest.pdf_turned import quarter_turn  # noqa: E402
from tests.pdf_text_layer import Run, lines_runs, text_pdf  # noqa: E402
from tests.test_pdf_chars import lines, reads_as_the_report  # noqa: E402,F401  (the fixture and its check)

WIDTH, HEIGHT = 700.0, 1000.0             # the page the report is laid out on (text_pdf's default)


def turned(runs: list[Run], angle: float) -> list[Run]:
    """``runs`` laid out on a WIDTH × HEIGHT page, drawn turned by ``angle`` (90: anticlockwise, -90:
    clockwise) on a HEIGHT × WIDTH page."""
    if angle == 90:
        return [Run(r.text, HEIGHT - r.y, r.x, r.size, angle=90) for r in runs]
    return [Run(r.text, r.y, WIDTH - r.x, r.size, angle=-90) for r in runs]


@pytest.mark.parametrize("angle", [90, -90])
def test_a_report_drawn_a_quarter_turn_reads_as_the_report(lines: list[str], angle: float) -> None:
    reads_as_the_report(text_pdf([turned(lines_runs(lines), angle)], size=(HEIGHT, WIDTH)), lines)


def test_a_turned_page_among_upright_ones_is_read_turned_back() -> None:
    upright = lines_runs(["根据中华人民共和国政府信息公开条例规定", "行政许可\t3150"])
    data = text_pdf([upright, turned(lines_runs(["行政处罚\t12", "行政强制\t7"]), 90)], size=(WIDTH, HEIGHT))
    assert pdf_to_text(data).split("\n") == ["根据中华人民共和国政府信息公开条例规定", "行政许可\t3150",
                                             "行政处罚\t12", "行政强制\t7", ""]


def _chars(runs: list[Run]) -> list[dict]:
    return pdfplumber.open(io.BytesIO(text_pdf([runs]))).pages[0].chars


def test_a_few_turned_characters_on_an_upright_page_do_not_turn_it() -> None:
    runs = [Run("行政许可", 30, 900, 9), Run("3150", 150, 900, 9), Run("总计", 400, 700, 9, angle=90)]
    assert quarter_turn(_chars(runs)) == 0
    assert quarter_turn(_chars(turned(runs, 90))) == 90
    assert quarter_turn(_chars(turned(runs, -90))) == 270
    assert quarter_turn(_chars([Run("样稿", 60, 895, 60, angle=35)])) == 0     # a diagonal watermark
