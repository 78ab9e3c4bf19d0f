"""PDF text layers written by other producers read character for character as the page shows them.

Each report here is the text of ``family-unruled.pdf`` (a Word-exported report whose tables have no
rules) drawn again glyph by glyph by :mod:`tests.pdf_text_layer`, with one quirk of the text layer:
every glyph drawn twice a fraction of a point apart (fake bold), a watermark across the page, a font
whose ToUnicode map names Kangxi radicals and compatibility ideographs, one glyph standing for two
characters (a ligature). Each reads exactly as the same text drawn plainly, and as the report's values
with every field proven.
"""

from __future__ import annotations

import io
import json
import unicodedata
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from pdfplumber.utils import dedupe_chars

from llm_extract.evidence import Status
from llm_extract.ingest import load_bytes
from llm_extract.ingest.pdf import pdf_to_text
from llm_extract.ingest.pdf_chars import unique_chars
from llm_extract.ingest.pdf_fast import stock
from llm_extract.ingest.radicals import fold_radicals
from llm_extract.pipeline import process_document
from llm_extract.schema import Report
from tests.pdf_text_layer import Rule, Run, lines_runs, text_pdf, width

PDFS = Path(__file__).parent / "fixtures" / "pdf"
STEM = "family-unruled"


@pytest.fixture(scope="module")
def lines() -> list[str]:
    """The report's printed lines, column gaps as tabs."""
    return pdf_to_text((PDFS / f"{STEM}.pdf").read_bytes()).strip("\n").split("\n")


def expected() -> Report:
    data = json.loads((PDFS / f"{STEM}.json").read_text(encoding="utf-8"))
    return Report.model_validate({k: v for k, v in data.items() if k in Report.model_fields})


def read(data: bytes) -> tuple[str, Any]:
    doc = load_bytes(data, doc_id="x", path="x.pdf", suffix=".pdf")
    return doc.text, process_document(doc)


def reads_as_the_report(data: bytes, lines: list[str]) -> None:
    text, record = read(data)
    assert text.strip("\n").split("\n") == lines
    assert record.report.values() == expected().values()
    assert {p: v.status for p, v in record.provenance.items() if v.status != Status.PROVEN} == {}
    with stock():                                         # pdfminer and pdfplumber as shipped read the same
        assert load_bytes(data, doc_id="x", path="x.pdf", suffix=".pdf").text == text


def test_the_report_drawn_plainly_by_another_producer_reads_as_the_word_export(lines: list[str]) -> None:
    reads_as_the_report(text_pdf([lines_runs(lines)]), lines)


# --- a run in another font on the same printed line ------------------------------------------------------

def title_with_offset_year(title: str, size: float, drop: float) -> list[Run]:
    """The title drawn as Word draws a Chinese title with its year in a Latin font: three runs on one line,
    the year ``drop`` points lower (its font's own ascent)."""
    at = title.index("20")
    before, year, after = title[:at], title[at:at + 4], title[at + 4:]
    x, y = 30.0, 970.0
    return [Run(before, x, y, size), Run(year, x + width(before, size), y - drop, size),
            Run(after, x + width(before + year, size), y, size)]


@pytest.mark.parametrize("drop", [-5.0, 2.0, 5.0, 8.0])
def test_a_title_s_year_set_a_few_points_off_its_line_stays_in_the_title(lines: list[str], drop: float) -> None:
    # the year became a line of its own between two halves of the title: agency and year not read
    runs = title_with_offset_year(lines[0], 22, drop) + lines_runs(lines[1:], top=930)
    reads_as_the_report(text_pdf([runs]), lines)


def test_two_rows_of_an_unruled_table_stay_two_lines() -> None:
    runs = [Run("行政许可", 30, 900, 9), Run("3150", 150, 900, 9), Run("行政处罚", 30, 889, 9), Run("12", 150, 889, 9)]
    assert pdf_to_text(text_pdf([runs])).split("\n")[:2] == ["行政许可\t3150", "行政处罚\t12"]


# --- fake bold -------------------------------------------------------------------------------------------

def bold(runs: list[Run], offset: float = 0.3) -> list[Run]:
    return [r for run in runs for r in (run, Run(run.text, run.x + offset, run.y, run.size))]


