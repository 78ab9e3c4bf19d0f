"""Pipe rows that lost an outer pipe (OCR of a markdown table, a pipeline trimming its lines).

``一、本年新收… | 12 | 3 | 0 | 0 | 2 | 1 | 18|`` is the markdown row it came from: its pipes part a label and as
many one-token cells as a row of the form has, so its closing pipe glued to ``18`` ends the row (not an OCR'd
``181``). A line whose pipes part anything else is left to be read as spaced text.
"""

from __future__ import annotations

import re

from llm_extract.evidence import Status
from llm_extract.extract.piperows import closed_pipe_row
from llm_extract.ingest import Document
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document
from llm_extract.schema import Report
from llm_extract.synth import render


def test_a_row_of_seven_cells_missing_an_outer_pipe_is_closed() -> None:
    assert closed_pipe_row("一、本年新收政府信息公开申请数量 | 12 | 3 | 0 | 0 | 2 | 1 | 18|") \
        == "|一、本年新收政府信息公开申请数量 | 12 | 3 | 0 | 0 | 2 | 1 | 18|"
    assert closed_pipe_row("|二、上年结转 | 0 | 0 | 0 | 0 |  | 0 | 0") == "|二、上年结转 | 0 | 0 | 0 | 0 |  | 0 | 0|"
    assert closed_pipe_row("|0 | 0 | 1 | 0 | 1") == "|0 | 0 | 1 | 0 | 1|"          # 表四's group, no label


def test_pipes_parting_anything_else_leave_the_line_as_it_is() -> None:
    assert closed_pipe_row("| 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他") is None     # a header
    assert closed_pipe_row("二、上年结转 | 0 | 0 | 0 | 0 | 0 | 0") is None        # six cells: one lost
    assert closed_pipe_row("二、上年结转 | 0 | 0 0 | 0 | 0 | 0 | 0 | 0") is None   # two tokens in one field
    assert closed_pipe_row("行政许可 |  ") is None             # 表二's rows: read across rule marks, never proven
    assert closed_pipe_row("行政处罚 | 2154|") is None
    assert closed_pipe_row(" | 行政规范性文件 | 5 | 2 | 51") is None
    assert closed_pipe_row("|0 | 0 |  | 0 | 0") is None         # 表四's group with a blank: which cell is it?
    assert closed_pipe_row("三、本年度办理结果 | （一）予以公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0|") is None   # two labels
    assert closed_pipe_row("| 一、本年新收 | 1 | 2 | 3 | 0 | 0 | 0 | 6 |") is None   # whole already


def test_a_markdown_table_whose_rows_lost_outer_pipes_reads_as_the_whole_one(golden_dir) -> None:
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    report = Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields})
    text = render(report, "markdown")
    lines = text.split("\n")
    trimmed = []
    for k, line in enumerate(lines):
        if re.match(r"^\| [^|]*(?: \| \d+){7} \|$", line):       # a label, then 表三's seven numbers
            line = [line[1:-2].strip() + "|", line[1:].lstrip(), line[1:-2].strip()][k % 3]   # glued, no opening, neither
        trimmed.append(line)
    assert sum(a != b for a, b in zip(lines, trimmed)) >= 20
    record = process_document(Document.from_text("\n".join(trimmed), doc_id="x"))
    expected = process_document(Document.from_text(text, doc_id="x"))
    assert record.report.values() == expected.report.values()
    assert all(p.status is Status.PROVEN for k, p in record.provenance.items() if k.startswith("applications."))


def test_a_blank_field_outside_a_row_of_seven_leaves_the_line_as_it_is() -> None:
    """html2text's 表二 row may print a cell under another column than its own: no identity checks it; 表三's
    row total and column sums check a blank cell's place."""
    assert closed_pipe_row("规范性文件 |  7（其中新制定4件） |   | 168  ") is None
    assert closed_pipe_row("二、上年结转 | 0 | 0 | 0 | 0 |  | 0 | 0") == "|二、上年结转 | 0 | 0 | 0 | 0 |  | 0 | 0|"


def test_a_last_pipe_closes_the_row_or_parts_a_blank_last_cell_whichever_makes_a_row() -> None:
    assert closed_pipe_row("3.其他 |   |   |   |   |   |   |    ") == "|3.其他 |   |   |   |   |   |   ||"
    assert closed_pipe_row("3.其他 | 1 | 0 | 0 | 0 | 0 | 0 | 1|") == "|3.其他 | 1 | 0 | 0 | 0 | 0 | 0 | 1|"
