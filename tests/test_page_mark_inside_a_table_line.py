"""A page's mark printed inside a table's line, beside a label or a cell: a Word page break that fell inside a web
page's table cell leaves ``行政事业性收费 第 5 页`` in the label's cell, the fee in the next (``3083.351``).

The mark's number is no cell: the row reads its own cell after it, never the page's number.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from llm_extract.evidence import Status
from llm_extract.extract.pagenumbers import page_marks_blanked
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document

GOLDEN = Path(__file__).resolve().parents[1] / "golden"


@pytest.mark.parametrize("mark", ["第 5 页", "第5页/共7页", "第 2 页 共 5 页"])
def test_a_page_mark_after_the_fee_label_is_not_the_fee(mark: str) -> None:
    text = (GOLDEN / "003_d677def7845cc038.txt").read_text(encoding="utf-8")
    assert text.count("\t行政事业性收费\n\t94.0121\n") == 1
    text = text.replace("\t行政事业性收费\n", f"\t行政事业性收费 {mark}\n")
    record = process_document(Document.from_text(text, doc_id="page-mark"))
    fee = "active_disclosure.fees_10k_yuan"
    got = record.report.get(fee)
    assert float(got) == 94.0121 or record.provenance[fee].status is not Status.PROVEN, got


def test_a_page_mark_is_blanked_as_wide_as_it_was_printed_and_a_line_of_a_mark_alone_kept() -> None:
    assert page_marks_blanked("行政许可 第4页/共6页 12") == "行政许可 " + " " * 11 + " 12"     # (第, 页, 共: two columns each)
    assert page_marks_blanked("第 2 页") == "第 2 页"          # page furniture: the layout drops the whole line
    assert page_marks_blanked("本年新收 5 件") == "本年新收 5 件"
