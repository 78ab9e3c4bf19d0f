"""表三 printed without vertical rules, a column blank in every row: its column headers place the numbers.

With rules between its rows only (or none), 表三's text layer has no glyph for a blank cell. A row with
blank cells is read by position against the table's full rows; when every row leaves the same columns
blank (社会公益组织 and 其他 empty all through) no row is full and the numbers stayed as printed, five for
seven columns, and the table was lost. Its seven column headers (自然人 … 总计, broken over lines) stand over
the columns: each row's numbers are placed under them when each stands in one. A header missing a column,
a number standing between two headers, leave the table as printed.
"""

from __future__ import annotations

import pytest

pytest.importorskip("pdfplumber")

from llm_extract.ingest.pdf import read_pdf  # noqa: E402
from tests.pdf_text_layer import Run, text_pdf, width  # noqa: E402

_SIZE = 9.0
_CENTRES = (250.0, 290.0, 330.0, 370.0, 410.0, 450.0, 490.0)
_HEADS = (("自然人",), ("商业", "企业"), ("科研", "机构"), ("社会公", "益组织"), ("法律服", "务机构"), ("其他",), ("总计",))


def _centred(text: str, centre: float, y: float) -> Run:
    return Run(text, centre - width(text, _SIZE) / 2, y, _SIZE)


def _page(rows: list[tuple[str, list[str]]], heads: tuple[tuple[str, ...], ...] = _HEADS) -> list[Run]:
    runs = [Run("申请人情况", 330, 960, _SIZE), Run("法人或其他组织", 330, 948, _SIZE)]
    for lines, centre in zip(heads, _CENTRES):
        runs += [_centred(line, centre, 934 - 11 * k) for k, line in enumerate(lines)]
    for i, (label, cells) in enumerate(rows):
        runs.append(Run(label, 40, 900 - 18 * i, _SIZE))
        runs += [_centred(text, centre, 900 - 18 * i) for text, centre in zip(cells, _CENTRES) if text]
    return runs


_ROWS = [("一、本年新收", ["9", "3", "0", "", "0", "", "12"]), ("二、上年结转", ["3", "1", "0", "", "0", "", "4"])]


def test_rows_all_leaving_the_same_columns_blank_take_their_columns_from_the_header() -> None:
    text = read_pdf(text_pdf([_page(_ROWS)])).text
    assert "\t一、本年新收\n\t9\n\t3\n\t0\n\t\n\t0\n\t\n\t12\n" in text
    assert "\t二、上年结转\n\t3\n\t1\n\t0\n\t\n\t0\n\t\n\t4\n" in text


def test_a_header_missing_a_column_leaves_the_table_as_printed() -> None:
    heads = _HEADS[:5] + ((),) + _HEADS[6:]
    text = read_pdf(text_pdf([_page(_ROWS, heads)])).text
    assert "一、本年新收\t9\t3\t0\t0\t12" in text
    assert "\t\n" not in text


def test_a_number_standing_between_two_headers_leaves_the_table_as_printed() -> None:
    rows = _ROWS + [("三、办理结果", ["9", "3", "0", "", "", "", "12"])]
    runs = _page(rows) + [_centred("7", 430.0, 864)]          # 430: between 法律服务机构 and 其他
    text = read_pdf(text_pdf([runs])).text
    assert "\t\n" not in text
