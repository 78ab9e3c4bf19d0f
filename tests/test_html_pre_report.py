"""A web page that publishes the report as preformatted text (``<pre>`` around a text export).

The page's text is the report's text, lines and tab-separated table rows as the text file prints them; a browser
shows it so. Read as ordinary page text (white space collapsed), the whole report ran into one line, its empty cells
lost (a row left blank no longer said where its cells were) and much of it went to review; it now reads as the same
text in a ``.txt`` file does.
"""

from __future__ import annotations

from pathlib import Path

from llm_extract.evidence import Status
from llm_extract.form import FORM
from llm_extract.ingest import load_bytes
from llm_extract.pipeline import process_document


def _report() -> str:
    rows = []
    for r in FORM.table3_rows:
        values = ["0"] * 7
        if r.key in ("new_received", "total_processed", "granted"):
            values = ["5", "1", "0", "0", "0", "0", "6"]
        elif r.key in ("rejected_reconfirm", "other_unpaid_fee"):
            values = [""] * 7                     # rows the agency left blank: empty cells
        if r.group:
            rows.append("\t" + r.group)
        rows.extend("\t" + cell for cell in [r.label, *values])     # one cell a line, as Word's text export
    return "\n".join([
        "某某市交通运输局2023年政府信息公开工作年度报告", "",
        "一、总体情况", "2023年，我局认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开政府信息120条。", "",
        "二、主动公开政府信息情况", "",
        "第二十条第（一）项", "信息内容\t本年制发件数\t本年废止件数\t现行有效件数",
        "规章\t0\t0\t0", "行政规范性文件\t2\t1\t9", "",
        "第二十条第（五）项", "信息内容\t本年处理决定数量", "行政许可\t35", "",
        "第二十条第（六）项", "信息内容\t本年处理决定数量", "行政处罚\t12", "行政强制\t0", "",
        "第二十条第（八）项", "信息内容\t本年收费金额（单位：万元）", "行政事业性收费\t0", "",
        "三、收到和处理政府信息公开申请情况", "",
        *("\t" + cell for cell in ("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况",
                                   "自然人", "法人或其他组织", "总计", "商业", "科研", "社会\n公益\n组织",
                                   "法律\n服务\n机构", "其他", "企业", "机构")),   # (header cells wrapped: 商业/企业)
        *rows, "",
        "四、政府信息公开行政复议、行政诉讼情况", "",
        "行政复议\t\t\t\t\t行政诉讼",
        "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉",
        "\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计",
        "1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0", "",
        "五、存在的主要问题及改进情况", "公开内容的针对性有待加强。", ""])


def _page(text: str) -> bytes:
    body = text.replace("&", "&amp;").replace("<", "&lt;")
    return ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>年度报告</title></head><body>"
            "<div class=\"nav\"><a href=\"/\">首页</a> &gt; <a href=\"/zwgk\">政务公开</a></div>"
            f"<div class=\"article\"><pre>\n{body}</pre></div></body></html>").encode("utf-8")


def test_a_preformatted_page_reads_as_its_text_does() -> None:
    text = _report()
    plain = process_document(load_bytes(text.encode("utf-8"), doc_id="txt", suffix=".txt"))
    page = process_document(load_bytes(_page(text), doc_id="pre", suffix=".html"))
    assert page.report.get("applications.granted.natural_person") == 5
    assert page.report.get("applications.total_processed.total") == 6
    assert page.report.get("review_litigation.administrative_review.upheld") == 1
    assert page.report.get("applications.rejected_reconfirm.natural_person") is None
    for path, prov in plain.provenance.items():
        assert page.provenance[path].status is prov.status, path
        assert page.report.get(path) == plain.report.get(path), path
    proven = sum(p.status is Status.PROVEN for p in page.provenance.values())
    assert proven >= 0.9 * len(page.provenance)


def test_a_mail_archive_page_reads_as_the_message_text() -> None:
    """A mailing list's archive publishes each message in one <pre>; a report forwarded in it carries ``> `` before
    every line. The page is its <pre>'s text: read as that text file is (its quote marks taken out, its
    one-cell-a-line tables read as a Word export's)."""
    golden = Path(__file__).resolve().parent.parent / "golden"
    text = next(golden.glob("001_*.txt")).read_text(encoding="utf-8")
    quoted = "\n".join(f"> {line}" for line in text.split("\n"))
    page = ("<html><head><title>[zwgk] 转发：年度报告</title></head><body><h1>[zwgk] 转发：年度报告</h1>"
            "<b>张三</b> <i>Mon Jan 15 2024</i><hr><pre>\n" + quoted.replace("&", "&amp;").replace("<", "&lt;")
            + "\n</pre><hr><a href=\"000123.html\">上一封</a></body></html>")
    plain = process_document(load_bytes(text.encode("utf-8"), doc_id="txt", suffix=".txt"))
    archived = process_document(load_bytes(page.encode("utf-8"), doc_id="mail", suffix=".html"))
    for path, prov in plain.provenance.items():
        assert archived.report.get(path) == plain.report.get(path), path
        assert archived.provenance[path].status is prov.status, path
