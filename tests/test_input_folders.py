"""A file in an input folder is never dropped without a word: read when it can be, failed by name when it
cannot, and listed with its reason when it is no document at all."""

from __future__ import annotations

import os
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from llm_extract import UnsupportedFormatError, process_document, run_batch
from llm_extract.cli import app
from llm_extract.ingest import load_bytes, scan_inputs
from llm_extract.outputs import read_json
from tests.fixtures.ingest.form2021 import GOLDEN, golden_report
from tests.fixtures.ingest.html_page import trs_page
from tests.fixtures.ingest.office_files import report_odt, report_rtf
from tests.fixtures.ingest.word_docx import report_docx

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _folder(tmp_path: Path) -> Path:
    inputs = tmp_path / "in"
    (inputs / "sub").mkdir(parents=True)
    (inputs / "wps-holding-docx.wps").write_bytes(report_docx(golden_report("000_38ec84bebc7328d3")))
    (inputs / "sub" / "saved.rtf").write_bytes(report_rtf(golden_report("001_486c4dbf7b9bad2b")))
    (inputs / "libre.odt").write_bytes(report_odt(golden_report("002_0126e23b7202ee31")))
    (inputs / "table.xls").write_bytes(_OLE2 + bytes(600))
    (inputs / "scan.tiff").write_bytes(b"II*\x00" + bytes(100))
    (inputs / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")
    (inputs / "~$saved.docx").write_bytes(b"\x05owner" + bytes(150))
    (inputs / "004.txt").write_bytes((GOLDEN / "004_70fa07ff4f3c9aaf.txt").read_bytes())
    (inputs / "004.json").write_bytes((GOLDEN / "004_70fa07ff4f3c9aaf.json").read_bytes())   # its golden file
    return inputs


def test_every_file_of_a_folder_is_read_or_failed_by_name_or_listed_as_skipped_with_its_reason(tmp_path: Path) -> None:
    summary = run_batch([_folder(tmp_path)], tmp_path / "out")
    records = {p.stem: read_json(p)["source"]["format"] for p in (tmp_path / "out" / "records").glob("*.json")}
    assert records == {"wps-holding-docx": "docx", "saved": "rtf", "libre": "odt", "004": "txt"}
    failed = {Path(f["path"]).name: f["error"] for f in summary.failures}
    assert set(failed) == {"table.xls", "scan.tiff"}
    assert "unsupported file type '.xls'" in failed["table.xls"] and "table.xls" in failed["table.xls"]
    assert (tmp_path / "out" / "failed" / "scan.json").exists()
    skipped = {Path(s["path"]).name: s["reason"] for s in summary.skipped}
    assert skipped == {".DS_Store": "a hidden file", "~$saved.docx": "Word's lock file of an open document",
                       "004.json": "a golden or record file beside its report"}
    assert read_json(tmp_path / "out" / "summary.json")["skipped"] == summary.skipped
    assert summary.documents == 6


def test_an_output_folder_inside_the_input_is_skipped_with_everything_in_it(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "page.html").write_bytes(trs_page(golden_report("000_38ec84bebc7328d3")).encode("gbk"))
    run_batch([inputs], inputs / "out")
    scanned = scan_inputs([inputs])                  # the second run sees the first run's outputs
    assert [f.name for f in scanned.files] == ["page.html"]
    assert [(Path(s.path).name, s.reason) for s in scanned.skipped] == [("out", "an llm-extract output directory")]


def test_a_folder_with_an_unreadable_file_exits_as_documented_for_failed_documents(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "report.docx").write_bytes(report_docx(golden_report("003_d677def7845cc038")))
    (inputs / "budget.xlsx").write_bytes(b"PK\x03\x04" + bytes(60))
    runner = CliRunner()
    ok = runner.invoke(app, ["extract", str(inputs), "--out", str(tmp_path / "a")])
    strict = runner.invoke(app, ["extract", str(inputs), "--out", str(tmp_path / "b"), "--strict"])
    assert (ok.exit_code, strict.exit_code) == (0, 3)
    assert "budget.xlsx" in read_json(tmp_path / "a" / "failed" / "budget.json")["error"]


def test_a_wps_file_is_read_as_what_it_holds_and_wps_own_format_is_refused_by_name() -> None:
    page = trs_page(golden_report("000_38ec84bebc7328d3")).encode("gbk")
    assert load_bytes(page, doc_id="x", path="x.wps", suffix=".wps").source_kind == "html"
    rtf = report_rtf(golden_report("001_486c4dbf7b9bad2b"))
    assert load_bytes(rtf, doc_id="x", path="x.doc", suffix=".doc").source_kind == "rtf"    # RTF saved as .doc
    for data in (_OLE2 + bytes(600), b"\x01WPS old format" + bytes(100)):
        with pytest.raises(UnsupportedFormatError, match=r"old\.wps: .*WPS.*save it as \.docx"):
            load_bytes(data, doc_id="x", path="old.wps", suffix=".wps")


def test_a_file_that_is_not_read_never_takes_the_id_of_the_report_beside_it(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "001.txt").write_bytes((GOLDEN / "001_486c4dbf7b9bad2b.txt").read_bytes())
    (inputs / "001.zip").write_bytes(b"PK\x05\x06" + bytes(18))      # (an archive: a type not read)
    run_batch([inputs], tmp_path / "out")
    assert [p.name for p in (tmp_path / "out" / "records").iterdir()] == ["001.json"]
    assert [p.name.startswith("001-") for p in (tmp_path / "out" / "failed").iterdir()] == [True]


def test_word_single_file_web_pages_are_read_as_mht_files_and_under_a_doc_name() -> None:
    report = golden_report("000_38ec84bebc7328d3")
    message = MIMEMultipart("related")
    message.attach(MIMEText(trs_page(report), "html", "gb2312"))
    mht = b"From: <Saved by Microsoft Internet Explorer>\r\n" + message.as_bytes()
    for path, suffix in (("page.mht", ".mht"), ("saved-as.doc", ".doc")):
        doc = load_bytes(mht, doc_id="x", path=path, suffix=suffix)
        assert doc.source_kind == "mht"
        assert process_document(doc).report.values() == report.values()


def _report_folder(tmp_path: Path) -> Path:
    inputs = tmp_path / "in"
    (inputs / "sub").mkdir(parents=True)
    (inputs / "top.txt").write_bytes((GOLDEN / "001_486c4dbf7b9bad2b.txt").read_bytes())
    (inputs / "sub" / "inner.txt").write_bytes((GOLDEN / "000_38ec84bebc7328d3.txt").read_bytes())
    return inputs


def test_a_folder_that_cannot_be_listed_fails_by_name_and_the_batch_goes_on(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inputs = _report_folder(tmp_path)
    denied = inputs / "sub"                          # as chmod 000 does for anyone but root
    scandir, stat = os.scandir, os.stat

    def no_entry(path: Any, *args: Any, **kwargs: Any) -> Any:
        if Path(path).parent == denied:
            raise PermissionError(13, "Permission denied", str(path))
        return stat(path, *args, **kwargs)

    def no_listing(path: Any = ".") -> Any:
        if Path(path) == denied:
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "stat", no_entry)
    monkeypatch.setattr(os, "scandir", no_listing)
    runner = CliRunner()
    ok = runner.invoke(app, ["extract", str(inputs), "--out", str(tmp_path / "a")])
    strict = runner.invoke(app, ["extract", str(inputs), "--out", str(tmp_path / "b"), "--strict"])
    assert (ok.exit_code, strict.exit_code) == (0, 3), ok.output
    summary = read_json(tmp_path / "a" / "summary.json")
    assert [p.name for p in (tmp_path / "a" / "records").iterdir()] == ["top.json"]
    assert [(f["path"], f["error"]) for f in summary["failures"]] == [
        (str(denied), f"{denied}: a folder that cannot be listed: Permission denied")]


def test_links_are_followed_and_a_broken_link_a_loop_or_a_pipe_is_never_passed_over_unsaid(tmp_path: Path) -> None:
    inputs = _report_folder(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "linked.txt").write_bytes((GOLDEN / "002_0126e23b7202ee31.txt").read_bytes())
    (elsewhere / "back").symlink_to(inputs)          # a loop: in → elsewhere → in
    (inputs / "elsewhere").symlink_to(elsewhere)
    (inputs / "again.txt").symlink_to(inputs / "top.txt")
    (inputs / "gone.txt").symlink_to(tmp_path / "deleted.txt")
    os.mkfifo(inputs / "pipe.txt")                   # reading it would wait forever
    summary = run_batch([inputs], tmp_path / "out")
    records = {p.stem: read_json(p)["source"]["path"] for p in (tmp_path / "out" / "records").glob("*.json")}
    assert records == {"top": str(inputs / "top.txt"), "inner": str(inputs / "sub" / "inner.txt"),
                       "linked": str(inputs / "elsewhere" / "linked.txt")}
    assert [(f["path"], f["error"]) for f in summary.failures] == [
        (str(inputs / "gone.txt"), f"{inputs / 'gone.txt'}: a broken link: No such file or directory")]
    assert {s["path"]: s["reason"] for s in summary.skipped} == {
        str(inputs / "elsewhere" / "back"): f"a link back to a folder it is in ({inputs})",
        str(inputs / "again.txt"): f"the same file as {inputs / 'top.txt'}",
        str(inputs / "pipe.txt"): "not a regular file (a pipe, socket or device)"}


def test_a_folder_that_is_also_the_output_is_read_for_its_reports_only(tmp_path: Path) -> None:
    from llm_extract.export import OUTPUT_FILES
    from llm_extract.ingest.inputs import OUTPUT_NAMES

    assert set(OUTPUT_FILES) <= OUTPUT_NAMES           # every file a run writes is known as an output
    folder = _report_folder(tmp_path)
    first = run_batch([folder], folder)
    again = run_batch([folder], folder)                # its records and report.html are no reports
    assert (first.documents, again.documents, again.resumed, again.failed) == (2, 2, 2, 0)
    assert sorted(p.name for p in (folder / "records").iterdir()) == ["inner.json", "top.json"]
    skipped = {Path(s["path"]).name: s["reason"] for s in again.skipped}
    assert skipped["records"] == skipped["report.html"] == "an output of llm-extract in this folder"


def test_a_report_that_cannot_be_read_any_more_is_failed_in_every_output_not_also_kept_as_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import csv

    folder = _report_folder(tmp_path)
    run_batch([folder], tmp_path / "out", workers=1)
    opened = Path.open

    def denied(self: Path, *args: Any, **kwargs: Any) -> Any:      # chmod 000 since the last run (root reads any)
        if self.name == "top.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return opened(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", denied)
    summary = run_batch([folder], tmp_path / "out", workers=1)
    assert [f["error"] for f in summary.failures] == [f"{folder / 'top.txt'}: Permission denied"]
    assert [p.name for p in (tmp_path / "out" / "records").iterdir()] == ["inner.json"]
    with open(tmp_path / "out" / "records.csv", encoding="utf-8-sig", newline="") as fh:
        rows = sorted((r["doc_id"], r["ok"]) for r in csv.DictReader(fh))
    assert rows == [("inner", "1"), ("top", "0")]


