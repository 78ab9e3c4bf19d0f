"""表二 in a crawler's dump (``get_text("")``) whose empty cells are ``&nbsp;``: each no-break space is one empty
cell, in its place (extract/t2nbsp.py)::

    规范性文件\u00a0\u00a0106        ← 本年制发件数 and 本年废止件数 empty, 现行有效件数 106

Where the spaces and numbers do not make exactly the row's cells, nothing is placed by them.
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document
from llm_extract.schema import Report
from llm_extract.synth import render

ROW = "行政规范性文件0013\n"
PATHS = [f"active_disclosure.normative_documents.{c}" for c in ("issued", "repealed", "in_force")]


def _record(golden_dir, row: str):
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    text = render(Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields}), "glued")
    assert text.count(ROW) == 1
    return process_document(Document.from_text(text.replace(ROW, row), doc_id="x"))


def test_each_no_break_space_after_the_label_is_an_empty_cell_in_its_place(golden_dir) -> None:
    record = _record(golden_dir, "规范性文件\u00a0\u00a0106\n")
    assert [record.report.values()[p] for p in PATHS] == [None, None, 106]
    assert {record.provenance[p].status for p in PATHS} == {Status.PROVEN}
    record = _record(golden_dir, "规范性文件4\u00a013\n")
    assert [record.report.values()[p] for p in PATHS] == [4, None, 13]


def test_spaces_and_numbers_that_do_not_make_the_rows_cells_place_nothing(golden_dir) -> None:
    record = _record(golden_dir, "规范性文件\u00a0106\n")          # two cells shown for three
    assert not any(record.provenance[p].status is Status.PROVEN for p in PATHS)
