"""Reports printed in traditional characters (繁體) are read as the same report in simplified ones.

Government sites serve their pages in traditional characters too (a ``big5.`` gateway, a 繁體 button converting the
page on the server); a crawler following those links saves 本年新收政府資訊公開申請數量, 結果維持, （七）總計, often in
Big5. Such a text is converted to simplified characters (OpenCC), read like its simplified original, and carries the
note INGEST.TRADITIONAL; its numbers are the same, and so are their statuses."""

from __future__ import annotations

import html
from pathlib import Path

import opencc
import pytest

from llm_extract.ingest import load_bytes
from llm_extract.pipeline import process_document
from llm_extract.schema import ALL_PATHS
from tests.fixtures.ingest.form2021 import CLEAN_SEEDS

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
_S2T = opencc.OpenCC("s2t")


def _simplified_and_traditional(stem: str) -> tuple[str, str]:
    text = (GOLDEN / f"{stem}.txt").read_text(encoding="utf-8")
    return text, _S2T.convert(text)


def _big5_page(text: str) -> bytes:
    """A report page as a big5 gateway serves it: Big5 bytes, the charset in a meta tag, tab rows as table rows."""
    body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in line.split("\t")) + "</tr>" if "\t" in line
                   else f"<p>{html.escape(line)}</p>" for line in text.split("\n"))
    page = (f"<html><head><meta http-equiv='Content-Type' content='text/html; charset=big5'></head>"
            f"<body><table>{body}</table></body></html>")
    return page.encode("cp950", "replace")


def _same_reading(original, converted) -> None:
    for path in ALL_PATHS:
        if path == "agency":
            continue
        assert converted.report.get(path) == original.report.get(path), path
        assert converted.provenance[path].status == original.provenance[path].status, path


@pytest.mark.parametrize("stem", CLEAN_SEEDS)
def test_a_report_in_traditional_characters_reads_as_its_simplified_original(stem: str) -> None:
    simplified, traditional = _simplified_and_traditional(stem)
    assert "資訊" in traditional or "申請" in traditional
    original = process_document(load_bytes(simplified.encode("utf-8"), doc_id=stem, suffix=".txt"))
    converted = process_document(load_bytes(traditional.encode("utf-8"), doc_id=stem, suffix=".txt"))
    _same_reading(original, converted)
    assert [f.code for f in converted.findings if f.code.startswith("INGEST.")] == ["INGEST.TRADITIONAL"]
    assert not any(f.code == "INGEST.TRADITIONAL" for f in original.findings)
    assert converted.report.agency == original.report.agency      # (given in simplified characters, the note says)


def test_a_big5_page_is_decoded_and_read() -> None:
    stem = CLEAN_SEEDS[2]
    simplified, traditional = _simplified_and_traditional(stem)
    doc = load_bytes(_big5_page(traditional), doc_id=stem, suffix=".html")
    assert doc.encoding == "big5"
    assert "申请" in doc.text and "申請" not in doc.text
    record = process_document(doc)
    original = process_document(load_bytes(simplified.encode("utf-8"), doc_id=stem, suffix=".txt"))
    assert record.report.applications.total_processed.total == original.report.applications.total_processed.total
    assert record.report.applications.new_received.natural_person == original.report.applications.new_received.natural_person


def test_big5_text_without_a_declaration_is_told_from_gb18030() -> None:
    """Big5 bytes decode as GB18030 too, into nonsense: a text file in Big5 is read as Big5 when it prints the
    report's words; a GB18030 file stays GB18030."""
    stem = CLEAN_SEEDS[0]
    simplified, traditional = _simplified_and_traditional(stem)
    big5 = load_bytes(traditional.encode("cp950", "replace"), doc_id=stem, suffix=".txt")
    assert big5.encoding == "big5" and "政府信息公开" in "".join(big5.text.split())
    gb = load_bytes(simplified.encode("gb18030"), doc_id=stem, suffix=".txt")
    assert gb.encoding == "gb18030" and gb.text.strip() == simplified.strip()


def test_a_simplified_report_quoting_a_few_traditional_words_is_not_converted() -> None:
    stem = CLEAN_SEEDS[0]
    simplified, _ = _simplified_and_traditional(stem)
    quoted = simplified.replace("\n", "\n（原標題：關於開展資訊公開工作的報告，臺灣同胞來函諮詢）\n", 1)
    doc = load_bytes(quoted.encode("utf-8"), doc_id=stem, suffix=".txt")
    assert "臺灣同胞" in doc.text and "traditional" not in doc.meta
