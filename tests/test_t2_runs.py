"""表二 printed one cell to a line by a crawler (get_text(" ") of a Word table pasted into a CMS page): a line of two
numbers is one cell whose runs were parted (``2 0`` for 20), read as a guess about the layout, never proven."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document

_T2 = """某县自然资源局2022年政府信息公开工作年度报告
 二、主动公开政府信息情况 
 第二十条 \u00a0 第（一）项 
 信息内容 
 本年制发件数 
 本年废止件数 
 现行有效件数 
 规章 
 ５ 
 ２ ０ 
 ６１（其中修订30件） 
 行政规范性文件 
 0 
 2 0 
 4（其中修订2件） 
 第二十条 \u00a0 第（五）项 
 信息内容 
 本年处理决定数量 
 行政许可 
 1564 
"""


def test_a_line_of_two_numbers_among_lines_of_one_cell_each_is_one_parted_number() -> None:
    record = process_document(Document.from_text(_T2, doc_id="t2runs"))
    ad = record.report.active_disclosure
    assert (ad.regulations.issued, ad.regulations.repealed, ad.regulations.in_force) == (5, 20, 61)
    assert (ad.normative_documents.issued, ad.normative_documents.repealed, ad.normative_documents.in_force) == (0, 20, 4)
    for path in ("regulations.repealed", "normative_documents.repealed", "normative_documents.in_force"):
        assert record.provenance[f"active_disclosure.{path}"].status is not Status.PROVEN


def test_a_leading_zero_piece_is_a_cell_of_its_own_so_nothing_is_joined() -> None:
    record = process_document(Document.from_text(_T2.replace(" 2 0 \n 4（", " 0 5 \n 4（"), doc_id="t2runs"))
    assert record.report.active_disclosure.normative_documents.repealed != 5
    assert record.provenance["active_disclosure.normative_documents.repealed"].status is not Status.PROVEN


def test_a_one_cell_rows_line_of_two_numbers_joins_nothing() -> None:
    record = process_document(Document.from_text(_T2.replace(" 1564 ", " 3 15 "), doc_id="t2runs"))
    assert record.report.active_disclosure.licensing != 315
