"""Fixed-width text (``pdftotext -layout``): short rows of 表三 placed on the page's grid when the full rows'
cells agree only by an edge (right-aligned numbers of unlike widths), and two short rows one under the other
whose cells share a column read as two rows, not as one row broken over two lines."""

from __future__ import annotations

from llm_extract.extract.columns import page_grid, place_by_characters
from tests.test_pdftotext_layout import _GRID, _at, _filled

#: two full rows, right-aligned: 1200 and 5 end at one column, their centres a column and a half apart
_WIDE = dict(zip(_GRID, ("1200", "1", "0", "0", "0", "0", "1201")))
_NARROW = dict(zip(_GRID, "5100006"))


def test_full_rows_whose_right_edges_agree_place_a_short_row_by_its_right_edges() -> None:
    refs = [_at("（一）予以公开", _WIDE), _at("（二）部分公开", _NARROW)]
    assert page_grid(refs, 7)[2] == "right"
    short = _at("2.重复申请", {_GRID[1]: "0", _GRID[4]: "0", _GRID[6]: "0"})
    assert place_by_characters(short, 3, refs, 7) == [1, 4, 6]
    lines = ["三、收到和处理政府信息公开申请情况", *refs, short, ""]
    assert _filled(lines)[4] == ["blank", "zero", "blank", "blank", "zero", "blank", "zero"]


def test_a_short_row_standing_off_the_right_edges_of_the_full_rows_stays_as_printed() -> None:
    refs = [_at("（一）予以公开", _WIDE), _at("（二）部分公开", _NARROW)]
    short = _at("2.重复申请", {_GRID[1] - 2: "0", _GRID[4]: "0", _GRID[6]: "0"})
    assert place_by_characters(short, 3, refs, 7) is None

