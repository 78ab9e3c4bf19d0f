"""An OCR engine drops digits: tesseract read a 表四 group's ``1`` (尚未审结) and its total ``1`` as nothing, and
the group's one identity (0 + 0 + 0 + blank = blank) still held, so the empty cells came out proven. In an OCR'd
text a 表四 cell holding nothing is never proven (``READ.OCR_BLANK``); the same text typed proves it empty."""

from __future__ import annotations

import json

from llm_extract.evidence import Status
from llm_extract.ingest import load_bytes
from llm_extract.pipeline import process_document
from llm_extract.schema import Report
from llm_extract.synth import render
from tests.fixtures.ingest.tool_outputs import ocr_spaced

EMPTIED = ("review_litigation.litigation_after_review.pending", "review_litigation.litigation_after_review.total")


def _text(golden_dir) -> str:
    data = json.loads((golden_dir / "003_d677def7845cc038.json").read_text(encoding="utf-8"))
    data["review_litigation"]["litigation_after_review"].update(pending=None, total=None)
    return render(Report.model_validate({k: v for k, v in data.items() if k in Report.model_fields}), "cells")


def test_an_empty_table4_cell_of_ocr_text_is_not_proven(golden_dir) -> None:
    record = process_document(load_bytes(ocr_spaced(_text(golden_dir)).encode("utf-8"), doc_id="ocr"))
    assert "INGEST.OCR_SPACING" in {f.code for f in record.findings}
    for path in EMPTIED:
        prov = record.provenance[path]
        assert record.report.get(path) is None
        assert prov.status is Status.UNVERIFIED and "READ.OCR_BLANK" in prov.rules, path
    # the group's printed cells are still proven by their identity
    assert record.provenance["review_litigation.litigation_after_review.upheld"].status is Status.PROVEN


def test_the_same_empty_cells_typed_are_proven_empty(golden_dir) -> None:
    record = process_document(load_bytes(_text(golden_dir).encode("utf-8"), doc_id="typed"))
    for path in EMPTIED:
        assert record.report.get(path) is None and record.provenance[path].status is Status.PROVEN, path


#: three 0 cells of one column dropped, one above the other: each has a blank beside it (not an isolated blank,
#: verify/blanks.py), and every identity holds (a blank counts as 0)
T3_EMPTIED = ("applications.other_other.research", "applications.total_processed.research",
              "applications.carried_forward.research")


def _t3_text(golden_dir) -> str:
    data = json.loads((golden_dir / "003_d677def7845cc038.json").read_text(encoding="utf-8"))
    for path in T3_EMPTIED:
        data["applications"][path.split(".")[1]]["research"] = None
    return render(Report.model_validate({k: v for k, v in data.items() if k in Report.model_fields}), "cells")


def test_an_empty_table3_cell_of_ocr_text_is_not_proven_a_dropped_0_breaks_no_identity(golden_dir) -> None:
    record = process_document(load_bytes(ocr_spaced(_t3_text(golden_dir)).encode("utf-8"), doc_id="ocr"))
    for path in T3_EMPTIED:
        prov = record.provenance[path]
        assert record.report.get(path) is None
        assert prov.status is Status.UNVERIFIED and "READ.OCR_BLANK" in prov.rules, path
    assert record.provenance["applications.total_processed.total"].status is Status.PROVEN


def test_the_same_empty_table3_cells_typed_are_proven_empty(golden_dir) -> None:
    record = process_document(load_bytes(_t3_text(golden_dir).encode("utf-8"), doc_id="typed"))
    for path in T3_EMPTIED:
        assert record.report.get(path) is None and record.provenance[path].status is Status.PROVEN, path
