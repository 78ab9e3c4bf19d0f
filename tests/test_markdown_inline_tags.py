"""pandoc's GFM of a page exported from Word keeps the ``<span style=…>`` round every cell's text: the cells are
read as their text, not refused as a layout none of whose cells reads (ingest/inline_tags.py)."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import load_bytes
from llm_extract.ingest.inline_tags import without_inline_tags
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE3_PATHS
from tests.fakeopenai import report_text, sample_values

_SPAN = ('<span style="font-size:10.5pt;font-family:宋体;mso-ascii-font-family:&quot;Times New Roman&quot;">{}</span>'
         '<span lang="EN-US"><o:p></o:p></span>')


def _gfm(text: str) -> str:
    """The report as pandoc writes a Word page's tables: pipe rows, each cell's text in Word's spans."""
    out, width = [], 0
    for line in text.split("\n"):
        if "\t" not in line:
            width = 0
            out.append(line)
            continue
        cells = [_SPAN.format(c) for c in line.split("\t")]
        if len(cells) != width:                 # a new table: an empty header row, then the rule
            width = len(cells)
            out += ["", "| " + " | ".join(" " for _ in cells) + " |", "|" + "|".join("---" for _ in cells) + "|"]
        out.append("| " + " | ".join(cells) + " |")
    return "\n".join(out)


def test_a_cells_inline_markup_is_taken_out_and_its_text_kept() -> None:
    assert without_inline_tags('| <span style="font-size:10.5pt">规章</span><span lang="EN-US"></span> |') == "| 规章 |"
    heading = '**<span\nstyle="font-size:16.0pt;font-family:黑体">三、收到和处理政府信息公开申请情况<span\nlang="EN-US"></span></span>**'
    assert without_inline_tags(heading) == "**三、收到和处理政府信息公开申请情况**"
    assert without_inline_tags("<font color=red><b>0</b></font><o:p></o:p>") == "0"


def test_text_that_only_looks_like_markup_is_left_as_it_is() -> None:
    for text in ("处理时间<5 个工作日", "a<b 与 b>c", "第一行<br>第二行", "<table><tr><td>1</td></tr></table>"):
        assert without_inline_tags(text) == text


def test_a_word_pages_tables_in_gfm_are_read_and_proven() -> None:
    values = sample_values()
    md = _gfm(report_text(values))
    assert "<span style=" in md and "| " in md                 # the shape this test is about
    record = process_document(load_bytes(md.encode("utf-8"), doc_id="gfm", suffix=".md"))
    wrong = [p for p in TABLE3_PATHS
             if record.report.get(p) != values[p] or record.provenance[p].status is not Status.PROVEN]
    assert wrong == []
