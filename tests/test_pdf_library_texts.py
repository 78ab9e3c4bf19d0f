"""Text that PDF libraries give of a report (pypdf, PyMuPDF's pymupdf4llm): what none of their layouts may do
is make a wrong number proven.

* pymupdf4llm cuts a table row that a page break split into two Markdown rows: the label's first half with
  empty fields (``|２．申请人逾期未按收费通<br>||||||||``), then the group's repeated title and the label's
  other half with the numbers. The empty fields are not the row's cells: it is not proven empty.
  The same where the table starts anew at the page break, its rule line (``|---|…``) between the two halves.
* pypdf prints a ruled table a cell to a line: ``0 1 - 0 0 0 1`` (a placeholder among them), an empty line,
  then the page's number ``3``. Seven numbers after the label are not the row's seven cells when a
  placeholder stands among them: the page number would become the total and every cell after the
  placeholder would move one column left.
* pymupdf4llm puts a row that stands apart from its table into a one-cell table of its own, its numbers
  after line breaks (``|四、结转下年度继续办理<br>2<br>1<br>0<br>…|``): a label followed by digits is not a
  label standing alone (a blank row of PDF text), whose cells would be proven empty.
"""

import json
from pathlib import Path

import pytest

from llm_extract.evidence import Status
from llm_extract.ingest import load
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICANT_COLUMNS, TABLE3_PATHS, TABLE4_PATHS, same_value
from tests.block_fixtures import truth_value

LAYOUTS = Path(__file__).parent / "fixtures" / "layouts"


def _read(name: str):
    path = LAYOUTS / name
    truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    return process_document(load(path)), truth


def _proven_are_true(record, truth) -> None:
    for p in TABLE3_PATHS:
        if record.provenance[p].status is Status.PROVEN:
            assert same_value(p, record.report.get(p), truth_value(truth, p)), p


def test_a_row_cut_at_a_page_break_is_not_read_as_a_row_of_empty_cells() -> None:
    record, truth = _read("pymupdf4llm_row_cut_at_page_break.md")
    row = [f"applications.other_unpaid_fee.{c}" for c in APPLICANT_COLUMNS]
    assert [truth_value(truth, p) for p in row] == [0] * 7           # the numbers on the row's second half
    assert all(record.provenance[p].status is not Status.PROVEN for p in row)
    _proven_are_true(record, truth)
    # the rows around it keep their own cells, read and proven
    assert all(record.provenance[f"applications.{r}.{c}"].status is Status.PROVEN
               for r in ("other_no_correction", "other_other") for c in APPLICANT_COLUMNS)


def test_a_placeholder_among_a_rows_cells_keeps_a_page_number_out_of_the_row() -> None:
    record, truth = _read("pypdf_placeholder_then_page_number.txt")
    assert [truth_value(truth, f"applications.carried_forward.{c}") for c in APPLICANT_COLUMNS] == [0, 1, None, 0, 0, 0, 1]
    assert record.report.get("applications.carried_forward.total") != 3      # the page's number
    _proven_are_true(record, truth)


def test_a_row_whose_numbers_follow_its_label_in_one_cell_is_not_a_blank_row() -> None:
    record, truth = _read("pymupdf4llm_row_in_one_cell.md")
    row = [f"applications.carried_forward.{c}" for c in APPLICANT_COLUMNS]
    assert [truth_value(truth, p) for p in row] == [2, 1, 0, 0, 0, 0, 3]
    assert not any(record.provenance[p].status is Status.PROVEN and record.report.get(p) is None for p in row)
    _proven_are_true(record, truth)


def test_a_row_cut_at_a_page_break_with_a_new_tables_rule_between_its_halves_is_not_read_empty() -> None:
    path = LAYOUTS / "pymupdf4llm_row_cut_at_page_break.md"
    truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    lines = path.read_text(encoding="utf-8").split("\n")
    cut = next(i for i, line in enumerate(lines) if line.startswith("|２．申请人逾期未按收费通"))
    lines.insert(cut + 1, "|---|---|---|---|---|---|---|---|")
    from llm_extract.ingest import Document
    record = process_document(Document.from_text("\n".join(lines), doc_id="cut"))
    row = [f"applications.other_unpaid_fee.{c}" for c in APPLICANT_COLUMNS]
    assert not any(record.provenance[p].status is Status.PROVEN and record.report.get(p) is None for p in row)
    _proven_are_true(record, truth)


