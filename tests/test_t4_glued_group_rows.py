"""表四 with its groups as rows in a crawler's dump, each group's five cells glued to its label:
``…尚未审结总计行政复议01102行政诉讼（未经复议直接起诉）01001行政诉讼（复议后起诉）10/01``. Each group's run is
cut where its total is the sum of its four results, a placeholder being an empty cell; a cut that is the only
one is derived (never proven; a run the text alone cuts, ``00000``, is read as printed), and a run with several cuts stays unread with every cut among the candidates."""

from __future__ import annotations

import pytest

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document
from llm_extract.schema import Report
from llm_extract.synth import render

#: 表四 as the glued renderer prints it: the header, then the fifteen cells in one run
T4_GLUED = "行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉\n000000000000000\n"
COLUMNS = ("upheld", "corrected", "other", "pending", "total")


def _record(golden_dir, review: str, direct: str, after: str):
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    text = render(Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields}), "glued")
    assert text.count(T4_GLUED) == 1
    rows = f"结果维持结果纠正其他结果尚未审结总计行政复议{review}行政诉讼（未经复议直接起诉）{direct}行政诉讼（复议后起诉）{after}\n"
    return process_document(Document.from_text(text.replace(T4_GLUED, rows), doc_id="x"))


def _group(record, group: str) -> list:
    return [record.report.values()[f"review_litigation.{group}.{c}"] for c in COLUMNS]


def _status(record, group: str, column: str) -> Status:
    return record.provenance[f"review_litigation.{group}.{column}"].status


def test_each_groups_run_is_cut_into_its_five_cells(golden_dir) -> None:
    record = _record(golden_dir, "01102", "1020820", "00000")
    assert _group(record, "administrative_review") == [0, 1, 1, 0, 2]
    assert _group(record, "litigation_direct") == [10, 2, 0, 8, 20]
    assert _group(record, "litigation_after_review") == [0, 0, 0, 0, 0]
    assert _status(record, "litigation_direct", "upheld") is Status.DERIVED     # a cut, not a printed cell
    # five zeros are five cells of 0 (no cut to choose): read as printed, and proven by the group's total
    assert _status(record, "litigation_after_review", "upheld") is Status.PROVEN
    assert record.provenance["review_litigation.litigation_after_review.total"].method == "glued"


def test_placeholders_in_a_groups_run_are_its_empty_cells(golden_dir) -> None:
    record = _record(golden_dir, "10/01", "——0—0", "－1001")
    assert _group(record, "administrative_review") == [1, 0, None, 0, 1]
    assert _group(record, "litigation_direct") == [None, None, 0, None, 0]
    assert _group(record, "litigation_after_review") == [None, 1, 0, 0, 1]


def test_a_run_with_several_cuts_that_add_up_is_not_read(golden_dir) -> None:
    record = _record(golden_dir, "00000", "1101012", "00000")   # 1 1 0 10 12, 11 0 1 0 12 or 1 10 1 0 12
    assert _group(record, "administrative_review") == [0, 0, 0, 0, 0]
    assert record.report.values()["review_litigation.litigation_direct.upheld"] is None
    path = "review_litigation.litigation_direct.upheld"
    assert record.provenance[path].status is Status.MISSING and "DERIVE.AMBIGUOUS" in record.provenance[path].rules
    found = next(f for f in record.findings if f.code == "DERIVE.AMBIGUOUS" and path in f.paths)
    assert {row[found.paths.index(path)] for row in found.detail["candidates"]} == {1, 11}


@pytest.mark.parametrize("direct", ["1111", "11/1"], ids=["too few cells", "no cut adds up"])
def test_a_group_without_a_cut_that_adds_up_leaves_the_table_unread(golden_dir, direct: str) -> None:
    record = _record(golden_dir, "01102", direct, "00000")
    assert _group(record, "litigation_direct") == [None] * 5
    assert _status(record, "litigation_direct", "total") is not Status.PROVEN


def test_a_group_whose_total_is_misprinted_is_left_unread_and_the_others_read_all_the_same(golden_dir) -> None:
    """``行政复议50100`` (5 + 0 + 1 + 0 printed as total 0): no cut of it adds up, so it is left unread; the other
    groups' runs are their own (no identity ties one group's cells to another's) and are read as printed."""
    record = _record(golden_dir, "50100", "00000", "00000")
    assert _group(record, "administrative_review") == [None] * 5
    assert {_status(record, "administrative_review", c) for c in COLUMNS} == {Status.MISSING}
    assert _group(record, "litigation_direct") == [0, 0, 0, 0, 0]
    assert _group(record, "litigation_after_review") == [0, 0, 0, 0, 0]
    assert _status(record, "litigation_direct", "total") is Status.PROVEN
