"""A scanned ruled table is read cell by cell: its rules are found in the image (ingest/scan_rules.py).

``scanned-table4-blanks.pdf`` (tests/fixtures/pdf/make_scanned_grid.py): a report's 表四 printed as one ruled
row of fifteen cells whose cells of 0 are blank, scanned at 150 dpi, 0.8° askew. Its OCR text has eight
numbers for fifteen cells; without the grid, which cell each stands in was lost (表四 queued as missing). With
the rules found in the image, each number is read in its cell and each blank cell is blank (``null``), never
proven (an OCR'd blank may be a dropped 0: READ.OCR_BLANK).

Needs the ``ocr`` extra (RapidOCR): skipped without it, except in CI.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from llm_extract import load, process_document
from llm_extract.evidence import Status
from llm_extract.ingest import pdf_scan

SCAN = Path(__file__).parent / "fixtures" / "pdf" / "scanned-table4-blanks.pdf"
PRINTED = {"administrative_review": [None, 1, None, 15, 16], "litigation_direct": [1, None, None, None, 1],
           "litigation_after_review": [1, None, 1, None, 2]}
KEYS = ("upheld", "corrected", "other", "pending", "total")


@pytest.fixture(scope="module")
def record():
    if not pdf_scan.ocr_available():
        if os.environ.get("CI"):
            pytest.fail("the ocr extra (RapidOCR) is not installed: pip install -e '.[test]'")
        pytest.skip("the ocr extra (RapidOCR) is not installed")
    return process_document(load(SCAN))


def test_a_scanned_table4_with_blank_cells_is_read_cell_by_cell(record) -> None:
    values = record.report.values()
    read = {g: [values[f"review_litigation.{g}.{k}"] for k in KEYS] for g in PRINTED}
    assert read == PRINTED


def test_its_blank_cells_are_never_proven_and_nothing_is_settled_wrong(record) -> None:
    values = record.report.values()
    for group, cells in PRINTED.items():
        for key, printed in zip(KEYS, cells):
            path = f"review_litigation.{group}.{key}"
            status = record.provenance[path].status
            if printed is None:
                assert status is not Status.PROVEN, path
            elif status in (Status.PROVEN, Status.DERIVED):
                assert values[path] == printed, path
