"""A 表三 row Word broke over a page, as pymupdf4llm prints it (extract/gridwraps.label_over_page).

Each page's part of the table is a grid of its own under the header Word repeats. A row broken over the page
ends the first grid with its item number and numbers, and starts the next with the rest of its label and empty
fields::

    ||（四<br>）无<br>法提<br>供|２．|0|0|0|0|0|0|0|
    (the next page's header lines)
    |||没有<br>现成<br>信息<br>需要<br>另行<br>制作||||||||

The empty fields are no blank cells (read so, the row came out proven blank where it printed seven zeros): the
row's cells are the numbers beside its item number on the page before.
"""

from __future__ import annotations

import json
from pathlib import Path

from llm_extract.evidence import Status
from llm_extract.ingest import load
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICANT_COLUMNS

FIXTURE = Path(__file__).parent / "fixtures" / "layouts" / "pymupdf4llm_row_broken_over_page.md"


def test_a_rows_rest_past_a_page_break_takes_the_numbers_beside_its_item_number_before_it() -> None:
    record = process_document(load(FIXTURE))
    truth = json.loads(FIXTURE.with_suffix(".json").read_text(encoding="utf-8"))
    for row in ("unavailable_needs_creation", "other_no_correction"):
        for c in APPLICANT_COLUMNS:
            path = f"applications.{row}.{c}"
            assert record.report.get(path) == truth["applications"][row][c] == 0, path
    assert all(record.report.get(p) == v for p, v in _flat(truth).items()
               if record.provenance[p].status is Status.PROVEN)


def _flat(truth: dict) -> dict:
    return {f"applications.{row}.{c}": v for row, cells in truth["applications"].items() for c, v in cells.items()}
