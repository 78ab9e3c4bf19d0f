"""A converter's misdetected span: a row's cells read as one cell spanning them, its text (all their
numbers) repeated in each column it spans (``| 13 0 | 13 0 |``): the run is its cells, in their order."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.extract.spanrepeat import spread_repeats
from llm_extract.ingest import Document
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICANT_COLUMNS, Report
from llm_extract.synth import render


def test_a_run_of_k_equal_fields_of_k_numbers_is_spread() -> None:
    assert spread_repeats(["（一）予以公开", "13 0", "13 0", "0", "13"]) == {1: "13", 2: "0"}
    assert spread_repeats(["x", "0", "/ 0", "/ 0", "0"]) == {2: "/", 3: "0"}


def test_a_run_whose_numbers_are_all_alike_is_not_spread() -> None:
    """``| 0 0 | 0 0 |``: one cell spanning two columns, repeated (two cells, 0 and 0), or two fields each
    merging two columns (four cells): the values tell nothing, and spread, two of the row's cells would be
    blank where the row prints seven numbers (markitdown's PDF tables)."""
    assert spread_repeats(["四、结转下年度继续办理", "", "", "0", "0", "0 0", "0 0", "0"]) == {}
    assert spread_repeats(["x", "0", "/ /", "/ /", "0"]) == {}


def test_fields_merging_two_columns_alike_are_read_as_seven_numbers_never_two_blanks(golden_dir) -> None:
    """markitdown's PDF table: the label spans three fields, two fields each merge two columns."""
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    report = Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields})
    text = render(report, "markdown")
    for row, merged in (("| （七）总计 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |", "| （七）总计 |  |  | 3 | 0 | 0 0 | 0 0 | 3 |"),
                        ("| 四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
                         "| 四、结转下年度继续办理 |  |  | 0 | 0 | 0 0 | 0 0 | 0 |")):
        assert row in text                                  # the shape this test is about
        text = text.replace(row, merged)
    record = process_document(Document.from_text(text, doc_id="x"))
    for path in [f"applications.{r}.{c}" for r in ("total_processed", "carried_forward") for c in APPLICANT_COLUMNS]:
        assert record.report.get(path) == report.get(path), path          # seven numbers, seven cells
        assert record.provenance[path].status is Status.PROVEN, path


def test_other_repeats_are_one_spanning_cell() -> None:
    assert spread_repeats(["x", "0", "0", "5"]) == {}               # one number over two columns
    assert spread_repeats(["x", "1 2 3", "1 2 3", "5"]) == {}       # three numbers over two columns
    assert spread_repeats(["x", "13 0", "2", "5"]) == {}            # not repeated


def test_a_row_with_a_misdetected_span_is_read(golden_dir) -> None:
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    report = Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields})
    text = render(report, "markdown")
    row = next(line for line in text.split("\n") if "1.本机关不掌握相关政府信息" in line)
    cells = row.strip()[1:-1].split("|")
    k = len(cells) - 7                                   # the first of the seven number cells
    assert [c.strip() for c in cells[k:]] == ["2", "0", "0", "0", "0", "0", "2"]
    cells[k] = cells[k + 1] = " 2 0 "
    text = text.replace(row, "|" + "|".join(cells) + "|")
    record = process_document(Document.from_text(text, doc_id="x"))
    for col, want in (("natural_person", 2), ("commercial", 0), ("total", 2)):
        path = f"applications.unavailable_not_held.{col}"
        assert record.report.get(path) == want
        assert record.provenance[path].status is Status.PROVEN


def test_equal_fields_in_a_row_whose_fields_each_merge_two_columns_are_not_spread() -> None:
    """markitdown's PDF table writes 表四's fifteen cells in eight fields, two columns merged in each: two fields
    printing the same pair (``1 0`` and ``1 0``) are four cells, not one span's two."""
    row = ["1 0", "1 0", "2 2", "5 5", "0 12", "5 1", "2 1", "9"]
    assert spread_repeats(row) == {}


_T4_MERGED = """# 北塘区城市管理局2023年政府信息公开工作年度报告

四、政府信息公开行政复议、行政诉讼情况

|                  | 行政复议      |      |                           | 行政诉讼    |           |           |     |
| ---------------- | --------- | ---- | ------------------------- | ------- | --------- | --------- | --- |
|                  |           |      | 未经复议直接起诉                  |         | 复议后起诉     |           |     |
| 结果维持 结果纠正        | 其他结果 尚未审结 | 总计   |                           |         |           |           |     |
|                  |           | 结果维持 | 结果纠正 其他结果                 | 尚未审结 总计 | 结果维持 结果纠正 | 其他结果 尚未审结 | 总计  |
| 1 0              | 1 0       | 2 2  | 5 5                       | 0 12    | 5 1       | 2 1       | 9   |

五、存在的主要问题及改进情况
"""


def test_table4_of_fields_merging_two_columns_reads_its_fifteen_cells() -> None:
    record = process_document(Document(doc_id="t4", path="t4.md", text=_T4_MERGED))
    values = record.report.values()
    groups = ("administrative_review", "litigation_direct", "litigation_after_review")
    cols = ("upheld", "corrected", "other", "pending", "total")
    assert [values[f"review_litigation.{g}.{c}"] for g in groups for c in cols] == \
        [1, 0, 1, 0, 2, 2, 5, 5, 0, 12, 5, 1, 2, 1, 9]
    assert record.provenance["review_litigation.administrative_review.other"].status is Status.PROVEN
