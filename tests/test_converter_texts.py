"""Texts that HTML and Word converters make of a report (html-text, BeautifulSoup's get_text, inscriptis,
trafilatura, …): a number parted into its runs, cells dropped where they were empty, label pieces moved."""

from __future__ import annotations

from decimal import Decimal

import pytest

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from tests.fakeopenai import report_text, sample_values

_LICENSING = "active_disclosure.licensing"
_NORMATIVE = [f"active_disclosure.normative_documents.{c}" for c in ("issued", "repealed", "in_force")]


def _record(text: str):
    return process_document(Document.from_text(text, doc_id="d"))


@pytest.mark.parametrize("printed", ["行政许可\n\n\n3\n,150\n", "行政许可 3, 150", "行政许可      3,1 50   "])
def test_a_number_cut_at_its_thousands_separator_is_one_number(printed: str) -> None:
    """Word prints 3,150 in two runs (``<span>3</span><span>,150</span>``); get_text puts them on two lines,
    others part them with a space: the pieces are one number, not a cell 3 and a word."""
    record = _record(report_text(sample_values()).replace("行政许可\t3150", printed))
    assert record.report.values()[_LICENSING] == 3150


@pytest.mark.parametrize("printed", ["行政规范性文件\n\n5\n\n2 51\n", "行政规范性文件\n5\n\n\n2\n\n\n5\n1\n",
                                     "行政规范性文件      5          2 51   "])
def test_a_table2_rows_numbers_on_uneven_lines_or_gaps_are_never_proven(printed: str) -> None:
    """5 / 2 51: the lines after the label hold unlike counts, or stand unlike apart, or two numbers a space apart
    where the others stand columns apart; 51 may be one number in two runs and a cell empty (2 / 5 / 1 are 2, 51):
    which numbers are which cells is a guess, and no identity checks 表二."""
    record = _record(report_text(sample_values()).replace("行政规范性文件\t5\t2\t51", printed))
    for path in _NORMATIVE:
        assert record.provenance[path].status is not Status.PROVEN, path


def test_a_table2_row_whose_first_number_a_line_break_pushed_below_the_others_is_never_proven() -> None:
    """inscriptis lays a web page's table out in columns; a ``<br>`` before the first cell's number puts it on the
    line below, left of the others: in line order 5 / 2 51 reads as 2, 51, 5."""
    record = _record(report_text(sample_values()).replace(
        "行政规范性文件\t5\t2\t51", "        行政规范性文件        2       51\n                      5         "))
    for path in _NORMATIVE:
        assert record.provenance[path].status is not Status.PROVEN, path


def test_a_table2_row_whose_last_number_wrapped_below_in_its_column_is_still_proven() -> None:
    record = _record(report_text(sample_values()).replace(
        "行政规范性文件\t5\t2\t51", "        行政规范性文件   5      2   \n                                   51"))
    assert [(record.report.values()[p], record.provenance[p].status) for p in _NORMATIVE] == \
        [(5, Status.PROVEN), (2, Status.PROVEN), (51, Status.PROVEN)]


def test_a_table2_row_one_number_to_a_line_evenly_is_still_read_and_proven() -> None:
    record = _record(report_text(sample_values()).replace("行政规范性文件\t5\t2\t51", "行政规范性文件\n5\n2\n51"))
    assert [(record.report.values()[p], record.provenance[p].status) for p in _NORMATIVE] == \
        [(5, Status.PROVEN), (2, Status.PROVEN), (51, Status.PROVEN)]


@pytest.mark.parametrize("label", ["3.其他", "3\n．其他"])
def test_a_total_row_labelled_heji_after_a_row_printing_no_cell_is_not_that_rows_cells(label: str) -> None:
    """One cell to a line, the empty cells dropped: ``3.其他`` then ``合计`` and the total's cells. 合计 is the
    total row's label, not the end of 3.其他's: the total's numbers are not proven as 3.其他's (its cells were empty,
    or 0: the identities tell)."""
    values = sample_values()
    lines = []
    for line in report_text(values).split("\n"):
        fields = line.split("\t")
        if len(fields) == 8 and fields[0] in ("3.其他", "（七）总计"):
            lines += [label] if fields[0] == "3.其他" else ["合计", *fields[1:]]
        else:
            lines += fields
    record = _record("\n".join(lines))
    total = [f"applications.total_processed.{c}" for c in ("natural_person", "commercial", "total")]
    assert [record.report.values()[p] for p in total] == [values[p] for p in total]
    other = [p for p in record.provenance if p.startswith("applications.other_other.")]
    assert not [p for p in other if record.provenance[p].status is Status.PROVEN and record.report.values()[p]]


