"""A converter's misdetected span: a row's cells read as one cell spanning them, its text (all their
numbers) repeated in each column it spans (``| 13 0 | 13 0 |``): the run is its cells, in their order."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.extract.spanrepeat import spread_repeats
from llm_extract.ingest import Document
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document
from llm_extract.schema import Report
from llm_extract.synth import render


def test_a_run_of_k_equal_fields_of_k_numbers_is_spread() -> None:
    assert spread_repeats(["（一）予以公开", "13 0", "13 0", "0", "13"]) == {1: "13", 2: "0"}
    assert spread_repeats(["x", "0", "/ /", "/ /", "0"]) == {2: "/", 3: "/"}


def test_other_repeats_are_one_spanning_cell() -> None:
    assert spread_repeats(["x", "0", "0", "5"]) == {}               # one number over two columns
    assert spread_repeats(["x", "1 2 3", "1 2 3", "5"]) == {}       # three numbers over two columns
    assert spread_repeats(["x", "13 0", "2", "5"]) == {}            # not repeated


def test_a_row_with_a_misdetected_span_is_read(golden_dir) -> None:
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    report = Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields})
    text = render(report, "markdown")
    row = next(line for line in text.split("\n") if "1.本机关不掌握相关政府信息" in line)
    cells = row.strip()[1:-1].split("|")
    k = len(cells) - 7                                   # the first of the seven number cells
    assert [c.strip() for c in cells[k:]] == ["2", "0", "0", "0", "0", "0", "2"]
    cells[k] = cells[k + 1] = " 2 0 "
    text = text.replace(row, "|" + "|".join(cells) + "|")
    record = process_document(Document.from_text(text, doc_id="x"))
    for col, want in (("natural_person", 2), ("commercial", 0), ("total", 2)):
        path = f"applications.unavailable_not_held.{col}"
        assert record.report.get(path) == want
        assert record.provenance[path].status is Status.PROVEN
