"""A table printed for two years in one section (``2020年度情况`` / ``2021年度情况``, ``上年度对比表``): the report's
year's is read (llm_extract/extract/yearparts.py); where no part is surely the report's year, nothing of it is."""

from __future__ import annotations

import re

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICANT_COLUMNS, APPLICATION_ROWS
from tests.fixtures.ingest.form2021 import GOLDEN, golden_report

STEM = "003_d677def7845cc038"          # the 2021 report of 新乡市牧野区人民政府
_T3 = "三、收到和处理政府信息公开申请情况\n"
_PATHS = [f"applications.{r}.{c}" for r in APPLICATION_ROWS for c in APPLICANT_COLUMNS]


def _table3(text: str) -> str:
    return text[text.index(_T3) + len(_T3):text.index("四、政府信息公开行政复议")]


def _doubled(first: str, second: str, last_year_first: bool = True) -> str:
    """The report with 表三 printed twice: last year's (every number doubled: the identities still hold) and this
    year's, under the lines ``first`` and ``second``."""
    text = (GOLDEN / f"{STEM}.txt").read_text(encoding="utf-8")
    table = _table3(text)
    last_year = re.sub(r"(?m)^\t(\d+)$", lambda m: f"\t{2 * int(m.group(1))}", table)
    tables = (last_year, table) if last_year_first else (table, last_year)
    return text.replace(_T3 + table, f"{_T3}{first}\n{tables[0]}{second}\n{tables[1]}", 1)


def _read(text: str):
    record = process_document(Document.from_text(text, doc_id=STEM))
    return record, golden_report(STEM).values()


def test_last_years_table_printed_first_is_not_read() -> None:
    record, truth = _read(_doubled("2020年度情况", "2021年度情况"))
    assert [p for p in _PATHS if record.report.values()[p] != truth[p]] == []
    assert all(record.provenance[p].status is Status.PROVEN for p in _PATHS if truth[p] is not None)


def test_a_comparison_table_of_last_year_after_this_years_is_not_read() -> None:
    text = _doubled("", "上年度（2020年）对比表", last_year_first=False)
    record, truth = _read(text)
    assert [p for p in _PATHS if record.report.values()[p] != truth[p]] == []


def test_two_tables_neither_of_the_reports_year_are_not_read() -> None:
    record, _ = _read(_doubled("2019年度情况", "2020年度情况"))
    assert {record.provenance[p].status for p in _PATHS} == {Status.MISSING}


def test_one_table_under_a_line_naming_its_year_is_read() -> None:
    text = (GOLDEN / f"{STEM}.txt").read_text(encoding="utf-8").replace(_T3, _T3 + "2020年度统计表\n", 1)
    record, truth = _read(text)
    assert [p for p in _PATHS if record.report.values()[p] != truth[p]] == []


def test_an_appendixs_comparison_table_of_last_year_is_not_read() -> None:
    """Last year's table after this year's as an appendix, ``附：2020年度对比表`` (or under ``2020年度情况：``): this
    year's cells are read whole and proven, last year's never run into them."""
    for line in ("附：2020年度对比表", "2020年度情况："):
        record, truth = _read(_doubled("", line, last_year_first=False))
        assert [p for p in _PATHS if record.report.values()[p] != truth[p]] == [], line
        assert all(record.provenance[p].status is Status.PROVEN for p in _PATHS if truth[p] is not None), line


def test_tables_under_lines_naming_a_year_alone_are_told_apart() -> None:
    """Lines naming a year and nothing else (``2020年度``, ``（2021年）``, ``2021年：``) head the two tables too: last
    year's is never read as this year's."""
    for first, second in (("2020年度", "2021年度"), ("（2020年）", "（2021年）"), ("2020年：", "2021年：")):
        record, truth = _read(_doubled(first, second))
        assert [p for p in _PATHS if record.report.values()[p] != truth[p]] == [], first
        assert all(record.provenance[p].status is Status.PROVEN for p in _PATHS if truth[p] is not None), first


def test_years_printed_as_a_headers_cells_part_no_table() -> None:
    """Two years one under the other, nothing between (表二's header a cell to a line: 信息内容 / 2022年 / 2023年) are a
    header's cells, not two tables' headings: the rows above them are still read."""
    text = "\n".join(["青山区人民政府2023年政府信息公开工作年度报告", "", "二、主动公开政府信息情况",
                      "\t第二十条第（一）项", "", "\t信息内容", "\t本年制发件数", "\t本年废止件数", "\t现行有效件数", "",
                      "\t规章", "\t1", "\t0", "\t5", "", "\t第二十条第（五）项", "", "\t信息内容", "\t2022年", "\t2023年",
                      "", "\t行政许可", "\t900", "\t45", "", "三、收到和处理政府信息公开申请情况", "略", ""])
    record = process_document(Document.from_text(text, doc_id="t2-years"))
    for column, value in (("issued", 1), ("repealed", 0), ("in_force", 5)):
        path = f"active_disclosure.regulations.{column}"
        assert record.report.values()[path] == value, path
        assert record.provenance[path].method == "label+cells", path     # read in the table, not by a late pass
    assert record.report.values()["active_disclosure.licensing"] != 900


