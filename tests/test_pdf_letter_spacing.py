"""Text drawn glyph by glyph with a letter-spacing reads as the same text set tight.

A producer that places every character itself, with the same gap after each (character spacing),
gives every reader of the text layer ``一 、 本 年 新 收`` and, in a ruled cell, ``2 4`` for 24. The gap
most neighbouring glyphs of a page share is its letter-spacing: part of each glyph's advance, so
only a gap beyond it is a space or a column gap, in the page's lines and in its ruled cells. A page
set tight, or with the uneven gaps of justified lines, has none and reads as before.
"""

from __future__ import annotations

import pytest

pytest.importorskip("pdfplumber")

import io  # noqa: E402

import pdfplumber  # noqa: E402

from llm_extract.ingest.pdf import pdf_to_text  # noqa: E402
from llm_extract.ingest.pdf_spacing import letter_spacing  # noqa: E402
from llm_extract.ingest.pdf_tables import read_tables  # noqa: E402
from tests.pdf_text_layer import Rule, Run, text_pdf, width  # noqa: E402
from tests.test_pdf_chars import lines, reads_as_the_report  # noqa: E402,F401  (the fixture and its check)


def spaced(runs: list[Run], spacing: float) -> list[Run]:
    """Each run drawn a glyph at a time, ``spacing`` points after every glyph."""
    out = []
    for run in runs:
        x = run.x
        for ch in run.text:
            out.append(Run(ch, x, run.y, run.size))
            x += width(ch, run.size) + spacing
    return out


def spaced_lines(lines: list[str], spacing: float, size: float = 9.0, gap: float = 3.0) -> list[Run]:
    """``lines`` top to bottom (a tab a gap of ``gap`` font sizes, as :func:`lines_runs` prints them), every
    glyph drawn on its own, ``spacing`` points after each."""
    runs = []
    for i, line in enumerate(lines):
        x, y = 30.0, 960 - i * 13.0
        for part in line.split("\t"):
            runs += spaced([Run(part, x, y, size)], spacing)
            x += width(part, size) + len(part) * spacing + gap * size
    return runs


@pytest.mark.parametrize("spacing", [3.0, 4.2, 7.5])
def test_a_letter_spaced_report_reads_as_the_report_set_tight(lines: list[str], spacing: float) -> None:
    reads_as_the_report(text_pdf([spaced_lines(lines, spacing)]), lines)


def _page(data: bytes):
    return pdfplumber.open(io.BytesIO(data)).pages[0]


def test_a_letter_spaced_number_in_a_ruled_cell_is_one_number() -> None:
    prose = [Run("根据中华人民共和国政府信息公开条例规定现公布本机关年度报告全文包括总体情况", 30, 960 - 14 * i, 10)
             for i in range(3)]
    cells = [Run("行政处罚", 34, 900, 10), Run("24", 134, 900, 10), Run("1305", 204, 900, 10)]
    rules = [Rule(30, 915, 270, 915), Rule(30, 895, 270, 895),
             Rule(30, 895, 30, 915), Rule(130, 895, 130, 915), Rule(200, 895, 200, 915), Rule(270, 895, 270, 915)]
    page = _page(text_pdf([spaced(prose + cells, 4.0) + rules]))
    assert letter_spacing(page.chars) == pytest.approx(4.0, abs=0.1)
    (table,) = read_tables(page, 1, letter_spacing(page.chars))
    assert [c.text for c in table.rows[0]] == ["行政处罚", "24", "1305"]
    (table,) = read_tables(page, 1)                                   # read without it: three words, two numbers
    assert [c.text for c in table.rows[0]] == ["行 政 处 罚", "2 4", "1 3 0 5"]


def test_a_page_set_tight_or_justified_has_no_letter_spacing() -> None:
    text = "根据中华人民共和国政府信息公开条例规定现公布本机关年度报告全文包括总体情况"
    assert letter_spacing(_page(text_pdf([[Run(text, 30, 960 - 14 * i, 10) for i in range(3)]])).chars) == 0.0
    justified = [r for i in range(6) for r in spaced([Run(text[:20], 30, 960 - 14 * i, 10)], 0.3 * i)]
    assert letter_spacing(_page(text_pdf([justified])).chars) == 0.0
    assert letter_spacing(_page(text_pdf([spaced([Run(text[:10], 30, 960, 10)], 4.0)])).chars) == 0.0   # too few


def test_column_gaps_stay_tabs_in_a_letter_spaced_page() -> None:
    prose = "根据中华人民共和国政府信息公开条例规定现公布本机关年度报告全文包括总体情况"
    runs = spaced_lines(["行政许可\t3150", "行政处罚\t12", prose], 3.0)
    assert pdf_to_text(text_pdf([runs])).split("\n")[:3] == ["行政许可\t3150", "行政处罚\t12", prose]


def test_a_page_too_short_to_tell_is_set_as_the_page_before_it() -> None:
    prose = "根据中华人民共和国政府信息公开条例规定现公布本机关年度报告全文包括总体情况"
    first = spaced_lines([prose, prose], 4.0)
    last = spaced_lines(["行政处罚\t24", "行政强制\t105"], 4.0)
    assert pdf_to_text(text_pdf([first, last])).split("\n")[2:4] == ["行政处罚\t24", "行政强制\t105"]
    assert pdf_to_text(text_pdf([spaced_lines([prose, prose], 0.0), last])).split("\n")[2:4] == \
        ["行 政 处 罚\t2 4", "行 政 强 制\t1 0 5"]                 # a tight document: nothing to go by
