"""A table printed without rules: a row's numbers set a few points above its one-line label (a row's
rest past a page break, reportlab) come out as a line of their own above the label, where a reader takes
them for the row before; they are put on the label's line (ingest/pdf_offrow.py). Numbers centred
between a wrapped label's two lines are left as they are."""

from __future__ import annotations

from typing import Any

from llm_extract.ingest.pdf_lines import page_text_lines


def _chars(text: str, x0: float, top: float, step: float = 8.0, size: float = 8.0) -> list[dict[str, Any]]:
    return [{"text": t, "x0": x0 + i * step, "x1": x0 + (i + 1) * step, "top": top, "bottom": top + size,
             "size": size} for i, t in enumerate(text)]


def _numbers(values: list[str], top: float) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for k, v in enumerate(values):
        out += _chars(v, 213 + 50 * k, top, step=4.0)
    return out


def _line(chars: list[dict[str, Any]]) -> dict[str, Any]:
    return {"text": "".join(c["text"] for c in chars), "chars": chars, "top": min(c["top"] for c in chars),
            "bottom": max(c["bottom"] for c in chars)}


class _Page:
    """What page_text_lines asks of a pdfplumber page: its lines and its height."""

    height = 842.0

    def __init__(self, lines: list[list[dict[str, Any]]]) -> None:
        self._lines = [_line(chars) for chars in lines]

    def extract_text_lines(self, return_chars: bool, strip: bool) -> list[dict[str, Any]]:
        return self._lines


def _texts(*lines: list[dict[str, Any]]) -> list[str]:
    return [ln.text for ln in page_text_lines(_Page(list(lines)), 3)]


def test_numbers_a_few_points_above_a_one_line_label_are_read_on_its_line() -> None:
    assert _texts(_numbers(["0"] * 7, 82.0), _chars("（六）其他处理", 91, 87.2),
                  _chars("（七）总计", 91, 110.0) + _numbers(["199", "0", "2", "0", "0", "6", "207"], 110.0)) == [
        "（六）其他处理\t0\t0\t0\t0\t0\t0\t0",
        "（七）总计\t199\t0\t2\t0\t0\t6\t207",
    ]


def test_numbers_centred_between_a_wrapped_labels_two_lines_stay_a_line_of_their_own() -> None:
    assert _texts(_chars("3、危及“三安", 142, 519.3), _numbers(["3", "0", "0", "0", "0", "0", "3"], 524.5),
                  _chars("全一稳定”", 142, 529.7)) == [
        "3、危及“三安", "3\t0\t0\t0\t0\t0\t3", "全一稳定”",
    ]


def test_a_label_reaching_past_the_first_number_is_not_joined() -> None:
    assert _texts(_numbers(["5"], 82.0), _chars("一二三四五六七八九十一二三四五六七八", 91, 87.2)) == [
        "5", "一二三四五六七八九十一二三四五六七八",
    ]
