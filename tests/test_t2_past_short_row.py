"""表二 of a LibreOffice PDF (from HTML) with empty cells, read by plain ``pdftotext`` (no -layout): 规章's first cell
is empty, so its two numbers do not start its line, and the tool prints the first after 规章's label and the second
after 行政规范性文件's, whose middle cell is empty::

    规章
    0
    行政规范性文件 0
    0
    165

The 0 under 行政规范性文件's line may be 规章's last cell or its own: where a row takes numbers from lines after its
label's while the row above printed fewer numbers than its columns, which number is which cell is a guess, read but
never proven, so queued (``extract/t2lines.py``: ``past_short_row``). No identity checks 表二: proven, 0 for an empty cell
would be silent.
"""

from __future__ import annotations

from llm_extract.evidence import Record, Status
from llm_extract.extract import extract_regex
from llm_extract.ingest import Document
from verify import verify_extraction

_DOC = """青山区人民政府2022年政府信息公开工作年度报告
二、主动公开政府信息情况
第二十条第（一）项
信息内容

本年制发件数 本年废止件数 现行有效件数

规章

{regulations}

行政规范性文件 {normative}

第二十条第（五）项
信息内容

本年处理决定数量

行政许可

1861

三、收到和处理政府信息公开申请情况
"""
_PATHS = [f"active_disclosure.normative_documents.{c}" for c in ("issued", "repealed", "in_force")]


def _record(regulations: str, normative: str) -> Record:
    text = _DOC.format(regulations=regulations, normative=normative)
    return verify_extraction(extract_regex(Document.from_text(text, doc_id="x")))


def test_a_row_taking_numbers_below_its_label_after_a_short_row_is_never_proven() -> None:
    record = _record("0", "0\n\n0\n165")
    assert all(record.provenance[p].status is not Status.PROVEN for p in _PATHS)


def test_the_same_row_after_a_full_row_keeps_its_reading() -> None:
    record = _record("0\n\n0\n\n3", "0\n\n0\n165")
    assert [record.report.get(p) for p in _PATHS] == [0, 0, 165]


def test_a_row_printed_on_its_label_s_line_after_a_short_row_keeps_its_reading() -> None:
    record = _record("0", "0 0 165")
    assert [record.report.get(p) for p in _PATHS] == [0, 0, 165]
