"""表三 rows a crawler glued together after dropping the web table's empty cells: ``予以公开1010`` (10 and 10).

A page whose table leaves the cells of no applications empty, dumped by a crawler that keeps no separator and no
trace of an empty cell, prints a row of 自然人 1 and 总计 1 as ``11``: no cut into seven cells adds up. Such a run
is cut into fewer numbers that add up (the total last) and its numbers placed, in order, among the columns, the
cells not printed empty; the table's identities choose the placement (``verify.blankplace``). What they pin is
derived, never proven; what they leave open stays open. Where the dump keeps some rows' fields (``\\t3\\t\\t…\\t3``,
a mixed dump), those rows say in which columns the numbers stand, and the identities carry it to the glued rows.
"""

from __future__ import annotations

import pytest

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICANT_COLUMNS, Report
from llm_extract.synth import render

ORGS = [c for c in APPLICANT_COLUMNS if c not in ("natural_person", "total")]
#: the rows of the report below that hold applications (自然人 only): every other row is 0 and 0
COUNTS = {"new_received": 3, "denied_process_info": 1, "unavailable_not_held": 2, "total_processed": 3}


@pytest.fixture(scope="module")
def dump(golden_dir) -> str:
    """A report whose applications all came from natural persons, every 法人 cell empty, glued as a crawler
    dumps it: each row its 自然人 and 总计 run together (``…申请数量33``)."""
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    for row in g["applications"].values():
        row.update(dict.fromkeys(ORGS), total=row["natural_person"])
    assert {r: v["total"] for r, v in g["applications"].items() if v["total"]} == COUNTS
    text = render(Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields}), "glued")
    assert "申请数量33\n" in text and "信息11\n" in text
    return text


def _cell(record, row: str, column: str):
    path = f"applications.{row}.{column}"
    return record.report.get(path), record.provenance[path].status


def test_a_mixed_dumps_field_rows_place_the_glued_rows_numbers(dump) -> None:
    record = process_document(Document.from_text(dump.replace("申请数量33\n", "申请数量\t3\t\t\t\t\t\t3\n"),
                                                 doc_id="x"))
    for row, n in COUNTS.items():
        if row == "new_received":
            continue                                        # read from its fields
        assert _cell(record, row, "natural_person") == (n, Status.DERIVED), row
        assert _cell(record, row, "total") == (n, Status.DERIVED), row
        for column in ORGS:
            assert _cell(record, row, column) == (None, Status.DERIVED), (row, column)


def test_an_all_glued_dump_places_the_totals_and_leaves_the_columns_open(dump) -> None:
    record = process_document(Document.from_text(dump, doc_id="x"))
    for row, n in COUNTS.items():
        assert _cell(record, row, "total") == (n, Status.DERIVED), row
        # nothing on the page says in which of the six columns a row's one number stands
        value, status = _cell(record, row, "natural_person")
        assert status is not Status.PROVEN and value in (None, n), row
    assert not any(record.provenance[f"applications.{r}.{c}"].status is Status.PROVEN
                   for r in COUNTS for c in APPLICANT_COLUMNS)
