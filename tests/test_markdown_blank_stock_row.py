"""A 表二 stock row a converter's markdown prints with every field empty (``| 规章 |  |  |  |``).

A department issues no 规章: the report leaves the row's three cells empty, and a converter prints three empty
fields, the pipes standing as they do in every other row. Those are three blank cells, in place, as the same
row's empty cells are in HTML or Word: read as blank, proven. A label's first half that wrapped onto a row
of its own (``| 行政规范性 |  |  |  |`` over ``| 文件 | 0 | 0 | 13 |``) is no such row: its empty fields
are never read as a blank row.
"""

from __future__ import annotations

import pytest

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


@pytest.mark.parametrize("row,other,printed", [
    ("regulations", "normative_documents", "| 规章 | 0 | 0 | 0 |"),
    ("normative_documents", "regulations", "| 行政规范性文件 | 0 | 0 | 13 |"),     # the last before the next heading
])
def test_a_stock_row_of_empty_fields_is_blank_and_proven(golden_dir, row, other, printed) -> None:
    report, text = _text(golden_dir)
    text = text.replace(printed, printed.split(" | ")[0] + " |  |  |  |")
    record = process_document(Document.from_text(text, doc_id="x"))
    for c in STOCK:
        path = f"active_disclosure.{row}.{c}"
        assert record.report.get(path) is None, path
        assert record.provenance[path].status is Status.PROVEN, (path, record.provenance[path].note)
        path = f"active_disclosure.{other}.{c}"
        assert record.report.get(path) == report.get(path)


@pytest.mark.parametrize("old,new,path", [
    ("| 行政规范性文件 | 0 | 0 | 13 |", "| 行政规范性 |  |  |  |\n| 文件 | 0 | 0 | 13 |", "normative_documents.in_force"),
    ("| 行政规范性文件 | 0 | 0 | 13 |", "| 行政规范性文件 |  |  |  |\n| （含规章） | 0 | 0 | 13 |",
     "normative_documents.in_force"),
    ("| 规章 | 0 | 0 | 0 |", "| 规章 |  |  |  |\n| （市级） | 0 | 0 | 0 |", "regulations.issued"),
    ("| 行政许可 | 15498 |", "| 行政许可 |  |  |  |\n| （件） | 15498 |  |  |", "licensing"),
])
def test_a_label_whose_rest_wrapped_onto_the_next_row_is_never_a_blank_row(golden_dir, old, new, path) -> None:
    """The label's cell wrapped and the converter made its rest a row of its own, the numbers on it: the
    empty fields beside the label's first half are no blank row."""
    report, text = _text(golden_dir)
    text = text.replace(old, new)
    assert new in text
    record = process_document(Document.from_text(text, doc_id="x"))
    path = f"active_disclosure.{path}"
    prov = record.provenance[path]
    assert record.report.get(path) == report.get(path) or prov.status is not Status.PROVEN, path


def test_a_one_cell_row_of_empty_fields_in_the_stock_grid_is_blank(golden_dir) -> None:
    """``| 行政强制 |  |  |  |``: the row's one cell spans the three stock columns, and is empty."""
    _, text = _text(golden_dir)
    text = text.replace("| 行政强制 | 0 |", "| 行政强制 |  |  |  |")
    assert "| 行政强制 |  |  |  |" in text
    record = process_document(Document.from_text(text, doc_id="x"))
    path = "active_disclosure.enforcement"
    assert record.report.get(path) is None
    assert record.provenance[path].status is Status.PROVEN, record.provenance[path].note


def test_numbers_above_a_label_of_empty_fields_are_never_read_as_a_blank_row(golden_dir) -> None:
    report, text = _text(golden_dir)
    text = text.replace("| 行政规范性文件 | 0 | 0 | 13 |", "|  | 0 | 0 | 13 |\n| 行政规范性文件 |  |  |  |")
    record = process_document(Document.from_text(text, doc_id="x"))
    for c in STOCK:
        path = f"active_disclosure.normative_documents.{c}"
        prov = record.provenance[path]
        assert record.report.get(path) == report.get(path) or prov.status is not Status.PROVEN, path
