"""Text that users' other tools hand them: a page saved as .txt, MinerU markdown, crawler exports, OCR spacing.

Each reads as the same report does in its own format: the golden values, every field proven.
"""

from __future__ import annotations

import csv
import html
import io
import json
from pathlib import Path

import pytest

from llm_extract import process_document, run_batch
from llm_extract._exceptions import UnsupportedFormatError
from llm_extract.evidence import CellKind, Status
from llm_extract.ingest import iter_inputs, load, load_bytes
from llm_extract.ingest.cjk_spacing import join_cjk_spacing, shows_ocr_spacing
from llm_extract.ingest.embedded_html import inline_tables, is_html_page
from llm_extract.ingest.html import html_to_text
from llm_extract.multireport import split_reports
from llm_extract.schema import ALL_PATHS, DISCLOSURE_PATHS, TABLE3_ROW_PATHS, TABLE4_PATHS
from tests.fixtures.ingest.form2021 import CLEAN_SEEDS, GOLDEN, golden_report
from tests.fixtures.ingest.html_page import trs_page
from tests.fixtures.ingest.tool_outputs import mineru_markdown, ocr_spaced, report_csv_table
from verify.ocrdigits import alike_digit_cells

STEM = "003_d677def7845cc038"
OTHER = "001_486c4dbf7b9bad2b"


def _reads_as_golden(data: bytes, suffix: str, stem: str = STEM) -> None:
    record = process_document(load_bytes(data, doc_id=stem, path=f"{stem}{suffix}", suffix=suffix))
    assert record.report.values() == golden_report(stem).values()
    assert {p: v.status for p, v in record.provenance.items() if v.status != Status.PROVEN} == {}


def _golden_text(stem: str = STEM) -> str:
    return (GOLDEN / f"{stem}.txt").read_text(encoding="utf-8")


# --- a page's HTML saved as .txt ---------------------------------------------------------------------------

@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_a_pages_html_saved_as_text_reads_as_the_page_does(suffix: str) -> None:
    page = trs_page(golden_report(STEM))
    doc = load_bytes(page.encode("utf-8"), doc_id="p", suffix=suffix)
    assert doc.source_kind == "html"
    assert doc.text == load_bytes(page.encode("utf-8"), doc_id="p", suffix=".html").text
    _reads_as_golden(page.encode("gbk"), suffix)


def test_an_articles_markup_saved_on_its_own_is_html_too() -> None:
    article = '<div class="title">' + trs_page(golden_report(STEM)).split('<div class="title">', 1)[1]
    assert is_html_page(article)
    _reads_as_golden(article.encode("utf-8"), ".txt")


def test_plain_text_that_mentions_a_tag_stays_plain_text() -> None:
    text = _golden_text() + "\n附：网页中的<table>标签与<p>段落已去除。<html>\n"
    assert not is_html_page(text)
    doc = load_bytes(text.encode("utf-8"), doc_id="t", suffix=".txt")
    assert doc.source_kind == "txt" and "附：网页中的<table>标签与<p>段落已去除。<html>" in doc.lines


# --- MinerU markdown: tables as HTML inside the .md --------------------------------------------------------

@pytest.mark.parametrize("stem", CLEAN_SEEDS)
@pytest.mark.parametrize("wrapped", [False, True])
def test_mineru_markdown_with_html_tables_reads_as_its_golden_report(stem: str, wrapped: bool) -> None:
    _reads_as_golden(mineru_markdown(golden_report(stem), wrapped=wrapped).encode("utf-8"), ".md", stem)


def test_an_embedded_table_becomes_the_html_readers_cells_and_the_markdown_around_it_stays() -> None:
    table = '<table><tr><td rowspan="2" colspan="2">三、本年度办理结果</td><td>（一）予以公开</td><td>12</td></tr></table>'
    text = inline_tables(f"# 三、收到和处理政府信息公开申请情况\n\n{table}\n\n五、存在的主要问题\n")
    assert text == ("# 三、收到和处理政府信息公开申请情况\n\n\n" + html_to_text(table).strip("\n")
                    + "\n\n\n\n五、存在的主要问题\n")
    assert "\t三、本年度办理结果\n\t（一）予以公开\n\t12\n" in text


