"""A tab text whose tabs a database or crawler export wrote as ``|`` (bare, or `` | `` as a database client
spaces it) reads as the tab text does.

``(一)予以公开|0|0|0|0|0|0|0`` and ``||1.属于国家秘密|0|0|…|||`` are the tab rows of a Word or web page's text with each
tab written ``|``; read as spaced text, two of every three cells went to review. Markdown tables (outer pipes on
every line, padded cells, a rule line) and a crawler's table run onto one line keep their own readers.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from llm_extract.ingest import load_bytes
from llm_extract.ingest.bare_pipes import tabbed_bare_pipes
from llm_extract.pipeline import process_document

GOLDEN = Path(__file__).resolve().parent.parent / "golden"


@pytest.mark.parametrize("pipe", ["|", " | "], ids=["bare", "spaced"])
@pytest.mark.parametrize("path", sorted(GOLDEN.glob("00[0-2]_*.txt")), ids=lambda p: p.stem[:3])
def test_a_tab_text_exported_with_pipes_reads_as_the_tab_text(path: Path, pipe: str) -> None:
    text = path.read_text(encoding="utf-8")
    plain = process_document(load_bytes(text.encode("utf-8"), doc_id="plain", suffix=".txt"))
    piped = process_document(load_bytes(text.replace("\t", pipe).encode("utf-8"), doc_id="piped", suffix=".txt"))
    for field, prov in plain.provenance.items():
        assert piped.report.get(field) == plain.report.get(field), field
        assert piped.provenance[field].status is prov.status, field


def test_markdown_tables_keep_their_pipes() -> None:
    rows = [f"|{n}.属于某类信息|0|0|0|0|0|0|0|" for n in range(1, 13)]
    bare_grid = "\n".join(["|  |自然人|商业企业|科研机构|社会公益组织|法律服务机构|其他|总计|", *rows])
    assert tabbed_bare_pipes(bare_grid) == bare_grid                    # (pymupdf4llm: outer pipes on every line)
    padded = "\n".join(row.replace("|", " | ").strip() for row in rows)
    assert tabbed_bare_pipes(padded) == padded                          # (a writer's padded cells, no outer pipes)
    ruled = "\n".join(["一、本年新收|3", "---|---", *(row.strip("|") for row in rows)])
    assert tabbed_bare_pipes(ruled) == ruled                            # (a rule line under its header)


def test_a_few_bars_in_a_text_part_no_cells() -> None:
    text = "首页|政务公开|年度报告\n" + "正文\n" * 20 + "主办：某某县人民政府办公室|备案号：某ICP备0000号"
    assert tabbed_bare_pipes(text) == text


def test_ocr_rule_bars_part_no_cells() -> None:
    text = "\n".join(["（本列数据的勾稽关系为：第一项加第二项之",
                     "和)                          公 | 法律服 | 其 | 计", "织 | 务机构", *["|", "正文"] * 12,
                     "政机关不再处理其政府信息公开申请    加四|     加昌加加", "| 站 LA | |"])
    assert tabbed_bare_pipes(text) == text
