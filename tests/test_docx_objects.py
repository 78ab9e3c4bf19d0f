"""表三 pasted into a Word report as an embedded Excel worksheet (Word shows its EMF preview) is read from the
embedded workbook where the object stands, sheet rows as tab rows."""

from __future__ import annotations

import io
import re

import openpyxl

from llm_extract import process_document
from llm_extract.evidence import Status
from llm_extract.ingest import load_bytes
from llm_extract.ingest.docx import docx_to_text
from llm_extract.schema import APPLICANT_COLUMNS, APPLICATION_ROWS
from llm_extract.synth.render import TABLE3_ROW_LABELS
from tests.fixtures.ingest.form2021 import golden_report, report_blocks
from tests.fixtures.ingest.word_docx import W_NS, docx_bytes, document_xml

_NS = ('xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
       'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ')
_OBJECT = ('<w:p><w:r><w:object><v:shape id="s1"><v:imagedata r:id="rIdImg"/></v:shape>'
           '<o:OLEObject Type="Embed" ProgID="{prog}" ShapeID="s1" r:id="rIdXl"/></w:object></w:r></w:p>')
_RELS = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rIdImg" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" '
         'Target="media/image1.emf"/><Relationship Id="rIdXl" '
         'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/package" '
         'Target="embeddings/Microsoft_Excel_Worksheet1.xlsx"/></Relationships>')


def _workbook(rows: list[list]) -> bytes:
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _with_object(document: str, workbook: bytes, prog: str = "Excel.Sheet.12") -> bytes:
    document = document.replace("<w:document ", "<w:document " + _NS, 1)
    return docx_bytes(document.replace("<w:p>[表三]</w:p>", _OBJECT.format(prog=prog)), {
        "word/_rels/document.xml.rels": _RELS, "word/media/image1.emf": b"\x01\x00\x00\x00" + bytes(80),
        "word/embeddings/Microsoft_Excel_Worksheet1.xlsx": workbook})


def test_an_embedded_worksheet_is_read_where_its_object_stands_and_only_an_excel_one() -> None:
    document = (f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>见下表</w:t></w:r></w:p><w:p>[表三]</w:p>'
                "<w:p><w:r><w:t>（完）</w:t></w:r></w:p></w:body></w:document>")
    text = docx_to_text(_with_object(document, _workbook([["行政许可", 12], ["行政处罚", 3]])))
    assert [line for line in text.split("\n") if line.strip()] == ["见下表", "Sheet", "行政许可\t12", "行政处罚\t3",
                                                               "（完）"]          # (the sheet's name, then its rows)
    other = docx_to_text(_with_object(document, _workbook([["行政许可", 12]]), prog="Word.Document.12"))
    assert "行政许可" not in other


def test_a_report_whose_table_three_is_an_embedded_worksheet_reads_every_value_proven() -> None:
    report = golden_report("004_70fa07ff4f3c9aaf")
    blocks = report_blocks(report)
    at = next(i for i, b in enumerate(blocks) if isinstance(b, str) and b.startswith("三、"))
    blocks[at + 1] = "<表三>"
    document = re.sub(r"<w:p>(?:(?!</w:p>).)*&lt;表三&gt;.*?</w:p>", "<w:p>[表三]</w:p>", document_xml(blocks))
    rows = [["", "", "自然人", "法人或其他组织", "", "", "", "", "总计"],
            ["", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""]]
    for row in APPLICATION_ROWS:
        group, label = TABLE3_ROW_LABELS[row]
        node = getattr(report.applications, row)
        rows.append([group, label] + [getattr(node, c) for c in APPLICANT_COLUMNS])
    record = process_document(load_bytes(_with_object(document, _workbook(rows)), doc_id="x", path="x.docx",
                                         suffix=".docx"))
    assert record.report.values() == report.values()
    assert {p for p, v in record.provenance.items() if v.status != Status.PROVEN} == set()


def test_an_embedded_worksheet_deleted_with_changes_tracked_or_named_twice_is_not_read_again() -> None:
    def body(paragraphs: str) -> str:
        return f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>见下表</w:t></w:r></w:p>{paragraphs}</w:body></w:document>'
    obj = _OBJECT.format(prog="Excel.Sheet.12")
    deleted = docx_to_text(_with_object(body(f'<w:p><w:del w:id="1" w:author="a">{obj[5:-6]}</w:del></w:p>'),
                                        _workbook([["行政许可", 12]])))
    assert "行政许可" not in deleted
    twice = docx_to_text(_with_object(body("<w:p>[表三]</w:p><w:p>[表三]</w:p>"), _workbook([["行政许可", 12]])))
    assert twice.count("行政许可\t12") == 1
