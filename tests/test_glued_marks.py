"""Empty cells' marks run together in PDF text (llm_extract/extract/gluedmarks.py): PyMuPDF and pdftotext join
the narrow last columns' 无 无 into ``无无`` (or 无 and a count into ``无99``); the run is that many empty cells, and
the count a cell of its own, so the row keeps its seven cells."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.extract.gluedmarks import marks_run_together
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICANT_COLUMNS
from tests.test_t3_column_parts import _LABELS


def test_a_run_of_marks_is_as_many_marks() -> None:
    assert marks_run_together("无无") == ["无", "无"]
    assert marks_run_together("无 无无") == ["无", "无", "无"]
    assert marks_run_together("无") is None            # one mark: a cell as it is
    assert marks_run_together("无无正当理由") is None    # words
    assert marks_run_together("——") is None            # a doubled dash: one cell's as often as two's
    assert marks_run_together("无99") == ["无", "99"]   # 其他 empty, 总计 99
    assert marks_run_together("5无") == ["5", "无"]
    assert marks_run_together("99") is None


def _read(glued_count: bool):
    lines = ["某县民政局2023年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况", "申请人情况", "自然人",
             "法人或其他组织", "总计", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
    for label in _LABELS:                       # every cell 无 but 自然人 and 总计 of 一, （一）, （七）
        cells = ["2", "无", "无", "无", "无", "无2"] if label in (_LABELS[0], _LABELS[2], _LABELS[23]) else \
            ["无", "无", "无", "无", "无", "无无"]
        lines += [label, *cells]
    lines += ["四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况"]
    text = "\n".join(lines)
    return process_document(Document.from_text(text if glued_count else text.replace("无2", "无\n2"), doc_id="marks"))


def test_pymupdf_rows_ending_in_run_together_marks_are_read() -> None:
    for glued_count in (False, True):
        _check(_read(glued_count))


def _check(record) -> None:
    values = record.report.values()
    for row in ("carried_over", "partially_granted", "denied_state_secret", "other_other"):
        for col in APPLICANT_COLUMNS:
            path = f"applications.{row}.{col}"
            assert (values[path], record.provenance[path].status) == (None, Status.PROVEN), path
    for row in ("new_received", "granted", "total_processed"):
        assert [values[f"applications.{row}.{c}"] for c in APPLICANT_COLUMNS] == [2, None, None, None, None, None, 2]
        assert record.provenance[f"applications.{row}.total"].status is Status.PROVEN
