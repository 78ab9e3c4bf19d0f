"""A scanned table's empty-cell marks that OCR read as glyphs (a slash as 1, a dash as 一) are read as marks."""

from __future__ import annotations

import numpy

from llm_extract.ingest.scan_marks import marks_read_as_glyphs, slanted


def _paper(width: int = 60, height: int = 30) -> numpy.ndarray:
    return numpy.full((height, width), 235, dtype=numpy.uint8)


def _slash(img: numpy.ndarray, left: int, top: int = 5, tall: int = 20) -> None:
    """A printed ``/``: from bottom left to top right, leaning 0.4 of a pixel a row."""
    for dy in range(tall):
        x = left + int(round(0.4 * (tall - 1 - dy)))
        img[top + dy, x:x + 2] = 30


def _one(img: numpy.ndarray, left: int, top: int = 5, tall: int = 20) -> None:
    """A printed ``1``: an upright stem, its flag top left, its foot a short bar."""
    img[top:top + tall, left:left + 2] = 30
    img[top + 1, left - 2:left] = 30
    img[top + 2, left - 3:left - 1] = 30
    img[top + tall - 1, left - 3:left + 5] = 30


def _box(x0: float, y0: float, x1: float, y1: float) -> list[tuple[float, float]]:
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


def test_a_slash_leans_and_a_one_stands_upright() -> None:
    slash, one = _paper(), _paper()
    _slash(slash, 20)
    _one(one, 20)
    assert slanted(slash)
    assert not slanted(one)


def test_a_slash_the_engine_read_as_1_is_read_as_the_empty_cells_mark() -> None:
    img = _paper()
    _slash(img, 20)
    assert marks_read_as_glyphs(img, _box(15, 3, 35, 27), "1") == "/"


def test_a_printed_1_stays_1() -> None:
    img = _paper()
    _one(img, 20)
    assert marks_read_as_glyphs(img, _box(14, 3, 30, 27), "1") == "1"


def test_marks_in_one_box_are_relabelled_only_when_every_one_leans() -> None:
    two = _paper(90)
    _slash(two, 15)
    _slash(two, 55)
    assert marks_read_as_glyphs(two, _box(10, 3, 80, 27), "1 1") == "/ /"
    mixed = _paper(90)
    _slash(mixed, 15)
    _one(mixed, 60)
    assert marks_read_as_glyphs(mixed, _box(10, 3, 80, 27), "1 1") == "1 1"


def test_a_lone_yi_is_a_dash_and_any_other_text_is_left_as_recognised() -> None:
    img = _paper()
    assert marks_read_as_glyphs(img, _box(10, 3, 40, 27), "一") == "—"
    assert marks_read_as_glyphs(img, _box(10, 3, 40, 27), "一 一") == "— —"
    assert marks_read_as_glyphs(img, _box(10, 3, 40, 27), "一、总体情况") == "一、总体情况"
    _slash(img, 20)
    assert marks_read_as_glyphs(img, _box(15, 3, 35, 27), "11") == "11"      # a count, not marks
    assert marks_read_as_glyphs(img, _box(15, 3, 35, 27), "7") == "7"
