"""Pandoc's grid tables (``+---+``) and tables drawn in box-drawing characters (``w3m -dump``) are read as
tables, not line by line.

A grid wraps a cell's text over as many lines as its column is narrow; read line by line, each wrapped
line looks like a table row of its own, its empty fields like a blank row (read as a blank row and proven:
wrong). ``unfold_grid_tables`` rebuilds the grid's cells, spans kept, and hands them on as the HTML reader
writes a table's cells.
"""

from __future__ import annotations

import re
import unicodedata

import pytest

from llm_extract.form import FORM
from llm_extract.ingest import load_bytes
from llm_extract.ingest.grid_tables import unfold_grid_tables
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICANT_COLUMNS, Report
from llm_extract.synth import render

from tests.table3_checks import assert_table3_proven


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _wrap(text: str, width: int) -> list[str]:
    lines, line = [], ""
    for ch in text:
        if _width(line + ch) > width:
            lines.append(line)
            line = ""
        line += ch
    return lines + [line]


def _pad(text: str, width: int) -> str:
    return " " + text + " " * (width - _width(text) + 1)


def grid(rows: list[list[str]], widths: list[int]) -> str:
    """A pandoc-style grid table of plain rows (no spans), each cell wrapped to its column's width."""
    border = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
    out = [border]
    for row in rows:
        wrapped = [_wrap(cell, w) for cell, w in zip(row, widths)]
        for i in range(max(len(w) for w in wrapped)):
            out.append("|" + "|".join(_pad(w[i] if i < len(w) else "", wd) for w, wd in zip(wrapped, widths)) + "|")
        out.append(border)
    return "\n".join(out)


#: a grid with a label wrapped over five lines spanning two rows, and a label spanning two columns
WRAPPED_SPANS = "\n".join([
    "+------+--------+----+----+",
    "| 三、 | (一)予 | 1  | 22 |",
    "| 本年 | 以公开 |    |    |",
    "| 度办 +--------+----+----+",
    "| 理结 | (二)部 | 0  | 3  |",
    "| 果   | 分公开 |    |    |",
    "+------+--------+----+----+",
    "| 合计          | 1  | 25 |",
    "+---------------+----+----+",
])


def test_a_grid_s_wrapped_cells_and_spans_become_one_row_each() -> None:
    table = WRAPPED_SPANS
    lines = [line.strip() for line in unfold_grid_tables(table).split("\n") if line.strip()]
    assert lines == ["三、本年度办理结果", "(一)予以公开", "1", "22", "(二)部分公开", "0", "3", "合计", "1", "25"]


def boxed(table: str) -> str:
    """A grid table drawn as w3m draws a page's ruled table: ``┌─┬─┐``, ``│``, ``├─┼─┤``, ``└─┴─┘``."""
    lines = table.split("\n")
    out = []
    for n, line in enumerate(lines):
        row = ""
        for i, ch in enumerate(line):
            if ch == "+":
                left, right = i == 0, i == len(line) - 1
                corners = "┌┬┐" if n == 0 else "└┴┘" if n == len(lines) - 1 else "├┼┤"
                ch = corners[0] if left else corners[2] if right else corners[1]
            row += {"-": "─", "|": "│", "=": "═"}.get(ch, ch)
        out.append(row)
    return "\n".join(out)


def test_a_table_drawn_in_box_characters_reads_as_the_same_grid() -> None:
    table = WRAPPED_SPANS
    assert "┌" in boxed(table) and "+" not in boxed(table)
    assert unfold_grid_tables(boxed(table)) == unfold_grid_tables(table)


def test_box_characters_outside_a_table_stay_as_they_are() -> None:
    text = "目录\n├─ 一、总体情况\n└─ 二、主动公开政府信息情况\n说明：│ 为分隔符"
    assert unfold_grid_tables(text).split("\n")[0] == "目录"
    assert "总体情况" in unfold_grid_tables(text) and "分隔符" in unfold_grid_tables(text)


def test_text_that_is_no_grid_stays_as_it_is() -> None:
    text = "+----+\n| 一个框里的话 |\n说明文字\n+--+--+"
    assert unfold_grid_tables(text) == text
    assert unfold_grid_tables("a + b - c") == "a + b - c"


def test_a_cell_s_text_is_never_read_as_markup() -> None:
    table = "+--------------+----+\n| <b>一、</b>x | 1  |\n+--------------+----+"
    assert "<b>一、</b>x" in unfold_grid_tables(table)


@pytest.mark.parametrize("escape, box", [(False, False), (True, False), (False, True)])
def test_a_report_whose_tables_are_narrow_grids_reads_every_cell(golden_dir, escape: bool, box: bool) -> None:
    """(``escape``: pandoc's markdown writes a label's ``1.`` as ``1\\.``, the backslash taking a column.)"""
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    report = Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields})
    text = render(report, "markdown")
    start, end = text.index("三、收到和处理政府信息公开申请情况"), text.index("四、政府信息公开行政复议")
    head = ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "自然人", "商业企业", "科研机构",
            "社会公益组织", "法律服务机构", "其他", "总计"]
    def label(row) -> str:
        return re.sub(r"^(\d)\.", r"\1\\.", row.label) if escape else row.label
    rows = [head] + [[label(row)] + ["" if (v := report.get(f"applications.{row.key}.{c}")) is None else str(v)
                                     for c in APPLICANT_COLUMNS] for row in FORM.table3_rows]
    table = grid(rows, [8, 4, 4, 4, 4, 4, 4, 4])         # labels four characters to a line
    if box:
        table = boxed(table)                              # as w3m -dump draws it
    text = text[:start] + "三、收到和处理政府信息公开申请情况\n\n" + table + "\n\n" + text[end:]
    record = process_document(load_bytes(text.encode(), doc_id="x", suffix=".md"))
    assert_table3_proven(record, report)


