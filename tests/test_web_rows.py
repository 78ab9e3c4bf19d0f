"""表三 rows of web pages whose long label is printed over two table rows, its numbers on the first.

``5.要求行政机关 | 1 | 0 | … | 1`` then ``确认或重新出具已获取信息 | &nbsp; | …`` (the cut early in the label, so
that the first part alone is no row's label): the row is read from its first part, whose numbers are its own,
and the second part's blank cells are no cells of any row. When the two parts do not join into the form's
label, the row's cells are not known, and never proven blank.
"""

from __future__ import annotations

import pytest

from llm_extract.evidence import Method, Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICANT_COLUMNS, TABLE3_PATHS, Report
from tests.fixtures.ingest.form2021 import golden_report
from tests.fixtures.web_rows import table3_page


def with_applications(report: Report, row: str, n: int = 1) -> Report:
    """The report with ``n`` more natural-person applications received and handled as ``row`` (the identities hold)."""
    data = report.model_dump()
    for column in ("natural_person", "total"):
        for key in ("new_received", row, "total_processed"):
            data["applications"][key][column] = (data["applications"][key][column] or 0) + n
    return Report.model_validate(data)


ZEROS = golden_report("001_486c4dbf7b9bad2b")
TRUTH = with_applications(ZEROS, "rejected_reconfirm")
RECONFIRM = ("5.要求行政机关", "确认或重新出具已获取信息", True)
NO_CORRECTION = ("1.申请人无正当理由逾期", "不补正、行政机关不再处理其政府信息公开申请", True)


@pytest.mark.parametrize("repeat_groups", [True, False], ids=["group-headings-on-every-row", "headings-once"])
@pytest.mark.parametrize("row, split", [("rejected_reconfirm", RECONFIRM), ("other_no_correction", NO_CORRECTION),
                                        ("rejected_reconfirm", ("5.要求行政机", "关确认或重新出具已获取信息", True))])
def test_a_label_over_two_table_rows_is_read_from_its_first_part_with_the_numbers(row, split, repeat_groups):
    truth = TRUTH
    record = process_document(table3_page(truth, {row: split}, repeat_groups=repeat_groups))
    for path in TABLE3_PATHS:
        assert record.report.get(path) == truth.get(path), path
        assert record.provenance[path].status is Status.PROVEN, path
    assert truth.applications.rejected_reconfirm.total == 1      # the row's own numbers, not blanks


def test_the_row_above_keeps_its_own_seven_numbers():
    record = process_document(table3_page(TRUTH, {"rejected_reconfirm": RECONFIRM}))
    prov = record.provenance["applications.rejected_excessive.total"]
    assert prov.status is Status.PROVEN and prov.note is None
    assert record.report.applications.rejected_excessive.total == 0


def test_numbers_on_the_second_part_are_still_read_from_it():
    record = process_document(table3_page(TRUTH, {"rejected_reconfirm": (*RECONFIRM[:2], False)}))
    for c in APPLICANT_COLUMNS:
        path = f"applications.rejected_reconfirm.{c}"
        assert record.report.get(path) == TRUTH.get(path) and record.provenance[path].status is Status.PROVEN


@pytest.mark.parametrize("truth", [TRUTH, ZEROS], ids=["non-zero", "zeros"])
def test_parts_that_do_not_join_into_the_label_leave_the_row_unknown_never_proven_blank(truth):
    """A typo in the first part (行正 for 行政; an OCR look-alike, 行玫, is read as the form's character): whose
    numbers are on it is not known from the labels; the blank second part is no reading. The row is proven only
    where the page's numbers are exactly the table's 175 cells in the form's order, every identity holding
    (extract/formorder.py): then by that order."""
    record = process_document(table3_page(truth, {"rejected_reconfirm": ("5.要求行正机关", RECONFIRM[1], True)}))
    for c in APPLICANT_COLUMNS:
        path = f"applications.rejected_reconfirm.{c}"
        prov = record.provenance[path]
        if prov.status is Status.PROVEN:
            assert prov.method == Method.FORM_ORDER and record.report.get(path) == truth.get(path), path
        assert record.report.get(path) is not None or prov.status is Status.MISSING, path


def test_parts_that_do_not_join_into_the_label_and_a_lost_cell_leave_the_row_unknown():
    """With one cell of another row lost as well, the form's order places nothing: the row is not proven."""
    page = table3_page(TRUTH, {"rejected_reconfirm": ("5.要求行正机关", RECONFIRM[1], True)})
    text = page.text.replace("\t2.重复申请\n\t0\n", "\t2.重复申请\n\t\n", 1)     # rejected_duplicate's 自然人 lost
    assert text != page.text
    page = Document.from_text(text, doc_id=page.doc_id)
    record = process_document(page)
    for c in APPLICANT_COLUMNS:
        assert record.provenance[f"applications.rejected_reconfirm.{c}"].status is not Status.PROVEN


def test_a_group_heading_printed_on_every_row_is_no_part_of_the_label_after_it():
    """（六）其他处理 | 3.其他 | 0 …: the heading joined to 3.其他 matches the row too, but the row is its label's."""
    record = process_document(table3_page(ZEROS, {}, repeat_groups=True))
    for c in APPLICANT_COLUMNS:
        prov = record.provenance[f"applications.other_other.{c}"]
        assert prov.status is Status.PROVEN and prov.method == "cells-after-label", c
