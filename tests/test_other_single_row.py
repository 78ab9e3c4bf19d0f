"""（六）其他处理 printed as a single row with no sub-rows (FORM.md): its three sub-rows are 0
when the row is 0, and missing otherwise; the rows around it keep their own cells."""

from __future__ import annotations

import re

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document
from llm_extract.schema import Report
from llm_extract.synth import render

SUB_ROWS = ("other_no_correction", "other_unpaid_fee", "other_other")


def golden(golden_dir, stem="003_d677def7845cc038") -> Report:
    g = read_json(golden_dir / f"{stem}.json")
    return Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields})


def one_row(text: str, cells: str) -> str:
    """Replace the three sub-rows of (六) in tab-row text by one row."""
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("（六）其他处理"))
    return "\n".join(lines[:start] + ["（六）其他处理\t" + cells] + lines[start + 3:])


def test_a_zero_single_row_gives_zero_sub_rows_that_are_proven(golden_dir) -> None:
    report = golden(golden_dir)
    text = one_row(render(report, "tabrows"), "\t".join(["0"] * 7))
    record = process_document(Document.from_text(text, doc_id="x"))
    assert record.report.values() == report.values()
    for row in SUB_ROWS:
        prov = record.provenance[f"applications.{row}.total"]
        assert prov.status == Status.PROVEN and "one-row" in (prov.method or "")
    assert record.provenance["applications.rejected_reconfirm.total"].status == Status.PROVEN


def test_a_non_zero_single_row_leaves_the_sub_rows_missing_and_the_row_above_intact(golden_dir) -> None:
    report = golden(golden_dir)
    report.applications.other_other.natural_person = 1          # pretend the single row held 1
    text = one_row(render(report, "tabrows"), "\t".join(["1", "0", "0", "0", "0", "0", "1"]))
    record = process_document(Document.from_text(text, doc_id="x"))
    statuses = {record.provenance[f"applications.{r}.natural_person"].status for r in SUB_ROWS}
    assert Status.PROVEN not in statuses
    assert record.report.applications.rejected_reconfirm.total == 0
    assert record.provenance["applications.rejected_reconfirm.total"].status != Status.MISSING


def test_the_single_row_is_found_in_the_one_cell_per_line_layout_too(golden_dir) -> None:
    report = golden(golden_dir)
    text = render(report, "cells")
    pattern = re.compile(r"\t（六）其他处理\n\t1\.申请人无正当理由.*?\n\t3\.其他\n(?:\t0\n){7}", re.S)
    assert pattern.search(text)
    text = pattern.sub("\t（六）其他处理\n" + "\t0\n" * 7, text)
    record = process_document(Document.from_text(text, doc_id="x"))
    assert record.report.values() == report.values()
    assert all(p.status == Status.PROVEN for p in record.provenance.values())


def test_a_non_zero_single_row_leaves_even_its_zero_columns_unprinted_not_derived(golden_dir) -> None:
    """FORM.md: the sub-rows are 0 when the row is 0, and missing otherwise. Where the one row holds 0
    in a column, the identities imply 0 for each sub-row there; that is shown to the reviewer as a
    candidate, never output: the report does not print those cells."""
    report = golden(golden_dir)
    report.applications.other_other.natural_person = 1
    text = one_row(render(report, "tabrows"), "\t".join(["1", "0", "0", "0", "0", "0", "1"]))
    record = process_document(Document.from_text(text, doc_id="x"))
    for r in SUB_ROWS:
        prov = record.provenance[f"applications.{r}.commercial"]
        assert record.report.values()[f"applications.{r}.commercial"] is None
        assert prov.status == Status.MISSING and "READ.NOT_PRINTED" in prov.rules
        assert prov.candidates == {"derived": 0}
