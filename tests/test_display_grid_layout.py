"""Fixed-width text of a 表三 padded by display width (a CJK character two columns), as a text tool that
draws the page does: every row's cells stand at the same display columns whatever its label's length, so
that in pdftotext's character grid (a CJK character one column) the rows disagree by their labels' lengths::

    一、本年新收政府信息公开申请数量        21    1    1    0    0    0   23
    （一）予以公开                          11    0    0    0    0    0   11
    2.其他法律行政法规禁止公开               0    0    0    0    0    0
    5.属于三类内部事务信息                        0    0    0    0    0    0

Evenly spaced 0s fit several runs of columns by their spacing alone; where they stand on the page's display
grid tells which (when the page's full rows agree only there: a page padded by characters is placed in
pdftotext's character grid, as before).
"""

from __future__ import annotations

import unicodedata

from tests.test_pdftotext_layout import _filled

#: where each of 表三's seven columns ends, in display columns
_ENDS = (48, 57, 66, 75, 84, 93, 102)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _shown(label: str, cells: dict[int, str]) -> str:
    """A line padded by display width: each cell ending at its column of ``_ENDS``."""
    line = label
    for col, raw in sorted(cells.items()):
        line += " " * (_ENDS[col] - len(raw) - _width(line)) + raw
    return line


def _page(*rows: str) -> list[str]:
    full = {c: raw for c, raw in enumerate(("21", "1", "1", "0", "0", "0", "23"))}
    granted = {c: raw for c, raw in enumerate(("11", "0", "0", "0", "0", "0", "11"))}
    return ["三、收到和处理政府信息公开申请情况", _shown("一、本年新收政府信息公开申请数量", full),
            _shown("（一）予以公开", granted), *rows, ""]


def test_evenly_spaced_zeros_go_to_the_columns_they_stand_on_in_the_pages_display_grid() -> None:
    lines = _page(_shown("2.其他法律行政法规禁止公开", {c: "0" for c in range(6)}),
                  _shown("5.属于三类内部事务信息", {c: "0" for c in (1, 2, 3, 4, 5, 6)}))
    assert _filled(lines)[4] == ["zero"] * 6 + ["blank"]
    assert _filled(lines)[5] == ["blank"] + ["zero"] * 6


def test_a_row_broken_over_two_lines_its_cells_in_columns_apart_is_not_placed() -> None:
    """0 0 in columns 0 and 1, the row's five others on the next line: one row's seven cells, left as printed."""
    lines = _page(_shown("2.重复申请", {0: "0", 1: "0"}),
                  _shown("3.要求提供公开出版物", {c: "0" for c in range(2, 7)}))
    assert len(_filled(lines)[4]) == 2


def test_rows_agreeing_in_neither_grid_place_nothing_by_where_the_cells_stand() -> None:
    """The full rows' cells two columns apart in both grids: no grid of the page, the zeros left as printed."""
    lines = _page(_shown("2.其他法律行政法规禁止公开", {c: "0" for c in range(6)}))
    lines[2] = "  " + lines[2]         # (one full row shifted: its cells two columns off the other's)
    assert len(_filled(lines)[4]) == 6
