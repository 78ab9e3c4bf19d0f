"""PDFs with a text layer read as their golden reports; scans, corrupt and locked PDFs name themselves.

The PDFs in tests/fixtures/pdf/ were exported by LibreOffice from Word documents of the
golden reports (tests/fixtures/pdf/make_pdfs.py, run by hand): bordered tables, an embedded
CJK font subset with a ToUnicode map, as a government office exports a report from Word.
"""

from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

import pypdf
import pytest

from llm_extract import BinaryDocumentError, UnsupportedFormatError, load, process_document, run_batch
from llm_extract.evidence import Status
from llm_extract.ingest import SUPPORTED_SUFFIXES, iter_inputs, load_bytes
from llm_extract.ingest.pdf import page_lines, pdf_to_text
from llm_extract.outputs import read_json
from tests.fixtures.ingest.form2021 import golden_report

PDFS = Path(__file__).parent / "fixtures" / "pdf"
FULLY_PRINTED = ("003_d677def7845cc038", "002_0126e23b7202ee31")
WITH_A_BLANK_ROW = "000_38ec84bebc7328d3"          # golden: 表三 （六）3.其他 is seven blank cells


def _pdf(stem: str) -> bytes:
    return (PDFS / f"{stem}.pdf").read_bytes()


@pytest.mark.parametrize("stem", FULLY_PRINTED)
def test_a_pdf_with_a_text_layer_reads_as_its_golden_report_with_every_field_proven(stem: str) -> None:
    doc = load(PDFS / f"{stem}.pdf")
    assert doc.source_kind == "pdf"
    record = process_document(doc)
    assert record.report.values() == golden_report(stem).values()
    assert {p: v.status for p, v in record.provenance.items() if v.status != Status.PROVEN} == {}


def test_a_row_of_blank_cells_prints_nothing_so_its_cells_are_derived_and_queued_not_proven() -> None:
    # A blank cell draws no glyph, so the text layer of a row of seven blank cells is its label
    # alone ("3.其他"): nothing tells blank cells (golden null) from cells the text lost. The
    # identities pin all seven to 0; they are DERIVED, which sends them to review.
    golden = golden_report(WITH_A_BLANK_ROW).values()
    blank = {path for path, value in golden.items() if value is None}
    assert blank and all(p.startswith("applications.other_other.") for p in blank)
    record = process_document(load(PDFS / f"{WITH_A_BLANK_ROW}.pdf"))
    got = record.report.values()
    assert {p: got[p] for p in blank} == dict.fromkeys(blank, 0)
    assert {p: v for p, v in got.items() if p not in blank} == {p: v for p, v in golden.items() if p not in blank}
    assert {p: v.status for p, v in record.provenance.items() if v.status != Status.PROVEN} == \
        dict.fromkeys(blank, Status.DERIVED)


def test_table_rows_become_tab_separated_rows_and_chinese_text_reads_without_mojibake() -> None:
    text = pdf_to_text(_pdf("003_d677def7845cc038"))
    lines = text.split("\n")
    assert "一、本年新收政府信息公开申请数量\t3\t0\t0\t0\t0\t0\t3" in lines
    assert "行政规范性文件\t0\t0\t13" in lines
    assert "行政事业性收费\t94.0121" in lines
    assert "0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0" in lines          # 表四: one row of 15 numbers
    assert "三、收到和处理政府信息公开申请情况" in lines
    assert "\ufffd" not in text and "新乡市牧野区人民政府" in text


def test_column_gaps_become_tabs_and_single_spaces_stay() -> None:
    assert page_lines("   规章        0      0     0   \n\n  行政 许可    15 498") == \
        ["规章\t0\t0\t0", "", "行政 许可\t15 498"]


def test_a_scanned_pdf_without_a_text_layer_asks_for_ocr_and_names_the_file() -> None:
    with pytest.raises(UnsupportedFormatError, match="no text layer: a scanned PDF; OCR it first") as info:
        load(PDFS / "scanned.pdf")
    assert "scanned.pdf" in str(info.value)


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


def _encrypted(data: bytes, user_password: str) -> bytes:
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(data))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_pdf_locked_with_a_password_names_the_file_and_one_only_restricted_by_its_owner_is_read() -> None:
    stem = "003_d677def7845cc038"
    with pytest.raises(BinaryDocumentError, match="needs a password") as info:
        load_bytes(_encrypted(_pdf(stem), "secret"), doc_id="x", path="locked.pdf", suffix=".pdf")
    assert "locked.pdf" in str(info.value)
    doc = load_bytes(_encrypted(_pdf(stem), ""), doc_id="x", path="restricted.pdf", suffix=".pdf")
    assert process_document(doc).report.values() == golden_report(stem).values()


def test_without_pypdf_a_pdf_is_refused_with_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pypdf", None)          # `import pypdf` raises ImportError
    with pytest.raises(UnsupportedFormatError, match="report.pdf") as info:
        load_bytes(_pdf("003_d677def7845cc038"), doc_id="x", path="report.pdf", suffix=".PDF")
    assert "pip install 'llm-extract[pdf]'" in str(info.value)


def test_directories_yield_pdf_files(tmp_path: Path) -> None:
    for name in ("a.pdf", "b.PDF", "c.ps"):
        (tmp_path / name).write_bytes(b"x")
    assert ".pdf" in SUPPORTED_SUFFIXES
    assert [p.name for p in iter_inputs([tmp_path])] == ["a.pdf", "b.PDF"]


def test_a_batch_of_pdfs_writes_their_records_and_goes_on_past_scanned_and_corrupt_ones(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    shutil.copytree(PDFS, inputs, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    whole = _pdf("003_d677def7845cc038")
    (inputs / "corrupt.pdf").write_bytes(whole[: len(whole) // 3])
    summary = run_batch([inputs], tmp_path / "out", llm="never")
    assert {Path(f["path"]).name: f["type"] for f in summary.failures} == {
        "scanned.pdf": "UnsupportedFormatError", "corrupt.pdf": "BinaryDocumentError"}
    records = {p.stem: read_json(p) for p in (tmp_path / "out" / "records").glob("*.json")}
    assert {stem: r["source"]["format"] for stem, r in records.items()} == dict.fromkeys(
        (*FULLY_PRINTED, WITH_A_BLANK_ROW), "pdf")
    assert summary.fields == {"proven": 3 * 202 - 7, "derived": 7}
