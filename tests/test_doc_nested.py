"""A table standing inside another table's cell in a binary Word .doc (a nested table) is read as the .docx
it was saved from reads: the layout cell's own paragraphs a line each, then the nested table a cell a line,
an empty line after each of its rows, not every cell of the nested table run together into one cell.

Offices lay the form out in a layout table: a narrow label column (表三) beside a wide cell holding the
table, a unit line above it and a note below. Word 2000+ and LibreOffice save it as a nested table, whose
cells and rows end with paragraph marks marked sprmPFInnerTableCell / sprmPFInnerTtp at depth sprmPItap 2.
The fixture: tests/fixtures/doc/shown_docx.py ``_nested_report`` (golden report 002, 表三's zero
organisation cells blank) saved by LibreOffice 7.4 (make_docs.py).
"""

from __future__ import annotations

from pathlib import Path

from llm_extract import load, process_document
from llm_extract.evidence import Status
from llm_extract.ingest.docx import docx_to_text
from llm_extract.ingest.doc_cells import IN_TABLE, INNER_CELL, INNER_ROW_END, ROW_END, story_lines, with_depth
from tests.fixtures.doc.shown_docx import SOURCES, nested_report

FIXTURES = Path(__file__).parent / "fixtures" / "doc"


def test_a_doc_with_tables_in_layout_cells_reads_as_the_docx_it_was_saved_from() -> None:
    text = load(FIXTURES / "nested_report.doc").text
    assert text == docx_to_text(SOURCES["nested_report"]())
    # the label cell, then the layout cell's unit line, then 表三 a cell a line (not one line of 175 numbers)
    assert "\t表三\n\t单位：件\n\t（本列数据的勾稽关系为：" in text
    assert "\n\t一、本年新收政府信息公开申请数量\n\t" in text
    assert "\t注：数据截至12月31日。\n" in text


def test_a_report_whose_tables_stand_in_layout_cells_gives_its_values_all_proven() -> None:
    # 表三's blank organisation cells keep their columns: run together on one line they could not
    record = process_document(load(FIXTURES / "nested_report.doc"))
    assert record.report.values() == nested_report().values()
    assert {p: v.status for p, v in record.provenance.items() if v.status != Status.PROVEN} == {}


def _mark(flags: int, depth: int) -> tuple[str, int]:
    return "\r", with_depth(flags, depth)


def test_nested_cells_rows_and_a_multi_paragraph_nested_cell_become_lines() -> None:
    chars = [*"前", ("\r", 0),
             *[(c, 0) for c in "表三"], ("\x07", with_depth(IN_TABLE, 1)),             # the label cell
             *[(c, 0) for c in "单位"], _mark(IN_TABLE, 1),                            # the layout cell's paragraph
             *[(c, 0) for c in "自然人"], _mark(INNER_CELL, 2),
             ("1", 0), _mark(IN_TABLE, 2), ("2", 0), _mark(INNER_CELL, 2),           # a cell of two paragraphs
             _mark(INNER_ROW_END | INNER_CELL, 2),
             *[(c, 0) for c in "注"], ("\x07", with_depth(IN_TABLE, 1)),               # the layout cell ends
             ("\x07", with_depth(ROW_END | IN_TABLE, 1)), *"后", ("\r", 0)]
    chars = [c if isinstance(c, tuple) else (c, 0) for c in chars]
    assert story_lines(chars) == ["前", "\t表三", "\t单位", "\t自然人", "\t1 2", "", "\t注", "", "后"]


def test_a_cell_without_nested_tables_keeps_its_paragraphs_on_one_line() -> None:
    chars = [("3", 0), ("\r", with_depth(IN_TABLE, 1)), ("4", 0), ("\x07", with_depth(IN_TABLE, 1)),
             ("\x07", with_depth(ROW_END | IN_TABLE, 1))]
    assert story_lines(chars) == ["\t3 4", ""]


def test_a_nested_table_left_open_does_not_outlive_the_cell_around_it() -> None:
    # a depth-3 table inside a depth-2 cell whose own end mark is missing (a damaged file): when the outer
    # cell ends, the next table's cells at depth 2 are cells again, their paragraphs joined on one line
    chars = [("a", 0), _mark(INNER_CELL, 3), _mark(INNER_ROW_END, 3),           # depth 3 in an open depth-2 cell
             ("\x07", with_depth(IN_TABLE, 1)), ("\x07", with_depth(ROW_END | IN_TABLE, 1)),
             ("5", 0), _mark(IN_TABLE, 2), ("6", 0), _mark(INNER_CELL, 2), _mark(INNER_ROW_END, 2),
             ("\x07", with_depth(IN_TABLE, 1)), ("\x07", with_depth(ROW_END | IN_TABLE, 1))]
    assert story_lines(chars) == ["\ta", "", "\t", "", "\t5 6", "", ""]
