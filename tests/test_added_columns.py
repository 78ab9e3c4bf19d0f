"""Columns an agency adds to 表三, read a cell to a line (llm_extract/extract/extracols.py), and a 总计 column
printed as a table of its own: the form's seven cells are read and proven, or left to the identities; an added
number is never one of them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICANT_COLUMNS, APPLICATION_ROWS
from tests.fixtures.ingest.form2021 import GOLDEN, golden_report

STEM = "003_d677def7845cc038"
_NUMBER = re.compile(r"^\t\d+$")


def _lines() -> list[str]:
    return (GOLDEN / f"{STEM}.txt").read_text(encoding="utf-8").split("\n")


def _rows(lines: list[str]) -> list[int]:
    """The index of the first of each 表三 row's seven number lines (a Word text export: a cell a line)."""
    start = lines.index("三、收到和处理政府信息公开申请情况")
    end = lines.index("四、政府信息公开行政复议、行政诉讼情况")
    return [i for i in range(start, end - 7) if all(_NUMBER.match(x) for x in lines[i:i + 7])
            and not _NUMBER.match(lines[i - 1])]


def _edited(edit) -> str:
    lines = _lines()
    for k, i in reversed(list(enumerate(_rows(lines)))):
        edit(lines, k, i)
    return "\n".join(lines)


def _with_header(text: str, word: str, before: bool) -> str:
    return text.replace("\t申请人情况\n", f"\t{word}\n\t申请人情况\n" if before else f"\t申请人情况\n\t{word}\n", 1)


def _table3(text: str):
    record = process_document(Document.from_text(text, doc_id=STEM))
    truth = golden_report(STEM).values()
    return record, truth, [f"applications.{r}.{c}" for r in APPLICATION_ROWS for c in APPLICANT_COLUMNS]


def _all_read_and_proven(text: str) -> None:
    record, truth, paths = _table3(text)
    for p in paths:
        assert record.provenance[p].status is Status.PROVEN and record.report.values()[p] == truth[p], p


def test_last_years_figure_after_the_total_is_no_cell() -> None:
    text = _with_header(_edited(lambda lines, k, i: lines.insert(i + 7, f"\t{k + 40}")), "上年数", before=False)
    _all_read_and_proven(text)


@pytest.mark.parametrize("name", ["上年总计", "上年度总计", "上一年度", "去年同期"])
def test_last_years_total_between_the_label_and_the_first_applicant_column_is_no_cell(name: str) -> None:
    text = _with_header(_edited(lambda lines, k, i: lines.insert(i, f"\t{k + 40}")), name, before=True)
    _all_read_and_proven(text)


def test_a_number_in_a_remark_column_is_no_cell() -> None:
    text = _with_header(_edited(lambda lines, k, i: lines.insert(i + 7, "\t2" if k % 3 == 0 else "\t")), "备注",
                        before=False)
    _all_read_and_proven(text)


def test_an_empty_spacer_field_before_the_cells_and_words_in_the_remark_column_take_no_cell() -> None:
    """A Word table with an empty spacer column after the label and a 备注 column holding words: each row is
    the label, an empty field, its seven numbers and a remark. The remark is the 备注's cell, so the row's
    total is not taken for it (the spacer read as a blank first cell: a silent error)."""
    def edit(lines: list[str], k: int, i: int) -> None:
        lines.insert(i + 7, "\t含转办件" if k % 2 == 0 else "\t")
        lines.insert(i, "\t")
    text = _with_header(_edited(edit), "备注", before=False)
    record, truth, paths = _table3(text)
    for p in paths:
        assert record.report.values()[p] == truth[p] or record.provenance[p].status is not Status.PROVEN, p
    rows_with_words = [r for k, r in enumerate(APPLICATION_ROWS) if k % 2 == 0]
    for p in (f"applications.{r}.{c}" for r in rows_with_words for c in APPLICANT_COLUMNS):
        assert record.report.values()[p] == truth[p], p


def test_the_numbers_of_a_row_number_column_are_no_cells() -> None:
    def numbered(lines: list[str], k: int, i: int) -> None:
        j = i - 1
        while lines[j] != "":
            j -= 1
        lines.insert(j + 1, f"\t{k + 1}")           # the row's first cell, before its group's empty cells
    _all_read_and_proven(_with_header(_edited(numbered), "序号", before=True))


