"""A scanned page lying a quarter turn (a landscape 表三 page fed to the scanner sideways) is read turned upright.

The fixture ``scanned-002-150dpi.pdf`` (002's report scanned at 150 dpi) with its first page, which holds 表二 and
most of 表三, turned a quarter turn in the image, as a scanner delivers a page laid on its side: read as it lies, the
OCR engine reads every line of the table as a column (no row of 表三 on that page is read); turned upright
(llm_extract/ingest/scan_turn.py) it is read as the upright scan is.

The reading test needs RapidOCR (the ``ocr`` extra), as tests/test_pdf_scan.py does.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from llm_extract import load, process_document
from llm_extract.evidence import Status
from llm_extract.ingest.scan_turn import confidence, sideways
from llm_extract.schema import Report

from tests.test_pdf_scan import GOLDEN, SCAN, SETTLED, _needs_ocr


def _box(x: float, y: float, w: float, h: float) -> list[tuple[float, float]]:
    return [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]


def test_a_page_whose_long_text_boxes_stand_upright_lies_sideways_and_an_upright_page_does_not() -> None:
    lines = [_box(100, 100 + 40 * i, 900, 30) for i in range(8)]           # eight lines of text across the page
    upright = [_box(100 + 40 * i, 100, 30, 900) for i in range(8)]         # the same, the page turned
    cells = [_box(300 + 60 * i, 600, 25, 30) for i in range(7)]            # short numbers: no direction
    assert not sideways(lines + cells)
    assert sideways(upright + cells)
    assert not sideways(lines + upright[:2])        # a vertical header cell or two on an upright page
    assert not sideways(upright[:3])                # too few lines to tell


def test_the_engine_is_surer_of_a_reading_with_more_characters_read_at_high_scores() -> None:
    assert confidence(["三、本年度办理结果", "12"], [0.95, 0.9], 0.5) > confidence(["三、", "1"], [0.6, 0.4], 0.5)
    assert confidence(["xx"], [0.3], 0.5) == 0.0


@pytest.fixture(scope="module")
def sideways_record(tmp_path_factory: pytest.TempPathFactory):
    _needs_ocr()
    import pdfplumber
    from PIL import Image

    images = []
    with pdfplumber.open(SCAN) as pdf:
        for i, page in enumerate(pdf.pages):
            image = page.to_image(resolution=150).original.convert("L")
            images.append(image.rotate(90, expand=True) if i == 0 else image)      # page 1 on its side
    buf = io.BytesIO()
    images[0].save(buf, "PDF", resolution=150.0, save_all=True, append_images=images[1:])
    path = tmp_path_factory.mktemp("turned") / "scanned-002-page1-sideways.pdf"
    path.write_bytes(buf.getvalue())
    doc = load(path)
    return doc, process_document(doc)


def test_a_page_scanned_on_its_side_is_read_upright_and_nothing_read_from_it_is_settled_wrong(sideways_record) -> None:
    _, record = sideways_record
    golden = Report.model_validate({k: v for k, v in json.loads(GOLDEN.read_text(encoding="utf-8")).items()
                                    if k in Report.model_fields}).values()
    values = record.report.values()
    wrong_settled = [p for p in golden if values[p] != golden[p] and record.provenance[p].status in SETTLED]
    assert wrong_settled == []
    table3 = [p for p in golden if p.startswith("applications.")]
    right = sum(values[p] == golden[p] for p in table3)
    assert right >= 0.95 * len(table3)        # (read as it lies: the rows of page 1 are lost)
    assert record.provenance["applications.new_received.total"].status is Status.PROVEN