def test_a_report_whose_file_name_is_as_long_as_a_name_may_be_is_read(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    title = ("向阳区" + "关于印发政府信息公开工作年度报告的通知" * 5)[:83]       # 249 bytes, and ".txt"
    (inputs / f"{title}.txt").write_bytes((GOLDEN / "000_38ec84bebc7328d3.txt").read_bytes())
    (inputs / f"{title}.pdf").write_bytes(b"%PDF-1.4 cut short")                # a namesake that fails
    summary = run_batch([inputs], tmp_path / "out")
    assert (summary.ok, summary.failed) == (1, 1)
    [record] = (tmp_path / "out" / "records").iterdir()
    assert read_json(record)["source"]["path"] == str(inputs / f"{title}.txt")
    assert record.stem.startswith(title[:60]) and len(record.name.encode()) < 220


def test_a_web_page_saved_complete_is_read_and_its_resources_folder_is_passed_over_with_a_reason(
        tmp_path: Path) -> None:
    """A browser's "save as web page, complete" writes 报告.html and 报告_files/ (its pictures, styles, scripts):
    the page is the document; its resources are listed as skipped, never read one by one (a picture would be
    sent to OCR). A folder named so without its page beside it is read as any folder."""
    inputs = tmp_path / "in"
    (inputs / "报告_files").mkdir(parents=True)
    (inputs / "报告.html").write_bytes(trs_page(golden_report("000_38ec84bebc7328d3")).encode("utf-8"))
    for name in ("logo.png", "main.css", "jquery.js"):
        (inputs / "报告_files" / name).write_bytes(b"\x89PNG\r\n\x1a\n" if name.endswith("png") else b"a{}")
    (inputs / "old_files").mkdir()
    (inputs / "old_files" / "004.txt").write_bytes((GOLDEN / "004_70fa07ff4f3c9aaf.txt").read_bytes())
    found = scan_inputs([inputs])
    assert sorted(p.name for p in found.files) == ["004.txt", "报告.html"]
    assert [(Path(s.path).name, s.reason) for s in found.skipped] == [
        ("报告_files", "the pictures, styles and scripts of a web page saved complete beside it")]


def test_a_small_picture_is_no_scanned_page_and_is_refused_without_ocr() -> None:
    pil = pytest.importorskip("PIL.Image")
    import io

    logo = io.BytesIO()
    pil.new("RGB", (120, 60), (200, 0, 0)).save(logo, "PNG")
    with pytest.raises(UnsupportedFormatError, match="too small to be a scanned page|read by OCR only"):
        load_bytes(logo.getvalue(), doc_id="logo", suffix=".png")
