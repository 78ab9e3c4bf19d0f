"""What tesseract (``chi_sim+eng``, a ruled table printed from a web page, 150–300 dpi) prints in a cell's place.

* A glyph for a boxed digit, standing alone where a number belongs: ``Z`` for 2 (``0 2 0 0 Z``), ``©`` or ``@`` for a
  0 (``© | © 0 0 0 0|0``). It is a number's place, its digit a guess riding along: the identities pin it, and pinned
  to that digit it is proven (``READ.OCR_LETTERS_PINNED``), never on the glyph alone.
* A mark printed right after a count's digits, a speck of the scan or the cell's rule (``2,`` ``4:`` ``0;`` ``0]``):
  the count, read as an OCR reading (checked by the identities like any cell). Never ``2.`` (an item's number before
  its label) nor ``1)``.
* A bar glued after a 0 (``0 0 0 0 0 0| 0``) is a rule: read as a 1 it would make ``01``, and no count is written
  with a leading zero, so the row reads one way only.
"""

from __future__ import annotations

from pathlib import Path

from llm_extract.evidence import CellKind, Status
from llm_extract.extract.cells import parse_table_slot
from llm_extract.schema import APPLICANT_COLUMNS
from llm_extract.synth import render
from tests.test_blank_rows_pdf_text import _report
from tests.test_tesseract_rows import PROCESS, _record, _row, _text
from tests.test_tesseract_text import _tesseract

GROUPS = ("administrative_review", "litigation_direct", "litigation_after_review")
RESULTS = ("upheld", "corrected", "other", "pending", "total")
#: 表四 as the report prints it: 复议 3 0 0 0 3, 诉讼 1 2 0 0 3 and 0 0 0 0 0
TABLE4_TYPED = "3     0  0      0      3  1 2      0  0  3   0     0   0 0     0"


def _table4(golden_dir: Path, row: str) -> object:
    report = _report(golden_dir)
    report.review_litigation.administrative_review.upheld = 3
    report.review_litigation.administrative_review.total = 3
    report.review_litigation.litigation_direct.upheld = 1
    report.review_litigation.litigation_direct.corrected = 2
    report.review_litigation.litigation_direct.total = 3
    text = _tesseract(render(report, "pdftext"))
    assert TABLE4_TYPED in text
    return _record(text.replace(TABLE4_TYPED, row))


def _group(record, group: str) -> list:
    return [record.report.values()[f"review_litigation.{group}.{c}"] for c in RESULTS]


def test_a_z_where_a_table4_count_belongs_is_pinned_to_2_by_its_group() -> None:
    record = _table4(Path("golden"), "3  0  0  0  3  1  Z  0  0  3  0  0  0  0  0")
    assert _group(record, "litigation_direct") == [1, 2, 0, 0, 3]
    prov = record.provenance["review_litigation.litigation_direct.corrected"]
    assert prov.status is Status.PROVEN and "READ.OCR_LETTERS_PINNED" in prov.rules
    assert _group(record, "litigation_after_review") == [0, 0, 0, 0, 0]


def test_a_z_its_group_pins_to_another_value_is_not_proven() -> None:
    """``1 Z 0 0 4``: the group pins Z to 3, not the 2 it stands for (a digit misread elsewhere): queued."""
    record = _table4(Path("golden"), "3  0  0  0  3  1  Z  0  0  4  0  0  0  0  0")
    for c in RESULTS:
        assert record.provenance[f"review_litigation.litigation_direct.{c}"].status is not Status.PROVEN, c


def test_a_speck_after_a_table4_count_is_the_count_checked_by_its_group() -> None:
    record = _table4(Path("golden"), "3  0  0  0  3  1  2,  0  0  3  0  0  0  0  0:")
    assert _group(record, "administrative_review") == [3, 0, 0, 0, 3]
    assert _group(record, "litigation_direct") == [1, 2, 0, 0, 3]
    assert _group(record, "litigation_after_review") == [0, 0, 0, 0, 0]
    for group in GROUPS[1:]:            # (3 0 0 0 3: a glyph misread alike would keep it, READ.OCR_ALIKE_DIGITS)
        for c in RESULTS:
            assert record.provenance[f"review_litigation.{group}.{c}"].status is Status.PROVEN, (group, c)


def test_a_speck_after_a_table3_count_and_a_boxed_zero_read_as_copyright_sign(golden_dir) -> None:
    text = _text(golden_dir).replace(PROCESS, "6.属于四类过程性信息    1   0;    ©  0]  0  @  1")
    record = _record(text)
    assert _row(record, "denied_process_info") == [1, 0, 0, 0, 0, 0, 1]
    for c in APPLICANT_COLUMNS:
        assert record.provenance[f"applications.denied_process_info.{c}"].status is Status.PROVEN, c


def test_a_bar_glued_after_a_zero_is_a_rule_and_the_row_reads_one_way(golden_dir) -> None:
    """``0|`` read with its bar as a 1 is ``01``: no count. The row's seven zeros are read one way only and proven
    by the identities, not derived from the other rows (a look document's line, its label's item number glued to a
    rule: ``rte |4无正当理由大量反复中请``)."""
    typed = "4.无正当理由大量反复申请  0 0     0      0     0     0      0"
    text = _text(golden_dir)
    assert typed in text
    record = _record(text.replace(typed, "rte |4无正当理由大量反复中请 | 0 | 0 | 0 | 0 | 0 | 0| 0"))
    assert _row(record, "rejected_excessive") == [0] * 7
    for c in APPLICANT_COLUMNS:
        assert record.provenance[f"applications.rejected_excessive.{c}"].status is Status.PROVEN, c


def test_what_stays_text() -> None:
    """An item's number (``2.``, ``1)``), a glyph inside a token (``Z0``) and a mark before the digits are no cells."""
    for raw in ("2.", "1)", "Z0", ",2", "ZZ"):
        assert parse_table_slot(raw).kind is CellKind.TEXT, raw
    assert (parse_table_slot("2,").kind, parse_table_slot("2,").value) == (CellKind.OCR, 2)
    assert (parse_table_slot("Z").kind, parse_table_slot("Z").value) == (CellKind.MISSING, 2)
