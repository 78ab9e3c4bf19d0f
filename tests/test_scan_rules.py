"""A scanned ruled table's rules are found in the page image (llm_extract/ingest/scan_rules.py).

A report printed with ruled tables and scanned keeps its grid in the image only; OCR gives text boxes. The
rules are found as long, thin runs of dark pixels (faint grey rules too), and become the line objects a PDF's
ruled table has, so the table is read cell by cell: a blank cell of 表四 stays in its column.
A line of text, however dark or blurred, is no rule.
"""

from __future__ import annotations

import numpy
import pytest

from llm_extract.ingest.pdf_chars import struck_chars
from llm_extract.ingest.pdf_scan import box_chars
from llm_extract.ingest.scan_rules import find_rules, level_image, rule_objects

DPI = 150


def _page(rule_grey: int = 185) -> numpy.ndarray:
    """A 150-dpi page: paper at 245 with a little noise, a 4-row x 5-column grid of 1-pixel rules in
    ``rule_grey`` (faint grey rules as a light-printed form has), and a dark blurred line of text above it."""
    rng = numpy.random.default_rng(7)
    page = numpy.clip(rng.normal(245, 3, (700, 900)), 0, 255)
    page[100:124, 80:800] = 40            # a line of bold text, its characters run together by the blur
    for y in (200, 240, 280, 320, 360):
        page[y, 100:701] = rule_grey
    for x in (100, 250, 400, 550, 700):
        page[200:361, x] = rule_grey
    page[250:265, 170:182] = 30           # a digit in a cell: short strokes
    return page.astype(numpy.uint8)


def test_the_rules_of_a_faint_grid_are_found_and_a_line_of_text_is_none() -> None:
    across, down = find_rules(_page(), DPI)
    assert sorted(round(y) for y, _, _ in across) == [200, 240, 280, 320, 360]
    assert all(x0 <= 101 and x1 >= 699 for _, x0, x1 in across)
    assert sorted(round(x) for x, _, _ in down) == [100, 250, 400, 550, 700]
    assert all(y0 <= 201 and y1 >= 359 for _, y0, y1 in down)


def test_a_page_of_text_alone_has_no_rules() -> None:
    page = _page(rule_grey=245)            # the grid printed in the paper's colour: not there
    assert rule_objects(page, DPI, 72 / DPI, 1, 0.0, 842.0) == []


def test_rules_become_line_objects_in_page_points() -> None:
    lines = rule_objects(_page(), DPI, 72 / DPI, 3, 1684.0, 842.0)
    flat = [ln for ln in lines if ln["top"] == ln["bottom"]]
    assert len(flat) == 5 and len(lines) == 10
    top = min(flat, key=lambda ln: ln["top"])
    assert top["top"] == pytest.approx(96.0) and top["doctop"] == pytest.approx(1780.0)
    assert top["page_number"] == 3 and top["object_type"] == "line"


def test_a_page_scanned_askew_is_levelled_before_its_rules_are_sought() -> None:
    from PIL import Image
    turned = numpy.asarray(Image.fromarray(_page()).rotate(-1.0, resample=Image.BILINEAR, fillcolor=245))
    across, down = find_rules(level_image(turned, numpy.radians(1.0)), DPI)
    assert sorted(round(y) for y, x0, x1 in across if x1 - x0 > 500) == [200, 240, 280, 320, 360]
    assert sorted(round(x) for x, y0, y1 in down if y1 - y0 > 150) == [100, 250, 400, 550, 700]


def test_an_ocr_box_baseline_is_measured_from_the_page_foot_so_a_rule_far_below_strikes_nothing() -> None:
    """A title OCR'd at the top of a page (box 20–40 points from the top) and a rule (as long as the title) 46 points from the
    page's foot: where the glyph's baseline was put at 40 points from the foot, the rule crossed it (the title
    lost two characters as struck through once a scan's rules were read)."""
    title = box_chars("年度报告", 100.0, 20.0, 180.0, 40.0, page_number=1, initial_doctop=0.0, page_height=842.0)
    assert title[0]["matrix"][5] == pytest.approx(802.0)
    assert struck_chars(title, [(95.0, 185.0, 796.0)], 842.0) == set()
    assert struck_chars(title, [(95.0, 185.0, 34.0)], 842.0) == {id(c) for c in title}   # through it: struck


