"""表二 of a Word "Save as web page" table brought into Word format by LibreOffice (and read a cell to a line): Word
writes a row of empty cells under each table (``<![if !supportMisalignedColumns]><tr height=0><td></td>…``), so the
last row, 行政事业性收费, is followed by empty cells. They are no cells of the fee's row: its one number is read where
it stands and proven, not taken for a row whose numbers stand unevenly (READ.UNEVEN_LINES)."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.pipeline import process_document
from tests.table2_texts import with_table2

_FEE = "active_disclosure.fees_10k_yuan"


_TABLE2 = ["", "\t第二十条第（一）项", "", "\t信息内容", "\t本年制发件数", "\t本年废止件数", "\t现行有效件数", "",
           "\t规章", "\t0", "\t0", "\t0", "", "\t行政规范性文件", "\t5", "\t2", "\t51", "", "\t第二十条第（五）项", "",
           "\t信息内容", "\t本年处理决定数量", "", "\t行政许可", "\t3150", "", "\t第二十条第（六）项", "", "\t信息内容",
           "\t本年处理决定数量", "", "\t行政处罚", "\t65", "", "\t行政强制", "\t10", "", "\t第二十条第（八）项", "",
           "\t信息内容", "\t本年收费金额（单位：万元）", "", "\t行政事业性收费", "\t30275.69", ""]


def test_the_fee_above_words_spacer_row_of_empty_cells_is_proven(golden_dir) -> None:
    record = process_document(with_table2(golden_dir, _TABLE2 + ["\t", "\t", "\t", "\t", ""]))
    assert str(record.report.get(_FEE)) == "30275.69"
    assert record.provenance[_FEE].status is Status.PROVEN


def test_the_fee_without_the_spacer_row_reads_the_same(golden_dir) -> None:
    record = process_document(with_table2(golden_dir, _TABLE2))
    assert str(record.report.get(_FEE)) == "30275.69"
    assert record.provenance[_FEE].status is Status.PROVEN