def test_a_label_after_a_markdown_table_is_no_row_printing_no_cell() -> None:
    """trafilatura cuts a cell's second line out of the table and prints it after it (``| 四、结转下 | 1 | … |``, then
    ``年度继续办理``): a line of text after a Markdown table is not a row whose cells are all empty."""
    values = sample_values()
    cut = {"3.要求提供公开出版物": "3.要求提供", "四、结转下年度继续办理": "四、结转下"}
    out = []
    for line in report_text(values).split("\n"):
        fields = line.split("\t")
        if len(fields) == 8:
            label = cut.get(fields[0], fields[0])
            out.append("| " + " | ".join([label, *fields[1:]]) + " |")
        else:
            out.append(line)
        if line.startswith("四、结转"):
            out += [full[len(short):] for full, short in cut.items()]
    record = _record("\n".join(out))
    row = [p for p in record.provenance if p.startswith("applications.carried_forward.")]
    assert not [p for p in row if record.provenance[p].status is Status.PROVEN
                and record.report.values()[p] != values[p]]


_T4 = "1\t0\t0\t1\t2\t0\t1\t0\t0\t1\t0\t0\t0\t0\t0"


def _with_table4(table: str, after: str = "五、存在的主要问题及改进情况") -> str:
    text = report_text(sample_values())
    start, end = text.index("行政复议\t行政诉讼"), text.index("五、存在的主要问题及改进情况")
    return text[:start] + table + "\n\n" + after + text[end + len("五、存在的主要问题及改进情况"):]


def test_a_plain_text_tables_rules_are_no_empty_cells() -> None:
    """pandoc's plain tables: rules of dashes above and below the rows, a blank cell left as spaces; the dashes are
    no placeholders (cells) to take a number's place."""
    rule = "  " + " ".join(["-" * 30] + ["-" * 11] * 5)
    table = "\n".join([rule, " " * 34 + "结果维持    结果纠正    其他结果   尚未审结       总计", rule,
                       "  行政复议情况                        0           1           0                       1", "",
                       "  行政诉讼（未经复议直接起诉）        0           0           0                       0", "",
                       "  行政诉讼（复议后起诉）              0           0           0      0                0",
                       "  " + "-" * 90])
    record = _record(_with_table4(table))
    t4 = {p: record.report.values()[p] for p in record.provenance if p.startswith("review_litigation.")}
    assert not [p for p, v in t4.items() if record.provenance[p].status is Status.PROVEN
                and v != {"review_litigation.administrative_review.corrected": 1,
                          "review_litigation.administrative_review.total": 1}.get(p, 0 if not p.endswith("pending")
                                                                                  or "after" in p else None)]


@pytest.mark.parametrize("piece", ["  ---", "---", "| --- |"])
def test_a_piece_of_a_wide_tables_rule_on_a_line_of_its_own_is_no_cell(piece: str) -> None:
    """pandoc's plain text of a table wider than its page wraps the rule under the row: ``  ---`` alone, then the
    rest of the dashes. Fourteen numbers and the blank of 行政诉讼's 结果纠正 (a wide gap) are no fifteen cells with
    ``---`` a placeholder at the end: the total of the last group is not proven blank."""
    row = "  0     0     0     0     0     0                 0     0     0     0     0     0     0     0"
    table = "\n".join(["行政复议  行政诉讼", "结果维持  结果纠正  其他结果  尚未审结  总计", row, piece,
                       "------ " * 15])
    record = _record(_with_table4(table))
    last = "review_litigation.litigation_after_review.total"
    assert record.report.values()[last] == 0 or record.provenance[last].status is not Status.PROVEN
    assert not [p for p in record.provenance if p.startswith("review_litigation.")
                and record.report.values()[p] is None and record.provenance[p].status is Status.PROVEN]


def test_placeholders_among_fifteen_numbers_are_cells_and_a_date_after_the_table_none() -> None:
    """``- 0 0 0 — 0 0 － 0 …``: twelve numbers and three placeholders make the fifteen cells; 2025 2 18 of the date
    under the report, inside section 四 when its end is not found, do not make up fifteen numbers instead."""
    row = "-     0     0     0     —   0         0      －     0     0   0  0  0  0  0"
    record = _record(_with_table4("行政复议  行政诉讼\n结果维持  结果纠正  其他结果  尚未审结  总计\n" + row,
                                  after="某某局\n\n  2025 年 2 月 18 日\n\n  （五）存在的主要问题及改进情况"))
    for path in ("review_litigation.administrative_review.upheld", "review_litigation.administrative_review.total",
                 "review_litigation.litigation_direct.other"):
        assert record.report.values()[path] is None or record.provenance[path].status is not Status.PROVEN, path