def test_a_row_number_column_and_an_empty_remark_column_take_no_cell() -> None:
    """A web page's table with a 序号 column first and a 备注 column last, most remarks empty, a group's label in its
    first row's cells (``5`` / ``（三）不予公开`` / ``1.属于国家秘密`` / seven cells / ``含转办件``), read a cell to a
    line: each row's seven cells are followed by its remark, then (after the row's end) the next row's number,
    right above its label. That number is the next row's, not this row's eighth."""
    from llm_extract.form import FORM
    truth = golden_report(STEM).values()
    rows = ["\t序号\n\t\n\t申请人情况\n\t备注", "\t自然人\n\t法人或其他组织\n\t总计",
            "\t商业企业\n\t科研机构\n\t社会公益组织\n\t法律服务机构\n\t其他"]
    for k, row in enumerate(FORM.table3_rows):
        cells = [str(k + 1)] + ([row.group] if row.group else []) + [row.label]
        cells += ["" if (v := truth[f"applications.{row.key}.{c}"]) is None else str(v) for c in APPLICANT_COLUMNS]
        rows.append("\n".join("\t" + c for c in cells + ["含转办件" if k % 2 == 1 else ""]))
    lines = _lines()
    start = lines.index("三、收到和处理政府信息公开申请情况")
    end = lines.index("四、政府信息公开行政复议、行政诉讼情况")
    text = "\n".join(lines[:start + 1] + ["", "\n\n".join(rows), ""] + lines[end:])
    _all_read_and_proven(text)


def test_an_eighth_number_without_a_header_naming_it_leaves_the_row_unread() -> None:
    record, truth, paths = _table3(_edited(lambda lines, k, i: lines.insert(i + 7, f"\t{k + 40}")))
    assert all(record.provenance[p].status is not Status.PROVEN for p in paths)


def test_rows_without_their_total_column_never_take_the_next_rows_empty_cells_for_it() -> None:
    """总计 printed as a table of its own below: each row prints six numbers, then the row break, then the next
    row's empty group cells; those are not its total, proven empty."""
    record, truth, paths = _table3(_edited(lambda lines, k, i: lines.pop(i + 6)))
    for p in paths:
        if record.provenance[p].status is Status.PROVEN:
            assert record.report.values()[p] == truth[p], p
    assert not any(record.provenance[p].status is Status.PROVEN for p in paths if p.endswith(".total"))


def test_table2_with_last_years_column_reads_this_years_cells() -> None:
    """表二 printed with 上年制发件数 between 本年制发件数 and 本年废止件数 (and 上年处理决定数量 after 本年处理决定数量): a row's
    extra cell is last year's, dropped by the header's place for it; 表二 has no identity to catch a shifted cell."""
    lines = _lines()
    t2 = lines.index("二、主动公开政府信息情况")
    t3 = lines.index("三、收到和处理政府信息公开申请情况")
    out: list[str] = []
    row = 0
    for k, line in enumerate(lines):
        out.append(line)
        if not t2 < k < t3:
            continue
        if line == "\t本年制发件数":
            out.append("\t上年制发件数")
        elif line == "\t本年处理决定数量":
            out.append("\t上年处理决定数量")
        elif line in ("\t规章", "\t行政规范性文件", "\t规范性文件", "\t行政许可", "\t行政处罚", "\t行政强制"):
            row = 1                      # the next line is the row's first cell: last year's follows it
        elif row and line.startswith("\t"):
            out.append(f"\t{77 + k % 5}")
            row = 0
    record = process_document(Document.from_text("\n".join(out), doc_id=STEM))
    truth = golden_report(STEM).values()
    for p in [q for q in truth if q.startswith("active_disclosure.") and not q.endswith("fees_10k_yuan")]:
        assert record.provenance[p].status is Status.PROVEN and record.report.values()[p] == truth[p], p


_T4_ROWS = {"administrative_review": (1, 2, 0, 2, 5), "litigation_direct": (2, 1, 0, 1, 4),
            "litigation_after_review": (0, 0, 0, 0, 0)}


