"""表四 as agencies reshape it. Given as sentences, no table (llm_extract/extract/t4sentences.py): what section 四
states is read; a group's results stated with its total are checked by the group's sum; a total of 0 leaves its
results to the identities (derived); what it does not state stays missing. Printed transposed (the results as rows,
extract/t4transposed.py): each cell goes to its group and result by the labels."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import REVIEW_COLUMNS
from tests.fixtures.ingest.form2021 import with_section

STEM = "003_d677def7845cc038"
_HEADING = "四、政府信息公开行政复议、行政诉讼情况"


def _record(section: str):
    return process_document(Document.from_text(with_section(STEM, _HEADING, "存在的主要问题及改进情况", section), doc_id=STEM))


def _group(record, group: str) -> list[tuple[int | None, Status]]:
    return [(record.report.values()[f"review_litigation.{group}.{c}"],
             record.provenance[f"review_litigation.{group}.{c}"].status) for c in REVIEW_COLUMNS]


P, D, U = Status.PROVEN, Status.DERIVED, Status.UNVERIFIED


def test_each_groups_count_and_results_are_read_from_its_clause() -> None:
    record = _record("本年度因政府信息公开被申请行政复议3件，其中结果维持1件、结果纠正1件、其他结果0件、尚未审结1件；"
                     "未经复议直接提起行政诉讼0件；经复议后提起行政诉讼2件，其中结果维持0件、结果纠正0件、其他结果2件、尚未审结0件。")
    assert _group(record, "administrative_review") == [(1, P), (1, P), (0, P), (1, P), (3, P)]
    assert _group(record, "litigation_after_review") == [(0, P), (0, P), (2, P), (0, P), (2, P)]
    # a total of 0 stated alone: nothing checks it; its results are the only ones it leaves
    assert _group(record, "litigation_direct") == [(0, D), (0, D), (0, D), (0, D), (0, U)]


def test_no_review_and_no_lawsuit_makes_every_cell_0() -> None:
    record = _record("2023年，本机关未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。")
    for group in ("administrative_review", "litigation_direct", "litigation_after_review"):
        assert _group(record, group) == [(0, D), (0, D), (0, D), (0, D), (0, U)]


def test_lawsuits_not_said_which_kind_stay_missing() -> None:
    record = _record("本年度被申请行政复议0件，提起行政诉讼2件。")
    assert [v for v, _ in _group(record, "administrative_review")] == [0] * 5
    assert {s for _, s in _group(record, "litigation_direct") + _group(record, "litigation_after_review")} \
        == {Status.MISSING}


def test_a_sentence_beside_a_table_is_narrative_not_its_cells() -> None:
    row = "\n".join(f"\t{v}" for v in (1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
    record = _record("本年度被申请行政复议2件。\n\n\t结果维持\n\t结果纠正\n\t其他结果\n\t尚未审结\n\t总计\n" + row)
    # the table's 1 is read; the sentence's 2 contradicts it, so it is disputed, not proven (verify/narrative.py)
    assert _group(record, "administrative_review")[4] == (1, Status.DISPUTED)
    record = _record("本年度被申请行政复议1件。\n\n\t结果维持\n\t结果纠正\n\t其他结果\n\t尚未审结\n\t总计\n" + row)
    assert _group(record, "administrative_review")[4] == (1, P)


def test_a_transposed_table_is_read_by_its_row_and_column_labels() -> None:
    """The five results as rows, the three groups as columns (the header naming them in its own order)."""
    cells = {"administrative_review": (1, 0, 1, 0, 2), "litigation_direct": (0, 0, 0, 0, 0),
             "litigation_after_review": (2, 1, 0, 0, 3)}
    order = ("litigation_direct", "administrative_review", "litigation_after_review")
    names = {"administrative_review": "行政复议", "litigation_direct": "行政诉讼（未经复议直接起诉）",
             "litigation_after_review": "行政诉讼（复议后起诉）"}
    rows = "\n".join(f"\t{result}\n" + "\n".join(f"\t{cells[g][k]}" for g in order) + "\n"
                     for k, result in enumerate(("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")))
    record = _record("\t项目\n" + "\n".join(f"\t{names[g]}" for g in order) + "\n\n" + rows)
    for group, values in cells.items():
        assert _group(record, group) == [(v, P) for v in values]



def test_a_sentence_over_a_table_of_empty_cells_is_not_read_as_its_cells() -> None:
    """The table is printed, its cells left empty; the sentence says none happened: the cells are blank as printed."""
    empty = "\n".join("\t" for _ in range(15))
    record = _record("2023年，本机关未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。\n\n\t结果维持\n\t结果纠正\n"
                     "\t其他结果\n\t尚未审结\n\t总计\n" + empty)
    assert [v for v, _ in _group(record, "administrative_review")] == [None] * 5
