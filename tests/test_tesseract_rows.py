"""Tesseract's 表三 rows (``tesseract page.png - -l chi_sim --psm 4``): it reads a scanned table's numbers far better
than its labels' words. A row whose label it garbled (``3大及 所 入``, ``二人本务全``) is placed by the form's order
between two rows found by their labels, where the lines between them are one for each row the form prints there;
and a 1 it printed as ``工`` is a number's place whose digit the identities pin. Only in OCR text, and never
proven where the order or the glyph alone would say so."""

from __future__ import annotations

from pathlib import Path

from llm_extract.evidence import Status
from llm_extract.ingest import Document, load_bytes
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICANT_COLUMNS, TABLE3_PATHS
from llm_extract.synth import render
from tests.test_blank_rows_pdf_text import _report
from tests.test_tesseract_text import _tesseract

#: two rows as typed, and as tesseract read their labels on a look document (w1_002, --psm 4)
SECURITY = "3.危及“三安全一稳定” 0   0     0    0 0   0     0"
THIRD_PARTY = "4.保护第三方合法权益   0      0 0     0   0     0  0"
PROCESS = "6.属于四类过程性信息    1   0     0  0   0  0  1"
ENFORCEMENT = "7.属于行政执法案卷  0 0     0      0   0    0 0"
GARBLED = {SECURITY: "3大及 所 入    0    0    0    0    0    0    0",
           THIRD_PARTY: "二人本务全    0     0     0     0     0     0     0",
           PROCESS: "6属于四 过 性 凤    1   0     0  0   0  0  1",
           ENFORCEMENT: "7.- 属于行政执法业郑    0   0     0  0   0  0  0"}


def _text(golden_dir: Path, *rows: str, ocr: bool = True) -> str:
    text = render(_report(golden_dir), "pdftext")
    for row in rows:
        assert row in text
        text = text.replace(row, GARBLED.get(row, row))
    return _tesseract(text) if ocr else text


def _record(text: str):
    return process_document(load_bytes(text.encode("utf-8"), doc_id="ocr", suffix=".txt"))


def _row(record, row: str) -> list:
    return [record.report.values()[f"applications.{row}.{c}"] for c in APPLICANT_COLUMNS]


def test_a_row_whose_label_ocr_garbled_is_read_by_the_forms_order(golden_dir) -> None:
    """6.属于四类过程性信息 read as ``6属于四 过 性 凤``: between 5.属于三类内部事务信息 and 7.属于行政执法案卷, each
    with its numbers on its label's line, one line of seven numbers: that row's. The identities check it."""
    record = _record(_text(golden_dir, PROCESS))
    assert "INGEST.OCR_SPECKS" in {f.code for f in record.findings}
    assert _row(record, "denied_process_info") == [1, 0, 0, 0, 0, 0, 1]
    assert all(record.provenance[p].status is Status.PROVEN for p in TABLE3_PATHS)


def test_two_garbled_rows_that_could_trade_places_prove_only_what_they_agree_on(golden_dir) -> None:
    """3. and 4. garbled between 2. and 5., 6. and 7. between 5. and 8. Rows of one group trade places keeping every
    identity: where two rows placed between the same two found rows differ (6.'s 1 beside 7.'s 0), only the order
    says which is which; where they agree (3. and 4., both 0 throughout), the identities prove them."""
    record = _record(_text(golden_dir, SECURITY, THIRD_PARTY, PROCESS, ENFORCEMENT))
    assert _row(record, "denied_security_stability") == _row(record, "denied_third_party") == [0] * 7
    assert _row(record, "denied_process_info") == [1, 0, 0, 0, 0, 0, 1]
    assert _row(record, "denied_enforcement_file") == [0] * 7
    for row in ("denied_security_stability", "denied_third_party", "denied_process_info", "denied_enforcement_file"):
        for c in APPLICANT_COLUMNS:
            prov = record.provenance[f"applications.{row}.{c}"]
            if c in ("natural_person", "total") and row in ("denied_process_info", "denied_enforcement_file"):
                assert prov.status is Status.UNVERIFIED and "READ.ROW_ORDER" in prov.rules, (row, c)
            else:
                assert prov.status is Status.PROVEN, (row, c)


def test_a_typed_reports_unmatched_label_is_no_placed_row(golden_dir) -> None:
    """Without OCR's marks the text is no OCR reading: a label no pattern names is a renamed row, not a misread one."""
    record = process_document(Document.from_text(_text(golden_dir, PROCESS, ocr=False), doc_id="typed"))
    assert all(record.provenance[f"applications.denied_process_info.{c}"].status is not Status.PROVEN
               for c in APPLICANT_COLUMNS)


