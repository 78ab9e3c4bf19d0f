"""表四 of a Word table LibreOffice printed, read by plain ``pdftotext``: 行政复议's header (its column headers'
characters one a line) and its five cells come before section 五's heading, the suits' header and ten cells only after
it, among other text. The five before 五's heading are 行政复议's row, in the header's order where its results sum to
its 总计: read, never proven (the order is the tool's); the suits' cells stay unread."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import REVIEW_COLUMNS

_HEAD = ["某县自然资源局2024年政府信息公开工作年度报告", "二、主动公开政府信息情况",
         "信息内容 本年制发件数 本年废止件数 现行有效件数", "规章 0 0 3", "行政规范性文件 2 0 8",
         "四、政府信息公开行政复议、行政诉讼情况", "行政复议"]
_STACKED = list("结结果果维纠持正其他结果尚未审结总计")
_SUITS = ["五、存在的主要问题及改进情况", "0", "0", "行政诉讼", "未经复议直接起诉", "结", "结", "其", "尚", "0", "1",
          "一是公开内容还不够全面。", "复议后起诉", "0", "1", "六、其他需要报告的事项"]


def _record(cells: list[str], after: list[str] = _SUITS):
    return process_document(Document.from_text("\n".join(_HEAD + _STACKED + cells + after) + "\n", doc_id="t4"))


def _group(record, group: str) -> list:
    return [record.report.values()[f"review_litigation.{group}.{c}"] for c in REVIEW_COLUMNS]


def test_the_five_before_five_s_heading_are_the_review_row_read_but_never_proven() -> None:
    record = _record(["1", "2", "0", "0", "3"])
    assert _group(record, "administrative_review") == [1, 2, 0, 0, 3]
    for c in REVIEW_COLUMNS:
        prov = record.provenance[f"review_litigation.administrative_review.{c}"]
        assert prov.status is Status.UNVERIFIED and "READ.T4_BLOCK_ORDER" in prov.rules
    assert _group(record, "litigation_direct") == [None] * 5       # printed among other text: not read
    assert _group(record, "litigation_after_review") == [None] * 5


def test_five_whose_results_do_not_sum_to_the_total_are_not_read() -> None:
    record = _record(["1", "2", "0", "0", "4"])
    assert _group(record, "administrative_review") == [None] * 5


def test_no_suits_after_five_s_heading_is_not_this_layout() -> None:
    record = _record(["1", "2", "0", "0", "3"], ["五、存在的主要问题及改进情况", "一是公开内容还不够全面。"])
    assert _group(record, "administrative_review") == [None] * 5
