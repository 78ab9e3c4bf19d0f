"""表四 as three rows of five, its header repeated over the last row (a PDF's repeated header rows past a page
break, read by pdfplumber's extract_text): the whole header line between two rows is that header again, not a
text tool's block order. Each row is its label and five cells on one line: read and proven by the groups' totals."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document

TEXT = """四、政府信息公开行政复议、行政诉讼情况
结果维持 结果纠正 其他结果 尚未审结 总计
行政复议 1 1 2 3 7
行政诉讼（未经复议直接起诉） 1 1 0 3 5
结果维持 结果纠正 其他结果 尚未审结 总计
行政诉讼（复议后起诉） 0 2 0 1 3
五、存在的主要问题及改进情况
"""
GROUPS = ("administrative_review", "litigation_direct", "litigation_after_review")
COLUMNS = ("upheld", "corrected", "other", "pending", "total")


def test_rows_of_five_under_a_repeated_header_are_read_as_rows() -> None:
    record = process_document(Document.from_text(TEXT, doc_id="d"))
    got = [[record.report.get(f"review_litigation.{g}.{c}") for c in COLUMNS] for g in GROUPS]
    assert got == [[1, 1, 2, 3, 7], [1, 1, 0, 3, 5], [0, 2, 0, 1, 3]]
    assert all(record.provenance[f"review_litigation.{g}.{c}"].status is Status.PROVEN
               for g in GROUPS for c in COLUMNS)


def test_a_header_repeated_among_cells_one_to_a_line_still_leaves_the_order_unproven() -> None:
    cells = "\n".join(["1", "1", "2", "3", "7", "1", "1", "0", "3", "5"])
    text = TEXT.replace("行政复议 1 1 2 3 7\n行政诉讼（未经复议直接起诉） 1 1 0 3 5\n", cells + "\n")
    record = process_document(Document.from_text(text, doc_id="d"))
    assert not any(record.provenance[f"review_litigation.{g}.{c}"].status is Status.PROVEN
                   for g in GROUPS for c in COLUMNS)
