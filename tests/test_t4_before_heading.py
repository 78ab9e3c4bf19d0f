"""pdfminer's text (``pdf2txt.py``) of a PDF whose 表四 is one row of fifteen cells under a three-line header may
box the table's first columns before its heading: ``行政复议`` / ``结果`` / ``维持`` … ``1 0 0 0 1`` / ``四、政府信息
公开行政复议、行政诉讼情况`` / ``行政诉讼`` … each cell after its column's header. Those header words and numbers
are 表四's: its fifteen numbers in printed order, read when every group's total holds. The order is the tool's
(a group's cells in another order keep its total): never proven (``READ.T4_BLOCK_ORDER``), queued; unless the
fifteen are alike (a year of no reviews or suits, fifteen 0: every order is the same table)."""

from __future__ import annotations

from pathlib import Path

import pytest

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE4_PATHS

FIXTURES = Path(__file__).parent / "fixtures" / "pdf"


@pytest.mark.parametrize("name", ["002_0126e23b7202ee31", "003_d677def7845cc038"])
def test_table_four_s_columns_boxed_before_its_heading_are_its_cells(golden_dir, name: str) -> None:
    extract_text = pytest.importorskip("pdfminer.high_level").extract_text
    text = extract_text(str(FIXTURES / f"{name}.pdf"))
    heading = text.index("四、政府信息公开行政复议")
    assert "行政复议" in text[text.rindex("四、结转下年度继续办理", 0, heading):heading]    # (the layout meant)
    golden = read_json(golden_dir / f"{name}.json")["review_litigation"]
    record = process_document(Document.from_text(text, doc_id=name))
    got = record.report.values()
    alike = len({golden[group][column] for group, column in (p.split(".")[1:] for p in TABLE4_PATHS)}) == 1
    assert alike == (name == "003_d677def7845cc038")           # (002's 表四 holds 1s and 0s)
    for path in TABLE4_PATHS:
        _, group, column = path.split(".")
        assert got[path] == golden[group][column], path
        if alike:
            assert record.provenance[path].status is Status.PROVEN, path
        else:
            assert record.provenance[path].status is Status.UNVERIFIED, path
            assert "READ.T4_BLOCK_ORDER" in record.provenance[path].rules, path
