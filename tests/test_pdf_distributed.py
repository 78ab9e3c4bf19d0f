"""A number set in distributed alignment (分散对齐) in a ruled table's cell is one number.

Word and WPS can spread a cell's text to both edges: 345 prints as ``3   4   5`` and text
readers give ``3 4 5``. A cell holds one value, so digits spread evenly from the cell's left
edge to its right edge are read as one number; two numbers centred in two columns whose
rule is missing are left as they are.
"""

from __future__ import annotations

import pytest

pytest.importorskip("pdfplumber")

import io  # noqa: E402

import pdfplumber  # noqa: E402

from llm_extract.ingest import load_bytes  # noqa: E402
from llm_extract.ingest.pdf_distributed import distributed_number  # noqa: E402
from llm_extract.ingest.pdf_tables import read_tables  # noqa: E402
from tests.pdf_text_layer import Rule, Run, text_pdf  # noqa: E402

_SIZE = 10.0
_GLYPH = 5.0            # a digit's width at 10 points in the test font


def _chars(*xs_texts: tuple[float, str], top: float = 100.0) -> list[dict]:
    return [{"text": t, "x0": x, "x1": x + _GLYPH, "top": top, "bottom": top + _SIZE} for x, t in xs_texts]


CELL = (100.0, 95.0, 160.0, 115.0)          # x0, top, x1, bottom


def test_digits_spread_evenly_from_edge_to_edge_are_one_number() -> None:
    assert distributed_number(_chars((103, "3"), (127.5, "4"), (152, "5")), CELL) == "345"
    assert distributed_number(_chars((103, "4"), (152, "0")), CELL) == "40"


def test_a_decimal_fee_spread_over_its_cell_keeps_its_point() -> None:
    xs = [103 + i * 9.8 for i in range(6)]       # 1 3 0 8 . 5, gaps of 4.8 points
    assert distributed_number(_chars(*zip(xs, "1308.5")), CELL) == "1308.5"


def test_two_numbers_centred_in_two_columns_are_not_joined() -> None:
    # a rule missing between two columns of 30 points: 1 and 0 stand in the middles of their halves
    assert distributed_number(_chars((112.5, "1"), (142.5, "0")), CELL) is None


def test_uneven_gaps_words_or_two_lines_are_not_a_spread_number() -> None:
    assert distributed_number(_chars((103, "1"), (110, "2"), (152, "5")), CELL) is None
    assert distributed_number(_chars((103, "共"), (152, "5")), CELL) is None
    two_lines = _chars((103, "1")) + _chars((152, "2"), top=106.0)
    assert distributed_number(two_lines, CELL) is None
    assert distributed_number(_chars((103, "7")), CELL) is None


def _ruled_table_pdf() -> bytes:
    """A ruled table of two rows: a header, then a spread 345, a 1 and a 0 centred in the halves of a cell
    whose middle rule is missing, and a plain 12."""
    left, mid1, mid2, right = 100.0, 160.0, 220.0, 280.0
    top, middle, bottom = 900.0, 880.0, 860.0
    rules = [Rule(left, y, right, y) for y in (top, middle, bottom)] + \
            [Rule(x, bottom, x, top) for x in (left, mid1, mid2, right)]
    header = [Run("自然人", left + 5, 886, _SIZE), Run("商业企业", mid1 + 5, 886, _SIZE), Run("总计", mid2 + 5, 886, _SIZE)]
    spread = [Run("3", left + 3, 866, _SIZE), Run("4", left + 27.5, 866, _SIZE), Run("5", left + 52, 866, _SIZE)]
    merged = [Run("1", mid1 + 12.5, 866, _SIZE), Run("0", mid1 + 42.5, 866, _SIZE)]
    plain = [Run("12", mid2 + 25, 866, _SIZE)]
    return text_pdf([rules + header + spread + merged + plain])


def test_a_ruled_table_reads_a_spread_number_as_one_and_leaves_centred_numbers_apart() -> None:
    with pdfplumber.open(io.BytesIO(_ruled_table_pdf())) as pdf:
        tables = read_tables(pdf.pages[0], 1)
    assert [[c.text for c in row if c is not None] for row in tables[0].rows] == \
        [["自然人", "商业企业", "总计"], ["345", "1 0", "12"]]


def test_the_ingested_text_has_the_spread_number_as_one_cell() -> None:
    doc = load_bytes(_ruled_table_pdf(), doc_id="spread", suffix=".pdf")
    assert "\t345" in doc.text.split("\n") and "\t3 4 5" not in doc.text