def test_a_table_tag_in_prose_without_cells_is_left_as_it_is() -> None:
    text = "说明：本页的<table>排版</table>已调整。\n"
    assert inline_tables(text) == text


# --- crawler exports ----------------------------------------------------------------------------------------

def _page(stem: str) -> dict[str, str]:
    report = golden_report(stem)
    return {"url": f"http://www.example.gov.cn/{stem}.html",
            "title": f"{report.agency}{report.year}年政府信息公开工作年度报告", "content": _golden_text(stem)}


_NEWS = {"url": "http://www.example.gov.cn/news/1.html", "title": "我局召开政务公开工作推进会",
         "content": "3月2日，我局召开政务公开工作推进会，部署主动公开政府信息工作。\n会议要求各科室按时报送信息。\n"}


@pytest.mark.parametrize("ensure_ascii", [False, True])
def test_a_json_export_of_one_page_reads_its_article(ensure_ascii: bool) -> None:
    _reads_as_golden(json.dumps(_page(STEM), ensure_ascii=ensure_ascii).encode("utf-8"), ".json")
    _reads_as_golden(json.dumps([_page(STEM)], ensure_ascii=ensure_ascii, indent=2).encode("utf-8"), ".json")


def test_an_html_field_is_read_by_the_html_reader() -> None:
    obj = {"url": "http://www.example.gov.cn/1.html", "html": trs_page(golden_report(STEM))}
    doc = load_bytes(json.dumps(obj).encode("utf-8"), doc_id="j", suffix=".jsonl")
    assert "<td" not in doc.text and "\t规章" in doc.lines
    _reads_as_golden(json.dumps(obj).encode("utf-8"), ".jsonl")


def test_a_jsonl_export_gives_a_record_per_page_that_holds_a_report_and_a_news_page_fails_nothing(
        tmp_path: Path) -> None:
    lines = [json.dumps(p, ensure_ascii=False) for p in (_page(STEM), _NEWS, _page(OTHER))]
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "crawl.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    summary = run_batch([tmp_path / "in"], tmp_path / "out", workers=1)
    assert (summary.documents, summary.ok, summary.failed) == (1, 1, 0)
    assert sorted(p.stem for p in (tmp_path / "out" / "records").glob("*.json")) == ["crawl-1", "crawl-2"]
    assert not list((tmp_path / "out" / "failed").glob("*.json"))
    for part, stem in (("crawl-1", STEM), ("crawl-2", OTHER)):
        data = json.loads((tmp_path / "out" / "records" / f"{part}.json").read_text(encoding="utf-8"))
        assert (data["agency"], data["applications"]) == (
            golden_report(stem).agency, json.loads((GOLDEN / f"{stem}.json").read_text())["applications"])


def test_a_json_list_of_one_report_and_news_pages_is_that_report_under_the_files_own_id() -> None:
    doc = load_bytes(json.dumps([_NEWS, _page(STEM), _NEWS], ensure_ascii=False).encode("utf-8"), doc_id="c",
                     suffix=".json")
    parts = split_reports(doc)
    assert [p.doc_id for p in parts] == ["c"] and "会议要求" not in parts[0].text
    record = process_document(parts[0])
    assert record.report.values() == golden_report(STEM).values()


def test_an_export_whose_pages_hold_no_report_is_refused_as_no_report(tmp_path: Path) -> None:
    (tmp_path / "news.json").write_text(json.dumps([_NEWS, _NEWS], ensure_ascii=False), encoding="utf-8")
    summary = run_batch([tmp_path / "news.json"], tmp_path / "out", workers=1)
    assert (summary.ok, summary.failed) == (0, 1) and summary.failures[0]["type"] == "NotAReportError"


