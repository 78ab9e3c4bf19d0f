"""RTF and OpenDocument reports read as their word processor shows them, cells one per line like a .docx."""

from __future__ import annotations

import pytest

from llm_extract import process_document
from llm_extract.evidence import Status
from llm_extract.ingest import load_bytes
from llm_extract.ingest.odt import odt_to_text
from llm_extract.ingest.rtf import rtf_to_text
from tests.fixtures.ingest.form2021 import golden_report, report_blocks
from tests.fixtures.ingest.office_files import odt_bytes, odt_content, report_odt, report_rtf, rtf_text


def _all_proven(data: bytes, suffix: str, stem: str) -> None:
    record = process_document(load_bytes(data, doc_id="x", path=f"x{suffix}", suffix=suffix))
    assert record.report.values() == golden_report(stem).values()
    assert {p for p, v in record.provenance.items() if v.status != Status.PROVEN} == set()


@pytest.mark.parametrize("stem", ["000_38ec84bebc7328d3", "003_d677def7845cc038"])
def test_an_rtf_report_in_gbk_and_unicode_escapes_reads_as_its_golden_report(stem: str) -> None:
    # a hidden old 表三 row and a deleted one sit before the tables: neither is read
    hidden = "{\\v " + rtf_text("一、本年新收政府信息公开申请数量") + " 9 9 9 9 9 9 54}\\par\n"
    deleted = "{\\deleted " + rtf_text("行政许可") + " 999}\\par\n"
    _all_proven(report_rtf(golden_report(stem), extra=hidden + deleted), ".rtf", stem)


def _rtf(body: str) -> bytes:
    return ("{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil\\fcharset134 SimSun;}}"
            "{\\stylesheet{\\s0 Normal;}{\\*\\cs15 \\v Old;}}" + body + "}").encode("ascii")


@pytest.mark.parametrize("body, text", [
    ("\\pard {\\v 44}0\\par", "0\n"),                                       # hidden text
    ("\\pard {\\v1 44}{\\v0 1}0\\par", "10\n"),
    ("\\pard {\\cs15 71}0\\par", "0\n"),                                    # hidden through a character style
    ("\\pard {\\deleted 2}2\\par", "2\n"),                                  # a tracked deletion
    ("\\pard {\\field{\\*\\fldinst SUM(ABOVE)}{\\fldrslt 12}}\\par", "12\n"),   # a field: its result
    ("\\pard {\\pict\\wmetafile8 0102ff}{\\*\\bkmkstart x}7\\par", "7\n"),
    ("\\pard {\\header 9}{\\footnote 8}6\\par", "6\n"),
    ("\\pard \\'c4\\'ea{\\uc2\\u24180\\'c4\\'ea}\\u24180?\\par", "年年年\n"),    # GBK bytes, \\uN and fallbacks
    ("\\pard a\\~b\\_c\\tab d\\line e\\par", "a b-c d\ne\n"),
    ("\\pard {\\*\\shpinst{\\sp{\\sn wzName}{\\sv 9}}{\\shptxt \\pard 5\\par}}{\\shprslt 5}\\par", "5\n"),
    ("\\pard x{\\bin3 }{}}y\\par", "xy\n"),                                  # binary data skipped
])
def test_rtf_reads_what_word_shows(body: str, text: str) -> None:
    assert rtf_to_text(_rtf(body)) == text


def test_rtf_table_cells_are_one_per_line_and_a_horizontally_merged_cell_appears_once() -> None:
    row = ("\\trowd\\clmgf\\cellx1000\\clmrg\\cellx2000\\cellx3000"
           "\\pard\\intbl 12\\par 3\\cell \\cell \\pard\\intbl x\\cell\\row\\pard after\\par")
    assert rtf_to_text(_rtf(row)) == "\t12 3\n\tx\n\nafter\n"


