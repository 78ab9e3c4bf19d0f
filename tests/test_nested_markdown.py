"""Markdown of a web page whose article sits in a layout table (markitdown): the article, its tables
included, flattened onto the one line of the layout table's cell (llm_extract/ingest/nested_md.py). Each
table is read a cell to a line, and the report reads as the page does."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import load_bytes
from llm_extract.ingest.nested_md import unnest_tables
from llm_extract.pipeline import process_document
from tests.fakeopenai import report_text, sample_values

VALUES = sample_values()


def _row(cells: list[str], width: int) -> str:
    """A table row as markitdown writes it: ``| a | b |``, an empty cell ``|  |``, each column a cell spans ``|``
    and a space (here: the label spanning what the row lacks of the table's width)."""
    return "| " + cells[0] + " |" + " |" * (width - len(cells)) + "".join(f" {c} |" if c else "  |" for c in cells[1:])


def _flattened(text: str) -> str:
    """The report as markitdown writes a page whose article is a layout table's cell: a one-column table whose
    one row holds every paragraph (two spaces apart) and every table (its rows one space apart)."""
    parts: list[str] = []
    table: list[list[str]] = []
    for line in text.split("\n") + [""]:
        if "\t" in line:
            table.append(line.split("\t"))
            continue
        if table:
            width = max(map(len, table))
            rows = ["|" + "  |" * width, "|" + " --- |" * width] + [_row(r, width) for r in table]
            parts.append(" ".join(rows))
            table = []
        if line.strip():
            parts.append(line.strip())
    return "| |\n| --- |\n| " + "  ".join(parts) + " |\n"


def test_a_layout_cells_tables_are_written_a_cell_to_a_line() -> None:
    line = ("| 标题  二、主动公开政府信息情况  |  |  |  | | --- | --- | --- | | 规章 | 0 |  | "
            "| 行政规范性文件 | 5 | 2 |    三、收到和处理政府信息公开申请情况  正文 |" + " " * 120)
    assert unnest_tables(line).split("\n") == [
        "标题", "二、主动公开政府信息情况", "\t", "\t", "\t", "\t规章", "\t0", "\t", "\t行政规范性文件", "\t5", "\t2",
        "三、收到和处理政府信息公开申请情况", "正文"]


def test_a_short_markdown_row_and_plain_lines_are_left_as_they_are() -> None:
    text = "| 规章 | 0 | 0 | 0 |\n| --- | --- | --- | --- |\n说明：“|”  一、总体情况\n"
    assert unnest_tables(text) == text


def test_a_report_flattened_into_a_layout_cell_reads_as_the_page() -> None:
    text = report_text(dict(VALUES, **{"applications.granted.research": None}))
    doc = load_bytes(_flattened(text).encode("utf-8"), doc_id="d", suffix=".md")
    record = process_document(doc)
    truth = dict(VALUES, **{"applications.granted.research": None})
    wrong = [p for p, v in truth.items() if record.report.values().get(p) != v]
    assert wrong == []
    assert [p for p in truth if p.startswith("applications.") and record.provenance[p].status is not Status.PROVEN
            and truth[p] is not None] == []
