"""A .docx is read as Word shows it: hidden text and placeholder prompts are not read, an altChunk part
is read where it stands, a report framed in a one-cell layout table is read as the page."""

from __future__ import annotations

import re
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

import pytest

from llm_extract import process_document
from llm_extract.evidence import Status
from llm_extract.ingest import load_bytes
from llm_extract.ingest.docx import docx_to_text
from tests.fixtures.ingest.form2021 import golden_report, report_blocks
from tests.fixtures.ingest.html_page import trs_page
from tests.fixtures.ingest.word_docx import W_NS, docx_bytes, document_xml

_STYLES_NS = f'<w:styles xmlns:w="{W_NS}">'
_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _body(xml: str) -> str:
    return f'<w:document xmlns:w="{W_NS}" xmlns:r="{_R_NS}"><w:body>{xml}</w:body></w:document>'


def _cell(runs: str) -> str:
    return (f"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>规章</w:t></w:r></w:p></w:tc><w:tc><w:p>{runs}</w:p></w:tc>"
            "</w:tr></w:tbl>")


def _styles(*styles: str, defaults: str = "") -> dict[str, str]:
    return {"word/styles.xml": _STYLES_NS + defaults + "".join(styles) + "</w:styles>"}


def _run(text: str, props: str = "") -> str:
    return f"<w:r><w:rPr>{props}</w:rPr><w:t>{text}</w:t></w:r>" if props else f"<w:r><w:t>{text}</w:t></w:r>"


@pytest.mark.parametrize("props, shown", [
    ("<w:vanish/>", "0"),                          # Word shows 0; the old 44 is hidden
    ('<w:vanish w:val="1"/>', "0"),
    ('<w:vanish w:val="0"/>', "440"),              # turned off: shown
    ('<w:vanish w:val="false"/>', "440"),
    ("<w:specVanish/>", "0"),
    ("<w:webHidden/>", "440"),                     # hidden in Word's web layout only: printed, so read
])
def test_a_run_hidden_by_its_own_properties_is_not_read(props: str, shown: str) -> None:
    text = docx_to_text(docx_bytes(_body(_cell(_run("44", props) + _run("0")))))
    assert text == f"\t规章\n\t{shown}\n\n"


def test_a_run_hidden_through_its_character_style_and_the_styles_it_is_based_on_is_not_read() -> None:
    styles = _styles('<w:style w:type="character" w:styleId="OldData"><w:rPr><w:vanish/></w:rPr></w:style>',
                     '<w:style w:type="character" w:styleId="Older"><w:basedOn w:val="OldData"/></w:style>',
                     '<w:style w:type="character" w:styleId="Shown"><w:basedOn w:val="OldData"/>'
                     '<w:rPr><w:vanish w:val="0"/></w:rPr></w:style>')
    runs = (_run("71", '<w:rStyle w:val="OldData"/>') + _run("6", '<w:rStyle w:val="Older"/>') + _run("1")
            + _run("2", '<w:rStyle w:val="Shown"/>'))
    assert docx_to_text(docx_bytes(_body(_cell(runs)), styles)) == "\t规章\n\t12\n\n"


def test_a_paragraph_style_that_hides_hides_its_runs_unless_a_run_turns_it_off() -> None:
    styles = _styles('<w:style w:type="paragraph" w:styleId="Old"><w:rPr><w:vanish/></w:rPr></w:style>')
    body = ('<w:p><w:pPr><w:pStyle w:val="Old"/></w:pPr><w:r><w:t>旧表 99</w:t></w:r></w:p>'
            '<w:p><w:pPr><w:pStyle w:val="Old"/></w:pPr><w:r><w:rPr><w:vanish w:val="0"/></w:rPr>'
            '<w:t>新表</w:t></w:r></w:p>')
    assert docx_to_text(docx_bytes(_body(body), styles)) == "新表\n"


def test_hidden_document_defaults_hide_every_run_a_style_does_not_show() -> None:
    styles = _styles('<w:style w:type="paragraph" w:default="1" w:styleId="Normal"/>',
                     '<w:style w:type="paragraph" w:styleId="Body"><w:rPr><w:vanish w:val="0"/></w:rPr></w:style>',
                     defaults="<w:docDefaults><w:rPrDefault><w:rPr><w:vanish/></w:rPr></w:rPrDefault></w:docDefaults>")
    body = ('<w:p><w:r><w:t>看不见</w:t></w:r></w:p>'
            '<w:p><w:pPr><w:pStyle w:val="Body"/></w:pPr><w:r><w:t>正文</w:t></w:r></w:p>')
    assert docx_to_text(docx_bytes(_body(body), styles)) == "正文\n"


def test_a_paragraph_whose_mark_is_hidden_runs_on_into_the_next_as_word_shows_it() -> None:
    body = ('<w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr><w:r><w:t>某县人民政府</w:t></w:r></w:p>'
            '<w:p><w:r><w:t>2021年政府信息公开工作年度报告</w:t></w:r></w:p>')
    assert docx_to_text(docx_bytes(_body(body))) == "某县人民政府2021年政府信息公开工作年度报告\n"


