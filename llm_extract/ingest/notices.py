"""What ingest knows about a document that its text does not show: pages it could not read, copies it left out.

A PDF whose pages are partly scans is read from the pages with a text layer; the
scanned pages are named in the document's warnings (``Document.meta``), become a
finding of the record (``INGEST.SCANNED_PAGES``, so the review queue shows it) and
are named in the error when the readable pages hold no report.

A PDF whose text layer cannot be decoded (:mod:`.pdf_decode`: glyph codes without a usable ToUnicode
map) is not refused as "not a report" when nothing is read from it: the error says that the text
layer does not decode and advises OCR, as a scan's does; so does a PDF whose title, headings and
labels read but whose tables' numbers do not (the form's headings are there, no cell reads). A
document read in part carries the warning ``INGEST.UNDECODABLE_TEXT``.

A text file cut short inside a character (a download cut off, a crawler's dump truncated at a byte limit) is read
without that character (:mod:`.text`) and carries the warning ``INGEST.TRUNCATED_TEXT``: what followed the cut is
not in the file.

A UTF-8 text holding a few U+FFFD (decoded with replacement before it was saved) is read as it stands and carries
the warning ``INGEST.REPLACED_TEXT``: a cell where one stands is not a number and is left to review.

A Chinese text holding runs of mojibake (a piece of it read in a one-byte code page: :mod:`.mojibake_runs`) is read
with those runs given back as written and carries the note ``INGEST.MOJIBAKE_RUNS``.

A text printed in traditional characters (繁體: a site's big5 gateway or 繁體 page) is read converted to simplified ones
(:mod:`.traditional`) and carries the note ``INGEST.TRADITIONAL``.
"""

from __future__ import annotations

from collections.abc import Sequence

from .._exceptions import DocumentError, NotAReportError, UnreadableTablesError, UnsupportedFormatError
from ..evidence import Finding
from ..form import FORM
from .document import Document
from .pdf_decode import undecodable_text_detail
from .text import REPLACED, TRUNCATED
from verify.rules import register
from verify.trust import OCR_PICTURES, OCR_SPACING, OCR_SPECKS

__all__ = ["ingest_findings", "explain_not_a_report", "SCANNED_PAGES", "DUPLICATE_COPY", "TABLE_PICTURES", "OCR_PAGES",
           "UNDECODABLE_TEXT", "TRUNCATED_TEXT", "REPLACED_TEXT", "MOJIBAKE_RUNS", "TRADITIONAL", "REOCR_ADVICE", "OCR_SPACING", "OCR_SPECKS",
           "OCR_PICTURES"]

SCANNED_PAGES = "INGEST.SCANNED_PAGES"
register(SCANNED_PAGES, "PDF 部分页面是扫描图像（没有文字层），其内容未读取：请先 OCR",
         "some pages of the PDF are scanned images without a text layer: their content was not read; OCR them first")


OCR_PAGES = "INGEST.OCR_PAGES"
register(OCR_PAGES, "PDF 页面是扫描图像：其文字是 OCR 的识别结果（不可见的 OCR 文字层，或由本工具 OCR），可能误读数字",
         "pages of the PDF are scans: their text is an OCR engine's reading (an invisible OCR text layer, or OCR "
         "run here), which may misread digits")


register(OCR_SPACING, "文本是 OCR 结果（汉字之间有空格，读取前已去除）：OCR 可能漏读或重复数字",
         "the text is OCR output (spaces between its Chinese characters, taken out before reading), which may "
         "drop or double digits")

register(OCR_PICTURES, "Word 文件中的图片（以图片粘贴的表格）由本工具 OCR 读取：其文字是 OCR 的识别结果，可能误读数字",
         "pictures in the Word file (tables pasted as pictures) were read by OCR here: their text is an OCR engine's "
         "reading, which may misread digits")

register(OCR_SPECKS, "文本是 OCR 结果（表格线被识别为单独的标点符号或数字旁的 |）：OCR 可能漏读或重复数字",
         "the text is OCR output (a scanned table's rules read as lone punctuation marks, or as | beside numbers), "
         "which may drop or double digits")


