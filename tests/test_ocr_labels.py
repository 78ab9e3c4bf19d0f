"""Row labels an OCR engine misread by one look-alike character are still the form's rows (llm_extract/ocrglyphs.py)."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.extract.glued import recount_options, row_holds
from llm_extract.ingest import load_bytes
from llm_extract.pipeline import process_document
from llm_extract.schema import DISCLOSURE_PATHS, TABLE4_PATHS
from tests.fakeopenai import report_text, sample_values
from tests.pdf_writer import text_pdf

VALUES = sample_values()


def _ocr_record(replace: dict[str, str]):
    text = report_text(VALUES)
    for old, new in replace.items():
        assert old in text
        text = text.replace(old, new)
    doc = load_bytes(text_pdf(text.split("\n"), ocr=True), doc_id="d", path="d.pdf", suffix=".pdf")
    return process_document(doc)


def test_a_punishment_row_whose_chu_was_read_wai_is_still_the_punishment_row() -> None:
    """行政处罚 OCR'd as 行政外罚 (处/外 differ by a stroke): its count is read, as under the right label."""
    record = _ocr_record({"行政处罚": "行政外罚"})
    path = "active_disclosure.punishment"
    assert record.report.get(path) == VALUES[path]
    assert {p: record.report.get(p) for p in DISCLOSURE_PATHS} == {p: VALUES[p] for p in DISCLOSURE_PATHS}


# --- a page's number printed - 3 -, its dashes OCR'd as 一 (llm_extract/extract/layout.py)

def _spaced_ocr_lines(values: dict) -> list[str]:
    """The report as an OCR engine prints it: cells parted by spaces, not tabs."""
    return report_text(values).replace("\t", " ").split("\n")


def test_a_page_number_whose_dashes_were_read_yi_adds_no_cell_to_table4() -> None:
    lines = _spaced_ocr_lines(VALUES)
    [row] = [i for i, line in enumerate(lines) if line.startswith("1 0 0 1 2 ")]      # 表四's fifteen cells
    lines[row] = lines[row].replace(" 1 0 0 1 0", " | 0 0 1 0", 1)                  # a 1 printed as a bar
    lines.insert(row + 1, "一 3 一")                                                # the page's foot: - 3 -
    doc = load_bytes(text_pdf(lines, ocr=True), doc_id="d", path="d.pdf", suffix=".pdf")
    record = process_document(doc)
    assert {p: record.report.get(p) for p in TABLE4_PATHS} == {p: VALUES[p] for p in TABLE4_PATHS}


def test_a_table4_row_whose_split_number_and_letter_cell_make_fifteen_tokens_is_not_read_as_printed() -> None:
    """``1 2 0 0 1 13 0 1 0 0 1 o 0 0 0 0``: 12 split in two and a 0 printed ``o``. Fifteen numbers stand there,
    but the ``o`` is a cell too: the fifteen are not the cells. Joining the split pair is the reading the groups'
    totals leave: derived, queued, never proven."""
    review = "review_litigation.administrative_review"
    values = VALUES | {f"{review}.upheld": 12, f"{review}.total": 13}
    lines = _spaced_ocr_lines(values)
    [row] = [i for i, line in enumerate(lines) if line.startswith("12 0 0 1 13 ")]
    lines[row] = "1 2 0 0 1 13 0 1 0 0 1 o 0 0 0 0"
    doc = load_bytes(text_pdf(lines, ocr=True), doc_id="d", path="d.pdf", suffix=".pdf")
    record = process_document(doc)
    assert {p: record.report.get(p) for p in TABLE4_PATHS} == {p: values[p] for p in TABLE4_PATHS}
    assert record.provenance[f"{review}.upheld"].status is Status.DERIVED


# --- a 表三 row whose wide counts an OCR engine parted three times (llm_extract/extract/glued.py)

def test_a_table3_row_with_three_numbers_too_many_offers_the_joins_its_total_keeps() -> None:
    """``38 0 3 1 4 1 6 7 4 11``: 380, 16 and 411 each parted once, ten numbers for seven cells. Every join of
    neighbours that keeps the row's total is offered (the columns' identities choose among them); none other."""
    options = recount_options([38, 0, 3, 1, 4, 1, 6, 7, 4, 11], 7, row_holds, extra=True)
    assert [380, 3, 1, 4, 16, 7, 411] in options
    assert all(row_holds(o) and len(o) == 7 for o in options)
    assert recount_options([38, 0, 3, 1, 4, 1, 6, 7, 4, 11], 7) == []     # no identity to check them: none


def test_the_2019_forms_words_are_still_told_after_ocr_look_alikes_are_mapped() -> None:
    """外 is no look-alike mapped for every label: 对外公开总数量 marks the 2019/2020 form (unsupported), which must
    still be told; only the 行政处罚 row takes 行政外罚."""
    from llm_extract.extract.layout import label_key
    from llm_extract.extract.oldform import old_form_word
    assert old_form_word(label_key("对外公开总数量"))
