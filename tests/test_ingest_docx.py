"""DOCX reports read exactly like Word's text export; unreadable and unsupported files name themselves."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from llm_extract import BinaryDocumentError, UnsupportedFormatError, load, process_document, run_batch
from llm_extract.evidence import Status
from llm_extract.ingest import SUPPORTED_SUFFIXES, iter_inputs, load_bytes
from llm_extract.ingest.docx import docx_to_text
from llm_extract.outputs import read_json
from tests.fixtures.ingest.form2021 import CLEAN_SEEDS, Cell, golden_report
from tests.fixtures.ingest.html_page import trs_page
from tests.fixtures.ingest.word_docx import W_NS, docx_bytes, document_xml, paragraph_xml, report_docx, table_xml


@pytest.mark.parametrize("stem", CLEAN_SEEDS)
def test_a_docx_reads_as_its_golden_report_with_every_field_proven(tmp_path: Path, stem: str) -> None:
    report = golden_report(stem)
    path = tmp_path / f"{stem}.docx"
    path.write_bytes(report_docx(report))
    doc = load(path)
    assert doc.source_kind == "docx"
    record = process_document(doc)
    assert record.report.values() == report.values()
    assert {p: v.status for p, v in record.provenance.items() if v.status != Status.PROVEN} == {}


def test_table_3_prints_like_words_text_export_with_merged_label_cells_blank_below() -> None:
    text = docx_to_text(report_docx(golden_report("003_d677def7845cc038")))
    assert "\t三、本年度办理结果\n\t（一）予以公开\n\t0\n" in text
    # the rows under a vertically merged label start with blank cells, as in seed 003
    assert "\n\n\t\n\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）\n\t0\n" in text
    assert "\n\n\t\n\t\n\t2.其他法律行政法规禁止公开\n" in text
    assert "\n\t行政许可\n\t15498\n\n" in text          # a run split inside a number is joined


def test_cells_are_one_per_line_and_a_horizontally_merged_cell_appears_once() -> None:
    grid = [[Cell("行政复议", colspan=5), Cell("行政诉讼", colspan=10)],
            [Cell("结果维持", rowspan=2), Cell("")], [Cell("7")]]
    assert docx_to_text(docx_bytes(document_xml([grid]))) == "\t行政复议\n\t行政诉讼\n\n\t结果维持\n\t\n\n\t\n\t7\n\n"


def test_paragraphs_and_tables_keep_document_order_and_deleted_text_is_left_out() -> None:
    body = (f'<w:p><w:r><w:t>某县2021年</w:t></w:r><w:del><w:r><w:delText>删去</w:delText></w:r></w:del>'
            f'<w:ins><w:r><w:t>政府信息公开工作年度报告</w:t></w:r></w:ins></w:p>'
            f'<w:p><w:r><w:t>行</w:t><w:tab/><w:t>一</w:t><w:br/><w:t>二</w:t></w:r></w:p>'
            f'<w:sdt><w:sdtContent>{table_xml([[Cell("1"), Cell("2")]])}</w:sdtContent></w:sdt><w:p/>'
            f'<w:p><w:r><w:instrText> PAGE </w:instrText><w:t>末段</w:t></w:r></w:p>')
    document = f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'
    assert docx_to_text(docx_bytes(document)) == "某县2021年政府信息公开工作年度报告\n行 一\n二\n\t1\n\t2\n\n末段\n"


def test_two_numbers_in_one_cell_do_not_run_together() -> None:
    document = document_xml([[[Cell("x")]]]).replace(paragraph_xml("x"), paragraph_xml("12") + paragraph_xml("3"))
    assert docx_to_text(docx_bytes(document)) == "\t12 3\n\n"


def _zip_with(name: str, content: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(name, content)
    return buf.getvalue()


@pytest.mark.parametrize("content, error, detail", [
    (b"PK\x03\x04 this is not really a zip archive", BinaryDocumentError, "corrupt or truncated ZIP"),
    (None, BinaryDocumentError, "corrupt or truncated ZIP"),                    # a truncated real docx
    (_zip_with("xl/workbook.xml", "<workbook/>"), UnsupportedFormatError, "without word/document.xml"),
    (_zip_with("word/document.xml", "<w:document"), BinaryDocumentError, "not well-formed XML"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), UnsupportedFormatError, "old binary Word"),
])
def test_an_unreadable_docx_raises_an_error_that_names_the_file(tmp_path: Path, content: bytes | None,
                                                                 error: type, detail: str) -> None:
    path = tmp_path / "broken_report.docx"
    path.write_bytes(content if content is not None else report_docx(golden_report("001_486c4dbf7b9bad2b"))[:900])
    with pytest.raises(error, match=detail) as info:
        load(path)
    assert "broken_report.docx" in str(info.value)


def test_an_unreadable_old_word_file_is_refused_with_advice_on_converting_it(tmp_path: Path) -> None:
    path = tmp_path / "report.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))     # an OLE2 header and nothing else
    with pytest.raises(BinaryDocumentError, match="report.doc") as info:
        load(path)
    assert "save it as .docx" in str(info.value)


def test_a_doc_that_is_really_a_docx_is_read_as_one() -> None:
    report = golden_report("004_70fa07ff4f3c9aaf")
    doc = load_bytes(report_docx(report), doc_id="x", path="x.doc", suffix=".doc")
    assert doc.source_kind == "docx"
    assert process_document(doc).report.values() == report.values()


def test_directories_yield_docx_files(tmp_path: Path) -> None:
    for name in ("a.docx", "b.DOCX", "c.xls", "d.doc"):
        (tmp_path / name).write_bytes(b"x")
    assert ".docx" in SUPPORTED_SUFFIXES
    # every file is an input: a .doc is read, c.xls fails by name (a folder never drops a file without a word)
    assert [p.name for p in iter_inputs([tmp_path])] == ["a.docx", "b.DOCX", "c.xls", "d.doc"]


def test_a_doc_in_a_folder_is_read_when_it_is_a_docx_and_refused_by_name_when_it_is_unreadable(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "saved-as-doc.doc").write_bytes(report_docx(golden_report("003_d677def7845cc038")))
    (inputs / "old-word.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    summary = run_batch([inputs], tmp_path / "out")
    assert (summary.documents, summary.ok, summary.failed) == (2, 1, 1)
    assert read_json(tmp_path / "out" / "records" / "saved-as-doc.json")["source"]["format"] == "docx"
    assert "save it as .docx" in read_json(tmp_path / "out" / "failed" / "old-word.json")["error"]


def test_a_batch_of_html_and_docx_reports_writes_their_records_and_goes_on_past_bad_ones(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "page.html").write_bytes(trs_page(golden_report("000_38ec84bebc7328d3")).encode("gbk"))
    (inputs / "word.docx").write_bytes(report_docx(golden_report("003_d677def7845cc038")))
    (inputs / "empty.htm").write_bytes(b"")
    (inputs / "corrupt.docx").write_bytes(b"PK\x03\x04 broken")
    summary = run_batch([inputs], tmp_path / "out")
    assert {Path(f["path"]).name: f["type"] for f in summary.failures} == {
        "empty.htm": "EmptyDocumentError", "corrupt.docx": "BinaryDocumentError"}
    records = {p.stem: read_json(p) for p in (tmp_path / "out" / "records").glob("*.json")}
    assert {stem: r["source"]["format"] for stem, r in records.items()} == {"page": "html", "word": "docx"}
    assert summary.fields == {"proven": 2 * 202}
