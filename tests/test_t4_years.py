"""表四 printed for two years: two rows of fifteen cells, each led by the year it counts (2022年 / 2023年, 上年度 /
本年度). The report's year's row alone holds its cells; the other year's row, though every group's sum holds in it
too, is never read as this year's."""

from __future__ import annotations

import pytest

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import REVIEW_COLUMNS

_GROUPS = ("administrative_review", "litigation_direct", "litigation_after_review")
_HEADER = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3
_LAST = ["0", "0", "3", "0", "3", "1", "1", "1", "3", "6", "0", "3", "3", "0", "6"]
_THIS = ["5", "1", "0", "2", "8"] + ["0"] * 10


def _report(table: list[str], year: int = 2023) -> str:
    return "\n".join([f"青山区人民政府{year}年政府信息公开工作年度报告", "", "二、主动公开政府信息情况",
                      "第二十条第（五）项", "信息内容\t本年处理决定数量", "行政许可\t45", "",
                      "四、政府信息公开行政复议、行政诉讼情况", "行政复议\t\t\t\t\t行政诉讼",
                      "\t\t\t\t\t未经复议直接起诉\t\t\t\t\t复议后起诉", *table, "",
                      "五、存在的主要问题及改进情况", "无。", ""])


def _table4(text: str):
    record = process_document(Document.from_text(text, doc_id="t4-years"))
    values = record.report.values()
    return ({g: [values[f"review_litigation.{g}.{c}"] for c in REVIEW_COLUMNS] for g in _GROUPS},
            {record.provenance[f"review_litigation.{g}.{c}"].status for g in _GROUPS for c in REVIEW_COLUMNS})


_EXPECTED = {"administrative_review": [5, 1, 0, 2, 8], "litigation_direct": [0] * 5,
             "litigation_after_review": [0] * 5}


@pytest.mark.parametrize("table", [
    ["\t".join(_HEADER), "\t".join(["2022年"] + _LAST), "\t".join(["2023年"] + _THIS)],
    ["\t".join(_HEADER), "\t".join(["本年度"] + _THIS), "\t".join(["上年度"] + _LAST)],
    ["| " + " | ".join(_HEADER) + " |", "|" + "---|" * 15, "| 2022年 | " + " | ".join(_LAST) + " |",
     "| 2023年 | " + " | ".join(_THIS) + " |"],
    ["  ".join(_HEADER), "上年度    " + "".join(v.rjust(6) for v in _LAST), "本年度    " + "".join(v.rjust(6) for v in _THIS)],
    [*("\t" + h for h in _HEADER), "", "\t2022年", *("\t" + v for v in _LAST), "", "\t2023年", *("\t" + v for v in _THIS)],
], ids=["tabs", "relative-words", "pipes", "fixed-width", "one-cell-a-line"])
def test_the_reports_years_row_is_read_and_the_other_years_is_not(table: list[str]) -> None:
    values, statuses = _table4(_report(table))
    assert values == _EXPECTED
    assert statuses == {Status.PROVEN}


def test_the_other_years_numbers_are_never_read_where_the_reports_row_prints_dashes() -> None:
    """This year's row all dashes (no case): its cells are blank, not last year's numbers."""
    values, _ = _table4(_report(["\t".join(_HEADER), "\t".join(["2022年"] + _LAST), "\t".join(["2023年"] + ["-"] * 15)]))
    assert values == {g: [None] * 5 for g in _GROUPS}


def test_rows_of_years_the_report_is_not_of_leave_the_table_unread() -> None:
    """Two rows, neither the report's year (2024's report printing 2022 and 2023): no row is read."""
    values, statuses = _table4(_report(["\t".join(_HEADER), "\t".join(["2022年"] + _LAST),
                                        "\t".join(["2023年"] + _THIS)], year=2024))
    assert values == {g: [None] * 5 for g in _GROUPS}
    assert Status.PROVEN not in statuses


@pytest.mark.parametrize("table", [
    [*("行政复议\t\t\t\t\t行政诉讼", "\t".join(_HEADER), "\t".join(["-"] * 15)), "上年度（2022年）",
     *("行政复议\t\t\t\t\t行政诉讼", "\t".join(_HEADER), "\t".join(_LAST))],
    ["2022年：", "\t".join(_HEADER), "\t".join(_LAST), "2023年：", "\t".join(_HEADER), "\t".join(["-"] * 15)],
    ["\t".join(_HEADER), "\t".join(["（2022年）"] + _LAST), "\t".join(["（2023年）"] + ["-"] * 15)],
    ["\t".join(_HEADER), "\t".join(["-"] * 15), "\t".join(["2022年同期"] + _LAST)],
], ids=["table-after-a-heading", "tables-under-year-lines", "bracketed-years", "last-years-row-alone-labelled"])
def test_another_years_table_or_row_is_never_read_whatever_its_labels_look_like(table: list[str]) -> None:
    """Last year's cells under or after a label naming that year (a heading before its own table, 上年度（2022年）; a
    row's bracketed year; 2022年同期 after an unlabelled row of the report's): the report's cells are its dashes."""
    values, _ = _table4(_report(table))
    assert values == {g: [None] * 5 for g in _GROUPS}


def test_the_reports_row_keeps_its_empty_fields_places_once_its_year_is_taken_out() -> None:
    """``2023年⇥1⇥5⇥0⇥1⇥7⇥⇥⇥⇥⇥⇥0⇥2⇥5⇥5⇥12``: sixteen tab fields, the first the year; without it, fifteen fields whose
    empty ones are blank cells in their places (未经复议直接起诉 blank), not a row of ten numbers for fifteen cells."""
    this = ["1", "5", "0", "1", "7"] + [""] * 5 + ["0", "2", "5", "5", "12"]
    values, statuses = _table4(_report(["\t".join(_HEADER), "\t".join(["2022年"] + _LAST), "\t".join(["2023年"] + this)]))
    assert values == {"administrative_review": [1, 5, 0, 1, 7], "litigation_direct": [None] * 5,
                      "litigation_after_review": [0, 2, 5, 5, 12]}
    assert statuses == {Status.PROVEN}


def test_the_other_years_row_is_not_read_by_a_later_reader_where_the_reports_row_prints_nothing() -> None:
    """Fixed-width text whose 本年度 row prints no mark at all (its cells blank, spaces only) under 上年度's numbers:
    the region reader reads no cell, and no later reader of the lines (PDF text's blocks) takes 上年度's row either."""
    values, statuses = _table4(_report(["  ".join(_HEADER), "上年度    " + "".join(v.rjust(6) for v in _LAST),
                                        "本年度    "]))
    assert values == {g: [None] * 5 for g in _GROUPS}
    assert Status.PROVEN not in statuses