def test_rules_that_leave_two_rows_numbers_in_one_cell_are_not_used() -> None:
    """A rule lost to a noisy scan (JPEG at quality 40, specks) joins two rows' cells: 规章's 0 and 行政规范性文件's
    64 were read as one cell ``064``. A cell of the rules' grid holding two numbers, or a row's label and a
    number, means a rule is missing: the page is read by its text, as without rules."""
    from llm_extract.ingest.scan_rules import cells_fit, grid_fits
    zero, sixty_four = (300.0, 100.0, 306.0, 110.0, "0"), (298.0, 120.0, 310.0, 130.0, "64")
    label = (50.0, 120.0, 120.0, 130.0, "行政规范性文件")
    assert not cells_fit([(280.0, 95.0, 330.0, 135.0)], [zero, sixty_four])
    assert cells_fit([(280.0, 95.0, 330.0, 115.0), (280.0, 115.0, 330.0, 135.0)], [zero, sixty_four])
    assert not cells_fit([(40.0, 115.0, 330.0, 135.0)], [label, sixty_four])
    rules = [{"top": y, "bottom": y, "x0": 40.0, "x1": 330.0} for y in (95.0, 135.0)] + \
            [{"top": 95.0, "bottom": 135.0, "x0": x, "x1": x} for x in (40.0, 280.0, 330.0)]
    assert not grid_fits(rules, [zero, sixty_four])
    assert grid_fits(rules + [{"top": 115.0, "bottom": 115.0, "x0": 40.0, "x1": 330.0}], [zero, sixty_four])


def _grey_paper_page(rule_depth: int) -> numpy.ndarray:
    """The grid of :func:`_page` on grey recycled paper (224, noisy), its rules ``rule_depth`` grey levels below
    the paper and two pixels wide, as a light grey border prints, blurred by a 150-dpi scan."""
    rng = numpy.random.default_rng(11)
    page = numpy.clip(rng.normal(224, 3, (700, 900)), 0, 255)
    page[100:124, 80:800] = 60
    for y in (200, 240, 280, 320, 360):
        page[y:y + 2, 100:702] = 224 - rule_depth
    for x in (100, 250, 400, 550, 700):
        page[200:362, x:x + 2] = 224 - rule_depth
    page[250:265, 170:182] = 50
    return page.astype(numpy.uint8)


def test_light_grey_rules_on_grey_paper_are_found_on_a_second_look() -> None:
    across, down = find_rules(_grey_paper_page(rule_depth=22), DPI)
    assert sorted(round(y) for y, _, _ in across) == [200, 240, 280, 320, 360]
    assert sorted(round(x) for x, _, _ in down) == [100, 250, 400, 550, 700]


def test_grey_paper_without_a_grid_still_has_no_rules() -> None:
    assert rule_objects(_grey_paper_page(rule_depth=0), DPI, 72 / DPI, 1, 0.0, 842.0) == []


def test_a_rule_broken_for_a_few_pixels_is_one_rule() -> None:
    page = _page()
    page[290:298, 250] = 245              # a thin rule broken where a JPEG blotch (or a crossing rule) lies
    _, down = find_rules(page, DPI)
    at_250 = [(y0, y1) for x, y0, y1 in down if round(x) == 250]
    assert len(at_250) == 1 and at_250[0][0] <= 201 and at_250[0][1] >= 359


def test_a_rule_interrupted_for_a_row_stays_two_rules() -> None:
    page = _page()
    page[241:280, 250] = 245              # a merged cell: no side between its two halves for a whole row
    _, down = find_rules(page, DPI)
    assert len([x for x, _, _ in down if round(x) == 250]) == 2
