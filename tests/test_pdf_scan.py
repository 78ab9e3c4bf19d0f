"""Scanned reports: a PDF page that is an image without a text layer is read by OCR (the ``ocr`` extra).

``scanned-002-150dpi.pdf`` is 002's report (tests/fixtures/pdf/make_pdfs.py) printed, scanned at 150 dpi to
greyscale JPEG, and put back into a PDF with no text at all, as a scanner delivers it. With the extra
installed every page is recognised (llm_extract/ingest/pdf_scan.py) and read like any PDF page, and the
document says which pages an OCR engine read: their numbers prove nothing an identity does not check.

These tests need RapidOCR (``pip install -e '.[ocr]'``, part of the ``test`` extra): without it they are
skipped, except in CI (``CI=true``), where they fail.
"""

from __future__ import annotations

import json
import math
import os
from pathlib import Path

import pytest

from llm_extract import BinaryDocumentError, UnsupportedFormatError, load, process_document
from llm_extract.evidence import Status
from llm_extract.ingest import pdf_scan
from llm_extract.ingest.pdf_scan import box_chars, despeckle, level_boxes, skew
from llm_extract.schema import Report

PDFS = Path(__file__).parent / "fixtures" / "pdf"
SCAN = PDFS / "scanned-002-150dpi.pdf"
GOLDEN = Path(__file__).parent.parent / "golden" / "002_0126e23b7202ee31.json"
SETTLED = (Status.PROVEN, Status.DERIVED)


def _needs_ocr() -> None:
    if pdf_scan.ocr_available():
        return
    if os.environ.get("CI"):
        pytest.fail("the ocr extra (RapidOCR) is not installed: pip install -e '.[test]'")
    pytest.skip("the ocr extra (RapidOCR) is not installed")


@pytest.fixture(scope="module")
def scanned_record():
    _needs_ocr()
    doc = load(SCAN)
    return doc, process_document(doc)


def test_a_box_of_recognised_text_becomes_characters_across_the_box_a_chinese_one_twice_a_digits_width() -> None:
    chars = box_chars("总计12", 100.0, 10.0, 130.0, 22.0, page_number=2, initial_doctop=842.0,
                      page_height=842.0)
    assert [c["text"] for c in chars] == ["总", "计", "1", "2"]
    assert [round(c["x1"] - c["x0"], 3) for c in chars] == [10.0, 10.0, 5.0, 5.0]
    assert chars[0]["x0"] == 100.0 and chars[-1]["x1"] == 130.0
    assert {(c["top"], c["bottom"], c["doctop"], c["upright"], c["page_number"]) for c in chars} == {
        (10.0, 22.0, 852.0, True, 2)}
    assert box_chars("  ", 0.0, 0.0, 10.0, 10.0, page_number=1, initial_doctop=0.0, page_height=842.0) == []
    assert box_chars("8", 5.0, 0.0, 5.0, 10.0, page_number=1, initial_doctop=0.0, page_height=842.0) == []     # (no width)


def test_a_scanned_report_is_read_by_ocr_and_its_pages_are_named(scanned_record) -> None:
    doc, record = scanned_record
    assert doc.source_kind == "pdf"
    assert doc.meta["ocr_pages"] == doc.meta["ocr_read_pages"] == [1, 2]
    assert "scanned_pages" not in doc.meta
    finding = next(f for f in record.findings if f.code == "INGEST.OCR_PAGES")
    assert finding.detail == {"pages": [1, 2], "read_here": [1, 2]}
    assert "pages 1, 2 are a scan without a text layer, read by OCR here" in finding.message


def test_no_number_read_from_a_scan_is_settled_wrong_and_nearly_all_are_read(scanned_record) -> None:
    _, record = scanned_record
    golden = Report.model_validate({k: v for k, v in json.loads(GOLDEN.read_text(encoding="utf-8")).items()
                                    if k in Report.model_fields}).values()
    values = record.report.values()
    statuses = {p: record.provenance[p].status for p in golden}
    wrong_settled = [p for p in golden if values[p] != golden[p] and statuses[p] in SETTLED]
    assert wrong_settled == []
    right = sum(values[p] == golden[p] for p in golden)
    assert right >= 0.95 * len(golden)         # (measured: 202 of 202, 15 queued, on the development machine)


def test_table2_read_from_a_scan_is_never_proven_by_the_text_alone(scanned_record) -> None:
    _, record = scanned_record
    table2 = [p for p in record.provenance if p.startswith("active_disclosure.")]
    assert table2 and all(record.provenance[p].status is not Status.PROVEN for p in table2)


