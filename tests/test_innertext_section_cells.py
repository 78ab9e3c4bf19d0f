"""A browser's innerText of a page whose table cells hold other blocks than paragraphs (a WeChat article's
``<td><section><span>0</span></section></td>``, a CMS's ``<td><div>``): each cell's text on a line of its own,
the tab parting two cells alone on the line between, no blank line round them (a paragraph's margins make
those). The rows are folded back onto one line each, as for paragraph cells (ingest/innertext_cells.py)."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.ingest.innertext_cells import folded_block_cells
from llm_extract.pipeline import process_document


def _row(*cells: str) -> str:
    return "\n\t\n".join(cells) + "\n\n\n"


_PAGE = ("东港区发展和改革委员会2024年政府信息公开工作年度报告\n\n二、主动公开政府信息情况\n\n"
         + _row("第二十条第（一）项")
         + _row("信息内容", "本年制发件数", "本年废止件数", "现行有效件数")
         + _row("规章", "0", "0", "47") + _row("规范性文件", "18", "0", "141")
         + _row("第二十条第（五）项") + _row("信息内容", "本年处理决定数量") + _row("行政许可", "0")
         + _row("第二十条第（六）项") + _row("信息内容", "本年处理决定数量")
         + _row("行政处罚", "26") + _row("行政强制", "3")
         + _row("第二十条第（八）项") + _row("信息内容", "本年收费金额(单位:万元)")
         + _row("行政事业性收费", "206.38")
         + "三、收到和处理政府信息公开申请情况\n")


def test_section_cells_fold_into_rows() -> None:
    text = folded_block_cells(_PAGE)
    assert "规章\t0\t0\t47\n" in text
    assert "行政处罚\t26\n" in text


def test_table2_of_section_cells_is_read_and_proven() -> None:
    record = process_document(Document.from_text(_PAGE, doc_id="section-cells"))
    t2 = record.report.active_disclosure
    assert (t2.regulations.issued, t2.regulations.repealed, t2.regulations.in_force) == (0, 0, 47)
    assert (t2.normative_documents.issued, t2.normative_documents.in_force) == (18, 141)
    assert (t2.licensing, t2.punishment, t2.enforcement) == (0, 26, 3)
    assert record.provenance["active_disclosure.punishment"].status is Status.PROVEN


def test_a_one_cell_a_line_export_with_empty_cells_is_left_as_it_is() -> None:
    text = "\t规章\n\t0\n\t\n\t47\n\n" * 10       # (each cell's line opens with its tab: an empty one is a tab alone)
    assert folded_block_cells(text) == text