def test_a_fee_cut_at_its_decimal_point_into_two_cells_is_not_read_as_the_integer() -> None:
    """pymupdf4llm cuts ``451.055`` (万元) into two grid cells, ``４５１`` and ``．０５５``: 表二 has no identity to catch
    451 for it, so the fee is left unread."""
    from llm_extract.ingest import Document

    text = (LAYOUTS / "pymupdf4llm_row_cut_at_page_break.md").read_text(encoding="utf-8")
    line = next(x for x in text.split("\n") if x.startswith("|行政事业性收费|"))
    cut = "|行政事业性收费||||４５１|．０５５||||"
    record = process_document(Document.from_text(text.replace(line, cut), doc_id="fee"))
    assert record.provenance["active_disclosure.fees_10k_yuan"].status is Status.MISSING
    assert record.report.get("active_disclosure.fees_10k_yuan") is None


def test_a_first_cell_glued_to_its_wrapped_label_is_not_taken_for_an_empty_one() -> None:
    """pypdf's layout mode: ``2.申请人逾期未按收费通知要求缴纳费用、0  0  0 …`` (the row's first 0 run on after
    its label's words); six numbers placed by the full rows' columns would leave 自然人 empty, proven."""
    from llm_extract.ingest import Document

    path = LAYOUTS / "pypdf_layout_cell_glued_to_label.txt"
    truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    record = process_document(Document.from_text(path.read_text(encoding="utf-8"), doc_id="glued"))
    row = [f"applications.other_unpaid_fee.{c}" for c in APPLICANT_COLUMNS]
    assert not any(record.provenance[p].status is Status.PROVEN and record.report.get(p) is None for p in row)
    _proven_are_true(record, truth)


def test_a_table4_group_whose_numbers_follow_its_label_in_one_cell_is_not_a_blank_row() -> None:
    """``|⾏政诉讼（复议后起诉）<br>0<br>0<br>0<br>0<br>0|`` after a page break: a group's label with digits run on after
    it is not a label alone on its line, its cells never proven empty."""
    from llm_extract.schema import REVIEW_COLUMNS

    record, truth = _read("pymupdf4llm_table4_row_in_one_cell.md")
    group = [f"review_litigation.litigation_after_review.{c}" for c in REVIEW_COLUMNS]
    assert not any(record.provenance[p].status is Status.PROVEN and record.report.get(p) is None for p in group)
    for p in TABLE4_PATHS:
        if record.provenance[p].status is Status.PROVEN:
            assert same_value(p, record.report.get(p), truth_value(truth, p)), p


def test_table2_in_a_grid_that_ran_two_columns_together_places_no_empty_field() -> None:
    """pymupdf4llm's grid of 表二 with 本年制发件数 and 本年废止件数 in one field (and a row's two numbers in it,
    ``０<br>０``): ``|规章||０||`` does not say which column its one number is in, so its empty fields are no
    cells in place (read as 本年废止件数 0, 本年制发件数 and 现行有效件数 empty, it was proven wrong)."""
    from llm_extract.ingest import Document

    text = (LAYOUTS / "pymupdf4llm_row_cut_at_page_break.md").read_text(encoding="utf-8")
    table = "|信息内容|本年制发件数<br>本年废止件数|现行有效件数|\n|规章|０<br>０|０|\n|规范性文件|０<br>０|５|"
    assert table in text
    shifted = "||信息内容|本年制发件数<br>本年废止件数|现行有效件数|\n|规章||０||\n|规范性文件||０<br>０|０|"
    record = process_document(Document.from_text(text.replace(table, shifted), doc_id="t2"))
    for column in ("issued", "repealed", "in_force"):
        assert record.provenance[f"active_disclosure.regulations.{column}"].status is not Status.PROVEN, column


def test_a_fee_glued_to_its_label_with_its_decimals_in_the_next_field_is_not_read_as_the_integer() -> None:
    """pymupdf4llm sets the fee's integer part after a line break in the label's field and its decimals in the
    next (``|行政事业性收费<br>４３７|．５６|``): 437 is not the fee (437.56), so it is left unread."""
    from llm_extract.ingest import Document

    text = (LAYOUTS / "pymupdf4llm_row_cut_at_page_break.md").read_text(encoding="utf-8")
    line = next(x for x in text.split("\n") if x.startswith("|行政事业性收费|"))
    record = process_document(Document.from_text(text.replace(line, "|行政事业性收费<br>４３７|．５６|"), doc_id="fee"))
    assert record.provenance["active_disclosure.fees_10k_yuan"].status is Status.MISSING
    assert record.report.get("active_disclosure.fees_10k_yuan") is None


