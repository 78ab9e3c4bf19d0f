"""Text-family reports (crawler dumps, converter Markdown, pdftotext -layout, Word cells): 表二 and fees.

Each test is a few lines of one family's text, as such reports print them.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from llm_extract.evidence import CellKind, Status
from llm_extract.extract.cells import parse_cell
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from verify.rules import RULES

_HEAD = "某县2022年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
_T3 = "三、收到和处理政府信息公开申请情况\n"


def _record(table2: str, doc_id: str = "t"):
    return process_document(Document.from_text(_HEAD + table2 + _T3, doc_id=doc_id))


def _ad(record, path: str):
    prov = record.provenance[f"active_disclosure.{path}"]
    return record.report.get(f"active_disclosure.{path}"), prov.status


@pytest.mark.parametrize("raw, value", [
    ("4O4.28", Decimal("404.28")), ("1OO55.O62828", Decimal("10055.062828")), ("5.3O74", Decimal("5.3074")),
    ("O.5", Decimal("0.5")), ("l2.3", Decimal("12.3")),
])
def test_ocr_confusions_inside_a_decimal_are_read_and_marked(raw: str, value: Decimal) -> None:
    cell = parse_cell(raw)
    assert (cell.kind, cell.value) == (CellKind.OCR, value) and "OCR" in (cell.note or "")


@pytest.mark.parametrize("raw", ["O.O", "12.3.4", "l.2.3"])
def test_a_decimal_without_a_digit_or_with_two_points_is_no_ocr_number(raw: str) -> None:
    assert parse_cell(raw).value is None


def test_a_fee_with_ocr_confusions_in_pdf_text_is_read() -> None:
    record = _record("第二十条第（八）项\n信息内容                 本年收费金额（单位：万元）\n"
                     "行政事业性收费                              1OO55.O62828\n")
    assert _ad(record, "fees_10k_yuan") == (Decimal("10055.062828"), Status.PROVEN)


@pytest.mark.parametrize("raw, value", [("共35件", 35), ("共0件", 0)])
def test_a_count_printed_as_in_all_n_items_is_that_count(raw: str, value: int) -> None:
    cell = parse_cell(raw)
    assert cell.value == value and cell.note == "共…件"
    record = _record(f"\t规章\n\t0\n\t0\n\t0\n\t行政规范性文件\n\t4\n\t0\n\t{raw}\n")
    assert _ad(record, "normative_documents.in_force") == (value, Status.PROVEN)


@pytest.mark.parametrize("letters, value", [("O", 0), ("l", 1), ("lO", 10)])
def test_a_table2_cell_of_ocr_letters_only_is_read_as_digits_but_never_proven(letters: str, value: int) -> None:
    record = _record(f"\t行政处罚\n\t12\n\t行政强制\n\t{letters}\n\t行政事业性收费\n\t{letters}\n")
    prov = record.provenance["active_disclosure.enforcement"]
    assert (record.report.active_disclosure.enforcement, prov.status, prov.rules) == \
        (value, Status.UNVERIFIED, ["READ.OCR_LETTERS"])
    assert _ad(record, "fees_10k_yuan") == (value, Status.UNVERIFIED)
    assert _ad(record, "punishment") == (12, Status.PROVEN)
    assert "READ.OCR_LETTERS" in RULES