def test_every_glyph_drawn_twice_a_fraction_of_a_point_apart_is_read_once(lines: list[str]) -> None:
    # Word/WPS "bold" for a CJK font without a bold face: read as drawn, 2 became 22 (proven: a doubled
    # digit multiplies every single-digit value by 11 and the sums still hold)
    reads_as_the_report(text_pdf([bold(lines_runs(lines))]), lines)


@pytest.mark.parametrize("size", [5.0, 9.0, 12.0])
def test_equal_digits_side_by_side_stay_two_digits_and_only_the_copy_over_a_glyph_goes(size: float) -> None:
    runs = [Run("11", 30, 900, size), Run("22", 30 + 4 * size, 900, size), Run("1100", 30 + 8 * size, 900, size)]
    plain = pdf_to_text(text_pdf([runs]))
    assert plain.split() == ["11", "22", "1100"]
    assert pdf_to_text(text_pdf([bold(runs, 0.3)])) == plain
    assert pdf_to_text(text_pdf([bold(runs, 0.8)])) == plain


def test_duplicates_are_the_ones_pdfplumbers_dedupe_chars_finds_on_every_fixture_page(lines: list[str]) -> None:
    files = [p.read_bytes() for p in sorted(PDFS.glob("*.pdf")) if p.stem != "locked" and not p.stem.startswith("scanned")]
    files.append(text_pdf([bold(lines_runs(lines), 0.3), bold(lines_runs(lines[:20]), 0.9)]))
    pages = 0
    for data in files:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                chars = page.chars
                assert [id(c) for c in unique_chars(chars)] == [id(c) for c in dedupe_chars(chars, tolerance=1)]
                pages += 1
    assert pages > 20


# --- watermarks ------------------------------------------------------------------------------------------

def watermark(text: str, angle: float = 35, size: float = 48, grey: float = 0.8) -> list[Run]:
    return [Run(text, 80 + k * 40, 150 + k * 300, size, angle, grey) for k in range(3)]


@pytest.mark.parametrize("mark", ["2021年12月31日", "仅供参考"])
@pytest.mark.parametrize("first", [True, False])
def test_a_watermark_drawn_diagonally_across_the_page_is_not_read(lines: list[str], mark: str, first: bool) -> None:
    # its digits landed in the cells and the title (the agency read as 年, proven)
    runs = lines_runs(lines)
    reads_as_the_report(text_pdf([watermark(mark) + runs if first else runs + watermark(mark)]), lines)


def test_a_short_last_page_under_a_long_watermark_keeps_its_text() -> None:
    runs = [Run("六、其他需要报告的事项", 30, 900, 9), Run("本年度未收取信息处理费。", 30, 887, 9)]
    text = pdf_to_text(text_pdf([watermark("内部资料 注意保存") + runs]))
    assert text.split() == ["六、其他需要报告的事项", "本年度未收取信息处理费。"]


def test_a_dark_diagonal_stamp_is_not_read_either(lines: list[str]) -> None:
    runs = lines_runs(lines) + watermark("2021年12月31日", angle=-20, size=12, grey=0)
    reads_as_the_report(text_pdf([runs]), lines)


def test_large_light_text_drawn_upright_over_the_page_is_not_read_but_a_large_dark_title_is() -> None:
    runs = [Run("年度报告", 30, 950, 24), Run("行政许可", 30, 900, 9), Run("3150", 150, 900, 9),
            Run("样稿 2022", 60, 895, 60, grey=0.75)]
    assert pdf_to_text(text_pdf([runs])).split("\n")[:2] == ["年度报告", "行政许可\t3150"]


def test_text_turned_a_quarter_turn_is_still_read_on_an_upright_page() -> None:
    # a vertical header cell, a landscape table: turned by 90°, not a watermark
    runs = [Run("行政许可", 30, 900, 9), Run("3150", 150, 900, 9), Run("总计", 400, 700, 9, angle=90)]
    text = pdf_to_text(text_pdf([runs]))
    assert "行政许可\t3150" in text and ("总计" in text or "计总" in text)