def test_with_ocr_turned_off_a_scan_is_refused_with_the_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LLM_EXTRACT_OCR", "off")
    with pytest.raises(UnsupportedFormatError, match="no text layer: a scanned PDF; OCR it first") as info:
        load(SCAN)
    assert "OCR is turned off (LLM_EXTRACT_OCR=off)" in str(info.value)


def test_without_the_extra_a_scan_is_refused_with_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_scan, "_load_engine", lambda: None)
    with pytest.raises(UnsupportedFormatError) as info:
        load(SCAN)
    assert "install the OCR extra to read scanned pages: pip install 'llm-extract[ocr]'" in str(info.value)


def _turned(box: list[tuple[float, float]], degrees: float, centre: tuple[float, float]) -> list[tuple[float, float]]:
    a = math.radians(degrees)
    cx, cy = centre
    return [(cx + (x - cx) * math.cos(a) - (y - cy) * math.sin(a), cy + (x - cx) * math.sin(a) + (y - cy) * math.cos(a))
            for x, y in box]


def test_a_page_scanned_askew_is_levelled_so_that_a_rows_cells_share_one_line_again() -> None:
    centre = (600.0, 800.0)
    row = [[(x, 1000.0), (x + w, 1000.0), (x + w, 1030.0), (x, 1030.0)]
           for x, w in ((100, 400), (600, 150), (800, 150), (1000, 150))]      # a label and three cells
    lines = [[(100.0, y), (1100.0, y), (1100.0, y + 30), (100.0, y + 30)] for y in (200.0, 300.0, 400.0)]
    turned = [_turned(b, 0.8, centre) for b in row + lines]
    assert max(b[0][1] for b in turned[:4]) - min(b[0][1] for b in turned[:4]) > 12   # askew: the row's tops part
    assert math.degrees(skew(turned)) == pytest.approx(0.8)
    level = level_boxes(turned, centre)
    for got, want in zip(level, row + lines):
        assert [c for point in got for c in point] == pytest.approx([c for point in want for c in point])
    straight = row + lines                                   # a straight scan is left as it is
    assert level_boxes(straight, centre) is straight
    assert skew(row[1:]) == 0.0                              # (short boxes, cells, do not tell the slope)


def test_a_scanners_specks_are_cleaned_and_a_one_pixel_stroke_is_kept() -> None:
    numpy = pytest.importorskip("numpy")
    page = numpy.full((9, 9), 255, dtype=numpy.uint8)
    page[1:8, 4] = 0                        # a stroke one pixel wide (a 1)
    page[2, 1] = 0                          # dust
    page[6, 7] = 120                        # a grey speck
    page[7, 1] = 180                        # a faint one, more than 60 levels darker than all around it
    clean = despeckle(page)
    assert (clean[1:8, 4] == 0).all()
    assert clean[2, 1] == clean[6, 7] == clean[7, 1] == 255
    assert (numpy.delete(clean, 4, axis=1) == 255).all()
    hole = numpy.zeros((5, 5), dtype=numpy.uint8)
    hole[2, 2] = 255                        # a light speck inside a dark stroke
    assert (despeckle(hole) == 0).all()


