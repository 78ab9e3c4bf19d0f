"""表三 found at its first row when no line heads it, its label cut over a Markdown grid row's fields
(extract/headless.py).

pymupdf4llm of a browser's print of a Word-exported page (tables with no gap between them) fused 表二's last rows,
the heading ``三、收到和处理政府信息公开申请情况`` and 表三's header into one grid row of ``<br>``-joined pieces: no line
heads 表三. Its first row stands on a line of its own, its label cut over three fields
(``|⼀、本年新|收政府信息公|开申请数量|3|0|0|0|0|0|3|``): the table is found there, and read in full (every identity
holding, every cell proven). Left unfound, all 175 of its cells were missing.
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import load
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE3_PATHS
from tests.block_fixtures import LAYOUTS_DIR, layout_value, proven_wrong

_NAME = "pymupdf4llm_chromium_table3_heading_fused_into_a_grid_row"


def test_table3_is_found_at_its_first_row_cut_over_grid_fields() -> None:
    text = (LAYOUTS_DIR / f"{_NAME}.md").read_text(encoding="utf-8")
    assert "三、收到和处理政府信息公开申请情况" not in text.replace("⼀", "一")
    record = process_document(load(LAYOUTS_DIR / f"{_NAME}.md"))
    assert proven_wrong(record, _NAME) == []
    got = record.report.values()
    assert [(got[p], record.provenance[p].status) for p in TABLE3_PATHS] == \
        [(layout_value(_NAME, p), Status.PROVEN) for p in TABLE3_PATHS]


def test_a_sentence_naming_new_applications_anchors_no_table() -> None:
    """The anchor still wants a line that is no sentence: a paragraph's 本年新收 with a comma heads nothing."""
    from llm_extract.extract.headless import anchor_headless_tables

    lines = ["报告正文", "|本年新收|政府信息公开申请3件，均已办结|", "|⼀、本年新|收政府信息公|开申请数量|3|0|0|0|0|0|3|"]
    found: dict[str, int] = {}
    anchor_headless_tables(lines, found, {})
    assert found.get("表三") == 3
