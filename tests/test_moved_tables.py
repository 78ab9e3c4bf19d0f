"""A page's tables a converter wrote after the article (trafilatura on a page whose article sits in a layout
table) are put back under their sections' headings.

The article runs together on one line, a markdown row of one cell, every section heading in it; the tables
follow, each row a markdown row padded to its table's width. Read as it stands, no table stands under its
heading and nothing is read.
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import load_bytes
from llm_extract.ingest.moved_tables import restore_moved_tables
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document
from llm_extract.schema import Report

from tests.table3_checks import assert_table3_proven

_PREAMBLE = "根据《中华人民共和国政府信息公开条例》要求，现将本机关政府信息公开工作报告公布如下。" * 3


def _cells(row: str) -> list[str]:
    return [c.strip() for c in row.strip()[1:-1].split("|")]


def moved(markdown: str, blank_lines: bool = False, rules: bool = False) -> str:
    """``markdown`` as trafilatura writes a page whose article is a layout table's cell: the text on one line,
    then each table's rows, padded to the table's width after their first cell (a rule line under each
    table's first row: ``rules``)."""
    text: list[str] = []
    tables: list[list[list[str]]] = []
    in_table = False
    for line in markdown.split("\n"):
        if line.startswith("|"):
            if not in_table:
                tables.append([])
            in_table = True
            if not set(line) <= set("|- :"):
                tables[-1].append(_cells(line))
        else:
            in_table = False
            if line.strip():
                text.append(line.strip())
    out = ["| " + _PREAMBLE + " " + " ".join(text) + " | "]
    for table in tables:
        width = max(len(r) for r in table)
        rows = ["| " + " | ".join(r[:1] + [""] * (width - len(r)) + r[1:]) + " | " for r in table]
        out += rows[:1] + (["|" + "---|" * width] if rules else []) + rows[1:]
        if blank_lines:
            out.append("")
    return "\n".join(out)


def _report(golden_dir) -> Report:
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    return Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields})


def test_each_table_goes_back_under_its_heading(golden_dir) -> None:
    from llm_extract.synth import render
    text = restore_moved_tables(moved(render(_report(golden_dir), "markdown")))
    lines = [line for line in text.split("\n") if line.strip()]
    t2 = lines.index("二、主动公开政府信息情况")
    t3 = lines.index("三、收到和处理政府信息公开申请情况")
    t4 = lines.index("四、政府信息公开行政复议、行政诉讼情况")
    assert lines[t2 + 1].startswith("| 第二十条") and lines[t3 + 1].startswith("| （本列数据")
    assert lines[t4 + 1].startswith("| 行政复议") and lines[t4 - 1].startswith("| 四、结转下年度继续办理")


def test_a_report_whose_tables_were_moved_out_of_its_article_reads_every_cell(golden_dir) -> None:
    from llm_extract.synth import render
    report = _report(golden_dir)
    for blank_lines, rules in ((False, False), (True, False), (False, True)):
        text = moved(render(report, "markdown"), blank_lines, rules)
        record = process_document(load_bytes(text.encode(), doc_id="x", suffix=".txt"))
        assert_table3_proven(record, report)
        for path in ("active_disclosure.normative_documents.in_force", "active_disclosure.licensing"):
            assert record.report.get(path) == report.get(path)
            assert record.provenance[path].status is Status.PROVEN


def test_tables_that_cannot_be_matched_to_the_headings_stay_where_they_are() -> None:
    article = "| " + _PREAMBLE + " 二、主动公开政府信息情况 三、收到和处理政府信息公开申请情况 五、存在的主要问题 |"
    rows = ["| 规章 | 0 | 0 | 0 |", "| 一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
            "| 行政复议 | 0 | 0 |"]                   # three tables, two headings
    text = "\n".join([article] + rows)
    assert restore_moved_tables(text) == text


def test_a_narrower_row_between_rows_of_one_table_stays_in_that_table() -> None:
    """表四's second header row under merged cells, which the converter left unpadded (10 cells among 15)."""
    article = ("| " + _PREAMBLE * 2 + " 二、主动公开政府信息情况 三、收到和处理政府信息公开申请情况"
               " 四、政府信息公开行政复议、行政诉讼情况 五、存在的主要问题及改进情况 |")
    t2 = ["| 规章 | 0 | 0 | 0 |"]
    t3 = ["| 一、本年新收政府信息公开申请数量 |  |  | 1 | 0 | 0 | 0 | 0 | 0 | 1 |"]
    t4 = ["| 行政复议 |" + "  |" * 4 + " 行政诉讼 |" + "  |" * 9, "|" + " 结果维持 |" * 10,
          "|" + " 0 |" * 15]
    lines = [x for x in restore_moved_tables("\n".join([article] + t2 + t3 + t4)).split("\n") if x.strip()]
    t4_at = lines.index("四、政府信息公开行政复议、行政诉讼情况")
    assert lines[t4_at + 1:t4_at + 4] == t4
    assert lines[lines.index("三、收到和处理政府信息公开申请情况") + 1] == t3[0]
