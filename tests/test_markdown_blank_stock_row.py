"""A 表二 stock row a converter's markdown prints with every field empty (``| 规章 |  |  |  |``).

A department issues no 规章: the report leaves the row's three cells empty, and a converter prints three empty
fields, the pipes standing as they do in every other row. Those are three blank cells, in place, as the same
row's empty cells are in HTML or Word: read as blank, proven. A label's first half that wrapped onto a row
of its own (``| 行政规范性 |  |  |  |`` over ``| 文件 | 0 | 0 | 13 |``) is no such row: its empty fields
are never read as a blank row.
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document
from llm_extract.schema import Report
from llm_extract.synth import render

STOCK = ("issued", "repealed", "in_force")


def _text(golden_dir) -> tuple[Report, str]:
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    report = Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields})
    text = render(report, "markdown")
    rows = "| 规章 | 0 | 0 | 0 |\n| 行政规范性文件 | 0 | 0 | 13 |"
    assert rows in text
    return report, text


def test_a_stock_row_of_empty_fields_is_blank_and_proven(golden_dir) -> None:
    report, text = _text(golden_dir)
    text = text.replace("| 规章 | 0 | 0 | 0 |", "| 规章 |  |  |  |")
    record = process_document(Document.from_text(text, doc_id="x"))
    for c in STOCK:
        path = f"active_disclosure.regulations.{c}"
        assert record.report.get(path) is None, path
        assert record.provenance[path].status is Status.PROVEN, (path, record.provenance[path].note)
        other = f"active_disclosure.normative_documents.{c}"
        assert record.report.get(other) == report.get(other)


def test_the_last_stock_row_of_empty_fields_before_the_next_heading_is_blank(golden_dir) -> None:
    _, text = _text(golden_dir)
    text = text.replace("| 行政规范性文件 | 0 | 0 | 13 |", "| 行政规范性文件 |  |  |  |")
    record = process_document(Document.from_text(text, doc_id="x"))
    for c in STOCK:
        path = f"active_disclosure.normative_documents.{c}"
        assert record.report.get(path) is None, path
        assert record.provenance[path].status is Status.PROVEN, (path, record.provenance[path].note)


def test_a_wrapped_label_half_with_empty_fields_is_never_a_blank_row(golden_dir) -> None:
    report, text = _text(golden_dir)
    text = text.replace("| 行政规范性文件 | 0 | 0 | 13 |", "| 行政规范性 |  |  |  |\n| 文件 | 0 | 0 | 13 |")
    record = process_document(Document.from_text(text, doc_id="x"))
    for c in STOCK:
        path = f"active_disclosure.normative_documents.{c}"
        prov = record.provenance[path]
        assert record.report.get(path) == report.get(path) or prov.status is not Status.PROVEN, path
        assert record.report.get(path) is not None or prov.status is not Status.PROVEN, path
