"""Plain ``pdftotext`` (no -layout) of a Word-made 表四 of three rows of five with narrow label cells may print the
first four headers on one line, each group's four results after its label's first piece, and 总计's column after
the rows, past the next section's heading (表三's last cells before it all). Read so where every group's total
holds; the order along a row is the tool's, so never proven."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.extract.t4rowsbeside import read_rows_beside
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE4_PATHS

_LINES = ["四、政府信息公开行政复议、行政诉讼情况", "0", "0", "1", "0", "0", "0", "0", "14", "0", "结果维持 结果纠正 其他结果 尚未审结",
          "行政复议", "0", "0", "0", "1", "行政诉讼", "0", "0", "29", "0", "（未经复", "议直接起", "诉）", "行政诉讼", "0", "1", "0",
          "0", "（复议后", "起诉）", "五、存在的主要问题及改进情况", "总计", "1", "29", "1",
          "政务公开工作仍存在公开内容不够全面、解读形式较为单一等问题。"]


def test_each_group_s_results_beside_its_label_总计_after() -> None:
    readings = read_rows_beside(_LINES, 1)
    assert readings is not None
    assert [readings[p].value for p in TABLE4_PATHS] == [0, 0, 0, 1, 1, 0, 0, 29, 0, 29, 0, 1, 0, 0, 1]


def test_not_read_where_a_total_breaks_or_a_row_prints_other_than_four() -> None:
    assert read_rows_beside(_LINES[:-4] + ["2", "29", "1"] + _LINES[-1:], 1) is None
    assert read_rows_beside(_LINES[:12] + _LINES[13:], 1) is None


def test_read_in_a_report_but_never_proven() -> None:
    record = process_document(Document.from_text("\n".join(["某县2022年政府信息公开工作年度报告", ""] + _LINES), doc_id="t4b"))
    got = record.report.values()
    assert [got[p] for p in TABLE4_PATHS] == [0, 0, 0, 1, 1, 0, 0, 29, 0, 29, 0, 1, 0, 0, 1]
    assert all(record.provenance[p].status is not Status.PROVEN for p in TABLE4_PATHS)
