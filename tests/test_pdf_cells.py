"""A ruled table's cells read as pdfplumber's ``Table.extract()`` reads them, on every fixture table.

:func:`llm_extract.ingest.pdf_cells.extract_cells` finds each row's and cell's characters by
bisection instead of testing every character of the page against every row.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("pdfplumber")

import pdfplumber  # noqa: E402

from llm_extract.ingest.pdf_cells import extract_cells  # noqa: E402

PDFS = Path(__file__).parent / "fixtures" / "pdf"


@pytest.mark.parametrize("path", sorted(p for p in PDFS.glob("*.pdf") if p.stem != "locked" and not p.stem.startswith("scanned")),
                         ids=lambda p: p.stem)
def test_every_table_of_every_fixture_page_has_the_cells_pdfplumber_extracts(path: Path) -> None:
    tables = 0
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            for table in page.find_tables():
                assert extract_cells(table) == table.extract()
                tables += 1
    assert tables or path.stem == "family-unruled"


def test_a_character_on_a_row_s_top_rule_is_in_the_row_and_one_on_its_bottom_rule_is_not() -> None:
    with pdfplumber.open(PDFS / "huaian-2024.pdf") as pdf:
        page = pdf.pages[0]
        table = page.find_tables()[0]
        row = table.rows[1]
        x0, top, x1, bottom = row.bbox
        first = next(c for c in row.cells if c is not None)
        mid_x = (first[0] + first[2]) / 2
        on_top = {"x0": mid_x - 1, "x1": mid_x + 1, "top": top - 1, "bottom": top + 1, "text": "上",
                  "upright": True, "size": 2.0, "doctop": top - 1}
        on_bottom = dict(on_top, top=bottom - 1, bottom=bottom + 1, doctop=bottom - 1, text="下")
        page._objects["char"] = list(page.chars) + [on_top, on_bottom]
        assert extract_cells(table) == table.extract()
        cells = "".join(c or "" for c in extract_cells(table)[1])
        assert "上" in cells and "下" not in cells
