"""表四 printed one cell to a line, two rows' labels stacked: the two rows' blanks and zeros trade places unseen.

pdftotext's default mode on a word processor's grid prints 表四's two litigation labels stacked, then their
cells interleaved column by column (``/ 0 / 0 …`` for a blank row above a row of zeros). Read in the order
given, the blanks land in the wrong row, and every identity still holds (a blank counts as 0). Where the ten
cells read both ways keep every total and the two readings differ, which cell is blank is unknown: 表四 is
left unread (queued), never proven in one order.
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import REVIEW_COLUMNS, REVIEW_GROUPS
from tests.fakeopenai import report_text, sample_values

T4 = [f"review_litigation.{g}.{c}" for g in REVIEW_GROUPS for c in REVIEW_COLUMNS]


def _text(cells: list[str]) -> str:
    text = report_text(sample_values())
    head, rest = text.split("四、政府信息公开行政复议、行政诉讼情况", 1)
    tail = rest[rest.index("五、存在的主要问题"):]
    t4 = ["四、政府信息公开行政复议、行政诉讼情况", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "行政复议",
          *cells[:5], "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）", *cells[5:], ""]
    return head + "\n".join(t4) + "\n" + tail


def test_blanks_and_zeros_one_to_a_line_in_a_tools_order_are_not_proven() -> None:
    cells = ["/"] * 5 + ["/", "0"] * 5                      # a blank row and a row of zeros, interleaved
    record = process_document(Document.from_text(_text(cells), doc_id="x"))
    for p in T4:
        prov = record.provenance[p]
        assert prov.status is not Status.PROVEN, p


def test_numbers_one_to_a_line_keep_their_proof() -> None:
    values = sample_values()
    record = process_document(Document.from_text(_text([str(values[p]) for p in T4]), doc_id="x"))
    assert all(record.provenance[p].status is Status.PROVEN for p in T4)
