"""表二's 规章 / 规范性文件 row printing a blank among its numbers: a count of two digits or more there may be two
cells run together (``65`` for 6 and 5, the blank the cell the merge emptied); no identity checks 表二, so it is
``unverified`` (``READ.MERGED_BESIDE_BLANK``), never proven. One-digit counts, and rows without a blank, read as
before."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document

_TITLE = "向阳区人民政府2023年政府信息公开工作年度报告"


def _page(normative: list[str]) -> str:
    def row(cells: list[str]) -> str:
        return "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"
    t2 = (row(["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]) + row(["规章", "0", "0", "3"])
          + row(["行政规范性文件"] + normative) + row(["信息内容", "本年处理决定数量"]) + row(["行政许可", "12"]))
    return (f"<html><head><meta charset='utf-8'><title>{_TITLE}</title></head><body><h1>{_TITLE}</h1>"
            f"<p>二、主动公开政府信息情况</p><table>{t2}</table>"
            "<p>五、存在的主要问题及改进情况</p><p>无。</p></body></html>")


def _status(record, key: str) -> Status:
    return record.provenance[f"active_disclosure.normative_documents.{key}"].status


def test_a_two_digit_count_beside_a_blank_of_its_row_is_never_proven() -> None:
    record = process_document(Document.from_text(_page(["65", "", "12"]), doc_id="x", source_kind="html"))
    assert record.report.get("active_disclosure.normative_documents.issued") == 65
    assert _status(record, "issued") is Status.UNVERIFIED
    assert "READ.MERGED_BESIDE_BLANK" in record.provenance["active_disclosure.normative_documents.issued"].rules
    assert _status(record, "in_force") is Status.PROVEN        # (after the blank: in its place either way)


def test_a_row_without_a_blank_reads_as_before() -> None:
    record = process_document(Document.from_text(_page(["65", "2", "12"]), doc_id="x", source_kind="html"))
    assert {_status(record, k) for k in ("issued", "repealed", "in_force")} == {Status.PROVEN}


def test_a_cell_between_a_merged_count_and_the_blank_may_have_slid_left_and_is_never_proven() -> None:
    """``10 | 1 | (empty)`` for 1, 0, 1: the 1 and the 0 ran together, the row's last 1 slid left into the column
    the merge emptied, and the blank is where it stood: the 1 is in doubt as much as the 10."""
    record = process_document(Document.from_text(_page(["10", "1", ""]), doc_id="x", source_kind="html"))
    assert _status(record, "issued") is Status.UNVERIFIED
    assert _status(record, "repealed") is Status.UNVERIFIED
    assert "READ.MERGED_BESIDE_BLANK" in record.provenance["active_disclosure.normative_documents.repealed"].rules


def test_a_count_printed_with_a_leading_zero_beside_a_blank_is_two_cells_run_together_never_proven() -> None:
    """``06 | (empty) | 49`` for 0, 6, 49: no count is printed with a leading zero; it is never proven as 6."""
    record = process_document(Document.from_text(_page(["06", "", "49"]), doc_id="x", source_kind="html"))
    assert _status(record, "issued") is Status.UNVERIFIED
