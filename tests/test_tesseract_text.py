"""Tesseract's plain text of a scanned report (``tesseract page.png - -l chi_sim``), measured on page images of
PDFs printed by LibreOffice and Word: it prints no space between Chinese characters and few lone specks, but reads
a full-width parenthesis as ``〈`` or ``《`` (``第二十条第 〈一) 项``), a digit as a character standing among a row's
numbers (``0 0 1 1 0 1 汪``), and a table's rule as ``|`` glued to the next cell's words (``开 |密``). Those marks
make the text OCR output, from which 表二 (in no identity) is never proven. And tesseract leaves a row of zeros
out whole, its label kept: in OCR text a 表三 row read blank throughout, its label alone, is never proven."""

from __future__ import annotations

import pytest

from llm_extract.evidence import CellKind, Status
from llm_extract.ingest import Document, load_bytes
from llm_extract.ingest.ocr_specks import misread_digit_rows, ocr_specks
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICANT_COLUMNS, DISCLOSURE_PATHS, TABLE3_PATHS, TABLE4_PATHS
from tests.test_blank_rows_pdf_text import ROW, _blank_row_text

#: tesseract's readings of three lines of a LibreOffice-printed report (look set, --psm 3 and 4)
TESSERACT_LINES = {"第二十条第（一）项": "第二十条第 〈一) 项",
                   "本年收费金额（单位：万元）": "本年收费金额《单位: 万元)",
                   "第二十条第（五）项": "第二十条第 〈五) 项"}


def _tesseract(text: str) -> str:
    for typed, read in TESSERACT_LINES.items():
        text = text.replace(typed, read)
    return text


def test_misread_brackets_digits_and_rules_are_ocr_marks() -> None:
    assert ocr_specks("第二十条第 〈一) 项\n信息内容 本年收费金额《单位: 万元)\n") == 2
    assert misread_digit_rows("二、上年结转政府信息          0          0           1           1           0           1           汪") == 1
    assert misread_digit_rows("(七) 总计       3        O        O        O        0        工        4") == 1
    assert ocr_specks("开 |密\n本年 |开\n果 |的，\n予公 | 家秘\n") == 3        # (a rule between spaces: no mark)


@pytest.mark.parametrize("typed", [
    "本报告依据《中华人民共和国政府信息公开条例》（以下简称《条例》）编制",       # a typist's brackets pair up
    "统计期限自 2021 年 1 月 1 日起至 2021 年 12 月 31 日止。",                 # a date's 年 月 日 are no cells
    "3 危    0   0   0   0   0   0   0",                                     # a label cut to its first character
    "信息内容| 本年制发件数| 本年废止件数| 现行有效件数",                       # a converter's pipes
    "首页 | 政务公开 | 政府信息公开年报",                                        # a site's navigation
    "规章 0 0 无 0"])
def test_a_typed_text_shows_no_such_mark(typed: str) -> None:
    assert ocr_specks(typed) == 0


def test_tesseract_text_proves_no_cell_of_table_two(golden_dir) -> None:
    _, text = _blank_row_text(golden_dir, "pdftext")
    record = process_document(load_bytes(_tesseract(text).encode("utf-8"), doc_id="ocr", suffix=".txt"))
    assert "INGEST.OCR_SPECKS" in {f.code for f in record.findings}
    for path in DISCLOSURE_PATHS:
        assert record.provenance[path].status is not Status.PROVEN, path


def test_a_lone_label_of_ocr_text_is_no_proven_blank_row(golden_dir) -> None:
    """Tesseract dropped the row of zeros 7.属于行政执法案卷 whole, its label kept: read blank, it breaks no
    identity, and it is not proven; the rows printed are still proven by the identities."""
    _, text = _blank_row_text(golden_dir, "pdftext")
    record = process_document(load_bytes(_tesseract(text).encode("utf-8"), doc_id="ocr", suffix=".txt"))
    for c in APPLICANT_COLUMNS:
        prov = record.provenance[f"applications.{ROW}.{c}"]
        assert prov.kind is CellKind.BLANK and prov.status is Status.UNVERIFIED and "READ.OCR_BLANK" in prov.rules
    printed = [p for p in TABLE3_PATHS if f".{ROW}." not in p]
    assert all(record.provenance[p].status is Status.PROVEN for p in printed)


def test_the_same_lone_label_typed_is_a_proven_blank_row(golden_dir) -> None:
    _, text = _blank_row_text(golden_dir, "pdftext")
    record = process_document(Document.from_text(text, doc_id="typed"))
    assert all(record.provenance[f"applications.{ROW}.{c}"].status is Status.PROVEN for c in APPLICANT_COLUMNS)


def test_a_speck_beside_a_rule_is_an_ocr_mark() -> None:
    assert ocr_specks("信息内容     末年制发伯数 。 | 。 本年庆目件数 | 。 现行有效件数\n") == 1
    assert ocr_specks("首页 | 政务公开\n| 规章 | 0 | 0 | 0 |\n") == 0


#: tesseract's 表四 row of a LibreOffice-printed report (look set, --psm 4): its two 1s read as 工, 21 as 2 1 twice
TABLE4_READ = "0  0  0  工  工  0  0  0 10 10 2 1 0  0  0 2 1"


def test_a_table4_row_with_digits_read_as_characters_is_not_read_cell_by_cell(golden_dir) -> None:
    """Fifteen numbers are left once the two 工 are dropped, and the first group's identity holds on them (0 0 0 0
    0, where the report prints 0 0 0 1 1): the 工 are cells, so the numbers left are no reading of the row."""
    _, text = _blank_row_text(golden_dir, "pdftext")
    row = "0      0    0  0   0   0      0    0     0  0      0      0  0 0      0"
    assert row in text
    record = process_document(load_bytes(_tesseract(text.replace(row, TABLE4_READ)).encode("utf-8"), doc_id="ocr",
                                         suffix=".txt"))
    for path in TABLE4_PATHS:
        assert record.provenance[path].status is not Status.PROVEN, path
