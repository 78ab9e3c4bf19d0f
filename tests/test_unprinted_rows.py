"""A 表三 row the report does not print at all is absent (null, like a blank row), not a lost row
the identities fill in; a row whose label is garbled but whose numbers are there is never absent."""

from __future__ import annotations

import pytest

from llm_extract.evidence import CellKind, Status
from llm_extract.ingest import Document
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE3_PATHS, Report
from llm_extract.synth import render

ROW = "denied_enforcement_file"          # 7.属于行政执法案卷
ROW_LINE_LABEL = "7.属于行政执去桉巻"     # (its label, damaged)


def _report(golden_dir) -> Report:
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    return Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields})


def _edit_row_line(text: str, edit) -> str:
    lines = text.split("\n")
    at = [i for i, line in enumerate(lines) if "执法案卷" in line]
    assert len(at) == 1                                    # the shape this test is about: one line per row
    return "\n".join(lines[:at[0]] + edit(lines[at[0]]) + lines[at[0] + 1:])


@pytest.mark.parametrize("layout", ["tabrows", "markdown"])
def test_a_row_left_out_of_the_table_is_absent_and_every_other_row_is_proven(golden_dir, layout: str):
    text = _edit_row_line(render(_report(golden_dir), layout), lambda line: [])
    record = process_document(Document.from_text(text, doc_id="x"))
    for p in TABLE3_PATHS:
        prov = record.provenance[p]
        if p.split(".")[1] == ROW:
            assert record.report.values()[p] is None, p
            assert prov.status is Status.MISSING and prov.kind is CellKind.ABSENT, p
            assert "READ.NOT_PRINTED" in prov.rules
        else:
            assert prov.status is Status.PROVEN, p


@pytest.mark.parametrize("layout", ["tabrows", "markdown"])
def test_a_row_whose_label_is_garbled_keeps_its_numbers_in_play(golden_dir, layout: str):
    """7.属于行政执去桉卷 with its seven numbers: the label is not recognised whole, but its numbers are in
    the table, so the row was printed: it is lost (missing or derived), or, where the damaged label keeps its item
    number and the words it opens with at the row's place in the form's order, read from its own line
    (extract/lostlabel.py); never absent."""
    text = _edit_row_line(render(_report(golden_dir), layout), lambda line: [line.replace("执法案卷", "执去桉巻")])
    record = process_document(Document.from_text(text, doc_id="x"))
    expected = _report(golden_dir).values()
    for c in ("natural_person", "total"):
        path = f"applications.{ROW}.{c}"
        prov = record.provenance[path]
        assert prov.kind is not CellKind.ABSENT, path
        assert prov.status in (Status.MISSING, Status.DERIVED) or (
            prov.status is Status.PROVEN and record.report.values()[path] == expected[path]
            and ROW_LINE_LABEL in text.split("\n")[prov.lines[0] - 1]), path
