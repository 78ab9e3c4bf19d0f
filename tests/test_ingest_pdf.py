"""PDFs with a text layer read as their golden reports; scans, corrupt and locked PDFs name themselves.

The PDFs in tests/fixtures/pdf/ were exported by LibreOffice from Word documents of the
golden reports (tests/fixtures/pdf/make_pdfs.py and make_family.py, run by hand): bordered
tables, an embedded CJK font subset with a ToUnicode map, as a government office exports a
report from Word. Tables split over pages, running heads and the real report are in
tests/test_pdf_family.py.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from llm_extract import BinaryDocumentError, UnsupportedFormatError, load, process_document, run_batch
from llm_extract.evidence import Status
from llm_extract.ingest import SUPPORTED_SUFFIXES, iter_inputs, load_bytes
from llm_extract.ingest.html import html_to_text
from llm_extract.ingest.pdf import pdf_to_text
from llm_extract.outputs import read_json
from tests.fixtures.ingest.form2021 import golden_report
from tests.fixtures.ingest.html_page import trs_page

PDFS = Path(__file__).parent / "fixtures" / "pdf"
FULLY_PRINTED = ("003_d677def7845cc038", "002_0126e23b7202ee31")
WITH_A_BLANK_ROW = "000_38ec84bebc7328d3"          # golden: 表三 （六）3.其他 is seven blank cells


def _pdf(stem: str) -> bytes:
    return (PDFS / f"{stem}.pdf").read_bytes()


def table_cells(text: str) -> list[str]:
    """The table lines of a one-cell-per-line text: every cell line and the empty line after each row."""
    lines = text.split("\n")
    first = next(i for i, line in enumerate(lines) if line.startswith("\t"))
    last = max(i for i, line in enumerate(lines) if line.startswith("\t"))
    return [line for line in lines[first:last + 2] if line.startswith("\t") or line == ""]


@pytest.mark.parametrize("stem", FULLY_PRINTED + (WITH_A_BLANK_ROW,))
def test_a_pdf_with_ruled_tables_reads_as_its_golden_report_with_every_field_proven(stem: str) -> None:
    doc = load(PDFS / f"{stem}.pdf")
    assert doc.source_kind == "pdf"
    record = process_document(doc)
    assert record.report.values() == golden_report(stem).values()
    assert {p: v.status for p, v in record.provenance.items() if v.status != Status.PROVEN} == {}


def test_a_row_of_blank_cells_is_read_as_blank_cells_not_lost_ones() -> None:
    # The text layer prints nothing for a blank cell; the ruled table still has the cell, so
    # each blank cell is a tab-only line, as in HTML, and reads as a proven blank (golden null).
    text = pdf_to_text(_pdf(WITH_A_BLANK_ROW))
    cells = table_cells(text)
    at = cells.index("\t3.其他")
    assert cells[at + 1:at + 9] == ["\t"] * 7 + [""]
    golden = golden_report(WITH_A_BLANK_ROW).values()
    blank = {path for path, value in golden.items() if value is None}
    assert blank and all(p.startswith("applications.other_other.") for p in blank)


@pytest.mark.parametrize("stem", FULLY_PRINTED + (WITH_A_BLANK_ROW,))
def test_ruled_tables_read_exactly_as_the_html_export_of_the_same_report(stem: str) -> None:
    # every cell one line (a tab, then its text), an empty line after each row, a merged cell
    # once where it starts (rowspan/colspan), wrapped labels joined; HTML keeps a space between
    # the two paragraphs of a cell where the PDF shows a line break only
    pdf = table_cells(pdf_to_text(_pdf(stem)))
    html = table_cells(html_to_text(trs_page(golden_report(stem))))
    assert [line.replace(" ", "") for line in pdf] == [line.replace(" ", "") for line in html]
    assert "\t（六）其他处理" in pdf and "\t三、本年度办理结果" in pdf
    assert "\t2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请" in pdf


def test_text_outside_the_tables_keeps_its_lines_and_reads_without_mojibake() -> None:
    text = pdf_to_text(_pdf("003_d677def7845cc038"))
    lines = text.split("\n")
    assert "三、收到和处理政府信息公开申请情况" in lines
    assert lines.index("三、收到和处理政府信息公开申请情况") + 1 == lines.index("\t（本列数据的勾稽关系为：第一项加第二项"
                                                                         "之和，等于第三项加第四项之和）")
    assert "\ufffd" not in text and "新乡市牧野区人民政府" in text


def test_a_scanned_pdf_without_a_text_layer_asks_for_ocr_and_names_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LLM_EXTRACT_OCR", "off")          # (with OCR on, it is read: tests/test_pdf_scan.py)
    with pytest.raises(UnsupportedFormatError, match="no text layer: a scanned PDF; OCR it first") as info:
        load(PDFS / "scanned.pdf")
    assert "scanned.pdf" in str(info.value) and "OCR is turned off (LLM_EXTRACT_OCR=off)" in str(info.value)


@pytest.mark.parametrize("content, detail", [
    (None, "truncated PDF"),                                          # a fixture cut in half
    (b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n", "not a readable PDF"),
    (b"<html><body>not a pdf</body></html>", "not a PDF"),
])
def test_a_corrupt_pdf_raises_an_error_that_names_the_file(tmp_path: Path, content: bytes | None,
                                                           detail: str) -> None:
    whole = _pdf("002_0126e23b7202ee31")
    path = tmp_path / "broken_report.pdf"
    path.write_bytes(content if content is not None else whole[: len(whole) // 2])
    with pytest.raises(BinaryDocumentError, match=detail) as info:
        load(path)
    assert "broken_report.pdf" in str(info.value)


def test_bytes_before_the_pdf_header_such_as_a_saved_http_reply_are_skipped() -> None:
    # A PDF's offsets count from its %PDF- header; readers accept up to 1 KiB of anything before it.
    # (The real report keeps its cross-references in a stream, which pdfminer finds only by offset.)
    whole = _pdf("huaian-2024")
    prefixed = b"HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\n\r\n" + whole
    assert pdf_to_text(prefixed) == pdf_to_text(whole)


def test_a_pdf_locked_with_a_password_names_the_file_and_one_only_restricted_by_its_owner_is_read() -> None:
    # both made from 003's PDF by qpdf (AES-256): a user password, and an owner password only
    with pytest.raises(BinaryDocumentError, match="needs a password") as info:
        load(PDFS / "locked.pdf")
    assert "locked.pdf" in str(info.value)
    doc = load(PDFS / "restricted.pdf")
    assert process_document(doc).report.values() == golden_report("003_d677def7845cc038").values()


def test_an_encrypted_pdf_the_pdf_library_cannot_decrypt_says_it_is_encrypted_not_corrupt(tmp_path: Path) -> None:
    # A permissions entry of 0 (no rights at all) makes pdfminer fail while it derives the key.
    whole = _pdf("002_0126e23b7202ee31")
    encrypt = (b"/Encrypt << /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32
               + b"> /P 0 >> /ID [<" + b"33" * 16 + b"> <" + b"33" * 16 + b">] ")
    trailer = whole.rindex(b"trailer")
    start = whole.index(b"<<", trailer) + 2
    path = tmp_path / "no_rights.pdf"
    path.write_bytes(whole[:start] + b" " + encrypt + whole[start:])
    with pytest.raises(BinaryDocumentError, match="an encrypted PDF that could not be decrypted") as info:
        load(path)
    assert "no_rights.pdf" in str(info.value) and "corrupt" not in str(info.value)


def test_without_pdfplumber_a_pdf_is_refused_with_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pdfplumber", None)     # `import pdfplumber` raises ImportError
    with pytest.raises(UnsupportedFormatError, match="report.pdf") as info:
        load_bytes(_pdf("003_d677def7845cc038"), doc_id="x", path="report.pdf", suffix=".PDF")
    assert "pdfplumber" in str(info.value) and "pip install 'llm-extract[pdf]'" in str(info.value)


def test_directories_yield_pdf_files(tmp_path: Path) -> None:
    for name in ("a.pdf", "b.PDF", "c.ps"):
        (tmp_path / name).write_bytes(b"x")
    assert ".pdf" in SUPPORTED_SUFFIXES
    # every file is an input (c.ps then fails by name: a folder never drops a file without a word)
    assert [p.name for p in iter_inputs([tmp_path])] == ["a.pdf", "b.PDF", "c.ps"]


def test_a_batch_of_pdfs_writes_their_records_and_goes_on_past_scanned_and_corrupt_ones(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LLM_EXTRACT_OCR", "off")          # a scan without OCR fails by name
    inputs = tmp_path / "in"
    inputs.mkdir()
    for stem in (*FULLY_PRINTED, WITH_A_BLANK_ROW, "scanned", "locked"):
        shutil.copy(PDFS / f"{stem}.pdf", inputs)
    whole = _pdf("003_d677def7845cc038")
    (inputs / "corrupt.pdf").write_bytes(whole[: len(whole) // 3])
    summary = run_batch([inputs], tmp_path / "out", llm="never")
    assert {Path(f["path"]).name: f["type"] for f in summary.failures} == {
        "scanned.pdf": "UnsupportedFormatError", "corrupt.pdf": "BinaryDocumentError",
        "locked.pdf": "BinaryDocumentError"}
    records = {p.stem: read_json(p) for p in (tmp_path / "out" / "records").glob("*.json")}
    assert {stem: r["source"]["format"] for stem, r in records.items()} == dict.fromkeys(
        (*FULLY_PRINTED, WITH_A_BLANK_ROW), "pdf")
    assert summary.fields == {"proven": 3 * 202}
