"""A PDF whose text layer cannot be decoded says so and asks for OCR; it is never called "not a report".

A producer that leaves out the fonts' ToUnicode maps (pdfminer reads ``(cid:17)``), maps them to
private-use code points, or leaves a character collection's table to guess (a Chinese report
comes out as kana and full-width letters) leaves a text layer that shows the page but reads as
nothing. Such a report is refused, as a scan is, with advice to OCR it; where the title, the
headings and the labels decode and the numbers do not, no number is read from the garbage unless one
digit map keeps every identity (tests/test_digit_maps.py): here the tables are all zeros, which any
map that reads their one code as 0 keeps.
"""

from __future__ import annotations

import re

import pytest

from llm_extract import UnsupportedFormatError, process_document
from llm_extract.ingest import Document, load_bytes
from llm_extract.ingest.notices import UNDECODABLE_TEXT
from tests.fakeopenai import report_text, sample_values
from tests.pdf_writer import text_pdf

LINES = report_text(sample_values()).split("\n")


def _process(data: bytes):
    return process_document(load_bytes(data, doc_id="d", path="d.pdf", suffix=".pdf"))


@pytest.mark.parametrize("to_unicode", ["none", "pua", "guessed"])
def test_a_text_layer_that_does_not_decode_is_refused_with_advice_to_ocr_it(to_unicode: str) -> None:
    doc = load_bytes(text_pdf(LINES, to_unicode=to_unicode), doc_id="d", path="d.pdf", suffix=".pdf")
    assert doc.meta["undecodable_pages"] == [1]
    with pytest.raises(UnsupportedFormatError) as info:
        process_document(doc)
    message = str(info.value)
    assert message.startswith("d.pdf: the PDF's text layer cannot be decoded (page 1: ")
    assert "ocrmypdf --force-ocr" in message and "not an annual report" not in message


def _all_zero(values: dict) -> dict:
    """The same report with every count 0: an all-zero table holds under any map that reads its one code as 0,
    so no digit map is admitted (verify/digitmap.py)."""
    return {k: (0 if isinstance(v, int) and k != "year" else v) for k, v in values.items()} | {
        "active_disclosure.fees_10k_yuan": 0}


ZERO_LINES = report_text(_all_zero(sample_values())).split("\n")


@pytest.mark.parametrize("digits", ["none", "pua"])
def test_readable_labels_over_unmapped_numbers_no_digit_map_settles_name_the_undecodable_text_and_read_no_number(
        digits: str) -> None:
    data = text_pdf(ZERO_LINES, digits_to_unicode=digits)
    doc = load_bytes(data, doc_id="d", path="d.pdf", suffix=".pdf")
    assert "三、收到和处理政府信息公开申请情况" in doc.lines and doc.meta["undecodable_pages"] == [1]
    with pytest.raises(UnsupportedFormatError, match="text layer cannot be decoded.*ocrmypdf --force-ocr"):
        process_document(doc)


def test_numbers_a_guessed_map_turns_into_letters_no_digit_map_settles_are_no_numbers_and_the_error_says_the_tables_were_found() -> None:
    doc = load_bytes(text_pdf(ZERO_LINES, digits_to_unicode="ascii"), doc_id="d", path="d.pdf", suffix=".pdf")
    assert "undecodable_pages" not in doc.meta            # W X ^ are characters: the page itself looks sound
    with pytest.raises(UnsupportedFormatError) as info:
        process_document(doc)
    message = str(info.value)
    assert "the report's tables (表二, 表三, 表四) were found, but none of their cells reads as a number" in message
    assert "ocrmypdf --force-ocr" in message


def test_a_few_private_use_bullets_of_a_symbol_font_do_not_make_a_text_undecodable() -> None:
    lines = LINES[:4] + ["\ue06c 一是加强组织领导 \ue06c 二是完善制度 \ue06c 三是强化监督"] + LINES[4:]
    record = _process(text_pdf(lines))
    assert record.report.values() == _process(text_pdf(LINES)).report.values()
    assert not [f for f in record.findings if f.code == UNDECODABLE_TEXT]