def test_markdown_s_backslash_escapes_are_the_characters_they_escape(golden_dir) -> None:
    """Pandoc escapes a label's item number (``2\\.其他法律行政法规禁止公开``) and a percent sign in markdown."""
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    report = Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields})
    text = render(report, "markdown")
    escaped = re.sub(r"\| (\d)\.", r"| \1\\.", text)
    assert escaped.count("\\.") >= 19
    record = process_document(load_bytes(escaped.encode(), doc_id="x", suffix=".md"))
    assert_table3_proven(record, report)


def frame(text: str) -> str:
    """``text`` in a one-column grid: pandoc's plain text of a page whose article sits in a layout table."""
    lines = text.split("\n")
    width = max(_width(line) for line in lines)
    border = "+" + "-" * (width + 2) + "+"
    return "\n".join([border] + ["|" + _pad(line, width) + "|" for line in lines] + [border])


def test_a_layout_frame_around_grids_is_taken_off_and_its_grids_read() -> None:
    table = "\n".join(WRAPPED_SPANS.split("\n")[:7])            # (without the 合计 row)
    text = frame("三、收到和处理政府信息公开申请情况\n\n" + table + "\n\n五、存在的主要问题")
    lines = [line for line in unfold_grid_tables(text).split("\n") if line.strip()]
    assert lines[0] == "三、收到和处理政府信息公开申请情况" and lines[-1] == "五、存在的主要问题"
    assert [line.strip() for line in lines[1:-1]] == ["三、本年度办理结果", "(一)予以公开", "1", "22",
                                                      "(二)部分公开", "0", "3"]


def test_a_torn_frame_stays_as_it_is() -> None:
    torn = frame("一、总体情况\n+----+----+\n| 1  | 2  |\n+----+----+").split("\n")
    torn[2] = torn[2].rstrip("|")             # a line that lost its right border: no frame
    assert unfold_grid_tables("\n".join(torn)) == "\n".join(torn)


def test_a_report_inside_a_layout_frame_reads_every_cell(golden_dir) -> None:
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    report = Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields})
    text = render(report, "markdown")
    start, end = text.index("三、收到和处理政府信息公开申请情况"), text.index("四、政府信息公开行政复议")
    head = ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "自然人", "商业企业", "科研机构",
            "社会公益组织", "法律服务机构", "其他", "总计"]
    rows = [head] + [[row.label] + ["" if (v := report.get(f"applications.{row.key}.{c}")) is None else str(v)
                                    for c in APPLICANT_COLUMNS] for row in FORM.table3_rows]
    body = "三、收到和处理政府信息公开申请情况\n\n" + grid(rows, [8, 4, 4, 4, 4, 4, 4, 4]) + "\n\n" + text[end:]
    framed = text[:start] + frame(body)
    record = process_document(load_bytes(framed.encode(), doc_id="x", suffix=".txt"))
    assert_table3_proven(record, report)


def test_a_layout_table_of_two_columns_gives_its_cells_in_reading_order() -> None:
    """A column of links beside a frame around the article: the links, then the article, its grids read."""
    article = frame("二、主动公开政府信息情况\n\n" + grid([["信息内容", "本年制发件数"], ["规章", "3"]], [8, 12]))
    rows = article.split("\n")
    side = ["信息公开目录", "", "- 机构职能"] + [""] * (len(rows) - 3)
    width = max(_width(x) for x in side)
    border = "+" + "-" * (width + 2) + "+" + "-" * (_width(rows[0]) + 2) + "+"
    layout = [border] + ["|" + _pad(s, width) + "|" + _pad(r, _width(r)) + "|" for s, r in zip(side, rows)] + [border]
    lines = [line.strip() for line in unfold_grid_tables("\n".join(layout)).split("\n") if line.strip()]
    assert lines == ["信息公开目录", "- 机构职能", "二、主动公开政府信息情况", "信息内容", "本年制发件数", "规章", "3"]


def test_a_box_table_drawn_with_quotes_two_columns_wide_still_reads_as_a_grid() -> None:
    """w3m in a Chinese locale draws “ ” two columns wide; the rows holding them are then two characters
    shorter than the others. Read with ambiguous characters wide, the grid parses: its wrapped cell (a number
    a line break pushed to the cell's second line) is one cell, not a row of empty fields (proven blank)."""
    def width(text: str) -> int:
        return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F", "A") else 1 for ch in text)

    def row(cells: list[str]) -> str:
        return "│" + "│".join(" " + c + " " * (w - width(c) + 1) for c, w in zip(cells, (22, 3, 3))) + "│"
    rule = "├" + "┼".join("─" * (w + 2) for w in (22, 3, 3)) + "┤"
    table = "\n".join(["┌" + "┬".join("─" * (w + 2) for w in (22, 3, 3)) + "┐",
                       row(["3.危及“三安全一稳定”", "1", ""]), row(["", "", "1"]), rule,
                       row(["4.保护第三方合法权益", "0", "0"]),
                       "└" + "┴".join("─" * (w + 2) for w in (22, 3, 3)) + "┘"])
    lines = [line.strip() for line in unfold_grid_tables(table).split("\n") if line.strip()]
    assert lines == ["3.危及“三安全一稳定”", "1", "1", "4.保护第三方合法权益", "0", "0"]
