"""表四's fifteen cells on one line, some printed as marks for empty cells (不适用, —, /), in a report that breaks a
group's sum. Each printed mark is a cell in its place (unlike an empty field, it slides no column): the row is read
as printed, the broken group disputed, the others proven; it is never left unread because a sum breaks."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import REVIEW_COLUMNS, REVIEW_GROUPS

HEADER = ["四、政府信息公开行政复议、行政诉讼情况", "行政复议\t行政诉讼",
          "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉",
          "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计"]


def _record(row: str):
    text = "\n".join(["某县人民政府2023年政府信息公开工作年度报告", *HEADER, row, "五、存在的主要问题及改进情况", "无。"])
    return process_document(Document.from_text(text, doc_id="t4"))


def test_a_row_of_marks_and_numbers_breaking_a_groups_sum_is_read_as_printed() -> None:
    # 复议后起诉: 1 + 1 printed under a total of 4 (the report's own error)
    record = _record("    不适用  不适用  不适用  不适用  不适用       1  不适用  不适用  不适用       1  不适用  不适用       1       1       4")
    expected = [None] * 5 + [1, None, None, None, 1] + [None, None, 1, 1, 4]
    paths = [f"review_litigation.{g}.{c}" for g in REVIEW_GROUPS for c in REVIEW_COLUMNS]
    assert [record.report.get(p) for p in paths] == expected
    for path in paths[:10]:
        assert record.provenance[path].status is Status.PROVEN, path
    for path in paths[10:]:
        assert record.provenance[path].status is Status.DISPUTED, path