UNDECODABLE_TEXT = "INGEST.UNDECODABLE_TEXT"
register(UNDECODABLE_TEXT, "PDF 文字层无法解码（字体缺少可用的 ToUnicode 映射），这些页面的内容未读取：请先 OCR",
         "the PDF's text layer cannot be decoded (fonts without a usable ToUnicode map): those pages' content "
         "was not read; OCR them first")
#: a PDF with a text layer is OCR'd only when told to replace it
REOCR_ADVICE = "OCR it first, replacing the text layer (e.g. `ocrmypdf --force-ocr report.pdf ocr.pdf`)"
UNREADABLE_ADVICE = ("give the source document itself (the PDF, web page or Word file) or a layout-preserving text of it "
                     "(`pdftotext -layout`), or let a model read it (`--llm auto` with a model configured)")


TRUNCATED_TEXT = "INGEST.TRUNCATED_TEXT"
register(TRUNCATED_TEXT, "文件在一个字符的中间被截断（下载中断、爬虫按字节上限截取）：该字符已舍去，截断处之后的内容不在文件中",
         "the file ends inside a character (a download cut off, a crawler's dump truncated at a byte limit): that "
         "character was dropped, and whatever followed the cut is not in the file")


MOJIBAKE_RUNS = "INGEST.MOJIBAKE_RUNS"
register(MOJIBAKE_RUNS, "文本中有几段乱码（以单字节代码页误读的 GBK/UTF-8 字节）：已按原字节还原后读取",
         "runs of the text were mojibake (GBK or UTF-8 bytes read in a one-byte code page): they were read given "
         "back as their bytes were written")

REPLACED_TEXT = "INGEST.REPLACED_TEXT"
register(REPLACED_TEXT, "文本中有替换字符 �（保存前以替换方式解码：原字符已丢失）：原样读取，含 � 的单元格不作为数字",
         "the text holds replacement characters (U+FFFD: it was decoded with replacement before it was saved, the "
         "characters there are lost): read as it stands, a cell holding one is no number")


TRADITIONAL = "INGEST.TRADITIONAL"
register(TRADITIONAL, "文本以繁体字印刷（如政府网站的繁体版页面）：已按 OpenCC 转为简体后读取，数字不变；机关名称以简体给出",
         "the text is printed in traditional characters (a government site's 繁體 page): it was read converted "
         "to simplified ones (OpenCC), its numbers untouched; the agency's name is given in simplified characters")


DUPLICATE_COPY = "INGEST.DUPLICATE_COPY"
register(DUPLICATE_COPY, "文件中同一报告出现多次（如网页重复刊登正文），只读取第一份",
         "the file holds the same report more than once (a page printing its article twice): the first copy is read")


TABLE_PICTURES = "INGEST.TABLE_PICTURES"
register(TABLE_PICTURES, "表格在文本中没有任何单元格，而文档含有图片：以图片发布的表格没有文字，其字段缺失（请对图片 OCR，或提供报告的 PDF 或 Word 文件）",
         "a table has no cell in the text and the document shows pictures: a table published as a picture holds "
         "no text, and its fields are missing (OCR the picture, or give the report's PDF or Word file)")


def _scanned(doc: Document) -> list[int]:
    return [int(p) for p in doc.meta.get("scanned_pages", [])]


def _pages(pages: list[int]) -> str:
    return f"page {pages[0]} is" if len(pages) == 1 else f"pages {', '.join(map(str, pages))} are"