def _with_hidden_digits(document: str) -> str:
    """Every cell holding a number gets an old, hidden number before it (as a report edited over last year's)."""
    return re.sub(r'(<w:p><w:pPr><w:jc w:val="center"/></w:pPr>)(?=<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>'
                  r'<w:t xml:space="preserve">\d)',
                  r'\1<w:r><w:rPr><w:rStyle w:val="OldData"/></w:rPr><w:t>7</w:t></w:r>'
                  r'<w:r><w:rPr><w:vanish/></w:rPr><w:t>5</w:t></w:r>', document)


def test_a_report_with_hidden_old_figures_in_every_cell_reads_as_word_shows_it() -> None:
    report = golden_report("003_d677def7845cc038")
    document = _with_hidden_digits(document_xml(report_blocks(report)))
    assert document.count("<w:vanish/>") > 150
    styles = _styles('<w:style w:type="character" w:styleId="OldData"><w:rPr><w:vanish/></w:rPr></w:style>')
    record = process_document(load_bytes(docx_bytes(document, styles), doc_id="x", path="x.docx", suffix=".docx"))
    assert record.report.values() == report.values()
    assert {p for p, v in record.provenance.items() if v.status != Status.PROVEN} == set()


def _sdt(content: str, placeholder: bool = True) -> str:
    pr = "<w:showingPlcHdr/>" if placeholder else ""
    return f'<w:sdt><w:sdtPr><w:id w:val="1"/>{pr}<w:text/></w:sdtPr><w:sdtContent>{content}</w:sdtContent></w:sdt>'


_PROMPT = _run("单击或点击此处输入文字。", '<w:rStyle w:val="PlaceholderText"/>')


def test_a_content_control_showing_its_placeholder_is_a_blank_cell_wherever_it_stands() -> None:
    run_level = _cell(_sdt(_PROMPT))
    cell_level = (f"<w:tbl><w:tr><w:tc><w:p>{_run('规章')}</w:p></w:tc>"
                  f"{_sdt(f'<w:tc><w:p>{_PROMPT}</w:p></w:tc>')}</w:tr></w:tbl>")
    block_level = _sdt(f"<w:p>{_PROMPT}</w:p>") + f"<w:p>{_run('正文')}</w:p>"
    filled = _cell(_sdt(_run("12"), placeholder=False))
    assert docx_to_text(docx_bytes(_body(run_level))) == "\t规章\n\t\n\n"
    assert docx_to_text(docx_bytes(_body(cell_level))) == "\t规章\n\t\n\n"
    assert docx_to_text(docx_bytes(_body(block_level))) == "正文\n"
    assert docx_to_text(docx_bytes(_body(filled))) == "\t规章\n\t12\n\n"


def _chunk_docx(part: str, data: bytes, title: str = "附件1", *,
                stored_as: str | None = None) -> bytes:
    rels = (f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rIdAC" Target="{part}" '
            f'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk"/></Relationships>')
    body = (f'<w:p><w:r><w:t>{title}</w:t></w:r></w:p><w:altChunk r:id="rIdAC"/>'
            '<w:p><w:r><w:t>（完）</w:t></w:r></w:p>')
    return docx_bytes(_body(body), {"word/_rels/document.xml.rels": rels, f"word/{stored_as or part}": data})


def _mht(page: str) -> bytes:
    message = MIMEMultipart("related")
    message.attach(MIMEText(page, "html", "gb2312"))
    return message.as_bytes()


@pytest.mark.parametrize("part, encode", [
    ("afchunk.htm", lambda page: page.encode("gbk")),        # an OA system's export: Word HTML in GB2312
    ("afchunk.mht", _mht),                                   # Word's single-file web page
])
def test_a_docx_whose_body_is_an_altchunk_reads_the_chunk_where_it_stands(part: str, encode) -> None:
    report = golden_report("000_38ec84bebc7328d3")
    data = _chunk_docx(part, encode(trs_page(report)))
    lines = docx_to_text(data).split("\n")
    assert lines[0] == "附件1" and lines[-2] == "（完）"
    record = process_document(load_bytes(data, doc_id="x", path="x.docx", suffix=".docx"))
    assert record.report.values() == report.values()


def test_a_plain_text_chunk_is_read_as_text_and_a_missing_chunk_part_reads_as_nothing() -> None:
    text = docx_to_text(_chunk_docx("chunk.txt", "表二 行政许可 7".encode("utf-8")))
    assert text.split("\n")[1] == "表二 行政许可 7"
    assert docx_to_text(_chunk_docx("gone.htm", b"<p>x</p>", stored_as="elsewhere.htm")).split("\n")[1] == "（完）"


def test_a_report_framed_in_a_one_cell_layout_table_is_read_as_the_page() -> None:
    report = golden_report("001_486c4dbf7b9bad2b")
    inner = document_xml(report_blocks(report))
    body = re.search(r"<w:body>(.*)<w:sectPr>", inner, re.S).group(1)
    framed = inner.replace(body, f"<w:tbl><w:tr><w:tc>{body}<w:p/></w:tc></w:tr></w:tbl>")
    record = process_document(load_bytes(docx_bytes(framed), doc_id="x", path="x.docx", suffix=".docx"))
    assert record.report.values() == report.values()
    assert {p for p, v in record.provenance.items() if v.status != Status.PROVEN} == set()
