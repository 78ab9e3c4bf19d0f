"""PDF text that wrapped a label between its item number and the dot (``（四）无法提供1`` / ``.本机关不掌握…``):
the lone digit is the label's number, not a cell, and the row keeps its own seven cells."""

from __future__ import annotations

import re

import pytest

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICANT_COLUMNS, Report
from llm_extract.synth import render

NOT_HELD = r"^（四）无法提供\s+1\.本机关不掌握相关政府信息(.*)$"         # 2 0 0 0 0 0 2
PROCESS_INFO = r"^6\.属于四类过程性信息(.*)$"                            # 1 0 0 0 0 0 1
WRAPS = {
    # the digit glued to the group heading, the row's numbers after it on the same line
    "numbers after the digit": (NOT_HELD, r"（四）无法提供1\1\n.本机关不掌握相关政府信息"),
    # the digit alone after the heading, the numbers on the label's second line
    "numbers on the second line": (NOT_HELD, r"（四）无法提供1\n.本机关不掌握相关政府信息\1"),
    # the digit on a line of its own, under the row above's numbers
    "digit on a line of its own": (PROCESS_INFO, r"6\n.属于四类过程性信息\1"),
}


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_an_item_number_parted_from_its_label_is_no_cell(golden_dir, wrap: str) -> None:
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    report = Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields})
    pattern, replacement = WRAPS[wrap]
    text, n = re.subn(pattern, replacement, render(report, "pdftext"), count=1, flags=re.M)
    assert n == 1
    record = process_document(Document.from_text(text, doc_id="x"))
    assert record.report.values() == report.values()
    for row in ("partially_granted", "unavailable_not_held", "denied_internal_affairs", "denied_process_info"):
        for c in APPLICANT_COLUMNS:
            assert record.provenance[f"applications.{row}.{c}"].status is Status.PROVEN, (row, c)


def test_a_web_pages_item_number_in_a_span_of_its_own_is_the_labels_number(golden_dir) -> None:
    """A page's cell ``<span>1</span><span>．属于国家秘密</span>`` with its text taken one element to a line
    (BeautifulSoup's ``get_text("\\n")``): the digit stands on a line of its own under the group's title, or
    after the row above's cells and the empty cell (``&nbsp;``) of the column the title spans. It is the
    label's number, and every row keeps its own seven cells (one row printed as ``/``: blank, not 0)."""
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    g["applications"]["other_other"] = dict.fromkeys(g["applications"]["other_other"])
    report = Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields})
    text = render(report, "cells").replace("\t", "")
    text, n = re.subn(r"^([1-8])[.．]", r"\1\n．", text, flags=re.M)
    text = re.sub(r"^$", "\xa0", text, flags=re.M).replace("\n", "\n\n\n\n\n\n\n")
    assert n == 19 and "（三）不予公开\n\n\n\n\n\n\n1\n\n\n\n\n\n\n．属于国家秘密" in text
    record = process_document(Document.from_text(text, doc_id="x"))
    assert record.report.values() == report.values()
    assert all(v.status is Status.PROVEN for p, v in record.provenance.items() if p.startswith("applications."))