def test_a_dropped_row_leaves_the_order_unplaced(golden_dir) -> None:
    """Tesseract drops a row of zeros whole: with 3. garbled and 4.'s line gone, one line stands where the form
    prints two rows, and which it is the order cannot say."""
    text = _text(golden_dir, SECURITY).replace(THIRD_PARTY + "\n", "")
    record = _record(text)
    for row in ("denied_security_stability", "denied_third_party"):
        assert all(record.provenance[f"applications.{row}.{c}"].status is not Status.PROVEN for c in APPLICANT_COLUMNS)


def test_a_one_read_as_gong_is_pinned_by_the_identities(golden_dir) -> None:
    """chi_sim reads a table's 1 as 工 (``6.属于四类过程性信息 工 0 0 0 0 0 工``): a number's place; the row's and the
    column's identities pin both cells to 1, the digit 工 stands for, and so they are proven."""
    text = _text(golden_dir).replace(PROCESS, "6.属于四类过程性信息    工   0     0  0   0  0  工")
    record = _record(text)
    assert _row(record, "denied_process_info") == [1, 0, 0, 0, 0, 0, 1]
    for c in ("natural_person", "total"):
        prov = record.provenance[f"applications.denied_process_info.{c}"]
        assert prov.status is Status.PROVEN and "READ.OCR_LETTERS_PINNED" in prov.rules, c


def _table4_text(golden_dir: Path, ocr: bool) -> str:
    report = _report(golden_dir)
    report.review_litigation.administrative_review.upheld = 3      # 3 0 0 0 3: a count and its total
    report.review_litigation.administrative_review.total = 3
    report.review_litigation.litigation_direct.upheld = 1          # 1 2 0 0 3: no glyph read alike keeps it
    report.review_litigation.litigation_direct.corrected = 2
    report.review_litigation.litigation_direct.total = 3
    text = render(report, "pdftext")
    return _tesseract(text) if ocr else text


def test_a_table4_group_a_glyph_misread_alike_keeps_is_not_proven_in_ocr_text(golden_dir) -> None:
    """``3 0 0 0 3`` read as ``8 0 0 0 8`` still adds up, and the group's sum is its one identity: in OCR text the
    count and its total are read but not proven; the zeros, and a group no such misreading keeps, are."""
    record = _record(_table4_text(golden_dir, ocr=True))
    group = "review_litigation.administrative_review"
    for c in ("upheld", "total"):
        prov = record.provenance[f"{group}.{c}"]
        assert prov.status is Status.UNVERIFIED and "READ.OCR_ALIKE_DIGITS" in prov.rules, c
    for c in ("corrected", "other", "pending"):
        assert record.provenance[f"{group}.{c}"].status is Status.PROVEN, c
    for c in ("upheld", "corrected", "other", "pending", "total"):
        assert record.provenance[f"review_litigation.litigation_direct.{c}"].status is Status.PROVEN, c


def test_the_same_group_typed_is_proven(golden_dir) -> None:
    record = process_document(Document.from_text(_table4_text(golden_dir, ocr=False), doc_id="typed"))
    assert record.provenance["review_litigation.administrative_review.total"].status is Status.PROVEN


#: tesseract's 表四 of a look document (lo6vs22_01, --psm 4): 复议 1 0 0 30 31, 诉讼 0 0 2 0 2 and 2 0 0 0 2; the first 1
#: read as 工 on a line of its own, a rule as |
TABLE4_OCR = "0  0  30 | 31  0  0  2  0  了2  2  0  0  0  2\n工"


def test_a_gong_on_a_line_of_its_own_makes_no_table4_reading(golden_dir) -> None:
    """Taken as a cell, the 工 and the rule read as 1 give fifteen cells, and 0 + 0 + 30 + 1 = 31 holds: every cell
    of the group in the wrong place. Where chi_sim printed a digit as 工 among 表四's numbers, no cell is proven."""
    report = _report(golden_dir)
    for group, cells in (("administrative_review", (1, 0, 0, 30, 31)), ("litigation_direct", (0, 0, 2, 0, 2)),
                         ("litigation_after_review", (2, 0, 0, 0, 2))):
        for c, v in zip(("upheld", "corrected", "other", "pending", "total"), cells):
            setattr(getattr(report.review_litigation, group), c, v)
    text = render(report, "pdftext")
    row = next(line for line in text.splitlines() if line.startswith("1") and line.rstrip().endswith("2"))
    record = _record(_tesseract(text.replace(row, TABLE4_OCR)))
    expected = report.values()
    for path, prov in record.provenance.items():
        if path.startswith("review_litigation.") and prov.status is Status.PROVEN:
            assert record.report.values()[path] == expected[path], path
