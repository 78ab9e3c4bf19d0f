"""Bad input fails its own document with a message naming it; the batch goes on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from llm_extract import (
    BinaryDocumentError,
    EmptyDocumentError,
    NotAReportError,
    UnreadableTablesError,
    UnsupportedFormatError,
    UnsupportedFormError,
    load,
    process_document,
    run_batch,
)
from llm_extract.evidence import Status
from llm_extract.ingest import decode_bytes, load_bytes

BAD = Path(__file__).parent / "bad_inputs"


@pytest.mark.parametrize("name, error", [
    ("empty.txt", EmptyDocumentError),
    ("whitespace_only.txt", EmptyDocumentError),
    ("binary.txt", BinaryDocumentError),
])
def test_unreadable_files_raise_an_error_that_names_the_file(name: str, error: type) -> None:
    with pytest.raises(error) as info:
        load(BAD / name)
    assert name in str(info.value)


def test_a_text_that_is_not_a_report_is_refused_by_name() -> None:
    with pytest.raises(NotAReportError, match="not_a_report.txt"):
        process_document(load(BAD / "not_a_report.txt"))


@pytest.mark.parametrize("name, encoding", [
    ("report_gbk.txt", "gb18030"), ("report_utf16.txt", "utf-16"), ("report_utf8_bom.txt", "utf-8-sig"),
])
def test_encodings_are_detected_and_the_report_reads_as_in_utf8(name: str, encoding: str, golden_dir: Path) -> None:
    doc = load(BAD / name)
    assert doc.encoding == encoding
    assert "新乡市牧野区人民政府" in doc.text and "\ufffd" not in doc.text
    reference = process_document(load(golden_dir / "003_d677def7845cc038.txt"))
    assert process_document(doc).report.values() == reference.report.values()


@pytest.mark.parametrize("written, misread", [
    ("gbk", "cp1252"), ("gbk", "latin-1"), ("utf-8", "latin-1"), ("gbk", "mac_greek"), ("gbk", "cp1251"),
    ("gbk", "cp852"), ("gbk", "cp855"),
])
def test_a_report_whose_bytes_were_read_in_a_one_byte_code_page_and_saved_again_is_read_as_written(
        written: str, misread: str, golden_dir: Path) -> None:
    """Mojibake: a crawler or converter guessed a one-byte code page for GBK or UTF-8 bytes (``Õþ¸®`` or
    ``æ”¿åºœ`` for 政府) and saved that as UTF-8. Re-reading the bytes as they were written gives the report back."""
    text = (golden_dir / "003_d677def7845cc038.txt").read_text(encoding="utf-8")
    mojibake = text.encode(written).decode(misread)
    assert "政府" not in mojibake                                  # the shape this test is about
    decoded, encoding = decode_bytes(mojibake.encode("utf-8"))
    assert decoded == text and encoding.startswith(("gb18030" if written == "gbk" else "utf-8") + " read as ")
    reference = process_document(load(golden_dir / "003_d677def7845cc038.txt"))
    doc = load_bytes(mojibake.encode("utf-8"), doc_id="m", suffix=".txt")
    assert process_document(doc).report.values() == reference.report.values()


def test_text_in_a_european_language_is_not_taken_for_mojibake() -> None:
    text = "Ça été très déjà vu — naïve façade, «guillemets», Straße, Ελληνικά, русский текст. " * 20
    assert decode_bytes(text.encode("utf-8")) == (text, "utf-8")


def test_big5_bytes_are_not_read_as_gbk_mojibake(golden_dir: Path) -> None:
    # Big5 bytes decode as GB18030 without an error, mostly into GBK's user-defined area (private use
    # characters): that text was taken as the document's, then refused as "not an annual report"
    traditional = "臺北市政府資訊公開工作年度報告，本年度共收到申請案件十二件。\n" * 20
    assert decode_bytes(traditional.encode("big5")) == (traditional, "big5")
    text = (golden_dir / "000_38ec84bebc7328d3.txt").read_text(encoding="utf-8")
    with pytest.raises(BinaryDocumentError, match="not text in any supported encoding"):
        decode_bytes(text.encode("big5", "replace"))      # (simplified characters Big5 has not: no encoding fits)
    assert decode_bytes(text.encode("gbk")) == (text, "gb18030")


def test_utf8_text_full_of_control_characters_is_refused_saying_so(golden_dir: Path) -> None:
    """A report saved with a terminal's colour codes on every line is valid UTF-8: "the file is binary" would send the
    user looking for an encoding problem; the error names the control characters."""
    text = (golden_dir / "000_38ec84bebc7328d3.txt").read_text(encoding="utf-8")
    coloured = "\n".join(f"\x1b[31m{line}\x1b[0m" for line in text.split("\n")).encode("utf-8")
    with pytest.raises(BinaryDocumentError, match=r"colour\.txt: valid UTF-8, but \d+ of its \d+ characters are "
                                                  r"control characters \(U\+001B"):
        decode_bytes(coloured, "colour.txt")
    with pytest.raises(BinaryDocumentError, match="the file is binary"):
        decode_bytes(bytes(range(256)) * 10, "noise.txt")


def test_utf16_without_a_bom_is_detected() -> None:
    text = "红旗区人民政府2021年政府信息公开工作年度报告\n行政许可\t3150\n"
    assert decode_bytes(text.encode("utf-16-le"))[0] == text


def test_a_report_without_table_4_gives_a_partial_record_with_table_4_missing() -> None:
    record = process_document(load(BAD / "report_without_table4.txt"))
    t4 = {p: v.status for p, v in record.provenance.items() if p.startswith("review_litigation.")}
    assert set(t4.values()) == {Status.MISSING}
    assert record.report.applications.new_received.total == 3
    assert record.provenance["applications.new_received.total"].status == Status.PROVEN


def test_an_unsupported_file_type_is_refused_by_name(tmp_path: Path) -> None:
    f = tmp_path / "report.xls"
    f.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(UnsupportedFormatError, match="report.xls"):
        load(f)


def test_the_2019_form_is_recognised_and_refused_rather_than_misread(tmp_path: Path) -> None:
    f = tmp_path / "old.txt"
    f.write_text("某县2019年政府信息公开工作年度报告\n二、主动公开政府信息情况\n\t信息内容\n\t本年新制作数量\n"
                 "\t本年新公开数量\n\t对外公开总数量\n\t规章\n\t0\n\t0\n\t0\n", encoding="utf-8")
    with pytest.raises(UnsupportedFormError, match="old.txt"):
        process_document(load(f))


def test_a_batch_of_bad_and_good_inputs_finishes_with_the_good_records_written(tmp_path: Path) -> None:
    out = tmp_path / "out"
    summary = run_batch([BAD], out)
    failed = {Path(f["path"]).name: f["type"] for f in summary.failures}
    assert failed == {"empty.txt": "EmptyDocumentError", "whitespace_only.txt": "EmptyDocumentError",
                      "binary.txt": "BinaryDocumentError", "not_a_report.txt": "NotAReportError",
                      "no_text.html": "EmptyDocumentError", "truncated.docx": "BinaryDocumentError"}
    written = sorted(p.stem for p in (out / "records").glob("*.json"))
    assert written == ["report_gbk", "report_utf16", "report_utf8_bom", "report_without_table4"]
    assert sorted(p.stem for p in (out / "failed").glob("*.json")) == sorted(Path(n).stem for n in failed)
    # each failure with the time it took (it was written before it was timed: 0.0 in every one)
    assert all(json.loads(p.read_text(encoding="utf-8"))["seconds"] > 0 for p in (out / "failed").glob("*.json"))
    lines = (out / "records.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["doc_id"] for line in lines] == written


def test_a_file_cut_off_inside_a_character_is_read_as_utf8_up_to_the_cut(golden_dir: Path) -> None:
    data = (golden_dir / "003_d677def7845cc038.txt").read_bytes()
    cut = data[: data.index("行政强制".encode()) + 3 + 3 + 2]   # inside 强, after 行政
    text, encoding = decode_bytes(cut, "cut.txt")
    assert encoding == "utf-8 (truncated)"
    assert text.endswith("行政") and "\ufffd" not in text


def test_a_web_page_whose_tables_are_pictures_says_so() -> None:
    """A CMS page printing each table as an image under its heading: the headings are found, no cell; the
    error names the pictures instead of advising a layout-preserving text."""

    page = ("<html><body><h1>某县人民政府2023年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>本年度……</p>"
            "<p>二、主动公开政府信息情况</p><p><img src='/u/a.jpg' width='600'></p>"
            "<p>三、收到和处理政府信息公开申请情况</p><p><img src='/u/b.png'></p>"
            "<p>四、政府信息公开行政复议、行政诉讼情况</p><p><img src='/u/c.jpg'></p>"
            "<p>五、存在的主要问题及改进情况</p><p>无。</p></body></html>")
    doc = load_bytes(page.encode("utf-8"), doc_id="p", path="p.html", suffix=".html")
    with pytest.raises(UnreadableTablesError, match="the page shows 3 pictures"):
        process_document(doc)


def test_markdown_of_a_page_whose_tables_are_pictures_says_so() -> None:
    """The same page as a converter's Markdown (markitdown writes ``![](src)``)."""
    md = ("某县人民政府2023年政府信息公开工作年度报告\n\n一、总体情况\n\n本年度……\n\n二、主动公开政府信息情况\n\n"
          "![](/u/a.jpg)\n\n**三、收到和处理政府信息公开申请情况**\n\n![](/u/b.png)\n\n"
          "**四、政府信息公开行政复议、行政诉讼情况**\n\n![表格](/u/c.png)\n\n五、存在的主要问题及改进情况\n\n无。\n")
    doc = load_bytes(md.encode("utf-8"), doc_id="p", path="p.md", suffix=".md")
    with pytest.raises(UnreadableTablesError, match="the page shows 3 pictures"):
        process_document(doc)


