"""Hostile word-processor files fail by name, in bounded work: deep nesting, repetition, repeated chunks."""

from __future__ import annotations

import pytest

from llm_extract import BinaryDocumentError
from llm_extract.ingest.docx import docx_to_text
from llm_extract.ingest.odt import odt_to_text
from llm_extract.ingest.rtf import rtf_to_text
from tests.fixtures.ingest.office_files import odt_bytes, odt_content
from tests.fixtures.ingest.word_docx import W_NS, docx_bytes

_DEEP = 100_000


def test_elements_nested_past_the_recursion_limit_are_refused_not_a_crash() -> None:
    docx = (f'<w:document xmlns:w="{W_NS}"><w:body><w:p>' + "<w:customXml>" * _DEEP + "<w:r><w:t>1</w:t></w:r>"
            + "</w:customXml>" * _DEEP + "</w:p></w:body></w:document>")
    with pytest.raises(BinaryDocumentError, match="nested deeper"):
        docx_to_text(docx_bytes(docx), "deep.docx")
    odt = odt_content([], extra="<text:p>" + "<text:span>" * _DEEP + "1" + "</text:span>" * _DEEP + "</text:p>")
    with pytest.raises(BinaryDocumentError, match="deep.odt: .*nested deeper"):
        odt_to_text(odt_bytes(odt), "deep.odt")
    with pytest.raises(BinaryDocumentError, match="deep.rtf: .*nested deeper than 1000"):
        rtf_to_text(b"{\\rtf1 " + b"{" * 5000 + b"1" + b"}" * 5001, "deep.rtf")


def test_rows_and_cells_repeated_into_millions_are_refused() -> None:
    row = ('<table:table-row table:number-rows-repeated="64"><table:table-cell table:number-columns-repeated="64">'
           "<text:p>1</text:p></table:table-cell></table:table-row>")
    odt = odt_content([], extra="<table:table>" + row * 100 + "</table:table>")
    with pytest.raises(BinaryDocumentError, match="repeat to more than"):
        odt_to_text(odt_bytes(odt), "grid.odt")


def test_altchunk_parts_holding_more_than_64_mb_in_all_are_refused() -> None:
    rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(f'<Relationship Id="r{i}" Target="c{i % 3}.txt" Type="x/aFChunk"/>' for i in range(300))
            + "</Relationships>")
    body = "".join(f'<w:altChunk r:id="r{i}"/>' for i in range(300))
    document = (f'<w:document xmlns:w="{W_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
                f'relationships"><w:body>{body}</w:body></w:document>')
    big = ("一" * 8_000_000).encode("utf-8")          # 24 MB a part; three parts are 72 MB
    parts = {"word/_rels/document.xml.rels": rels} | {f"word/c{i}.txt": big for i in range(3)}
    with pytest.raises(BinaryDocumentError, match="altChunk parts hold more than 64 MB"):
        docx_to_text(docx_bytes(document, parts), "chunks.docx")
