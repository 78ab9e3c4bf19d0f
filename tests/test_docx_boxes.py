"""A table in a Word text box (as PDF-to-Word converters and some offices lay out 表二 or 表四) is read as a
table where the box is anchored: its cells and rows kept, the alternate content's fallback copy not read again.
A table row deleted with changes tracked is not read: Word does not show it."""

from __future__ import annotations

import re

from llm_extract import process_document
from llm_extract.evidence import Status
from llm_extract.ingest import load_bytes
from llm_extract.ingest.docx import docx_to_text
from tests.fixtures.ingest.form2021 import golden_report, report_blocks
from tests.fixtures.ingest.word_docx import W_NS, docx_bytes, document_xml

_NS = (f'xmlns:w="{W_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
       'xmlns:v="urn:schemas-microsoft-com:vml" '
       'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"')
_TABLE = ("<w:tbl><w:tr><w:tc><w:p><w:r><w:t>行政许可</w:t></w:r></w:p></w:tc>"
          "<w:tc><w:p><w:r><w:t>12</w:t></w:r></w:p></w:tc></w:tr>"
          "<w:tr><w:tc><w:p><w:r><w:t>行政处罚</w:t></w:r></w:p></w:tc>"
          "<w:tc><w:p><w:r><w:t>3</w:t></w:r></w:p></w:tc></w:tr></w:tbl>")


def _box(content: str, *, modern: bool = True) -> str:
    """A paragraph anchoring a text box: Word 2010's drawing with its VML copy as the fallback, or VML alone."""
    vml = f"<w:pict><v:shape><v:textbox><w:txbxContent>{content}<w:p/></w:txbxContent></v:textbox></v:shape></w:pict>"
    if not modern:
        return f"<w:p><w:r><w:t>见下表</w:t></w:r><w:r>{vml}</w:r></w:p>"
    drawing = f"<w:drawing><wps:wsp><wps:txbx><w:txbxContent>{content}<w:p/></w:txbxContent></wps:txbx></wps:wsp></w:drawing>"
    return (f'<w:p><w:r><w:t>见下表</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps">{drawing}'
            f"</mc:Choice><mc:Fallback>{vml}</mc:Fallback></mc:AlternateContent></w:r></w:p>")


def _doc(body: str) -> bytes:
    return docx_bytes(f"<w:document {_NS}><w:body>{body}</w:body></w:document>")


def test_a_table_in_a_text_box_is_read_as_a_table_after_its_paragraph_and_once() -> None:
    for modern in (True, False):
        text = docx_to_text(_doc(_box(_TABLE, modern=modern) + "<w:p><w:r><w:t>（完）</w:t></w:r></w:p>"))
        assert text == "见下表\n\t行政许可\n\t12\n\n\t行政处罚\n\t3\n\n（完）\n"


def test_a_text_box_without_a_table_is_still_read_as_its_paragraphs() -> None:
    text = docx_to_text(_doc(_box("<w:p><w:r><w:t>淮安市人民政府</w:t></w:r></w:p>")))
    assert text == "见下表\n淮安市人民政府\n"


def test_a_table_in_a_text_box_inside_a_layout_cell_is_read_as_a_table() -> None:
    cell = f"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>表二</w:t></w:r></w:p></w:tc><w:tc>{_box(_TABLE)}</w:tc></w:tr></w:tbl>"
    text = docx_to_text(_doc(cell))
    assert "\t行政许可\n\t12\n\n\t行政处罚\n\t3\n\n" in text


def test_a_report_whose_tables_two_and_four_stand_in_text_boxes_reads_every_value_proven() -> None:
    report = golden_report("003_d677def7845cc038")
    document = document_xml(report_blocks(report))
    tables = re.findall(r"<w:tbl>.*?</w:tbl>", document, re.S)
    assert len(tables) == 3
    for kept in (tables[0], tables[2]):                  # 表二 and 表四 each in a box of their own
        document = document.replace(kept, _box(kept), 1)
    document = document.replace(f'<w:document xmlns:w="{W_NS}">', f"<w:document {_NS}>")
    record = process_document(load_bytes(docx_bytes(document), doc_id="x", path="x.docx", suffix=".docx"))
    assert record.report.values() == report.values()
    assert {p for p, v in record.provenance.items() if v.status != Status.PROVEN} == set()


def _row(label: str, *cells: str, mark: str = "") -> str:
    tc = "".join(f"<w:tc><w:p><w:r><w:t>{c}</w:t></w:r></w:p></w:tc>" for c in (label, *cells))
    return f"<w:tr>{mark}{tc}</w:tr>"


def test_a_table_row_deleted_with_changes_tracked_is_not_read_even_when_its_text_is_not_marked_deleted() -> None:
    deleted = '<w:trPr><w:del w:id="1" w:author="办公室" w:date="2022-01-10T09:00:00Z"/></w:trPr>'
    inserted = '<w:trPr><w:ins w:id="2" w:author="办公室" w:date="2022-01-10T09:00:00Z"/></w:trPr>'
    rows = _row("行政许可", "13", mark=deleted) + _row("行政许可", "12", mark=inserted) + _row("行政处罚", "3")
    text = docx_to_text(_doc(f"<w:tbl>{rows}</w:tbl>"))
    assert text == "\t行政许可\n\t12\n\n\t行政处罚\n\t3\n\n"


def test_a_report_whose_table_three_row_was_retyped_with_changes_tracked_reads_the_new_row_proven() -> None:
    report = golden_report("001_486c4dbf7b9bad2b")
    document = document_xml(report_blocks(report))
    row = next(m.group(0) for m in re.finditer(r"<w:tr>(?:(?!</w:tr>).)*</w:tr>", document, re.S)
               if "予以公开" in m.group(0))
    old = re.sub(r"<w:t>(\d+)</w:t>", lambda m: f"<w:t>{int(m.group(1)) + 7}</w:t>", row)
    old = old.replace("<w:tr>", '<w:tr><w:trPr><w:del w:id="1" w:author="a" w:date="2022-01-10T09:00:00Z"/></w:trPr>')
    record = process_document(load_bytes(docx_bytes(document.replace(row, old + row)), doc_id="x", path="x.docx",
                                         suffix=".docx"))
    assert record.report.values() == report.values()
    assert {p for p, v in record.provenance.items() if v.status != Status.PROVEN} == set()

