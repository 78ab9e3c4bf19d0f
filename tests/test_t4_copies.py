"""表四's row of fifteen printed twice (a row or a page doubled by a crawler, a copy-paste or a converter): one copy is
read and the identities check it as any row; two lines that differ in any cell are no copies and stay unread."""

from __future__ import annotations

import json
from pathlib import Path

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE4_PATHS

_GOLDEN = Path(__file__).resolve().parent.parent / "golden"


def _seed(name: str) -> tuple[str, dict]:
    text = (_GOLDEN / f"{name}.txt").read_text(encoding="utf-8")
    truth = json.loads((_GOLDEN / f"{name}.json").read_text(encoding="utf-8"))["review_litigation"]
    return text, {f"review_litigation.{g}.{c}": v for g, cells in truth.items() for c, v in cells.items()}


def _t4(record) -> dict:
    return {p: record.report.values()[p] for p in TABLE4_PATHS}


def test_a_tab_row_of_fifteen_printed_twice_is_read_once_and_proven() -> None:
    text, truth = _seed("002_0126e23b7202ee31")
    row = "1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t1\t1\t"
    assert text.count(row + "\n") == 1
    record = process_document(Document.from_text(text.replace(row + "\n", row + "\n" + row + "\n"), doc_id="x"))
    assert _t4(record) == truth
    assert {record.provenance[p].status for p in TABLE4_PATHS} == {Status.PROVEN}


def test_fifteen_cells_one_to_a_line_printed_twice_are_read_once_and_proven() -> None:
    text, truth = _seed("000_38ec84bebc7328d3")
    cells = "\n".join(["\t0"] * 15) + "\n"
    head, tail = text.split("四、政府信息公开行政复议、行政诉讼情况", 1)
    assert tail.count(cells) == 1
    tail = tail.replace(cells, cells + "\n" + cells)
    record = process_document(Document.from_text(head + "四、政府信息公开行政复议、行政诉讼情况" + tail, doc_id="x"))
    assert _t4(record) == truth
    assert {record.provenance[p].status for p in TABLE4_PATHS} == {Status.PROVEN}


def test_two_lines_of_fifteen_that_differ_in_a_cell_are_no_copies() -> None:
    text, _ = _seed("002_0126e23b7202ee31")
    row = "1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t1\t1\t"
    other = "0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t1\t0\t0\t0\t1\t"
    record = process_document(Document.from_text(text.replace(row + "\n", row + "\n" + other + "\n"), doc_id="x"))
    assert Status.PROVEN not in {record.provenance[p].status for p in TABLE4_PATHS}