def test_a_report_read_in_part_warns_that_pages_of_its_text_layer_do_not_decode() -> None:
    doc = Document.from_text(report_text(sample_values()), doc_id="x", path="r.pdf", source_kind="pdf",
                             meta={"undecodable_pages": [3], "undecodable_chars": [180, 900]})
    record = process_document(doc)
    [warning] = [f for f in record.findings if f.code == UNDECODABLE_TEXT]
    assert warning.severity == "warning" and warning.detail == {"pages": [3]}
    assert "page 3: 180 of 900 characters" in warning.message and "ocrmypdf --force-ocr" in warning.message


def test_an_ocr_layer_that_read_no_number_of_the_tables_says_so_and_not_that_a_font_lacks_a_map() -> None:
    """tesseract over a ruled table at 200 dpi: the labels read, the cells came out as rule glyphs and noise."""
    garbled = [re.sub(r"\d+", "，|", line) if "\t" in line else line for line in ZERO_LINES]
    doc = load_bytes(text_pdf(garbled, ocr=True), doc_id="d", path="d.pdf", suffix=".pdf")
    assert doc.meta["ocr_pages"] == [1]
    with pytest.raises(UnsupportedFormatError) as info:
        process_document(doc)
    message = str(info.value)
    assert "an OCR engine's reading of scanned pages (1)" in message and "ToUnicode" not in message


def _labels_undecoded(lines: list[str]) -> bytes:
    """The report drawn with its title and headings decoding, its digits decoding (a Latin font that keeps its
    ToUnicode map), and the characters of its tables' labels mapped to private-use code points (a CJK subset
    without a usable map, as an office sets its tables in another font)."""
    from tests.pdf_text_layer import lines_runs, text_pdf as drawn

    heads = {c for line in lines if "\t" not in line for c in line}
    labels = {c for line in lines if "\t" in line for c in line if not c.isdigit() and c not in "\t."} - heads
    return drawn([lines_runs(lines, leading=11)],
                 to_unicode=lambda unit: chr(0xE000 + ord(unit) % 4000) if unit in labels else unit)


def test_numbers_that_decode_beside_labels_that_do_not_are_read_but_never_proven() -> None:
    """表四's fifteen numbers under its heading read by position, their header cells undecoded: queued."""
    record = _process(_labels_undecoded(LINES))
    t4 = {p: v for p, v in record.provenance.items() if p.startswith("review_litigation.")}
    assert record.report.get("review_litigation.administrative_review.total") == 2
    assert {v.status.value for v in t4.values()} == {"unverified"}
    assert all("READ.UNDECODABLE_TEXT" in v.rules for v in t4.values())
    assert not [p for p, v in record.provenance.items() if v.status.value == "proven" and p not in ("agency", "year")]
    [notice] = [f for f in record.findings if f.code == UNDECODABLE_TEXT]
    assert "queued for review" in notice.message and "no number was read" not in notice.message


def test_a_report_whose_undecodable_page_is_not_its_tables_is_proven_as_it_reads() -> None:
    """A cover or a title set in a decorative font without a map: the page is named, the tables (their labels
    decoded, each number beside its own) proven as they read."""
    doc = Document.from_text(report_text(sample_values()), doc_id="x", path="r.pdf", source_kind="pdf",
                             meta={"undecodable_pages": [1], "undecodable_chars": [24, 60]})
    record = process_document(doc)
    assert [f.code for f in record.findings if f.code == UNDECODABLE_TEXT] == [UNDECODABLE_TEXT]
    assert record.provenance["review_litigation.administrative_review.total"].status.value == "proven"
    assert record.provenance["applications.new_received.total"].status.value == "proven"


def test_the_same_report_whose_labels_decode_is_proven() -> None:
    from tests.pdf_text_layer import lines_runs, text_pdf as drawn

    record = _process(drawn([lines_runs(LINES, leading=11)]))
    assert record.provenance["review_litigation.administrative_review.total"].status.value == "proven"
