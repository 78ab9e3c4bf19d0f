"""A 表三 row the report leaves out is absent (null, ``READ.NOT_PRINTED``) even when the table has other
damage too (an OCR'd cell, two cells merged, a crawler's digit runs): what stands between the rows
around it tells. Nothing but the row above's cells and group headings there: not printed. A garbled
label or a second row's numbers there: the row was printed and lost, and stays in play (never absent)."""

from __future__ import annotations

import re

import pytest

from llm_extract.evidence import CellKind, Status
from llm_extract.ingest import Document
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICANT_COLUMNS, Report
from llm_extract.synth import render

ROW = "denied_enforcement_file"          # 7.属于行政执法案卷, between 6.属于四类过程性信息 (1 0 0 0 0 0 1) and 8.


def _text(golden_dir, layout: str) -> str:
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    return render(Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields}), layout)


def _edit(text: str, word: str, edit) -> str:
    lines = text.split("\n")
    at = [i for i, line in enumerate(lines) if word in line]
    assert len(at) == 1
    return "\n".join(lines[:at[0]] + edit(lines[at[0]]) + lines[at[0] + 1:])


def _ocr_letter(text: str) -> str:
    """Damage elsewhere: a 0 of 2.重复申请 OCR'd as the letter O (a cell no identity can pin alone)."""
    return _edit(text, "重复申请", lambda line: [line.replace("0", "O", 1)])


def _merged(text: str) -> str:
    """Damage in the row above: its first two cells (1, 0) run together into one, 10."""
    return _edit(text, "过程性信息", lambda line: [re.sub(r"1(\s+)0", "10", line, count=1)])


def _wrapped(text: str) -> str:
    """The row above's label wrapped, its numbers on the first line: 6.属于四类过程  1 0 … / 性信息."""
    return _edit(text, "过程性信息", lambda line: [line.replace("过程性信息", "过程  "), "性信息"])


def _crawled(text: str) -> str:
    """A crawler's dump: 表三's lines run into one."""
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("三、收到和处理"))
    end = next(i for i, line in enumerate(lines) if line.startswith("四、政府信息公开行政复议"))
    return "\n".join(lines[:start] + ["".join(lines[start:end])] + lines[end:])


def _absent(record, row: str) -> bool:
    provs = [record.provenance[f"applications.{row}.{c}"] for c in APPLICANT_COLUMNS]
    return all(p.kind is CellKind.ABSENT and p.status is Status.MISSING and "READ.NOT_PRINTED" in p.rules
               for p in provs) and all(record.report.values()[f"applications.{row}.{c}"] is None
                                       for c in APPLICANT_COLUMNS)


DAMAGED = {
    "markdown, a cell OCR'd elsewhere": ("markdown", _ocr_letter),
    "PDF text, two cells merged in the row above": ("tabrows", _merged),
    "PDF text layout, two cells merged in the row above": ("pdftext", _merged),
    "PDF text layout, the row above's label wrapped, a cell OCR'd elsewhere": ("pdftext", lambda t: _ocr_letter(_wrapped(t))),
    "glued digit runs": ("glued", lambda t: t),
    "a crawler's dump on one line": ("glued", _crawled),
}


@pytest.mark.parametrize("case", sorted(DAMAGED))
def test_a_row_left_out_of_a_damaged_table_is_absent(golden_dir, case: str) -> None:
    layout, damage = DAMAGED[case]
    text = damage(_edit(_text(golden_dir, layout), "执法案卷", lambda line: []))
    record = process_document(Document.from_text(text, doc_id="x"))
    assert _absent(record, ROW)
    assert record.report.applications.denied_query_matter.total == 0       # the rows around it are read
    assert record.report.applications.unavailable_not_held.total == 2


@pytest.mark.parametrize("case", sorted(DAMAGED))
def test_a_garbled_label_in_a_damaged_table_keeps_its_row_in_play(golden_dir, case: str) -> None:
    """7.属于行政执去桉巻 with its numbers: not recognised, but text stands where the row would be."""
    layout, damage = DAMAGED[case]
    text = damage(_edit(_text(golden_dir, layout), "执法案卷", lambda line: [line.replace("执法案卷", "执去桉巻")]))
    record = process_document(Document.from_text(text, doc_id="x"))
    for c in APPLICANT_COLUMNS:
        prov = record.provenance[f"applications.{ROW}.{c}"]
        assert prov.kind is not CellKind.ABSENT and "READ.NOT_PRINTED" not in prov.rules


@pytest.mark.parametrize("layout", ["markdown", "tabrows"])
def test_a_row_whose_label_was_lost_but_numbers_kept_stays_in_play(golden_dir, layout: str) -> None:
    """The label gone, its seven numbers still there: fourteen cells after the row above's label."""
    text = _ocr_letter(_edit(_text(golden_dir, layout), "执法案卷", lambda line: [line.replace("7.属于行政执法案卷", "")]))
    record = process_document(Document.from_text(text, doc_id="x"))
    for c in APPLICANT_COLUMNS:
        assert record.provenance[f"applications.{ROW}.{c}"].kind is not CellKind.ABSENT
