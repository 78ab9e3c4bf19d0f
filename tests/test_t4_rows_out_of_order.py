"""表四 printed as three rows of five, each led by its group's label, the rows out of the form's order.

Counted in printed order the fifteen numbers would hand one group's cells to another, every group's total still
holding: a wrong reading no identity sees. Each row's label says whose its cells are: the rows are read by it."""

from __future__ import annotations

from llm_extract.ingest import Document
from llm_extract.pipeline import process_document

_HEAD = "向阳区人民政府2023年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n"
_COLS = ("upheld", "corrected", "other", "pending", "total")


def _group(record, group: str) -> list[int | None]:
    return [record.report.get(f"review_litigation.{group}.{c}") for c in _COLS]


def _record(rows: list[str]):
    text = _HEAD + "  结果维持  结果纠正  其他结果  尚未审结  总计\n" + "\n".join(rows) + "\n五、存在的主要问题及改进情况\n无。\n"
    return process_document(Document.from_text(text, doc_id="t4-rows"))


def test_rows_printed_out_of_order_are_read_by_their_labels() -> None:
    record = _record(["  行政诉讼（未经复议直接起诉）          0       0       0       3       3",
                      "  行政复议                              1       2       0       0       3",
                      "  行政诉讼（复议后起诉）                1       0       0       0       1"])
    assert _group(record, "administrative_review") == [1, 2, 0, 0, 3]
    assert _group(record, "litigation_direct") == [0, 0, 0, 3, 3]
    assert _group(record, "litigation_after_review") == [1, 0, 0, 0, 1]


def test_rows_in_the_forms_order_read_as_before() -> None:
    record = _record(["  行政复议                              1       2       0       0       3",
                      "  行政诉讼（未经复议直接起诉）          0       0       0       3       3",
                      "  行政诉讼（复议后起诉）                1       0       0       0       1"])
    assert _group(record, "administrative_review") == [1, 2, 0, 0, 3]
    assert _group(record, "litigation_direct") == [0, 0, 0, 3, 3]


def test_tab_rows_out_of_order_are_read_by_their_labels() -> None:
    record = _record(["行政诉讼（复议后起诉）\t0\t1\t0\t0\t1", "行政复议\t2\t0\t0\t0\t2",
                      "行政诉讼（未经复议直接起诉）\t0\t0\t4\t0\t4"])
    assert _group(record, "administrative_review") == [2, 0, 0, 0, 2]
    assert _group(record, "litigation_direct") == [0, 0, 4, 0, 4]
    assert _group(record, "litigation_after_review") == [0, 1, 0, 0, 1]


def test_cell_per_line_rows_out_of_order_are_never_read_in_printed_order() -> None:
    rows = []
    for label, cells in (("行政诉讼（复议后起诉）", "01001"), ("行政复议", "20002"), ("行政诉讼（未经复议直接起诉）", "00404")):
        rows += ["\t" + label] + ["\t" + c for c in cells] + [""]
    text = _HEAD + "\n".join(rows) + "\n五、存在的主要问题及改进情况\n无。\n"
    record = process_document(Document.from_text(text, doc_id="t4-cells", source_kind="html"))
    for group, truth in (("administrative_review", [2, 0, 0, 0, 2]), ("litigation_direct", [0, 0, 4, 0, 4]),
                         ("litigation_after_review", [0, 1, 0, 0, 1])):
        for c, v in zip(_COLS, truth):
            path = f"review_litigation.{group}.{c}"
            assert record.report.get(path) == v or record.provenance[path].status.value not in ("proven", "derived")
