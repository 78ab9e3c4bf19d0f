"""A row's first cell glued onto the end of its label (pypdf's layout text squeezes a line where the label column
ends at the first number column: ``3.危及“三安全一稳定”0   0 …``): the digits are the row's first cell, and the row
reads its seven cells, proven. Digits a label's dotted tail claims as its item number stay the label's."""

from __future__ import annotations

import re

from llm_extract.evidence import Status
from llm_extract.extract.gluedcell import glued_first_cell
from llm_extract.extract.layout import tokenize
from llm_extract.ingest import Document
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICANT_COLUMNS, Report
from llm_extract.synth import render


def _report(golden_dir) -> Report:
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    g["applications"]["denied_security_stability"] = {c: 0 for c in APPLICANT_COLUMNS} | {"natural_person": 3,
                                                                                       "total": 3}
    for column in ("natural_person", "total"):     # (the other rows keep the identities)
        g["applications"]["total_processed"][column] += 3
        g["applications"]["new_received"][column] += 3
    return Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields})


def test_a_first_cell_glued_onto_its_label_is_the_rows_first_cell(golden_dir) -> None:
    report = _report(golden_dir)
    # pypdf's layout text: the item number a gap before the label, the label's words parted by its quotes and
    # wrapped, the first cell glued onto its last characters
    text, n = re.subn(r"^3\.危及“三安全一稳定”\s+(\d+)(.*)$", r"3    “、危及 三安\1\2\n       ”全一稳定",
                      render(report, "pdftext"), count=1, flags=re.M)
    assert n == 1 and "“、危及 三安3 " in text
    record = process_document(Document.from_text(text, doc_id="glued"))
    assert record.report.values() == report.values()
    for c in APPLICANT_COLUMNS:
        assert record.provenance[f"applications.denied_security_stability.{c}"].status is Status.PROVEN, c


def test_digits_that_a_dotted_label_after_them_claims_are_no_cell() -> None:
    items = tokenize(["2    （三）不予 公开1    0    0    0    0    0    0", ".属于国家秘密"], 1, 3)
    label, span, after = items[1], items[2:8], items[8]
    assert label.raw.endswith("1") and len(span) == 6
    assert glued_first_cell(label, span, 7, after) is None
    assert glued_first_cell(label, span, 7, None) is not None