def test_a_sum_row_under_table4s_three_rows_is_no_cell() -> None:
    """表四 as three rows of a label and five cells, and a 合计 row an agency added below them."""
    text = (GOLDEN / f"{STEM}.txt").read_text(encoding="utf-8")
    start, end = text.index("四、政府信息公开行政复议"), text.index("存在的主要问题及改进情况")
    labels = ("政府信息公开行政复议", "未经复议直接起诉", "行政诉讼（复议后起诉）", "合 计")
    rows = [*_T4_ROWS.values(), (3, 3, 0, 3, 9)]
    table = "\n".join(f"\t{label}\n" + "\n".join(f"\t{v}" for v in row) + "\n" for label, row in zip(labels, rows))
    text = (text[:start] + "四、政府信息公开行政复议、行政诉讼情况\n\n\t\n\t结果维持\n\t结果纠正\n\t其他结果\n\t尚未审结\n\t总计\n\n"
            + table + "\n" + text[end:])
    record = process_document(Document.from_text(text, doc_id=STEM))
    for group, row in _T4_ROWS.items():
        for column, value in zip(("upheld", "corrected", "other", "pending", "total"), row):
            path = f"review_litigation.{group}.{column}"
            assert (record.report.values()[path], record.provenance[path].status) == (value, Status.PROVEN), path


def _table4_rows(rows: list[tuple[str, tuple[int | None, ...]]]) -> str:
    """The golden report with 表四 printed a cell to a line: each row's label, then its cells (None: an empty cell)."""
    text = (GOLDEN / f"{STEM}.txt").read_text(encoding="utf-8")
    start, end = text.index("四、政府信息公开行政复议"), text.index("存在的主要问题及改进情况")
    table = "\n".join(f"\t{label}\n" + "\n".join("\t" if v is None else f"\t{v}" for v in row) + "\n"
                      for label, row in rows)
    return (text[:start] + "四、政府信息公开行政复议、行政诉讼情况\n\n\t\n\t结果维持\n\t结果纠正\n\t其他结果\n\t尚未审结\n"
            "\t总计\n\n" + table + "\n" + text[end:])


def test_a_groups_row_of_empty_cells_above_a_sum_row_keeps_its_place() -> None:
    """行政复议's row printed with five empty cells, then the two 行政诉讼 rows and their 合计: the empty row's
    cells are empty, and the fifteen numbers below it are not read as the table's fifteen cells."""
    direct, after = (4, 1, 0, 1, 6), (4, 0, 1, 2, 7)
    text = _table4_rows([("行政复议", (None,) * 5), ("未经复议直接起诉", direct), ("复议后起诉", after),
                         ("合计", tuple(a + b for a, b in zip(direct, after)))])
    record = process_document(Document.from_text(text, doc_id=STEM))
    for group, row in (("administrative_review", (None,) * 5), ("litigation_direct", direct),
                       ("litigation_after_review", after)):
        for column, value in zip(("upheld", "corrected", "other", "pending", "total"), row):
            path = f"review_litigation.{group}.{column}"
            assert record.report.values()[path] == value or record.provenance[path].status is not Status.PROVEN, path
    assert record.report.values()["review_litigation.litigation_after_review.total"] == 7


def test_a_tables_trailing_row_of_empty_cells_leaves_its_three_rows_read() -> None:
    """Word's HTML often ends a table with an empty row: five empty cells after the last group's numbers are no
    group's, and the three rows are read and proven."""
    rows = [("行政复议", (1, 2, 0, 2, 5)), ("行政诉讼（未经复议直接起诉）", (2, 1, 0, 1, 4)), ("行政诉讼（复议后起诉）", (0, 0, 0, 0, 0))]
    text = _table4_rows(rows)
    at = text.index("\t0\n\t0\n\t0\n\t0\n\t0\n", text.index("行政诉讼（复议后起诉）")) + len("\t0\n") * 5
    text = text[:at] + "\n\t\n\t\n\t\n\t\n\t\n" + text[at:]
    record = process_document(Document.from_text(text, doc_id=STEM))
    for group, (_, row) in zip(("administrative_review", "litigation_direct", "litigation_after_review"), rows):
        for column, value in zip(("upheld", "corrected", "other", "pending", "total"), row):
            path = f"review_litigation.{group}.{column}"
            assert (record.report.values()[path], record.provenance[path].status) == (value, Status.PROVEN), path


