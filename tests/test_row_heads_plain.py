"""表三's last rows in a Word table whose label columns are narrow, read by plain ``pdftotext``: each row's label's
first line, then the cells of its first columns (as many for every row), then the label's other pieces; the
rows' other cells far after, past 表四's heading. Those first cells are read (never proven: no identity checks a
part of a row); the rest is left unread.
"""

from __future__ import annotations

from llm_extract.evidence import Method
from llm_extract.extract.rowheads import read_row_heads
from llm_extract.schema import TABLE3_ROW_PATHS

_HEAD = "三、收到和处理政府信息公开申请情况\n"
_TAIL = "四、政府信息公开行政复议、行政诉讼情况\n结果维持\n0\n0\n"
#: a look document's excerpt (lo6 narrow, plain pdftotext)
_ROWS = """2.申请
0
0
人逾
期未
按收
费通
知要
求缴
纳费
用、
行政
机关
不再
处理
3.其他
0
0
（七）合计
1
0
四、结转下年度继续办
0
2
理
"""


def _first(read, row: str, k: int) -> list:
    return [read[p].value for p in TABLE3_ROW_PATHS[row][:k]]


def test_the_last_rows_first_cells_after_their_labels_first_lines_are_read() -> None:
    read = read_row_heads((_HEAD + _ROWS + _TAIL).split("\n"))
    assert read is not None and len(read) == 8
    assert _first(read, "other_unpaid_fee", 2) == [0, 0] and _first(read, "other_other", 2) == [0, 0]
    assert _first(read, "total_processed", 2) == [1, 0] and _first(read, "carried_forward", 2) == [0, 2]
    assert {r.method for r in read.values()} == {Method.FORM_ORDER_RUNS}


def test_rows_with_other_counts_of_first_cells_are_not_read() -> None:
    assert read_row_heads((_HEAD + _ROWS.replace("1\n0\n", "1\n", 1) + _TAIL).split("\n")) is None


def test_labels_on_lines_of_their_own_are_no_narrow_cells() -> None:
    # no label's pieces printed after its first cells: the rows stand as a table of a few columns, not these
    rows = "3.其他\n0\n0\n（七）总计\n1\n0\n四、结转下年度继续办理\n0\n2\n"
    assert read_row_heads((_HEAD + rows + _TAIL).split("\n")) is None


def test_the_first_cells_go_to_review_with_their_values() -> None:
    from llm_extract.evidence import Status
    from llm_extract.extract import extract_regex
    from llm_extract.ingest import Document
    from verify import verify_extraction

    text = "开封市发展和改革委员会 2024 年政府信息公开工作年度报告\n" + _HEAD + _ROWS + _TAIL
    record = verify_extraction(extract_regex(Document.from_text(text, doc_id="x")))
    for path, value in zip(TABLE3_ROW_PATHS["total_processed"][:2], (1, 0)):
        assert record.report.get(path) == value
        assert record.provenance[path].status is not Status.PROVEN
