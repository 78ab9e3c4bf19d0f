"""A number printed once is one table's cell: a line read as cells of two tables proves neither (READ.TWO_TABLES).

``pdf2txt.py`` prints a PDF's tables box by box, one number to a line; on some pages it prints 表四's heading
before 表三's last column of numbers, and a reader of 表四 took those numbers (all 0) for an empty 表四's fifteen
cells: every group sum held, so fifteen blank cells came out proven as 0. Whatever reader errs so, the lines
give it away: each was the value line of one 表三 cell and of one 表四 cell.
"""

from __future__ import annotations

import random

from llm_extract.evidence import CellKind, Reading, Status
from llm_extract.extract import extract_regex
from llm_extract.ingest import Document
from llm_extract.schema import TABLE3_PATHS, TABLE4_PATHS
from llm_extract.synth import render
from llm_extract.synth.records import random_report
from verify import verify_extraction
from verify.twotables import RULE

_LAST_T3 = TABLE3_PATHS[-len(TABLE4_PATHS):]      # 表三's last fifteen cells (结转下年度继续办理 and the row above)


def _extraction(text: str):
    return extract_regex(Document.from_text(text, doc_id="x"))


def _report_text(layout: str = "cells") -> str:
    return render(random_report(random.Random(3), "x"), layout, seed=1)


def test_table4_read_from_table3s_lines_is_not_proven() -> None:
    extraction = _extraction(_report_text())
    readings = dict(extraction.readings)
    for t4, t3 in zip(TABLE4_PATHS, _LAST_T3):       # 表四's cells read as 0 from 表三's value lines
        readings[t4] = Reading(value=0, kind=CellKind.ZERO, raw="0", lines=[readings[t3].lines[-1]], method="row-of-15")
    record = verify_extraction(extraction.model_copy(update={"readings": readings}))
    for p in TABLE4_PATHS + _LAST_T3:
        prov = record.provenance[p]
        assert prov.status is Status.UNVERIFIED and prov.rules == [RULE], (p, prov.status, prov.rules)
    assert record.provenance[TABLE3_PATHS[0]].status is Status.PROVEN      # 表三's other lines stay proven


def test_a_table2_cell_read_from_a_table3_numbers_line_is_not_proven() -> None:
    extraction = _extraction(_report_text())
    readings = dict(extraction.readings)
    t3 = TABLE3_PATHS[0]
    line = readings[t3].lines[-1]
    readings["active_disclosure.licensing"] = Reading(value=readings[t3].value, kind=readings[t3].kind,
                                                      raw=readings[t3].raw, lines=[line], method="label+cells")
    record = verify_extraction(extraction.model_copy(update={"readings": readings}))
    for p in ("active_disclosure.licensing", t3):
        assert record.provenance[p].status is Status.UNVERIFIED and RULE in record.provenance[p].rules, p


def test_a_table2_cell_run_into_a_line_of_table3_rows_is_not_in_doubt() -> None:
    """A crawler's line ``…行政事业性收费0.00三、收到和处理…一、本年新收政府信息公开申请数量0 0 0 0 0 0 0…``: the
    fee and whole rows of 表三 on one line, each number read once."""
    extraction = _extraction(_report_text())
    readings = dict(extraction.readings)
    line = readings["active_disclosure.fees_10k_yuan"].lines[-1]
    for p in TABLE3_PATHS[:7]:
        readings[p] = readings[p].model_copy(update={"lines": [line]})
    record = verify_extraction(extraction.model_copy(update={"readings": readings}))
    assert not any(RULE in p.rules for p in record.provenance.values())


def test_each_table_on_its_own_lines_is_proven() -> None:
    record = verify_extraction(_extraction(_report_text()))
    assert all(p.status is Status.PROVEN for p in record.provenance.values())


def test_a_page_dumped_as_one_line_is_still_proven() -> None:
    """A crawler's dump holds every table on one line: many cells of each table, no number read twice."""
    text = " ".join(line.strip() for line in _report_text().split("\n") if line.strip())
    record = verify_extraction(_extraction(text))
    assert not any(RULE in p.rules for p in record.provenance.values())
    assert all(p.status is Status.PROVEN for p in record.provenance.values())
