"""An OCR reading keeps its tables: a heading misread by the OCR engine still opens its table.

The OCR engine misreads characters for ones of like shape (理 → 埋, 政 → 玫): a section heading
so misread must not lose the whole table it heads. Nothing read that way is trusted more:
表二 of an OCR layer stays unverified, and 表三/表四 are proven by their identities only.
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.extract.layout import find_regions
from llm_extract.extract.ocr_headings import fuzzy_heading
from llm_extract.ingest import load_bytes
from llm_extract.pipeline import process_document
from llm_extract.schema import DISCLOSURE_PATHS, TABLE3_PATHS, TABLE4_PATHS
from tests.fakeopenai import report_text, sample_values
from tests.pdf_writer import text_pdf

VALUES = sample_values()


def test_a_heading_with_one_or_two_characters_misread_is_still_its_tables_heading() -> None:
    assert fuzzy_heading("三、收到和处埋玫府信息公开申请情况") == "表三"
    assert fuzzy_heading("三、收到和处埋政府信息公开申请") == "表三"              # without 情况
    assert fuzzy_heading("二、主动公开玫府信息情况") == "表二"
    assert fuzzy_heading("四、玫府信息公开行政复议、行玫诉讼情况") == "表四"


def test_a_line_that_only_resembles_a_heading_is_no_heading() -> None:
    assert fuzzy_heading("三、收到和处理政府信息公开申请情况") is None        # as printed: the form's patterns find it
    assert fuzzy_heading("三、收到和办理依申请公开事项的总体情况") is None     # too many characters differ
    assert fuzzy_heading("全年收到和处埋玫府信息公开申请情况，均已答复。") is None   # a sentence
    assert fuzzy_heading("二、主动公开玫府信息") == "表二"                  # 8 characters: one misread at most
    assert fuzzy_heading("二、主动公玫玫府信息") is None
    assert fuzzy_heading("三、收到和处理玫府信息公开申请情况及答复") is None     # words added: no heading


def _ocr_text(values: dict, replace: dict[str, str]) -> list[str]:
    text = report_text(values)
    for old, new in replace.items():
        assert old in text
        text = text.replace(old, new)
    return text.split("\n")


def test_a_table_under_a_misread_heading_is_found_between_its_neighbours() -> None:
    lines = _ocr_text(VALUES, {"收到和处理政府信息公开申请情况": "收到和处埋玫府信息公开申请情况"})
    regions = find_regions(lines)
    assert list(regions) == ["表二", "表三", "表四"]
    assert regions["表三"].heading.endswith("收到和处埋玫府信息公开申请情况")
    assert regions["表二"].end == regions["表三"].start


def test_an_ocr_layer_whose_table3_heading_is_misread_still_proves_table3_by_its_identities() -> None:
    lines = _ocr_text(VALUES, {"收到和处理政府信息公开申请情况": "收到和处埋玫府信息公开申请情况"})
    doc = load_bytes(text_pdf(lines, ocr=True), doc_id="d", path="d.pdf", suffix=".pdf")
    record = process_document(doc)
    assert all(record.provenance[p].status == Status.PROVEN for p in TABLE3_PATHS + TABLE4_PATHS)
    assert record.report.values() == {p: v for p, v in VALUES.items() if p in record.report.values()}
    assert all(record.provenance[p].status != Status.PROVEN for p in DISCLOSURE_PATHS)
