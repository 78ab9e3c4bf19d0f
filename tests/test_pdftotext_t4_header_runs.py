"""Plain ``pdftotext`` (no -layout) of a Word-made PDF whose 表四 is one row of fifteen narrow columns prints the
first group's five headers (wrapped: 结果 / 维持, or a character to a line) with its five cells after them, then the
two suits' ten headers with their ten cells; 表三's last cells, when its table ends on 表四's page, may follow the
first group's five. The cells are read in printed order under their headers, every group's total holding, and never
proven (the order along the row is the tool's)."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.extract.t4headruns import read_header_runs
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE4_PATHS

_HEADING = "四、政府信息公开行政复议、行政诉讼情况"
_FIVE = ["结果", "维持", "结果", "纠正", "其他", "结果", "尚未", "审结", "总计"]
_SUITS = ["行政诉讼", "未经复议直接起诉", "复议后起诉"]
_END = ["五、存在的主要问题及改进情况", "政务公开工作仍存在公开内容不够全面、解读形式较为单一等问题。", "六、其他需要报告的事项",
        "本年度未收取信息处理费。"]


def _lines(first: list[str], suits: list[str], five: list[str] = _FIVE) -> list[str]:
    return [_HEADING, "行政复议"] + five + first + _SUITS + five + five + suits + _END


def test_each_group_s_cells_after_its_headers_表三_s_last_cells_among_them() -> None:
    lines = _lines(["１", "０", "０", "３０", "３１", "０", "０", "０", "０", "１", "０", "４", "０"],
                   ["０", "０", "２", "０", "２", "２", "０", "０", "０", "２"])
    readings = read_header_runs(lines, 1)
    assert readings is not None
    assert [readings[p].value for p in TABLE4_PATHS] == [1, 0, 0, 30, 31, 0, 0, 2, 0, 2, 2, 0, 0, 0, 2]


def test_headers_a_character_to_a_line() -> None:
    chars = [ch for piece in _FIVE for ch in piece]
    lines = _lines(["4", "0", "0", "0", "4"] + ["0"] * 9, ["0"] * 10, chars)
    readings = read_header_runs(lines, 1)
    assert readings is not None
    assert [readings[p].value for p in TABLE4_PATHS] == [4, 0, 0, 0, 4] + [0] * 10


def test_fifteen_numbers_alone_are_left_to_the_row_of_fifteen() -> None:
    """No other number in the section: the fifteen in printed order are the row (table4.py reads and proves it)."""
    assert read_header_runs(_lines(["4", "0", "0", "0", "4"], ["0"] * 10), 1) is None


def test_not_read_where_a_total_breaks_or_the_suits_print_other_than_ten() -> None:
    assert read_header_runs(_lines(["1", "0", "0", "30", "30", "2"], ["0"] * 10), 1) is None
    assert read_header_runs(_lines(["0"] * 6, ["0", "0", "0", "0", "0", "0", "1", "0", "0", "0", "1", "0"]), 1) is None
    # (１０ wrapped in its narrow cell as 1 / 0: twelve numbers for ten cells)


def test_read_in_a_report_but_never_proven() -> None:
    text = "\n".join(["某县自然资源局2022年政府信息公开工作年度报告", ""]
                     + _lines(["1", "0", "0", "30", "31", "0", "4"], ["0", "0", "2", "0", "2", "2", "0", "0", "0", "2"]))
    record = process_document(Document.from_text(text, doc_id="plain-t4-narrow"))
    got = record.report.values()
    assert [got[p] for p in TABLE4_PATHS] == [1, 0, 0, 30, 31, 0, 0, 2, 0, 2, 2, 0, 0, 0, 2]
    assert all(record.provenance[p].status is not Status.PROVEN for p in TABLE4_PATHS)


def test_the_suits_each_header_then_its_cell_the_groups_names_out_of_place() -> None:
    """The first group's five headers then its cells; the suits' columns each a header then its cell, 复议后起诉
    printed before 未经复议直接起诉's 总计: the ten are the suits' in the form's order whatever stands between."""
    lines = [_HEADING, "行政复议", "０", "０", "１", "０", "１５", "０", "行政诉讼"] + _FIVE + ["０", "０", "５", "０", "５",
             "未经复议直接起诉", "结果", "维持", "０", "结果", "纠正", "３", "其他", "结果", "０", "尚未", "审结", "０", "复议后起诉",
             "总计", "３", "结果", "维持", "１", "结果", "纠正", "０", "其他", "结果", "０", "尚未", "审结", "０", "总计", "１"] + _END
    readings = read_header_runs(lines, 1)
    assert readings is not None
    assert [readings[p].value for p in TABLE4_PATHS] == [0, 0, 5, 0, 5, 0, 3, 0, 0, 3, 1, 0, 0, 0, 1]