def test_fifteen_numbers_around_a_row_of_empty_cells_are_not_taken_for_the_fifteen_cells() -> None:
    """Twenty cells printed, five of them empty between the numbers, and a row the form does not have (last year's):
    which fifteen are the form's is not known, and no number is proven in a place it may not hold."""
    rows = [("行政复议", (None,) * 5), ("未经复议直接起诉", (4, 1, 0, 1, 6)), ("复议后起诉", (4, 0, 1, 2, 7)),
            ("上年度", (2, 0, 1, 0, 3))]
    record = process_document(Document.from_text(_table4_rows(rows), doc_id=STEM))
    shifted = {"review_litigation.administrative_review.upheld": 4, "review_litigation.litigation_after_review.total": 3}
    assert not [p for p, v in shifted.items()
                if record.report.values()[p] == v and record.provenance[p].status is Status.PROVEN]


def test_a_subtotal_column_before_the_total_is_no_cell() -> None:
    """法人或其他组织's five columns and their 小计 (合计 beside 总计), printed before 总计."""
    def subtotal(lines: list[str], k: int, i: int) -> None:
        lines.insert(i + 6, f"\t{sum(int(x[1:]) for x in lines[i + 1:i + 6])}")
    text = _edited(subtotal).replace("\t其他\n", "\t其他\n\t合计\n", 1)
    _all_read_and_proven(text)


def _total_first(lines: list[str], k: int, i: int) -> None:
    lines.insert(i, lines.pop(i + 6))                  # the row's total printed first


def _total_named_first(text: str) -> str:
    """The header with 总计 before 自然人."""
    return text.replace("\t总计\n\n", "\n", 1).replace("\t申请人情况\n", "\t申请人情况\n\t总计\n", 1)


def test_a_total_column_printed_first_is_read_as_the_total() -> None:
    text = _total_named_first(_edited(_total_first))
    _all_read_and_proven(text)


def test_a_header_naming_the_total_first_over_rows_whose_total_is_last_is_not_followed() -> None:
    """Rows that add up with their total last only (3 1 0 0 0 0 4): the header's order is wrong."""
    lines = _lines()
    i = _rows(lines)[0]
    lines[i + 1], lines[i + 6] = "\t1", f"\t{int(lines[i + 6][1:]) + 1}"      # 一、本年新收: 3 1 0 0 0 0 4
    text = _total_named_first("\n".join(lines))
    record, truth, paths = _table3(text)
    assert [record.report.values()[f"applications.new_received.{c}"] for c in APPLICANT_COLUMNS] == [3, 1, 0, 0, 0, 0, 4]


def test_a_header_naming_the_total_first_over_rows_that_add_up_either_way_is_followed_but_never_proven() -> None:
    """3 0 0 0 0 0 3: 3 natural persons (total last) or 3 others (total first); the column sums hold either
    way. The header says total first: read so, and the cells the two orders read differently are not proven."""
    record, truth, paths = _table3(_total_named_first("\n".join(_lines())))
    row = [f"applications.new_received.{c}" for c in APPLICANT_COLUMNS]
    assert [record.report.values()[p] for p in row] == [0, 0, 0, 0, 0, 3, 3]
    assert [record.provenance[p].status for p in row] == [Status.UNVERIFIED] + [Status.PROVEN] * 4 \
        + [Status.UNVERIFIED, Status.PROVEN]
    assert record.provenance[row[0]].rules == ["READ.COLUMN_ORDER"]


@pytest.mark.parametrize("label", ["（其中：网上申请）", "其中:通过网络申请", "（一）其中：依申请公开后转为主动公开"])
def test_a_row_of_which_an_agency_adds_under_a_row_is_no_row(label: str) -> None:
    """A 其中 row under 一、本年新收 (its own seven cells): its numbers are no other row's."""
    def sub_row(lines: list[str], k: int, i: int) -> None:
        if k == 0:
            lines[i + 7:i + 7] = ["", f"\t{label}", *[f"\t{v}" for v in (2, 0, 0, 0, 0, 0, 2)]]
    _all_read_and_proven(_edited(sub_row))


#: 表三 as a web page's table saved as tab rows: each group's title in the row of its first sub-row, that sub-row's
#: label opened by 其中 (the outcome rows without their （一）… numbers, （六）其他处理 one row of zeros)
_GROUP_TITLED = {"granted": "三、本年度办理结果\t予以公开", "partially_granted": "部分公开（区分处理的，只计这一情形，不计其他情形）",
                 "denied_state_secret": "不予公开\t其中：1.属于国家秘密", "unavailable_not_held": "无法提供\t其中：1.本机关不掌握相关政府信息",
                 "rejected_petition": "不予处理\t其中：1.信访举报投诉类申请", "total_processed": "合计"}


