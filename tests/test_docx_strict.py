"""A .docx saved by Word as "Strict Open XML Document" (ISO/IEC 29500 Strict namespaces) reads as the same
report saved as an ordinary .docx: its tables, and its styles' hidden text left out."""

from __future__ import annotations

import re

from llm_extract import process_document
from llm_extract.evidence import Status
from llm_extract.ingest import load_bytes
from tests.fixtures.ingest.form2021 import golden_report, report_blocks
from tests.fixtures.ingest.word_docx import W_NS, docx_bytes, document_xml


def test_a_strict_open_xml_save_reads_as_the_same_report_saved_as_an_ordinary_docx() -> None:
    report = golden_report("002_0126e23b7202ee31")
    document = document_xml(report_blocks(report)).replace(W_NS, "http://purl.oclc.org/ooxml/wordprocessingml/main")
    hidden = (f'<w:styles xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:style w:type="character" '
              'w:styleId="Old"><w:rPr><w:vanish/></w:rPr></w:style></w:styles>')
    old = '<w:r><w:rPr><w:rStyle w:val="Old"/></w:rPr><w:t>9</w:t></w:r>'   # a hidden old figure before each
    document = re.sub(r"(<w:r>(?:<w:rPr>.*?</w:rPr>)?<w:t[^>]*>\d+</w:t></w:r>)", old + r"\1", document)
    record = process_document(load_bytes(docx_bytes(document, {"word/styles.xml": hidden}), doc_id="x",
                                         path="x.docx", suffix=".docx"))
    assert record.report.values() == report.values()
    assert {p for p, v in record.provenance.items() if v.status != Status.PROVEN} == set()
