"""表三 of a report with no applications (every cell 0) whose one row prints no cell (7.属于行政执法案卷: nothing after
it) and whose last row a page break prints twice (结转下年度继续办理, a page's foot, the row again). The copy makes up
the count of 175 zeros: read in the form's order, every row after the empty one took the next row's zeros and the
empty row came out 0, proven. A row's label printed before numbers twice is a row printed twice: the count is not
the table's, and the empty row is not proven."""

from __future__ import annotations

from llm_extract.evidence import Record, Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE3_ROW_PATHS

LABELS = ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "（一）予以公开", "（二）部分公开",
          "1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
          "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项",
          "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确",
          "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
          "5.要求行政机关确认或重新出具已获取信息", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
          "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他", "（七）总计",
          "四、结转下年度继续办理"]
ZEROS = "   0   0   0   0   0   0   0"


def record_of(rows: list[str]) -> Record:
    """The record of a report whose 表三 prints ``rows`` under its column header."""
    text = "\n".join(["某县人民政府2023年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况",
                      "自然人  商业企业  科研机构  社会公益组织  法律服务机构  其他  总计", *rows,
                      "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况"])
    return process_document(Document.from_text(text, doc_id="twice"))


def test_a_row_printed_twice_does_not_make_up_an_empty_rows_cells() -> None:
    rows = [label if label.startswith("7.") else label + ZEROS for label in LABELS]
    record = record_of([*rows, "    4 / 8", rows[-1]])
    for path in TABLE3_ROW_PATHS["denied_enforcement_file"]:    # (the copy read once, extract/rowcopies.py: the
        prov = record.provenance[path]                           # row is blank as its lone label says, or left)
        assert record.report.get(path) is None or prov.status is not Status.PROVEN, path
    for path in TABLE3_ROW_PATHS["denied_query_matter"]:       # (a row beside its label: read by its label)
        assert record.report.get(path) == 0