@pytest.mark.parametrize("numbered", [True, False], ids=["numbered", "unnumbered"])
def test_a_groups_first_row_that_其中_introduces_is_its_row(numbered: bool) -> None:
    """``不予公开 | 其中：1.属于国家秘密 | 0 …``: the 其中 opens the group's sub-rows, it adds no row; read as the form's
    row (it was taken for a row the agency adds: the four groups' first rows were lost, their cells queued)."""
    from llm_extract.synth.render import TABLE3_ROW_LABELS
    from tests.test_applicant_order import _report, _table

    table = _table()
    for row in ("other_no_correction", "other_unpaid_fee", "other_other"):       # （六）其他处理: one row of zeros
        table["total_processed"] = [t - v for t, v in zip(table["total_processed"], table[row])]
        table["carried_forward"] = [t + v for t, v in zip(table["carried_forward"], table[row])]
        table[row] = [0] * 7
    rows = []
    for row in APPLICATION_ROWS:
        if row in ("other_unpaid_fee", "other_other"):
            continue
        label = "其他处理" if row == "other_no_correction" else _GROUP_TITLED.get(row, TABLE3_ROW_LABELS[row][1])
        rows.append("\t".join([label if numbered else label.replace("其中：1.", "其中："), *map(str, table[row])]))
    header = ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况", "自然人\t法人或其他组织\t合计",
              "商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他"]
    text = _report(header, list(range(7)))
    start, end = text.index("一、本年新收"), text.index("\n", text.index("四、结转下年度"))
    record = process_document(Document.from_text(text[:start] + "\n".join(rows) + text[end:], doc_id="t"))
    for row in APPLICATION_ROWS:
        for c, column in enumerate(APPLICANT_COLUMNS):
            path = f"applications.{row}.{column}"
            assert (record.report.values()[path], record.provenance[path].status) == (table[row][c], Status.PROVEN), path


def test_a_total_column_after_table4s_three_groups_is_no_cell() -> None:
    """表四 as one row of fifteen and a sixteenth number: the groups' totals' sum, under a header 总计 of its own."""
    text = (GOLDEN / f"{STEM}.txt").read_text(encoding="utf-8")
    start, end = text.index("四、政府信息公开行政复议"), text.index("存在的主要问题及改进情况")
    head = ["行政复议", "行政诉讼", "总计", "", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉",
            "复议后起诉", "", *(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2)]
    cells = [v for row in _T4_ROWS.values() for v in row] + [9]
    table = "\n".join(f"\t{h}" if h else "" for h in head) + "\n\n" + "\n".join(f"\t{v}" for v in cells)
    text = text[:start] + "四、政府信息公开行政复议、行政诉讼情况\n\n" + table + "\n\n" + text[end:]
    record = process_document(Document.from_text(text, doc_id=STEM))
    for group, row in _T4_ROWS.items():
        for column, value in zip(("upheld", "corrected", "other", "pending", "total"), row):
            path = f"review_litigation.{group}.{column}"
            assert (record.report.values()[path], record.provenance[path].status) == (value, Status.PROVEN), path


def _tab_rows_total_first(values: dict) -> str:
    """The sample report with 表三 in tab-separated rows, each row's total (and the header's 总计) printed first."""
    from tests.fakeopenai import report_text
    lines = report_text(values).split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("本列数据的勾稽关系"))
    for i in range(start, start + 27):
        fields = lines[i].split("\t")
        if len(fields) == 8:
            lines[i] = "\t".join([fields[0], fields[7], *fields[1:7]])
    return "\n".join(lines)


def test_a_total_printed_first_in_tab_separated_rows_is_read_as_the_total() -> None:
    from tests.fakeopenai import sample_values
    values = sample_values()
    record = process_document(Document.from_text(_tab_rows_total_first(values), doc_id="d"))
    paths = [f"applications.{r}.{c}" for r in APPLICATION_ROWS for c in APPLICANT_COLUMNS]
    assert [p for p in paths if record.report.values()[p] != values[p]] == []
    assert [p for p in paths if record.provenance[p].status is not Status.PROVEN] == []


