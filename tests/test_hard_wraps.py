"""A report's text hard-wrapped at a fixed width (a terminal, a mail or database viewer, ``fold``) reads as the
text itself does: the lines cut at the width are joined back where the cut went through the tables' tab rows.

Cut at 30 characters, ``一、本年新收政府信息公开申请数量⇥⇥⇥⇥0⇥0⇥0⇥0⇥0⇥`` / ``6⇥⇥⇥`` lost its total to a line of its own and
most of 表三 went to review or was not read. A PDF's text, whose justified paragraph lines are all the same length,
holds no tab row among them and keeps its lines.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from llm_extract.ingest import load_bytes
from llm_extract.ingest.hard_wraps import unwrapped_lines
from llm_extract.pipeline import process_document

GOLDEN = Path(__file__).resolve().parent.parent / "golden"


def _wrapped(text: str, width: int) -> str:
    return "\n".join(line[i:i + width] for line in text.split("\n") for i in range(0, max(len(line), 1), width))


@pytest.mark.parametrize("width", [24, 30, 45])
def test_a_tab_text_cut_at_a_fixed_width_reads_as_the_text(width: int) -> None:
    text = next(GOLDEN.glob("002_*.txt")).read_text(encoding="utf-8")
    plain = process_document(load_bytes(text.encode("utf-8"), doc_id="plain", suffix=".txt"))
    cut = process_document(load_bytes(_wrapped(text, width).encode("utf-8"), doc_id="cut", suffix=".txt"))
    for field, prov in plain.provenance.items():
        assert cut.report.get(field) == plain.report.get(field), field
        assert cut.provenance[field].status is prov.status, field


def test_a_pdfs_justified_paragraphs_keep_their_lines() -> None:
    prose = "我局坚持以公开为常态、不公开为例外，持续推进决策、执行、管理、服务、结果公开，全年主动公开政府信息"
    lines = [prose[i % 7:i % 7 + 30] for i in range(20)]          # twenty lines of thirty characters
    rows = ["规章\t0\t0\t0", "行政规范性文件\t2\t1\t9", "行政许可\t35", "行政处罚\t12"]   # (tab rows, shorter)
    text = "\n".join(["某某局2023年政府信息公开工作年度报告", *lines, *rows, *lines[:9]])
    assert unwrapped_lines(text) == text