def _csv(rows: list[list[str]]) -> bytes:
    buf = io.StringIO()
    csv.writer(buf).writerows(rows)
    return buf.getvalue().encode("utf-8-sig")


def test_a_crawlers_csv_of_pages_reads_each_rows_article() -> None:
    page = _page(STEM)
    _reads_as_golden(_csv([["url", "title", "content"], [page["url"], page["title"], page["content"]]]), ".csv")
    doc = load_bytes(_csv([["title", "content"], [_NEWS["title"], _NEWS["content"]], [page["title"], page["content"]]]),
                     doc_id="c", suffix=".csv")
    first, second = doc.meta["pages"]
    assert first == 0 and doc.lines[second] == page["title"]


def test_a_scrapy_xml_feed_reads_each_items_article_and_skips_news_items() -> None:
    """Scrapy's XML feed export: ``<items><item>`` with a field element each; a news item holds no report."""
    page = _page(STEM)
    items = "".join(f"<item><url>{html.escape(p['url'])}</url><title>{html.escape(p['title'])}</title>"
                    f"<content>{html.escape(p['content'])}</content></item>" for p in (_NEWS, page))
    data = f'<?xml version="1.0" encoding="utf-8"?>\n<items>{items}</items>'.encode("utf-8")
    doc = load_bytes(data, doc_id=STEM, suffix=".xml")
    parts = split_reports(doc)
    assert len(parts) == 1 and "会议要求" not in parts[0].text
    assert process_document(parts[0]).report.values() == golden_report(STEM).values()


def test_a_cms_xml_export_reads_the_articles_html_in_cdata() -> None:
    """A TRS-like CMS export: the article's HTML in ``<DOCHTMLCON><![CDATA[…]]>``, its title in ``<DOCTITLE>``."""
    report = golden_report(STEM)
    data = ('<?xml version="1.0" encoding="UTF-8"?>\n<RECORDS><RECORD><DOCID>8</DOCID>'
            f"<DOCTITLE>{report.agency}{report.year}年政府信息公开工作年度报告</DOCTITLE>"
            f"<DOCHTMLCON><![CDATA[{trs_page(report)}]]></DOCHTMLCON></RECORD></RECORDS>").encode("utf-8")
    doc = load_bytes(data, doc_id="x", suffix=".xml")
    assert "<td" not in doc.text and "\t规章" in doc.lines
    _reads_as_golden(data, ".xml")


def test_an_xml_file_declaring_a_dtd_is_no_export() -> None:
    """Entities of a DTD may expand without end (billion laughs): such a file is not parsed as an export."""
    bomb = ('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
            "<items><item><content>&b;</content></item></items>").encode("utf-8")
    with pytest.raises(UnsupportedFormatError, match="no crawler's or CMS's export"):
        load_bytes(bomb, doc_id="bomb", suffix=".xml")


def test_an_xml_file_that_is_no_export_fails_by_name() -> None:
    """XML whose elements name no page's content is refused with its reason, not read as text with its tags;
    Word 2003's XML is read as the Word document it is (tests/test_wordml.py), not as text with its tags."""
    other = ('<?xml version="1.0"?><catalog xmlns:w="urn:example:warehouse">'
             "<w:shelf><w:box><w:label>本年新收政府信息公开申请数量</w:label></w:box></w:shelf></catalog>")
    with pytest.raises(UnsupportedFormatError, match="no crawler's or CMS's export"):
        load_bytes(other.encode("utf-8"), doc_id="w", suffix=".xml")
    word = ('<?xml version="1.0"?><w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml">'
            "<w:body><w:p><w:r><w:t>本年新收政府信息公开申请数量</w:t></w:r></w:p></w:body></w:wordDocument>")
    assert load_bytes(word.encode("utf-8"), doc_id="w", suffix=".xml").text.strip() == "本年新收政府信息公开申请数量"


