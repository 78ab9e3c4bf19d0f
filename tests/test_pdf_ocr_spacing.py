"""An OCR layer's spaces between Chinese words are no part of its text.

An OCR engine (tesseract) lays its reading over the scan word by word, and its words of Chinese are
a character or two: the text layer reads ``二 、 主 动公开 政府 信息 情况``, ``行政 许可``, and the section
headings and row labels are not found (表二 and 表三 lost). A page known to be an OCR layer (a scan
under invisible text, :mod:`llm_extract.ingest.pdf_ocr`) has its single spaces between two Chinese
characters taken out, as a text file showing OCR spacing has (:mod:`llm_extract.ingest.cjk_spacing`);
spaces next to a digit stay (``1 0`` may be two cells). A born-digital page's spaces are the page's.
"""

from __future__ import annotations

import re

from llm_extract.evidence import Status
from llm_extract.ingest import load_bytes
from llm_extract.pipeline import process_document
from llm_extract.schema import DISCLOSURE_PATHS, TABLE3_PATHS, TABLE4_PATHS
from tests.fakeopenai import report_text, sample_values
from tests.pdf_writer import text_pdf
from verify.ocrdigits import alike_digit_cells

VALUES = sample_values()
_PAIR = re.compile(r"([\u4e00-\u9fff]{2})(?=[\u4e00-\u9fff])")


def ocr_words(line: str) -> str:
    """``line`` with a space after every two Chinese characters followed by a third (an OCR engine's words)."""
    return _PAIR.sub(r"\1 ", line)


def _load(*, ocr: bool):
    lines = [ocr_words(line) for line in report_text(VALUES).split("\n")]
    assert "主动 公开" in "\n".join(lines)
    return load_bytes(text_pdf(lines, ocr=ocr), doc_id="d", path="d.pdf", suffix=".pdf")


def test_an_ocr_layers_spaced_words_read_as_the_report() -> None:
    doc = _load(ocr=True)
    assert "二、主动公开政府信息情况" in doc.text
    record = process_document(doc)
    settled = (Status.PROVEN, Status.DERIVED)     # (a long label runs into its first cell in this writer's layout)
    alike = set(alike_digit_cells(VALUES))      # (a 表四 group a glyph misread alike keeps: read, not proven)
    assert all(record.provenance[p].status in settled for p in TABLE3_PATHS + TABLE4_PATHS if p not in alike)
    assert all(record.report.get(p) == VALUES.get(p) for p in DISCLOSURE_PATHS + TABLE3_PATHS + TABLE4_PATHS)
    assert not any(record.provenance[p].status == Status.PROVEN for p in DISCLOSURE_PATHS)   # OCR proves no 表二


def test_a_born_digital_pages_spaces_are_kept() -> None:
    assert "主动 公开" in _load(ocr=False).text
