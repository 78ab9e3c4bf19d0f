"""PDF text without positions (pdfplumber's ``extract_text``): a row's label and its numbers on one line, a long label
wrapped over lines, a blank row printing nothing, and a group's title printed down its column, its pieces run on
into the labels beside them::

    2.重复申请 4 0 0 0 0 0 4
    3.要求提供公开出版              ← a blank row: its label only
    (五)不予 物                      ← the group's title, and the blank row's label's last character
    处理 4.无正当理由大量反          ← the title's rest, then the next row's label
    1 0 0 0 0 0 1
    复申请

The numbers under the run-together pieces are the next row's (4.无正当理由大量反复申请), never the blank row's."""

from __future__ import annotations

from typing import Any

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICANT_COLUMNS, APPLICATION_ROWS
from tests.fakeopenai import T3_LABELS, report_text, sample_values

_WRAPPED = {"rejected_publication": ["3.要求提供公开出版", "(五)不予 物", "处理 4.无正当理由大量反"],
            "rejected_excessive": ["", "复申请"]}


def _values() -> dict[str, Any]:
    values = sample_values()
    for row in ("rejected_excessive", "total_processed", "new_received"):
        for col in ("natural_person", "total"):
            values[f"applications.{row}.{col}"] += 1
    for col in APPLICANT_COLUMNS:
        values[f"applications.rejected_publication.{col}"] = None
    return values


def _text(values: dict[str, Any]) -> str:
    lines = ["三、收到和处理政府信息公开申请情况", "申请人情况", "自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计"]
    for row, label in zip(APPLICATION_ROWS, T3_LABELS):
        cells = " ".join(str(v) for c in APPLICANT_COLUMNS if (v := values[f"applications.{row}.{c}"]) is not None)
        if row == "rejected_publication":
            lines += _WRAPPED[row]
        elif row == "rejected_excessive":
            lines += [cells, _WRAPPED[row][1]]
        else:
            lines.append(f"{label} {cells}")
    text = report_text(values)
    start = text.index("三、收到和处理政府信息公开申请情况")
    return text[:start] + "\n".join(lines) + text[text.index("\n\n四、政府信息公开行政复议"):]


def test_numbers_under_a_group_titles_piece_run_into_the_next_label_are_not_the_blank_rows_above() -> None:
    values = _values()
    text = _text(values)
    assert "处理 4.无正当理由大量反\n1 0 0 0 0 0 1\n复申请" in text            # the shape this test is about
    record = process_document(Document.from_text(text, doc_id="plumber"))
    for col in APPLICANT_COLUMNS:
        prov = record.provenance[f"applications.rejected_publication.{col}"]
        assert record.report.get(f"applications.rejected_publication.{col}") is None \
            or prov.status is not Status.PROVEN, col
    assert [record.report.get(f"applications.rejected_excessive.{c}") for c in APPLICANT_COLUMNS] \
        == [values[f"applications.rejected_excessive.{c}"] for c in APPLICANT_COLUMNS]
