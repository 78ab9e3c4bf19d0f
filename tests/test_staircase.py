"""表三 rows printed as a staircase (``pdftotext``'s default mode): each row's first cells after its label, the
rest of those rows' cells after the last of them, row after row. Read where the counts fit exactly and every
row's sum holds; the run's split between rows is the tool's order: never proven but for order-free cells."""

from __future__ import annotations

from llm_extract.evidence import Method
from llm_extract.extract.staircase import read_staircase
from llm_extract.form import FORM

_ROWS = [r.key for r in FORM.table3_rows]
_LABELS = [r.label for r in FORM.table3_rows]
_COLS = [c.key for c in FORM.table3_columns]
_TOP = {"new_received": [55, 0, 0, 0, 2, 0, 57], "carried_over": [6, 0, 0, 0, 0, 0, 6],
        "granted": [41, 0, 0, 1, 0, 0, 42], "partially_granted": [4, 0, 0, 0, 0, 0, 4],
        "denied_state_secret": [0, 0, 0, 0, 0, 0, 0]}


def _text(prefixes: tuple[int, ...] = (4, 3, 2, 1, 0), headers: bool = True) -> list[str]:
    lines = ["2022年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况", "自然人", "商业企业"]
    rest: list[str] = []
    for (row, cells), p in zip(_TOP.items(), prefixes):
        lines += [_LABELS[_ROWS.index(row)], ""] + [x for v in cells[:p] for x in (str(v), "")]
        rest += [x for v in cells[p:] for x in (str(v), "")]
    lines += (["其他", "", "总计", ""] if headers else []) + rest
    lines += [_LABELS[5], "0", "0", "0", "0", "0", "0", "0", "四、政府信息公开行政复议、行政诉讼情况"]
    return lines


def test_each_rows_first_cells_after_its_label_and_the_rest_after_the_staircase() -> None:
    readings = read_staircase(_text())
    assert readings is not None
    for row, cells in _TOP.items():
        assert [readings[f"applications.{row}.{c}"].value for c in _COLS] == cells, row
    assert all(r.method == Method.FORM_ORDER_RUNS for r in readings.values())
    assert "applications.denied_prohibited_by_law.natural_person" not in readings


def test_a_run_of_another_count_or_a_row_sum_broken_leaves_the_rows_unread() -> None:
    lines = _text()
    at = len(lines) - 9
    assert read_staircase(lines[:at] + ["0", ""] + lines[at:]) is None         # one number too many
    lines[lines.index("57")] = "58"                                            # 一、's total no longer its sum
    assert read_staircase(lines) is None


def test_a_row_with_its_seven_cells_right_after_its_label_ends_no_staircase() -> None:
    assert read_staircase(_text(headers=False)) is None     # (1. and 25 numbers: its own seven first, or last?)


def test_first_cells_not_fewer_row_after_row_down_to_none_are_no_staircase() -> None:
    assert read_staircase(_text(prefixes=(4, 3, 2, 1, 0))) is not None
    assert read_staircase(_text(prefixes=(4, 4, 2, 1, 0))) is None      # (rows short of an unprinted blank look so)
    assert read_staircase(_text(prefixes=(4, 3, 2, 1, 1))) is None      # (the last row's cells all in the run)