def test_a_section_heading_numbered_in_full_width_brackets_ends_table4() -> None:
    """（五）存在的主要问题及改进情况 closes section 四: the signature's date after it is no cell of 表四."""
    from llm_extract.extract.regions import find_regions
    lines = ["四、政府信息公开行政复议、行政诉讼情况", "行政复议", _T4, "  （五）存在的主要问题及改进情况", "2025年2月18日"]
    regions = find_regions(lines)
    assert regions["表四"].end == 4


@pytest.mark.parametrize("printed", ["行政事业性收费\n\n\n123.\n9862\n", "行政事业性收费     123. 9862     "])
def test_a_fee_cut_right_after_its_decimal_point_is_one_number(printed: str) -> None:
    """``123.`` / ``9862``: the runs of 123.9862 (万元) parted after the point (get_text's lines, inscriptis' space);
    not the fee 9862, nor 123."""
    record = _record(report_text(sample_values()).replace("行政事业性收费\t1.5", printed))
    assert record.report.values()["active_disclosure.fees_10k_yuan"] == Decimal("123.9862")


def test_a_fee_whose_decimals_a_converter_put_on_the_next_line_is_one_number() -> None:
    """``1296`` / ``.144219``: Word's two runs of 1296.144219 (万元), a line each; not the fee 1296."""
    record = _record(report_text(sample_values()).replace("行政事业性收费\t1.5", "行政事业性收费\n\n\n1296\n.144219\n"))
    fee = "active_disclosure.fees_10k_yuan"
    assert record.report.values()[fee] == Decimal("1296.144219")


@pytest.mark.parametrize("printed, value", [("\t行政许可\n\t3 150", 3150), ("\t行政许可\n\t1 203 150", 1203150)])
def test_a_cells_number_grouped_by_spaces_is_one_number(printed: str, value: int) -> None:
    """WPS and some Word styles group a number's thousands with a space: a cell of its own holding ``3 150`` is 3150,
    not a cell 3 and another 150."""
    record = _record(report_text(sample_values()).replace("行政许可\t3150", printed))
    assert record.report.values()[_LICENSING] == value


def test_a_space_between_numbers_that_are_no_thousands_groups_joins_nothing() -> None:
    record = _record(report_text(sample_values()).replace("行政许可\t3150", "\t行政许可\n\t3 15"))
    assert record.report.values()[_LICENSING] != 315
    assert record.provenance[_LICENSING].status is not Status.PROVEN


def test_a_note_a_converter_spaced_inside_its_bracket_is_still_its_numbers_note() -> None:
    """inscriptis of a Word page: ``11(其 中修订2件)  9       17 3`` (173 in two runs): 11 and its note, then 9 and 17 3.
    The note is 11's, so the row prints four numbers for three cells: 9, 17, 3 are never proven as its cells."""
    record = _record(report_text(sample_values()).replace("行政规范性文件\t5\t2\t51",
                                                          "    行政规范性文件     11(其 中修订2件)  9       17 3  "))
    got = [(record.report.values()[p], record.provenance[p].status) for p in _NORMATIVE]
    assert got[0][0] != 9 and not any(v in (17, 3) and s is Status.PROVEN for v, s in got), got


def _one_cell_to_a_line(text: str, blank: str, printed: dict[str, list[str]] | None = None) -> str:
    """表三 as BeautifulSoup's get_text("\\n") writes a page's table: each cell on a line of its own, empty lines
    between, a ``&nbsp;`` cell as ``blank``; the rows ``printed`` names print only the cells it gives (a page's
    empty ``<td></td>`` leaves no line)."""
    head, rest = text.split("三、收到和处理政府信息公开申请情况", 1)
    table, tail = rest.split("四、政府信息公开行政复议、行政诉讼情况", 1)
    cells = []
    for line in table.split("\n"):
        fields = [cell for cell in line.split("\t") if cell]
        for label, shown in (printed or {}).items():
            if fields and fields[0].endswith(label):
                fields = fields[:1] + shown
        cells += fields
    table = "\n\n\n".join(blank if cell == "/" else cell for cell in cells)
    return f"{head}三、收到和处理政府信息公开申请情况\n\n{table}\n\n四、政府信息公开行政复议、行政诉讼情况{tail}"


def _t3_read(values: dict, text: str):
    from llm_extract.ingest import load_bytes

    record = process_document(load_bytes(text.encode(), doc_id="d", path="d.txt", suffix=".txt"))
    got = record.report.values()
    t3 = [p for p in values if p.startswith("applications.")]
    return [p for p in t3 if got[p] != values[p]], \
        [p for p in t3 if values[p] is not None and record.provenance[p].status is not Status.PROVEN]