def test_a_crawlers_csv_of_pages_whose_html_quotes_its_attributes_is_read_as_excel_writes_csv() -> None:
    """A page's HTML in a CSV field doubles its quotes (``<p style=""text-align:center"">``); guessed from a
    sample, another quoting cut the page apart and it was refused as no report."""
    page = _page(STEM)
    article = '<div class="title">' + trs_page(golden_report(STEM)).split('<div class="title">', 1)[1]
    html = (f'<p style="text-align:center"><strong>{page["title"]}</strong></p>\n'
            + article.replace("<p>", '<p style="text-indent:2em">'))
    buf = io.StringIO()
    csv.writer(buf, quoting=csv.QUOTE_ALL).writerows([["id", "title", "url", "pubDate", "source", "content"],
                                                      ["1", page["title"], page["url"], "2022-01-13", "", html]])
    _reads_as_golden(buf.getvalue().encode("utf-8-sig"), ".csv")


@pytest.mark.parametrize("ensure_ascii", [False, True])
def test_a_crawlers_json_record_saved_as_txt_reads_its_article(ensure_ascii: bool) -> None:
    _reads_as_golden(json.dumps(_page(STEM), ensure_ascii=ensure_ascii).encode("utf-8"), ".txt")


@pytest.mark.parametrize("stem", CLEAN_SEEDS)
def test_a_csv_table_export_reads_as_cells(stem: str) -> None:
    _reads_as_golden(_csv(report_csv_table(golden_report(stem))), ".csv", stem)


def test_a_directory_lists_exports(tmp_path: Path) -> None:
    for name in ("a.json", "b.jsonl", "c.csv"):
        (tmp_path / name).write_text("{}", encoding="utf-8")
    assert [p.name for p in iter_inputs([tmp_path])] == ["a.json", "b.jsonl", "c.csv"]


def test_a_golden_json_beside_its_report_is_no_input_but_a_json_alone_is(tmp_path: Path) -> None:
    for name in ("001.txt", "001.json", "crawl.json"):
        (tmp_path / name).write_text("{}", encoding="utf-8")
    assert [p.name for p in iter_inputs([tmp_path])] == ["001.txt", "crawl.json"]


def test_a_json_file_that_is_no_export_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text(json.dumps({"id": 3, "tags": ["年报"]}), encoding="utf-8")
    assert load(path).text.startswith('{"id": 3')


# --- OCR spacing between Chinese characters -----------------------------------------------------------------

@pytest.mark.parametrize("stem", CLEAN_SEEDS)
@pytest.mark.parametrize("every", [1, 3])
def test_ocr_spaced_text_reads_as_the_text_without_the_spaces(stem: str, every: int) -> None:
    spaced = process_document(load_bytes(ocr_spaced(_golden_text(stem), every).encode("utf-8"), doc_id=stem))
    assert spaced.report.values() == golden_report(stem).values()
    plain = process_document(load_bytes(_golden_text(stem).encode("utf-8"), doc_id=stem))
    assert _ocr_statuses(plain) == {p: v.status for p, v in spaced.provenance.items()}


def _ocr_statuses(plain) -> dict[str, Status]:
    """The statuses of a text's reading, its proven 表二 cells, agency and empty 表四 cells unverified: OCR output
    proves no 表二 cell, nor the agency (an engine misreads a character alike wherever it is printed), nor a 表四
    cell holding nothing (an engine drops digits, and a group's part and total dropped together still add up),
    nor a 表三 row holding nothing in any cell (an engine drops a row of zeros whole)."""
    blank = {p for paths in TABLE3_ROW_PATHS.values()
             if all(plain.provenance[q].kind is CellKind.BLANK for q in paths) for p in paths}
    distrusted = set(DISCLOSURE_PATHS) | {"agency"} | blank | set(alike_digit_cells(plain.report.values()))
    return {p: Status.UNVERIFIED if v.status is Status.PROVEN and (
                p in distrusted or (p in TABLE4_PATHS and v.kind is CellKind.BLANK)) else v.status
            for p, v in plain.provenance.items()}


