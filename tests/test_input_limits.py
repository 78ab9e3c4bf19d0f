"""One document's size is limited: a huge file fails by name, unparsed, and the batch goes on.

A document's memory is many times its size (a 50 MB text dump took 390 MB); ``--max-mb`` /
``LLM_EXTRACT_MAX_MB`` bounds a document read as text or a web page, 8 times that a PDF or a
word-processor file, and ``--max-pages`` / ``LLM_EXTRACT_MAX_PAGES`` a PDF's pages.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from llm_extract import DocumentTooLargeError
from llm_extract.cli import app
from llm_extract.ingest import InputLimits, load_bytes, read_capped
from llm_extract.outputs import read_json
from tests.pdf_file import pdf_file

runner = CliRunner()
KB = 1024


def _batch(tmp_path: Path, golden_dir: Path, big: bytes, name: str = "huge.txt") -> Path:
    """A folder holding one sample report (7 KB) and ``big`` as ``name``."""
    src = tmp_path / "in"
    src.mkdir()
    report = sorted(golden_dir.glob("*.txt"))[0]
    shutil.copy(report, src / report.name)
    (src / name).write_bytes(big)
    return src


def _filler(size: int) -> bytes:
    return ("政府信息公开工作稳步推进。\n" * (size // 39 + 1)).encode()[:size]


def test_a_text_over_the_limit_fails_by_name_and_the_batch_goes_on(tmp_path: Path, golden_dir: Path) -> None:
    src = _batch(tmp_path, golden_dir, _filler(40 * KB))
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(src), "--out", str(out), "--max-mb", "0.02"])
    assert result.exit_code == 0, result.output              # one document was processed
    failure = read_json(out / "failed" / "huge.json")
    assert failure["error_type"] == "DocumentTooLargeError"
    assert "huge.txt: 40.0 KB, over the limit of 20.5 KB" in failure["error"]
    assert "--max-mb" in failure["error"] and "LLM_EXTRACT_MAX_MB" in failure["error"]
    assert len(list((out / "records").glob("*.json"))) == 1
    strict = runner.invoke(app, ["extract", str(src), "--out", str(out), "--max-mb", "0.02", "--strict"])
    assert strict.exit_code == 3


def test_the_environment_sets_the_limit_and_a_bad_value_is_a_usage_error(tmp_path: Path, golden_dir: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    src = _batch(tmp_path, golden_dir, _filler(40 * KB), "huge.html")
    monkeypatch.setenv("LLM_EXTRACT_MAX_MB", "0.02")
    result = runner.invoke(app, ["extract", str(src), "--out", str(tmp_path / "a")])
    assert result.exit_code == 0 and (tmp_path / "a" / "failed" / "huge.json").exists()
    # the option wins over the environment; 0 is no limit
    result = runner.invoke(app, ["extract", str(src), "--out", str(tmp_path / "b"), "--max-mb", "0"])
    assert read_json(tmp_path / "b" / "failed" / "huge.json")["error_type"] == "NotAReportError"
    monkeypatch.setenv("LLM_EXTRACT_MAX_MB", "lots")
    result = runner.invoke(app, ["extract", str(src), "--out", str(tmp_path / "c")])
    assert result.exit_code == 2 and "LLM_EXTRACT_MAX_MB" in result.output
    assert not (tmp_path / "c").exists()


def test_a_file_over_the_limit_is_refused_unread(tmp_path: Path) -> None:
    for name, limit in (("dump.txt", "10.0 MB"), ("scan.pdf", "80.0 MB")):
        big = tmp_path / name
        with big.open("wb") as fh:           # 1 GB that takes no disk: read whole, it would take 1 GB of memory
            fh.truncate(1024 * 1024 * 1024)
        with pytest.raises(DocumentTooLargeError, match=rf"{name}: 1024.0 MB, over the limit of {limit}"):
            read_capped(big, InputLimits(), as_text=name.endswith(".txt"))
    small = tmp_path / "small.txt"
    small.write_bytes(_filler(64 * KB))
    assert read_capped(small, InputLimits(max_mb=0)) == small.read_bytes()


def test_a_word_file_holding_a_web_page_is_held_to_the_limit_of_text() -> None:
    page = b"<html><body>" + _filler(40 * KB) + b"</body></html>"
    limits = InputLimits(max_mb=0.02)            # 20 KB of text, 160 KB of a package
    with pytest.raises(DocumentTooLargeError, match="report.doc"):
        load_bytes(page, doc_id="report", path="report.doc", suffix=".doc", limits=limits)
    assert len(page) < limits.file_bytes()       # (a real .doc of that size would be read)


def test_a_word_2003_xml_file_with_its_pictures_inside_is_held_to_the_limit_of_a_package() -> None:
    picture = b"<w:p><w:r><w:pict><w:binData w:name=\"wordml://1.png\">" + b"A" * 40 * KB + b"</w:binData></w:pict></w:r></w:p>"
    xml = (b'<?xml version="1.0"?><?mso-application progid="Word.Document"?><w:wordDocument '
           b'xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"><w:body>' + picture
           + "<w:p><w:r><w:t>本年新收政府信息公开申请数量</w:t></w:r></w:p>".encode() + b"</w:body></w:wordDocument>")
    limits = InputLimits(max_mb=0.02)            # 20 KB of text, 160 KB of a package
    assert len(xml) > 0.02 * 1024 * 1024         # over the limit of text, read as the package it is
    assert "本年新收" in load_bytes(xml, doc_id="report", path="report.doc", suffix=".doc", limits=limits).text


def _pdf(pages: int) -> bytes:
    kids = b" ".join(b"%d 0 R" % (3 + i) for i in range(pages))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * pages
    return pdf_file(objects)


def test_a_pdf_over_the_page_limit_fails_by_name_before_a_page_is_read() -> None:
    pytest.importorskip("pdfplumber")
    with pytest.raises(DocumentTooLargeError, match=r"long\.pdf: a PDF of 12 pages, over the limit of 10 pages"):
        load_bytes(_pdf(12), doc_id="long", path="long.pdf", suffix=".pdf", limits=InputLimits(max_pages=10))
    # within the limit it is read as before (no text layer here: a scan)
    with pytest.raises(Exception) as within:
        load_bytes(_pdf(3), doc_id="short", path="short.pdf", suffix=".pdf", limits=InputLimits(max_pages=10))
    assert not isinstance(within.value, DocumentTooLargeError)