def test_a_tab_separated_row_whose_fields_hold_words_is_never_read_as_blank() -> None:
    """一 in a field where a number belongs (a count in Chinese numerals, one character): the row is not seven
    empty fields; it is left missing, never proven empty."""
    from tests.fakeopenai import report_text, sample_values
    values = sample_values()
    text = report_text(values).replace("二、上年结转政府信息公开申请数量\t2\t0\t0\t0\t0\t0\t2",
                                       "二、上年结转政府信息公开申请数量\t二\t十\t一\t一\t一\t一\t二", 1)
    record = process_document(Document.from_text(text, doc_id="d"))
    paths = [f"applications.carried_over.{c}" for c in APPLICANT_COLUMNS]
    assert not [p for p in paths if record.provenance[p].status is Status.PROVEN and record.report.values()[p] is None]


def test_a_row_number_field_before_the_next_rows_label_is_no_cell_of_the_row_above() -> None:
    """Tab-separated rows with a leading 序号 field and a trailing 备注 field: each row's seven cells beside its
    label; the next line's row number (before its label) is not an eighth."""
    from tests.fakeopenai import report_text, sample_values
    values = sample_values()
    lines = report_text(values).split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("本列数据的勾稽关系"))
    for k, i in enumerate(range(start + 1, start + 26)):
        lines[i] = f"{k + 1}\t{lines[i]}\t" + ("同比持平" if k % 4 == 0 else "")
    lines[start] = "序号\t" + lines[start] + "\t备注"
    record = process_document(Document.from_text("\n".join(lines), doc_id="d"))
    paths = [f"applications.{r}.{c}" for r in APPLICATION_ROWS for c in APPLICANT_COLUMNS]
    assert [p for p in paths if record.report.values()[p] not in (values[p], None)] == []
    assert [p for p in paths if record.report.values()[p] != values[p] and record.provenance[p].status is Status.PROVEN] == []
    assert sum(record.report.values()[p] == values[p] for p in paths) >= 0.9 * len(paths)


def test_a_subtotal_field_in_tab_separated_rows_is_no_cell() -> None:
    """Rows as a word processor's text export gives them (label, then fields), a 小计 field before 总计."""
    from tests.fakeopenai import report_text, sample_values
    values = sample_values()
    lines = report_text(values).split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("本列数据的勾稽关系"))
    for i in range(start, start + 27):
        fields = lines[i].split("\t")
        if len(fields) == 8:
            sub = "小计" if i == start else str(sum(int(x) for x in fields[2:7]))
            lines[i] = "\t".join([*fields[:7], sub, fields[7]])
    record = process_document(Document.from_text("\n".join(lines), doc_id="d"))
    paths = [f"applications.{r}.{c}" for r in APPLICATION_ROWS for c in APPLICANT_COLUMNS]
    assert [p for p in paths if record.report.values()[p] != values[p]] == []
    assert [p for p in paths if record.provenance[p].status is not Status.PROVEN] == []


@pytest.mark.parametrize("first", [False, True])
def test_last_years_figure_in_tab_separated_rows_with_empty_fields_is_no_cell(first: bool) -> None:
    """A word processor's text export of a table with a 上年数 field after 总计 (or before 自然人), some of this
    year's cells left empty and every row's last-year figure printed: each row's seven fields beside the
    added one, an empty field an empty cell."""
    from tests.fakeopenai import report_text, sample_values
    values = sample_values()
    lines = report_text(values).split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("本列数据的勾稽关系"))
    for k, i in enumerate(range(start, start + 26)):
        fields = lines[i].split("\t")
        if k and fields[3] == "0":                  # 科研机构 left empty where it is 0
            fields[3] = ""
            values[f"applications.{APPLICATION_ROWS[k - 1]}.research"] = None
        extra = "上年数" if i == start else str(k + 40)
        lines[i] = "\t".join([fields[0], extra, *fields[1:]] if first else [*fields, extra])
    record = process_document(Document.from_text("\n".join(lines), doc_id="d"))
    paths = [f"applications.{r}.{c}" for r in APPLICATION_ROWS for c in APPLICANT_COLUMNS]
    assert [p for p in paths if record.report.values()[p] != values[p]] == []
    assert [p for p in paths if values[p] is not None and record.provenance[p].status is not Status.PROVEN] == []


