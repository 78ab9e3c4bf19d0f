"""A report's tables saved as an Excel workbook (.xlsx) read as its golden report.

Some agencies attach the form's tables as a workbook (年报统计表.xlsx); sites export tables "to Excel" as an HTML
page under an .xls name. A workbook's sheets are read as tab rows, each table's rows as wide as its last column
(ingest/xlsx.py); a web page named .xls is read as the page; an old binary .xls fails by name."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest

from llm_extract import BinaryDocumentError, UnsupportedFormatError, process_document
from llm_extract.evidence import Status
from llm_extract.ingest import load_bytes
from tests.fixtures.ingest.form2021 import CLEAN_SEEDS, golden_report, report_blocks
from tests.fixtures.ingest.html_page import trs_page

openpyxl = pytest.importorskip("openpyxl")


def _value(text: str) -> object:
    if text.isdigit():
        return int(text)
    try:
        return float(Decimal(text)) if text and text[0].isdigit() else text
    except ArithmeticError:
        return text


def _workbook(stem: str) -> bytes:
    """The report as a workbook: its paragraphs a row each, its tables' cells merged as the form merges them."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "年报统计表"
    row = 1
    for block in report_blocks(golden_report(stem)):
        if isinstance(block, str):
            sheet.cell(row, 1, block)
            row += 2
            continue
        taken: set[tuple[int, int]] = set()
        for r, cells in enumerate(block):
            col = 1
            for cell in cells:
                while (row + r, col) in taken:
                    col += 1
                sheet.cell(row + r, col, _value(cell.text) if cell.text else None)
                if cell.rowspan > 1 or cell.colspan > 1:
                    sheet.merge_cells(start_row=row + r, start_column=col, end_row=row + r + cell.rowspan - 1,
                                      end_column=col + cell.colspan - 1)
                taken |= {(row + r + i, col + j) for i in range(cell.rowspan) for j in range(cell.colspan)}
                col += cell.colspan
        row += len(block) + 1
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize("stem", CLEAN_SEEDS)
def test_a_workbook_of_the_reports_tables_reads_as_its_golden_report(stem: str) -> None:
    record = process_document(load_bytes(_workbook(stem), doc_id=stem, suffix=".xlsx"))
    assert record.report.values() == golden_report(stem).values()
    assert [p for p, v in record.provenance.items() if v.status is not Status.PROVEN and p != "agency"] == []


def test_a_web_page_saved_as_xls_is_read_as_the_page_and_a_binary_xls_fails_by_name() -> None:
    stem = CLEAN_SEEDS[0]
    page = load_bytes(trs_page(golden_report(stem)).encode("utf-8"), doc_id=stem, suffix=".xls")
    assert page.source_kind == "html"
    assert process_document(page).report.values() == golden_report(stem).values()
    with pytest.raises(UnsupportedFormatError, match="old binary Excel workbook"):
        load_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), doc_id="old", suffix=".xls")


def test_a_workbook_that_unzips_too_large_or_is_no_package_fails_by_name() -> None:
    import zipfile

    from llm_extract.ingest.xlsx import MAX_BYTES

    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/worksheets/sheet1.xml", b"<" + b" " * (MAX_BYTES + 1))
    with pytest.raises(BinaryDocumentError, match="refused: the workbook unzips to more than"):
        load_bytes(bomb.getvalue(), doc_id="bomb", suffix=".xlsx")
    with pytest.raises(BinaryDocumentError, match="not a readable .xlsx"):
        load_bytes(b"PK\x03\x04" + bytes(100), doc_id="broken", suffix=".xlsx")