def test_an_rtf_layout_cell_prints_its_paragraphs_as_lines_then_its_nested_table() -> None:
    nested = ("\\trowd\\cellx9000\\pard\\intbl title\\par text\\par"
              "\\pard\\intbl\\itap2 a\\nestcell b\\nestcell{\\*\\nesttableprops\\trowd\\cellx100\\cellx200\\nestrow}"
              "{\\nonesttables\\par}\\pard\\intbl tail\\cell\\row")
    assert rtf_to_text(_rtf(nested)) == "\ttitle\n\ttext\n\ta\n\tb\n\n\ttail\n\n"


@pytest.mark.parametrize("stem", ["001_486c4dbf7b9bad2b", "003_d677def7845cc038"])
def test_an_odt_report_with_spanning_and_covered_cells_reads_as_its_golden_report(stem: str) -> None:
    styles = ('<style:style style:name="T1" style:family="text"><style:text-properties text:display="none"/>'
              '</style:style>')
    hidden = ('<text:p>二、上年结转<text:span text:style-name="T1">9 9 9 9 9 9 54</text:span></text:p>'
              '<text:tracked-changes><text:changed-region text:id="c1"><text:deletion>'
              '<text:p>一、本年新收政府信息公开申请数量 7 7 7 7 7 7 42</text:p></text:deletion>'
              '</text:changed-region>'
              '</text:tracked-changes>')
    _all_proven(report_odt(golden_report(stem), styles=styles, extra=hidden), ".odt", stem)


def _odt(body: str, styles: str = "") -> str:
    return odt_to_text(odt_bytes(odt_content([], styles=styles, extra=body)))


def test_odt_hidden_text_follows_its_style_and_the_styles_it_is_based_on() -> None:
    styles = ('<style:style style:name="H" style:family="text"><style:text-properties text:display="none"/>'
              '</style:style><style:style style:name="H2" style:family="text" style:parent-style-name="H"/>'
              '<style:style style:name="V" style:family="text" style:parent-style-name="H">'
              '<style:text-properties text:display="true"/></style:style>'
              '<style:style style:name="P" style:family="paragraph"><style:text-properties text:display="none"/>'
              '</style:style>')
    body = ('<text:p><text:span text:style-name="H">44</text:span><text:span text:style-name="H2">5</text:span>'
            '<text:span text:style-name="V">1</text:span>0</text:p><text:p text:style-name="P">旧表</text:p>'
            '<text:p>a<text:hidden-text text:is-hidden="true" text:string-value="9"/>b'
            '<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>注</text:p>'
            '</text:note-body></text:note></text:p>')
    assert _odt(body, styles) == "10\nab\n"


def test_odt_spaces_tabs_and_breaks_are_read_as_word_prints_them() -> None:
    assert _odt('<text:p>a<text:s text:c="3"/>b<text:tab/>c<text:line-break/>d</text:p>'
                '<text:list><text:list-item><text:p>e</text:p></text:list-item></text:list>') == "a b c\nd\ne\n"


def test_odt_covered_cells_repeat_and_span_like_word_tables() -> None:
    table = ('<table:table><table:table-row><table:table-cell table:number-rows-spanned="2"><text:p>合</text:p>'
             '</table:table-cell><table:table-cell table:number-columns-spanned="2"><text:p>1</text:p>'
             '</table:table-cell><table:covered-table-cell/></table:table-row><table:table-row>'
             '<table:covered-table-cell/><table:table-cell table:number-columns-repeated="2"><text:p>0</text:p>'
             '</table:table-cell></table:table-row></table:table>')
    assert _odt(table) == "\t合\n\t1\n\n\t\n\t0\n\t0\n\n"


def test_an_odt_whose_mimetype_is_compressed_or_not_first_is_read_as_opendocument() -> None:
    # it was taken for a .docx and refused as "a ZIP archive without word/document.xml: not a Word .docx document"
    import io
    import zipfile

    content = odt_content(report_blocks(golden_report("003_d677def7845cc038")))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("content.xml", content)
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    _all_proven(buf.getvalue(), ".odt", "003_d677def7845cc038")