def test_a_rows_empty_total_beside_a_subtotal_column_is_not_the_subtotal() -> None:
    """A 合计 column before 总计 and a row whose 总计 is left empty, the next row's empty group cell after the row
    break: the row has its eight cells (the empty total its last), so the seventh, the 合计, is dropped; the
    empty total is never read as the 合计's 0."""
    def subtotal(lines: list[str], k: int, i: int) -> None:
        lines.insert(i + 6, f"\t{sum(int(x[1:]) for x in lines[i + 1:i + 6])}")
        if k == 2:                                  # （一）予以公开, its 总计 left empty
            lines[i + 7] = "\t"
    record, truth, paths = _table3(_edited(subtotal).replace("\t其他\n", "\t其他\n\t合计\n", 1))
    total = "applications.granted.total"
    assert not (record.provenance[total].status is Status.PROVEN and record.report.values()[total] is not None)
    for p in paths:
        if p != total and record.provenance[p].status is Status.PROVEN:
            assert record.report.values()[p] == truth[p], p


@pytest.mark.parametrize("ending", [["\t—"], ["\t—", "\t"]])
def test_a_placeholder_total_after_a_spacer_field_is_the_row_s_total(ending: list[str]) -> None:
    """Every row opens with an empty spacer field; one row prints its last cells as ``—`` (or ``—`` and an empty
    cell): its seven cells are those after the spacer, not the spacer's empty field and six more (natural_person
    proven null)."""
    rows = _rows(_lines())
    placeholder_row = next(k for k, i in enumerate(rows) if _lines()[i:i + 7] == ["\t0"] * 7)

    def edit(lines: list[str], k: int, i: int) -> None:
        if k == placeholder_row:
            lines[i + 7 - len(ending):i + 7] = ending
        lines.insert(i, "\t")
    record, truth, _ = _table3(_edited(edit))
    row = APPLICATION_ROWS[placeholder_row]
    nulls = APPLICANT_COLUMNS[7 - len(ending):]
    for c in APPLICANT_COLUMNS:
        p = f"applications.{row}.{c}"
        expected = None if c in nulls else truth[p]
        assert record.report.values()[p] == expected or record.provenance[p].status is not Status.PROVEN, p
    assert record.report.values()[f"applications.{row}.natural_person"] == truth[f"applications.{row}.natural_person"]


@pytest.mark.parametrize("name", ["web_seq_remark.html", "word_seq_spacer_remark.docx", "html2text_seq_remark.md"])
def test_row_numbers_and_remarks_leave_every_row_its_own_seven_cells(name: str) -> None:
    """A generated web page (GBK) whose 表三 has a 序号 column and a 备注 column, the remark words in some rows and
    empty in others; a generated Word file with a spacer column too, and a group's title between a row's number and
    its label; html2text's rows of such a table, each opening with its number: each row's cells are followed by its
    remark, then the next row's number. Every row reads its own seven cells; nothing is proven wrong."""
    import json
    from llm_extract.ingest import load
    page = Path(__file__).parent / "fixtures" / "layouts" / name
    truth = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))["applications"]
    record = process_document(load(page))
    for row in APPLICATION_ROWS:
        for c in APPLICANT_COLUMNS:
            p, want = f"applications.{row}.{c}", truth[row][c]
            assert record.report.values()[p] == want or record.provenance[p].status is not Status.PROVEN, p
    for c in APPLICANT_COLUMNS:                     # the first row: read (proven, or pinned by the identities)
        p = f"applications.new_received.{c}"
        assert record.report.values()[p] == truth["new_received"][c]
        assert record.provenance[p].status in (Status.PROVEN, Status.DERIVED), p
    paths = [(r, c) for r in APPLICATION_ROWS for c in APPLICANT_COLUMNS]
    assert sum(record.report.values()[f"applications.{r}.{c}"] == truth[r][c] for r, c in paths) >= 0.85 * len(paths)


