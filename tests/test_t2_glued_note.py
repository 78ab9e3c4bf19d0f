"""A crawler's 表二 stock row whose first cell carries its count's note (``行政规范性文件2（其中修订1件）150``).

The note follows the number it belongs to, so the digits between the label's words and the note are the first cell
(本年制发件数), read as printed; the run after the note holds the row's other two cells, cut as any glued run (150 is
1 and 50 or 15 and 0: no identity checks 表二, so neither is taken). The digits in the note are no other row's: the
row is never left unread as one that another ran into (行政处罚0行政强制86).
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import load_bytes
from llm_extract.pipeline import process_document

NORMATIVE = "active_disclosure.normative_documents"


def _report(row: str) -> str:
    return "\n".join(["某县人民政府办公室2023年度政府信息公开工作报告", "二、主动公开政府信息情况", "第二十条第(一)项",
                      "信息内容本年制发件数本年废止件数现行有效件数", "规章000", row, "第二十条第(五)项",
                      "信息内容本年处理决定数量", "行政许可6,402", "第二十条第(六)项", "信息内容本年处理决定数量",
                      "行政处罚471", "行政强制219", "", "五、存在的主要问题及改进情况", "无。"])


def test_the_first_cell_before_its_note_is_read_and_the_run_after_it_is_cut() -> None:
    doc = load_bytes(_report("行政规范性文件2（其中修订1件）150").encode(), doc_id="note", path="note.txt", suffix=".txt")
    record = process_document(doc)
    issued = record.provenance[f"{NORMATIVE}.issued"]
    assert (record.report.get(f"{NORMATIVE}.issued"), issued.status) == (2, Status.PROVEN)
    assert issued.note == "其中修订1件"
    for column in ("repealed", "in_force"):           # 1 50, or 15 0: left to the reviewer
        prov = record.provenance[f"{NORMATIVE}.{column}"]
        assert record.report.get(f"{NORMATIVE}.{column}") is None and prov.status != Status.PROVEN
    assert record.report.get("active_disclosure.regulations.in_force") == 0


def test_a_label_that_another_row_runs_into_is_still_left_unread() -> None:
    doc = load_bytes(_report("行政规范性文件2行政处罚1（其中修订1件）150").encode(), doc_id="two", path="two.txt",
                     suffix=".txt")
    record = process_document(doc)
    assert all(record.report.get(f"{NORMATIVE}.{c}") is None for c in ("issued", "repealed", "in_force"))