def _page(table3: str) -> str:
    from tests.fakeopenai import report_text, sample_values
    text = report_text(sample_values())
    head, rest = text.split("三、收到和处理政府信息公开申请情况", 1)
    tail = rest[rest.index("四、政府信息公开行政复议"):]

    def html(part: str) -> str:
        return "".join(f"<table><tr>{''.join(f'<td>{c}</td>' for c in line.split(chr(9)))}</tr></table>"
                       if "\t" in line else f"<p>{line}</p>" for line in part.split("\n") if line.strip())
    return (f"<html><body>{html(head)}<p>三、收到和处理政府信息公开申请情况</p>{table3}{html(tail)}"
            "<img src='/logo.png'></body></html>")


def test_a_table_published_as_a_picture_is_named_among_the_other_tables_read() -> None:
    """表二 and 表四 as text, 表三 as a picture: they are read, and a warning says 表三 may be the picture."""
    doc = load_bytes(_page("<p><img src='/u/t3.png'></p>").encode("utf-8"), doc_id="p", path="p.html", suffix=".html")
    record = process_document(doc)
    found = [f for f in record.findings if f.code == "INGEST.TABLE_PICTURES"]
    assert [f.detail["tables"] for f in found] == [["表三"]] and found[0].severity == "warning"
    assert record.report.values()["active_disclosure.licensing"] == 3150


