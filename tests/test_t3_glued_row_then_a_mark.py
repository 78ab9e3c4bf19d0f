"""表三 of a Writer text export (a cell to a line) with its empty cells printed as marks (－), whose row
5.属于三类内部事务信息 a crawler glued, its six 0 run onto its label and its last cell, a mark, left on the next
line (``5.属于三类内部事务信息000000`` / ``－``). Its one item after the label, a mark, made it a row that prints
no cell (a page dump's 空 kept, its empty cells dropped): seven blanks, proven, where six cells are 0. A label
ending in digits has its cells glued on: the row is not a blank one; its run and the marks on the lines right under
it, one to a line, are read as one run (``…000000－``)."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE3_ROW_PATHS

from tests.test_t3_row_printed_twice import LABELS

HEADER = ["申请人情况", "", "自然人", "法人或其他组织", "总计", "", "", "商业企业", "科研机构", "社会公益组织",
          "法律服务机构", "其他", ""]
CELLS = ["0", "－", "0", "－", "－", "0", "－"]


def _table() -> list[str]:
    out = ["三、收到和处理政府信息公开申请情况", "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", *HEADER]
    for label in LABELS:
        if label.startswith("5.属于三类"):
            out += [label + "000000", "－", ""]
        else:
            out += [label, *CELLS, ""]
    return out


def test_a_glued_row_whose_last_cell_is_a_mark_is_no_blank_row() -> None:
    text = "\n".join(["某市司法局2023年政府信息公开工作年度报告", *_table(), "四、政府信息公开行政复议、行政诉讼情况"])
    record = process_document(Document.from_text(text, doc_id="glued"))
    for path in TABLE3_ROW_PATHS["denied_internal_affairs"][:6]:
        assert record.report.get(path) == 0 or record.provenance[path].status is not Status.PROVEN, path


def test_its_glued_run_and_the_mark_under_it_are_its_seven_cells() -> None:
    text = "\n".join(["某市司法局2023年政府信息公开工作年度报告", *_table(), "四、政府信息公开行政复议、行政诉讼情况"])
    record = process_document(Document.from_text(text, doc_id="glued"))
    paths = TABLE3_ROW_PATHS["denied_internal_affairs"]
    assert [record.report.get(p) for p in paths] == [0, 0, 0, 0, 0, 0, None]
