"""表三 read in the form's order past its head (extract/headcells.py) only where each label printed on a line with its
row's seven numbers has them read as its row's: rows printed out of order are no proof of the form's order."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE3_ROW_PATHS


def test_rows_printed_out_of_order_with_a_label_that_lost_words_are_not_proven_in_the_forms_order() -> None:
    """3.要求提供公开出版物 printed 3.要求提供 (words lost) and before 2.重复申请 (rows out of order), each on its line with
    its seven: read in the form's order past the head (extract/headcells.py), 3.'s numbers would be 2.'s and 2.'s
    zeros 3.'s, every identity kept (both outcome rows). A line of text is one row: each line's numbers are its
    label's row, or there is no reading in the form's order."""
    from llm_extract.schema import APPLICANT_COLUMNS, Report
    from llm_extract.synth import render
    from tests.fakeopenai import sample_values

    values = sample_values()
    for c, v in zip(APPLICANT_COLUMNS[:6], (2, 0, 3, 2, 2, 0)):
        for row in ("rejected_publication", "total_processed", "new_received"):
            values[f"applications.{row}.{c}"] += v
    for row in ("rejected_publication", "total_processed", "new_received"):
        values[f"applications.{row}.total"] = sum(values[f"applications.{row}.{c}"] for c in APPLICANT_COLUMNS[:6])
    lines = render(Report.from_values("x", values), "tabrows", seed=1).split("\n")
    dup = next(k for k, line in enumerate(lines) if "2.重复申请" in line)
    assert "3.要求提供公开出版物" in lines[dup + 1]
    lines[dup], lines[dup + 1] = lines[dup + 1].replace("3.要求提供公开出版物", "3.要求提供"), lines[dup]
    record = process_document(Document.from_text("\n".join(lines), doc_id="x"))
    for row in ("rejected_duplicate", "rejected_publication"):
        for path in TABLE3_ROW_PATHS[row]:
            prov = record.provenance[path]
            assert record.report.get(path) == values[path] or prov.status is not Status.PROVEN, path
