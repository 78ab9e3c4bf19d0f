"""Pandoc's headerless simple and multiline tables (a line of dash runs above and below) are read by column.

Between the dash lines, columns are spaces only: an empty cell leaves no mark and a label cut into two cells
reads as one. ``unfold_simple_tables`` cuts each line at the runs of dashes and hands the cells on as the HTML
reader writes a table's cells.
"""

from __future__ import annotations

import unicodedata

from llm_extract.form import FORM
from llm_extract.ingest import load_bytes
from llm_extract.ingest.simple_tables import unfold_simple_tables
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICANT_COLUMNS, Report
from llm_extract.synth import render

from tests.table3_checks import assert_table3_proven


def _cells(text: str) -> list[str]:
    return [line.strip() for line in unfold_simple_tables(text).split("\n") if line.strip()]


def test_a_one_row_table_gives_its_cells_and_an_empty_cell_stays_a_cell() -> None:
    table = "\n".join([
        "  -- ---------------- ----------------------------- --- --- ---",
        "     （四）无法提供   1、本机关不掌握相关政府信息    0       1",
        "  -- ---------------- ----------------------------- --- --- ---",
    ])
    out = unfold_simple_tables(table).split("\n")
    assert [x.strip() for x in out if x.strip()] == ["（四）无法提供", "1、本机关不掌握相关政府信息", "0", "1"]
    assert sum(1 for x in out if x == "\t") == 2            # the first cell and the fifth: empty cells


def test_a_simple_table_is_a_row_to_a_line_and_a_closing_blank_line_is_no_row() -> None:
    table = "\n".join([
        "  -------------------- ---------- ------",
        "                       结果维持   总计",
        "  行政复议情况         0           1",
        "                                       ",
        "  -------------------- ---------- ------",
    ])
    assert _cells(table) == ["结果维持", "总计", "行政复议情况", "0", "1"]
    assert unfold_simple_tables(table).strip("\n").count("\n\n") == 1      # two rows


def test_a_multiline_table_joins_a_cell_s_lines_between_blank_lines() -> None:
    table = "\n".join([
        "  ---------- ----",
        "  二、上年结 0",
        "  转申请数量",
        "",
        "  总计       3",
        "  ---------- ----",
    ])
    assert _cells(table) == ["二、上年结转申请数量", "0", "总计", "3"]


def test_text_outside_the_columns_or_no_closing_line_leave_the_text_as_it_is() -> None:
    outside = "  ---- ----\n  一二三四五六 1\n  ---- ----"
    assert unfold_simple_tables(outside) == outside
    unclosed = "  ---- ----\n  一二 1\n\n正文"
    assert unfold_simple_tables(unclosed) == unclosed


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def one_row_table(cells: list[str]) -> str:
    """A row as pandoc's plain text writes a one-row table: each cell under its run of dashes."""
    widths = [max(2, _width(c)) for c in cells]
    dashes = "  " + " ".join("-" * w for w in widths)
    row = "  " + " ".join(c + " " * (w - _width(c)) for c, w in zip(cells, widths))
    return "\n".join([dashes, row.rstrip(), dashes])


def test_a_report_whose_rows_are_each_a_table_of_its_own_reads_every_cell(golden_dir) -> None:
    """A page that prints each row of 表三 as a table of its own (the row's group label, where the page
    repeats it, in a cell before the row's label): each row read by its cells."""
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    report = Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields})
    text = render(report, "markdown")
    start, end = text.index("三、收到和处理政府信息公开申请情况"), text.index("四、政府信息公开行政复议")
    head = ["", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    rows = [one_row_table(head)] + [
        one_row_table(["", row.label] + ["" if (v := report.get(f"applications.{row.key}.{c}")) is None else str(v)
                                         for c in APPLICANT_COLUMNS]) for row in FORM.table3_rows]
    text = text[:start] + "三、收到和处理政府信息公开申请情况\n\n" + "\n\n".join(rows) + "\n\n" + text[end:]
    record = process_document(load_bytes(text.encode(), doc_id="x", suffix=".txt"))
    assert_table3_proven(record, report)
