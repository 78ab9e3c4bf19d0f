"""表四's one grid row whose fields hold the header's words with the counts (extract/t4oneline.py).

pymupdf4llm's layout mode runs a ruled table's header into the row under it: 复议's five cells come out as
numbers, and each of 诉讼's ten as its header's words over its count (``结果<br>维持<br>19``). Such a field is
no empty field: read as one, ten cells were proven blank where the row prints 19, 0, 1, 0, 20, ….
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.extract.t4oneline import tab_row_cells
from llm_extract.extract.cells import parse_cell
from llm_extract.extract.layout import Item
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import REVIEW_COLUMNS, REVIEW_GROUPS
from tests.fakeopenai import report_text, sample_values

T4 = [f"review_litigation.{g}.{c}" for g in REVIEW_GROUPS for c in REVIEW_COLUMNS]
T4_HEADING = "四、政府信息公开行政复议、行政诉讼情况"
#: lo6vs21_16's 表四 as pymupdf4llm (1.28, layout) writes it
TABLE = """
|结果<br>维持|行<br>结果<br>纠正|政复<br>其他<br>结果|议<br>尚未<br>审结|总计|未<br>|经复<br>|议直<br>|接起<br>|行政<br>诉<br>|诉讼<br>|复<br>|议后起<br>|诉<br>||
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
|0|0|5|0|5|结果<br>维持<br>19|结果<br>纠正<br>0|其他<br>结果<br>1|尚未<br>审结<br>0|总计<br>20|结果<br>维持<br>0|结果<br>纠正<br>0|其他<br>结果<br>1|尚未<br>审结<br>0|总计<br>1|

"""


def test_fields_of_header_words_and_counts_are_no_blank_cells() -> None:
    head = report_text(sample_values()).split(T4_HEADING)[0]
    text = head + T4_HEADING + "\n" + TABLE + "五、存在的主要问题及改进情况\n\n无。\n"
    record = process_document(Document.from_text(text, doc_id="d", source_kind="md"))
    assert not any(record.provenance[p].status is Status.PROVEN and record.report.get(p) is None for p in T4)
    assert {record.provenance[p].status for p in T4[5:]} == {Status.MISSING}


def test_a_tab_row_reads_its_empty_fields_as_blank_cells_and_its_worded_fields_not() -> None:
    values = [Item(t, 3, parse_cell(t), col=c, width=15) for c, t in enumerate("0 0 5 0 5".split())]
    assert [it.cell.kind.name for it in tab_row_cells(values) or []][5:] == ["BLANK"] * 10
    words = [Item("结果维持19", 3, parse_cell("结果维持19"), col=5, width=15)]
    assert tab_row_cells(values, values + words) is None
