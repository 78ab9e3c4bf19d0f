"""A text file whose lines end in CR alone (old Mac line ends) reads as the same text with LF line ends.

Every text pass parts lines at ``\\n``; before the line ends are made ``\\n``, such a file is one line to them,
and a markdown report's rows, one after another on it, looked like a table a crawler flattened onto one line
(its pipes made spaces): 表四's wide rule row (``|---|---|…``, fifteen cells) then read as fifteen empty cells,
proven, where the report's row of numbers had been lost.
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE4_PATHS, Report
from llm_extract.synth import render

_T4_HEAD = "\n".join([
    "| 行政复议 | 行政诉讼 |" + "  |" * 13,
    "|" + "---|" * 15,
    "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 |" + "  |" * 8,
    "|" + "  |" * 5 + " 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |" * 2,
])


def _markdown(golden_dir, row: str) -> str:
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    text = render(Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields}), "markdown")
    head, _, rest = text.partition("四、政府信息公开行政复议、行政诉讼情况\n")
    tail = rest.partition("\n\n五、")[2]
    return head + "四、政府信息公开行政复议、行政诉讼情况\n" + _T4_HEAD + row + "\n\n五、" + tail


def test_a_markdown_report_with_cr_line_ends_reads_as_with_lf(golden_dir) -> None:
    text = _markdown(golden_dir, "\n|" + " 0 |" * 15)
    lf = process_document(Document.from_text(text, doc_id="x"))
    cr = process_document(Document.from_text(text.replace("\n", "\r"), doc_id="x"))
    assert cr.report == lf.report
    assert all(cr.provenance[p].status is Status.PROVEN for p in TABLE4_PATHS)


def test_a_lost_table4_row_under_cr_line_ends_is_not_its_rule_read_as_empty_cells(golden_dir) -> None:
    cr = process_document(Document.from_text(_markdown(golden_dir, "").replace("\n", "\r"), doc_id="x"))
    assert not any(cr.provenance[p].status is Status.PROVEN for p in TABLE4_PATHS)