def test_table2_with_a_running_total_column_reads_this_years_cells() -> None:
    """表二's stock rows printed with a fifth column an agency keeps, 累计制发件数 (documents issued to date) after
    现行有效件数: the row's last cell is that running total, dropped by the header's place for it; the three form
    columns before it are the row's cells, proven as printed."""
    lines = _lines()
    t2 = lines.index("二、主动公开政府信息情况")
    t3 = lines.index("三、收到和处理政府信息公开申请情况")
    out: list[str] = []
    left = 0
    for k, line in enumerate(lines):
        out.append(line)
        if not t2 < k < t3:
            continue
        if line == "\t现行有效件数":
            out.append("\t累计制发件数")
        elif line in ("\t规章", "\t行政规范性文件", "\t规范性文件"):
            left = 3                     # its three cells follow: the running total after them
        elif left and line.startswith("\t"):
            left -= 1
            if not left:
                out.append(f"\t{300 + k % 7}")
    assert any(line == "\t累计制发件数" for line in out)
    record = process_document(Document.from_text("\n".join(out), doc_id=STEM))
    truth = golden_report(STEM).values()
    for p in [q for q in truth if q.startswith("active_disclosure.")]:
        assert record.provenance[p].status is Status.PROVEN and record.report.values()[p] == truth[p], p


def _two_years_table2(rows: list[str]) -> str:
    return "\n".join(["青山区人民政府2023年政府信息公开工作年度报告", "", "二、主动公开政府信息情况", *rows,
                      "", "三、收到和处理政府信息公开申请情况", "略", ""])


_TWO_YEARS = {"active_disclosure.licensing": 45, "active_disclosure.punishment": 17,
              "active_disclosure.enforcement": 0}


@pytest.mark.parametrize("rows", [
    ["第二十条第（五）项", "信息内容\t2022年处理决定数量\t2023年处理决定数量", "行政许可\t900\t45",
     "第二十条第（六）项", "信息内容\t2022年处理决定数量\t2023年处理决定数量", "行政处罚\t3\t17", "行政强制\t128\t0"],
    ["第二十条第（五）项", "信息内容              2023年处理决定数量   2022年处理决定数量", "行政许可        45     900",
     "第二十条第（六）项", "信息内容              2023年处理决定数量   2022年处理决定数量", "行政处罚        17       3",
     "行政强制         0     128"],
    ["| 项目 | | |", "|---|---|---|", "| 第二十条第（五）项 | | |", "| 信息内容 | 2022年处理决定数量 | 2023年处理决定数量 |",
     "| 行政许可 | 900 | 45 |", "| 第二十条第（六）项 | | |", "| 信息内容 | 2022年处理决定数量 | 2023年处理决定数量 |",
     "| 行政处罚 | 3 | 17 |", "| 行政强制 | 128 | 0 |"],
], ids=["tabs", "fixed-width", "pipes"])
def test_table2_printed_for_two_years_reads_the_reports_years_column(rows: list[str]) -> None:
    """表二 with a column for each of two years, each named by its year (2022年处理决定数量 | 2023年处理决定数量): the column
    of the report's year (its title's, 2023) holds the cells; the other year's, before or after it, is no cell."""
    record = process_document(Document.from_text(_two_years_table2(rows), doc_id="two-years"))
    for path, value in _TWO_YEARS.items():
        assert record.report.values()[path] == value, path
        assert record.provenance[path].status is Status.PROVEN, path


def test_table2_printed_for_two_years_neither_the_reports_leaves_the_rows_unread() -> None:
    """Two years' columns and neither is the report's year: which is its own is not known, so no cell is read."""
    rows = ["第二十条第（五）项", "信息内容\t2021年处理决定数量\t2022年处理决定数量", "行政许可\t900\t45"]
    record = process_document(Document.from_text(_two_years_table2(rows), doc_id="two-years"))
    assert record.report.values()["active_disclosure.licensing"] is None
    assert record.provenance["active_disclosure.licensing"].status is not Status.PROVEN


def test_table2_with_this_years_column_and_one_named_by_another_year_reads_this_years() -> None:
    """``本年处理决定数量`` beside ``2022年处理决定数量`` (in either order): the form's word names this year's column."""
    for header, row in (("信息内容\t本年处理决定数量\t2022年处理决定数量", "行政许可\t45\t900"),
                        ("信息内容\t2022年处理决定数量\t本年处理决定数量", "行政许可\t900\t45")):
        record = process_document(Document.from_text(_two_years_table2(["第二十条第（五）项", header, row]),
                                                     doc_id="two-years"))
        assert record.report.values()["active_disclosure.licensing"] == 45, header
        assert record.provenance["active_disclosure.licensing"].status is Status.PROVEN, header
