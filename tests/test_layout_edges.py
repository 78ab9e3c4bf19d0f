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


def test_two_short_rows_whose_cells_share_a_column_are_two_rows_each_placed() -> None:
    """Four zeros over three (seven, a whole row's count), but both have a cell in columns 2 and 5: one row prints
    one cell a column, so these are two rows (1.属于国家秘密, 2.其他法律行政法规禁止公开), not one row's two pieces."""
    lines = ["三、收到和处理政府信息公开申请情况", _at("（一）予以公开", _NARROW), _at("（二）部分公开", _NARROW),
             _at("1.属于国家秘密", {_GRID[1]: "0", _GRID[2]: "0", _GRID[4]: "0", _GRID[5]: "0"}),
             _at("2.其他法律行政法规禁止公开", {_GRID[1]: "0", _GRID[4]: "0", _GRID[6]: "0"}), ""]
    filled = _filled(lines)
    assert filled[4] == ["blank", "zero", "zero", "blank", "zero", "zero", "blank"]
    assert filled[5] == ["blank", "zero", "blank", "blank", "zero", "blank", "zero"]


def test_two_short_rows_sharing_a_column_but_not_zeros_alone_stay_as_printed() -> None:
    """A number other than 0: the two lines may be two rows' cells interleaved, and a misplaced number is no
    zero trading places with a blank."""
    lines = ["三、收到和处理政府信息公开申请情况", _at("（一）予以公开", _NARROW), _at("（二）部分公开", _NARROW),
             _at("1.属于国家秘密", {_GRID[1]: "0", _GRID[2]: "0", _GRID[4]: "0", _GRID[5]: "0"}),
             _at("2.其他法律行政法规禁止公开", {_GRID[1]: "2", _GRID[4]: "0", _GRID[6]: "2"}), ""]
    filled = _filled(lines)
    assert len(filled[4]) == 4 and len(filled[5]) == 3
