"""A 表二 count's note wrapped round its row in text without positions (extract/t2notes.py).

pdfplumber's ``extract_text`` of a browser's PDF prints a narrow cell ``30（其中新制定6件）`` as three pieces on
the lines of their heights: ``30（其中`` above the row, ``新制定6`` glued after the label, ``件）`` under it. Read
line by line the note's 6 was the row's first cell (6 2 60, settled, for 30 2 60): such a row goes to review.
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document

HEAD = """二、主动公开政府信息情况
第二十条第（一）项
信息内容 本年制发件数 本年废止件数 现行有效件数
规章 0 0 0
"""
TAIL = """第二十条第（五）项
信息内容 本年处理决定数量
行政许可 75
三、收到和处理政府信息公开申请情况
"""


_ROW = "active_disclosure.normative_documents."


def _read(rows: str) -> dict[str, object]:
    record = process_document(Document.from_text(HEAD + rows + TAIL, doc_id="d"))
    return {c: record.report.get(_ROW + c) for c in ("issued", "repealed", "in_force")}


def test_a_notes_digit_glued_after_the_label_is_no_cell() -> None:
    record = process_document(Document.from_text(HEAD + "30（其中\n行政规范性文件 新制定6 2 60\n件）\n" + TAIL,
                                                 doc_id="d"))
    for column in ("issued", "repealed", "in_force"):
        assert record.provenance[_ROW + column].status not in (Status.PROVEN, Status.DERIVED)


def test_a_row_with_its_note_on_its_own_line_is_read_as_before() -> None:
    assert _read("行政规范性文件 30（其中新制定6件） 2 60\n") == {"issued": 30, "repealed": 2, "in_force": 60}


def test_words_glued_to_a_digit_without_a_note_above_are_read_as_before() -> None:
    assert _read("行政规范性文件 6 2 60\n") == {"issued": 6, "repealed": 2, "in_force": 60}
