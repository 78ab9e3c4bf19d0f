"""Plain ``pdftotext`` (no -layout) of a CMS page printed by Chromium, 表四 in the form's shape (行政复议's five headers
two rows high beside 未经复议直接起诉 / 复议后起诉 over their ten): poppler prints the suits' ten headers on one line,
行政复议's 总计 and the suits' ten cells under them, then 行政复议's five headers and its first four cells. The cells
are read in that order (the first group's four, its total, the suits' ten) where every group's total holds so and
not as printed; never proven (the order along the row is the tool's)."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.extract.t4firstlast import read_first_group_last
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE4_PATHS

_HEADING = "四、政府信息公开行政复议、行政诉讼情况"
_FIVE = "结果维持 结果纠正 其他结果 尚未审结 总计"
_END = ["五、存在的主要问题及改进情况", "存在的主要问题：一是公开内容的全面性、及时性还有待加强。", "六、其他需要报告的事项",
        "本年度未收取信息处理费。"]


def _lines(total_and_suits: list[str], four: list[str]) -> list[str]:
    """The section as pdftotext prints it (its blank lines too)."""
    spaced = [x for n in four for x in (n, "")]
    return [_HEADING, "行政复议", "", "行政诉讼", "", "未经复议直接起诉", "复议后起诉", f"{_FIVE} {_FIVE}",
            *total_and_suits, "", _FIVE, *spaced, *_END]


def test_the_first_groups_four_results_printed_last_are_its_first_four_cells() -> None:
    readings = read_first_group_last(_lines(["7", "0", "0", "0", "0", "0", "0", "5", "0", "2", "7"],
                                            ["1", "0", "5", "1"]), 1)
    assert readings is not None
    assert [readings[p].value for p in TABLE4_PATHS] == [1, 0, 5, 1, 7, 0, 0, 0, 0, 0, 0, 5, 0, 2, 7]


def test_not_read_where_the_totals_hold_as_printed_or_hold_neither_way() -> None:
    # every cell 0: the printed order is the row of fifteen table4.py reads
    assert read_first_group_last(_lines(["0"] * 11, ["0"] * 4), 1) is None
    # 行政复议's four do not sum to the total before the suits' cells: not this layout
    assert read_first_group_last(_lines(["7", "0", "0", "0", "0", "0", "0", "5", "0", "2", "7"],
                                        ["1", "0", "5", "2"]), 1) is None
    # a number too many (表三's last cell beside them): no reading
    assert read_first_group_last(_lines(["7", "0", "0", "0", "0", "0", "0", "5", "0", "2", "7", "0"],
                                        ["1", "0", "5", "1"]), 1) is None


def test_read_in_a_report_but_never_proven() -> None:
    text = "\n".join(["某县市场监督管理局2022年政府信息公开工作年度报告", ""]
                     + _lines(["8", "0", "1", "2", "0", "3", "0", "1", "0", "2", "3"], ["1", "1", "5", "1"]))
    record = process_document(Document.from_text(text, doc_id="chromium-plain-t4"))
    got = record.report.values()
    assert [got[p] for p in TABLE4_PATHS] == [1, 1, 5, 1, 8, 0, 1, 2, 0, 3, 0, 1, 0, 2, 3]
    assert all(record.provenance[p].status is Status.UNVERIFIED for p in TABLE4_PATHS)