def test_a_page_whose_text_is_all_slightly_turned_keeps_it() -> None:
    # an OCR layer over a scan a few tenths of a degree askew: the page's own direction
    runs = [Run("行政许可", 30, 900, 9, angle=0.6), Run("3150", 150, 901, 9, angle=0.6)]
    assert pdf_to_text(text_pdf([runs])).strip() == "行政许可\t3150"


# --- Kangxi radicals and compatibility ideographs ---------------------------------------------------------

def _compatibility(unit: str) -> str:
    """What a font maps a character to: the Kangxi radical or compatibility ideograph standing for it."""
    for block in (range(0x2F00, 0x2FD6), range(0xF900, 0xFB00)):
        for code in block:
            if unicodedata.normalize("NFKC", chr(code)) == unit:
                return chr(code)
    return unit


def test_a_font_mapping_glyphs_to_radicals_and_compatibility_ideographs_reads_as_the_report(lines: list[str]) -> None:
    data = text_pdf([lines_runs(lines)], to_unicode=_compatibility)
    raw = "".join(_compatibility(c) for c in "年度行政不理")
    assert raw == "\uf98e\ufa01\u2f8f政\uf967\uf9e4"       # 年 U+F98E, 度 U+FA01, ⾏ U+2F8F, 不 U+F967, 理 U+F9E4
    reads_as_the_report(data, lines)


def test_every_compatibility_ideograph_folds_to_the_unified_ideograph_it_decomposes_to() -> None:
    for block in (range(0xF900, 0xFB00), range(0x2F800, 0x2FA20), range(0x2F00, 0x2FD6)):
        for code in block:
            folded = unicodedata.normalize("NFKC", chr(code))
            if folded != chr(code):
                assert fold_radicals(chr(code)) == folded, hex(code)
    assert fold_radicals("\uf98e度\ufa0e") == "年度\ufa0e"     # U+FA0E is itself a unified ideograph: kept


# --- ligatures -------------------------------------------------------------------------------------------

def test_one_glyph_standing_for_two_characters_is_read_once(lines: list[str]) -> None:
    # read as 政府政府信息信息公开公开 and 20202121年: labels, title and year lost
    data = text_pdf([lines_runs(lines)], ligatures=("政府", "公开", "信息", "20", "21"))
    reads_as_the_report(data, lines)


def test_a_ligature_keeps_its_place_among_the_glyphs_around_it() -> None:
    runs = [Run("主动公开政府信息", 30, 900, 9), Run("2021", 30 + width("主动公开政府信息", 9) + 27, 900, 9)]
    data = text_pdf([runs], ligatures=("公开", "政府", "20", "21"))
    assert pdf_to_text(data).strip() == "主动公开政府信息\t2021"


# --- tracked changes printed with their markup ------------------------------------------------------------

def marked(runs: list[Run], label: str, digit: str, line_above: float) -> list[Run | Rule]:
    """``runs`` with ``digit`` drawn right before the number after ``label``, a line through it (a deletion,
    ``line_above`` font sizes above the baseline) as Word or LibreOffice print a tracked change."""
    i = next(k for k, run in enumerate(runs) if run.text == label)
    number = runs[i + 1]
    x = number.x - width(digit, number.size)
    y = number.y + line_above * number.size
    return [*runs, Run(digit, x, number.y, number.size), Rule(x, y, number.x, y)]


@pytest.mark.parametrize("label", ["行政许可", "行政处罚"])
def test_a_digit_struck_through_as_a_tracked_deletion_is_not_read(lines: list[str], label: str) -> None:
    # LibreOffice's PDF of a .docx showing its tracked changes: 44~~8~~791 read 448791, proven (表二: no identity)
    reads_as_the_report(text_pdf([marked(lines_runs(lines), label, "9", 0.28)]), lines)


def test_a_line_under_a_digit_is_no_strike_and_the_digit_is_read(lines: list[str]) -> None:
    # an insertion's underline (at or under the baseline) marks text that is the report's
    text = pdf_to_text(text_pdf([marked(lines_runs(lines), "行政许可", "9", -0.1)]))
    assert "行政许可\t90" in text.split("\n")