def test_ocr_text_proves_no_table2_cell_and_says_why() -> None:
    doc = load_bytes(ocr_spaced(_golden_text()).encode("utf-8"), doc_id="o")
    assert doc.meta["ocr_spacing"] is True
    record = process_document(doc)
    assert "INGEST.OCR_SPACING" in {f.code for f in record.findings}
    for path in DISCLOSURE_PATHS:
        assert (record.provenance[path].status, record.provenance[path].rules[-1]) == (Status.UNVERIFIED,
                                                                                      "READ.OCR_TEXT")
    assert all(record.provenance[p].status is Status.PROVEN for p in ALL_PATHS
               if p not in DISCLOSURE_PATHS and p != "agency")
    assert record.provenance["agency"].status is Status.UNVERIFIED


def test_a_spaced_heading_alone_no_longer_refuses_the_document() -> None:
    text = _golden_text()
    for heading in ("二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况"):
        assert heading in text
        text = text.replace(heading, ocr_spaced(heading))
    record = process_document(load_bytes(text.encode("utf-8"), doc_id=STEM))
    assert record.report.values() == golden_report(STEM).values()
    assert {p: v.status for p, v in record.provenance.items()} == _ocr_statuses(
        process_document(load_bytes(_golden_text().encode("utf-8"), doc_id=STEM)))


def test_only_single_spaces_between_chinese_characters_go_never_spaces_at_digits_or_column_gaps() -> None:
    text = ("三、收 到 和 处 理 政 府 信 息 公 开 申 请 情 况\n一、本 年 新 收 政 府 信 息 公 开 申 请 数 量  1 0   3\n"
            "（一） 予 以 公 开   1 0   3\n规 章  1 0\n")
    assert join_cjk_spacing(text) == ("三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量  1 0   3\n"
                                      "（一）予以公开   1 0   3\n规章  1 0\n")


def test_rows_of_empty_cells_printed_as_wu_keep_their_spaces_and_alone_show_no_ocr_spacing() -> None:
    """``无 无 无 无 无``: five empty cells (a table's placeholder word), not the characters of a spaced word: such
    rows alone do not make a text OCR'd (its 表二 would lose its proof for nothing), and are never glued."""
    text = "维持 纠正 结果 审结 总计\n 无 无 无 无 无 0 0 0 1 1            0 0 0 0 0\n" * 2
    assert not shows_ocr_spacing(text)
    assert join_cjk_spacing(text) == text
    label_then_empty_cells = "1.属于国家秘密 无 无 无 无 无 无 无\n2.其他法律行政法规禁止公开 无 无 无 无 无 无 无\n"
    assert not shows_ocr_spacing(label_then_empty_cells)


def test_a_header_printed_one_character_per_line_and_joined_with_spaces_is_no_ocr_spacing() -> None:
    """A crawler or a converter joining a header cell's lines (申 请 人 情 况 / 法 人 或 其 他 组 织), the
    columns' first characters across a row (自 商 科 社 法 其 总), and any spaced cell of a markdown or tabbed
    row: OCR spaces a page's every line, and prints neither pipes nor tabs."""
    header = "申 请 人 情 况\n法 人 或 其 他 组 织\n自 商 科 社 法 其 总\n然 业 研 会 律 他 计\n"
    assert not shows_ocr_spacing(header)
    assert not shows_ocr_spacing("| 本 列 数 据 的 勾 稽 | 自然人 |\n| 一、本 年 新 收 申 请 | 1 |\n")
    assert not shows_ocr_spacing("收 到 和 处 理 政\t1\n收 到 和 处 理 政\t2\n")
    assert shows_ocr_spacing(header + "三、收 到 和 处 理 政 府 信 息 公 开 申 请 情 况\n一、本 年 新 收 政 府 信 息 公 开 申 请 数 量  1\n")