def test_at_most_max_ocr_pages_of_one_document_are_ocrd_whether_or_not_anything_is_recognised(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import pdfplumber

    from llm_extract.ingest import pdf as pdf_module
    from tests.fixtures.pdf.make_pdfs import image_only_pdf
    with pdfplumber.open(PDFS / "scanned.pdf") as pdf:
        jpeg = pdf.pages[0].images[0]["stream"].get_rawdata()
    calls: list[int] = []
    monkeypatch.setattr(pdf_module, "scan_page", lambda page: calls.append(page.page_number))   # nothing read
    with pytest.raises(UnsupportedFormatError, match="no text layer"):
        pdf_module.read_pdf(image_only_pdf(*[jpeg] * (pdf_scan.MAX_OCR_PAGES + 2)), "blank-scan.pdf")
    assert calls == list(range(1, pdf_scan.MAX_OCR_PAGES + 1))


def test_without_the_extra_its_absence_is_looked_up_once_a_process(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins
    looked: list[str] = []
    real_import = builtins.__import__

    def no_rapidocr(name, *args, **kwargs):
        if name == "rapidocr":
            looked.append(name)
            raise ImportError(name)
        return real_import(name, *args, **kwargs)
    monkeypatch.setattr(pdf_scan, "_engine", None)
    monkeypatch.setattr(builtins, "__import__", no_rapidocr)
    assert not pdf_scan.ocr_available() and not pdf_scan.ocr_available()
    assert pdf_scan.why_no_ocr() == pdf_scan.OCR_INSTALL_HINT
    assert looked == ["rapidocr"]


def test_a_report_scanned_to_a_multipage_tiff_reads_as_its_scanned_pdf(scanned_record, tmp_path: Path) -> None:
    """Scanners deliver TIFFs and JPEGs too: an image file's pages are read as the same pages in a scanned PDF."""
    pdfplumber = pytest.importorskip("pdfplumber")
    _, from_pdf = scanned_record
    with pdfplumber.open(SCAN) as pdf:
        pages = [p.to_image(resolution=pdf_scan.RESOLUTION).original.convert("L") for p in pdf.pages]
    tiff = tmp_path / "002-scan.tif"
    pages[0].save(tiff, save_all=True, append_images=pages[1:], compression="tiff_deflate")
    doc = load(tiff)
    assert doc.source_kind == "image" and doc.meta["ocr_read_pages"] == [1, 2]
    record = process_document(doc)
    assert record.report.values() == from_pdf.report.values()
    assert {p: v.status for p, v in record.provenance.items()} == {p: v.status for p, v in from_pdf.provenance.items()}


def test_an_image_without_ocr_fails_by_name_saying_why(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv(pdf_scan.OCR_SWITCH, "off")
    image = tmp_path / "page.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    with pytest.raises(UnsupportedFormatError, match="read by OCR only: OCR is turned off"):
        load(image)


def _table3_picture() -> tuple[bytes, int, int]:
    """表三 of 002's scanned fixture, cut out of its first page as a greyscale JPEG (a table pasted as a picture)."""
    import io

    pdfplumber = pytest.importorskip("pdfplumber")
    with pdfplumber.open(SCAN) as pdf:
        page = pdf.pages[0].to_image(resolution=pdf_scan.RESOLUTION).original.convert("L")
    table = page.crop((0, int(page.height * 0.367), page.width, int(page.height * 0.985)))
    out = io.BytesIO()
    table.save(out, "JPEG", quality=85)
    return out.getvalue(), table.width, table.height


def _table3_read_from_the_picture(record) -> None:
    """No 表三 cell of 002's settled wrong, and nine in ten right (the picture holds all but its last two rows)."""
    golden = Report.model_validate({k: v for k, v in json.loads(GOLDEN.read_text(encoding="utf-8")).items()
                                    if k in Report.model_fields}).values()
    values = record.report.values()
    table3 = [p for p in golden if p.startswith("applications.")]
    assert [p for p in table3 if values[p] != golden[p] and record.provenance[p].status in SETTLED] == []
    assert sum(values[p] == golden[p] for p in table3) >= 0.9 * len(table3)


def test_a_table_pasted_as_a_picture_on_a_page_with_text_is_read_by_ocr_beside_the_text(tmp_path: Path) -> None:
    """A Word report whose 表三 is a picture, exported to PDF: the title and headings are text, 表三 pixels. The
    picture is recognised and its cells read where they stand; the page is named among the OCR pages; no number
    is settled wrong."""
    _needs_ocr()
    from tests.pdf_writer import text_pdf

    jpeg, width, height = _table3_picture()
    w = 555.0
    h = w * height / width
    lines = ["红旗区人民政府2021年政府信息公开工作年度报告", "一、总体情况", "本机关全年共收到政府信息公开申请6件。",
             "三、收到和处理政府信息公开申请情况"]
    pdf = tmp_path / "pictured.pdf"
    pdf.write_bytes(text_pdf(lines, picture=(jpeg, width, height, (20.0, 842 - 100 - h, w, h))))
    doc = load(pdf)
    assert doc.meta["ocr_pages"] == doc.meta["ocr_read_pages"] == [1]
    assert doc.lines[0] == lines[0]                       # (the text layer's own characters, as they are)
    record = process_document(doc)
    _table3_read_from_the_picture(record)


def test_a_letterhead_picture_under_text_is_not_read_by_ocr() -> None:
    """A picture the text layer's characters stand on (a letterhead, an OCR layer's scan) is not OCR'd again."""
    from tests.pdf_writer import text_pdf

    from llm_extract.ingest import load_bytes

    doc = load_bytes(text_pdf(["红旗区人民政府2021年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况"],
                              background=True), doc_id="letterhead", suffix=".pdf")
    assert "ocr_read_pages" not in doc.meta


def test_an_image_too_large_or_blank_fails_by_name(tmp_path: Path) -> None:
    """A picture of more pixels than any page scan is refused unread; a blank page says that OCR read nothing."""
    _needs_ocr()
    from PIL import Image

    from llm_extract.ingest.image_scan import MAX_PIXELS

    huge = tmp_path / "huge.png"
    Image.new("1", (10_000, MAX_PIXELS // 10_000 + 1), 1).save(huge)
    with pytest.raises(BinaryDocumentError, match="refused: an image of 10000"):
        load(huge)
    blank = tmp_path / "blank.jpg"
    Image.new("L", (1240, 1754), 255).save(blank)
    with pytest.raises(UnsupportedFormatError, match="OCR read no text in the image"):
        load(blank)


_DRAWING = ('<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
            '<wp:extent cx="{cx}" cy="{cy}"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
            '<a:graphicData><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:blipFill>'
            '<a:blip xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:embed="rId7"/>'
            "</pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>")


def _word_with_picture(width_emu: int) -> bytes:
    from tests.fixtures.ingest.word_docx import W_NS, docx_bytes, paragraph_xml

    jpeg, width, height = _table3_picture()
    body = "".join(paragraph_xml(t) for t in ("红旗区人民政府2021年政府信息公开工作年度报告", "一、总体情况",
                                              "本机关全年共收到政府信息公开申请6件。", "三、收到和处理政府信息公开申请情况"))
    body += _DRAWING.format(cx=width_emu, cy=width_emu * height // width) + paragraph_xml("五、存在的主要问题及改进情况")
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W_NS}"><w:body>'
                f"{body}</w:body></w:document>")
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/image" Target="media/image1.jpeg"/></Relationships>')
    return docx_bytes(document, {"word/_rels/document.xml.rels": rels, "word/media/image1.jpeg": jpeg})


def test_a_table_pasted_as_a_picture_in_a_word_file_is_read_by_ocr_where_it_stands() -> None:
    """A Word report whose 表三 is a picture: its lines are read after the picture's paragraph, before the next
    heading; the document says OCR read a picture (INGEST.OCR_PICTURES), and no number is settled wrong."""
    _needs_ocr()
    from llm_extract.ingest import load_bytes

    doc = load_bytes(_word_with_picture(5_400_000), doc_id="pictured", suffix=".docx")
    assert doc.meta["ocr_pictures"] == 1
    assert doc.lines.index("三、收到和处理政府信息公开申请情况") < doc.text.index("予以公开") < doc.text.index("五、存在")
    record = process_document(doc)
    assert any(f.code == "INGEST.OCR_PICTURES" for f in record.findings)
    _table3_read_from_the_picture(record)
    assert record.provenance["agency"].status is not Status.PROVEN        # (an OCR channel: READ.OCR_NAME)


def test_a_small_picture_in_a_word_file_a_logo_or_a_seal_is_not_read() -> None:
    _needs_ocr()
    from llm_extract.ingest import load_bytes

    doc = load_bytes(_word_with_picture(1_000_000), doc_id="logo", suffix=".docx")
    assert "ocr_pictures" not in doc.meta and "予以公开" not in doc.text


def test_a_picture_without_a_tables_counts_leaves_the_page_as_it_was(tmp_path: Path) -> None:
    """A wide picture holding words and a year only (a banner, a photograph's caption: here the scanned title) adds
    nothing to the page and makes no OCR page of it: 表二 read from the page's text stays as sound as the text."""
    _needs_ocr()
    import io

    from tests.pdf_writer import text_pdf

    pdfplumber = pytest.importorskip("pdfplumber")
    with pdfplumber.open(SCAN) as pdf:
        page = pdf.pages[0].to_image(resolution=pdf_scan.RESOLUTION).original.convert("L")
    title = page.crop((0, int(page.height * 0.04), page.width, int(page.height * 0.08)))
    banner = page.crop((0, 0, page.width, int(page.height * 0.15)))
    banner.paste(255, (0, 0, banner.width, banner.height))
    banner.paste(title, (0, (banner.height - title.height) // 2))       # (on white, as tall as a picture read)
    out = io.BytesIO()
    banner.save(out, "JPEG", quality=85)
    h = 555.0 * banner.height / banner.width
    pdf = tmp_path / "banner.pdf"
    pdf.write_bytes(text_pdf(["红旗区人民政府2021年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况"],
                             picture=(out.getvalue(), banner.width, banner.height, (20.0, 842 - 80 - h, 555.0, h))))
    doc = load(pdf)
    assert "ocr_pages" not in doc.meta and "ocr_read_pages" not in doc.meta
