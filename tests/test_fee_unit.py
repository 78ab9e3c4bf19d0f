"""表二's fee printed in 元 (llm_extract/extract/feeunit.py): the form's column is in 万元, so the amount is read
divided by 10,000, its method and note saying so; printed in 万元 or with no unit, it is read as printed."""

from __future__ import annotations

from decimal import Decimal

import pytest

from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from tests.fixtures.ingest.form2021 import GOLDEN

STEM = "003_d677def7845cc038"           # its fee: 本年收费金额（单位：万元） / 94.0121
_FEE = "active_disclosure.fees_10k_yuan"


def _fee(header: str, cell: str):
    text = (GOLDEN / f"{STEM}.txt").read_text(encoding="utf-8")
    text = text.replace("\t本年收费金额（单位：万元）", f"\t{header}", 1).replace("\t94.0121\n", f"\t{cell}\n", 1)
    record = process_document(Document.from_text(text, doc_id=STEM))
    return record.report.values()[_FEE], record.provenance[_FEE]


@pytest.mark.parametrize(("header", "cell"), [("本年收费金额（单位：元）", "940121"), ("本年收费金额", "940121.00元"),
                                              ("本年收费金额(单位:元)", "940,121")])
def test_a_fee_printed_in_yuan_is_read_in_wanyuan(header: str, cell: str) -> None:
    value, prov = _fee(header, cell)
    assert Decimal(str(value)) == Decimal("94.0121")
    assert prov.method == "fee-from-yuan" and cell in (prov.note or "")


@pytest.mark.parametrize(("header", "cell"), [("本年收费金额（单位：万元）", "94.0121"), ("本年收费金额", "94.0121"),
                                              ("本年收费金额", "94.0121万元"),
                                              ("本年收费金额(单位;方元)", "94.0121")])   # OCR's 万 → 方
def test_a_fee_printed_in_wanyuan_or_without_a_unit_is_read_as_printed(header: str, cell: str) -> None:
    value, prov = _fee(header, cell)
    assert Decimal(str(value)) == Decimal("94.0121") and prov.method != "fee-from-yuan"


@pytest.mark.parametrize("label", ["行政事业性收费（元）", "行政事业性收费(单位:元)"])
def test_a_fee_whose_row_label_names_yuan_is_read_in_wanyuan(label: str) -> None:
    """The row's own unit (行政事业性收费（元）), nearer its cell than the column's header, as a cell's 元 is."""
    text = (GOLDEN / f"{STEM}.txt").read_text(encoding="utf-8")
    assert "\t行政事业性收费\n" in text
    text = text.replace("\t行政事业性收费\n", f"\t{label}\n", 1).replace("\t94.0121\n", "\t940121\n", 1)
    record = process_document(Document.from_text(text, doc_id=STEM))
    assert Decimal(str(record.report.values()[_FEE])) == Decimal("94.0121")
    assert record.provenance[_FEE].method == "fee-from-yuan"


def test_a_fee_row_label_naming_wanyuan_is_read_as_printed() -> None:
    text = (GOLDEN / f"{STEM}.txt").read_text(encoding="utf-8")
    text = text.replace("\t行政事业性收费\n", "\t行政事业性收费（万元）\n", 1)
    record = process_document(Document.from_text(text, doc_id=STEM))
    assert Decimal(str(record.report.values()[_FEE])) == Decimal("94.0121")
