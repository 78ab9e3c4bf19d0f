"""A 表三 row whose first line was lost (a crawler's dropped line, a page cut): its label read by its tail only.

Fixed-width or wrapped text prints each row's numbers on its label's first line (``2.申请人逾期 0 0 0 0 0 0 0`` /
``未按收费通知要`` / ``求缴纳费用、行``…). Where that line is lost, what is left of the label (its tail) has no number
after it, as a row printed blank has none: but the numbers were lost with the line, and a blank row is read only from
a label that opens as the form's does (its item number or first words). The row is left to the identities (derived,
marked) or to review, never proven blank."""

from __future__ import annotations

from pathlib import Path

import pytest

from llm_extract import process_document
from llm_extract.evidence import Status
from llm_extract.form import FORM
from llm_extract.ingest import load_bytes

_VALUES = {"new_received": [5, 0, 0, 0, 4, 4, 13], "granted": [4, 0, 0, 0, 4, 4, 12],
           "other_other": [1, 0, 0, 0, 0, 0, 1], "total_processed": [5, 0, 0, 0, 4, 4, 13]}


def _report(lost: str | None = None, blank: str | None = None) -> str:
    """表三 as wrapped text, seven characters of label to a line, the numbers on each label's first line; the row
    ``lost`` without that line, the row ``blank`` printing no number (its label whole)."""
    lines = ["某县人民政府2022年政府信息公开工作年度报告", "", "三、收到和处理政府信息公开申请情况", ""]
    for row in FORM.table3_rows:
        pieces = [row.label[i:i + 7] for i in range(0, len(row.label), 7)]
        numbers = "" if row.key == blank else " " + " ".join(map(str, _VALUES.get(row.key, [0] * 7)))
        lines += ([] if row.key == lost else [pieces[0] + numbers]) + pieces[1:]
    return "\n".join([*lines, "", "四、政府信息公开行政复议、行政诉讼情况", ""]) + "\n"


def _read(text: str):
    return process_document(load_bytes(text.encode("utf-8"), doc_id="t", suffix=".txt"))


@pytest.mark.parametrize("row", ["other_unpaid_fee", "denied_process_info", "unavailable_not_held"])
def test_a_row_whose_first_line_was_lost_is_not_proven_blank(row: str) -> None:
    record = _read(_report(lost=row))
    for column in ("natural_person", "total"):
        path = f"applications.{row}.{column}"
        assert record.provenance[path].status is not Status.PROVEN, path
        assert record.report.values()[path] in (0, None)         # derived 0 (marked), or left to review
    assert record.report.values()["applications.other_other.natural_person"] == 1


def test_a_row_printed_blank_with_its_whole_label_is_still_read_blank() -> None:
    record = _read(_report(blank="other_unpaid_fee"))
    path = "applications.other_unpaid_fee.natural_person"
    assert record.report.values()[path] is None
    assert record.provenance[path].status is Status.PROVEN


def test_a_converter_markdown_whose_row_lost_its_first_line_is_not_read_blank_from_above() -> None:
    """pymupdf4llm's Markdown of a wrapped PDF table (grid rows above, plain text rows below; a page footer between):
    the line ``2.申请人逾期未 0 0 0 0 0 0 0`` is lost, ``按收费通知要`` … ``息公开申请`` stands after the row above's
    label. Read from above, that tail has no number between it and the row above: not a blank row (labels.py), the
    row is derived from the identities (marked), and the rows keep being read beside their labels."""
    text = (Path(__file__).parent / "fixtures" / "damaged" / "md_row_first_line_lost.md").read_text(encoding="utf-8")
    record = process_document(load_bytes(text.encode("utf-8"), doc_id="m", suffix=".md"))
    lost = "applications.other_unpaid_fee.natural_person"
    assert record.provenance[lost].status is not Status.PROVEN
    assert record.report.values()[lost] in (0, None)
    assert record.report.values()["applications.other_other.natural_person"] == 1


def _md_with_copy() -> str:
    return (Path(__file__).parent / "fixtures" / "damaged" / "md_number_line_printed_twice.md").read_text(encoding="utf-8")


def test_a_line_of_numbers_printed_twice_leaves_the_rows_below_it_in_doubt() -> None:
    """pymupdf4llm's Markdown of a PDF whose labels wrap round their rows' numbers; a crawler printed row 4's line
    of numbers twice (``|     | 0 0 | 0 | …`` twice, nothing between). Moved down row by row as a line printed above its
    label, the copy pushed every row below it one row down (the table's identities hold either way: rows of zeros):
    the rows from there on are queued, never proven one row off."""
    record = process_document(load_bytes(_md_with_copy().encode("utf-8"), doc_id="m", suffix=".md"))
    values = record.report.values()
    for row, truth in (("denied_process_info", 1), ("denied_enforcement_file", 0)):
        path = f"applications.{row}.other_org"
        assert record.provenance[path].status is not Status.PROVEN, path
        assert values[path] in (truth, None), path


def test_the_same_table_printed_once_is_proven() -> None:
    lines = _md_with_copy().split("\n")
    twice = next(i for i in range(len(lines) - 1) if lines[i] == lines[i + 1] and "| 0 0 |" in lines[i])
    text = "\n".join(lines[:twice] + lines[twice + 1:])
    record = process_document(load_bytes(text.encode("utf-8"), doc_id="m", suffix=".md"))
    for row, truth in (("denied_process_info", 1), ("denied_enforcement_file", 0)):
        path = f"applications.{row}.other_org"
        assert record.report.values()[path] == truth and record.provenance[path].status is Status.PROVEN, path