def ingest_findings(doc: Document, unread_tables: Sequence[str] = ()) -> list[Finding]:
    """The findings ingest leaves on the record: a warning naming the scanned pages, if any; one naming the
    ``unread_tables`` (no cell read) of a document that shows pictures."""
    out = []
    if unread_tables and (shown := doc.pictures):
        out.append(Finding(code=TABLE_PICTURES, severity="warning", detail={"tables": list(unread_tables),
                                                                           "pictures": shown},
                           message=f"{'、'.join(unread_tables)}: no cell in the text, and the document shows "
                                   f"{shown} picture{'s' if shown != 1 else ''}: a table published as a picture "
                                   "holds no text; its fields are missing (OCR the picture, or give the report's PDF "
                                   "or Word file)"))
    copies = doc.meta.get("duplicate_copies")
    if copies:
        spans = ", ".join(f"lines {a}–{b}" for a, b in copies)
        out.append(Finding(code=DUPLICATE_COPY, severity="warning", detail={"copies": copies},
                           message=f"the same report is printed again ({spans}): only the first copy was read"))
    ocr = [int(p) for p in doc.meta.get("ocr_pages", [])]
    if ocr:
        here = [int(p) for p in doc.meta.get("ocr_read_pages", [])]
        layer = [p for p in ocr if p not in here]
        what = [f"{_pages(layer)} a scan under an invisible OCR text layer"] if layer else []
        what += [f"{_pages(here)} a scan without a text layer, read by OCR here (RapidOCR)"] if here else []
        detail: dict[str, list[int]] = {"pages": ocr, "read_here": here} if here else {"pages": ocr}
        out.append(Finding(code=OCR_PAGES, severity="warning", detail=detail,
                           message=f"{'; '.join(what)}: the text read is the OCR engine's; 表二 (in no identity) is "
                                   "not proven from it (READ.OCR_TEXT)"))
    if pictures := doc.meta.get("ocr_pictures"):
        out.append(Finding(code=OCR_PICTURES, severity="warning", detail={"pictures": pictures},
                           message=f"{pictures} picture{'s' if pictures != 1 else ''} in the Word file read by OCR "
                                   "here (RapidOCR), where each stands: the text read in them is the OCR engine's; "
                                   "表二 (in no identity) is not proven from it (READ.OCR_TEXT)"))
    if doc.meta.get("ocr_spacing"):
        out.append(Finding(code=OCR_SPACING, severity="warning",
                           message="the text prints spaces between its Chinese characters as OCR does: they were "
                                   "taken out before reading; 表二 (in no identity) is not proven from it "
                                   "(READ.OCR_TEXT)"))
    if specks := doc.meta.get("ocr_specks"):
        out.append(Finding(code=OCR_SPECKS, severity="warning", detail={"specks": specks},
                           message=f"{specks} lines or cells hold nothing but punctuation, or a | beside a number, as OCR "
                                   "reads a scanned table's rules: the text is an OCR engine's reading; 表二 (in no identity) is not "
                                   "proven from it (READ.OCR_TEXT)"))
    if marks := doc.meta.get("traditional"):
        out.append(Finding(code=TRADITIONAL, severity="info", detail={"traditional_characters": marks},
                           message=f"the text is printed in traditional characters ({marks} of them only traditional "
                                   "text prints): it was read converted to simplified ones (OpenCC t2s), its numbers "
                                   "untouched; the agency's name is given in simplified characters"))
    if doc.meta.get("truncated"):
        out.append(Finding(code=TRUNCATED_TEXT, severity="warning",
                           message=f"the file ends inside a character (read as {doc.encoding.removesuffix(TRUNCATED)}): "
                                   "it was cut short, as a download cut off or a crawler's dump truncated at a byte "
                                   "limit; that character was dropped, and whatever followed the cut is not in the "
                                   "file: fetch it again whole"))
    if lost := doc.meta.get("replacement_chars"):
        out.append(Finding(code=REPLACED_TEXT, severity="warning", detail={"replacement_characters": lost},
                           message=f"the text holds {lost} replacement character{'s' if lost != 1 else ''} (U+FFFD): "
                                   "it was decoded with replacement before it was saved, the characters there are "
                                   "lost; fetch it again from its source if one stands in a table"))
    if runs := doc.meta.get("mojibake_runs"):
        out.append(Finding(code=MOJIBAKE_RUNS, severity="info", detail={"runs": runs},
                           message=f"{runs} run{'s' if runs != 1 else ''} of the text were mojibake (GBK or UTF-8 "
                                   "bytes read in a one-byte code page, a piece pasted or joined from a page read "
                                   "wrongly): each was read given back exactly as its bytes were written"))
    undecodable = _undecodable(doc)
    if undecodable:
        out.append(Finding(code=UNDECODABLE_TEXT, severity="warning", detail={"pages": undecodable[0]},
                           message=f"{undecodable_text_detail(*undecodable)}: no number was read from them; "
                                   f"{REOCR_ADVICE}"))
    pages = _scanned(doc)
    if pages:
        message = next((w for w in doc.meta.get("warnings", []) if "scanned" in w), f"scanned pages: {pages}")
        out.append(Finding(code=SCANNED_PAGES, severity="warning", message=message, detail={"pages": pages}))
    return out