def test_pictures_beside_tables_all_read_are_not_named() -> None:
    from tests.fakeopenai import report_text, sample_values
    table3 = report_text(sample_values()).split("三、收到和处理政府信息公开申请情况", 1)[1].split("四、政府信息公开")[0]
    rows = "".join(f"<tr>{''.join(f'<td>{c}</td>' for c in line.split(chr(9)))}</tr>" for line in table3.split("\n")
                   if "\t" in line)
    record = process_document(load_bytes(_page(f"<table>{rows}</table>").encode("utf-8"), doc_id="p", path="p.html",
                                         suffix=".html"))
    assert not [f for f in record.findings if f.code == "INGEST.TABLE_PICTURES"]


def test_a_sentence_over_a_table_published_as_a_picture_is_not_read_as_the_table() -> None:
    """表四 as a picture under a sentence summing it up: the picture is the table (the sentence may sum it up, or
    not), so its cells stay missing; a warning names it."""
    from tests.fakeopenai import report_text, sample_values
    text = report_text(sample_values())
    head, tail = text.split("四、政府信息公开行政复议、行政诉讼情况", 1)

    def html(part: str) -> str:
        return "".join(f"<table><tr>{''.join(f'<td>{c}</td>' for c in line.split(chr(9)))}</tr></table>"
                       if "\t" in line else f"<p>{line}</p>" for line in part.split("\n") if line.strip())
    page = (f"<html><body>{html(head)}<p>四、政府信息公开行政复议、行政诉讼情况</p><p>本年度被申请行政复议0件，提起行政诉讼0件。"
            f"</p><p><img src='t4.png'></p>{html(tail[tail.index('五、'):])}</body></html>")
    record = process_document(load_bytes(page.encode("utf-8"), doc_id="p", path="p.html", suffix=".html"))
    assert {record.provenance[p].status for p in record.provenance if p.startswith("review_litigation.")} \
        == {Status.MISSING}
    assert [f.detail["tables"] for f in record.findings if f.code == "INGEST.TABLE_PICTURES"] == [["表四"]]
