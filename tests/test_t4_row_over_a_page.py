"""表四's one row of fifteen broken over a page (extract/t4pagerow.py).

Word lets a table row break across pages: a count wrapped inside its narrow cell (106 in a column two digits wide)
keeps ``１０`` on the page and prints ``６`` at the top of the next, under the repeated header, the row's other cells
printing nothing there. Our PDF reader gives the table's cells one to a line, a break between rows: two rows of
fifteen, the second empty but for the wrapped counts' last digits, each in its own cell's place. The row is the
first row with each piece appended to the cell above it, where every group's total then holds (and did not as
first printed): derived by the verifier and queued, never proven (that the two rows are one is the layout's).
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import REVIEW_COLUMNS, REVIEW_GROUPS
from tests.fakeopenai import report_text, sample_values

T4 = [f"review_litigation.{g}.{c}" for g in REVIEW_GROUPS for c in REVIEW_COLUMNS]
T4_HEADING = "四、政府信息公开行政复议、行政诉讼情况"
_HEADER = ("\t行政复议\n\t行政诉讼\n\n\t结果维持\n\t结果纠正\n\t其他结果\n\t尚未审结\n\t总计\n\t未经复议直接起诉\n\t复议后起诉\n\n"
           + "\t结果维持\n\t结果纠正\n\t其他结果\n\t尚未审结\n\t总计\n" * 2 + "\n")
#: 106 and 255 wrapped: ``１０`` and ``２５`` on the page, ``６`` and ``５`` on the next
_FIRST = "１０ ２９ ９９ ２１ ２５ ７ ４ ５ ３ １９ １９ １３ ２４ ４ ６０".split()
_VALUES = [106, 29, 99, 21, 255, 7, 4, 5, 3, 19, 19, 13, 24, 4, 60]


def _cells(cells: list[str]) -> str:
    return "".join(f"\t{c}\n" for c in cells) + "\n"


def _record(second: list[str]):
    head = report_text(sample_values()).split(T4_HEADING)[0]
    text = head + T4_HEADING + "\n" + _HEADER + _cells(_FIRST) + _cells(second) + "五、存在的主要问题及改进情况\n无。\n"
    return process_document(Document.from_text(text, doc_id="d"))


def test_the_digits_a_row_printed_on_the_next_page_end_the_counts_above_them_derived_and_queued() -> None:
    record = _record(["６", "", "", "", "５"] + [""] * 10)
    assert [record.report.get(p) for p in T4] == _VALUES
    assert {record.provenance[p].status for p in T4} == {Status.DERIVED}


def test_digits_that_leave_a_groups_total_broken_are_no_pieces_of_the_row() -> None:
    record = _record(["６", "", "", "", ""] + [""] * 10)        # 106 + 29 + 99 + 21 ≠ 25: no reading
    assert all(record.report.get(p) is None for p in T4)
    assert all(record.provenance[p].status is not Status.PROVEN for p in T4)
