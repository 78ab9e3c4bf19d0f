"""表四 printed as three blocks, one per group: its name, its five column headers, spacer rows, its row.

A Word or web table split by group (行政复议 / 行政诉讼（未经复议直接起诉） / 行政诉讼（复议后起诉）), each block with empty
spacer rows above its numbers: the first block's spacer rows and its row are the last fifteen values when the
other groups' rows are left blank. Those fifteen are not the table's one row of fifteen (that would put
行政复议's 15 30 … 45 under 复议后起诉, proven): a group named after them, with cells of its own after its name,
says so. The table is not read as a row of fifteen; nothing wrong leaves the tool trusted.
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.form import FORM
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE4_PATHS

_HEADERS = ["\t结果维持", "\t结果纠正", "\t其他结果", "\t尚未审结", "\t总计", ""]
_SPACER = ["\t"] * 5 + [""]


def _block(name: str, cells: list[str]) -> list[str]:
    return [f"\t{name}", ""] + _HEADERS + _SPACER + _SPACER + [f"\t{c}" for c in cells] + [""]


def _report(blocks: list[str]) -> str:
    table3 = ["三、收到和处理政府信息公开申请情况", "\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计"]
    table3 += [r.label + "\t0" * 7 for r in FORM.table3_rows]
    return "\n".join(["某县人民政府2024年政府信息公开工作年度报告", "", *table3, "", "四、政府信息公开行政复议、行政诉讼情况",
                      *blocks, "五、存在的主要问题及改进情况", "无。"])


def test_the_first_blocks_spacer_rows_and_row_are_not_read_as_the_fifteen_cells() -> None:
    text = _report(_block("行政复议", ["15", "30", "", "", "45"])
                   + _block("行政诉讼（未经复议直接起诉）", [""] * 5) + _block("行政诉讼（复议后起诉）", [""] * 5))
    record = process_document(Document.from_text(text, doc_id="t", source_kind="pdf"))
    truth = dict(zip(TABLE4_PATHS, [15, 30, None, None, 45] + [None] * 10))
    trusted = {Status.PROVEN, Status.PINNED}
    wrong = [p for p in TABLE4_PATHS if record.report.get(p) != truth[p] and record.provenance[p].status in trusted]
    assert wrong == []
    assert record.provenance["review_litigation.litigation_after_review.upheld"].status not in trusted \
        or record.report.get("review_litigation.litigation_after_review.upheld") is None
