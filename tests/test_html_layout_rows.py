"""Word's "Save as web page" adds, under a table with merged cells, a zero-height row of empty cells that only
fixes the columns' widths (``<![if !supportMisalignedColumns]>``): a browser shows nothing of it, and it is no
row of the table (表二's last value, 行政事业性收费, is not left beside a row of blank cells)."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.ingest.html import html_to_text
from llm_extract.pipeline import process_document

_CELL = "<td width=147 colspan={span} valign=top style='width:110.6pt;border:solid windowtext 1.0pt'>" \
        "<p class=MsoNormal align=center style='text-align:center'><span style='font-size:10.5pt;font-family:宋体'>" \
        "{text}<span lang=EN-US><o:p></o:p></span></span></p></td>"
_LAYOUT_ROW = """ <![if !supportMisalignedColumns]>
 <tr height=0>
  <td width=147 style='border:none'></td>
  <td width=49 style='border:none'></td>
  <td width=98 style='border:none'></td>
  <td width=147 style='border:none'></td>
 </tr>
 <![endif]>"""


def _row(*cells: tuple[str, int]) -> str:
    return " <tr style='mso-yfti-irow:1;height:20.25pt'>" + "".join(
        _CELL.format(text=t, span=s) for t, s in cells) + "</tr>\n"


_TABLE2 = ("<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 width=590>\n"
           + _row(("第二十条第（一）项", 4))
           + _row(("信息内容", 1), ("本年制发件数", 1), ("本年废止件数", 1), ("现行有效件数", 1))
           + _row(("规章", 1), ("0", 1), ("0", 1), ("3", 1))
           + _row(("行政规范性文件", 1), ("2", 1), ("1", 1), ("45", 1))
           + _row(("第二十条第（五）项", 4)) + _row(("信息内容", 1), ("本年处理决定数量", 3))
           + _row(("行政许可", 1), ("8092", 3))
           + _row(("第二十条第（六）项", 4)) + _row(("信息内容", 1), ("本年处理决定数量", 3))
           + _row(("行政处罚", 1), ("751", 3)) + _row(("行政强制", 1), ("0", 3))
           + _row(("第二十条第（八）项", 4)) + _row(("信息内容", 1), ("本年收费金额（单位：万元）", 3))
           + _row(("行政事业性收费", 1), ("0.00", 3))
           + _LAYOUT_ROW + "\n</table>")
_PAGE = ("<html><head><meta http-equiv=Content-Type content=\"text/html; charset=gb2312\">"
         "<meta name=ProgId content=Word.Document></head><body lang=ZH-CN><div class=WordSection1>"
         "<p class=MsoNormal align=center><b><span>某县自然资源局2022年政府信息公开工作年度报告</span></b></p>"
         "<p class=MsoNormal><span>二、主动公开政府信息情况</span></p>" + _TABLE2 +
         "<p class=MsoNormal><span>三、收到和处理政府信息公开申请情况</span></p></div></body></html>")


def test_words_zero_height_row_of_empty_cells_is_no_row() -> None:
    text = html_to_text(_PAGE)
    assert "\t0.00\n\n三、收到和处理政府信息公开申请情况" in text
    assert "\t\n\t\n" not in text


def test_a_zero_height_row_that_holds_text_is_a_row() -> None:
    text = html_to_text("<table><tr><td>行政强制</td><td>0</td></tr><tr height=0><td>行政事业性收费</td>"
                        "<td>12</td></tr></table>")
    assert "\t行政事业性收费\n\t12\n" in text


def test_the_fee_above_words_layout_row_is_proven() -> None:
    record = process_document(Document.from_text(html_to_text(_PAGE), doc_id="word"))
    assert record.report.active_disclosure.fees_10k_yuan == 0
    assert record.provenance["active_disclosure.fees_10k_yuan"].status is Status.PROVEN