def test_this_years_table_of_marks_only_before_an_appendix_of_last_years_is_the_one_read() -> None:
    """This year's 表四 prints no case, its cells marks only (无), then ``附：2020年度对比表`` and last year's numbers: the
    table before the appendix is this year's, though it prints no digit; its cells are blank, never last year's."""
    header = "\t".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3)
    text = "\n".join(["青山区人民政府2021年政府信息公开工作年度报告", "", "二、主动公开政府信息情况", "第二十条第（五）项",
                      "信息内容\t本年处理决定数量", "行政许可\t45", "", "四、政府信息公开行政复议、行政诉讼情况", header,
                      "\t".join(["无"] * 15), "附：2020年度对比表", header,
                      "\t".join(["0", "0", "2", "0", "2", "1", "0", "0", "0", "1", "5", "0", "1", "0", "6"]), "",
                      "五、存在的主要问题及改进情况", "无。", ""])
    record = process_document(Document.from_text(text, doc_id="t4-appendix"))
    for group in ("administrative_review", "litigation_direct", "litigation_after_review"):
        for column in ("upheld", "corrected", "other", "pending", "total"):
            assert record.report.values()[f"review_litigation.{group}.{column}"] is None, (group, column)


_T4_HEADER = ("行政复议                                          行政诉讼\n"
              "                                                  未经复议直接起诉                                  复议后起诉\n"
              + "      ".join(["结果维持  结果纠正  其他结果  尚未审结  总计"] * 3) + "\n")
_T2_FIXED = """二、主动公开政府信息情况
第二十条第（一）项
信息内容                              本年制发件数        本年废止件数        现行有效件数
规章                                       2             2            27
规范性文件                                 2             0            51
第二十条第（五）项
信息内容                            本年处理决定数量
行政许可                                  12
"""


def test_this_years_table_printed_empty_leaves_no_later_reader_last_years_row() -> None:
    """Fixed-width text (pdftotext -layout): 表四 printed for 2024 with a row of zeros and for the report's 2025 with
    its header and no row. The region reader reads the 2025 part (no number); the readers of PDF text's blocks,
    which read the whole text, must not take 2024's zeros for 2025's (they were proven: a silent error)."""
    text = ("新洲区生态环境分局2025年政府信息公开工作年度报告\n\n" + _T2_FIXED
            + "\n四、政府信息公开行政复议、行政诉讼情况\n2024年度\n" + _T4_HEADER
            + "        ".join(["  0"] * 15) + "\n2025年度\n" + _T4_HEADER
            + "\n\n五、存在的主要问题及改进情况\n一是公开内容的深度和广度有待加强。\n")
    record = process_document(Document.from_text(text, doc_id="t4-two-years"))
    t4 = {p: r for p, r in record.provenance.items() if p.startswith("review_litigation.")}
    assert len(t4) == 15
    assert all(r.status is not Status.PROVEN and record.report.values()[p] is None for p, r in t4.items())


def test_this_years_table_after_last_years_in_fixed_width_text_is_read() -> None:
    """The same two tables, 2025's with its row: 2025's numbers are read, not 2024's."""
    text = ("新洲区生态环境分局2025年政府信息公开工作年度报告\n\n" + _T2_FIXED
            + "\n四、政府信息公开行政复议、行政诉讼情况\n2024年度\n" + _T4_HEADER
            + "        ".join(["  0"] * 15) + "\n2025年度\n" + _T4_HEADER
            + "        ".join(["  1", "  0", "  0", "  0", "  1"] + ["  0"] * 10) + "\n"
            + "\n\n五、存在的主要问题及改进情况\n一是公开内容的深度和广度有待加强。\n")
    record = process_document(Document.from_text(text, doc_id="t4-two-years-read"))
    values = record.report.values()
    assert values["review_litigation.administrative_review.upheld"] == 1
    assert values["review_litigation.administrative_review.total"] == 1
    assert record.provenance["review_litigation.administrative_review.total"].status is Status.PROVEN


def test_this_years_table_printed_blank_before_last_years_comparison_is_the_one_read() -> None:
    """表四 as a crawler's tab rows: the report's table with its row of empty cells, then ``附：2023年度对比表`` with the
    same header and last year's zeros. The table before the line naming another year is the report's (its header is
    printed again over last year's): its cells are blank, never last year's zeros."""
    header = ("行政复议\t\t\t\t\t行政诉讼\n\t\t\t\t\t未经复议直接起诉\t\t\t\t\t复议后起诉\n"
              + "\t".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3) + "\n")
    text = ("鼓楼区人民政府办公室 2024 年政府信息公开工作年度报告\n\n" + _T2_FIXED
            + "\n四、政府信息公开行政复议、行政诉讼情况\n" + header + "\t" * 14 + "\n附：2023年度对比表\n" + header
            + "".join(f"{label}\t０\t０\t０\t０\t０\n" for label in ("行政复议", "未经复议直接起诉", "复议后起诉"))
            + "\n五、存在的主要问题及改进情况\n一是公开内容的深度和广度有待加强。\n")
    record = process_document(Document.from_text(text, doc_id="t4-blank-then-last-year"))
    values = record.report.values()
    t4 = [p for p in record.provenance if p.startswith("review_litigation.")]
    assert len(t4) == 15 and all(values[p] is None for p in t4)
