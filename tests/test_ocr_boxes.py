"""An OCR engine's text boxes in reading order (PaddleOCR style): a cell to a line, but now and then two
neighbouring cells in one box (``0 -``, ``0 0``).

The row's cells are its tokens in reading order, a printed placeholder holding its place, when all but a
line or two hold one cell each. A fixed-width row broken over lines (several cells on every line) is still
never read cell by cell where a placeholder stands among them: which line's cell stands in which column is
unsure there.
"""

from __future__ import annotations

from llm_extract.extract.t3readings import _split_row
from llm_extract.form import FORM
from llm_extract.ingest import Document
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICANT_COLUMNS, Report
from llm_extract.synth import render

from tests.table3_checks import assert_table3_proven


def test_which_rows_are_split_over_lines() -> None:
    assert not _split_row([10, 11, 12, 12, 13, 14, 15])         # a cell to a line, one box of two
    assert not _split_row([10, 11, 11, 12, 12, 13])             # two boxes of two
    assert _split_row([10, 10, 10, 10, 11, 11, 11])             # a fixed-width row broken over two lines
    assert _split_row([10, 10, 11, 11, 12, 12, 12])
    assert _split_row([10, 10, 10, 11, 12, 13, 14], label_line=10)   # first cells beside the label (pdftotext)
    assert not _split_row([11, 11, 12, 13, 14, 15, 16], label_line=10)


def test_boxes_holding_two_cells_are_read_in_their_order(golden_dir) -> None:
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    report = Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields})
    for row in FORM.table3_rows[4:12]:
        report.set(f"applications.{row.key}.commercial", None)        # printed as placeholders
    text = render(report, "cells").replace("\t", "")
    for row in FORM.table3_rows:
        cells = ["-" if (v := report.get(f"applications.{row.key}.{c}")) is None else str(v)
                 for c in APPLICANT_COLUMNS]
        old = row.label + "\n" + "\n".join("" if c == "-" else c for c in cells)
        assert old in text, row.key
        boxes = [cells[0] + " " + cells[1], cells[2], cells[3] + " " + cells[4], *cells[5:]]
        text = text.replace(old, row.label + "\n" + "\n".join(boxes))
    record = process_document(Document.from_text(text, doc_id="x"))
    assert_table3_proven(record, report)
