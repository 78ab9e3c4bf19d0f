"""表三 in the form's order with （六）其他处理 printed as one row (FORM.md: no sub-rows).

pdf2txt.py prints a page's labels, then its numbers column by column (here two pages: one block only would
be read but not proven, its columns' order pdfminer's). Where （六）其他处理 is printed as one
row, the region holds 23 × 7 numbers: they are read in the form's order with that row in its place, standing
in for its sub-rows in the identities. Its sub-rows are 0 where the row is all 0, else not printed (absent);
every other row is read as in a table of 25.
"""

from __future__ import annotations

from llm_extract.evidence import CellKind, Method, Status
from llm_extract.extract.formorder import read_form_order
from llm_extract.form import FORM
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document

_SUBS = ("other_no_correction", "other_unpaid_fee", "other_other")
_ROWS = [r for r in FORM.table3_rows if r.key not in _SUBS]
_AT = next(i for i, r in enumerate(FORM.table3_rows) if r.key == _SUBS[0])   # where （六） stands


def _table(six: int) -> dict[str, list[int]]:
    """new_received 5 (自然人); granted 5 - six; （六） six; total_processed 5: every identity holds."""
    rows = {r.key: [0] * 7 for r in _ROWS}
    rows["new_received"] = [5, 0, 0, 0, 0, 0, 5]
    rows["granted"] = [5 - six, 0, 0, 0, 0, 0, 5 - six]
    rows["(六)"] = [six, 0, 0, 0, 0, 0, six]
    rows["total_processed"] = [5, 0, 0, 0, 0, 0, 5]
    return rows


def _lines(six: int, label: list[str], pages: tuple[slice, ...] = (slice(0, 13), slice(13, None))) -> list[str]:
    """The region as pdf2txt.py prints it, on two pages: each page's labels (（六）'s as ``label``), then
    its numbers column by column."""
    table = _table(six)
    keys = [r.key for r in _ROWS[:_AT]] + ["(六)"] + [r.key for r in _ROWS[_AT:]]
    labels = [r.label for r in _ROWS[:_AT]] + [label] + [r.label for r in _ROWS[_AT:]]
    body = ["三、收到和处理政府信息公开申请情况", "申请人情况", "自然人", "总计"]
    for page in pages:
        body += [x for printed in labels[page] for x in ([printed] if isinstance(printed, str) else printed)]
        body += [str(table[k][c]) for c in range(7) for k in keys[page]]
    return ["某某局2022年政府信息公开工作年度报告", ""] + [x for line in body for x in (line, "")] \
        + ["四、政府信息公开行政复议、行政诉讼情况", ""]


def test_a_one_row_other_handling_is_read_with_its_sub_rows_not_printed() -> None:
    readings = read_form_order(_lines(2, ["（六）其他处理"]))
    assert readings is not None
    assert readings["applications.granted.natural_person"].value == 3
    assert readings["applications.total_processed.total"].value == 5
    assert readings["applications.granted.total"].method == Method.FORM_ORDER
    for sub in _SUBS:
        cell = readings[f"applications.{sub}.natural_person"]
        assert cell.kind is CellKind.ABSENT and cell.raw == "2" and cell.method == Method.OTHER_AS_ONE_ROW


def test_a_one_row_of_zeros_makes_each_sub_row_zero() -> None:
    readings = read_form_order(_lines(0, ["（六）其他处理"]))
    assert readings is not None
    assert all(readings[f"applications.{sub}.{c.key}"].value == 0 for sub in _SUBS for c in FORM.table3_columns)


def test_its_label_wrapped_over_two_lines_names_it_too() -> None:
    assert read_form_order(_lines(2, ["（六）其他", "处理"])) is not None


def test_without_its_label_the_table_is_unread() -> None:
    assert read_form_order(_lines(2, ["另行说明"])) is None


def test_a_sub_rows_label_printed_leaves_the_table_unread() -> None:
    assert read_form_order(_lines(2, ["（六）其他处理", FORM.table3_rows[_AT].label])) is None


def test_the_record_proves_the_rows_and_gives_the_sub_rows_as_not_printed() -> None:
    record = process_document(Document.from_text("\n".join(_lines(2, ["（六）其他处理"])), doc_id="d"))
    assert record.report.get("applications.granted.natural_person") == 3
    assert record.provenance["applications.granted.natural_person"].status is Status.PROVEN
    assert record.report.get("applications.other_other.natural_person") is None


def test_one_block_is_read_but_its_columns_order_is_pdfminers_so_never_proven() -> None:
    """All 23 rows printed as one block: every identity holds with the applicant columns in any order, and no
    second block printed otherwise checks the order pdfminer chose (READ.COLUMN_RUNS)."""
    lines = _lines(2, ["（六）其他处理"], pages=(slice(0, None),))
    readings = read_form_order(lines)
    assert readings is not None and readings["applications.granted.natural_person"].value == 3
    assert readings["applications.granted.natural_person"].method == Method.FORM_ORDER_RUNS
    record = process_document(Document.from_text("\n".join(lines), doc_id="d"))
    assert record.provenance["applications.granted.natural_person"].status is Status.UNVERIFIED
