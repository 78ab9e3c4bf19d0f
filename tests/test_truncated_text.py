"""A text file cut short inside its last character (a download cut off, a crawler's dump truncated at a byte limit)
is read without that character, in whatever encoding it was written, and its record warns of the cut
(INGEST.TRUNCATED_TEXT); bytes wrong anywhere else are still refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from llm_extract import BinaryDocumentError, process_document
from llm_extract.ingest import decode_bytes, load_bytes
from llm_extract.ingest.notices import TRUNCATED_TEXT

REPORT = "000_38ec84bebc7328d3.txt"
TRADITIONAL = "臺北市政府資訊公開工作年度報告，本年度共收到申請案件十二件。\n" * 20


@pytest.fixture()
def report(golden_dir: Path) -> str:
    """A real report's text, ending in a Chinese character (。)."""
    text = (golden_dir / REPORT).read_text(encoding="utf-8").rstrip()
    assert text.endswith("。")
    return text


def _truncation_warnings(data: bytes, suffix: str = ".txt") -> list[str]:
    record = process_document(load_bytes(data, doc_id="cut", suffix=suffix))
    return [f.message for f in record.findings if f.code == TRUNCATED_TEXT]


@pytest.mark.parametrize("left", [1, 2])
def test_utf8_cut_inside_its_last_character_is_read_without_it_and_the_record_warns(report: str, left: int,
                                                                                    golden_dir: Path) -> None:
    data = report.encode("utf-8")[:-3 + left]           # 。 is three bytes: one or two of them left
    assert decode_bytes(data, "cut.txt") == (report[:-1], "utf-8 (truncated)")
    record = process_document(load_bytes(data, doc_id="cut", suffix=".txt"))
    reference = process_document(load_bytes((golden_dir / REPORT).read_bytes(), doc_id="whole", suffix=".txt"))
    assert record.report.values() == reference.report.values()
    [warning] = [f.message for f in record.findings if f.code == TRUNCATED_TEXT]
    assert "ends inside a character (read as utf-8)" in warning and "(truncated)" not in warning
    assert not [f for f in reference.findings if f.code == TRUNCATED_TEXT]


def test_utf8_with_a_byte_order_mark_cut_inside_its_last_character(report: str) -> None:
    data = b"\xef\xbb\xbf" + report.encode("utf-8")[:-1]
    assert decode_bytes(data, "cut.txt") == (report[:-1], "utf-8-sig (truncated)")


def test_a_report_cut_in_its_middle_inside_a_character_is_read_up_to_the_cut(report: str) -> None:
    data = report.encode("utf-8")
    cut = data.index("行政复议".encode()) + 4            # 行 whole, one byte of 政
    text, encoding = decode_bytes(data[:cut], "cut.txt")
    assert encoding == "utf-8 (truncated)" and text == data[:cut - 1].decode("utf-8") and text.endswith("行")


def test_gbk_cut_inside_its_last_two_byte_character(report: str) -> None:
    data = report.encode("gbk")
    assert decode_bytes(data[:-1], "cut.txt") == (report[:-1], "gb18030 (truncated)")
    cut = data.index("行政复议".encode("gbk")) + 3        # in the middle of the file: 行 whole, the lead byte of 政
    assert decode_bytes(data[:cut], "cut.txt")[1] == "gb18030 (truncated)"
    assert len(_truncation_warnings(data[:-1])) == 1
    assert decode_bytes(data, "whole.txt") == (report, "gb18030")


def test_gb18030_cut_inside_a_four_byte_character(report: str) -> None:
    text = report + "𠀀"                                  # (outside GBK: four bytes in GB18030)
    for left in (1, 2, 3):
        assert decode_bytes(text.encode("gb18030")[:-4 + left], "cut.txt") == (report, "gb18030 (truncated)")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_an_odd_last_byte(report: str, encoding: str) -> None:
    assert decode_bytes(report.encode(encoding)[:-1], "cut.txt") == (report[:-1], "utf-16 (truncated)")


def test_utf16_cut_between_the_two_halves_of_a_surrogate_pair(report: str) -> None:
    assert decode_bytes((report + "𠀀").encode("utf-16")[:-2], "cut.txt") == (report, "utf-16 (truncated)")


def test_big5_cut_inside_its_last_character() -> None:
    data = TRADITIONAL.rstrip().encode("big5")
    assert decode_bytes(data[:-1], "cut.txt") == (TRADITIONAL.rstrip()[:-1], "big5 (truncated)")


@pytest.mark.parametrize("charset, encoding", [("gbk", "gbk"), ("gb2312", "gbk"), ("utf-8", "utf-8")])
def test_a_web_page_cut_inside_a_character_is_read_up_to_the_cut(report: str, charset: str, encoding: str) -> None:
    page = (f'<html><head><meta charset="{charset}"><title>报告</title></head><body><pre>{report}</pre>'
            "<p>附件：相关链接</p></body></html>").encode(encoding)
    cut = page[:page.index("附件".encode(encoding)) + 1]
    record = process_document(load_bytes(cut, doc_id="page", suffix=".html"))
    assert record.status_counts().get("proven", 0) > 150
    assert len([f for f in record.findings if f.code == TRUNCATED_TEXT]) == 1


def test_bytes_wrong_anywhere_but_in_a_last_character_cut_short_are_still_refused(report: str) -> None:
    """A UTF-8 text damaged elsewhere is refused naming where (not as "binary": that sends the user looking for the
    wrong fault); GBK damaged so, and noise, as binary."""
    data = report.encode("utf-8")
    middle = data.index("行政复议".encode()) + 4
    line = data[:middle].count(b"\n") + 1
    with pytest.raises(BinaryDocumentError, match=rf"broken\.txt: UTF-8 text but for 1 place where bytes make no "
                                                  rf"character, the first at byte {middle - 1} \(line {line}: "):
        decode_bytes(data[:middle] + data[middle + 2:], "broken.txt")    # a character's bytes missing mid-file
    with pytest.raises(BinaryDocumentError, match="UTF-8 text but for 1 place"):
        decode_bytes(data + b"\xff", "tail.txt")           # a byte no character starts with: no cut
    gbk = report.encode("gbk")
    with pytest.raises(BinaryDocumentError):
        decode_bytes(gbk[:-1] + b"\n", "gbk.txt")          # a lead byte with no trail byte, then more text
    with pytest.raises(BinaryDocumentError, match="the file is binary"):
        decode_bytes(bytes(range(1, 256)) * 40 + b"\xe4", "noise.txt")
    with pytest.raises(BinaryDocumentError, match="the file is binary"):
        decode_bytes(bytes(range(256)) * 10 + b"\xe4\xbd", "noise.txt")


def test_other_encodings_are_told_apart_as_before(report: str) -> None:
    assert decode_bytes(report.encode("utf-16"), "x.txt") == (report, "utf-16")
    assert decode_bytes(report.encode("utf-8"), "x.txt") == (report, "utf-8")
    assert decode_bytes(TRADITIONAL.encode("big5"), "x.txt") == (TRADITIONAL, "big5")
    with pytest.raises(BinaryDocumentError, match="not text in any supported encoding"):
        decode_bytes(report.encode("big5", "replace")[:-1], "x.txt")
