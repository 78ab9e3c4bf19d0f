"""Word's XML saves (one XML file, no ZIP): Word 2003 XML, which OA systems fill from a template and serve as
a ``.doc``, and the flat package of Word's "XML Document" (``.xml``), are read as a .docx is."""

from __future__ import annotations

import re

import pytest

from llm_extract import process_document
from llm_extract import DocumentError
from llm_extract.evidence import Status
from llm_extract.ingest import load_bytes
from llm_extract.ingest.wordml import is_wordml, wordml_to_text
from tests.fixtures.ingest.form2021 import golden_report, report_blocks
from tests.fixtures.ingest.word_docx import W_NS, document_xml

W03 = "http://schemas.microsoft.com/office/word/2003/wordml"
_HEAD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<?mso-application progid="Word.Document"?>\n'
         f'<w:wordDocument xmlns:w="{W03}" xmlns:wx="http://schemas.microsoft.com/office/word/2003/auxHint" '
         'xmlns:aml="http://schemas.microsoft.com/aml/2001/core" xml:space="preserve">')


def _word2003(body: str, styles: str = "") -> bytes:
    return f"{_HEAD}{styles}<w:body><wx:sect>{body}</wx:sect></w:body></w:wordDocument>".encode()


def _annotation(kind: str, inner: str) -> str:
    return (f'<aml:annotation aml:id="1" w:type="Word.{kind}" aml:author="办公室">'
            f"<aml:content>{inner}</aml:content></aml:annotation>")


def _row(*cells: str) -> str:
    return "<w:tr>" + "".join(f"<w:tc>{c}</w:tc>" for c in cells) + "</w:tr>"


def _p(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def test_word_2003_xml_reads_merges_insertions_and_sections_and_leaves_out_deletions_comments_and_hidden_text() -> None:
    merged = '<w:tcPr><w:vmerge w:val="restart"/></w:tcPr>'
    revised = ("<w:p>" + _annotation("Deletion", "<w:r><w:delText>13</w:delText></w:r>")
               + _annotation("Insertion", "<w:r><w:t>12</w:t></w:r>")
               + _annotation("Comment", "<w:p><w:r><w:t>请核实99</w:t></w:r></w:p>") + "</w:p>")
    hidden = "<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>7</w:t></w:r><w:r><w:t>3</w:t></w:r></w:p>"
    table = ("<w:tbl>" + _row(merged + _p("行政许可"), revised) + _row("<w:tcPr><w:vmerge/></w:tcPr><w:p/>", hidden)
             + "</w:tbl>")
    text = wordml_to_text(_word2003(_p("淮安市人民政府") + "<wx:sub-section>" + table + "</wx:sub-section>"))
    assert text == "淮安市人民政府\n\t行政许可\n\t12\n\n\t\n\t3\n\n"


def _as_word2003(document: str) -> bytes:
    body = re.search(r"<w:body>(.*)<w:sectPr>", document, re.S).group(1)
    return _word2003(body.replace("<w:vMerge", "<w:vmerge"))


@pytest.mark.parametrize("suffix", [".doc", ".xml"])
def test_a_report_saved_as_word_2003_xml_reads_every_value_proven(suffix: str) -> None:
    report = golden_report("001_486c4dbf7b9bad2b")
    data = _as_word2003(document_xml(report_blocks(report)))
    assert is_wordml(data)
    record = process_document(load_bytes(data, doc_id="x", path=f"x{suffix}", suffix=suffix))
    assert record.report.values() == report.values()
    assert {p for p, v in record.provenance.items() if v.status != Status.PROVEN} == set()


def test_a_report_saved_as_a_flat_word_xml_package_reads_every_value_proven() -> None:
    report = golden_report("003_d677def7845cc038")
    document = re.sub(r"^<\?xml[^>]*\?>\s*", "", document_xml(report_blocks(report)))
    data = ('<?xml version="1.0" standalone="yes"?>\n<?mso-application progid="Word.Document"?>\n'
            '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">'
            '<pkg:part pkg:name="/word/document.xml" '
            'pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml">'
            f"<pkg:xmlData>{document}</pkg:xmlData></pkg:part></pkg:package>").encode()
    record = process_document(load_bytes(data, doc_id="x", path="x.xml", suffix=".xml"))
    assert record.report.values() == report.values()
    assert {p for p, v in record.provenance.items() if v.status != Status.PROVEN} == set()


def test_a_word_xml_file_declaring_a_dtd_is_refused_and_other_xml_is_not_word() -> None:
    bomb = (f'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaa">]><w:wordDocument xmlns:w="{W03}">'
            "<w:body><w:p><w:r><w:t>&a;</w:t></w:r></w:p></w:body></w:wordDocument>")
    with pytest.raises(DocumentError, match="DTD"):
        wordml_to_text(bomb.encode())
    assert not is_wordml(f'<?xml version="1.0"?><w:document xmlns:w="{W_NS}"/>'.encode())
    assert not is_wordml(b"<html><body>x</body></html>")