def test_table_fours_header_printed_one_character_per_line_across_its_columns_is_no_ocr_spacing() -> None:
    """pdfplumber's text of a Word 表四 whose narrow header cells wrap one character to a line: each printed line
    holds one character of every column (``结 结 其 尚 总`` / ``果 果 他 未 计`` / ``维 纠 结 审`` / ``持 正 果 结``)."""
    header = "结 结 其 尚 总\n果 果 他 未 计\n维 纠 结 审\n持 正 果 结\n果 果 他 未 总 结 结 其 尚 结 结 其 尚\n"
    assert not shows_ocr_spacing(header)
    assert shows_ocr_spacing(header + "三、收 到 和 处 理 政 府 信 息 公 开 申 请 情 况\n一、本 年 新 收 政 府 信 息 公 开 申 请 数 量  1\n")


def test_a_crawlers_line_of_header_characters_between_whole_words_is_no_ocr_spacing() -> None:
    """A crawler joining every cell of a page with a space: 表四's header cells printed one character to a line
    come out spaced between its group names printed whole (``行政诉讼 结 果 维 持 … 总 计 未经复议直接起诉``);
    the words either side are no part of the spaced run."""
    line = ("四、政府信息公开行政复议、行政诉讼情况 行政复议 行政诉讼 结 果 维 持 结 果 纠 正 其 他 结 果 尚 未 审 结 总 计 "
            "未经复议直接起诉 复议后起诉 结 果 维 持 结 果 纠 正 其 他 结 果 尚 未 审 结 总 计 0 0 0 0 0\n")
    assert not shows_ocr_spacing(line)
    assert shows_ocr_spacing(line + "三、收 到 和 处 理 政 府 信 息 公 开 申 请 情 况\n一、本 年 新 收 政 府 信 息 公 开 申 请 数 量  1\n")


def test_empty_cells_keep_their_spaces_in_a_text_with_ocr_spacing() -> None:
    text = ("三、收 到 和 处 理 政 府 信 息 公 开 申 请 情 况\n一、本 年 新 收 政 府 信 息 公 开 申 请 数 量  1 0   3\n"
            "（一） 予 以 公 开   无 无 无 无 无 无 无\n")
    assert join_cjk_spacing(text) == ("三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量  1 0   3\n"
                                      "（一）予以公开   无 无 无 无 无 无 无\n")


def test_a_rows_empty_cells_printed_wu_each_stay_apart_and_show_no_ocr_pattern() -> None:
    """无 无 无 无 无 无 无 is seven empty cells, not a spaced word: never joined (无无无… would be read as the label's
    words); a spaced 无 inside a word still joins."""
    text = ("三、收 到 和 处 理 政 府 信 息 公 开 申 请 情 况\n（四） 无 法 提 供 本 机 关\n"
            "费用、行政机关不再处理其政府信息公 无 无 无 无 无 无 无\n３．其 他 无 无 无 无 无 无 无\n")
    assert join_cjk_spacing(text) == ("三、收到和处理政府信息公开申请情况\n（四）无法提供本机关\n"
                                      "费用、行政机关不再处理其政府信息公 无 无 无 无 无 无 无\n３．其他 无 无 无 无 无 无 无\n")


def test_words_parted_by_spaces_without_the_ocr_pattern_stay_apart() -> None:
    text = "申请人情况 自然人 法人或其他组织 商业企业 科研机构 字号：[大 中 小]\n一、本年新收 政府信息\n"
    assert join_cjk_spacing(text) == text


def test_html_is_never_respaced() -> None:
    page = trs_page(golden_report(STEM)).replace("本年度未收取信息处理费。", "收 到 和 处 理 政 府 信 息 收 到 和 处 理 政 府")
    doc = load_bytes(page.encode("utf-8"), doc_id="p", suffix=".html")
    assert "收 到 和 处 理 政 府 信 息 收 到 和 处 理 政 府" in doc.text