def _undecodable(doc: Document) -> tuple[list[int], int, int] | None:
    pages = [int(p) for p in doc.meta.get("undecodable_pages", [])]
    if not pages:
        return None
    bad, printed = doc.meta.get("undecodable_chars") or (0, 0)
    return pages, int(bad), int(printed)


def _headings(doc: Document) -> list[str]:
    """The form's tables whose section headings the text prints."""
    text = "".join("".join(line.split()) for line in doc.lines[:4000])
    return [table for table, pattern in FORM.headings.items() if pattern.search(text)]


def explain_not_a_report(exc: NotAReportError, doc: Document) -> DocumentError:
    """``exc``, naming the scanned pages when there are some (the report may be on them); for a PDF whose
    text layer does not decode (all of it, or its tables' numbers), that, with advice to OCR it; for a
    text that prints two of the tables' headings, :class:`UnreadableTablesError` (a report, whose cells
    no layout reading placed), with advice."""
    if runs := doc.meta.get("mojibake_runs"):
        out.append(Finding(code=MOJIBAKE_RUNS, severity="info", detail={"runs": runs},
                           message=f"{runs} run{'s' if runs != 1 else ''} of the text were mojibake (GBK or UTF-8 "
                                   "bytes read in a one-byte code page, a piece pasted or joined from a page read "
                                   "wrongly): each was read given back exactly as its bytes were written"))
    undecodable = _undecodable(doc)
    if undecodable is not None:
        return UnsupportedFormatError(exc.path, f"{undecodable_text_detail(*undecodable)}; {REOCR_ADVICE}")
    found = _headings(doc)
    ocr = [int(p) for p in doc.meta.get("ocr_pages", [])]
    if found and doc.source_kind in ("pdf", "image") and ocr:
        return UnsupportedFormatError(exc.path, f"the report's tables ({', '.join(found)}) were found, but none of "
                                                "their cells reads as a number: the text is an OCR engine's reading "
                                                f"of scanned pages ({', '.join(map(str, ocr))}), and it did not read "
                                                "the tables' numbers; OCR the scan again at a higher resolution or with "
                                                "an engine that reads tables (`ocrmypdf --force-ocr --oversample 300 "
                                                "report.pdf ocr.pdf`), or give the source document itself")
    if found and doc.source_kind == "pdf":
        return UnsupportedFormatError(exc.path, f"the report's tables ({', '.join(found)}) were found, but none of "
                                                "their cells reads as a number: the PDF's text layer does not decode "
                                                f"the numbers (a font without a usable ToUnicode map); {REOCR_ADVICE}")
    if found and (images := doc.pictures):
        return UnreadableTablesError(exc.path, f"the report's tables ({', '.join(found)}) were found, but none of "
                                               f"their cells reads: the page shows {images} pictures, and "
                                               "the tables may be among them (a table published as an image holds no "
                                               "text); OCR the pictures, or give the report's PDF or Word file")
    if len(found) >= 2:         # e.g. a text tool printed the tables' labels and numbers in separate blocks
        return UnreadableTablesError(exc.path, f"the report's tables ({', '.join(found)}) were found, but none of "
                                               f"their cells reads in this layout; {UNREADABLE_ADVICE}")
    warnings = [w for w in doc.meta.get("warnings", []) if "scanned" in w]
    if not warnings:
        return exc
    return NotAReportError(exc.path, f"{exc.detail}; {' '.join(warnings)}")
