"""A worksheet holds at most 1,048,576 rows (表三 fills one at ~41,900 documents): a full sheet
continues on a new sheet of the same columns, ``表三 (2)``, … and no row is ever dropped; a row
XlsxWriter refuses stops the rebuild instead of vanishing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from llm_extract.export.xlsx import HEADERS, MAX_ROWS, XlsxWriter, row_cells


def _rows(n: int) -> list[tuple[list[Any], list[str | None]]]:
    return [([f"{i:03d}", "granted", "予以公开", i, None, 2], ["@", None, None, "proven", "derived", "disputed"])
            for i in range(n)]


def _write(path: Path, rows: list[tuple[list[Any], list[str | None]]], **limit: int) -> Path:
    writer = XlsxWriter(path, **limit)
    for values, styles in rows:
        writer.add_row("表三", row_cells(values, styles))
    return writer.stage().rename(path)


def _read(path: Path) -> dict[str, list[list[Any]]]:
    book = load_workbook(path)
    return {ws.title: [[(c.value, c.fill.fgColor.rgb if c.fill.fill_type else None) for c in row]
                       for row in ws.iter_rows()] for ws in book.worksheets}


def test_a_full_sheet_continues_on_numbered_sheets_with_every_row_in_order(tmp_path: Path) -> None:
    rows = _rows(11)
    whole = _read(_write(tmp_path / "whole.xlsx", rows))
    split = _read(_write(tmp_path / "split.xlsx", rows, max_rows=5))     # a header and 4 rows per sheet
    assert [t for t in split if t.startswith("表三")] == ["表三", "表三 (2)", "表三 (3)"]
    assert list(split)[:len(HEADERS)] == list(HEADERS)                   # continuations come after the others
    parts = [split["表三"], split["表三 (2)"], split["表三 (3)"]]
    assert [len(p) for p in parts] == [5, 5, 4]
    assert all(p[0] == whole["表三"][0] for p in parts)                  # each starts with the header
    assert [r for p in parts for r in p[1:]] == whole["表三"][1:]         # every row, in order, styles kept
    assert whole["表三"][1][0][0] == "000" and whole["表三"][1][4] == (None, "FFFFF4C2")   # a styled blank cell


def test_the_default_limit_is_excels(tmp_path: Path) -> None:
    assert MAX_ROWS == 1_048_576
    with pytest.raises(ValueError):
        XlsxWriter(tmp_path / "x.xlsx", max_rows=MAX_ROWS + 1)


def test_a_row_xlsxwriter_refuses_is_an_error_not_a_silent_loss(tmp_path: Path) -> None:
    writer = XlsxWriter(tmp_path / "x.xlsx")
    with pytest.raises(RuntimeError, match="refused"):
        writer.add_row("表三", row_cells(["001"] * 20000, ["@"] * 20000))    # past the last column (XFD)
    writer.abort()
