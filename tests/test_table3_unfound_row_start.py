"""A row's cells end where the next row starts, even when that row's label was not recognised.

A web page printed to PDF by a browser wraps a long label in its narrow cell; the text layer then
gives the row as ``（六）1.申请`` followed by its numbers, and the rest of the label in pieces
(``人无正`` / ``当理由`` …) that no label pattern matches. The row above, printed as ``无`` in each of
its seven cells, must keep its own seven cells, not take the numbers after the other row's item
number (they were read as its values and proven: the zeros keep every identity).
"""

from __future__ import annotations

import random
import re

from llm_extract.evidence import Status
from llm_extract.ingest import load_bytes
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICANT_COLUMNS
from llm_extract.synth import render
from llm_extract.synth.records import random_report

RECONFIRM = "5.要求行政机关确认或重新出具已获取信息"
NO_CORRECTION = "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"


def _report_text() -> str:
    report = random_report(random.Random(5), "x")      # both rows are zeros in this report
    text = render(report, "cells", seed=5)
    # the row above printed with 无 in every cell
    text = re.sub(re.escape(RECONFIRM) + r"(\n\t0){7}", RECONFIRM + "\n\t无" * 7, text)
    # （六）1.申请人… wrapped in a narrow cell: its numbers on the line of the label's first piece
    wrapped = "（六）1.申请\t0\t0\t0\t0\t0\t0\t0\n其他\t人无正\n处理\t当理由\n逾期不补正、行政机关不再处理其政府信息公开申请"
    text = re.sub(r"\t（六）其他处理\n\t" + re.escape(NO_CORRECTION) + r"(\n\t0){7}", wrapped, text)
    assert "\t无" in text and "人无正" in text
    return text


def test_the_row_above_keeps_its_own_empty_cells_and_not_the_next_row_s_numbers() -> None:
    record = process_document(load_bytes(_report_text().encode(), doc_id="x", suffix=".txt"))
    values = record.report.values()
    for c in APPLICANT_COLUMNS:
        path = f"applications.rejected_reconfirm.{c}"
        assert values[path] is None                     # 无: no value, not the next row's 0
        assert record.provenance[path].raw == "无" and record.provenance[path].status is Status.PROVEN