def test_two_table2_labels_run_together_give_their_cells_to_neither_row() -> None:
    """pymupdf4llm flattens a table without rules into one line, a row's placeholders before its label
    (``— — — 规章 行政规范性文件 1 0 5``): both labels are one piece of text; the numbers after it are not known
    to be either row's (read as both rows' cells, 规章's were proven wrong)."""
    from llm_extract.ingest import Document

    text = (LAYOUTS / "pymupdf4llm_row_cut_at_page_break.md").read_text(encoding="utf-8")
    table = "|信息内容|本年制发件数<br>本年废止件数|现行有效件数|\n|规章|０<br>０|０|\n|规范性文件|０<br>０|５|"
    flat = "信息内容 本年制发件数 本年废止件数 现行有效件数 — — — 规章 行政规范性文件 1 0 5"
    record = process_document(Document.from_text(text.replace(table, flat), doc_id="t2"))
    for row in ("regulations", "normative_documents"):
        for column in ("issued", "repealed", "in_force"):
            assert record.provenance[f"active_disclosure.{row}.{column}"].status is Status.MISSING, (row, column)


def test_a_count_whose_thousands_separator_pypdf_spaced_apart_is_one_number() -> None:
    """pypdf prints ``３７３,９７４`` as ``３７３ , ９７４``: one count (373974), not 373 followed by a stray comma."""
    from llm_extract.ingest import Document
    from tests.fakeopenai import report_text, sample_values

    text = report_text(sample_values()).replace("行政许可\t3150", "行政许可 ３７３ , ９７４").replace("行政处罚\t65", "行政处罚 ２ , ５０３")
    record = process_document(Document.from_text(text, doc_id="pypdf", source_kind="pdf"))   # (pypdf's text)
    assert record.report.get("active_disclosure.licensing") == 373974
    assert record.report.get("active_disclosure.punishment") == 2503


def test_a_tab_rows_count_whose_thousands_separator_stands_between_odd_spaces_is_one_number_not_its_first_group() -> None:
    """A tab row whose cell prints ``2,715`` with a no-break space before the comma and an ideographic space after it
    (``行政许可⇥ 2 ,　715``): the ideographic space is no gap between two columns; the count is 2715, never its first
    group 2 proven (the ``,`` and ``715`` left in a column of their own)."""
    from llm_extract.ingest import Document
    from tests.fakeopenai import report_text, sample_values

    text = report_text(sample_values()).replace("行政许可\t3150", "行政许可\t\xa02\xa0,\u3000715")
    record = process_document(Document.from_text(text, doc_id="x"))
    assert record.report.get("active_disclosure.licensing") == 2715


@pytest.mark.parametrize("printed, value", [("２４２５２ . ３１１０８２", "24252.311082"), ("93. 0", "93.0"),
                                             ("93 .5", "93.5")])
def test_a_fee_whose_decimal_point_pypdf_spaced_apart_is_one_number(printed: str, value: str) -> None:
    """pypdf prints ``２４２５２.３１１０８２`` as ``２４２５２ . ３１１０８２`` and ``93.0`` as ``93. 0``: one number, never
    24252 or 0."""
    from decimal import Decimal

    from llm_extract.ingest import Document
    from tests.fakeopenai import report_text, sample_values

    text = report_text(sample_values()).replace("行政事业性收费\t1.5", f"行政事业性收费 {printed}")
    assert printed in text
    record = process_document(Document.from_text(text, doc_id="pypdf", source_kind="pdf"))   # (pypdf's text)
    fee = "active_disclosure.fees_10k_yuan"
    assert record.report.get(fee) == Decimal(value) and record.provenance[fee].status is Status.PROVEN



def test_a_table3_heading_cut_over_a_grid_rows_fields_still_opens_table3() -> None:
    """pymupdf4llm puts a heading printed inside the table into its first grid row, cut over the fields
    (``||三、收到和<br>|处理政府信息公开申请情<br>|况||申<br>|请人情<br>|况<br>|||``): 表三 is found there and read
    as with the heading on a line of its own."""
    from llm_extract.ingest import Document

    text = (LAYOUTS / "pymupdf4llm_row_cut_at_page_break.md").read_text(encoding="utf-8")
    heading = "三、收到和处理政府信息公开申请情况 \n"
    assert heading in text
    whole = process_document(Document.from_text(text, doc_id="t3"))
    cut = process_document(Document.from_text(
        text.replace(heading, "||三、收到和<br>|处理政府信息公开申请情<br>|况||申<br>|请人情<br>|况<br>||\n"), doc_id="t3"))
    assert [cut.report.get(p) for p in TABLE3_PATHS] == [whole.report.get(p) for p in TABLE3_PATHS]
    assert sum(cut.provenance[p].status is Status.PROVEN for p in TABLE3_PATHS) \
        == sum(whole.provenance[p].status is Status.PROVEN for p in TABLE3_PATHS) > 150
