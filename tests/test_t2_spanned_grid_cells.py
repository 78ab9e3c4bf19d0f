"""表二 in a converter's grid that repeats a merged cell's text in every column it spans (extract/t2grid.py).

pymupdf4llm prints a Word table's merged header cell once per column it spans, and the merged cells of the rows
under it the same way: under ``本年制发件数`` three times, ``规章`` prints its one 本年制发件数 cell three times::

    |信息内容|本年制发件数|本年制发件数|本年制发件数|本年废止件数|现行有效件数|
    |规章|0|0|0|0|0|
    |行政规范性文件|0|0|0|0|99|

Five fields for three cells: each run of fields under one header word is one cell when they print one text.
Fields that differ under one word are not one cell repeated: the row is not read so.
"""

from __future__ import annotations

from pathlib import Path

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document

LAYOUTS = Path(__file__).parent / "fixtures" / "layouts"
_TABLE = "|信息内容|本年制发件数<br>本年废止件数|现行有效件数|\n|规章|０<br>０|０|\n|规范性文件|０<br>０|５|"
_STOCKS = [f"active_disclosure.{row}.{c}" for row in ("regulations", "normative_documents")
           for c in ("issued", "repealed", "in_force")]


def _record(table: str):
    text = (LAYOUTS / "pymupdf4llm_row_cut_at_page_break.md").read_text(encoding="utf-8")
    assert _TABLE in text
    return process_document(Document.from_text(text.replace(_TABLE, table), doc_id="t2"))


def test_a_merged_cell_repeated_under_its_repeated_header_word_is_one_cell() -> None:
    record = _record("|信息内容|本年制发件数|本年制发件数|本年制发件数|本年废止件数|现行有效件数|\n"
                     "|规章|0|0|0|0|0|\n|行政规范性文件|0|0|0|0|99|")
    assert [record.report.get(p) for p in _STOCKS] == [0, 0, 0, 0, 0, 99]
    assert {record.provenance[p].status for p in _STOCKS} == {Status.PROVEN}


def test_fields_that_differ_under_one_header_word_are_not_one_cell() -> None:
    record = _record("|信息内容|本年制发件数|本年制发件数|本年制发件数|本年废止件数|现行有效件数|\n"
                     "|规章|0|0|0|0|0|\n|行政规范性文件|1|2|3|0|99|")
    assert [record.report.get(p) for p in _STOCKS[:3]] == [0, 0, 0]
    assert not any(record.provenance[p].status is Status.PROVEN for p in _STOCKS[3:])
