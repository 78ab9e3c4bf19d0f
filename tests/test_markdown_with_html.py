"""Markdown that keeps a page's raw HTML (pandoc's gfm writes a page's ``<div>`` blocks and ``<table>`` markup as
they are) is read as HTML, and its blank lines still part its paragraphs.

HTML's parser reads a blank line as a space: a section's heading (``**二、主动公开政府信息情况**``) would run on
from the paragraph above it, and a heading inside a sentence-long line heads no table.
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import load_bytes
from llm_extract.ingest.embedded_html import markdown_paragraphs
from llm_extract.pipeline import process_document

_CHROME = "\n\n".join(f'<div class="nav">\n\n- [栏目{i}](/c{i}/)\n\n</div>' for i in range(12))
_T2 = ("<table>\n<tbody>\n<tr>\n<td>信息内容</td>\n<td>本年处理决定数量</td>\n</tr>\n"
       "<tr>\n<td>行政许可</td>\n<td>15498</td>\n</tr>\n<tr>\n<td>行政处罚</td>\n<td>466</td>\n</tr>\n</tbody>\n</table>")


def page(t2: str = _T2) -> str:
    return "\n\n".join([_CHROME, "**新乡市牧野区人民政府2021年政府信息公开工作年度报告**",
                        "一、总体情况", "2021年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，做好政务公开工作。",
                        "**二、主动公开政府信息情况**", t2, "**三、收到和处理政府信息公开申请情况**", "本年未收到申请。"])


def test_a_blank_line_outside_tables_is_a_paragraph_break_and_a_table_keeps_its_cells() -> None:
    lines = [x.strip() for x in load_bytes(page().encode(), doc_id="x", suffix=".md").lines]
    assert "**二、主动公开政府信息情况**" in lines
    assert "行政许可" in lines and "15498" in lines
    assert markdown_paragraphs("<!DOCTYPE html><html><body>\n\n<p>a</p></body></html>").count("<br>") == 0


def test_a_heading_after_a_paragraph_heads_its_table() -> None:
    record = process_document(load_bytes(page().encode(), doc_id="x", suffix=".md"))
    assert record.report.get("active_disclosure.licensing") == 15498
    assert record.provenance["active_disclosure.licensing"].status is Status.PROVEN


_T2_PIPES = ("|                |                  |\n|----------------|------------------|\n"
             "| 信息内容       | 本年处理决定数量 |\n| 行政许可       | 15498            |\n| 行政处罚       |                  |\n")


def test_a_pipe_tables_rows_among_raw_html_keep_their_lines() -> None:
    """pandoc's gfm of a CMS page: raw ``<span>`` headings and a pipe table. Read as HTML, the table's rows ran onto
    one line (a 表四 of three group rows read as one row of fifteen: blank cells shifted); each row stays a line."""
    text = page(_T2_PIPES).replace("**二、主动公开政府信息情况**", '<span style="font-family:黑体;">二、主动公开政府信息情况</span>')
    lines = [x.strip() for x in load_bytes(text.encode(), doc_id="x", suffix=".md").lines]
    assert "| 行政许可 | 15498 |" in lines
    record = process_document(load_bytes(text.encode(), doc_id="x", suffix=".md"))
    assert record.report.get("active_disclosure.licensing") == 15498
    assert record.report.get("active_disclosure.punishment") is None
