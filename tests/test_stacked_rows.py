"""Markdown rows a converter fused: two rows in one, each cell the two rows' cells over a ``<br>``.

They are written as the two rows they are only where that is certain: every number cell holds two
numbers, one cell holds two labels each opening with an item number, and a group's name goes with the
row of its first item; anything else stays as printed.
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.ingest.stacked_rows import unstack_rows
from llm_extract.ingest.text_family import read_text_file
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document
from llm_extract.schema import Report
from llm_extract.synth import render

_FUSED = "|  | (五)不予处理 | 3、补正后申<br>请内容仍不明确<br>1、信访<br>举报投诉类申请 | 2<br>0 | -<br>- | 0<br>1 | 2<br>1 |"


def test_a_fused_row_is_two_rows_its_group_with_its_first_item() -> None:
    assert unstack_rows(_FUSED).split("\n") == [
        "|  |  | 3、补正后申<br>请内容仍不明确 | 2 | - | 0 | 2 |",
        "|  | (五)不予处理 | 1、信访<br>举报投诉类申请 | 0 | - | 1 | 1 |"]


def test_a_group_first_in_the_first_row() -> None:
    line = "|  | (四)无法提供 | 1．本机关不掌握相关政<br>府信息<br>2．没有现成信息需要另行<br>制作 | 0<br>3 | 0<br>3 |"
    assert unstack_rows(line).split("\n") == [
        "|  | (四)无法提供 | 1．本机关不掌握相关政<br>府信息 | 0 | 0 |",
        "|  |  | 2．没有现成信息需要另行<br>制作 | 3 | 3 |"]


def test_what_is_not_certainly_two_rows_stays_as_printed() -> None:
    for line in (
        "|  |  | 3、补正后申请内容仍不明确<br>1、信访举报投诉类申请 | 0<br>0 | 5 | 0<br>0 |",   # a cell of one number
        "|  |  | 3、补正后申请内容仍不明确<br>1、信访举报投诉类申请 | 0<br>0<br>1 | 0<br>0 |",  # three numbers
        "| 规章<br>行政规范性文件 | 0<br>4 | 0<br>8 | 5<br>39 |",                                   # labels without numbers
        "|  | (五)不予处理 | 2、重复申请<br>3、要求提供公开出版物 | 0<br>0 | 0<br>0 |",           # whose group?
        "| 7、属于<br>行政执法案卷 | 0 | 0 |",                                                  # a wrapped label
    ):
        assert unstack_rows(line) == line


def test_a_report_with_fused_rows_reads_both(golden_dir) -> None:
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    report = Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields})
    lines = render(report, "markdown").split("\n")
    first = next(k for k, line in enumerate(lines) if "1.本机关不掌握" in line or "1. 本机关不掌握" in line)
    a, b = (line.strip()[1:-1].split("|") for line in lines[first:first + 2])
    b = [""] * (len(a) - len(b)) + b            # (the group's cell spans both rows: the second has none)
    fused = "|" + "|".join(x.strip() + "<br>" + y.strip() if y.strip() else x for x, y in zip(a, b)) + "|"
    text = "\n".join(lines[:first] + [fused] + lines[first + 2:])
    assert text.count("<br>") >= 7
    read = read_text_file(text.encode(), "x.md", ".md")
    record = process_document(Document.from_text(read.text, doc_id="x"))
    for row in ("unavailable_not_held", "unavailable_needs_creation"):
        for col in ("natural_person", "total"):
            path = f"applications.{row}.{col}"
            assert record.report.get(path) == report.get(path)
            assert record.provenance[path].status is Status.PROVEN