@pytest.mark.parametrize("blank", ["\xa0", " \xa0\xa0", "&nbsp;"])
def test_a_no_break_space_alone_on_a_line_of_a_page_dump_is_a_blank_cell(blank: str) -> None:
    """get_text writes a page's ``<td>&nbsp;</td>`` as a line holding only a no-break space: that cell printed
    nothing, so its row keeps seven cells and every number lands in its column, the blank one read as blank."""
    values = sample_values()
    for path in ("applications.carried_over.commercial", "applications.denied_state_secret.natural_person",
                 "applications.rejected_duplicate.other_org"):
        values[path] = None
    assert _t3_read(values, _one_cell_to_a_line(report_text(values), blank)) == ([], [])


@pytest.mark.parametrize("printed", [["空"], ["\xa0", "\xa0"], ["空", "\xa0", "—"]])
def test_a_row_of_a_page_dump_printing_fewer_empty_cells_than_seven_and_no_number_is_blank(printed) -> None:
    """A page's blank row, ``<td><br/></td>`` but one ``<td>空</td>`` (or a few ``&nbsp;`` cells): get_text keeps
    only the cells with something in them. No number is lost in such a dump (every number is text), so the
    row prints no cell: each of its seven is blank, as the golden has it, not lost cells the identities pin
    to 0 and send for review."""
    values = sample_values()
    for c in ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total"):
        values[f"applications.denied_state_secret.{c}"] = None
    text = _one_cell_to_a_line(report_text(values), "\xa0", {"1.属于国家秘密": printed})
    assert _t3_read(values, text) == ([], [])


def _html2text_rows(values: dict, printed: dict[str, str]) -> str:
    """表三 as html2text writes a page's table (``label| 1| 0| …``), the rows ``printed`` names written as given."""
    text = report_text(values)
    head, rest = text.split("三、收到和处理政府信息公开申请情况", 1)
    table, tail = rest.split("四、政府信息公开行政复议、行政诉讼情况", 1)
    lines = []
    for line in table.split("\n"):
        label = line.split("\t", 1)[0]
        shown = next((v for k, v in printed.items() if label.endswith(k)), None)
        lines.append(shown if shown is not None else line.replace("\t", "| ").replace("/", "空"))
    return f"{head}三、收到和处理政府信息公开申请情况{chr(10).join(lines)}四、政府信息公开行政复议、行政诉讼情况{tail}"


def test_a_row_of_html2text_whose_empty_cells_broke_over_lines_is_blank() -> None:
    """html2text writes a row whose cells hold ``<br>`` over several lines and drops its empty cells:
    ``5.属于三类内部事务信息| 空|`` / ``| 空| 空| 空| 空|``. Nothing but 空 is printed for it: a blank row."""
    values = sample_values()
    for c in ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total"):
        values[f"applications.denied_internal_affairs.{c}"] = None
    text = _html2text_rows(values, {"5.属于三类内部事务信息": "5.属于三类内部事务信息| 空|\n| 空| 空| 空| 空|\n"})
    assert _t3_read(values, text) == ([], [])


def test_a_rows_placeholder_beside_its_label_with_its_numbers_on_the_line_above_is_no_blank_row() -> None:
    """markitdown may print a row's numbers on the line above its label and only its ``/`` beside it
    (``1.信访举报投诉类申请 …`` / ``| 0 | 0 | 0 | 0 | 0 | 0 |`` / ``2.重复申请 | / |``): the row above then holds more
    numbers than its cells, and 2.重复申请 is never proven a blank row."""
    values = sample_values()
    values["applications.rejected_duplicate.research"] = None
    zeros = "| ".join(["0"] * 6)
    text = _html2text_rows(values, {"1.信访举报投诉类申请": "（五）不予处理 1.信访举报投诉类申请| 1| 0| 0| 0| 0| 0| 1\n"
                                                            f"| {zeros}",
                                    "2.重复申请": "2.重复申请| 空"})
    record = process_document(load_bytes_text(text))
    for c in ("natural_person", "commercial", "social_org", "legal_service", "other_org", "total"):
        path = f"applications.rejected_duplicate.{c}"
        assert record.report.values()[path] == 0 or record.provenance[path].status is not Status.PROVEN, path


def load_bytes_text(text: str):
    from llm_extract.ingest import load_bytes

    return load_bytes(text.encode(), doc_id="d", path="d.txt", suffix=".txt")
