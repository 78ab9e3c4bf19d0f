"""A table printed without rules whose cells are centred vertically: pdfplumber chains the label
columns' wrapped lines, a merged label's stacked characters and the row's numbers into one line
(their tops a few points apart); the page's lines are the printed lines again (ingest/pdf_chained.py)."""

from __future__ import annotations

from typing import Any

from llm_extract.ingest.pdf_chained import unchain
from llm_extract.ingest.pdf_lines import _line_text, _side_by_side, page_text_lines


def _chars(text: str, x0: float, top: float, step: float = 8.0, size: float = 8.0) -> list[dict[str, Any]]:
    return [{"text": t, "x0": x0 + i * step, "x1": x0 + (i + 1) * step,
             "top": top, "bottom": top + size, "size": size} for i, t in enumerate(text)]


def _line(chars: list[dict[str, Any]]) -> dict[str, Any]:
    return {"text": "".join(c["text"] for c in chars), "chars": chars, "top": min(c["top"] for c in chars),
            "bottom": max(c["bottom"] for c in chars)}


def _texts(lines: list[dict[str, Any]]) -> list[str]:
    return [_line_text(line["chars"]) for line in _side_by_side(unchain(lines))]


def _row_of_table3() -> list[dict[str, Any]]:
    """三、本年度办理结果 stacked two characters a line, （三）不予公开's 开, the label 5、属于三类内部事务信息
    wrapped after 内, and the row's numbers 11 0 0 1 0 0 12 centred between: tops 569.9 … 583.3 (reportlab)."""
    chars = (_chars("本年", 77, 569.9) + _chars("度办", 77, 580.3) + _chars("开", 105, 575.1)
             + _chars("5、属于三类内", 142, 572.9) + _chars("部事务信息", 142, 583.3))
    for text, x in (("11", 223), ("0", 271), ("0", 317), ("1", 362), ("0", 408), ("0", 454), ("12", 498)):
        chars += _chars(text, x, 578.1, step=4.0)
    return chars


class _Page:
    """What page_text_lines asks of a pdfplumber page: its lines (as pdfplumber chains them) and height."""

    height = 842.0

    def __init__(self, lines: list[dict[str, Any]]) -> None:
        self._lines = lines

    def extract_text_lines(self, return_chars: bool, strip: bool) -> list[dict[str, Any]]:
        return self._lines


def test_a_line_chaining_several_printed_lines_is_taken_apart_into_them() -> None:
    assert [ln.text for ln in page_text_lines(_Page([_line(_row_of_table3())]), 1)] == [
        "本年 开\t5、属于三类内\t11\t0\t0\t1\t0\t0\t12",
        "度办\t部事务信息",
    ]


def test_without_the_split_the_label_lines_interleave() -> None:
    """What pdfplumber's chained line reads as (the failure the split prevents)."""
    assert "5部、事属务于信三息类内" in _line_text(_row_of_table3())


def test_a_line_with_no_two_characters_at_one_place_is_left_as_it_is() -> None:
    one = _line(_chars("（一）予以公开", 77, 100.0) + _chars("59", 223, 102.0, step=4.0))
    assert unchain([one]) == [one]


def test_a_character_printed_twice_at_one_height_fake_bold_is_left_as_it_is() -> None:
    bold = _chars("总计", 77, 100.0) + _chars("总计", 77.4, 100.0)
    line = _line(bold + _chars("7", 200, 101.0, step=4.0))
    assert unchain([line]) == [line]
