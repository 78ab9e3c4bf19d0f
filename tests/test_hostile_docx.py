"""A hostile .docx (a ZIP bomb, entity expansion, an absurd element count) fails by name, in bounded memory."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from llm_extract import BinaryDocumentError, run_batch
from llm_extract.ingest.bounded_xml import MAX_PART_BYTES, MAX_PART_ELEMENTS, read_part
from llm_extract.ingest.docx import docx_to_text
from llm_extract.outputs import read_json
from tests.fixtures.ingest.form2021 import golden_report
from tests.fixtures.ingest.word_docx import W_NS, docx_bytes, report_docx


def _docx_with(document: bytes) -> bytes:
    """A .docx whose word/document.xml is ``document`` (deflated: repetitive XML shrinks ~1000x)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("word/document.xml", document)
    return buf.getvalue()


def bomb(size: int) -> bytes:
    head = f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>'.encode()
    return _docx_with(head + b" " * size + b"</w:t></w:r></w:p></w:body></w:document>")


def test_a_zip_bomb_is_refused_by_its_stated_size_before_anything_is_decompressed() -> None:
    data = bomb(MAX_PART_BYTES + 1)
    assert len(data) < 100_000                   # a few tens of kB that unzip to over 32 MB
    with pytest.raises(BinaryDocumentError, match=r"bomb\.docx: refused: word/document.xml unzips to 32 MB"):
        docx_to_text(data, "bomb.docx")


def test_a_dtd_with_expanding_entities_is_refused() -> None:
    laughs = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "hahahahahahahahahaha">'
              + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
              + f']><w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&i;</w:t></w:r></w:p></w:body></w:document>')
    with pytest.raises(BinaryDocumentError, match=r"laughs\.docx: refused: word/document.xml declares a DTD"):
        docx_to_text(_docx_with(laughs.encode()), "laughs.docx")


def test_a_part_with_an_absurd_number_of_elements_is_refused() -> None:
    many = f'<w:document xmlns:w="{W_NS}"><w:body>'.encode() + b"<w:p/>" * (MAX_PART_ELEMENTS + 1) \
        + b"</w:body></w:document>"
    with pytest.raises(BinaryDocumentError, match=r"many\.docx: refused: word/document.xml has more than 400,000"):
        docx_to_text(_docx_with(many), "many.docx")


def test_a_bomb_in_a_batch_fails_that_document_by_name_and_the_others_are_read(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "bomb.docx").write_bytes(bomb(MAX_PART_BYTES + 1))
    (src / "good.docx").write_bytes(report_docx(golden_report("003_d677def7845cc038")))
    summary = run_batch([src], tmp_path / "out")
    assert (summary.ok, summary.failed) == (1, 1)
    failed = read_json(tmp_path / "out" / "failed" / "bomb.json")
    assert failed["error_type"] == "BinaryDocumentError" and str(src / "bomb.docx") in failed["error"]
    assert "ZIP bomb" in failed["error"]


def test_a_normal_docx_is_still_read() -> None:
    document = f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>正文</w:t></w:r></w:p></w:body></w:document>'
    assert docx_to_text(docx_bytes(document)) == "正文\n"


def _part_root(document: bytes, max_elements: int) -> ET.Element:
    with zipfile.ZipFile(io.BytesIO(_docx_with(document))) as zf:
        return read_part(zf, "word/document.xml", "x.docx", max_elements=max_elements)


@pytest.mark.parametrize("paragraphs", [8, 9])
def test_elements_are_counted_not_their_tags(paragraphs: int) -> None:
    """An end tag or a comment holds a "<" too: a part of more "<" than elements allowed is read when its
    elements are few enough (10: the document, its body and 8 paragraphs), and refused past them."""
    document = (f'<w:document xmlns:w="{W_NS}"><!-- <<<< --><w:body>'.encode()
                + b"<w:p></w:p>" * paragraphs
                + b"</w:body></w:document>")
    if paragraphs + 2 <= 10:
        assert len(_part_root(document, 10)[0]) == paragraphs
    else:
        with pytest.raises(BinaryDocumentError, match="has more than 10 XML elements"):
            _part_root(document, 10)
