"""表三 read in the form's order: text tools that print a ruled table's cells away from their labels.

The fixtures are two tools' text of one real published report (tests/fixtures/pdf/huaian-2024, its
true values beside them):

* ``pdftotext_real_labels_after_numbers`` (``pdftotext``, default mode): most rows as a label and its
  seven numbers, one per line; （一）予以公开 and （二）部分公开, wrapped in a group's merged cell, and
  the labels of （五）5 and （六）, printed after the table's numbers;
* ``pdf2txt_real_pages_by_column`` (pdfminer's ``pdf2txt.py``): each page's labels first, then that
  page's numbers column by column (13 rows on one page, 12 on the next).

In both, the numbers between 表三's heading and 表四's are exactly the table's 175 cells in the form's
order. They are placed by that order only when every identity holds and every label printed in the
region agrees; anything less leaves 表三 to the other readers (missing, queued), never shifted.
"""

from __future__ import annotations

import pytest

from llm_extract.evidence import CellKind, Method, Reading, Status
from llm_extract.extract.formorder import read_form_order
from llm_extract.form import FORM
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE3_PATHS
from tests.block_fixtures import fixture_text, fixture_truth, truth_value
from verify.guesses import COLUMN_RUNS_RULE, guessed

_BY_ROWS = "pdftotext_real_labels_after_numbers"
_BY_COLUMNS = "pdf2txt_real_pages_by_column"


@pytest.mark.parametrize("name", [_BY_ROWS, _BY_COLUMNS])
def test_every_table3_cell_is_read_in_the_forms_order_and_proven(name: str) -> None:
    record = process_document(Document.from_text(fixture_text(name), doc_id=name))
    truth = fixture_truth(name)
    for path in TABLE3_PATHS:
        assert record.report.get(path) == truth_value(truth, path), path
        assert record.provenance[path].status is Status.PROVEN, path
        assert record.provenance[path].method == Method.FORM_ORDER, path


@pytest.mark.parametrize("name", [_BY_ROWS, _BY_COLUMNS])
def test_a_lost_number_leaves_the_table_unread(name: str) -> None:
    lines = fixture_text(name).split("\n")
    lines.remove("3119")                     # new_received's total: 174 numbers are left
    assert read_form_order(lines) is None


@pytest.mark.parametrize("name", [_BY_ROWS, _BY_COLUMNS])
def test_a_number_that_breaks_an_identity_leaves_the_table_unread(name: str) -> None:
    lines = fixture_text(name).split("\n")
    lines[lines.index("746")] = "747"       # unavailable_not_held's 自然人: its row sum and column sum break
    assert read_form_order(lines) is None


def test_by_rows_a_label_printed_before_other_rows_numbers_leaves_the_table_unread() -> None:
    lines = fixture_text(_BY_ROWS).split("\n")
    a, b = lines.index("2.重复申请"), lines.index("3.要求提供公开出版物")
    lines[a], lines[b] = lines[b], lines[a]  # the two rows' numbers now follow the other's label
    assert read_form_order(lines) is None


def test_by_columns_labels_out_of_the_forms_order_leave_the_table_unread() -> None:
    lines = fixture_text(_BY_COLUMNS).split("\n")
    a, b = lines.index("1.属于国家秘密"), lines.index("2.其他法律行政法规禁止公开")
    lines[a], lines[b] = lines[b], lines[a]  # the page's rows were printed in another order
    assert read_form_order(lines) is None


def test_rows_printed_by_column_are_not_read_as_rows() -> None:
    """The same numbers read row by row break the row sums: only the reading by blocks holds."""
    readings = read_form_order(fixture_text(_BY_COLUMNS).split("\n"))
    assert readings is not None
    assert [readings[f"applications.new_received.{c}"].value for c in
            ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total")] \
        == [3001, 53, 0, 0, 61, 4, 3119]


@pytest.mark.parametrize("name", [_BY_ROWS, _BY_COLUMNS])
def test_a_row_whose_label_is_not_found_leaves_the_table_unread(name: str) -> None:
    """Every row's label must be printed somewhere in the region: an unrecognised one may be a row the
    form does not have, standing where one of its rows should be."""
    lines = fixture_text(name).split("\n")
    lines[lines.index("4.保护第三方合法权益")] = "4.保护他人合法权益"
    assert read_form_order(lines) is None


def test_a_label_wrapped_over_two_lines_names_its_row() -> None:
    """pdf2txt.py wraps a narrow label cell (``3.要求提供公开出版`` / ``物``): the two lines together name the row."""
    lines = fixture_text(_BY_COLUMNS).split("\n")
    at = lines.index("3.要求提供公开出版物")
    lines[at:at + 1] = ["3.要求提供公开出版", "物"]
    readings = read_form_order(lines)
    assert readings is not None
    assert all(r.method == Method.FORM_ORDER for r in readings.values())


def _number_lines(lines: list[str]) -> list[int]:
    heading = next(i for i, line in enumerate(lines) if line.startswith("三、收到和处理"))
    return [i for i in range(heading, len(lines)) if lines[i].strip().isdigit()]


def test_columns_parted_into_runs_by_text_are_read_but_never_proven() -> None:
    """A page's thirteen rows printed column by column, a header's piece between its third and fourth
    columns: the runs are whole columns and every identity holds, but the six applicant columns in another
    order would hold as well, and the tool chose the order (READ.COLUMN_RUNS). A cell no such order changes
    (the total column, pinned by the row sums; a row whose six applicant cells read alike) is left to the
    identities; but for rows that trade places keeping every identity (一、本年新收 and 二、上年结转; the 21 outcome
    rows), read down the columns: a cell of theirs another such row reads otherwise is the tool's order too."""
    name = _BY_COLUMNS
    lines = fixture_text(name).split("\n")
    lines.insert(_number_lines(lines)[13 * 3], "其他")
    readings = read_form_order(lines)
    assert readings is not None and all(r.method == Method.FORM_ORDER_RUNS for r in readings.values())
    record = process_document(Document.from_text("\n".join(lines), doc_id=name))
    truth = fixture_truth(name)
    free = 0
    for path in TABLE3_PATHS:
        assert record.report.get(path) == truth_value(truth, path), path
        row = path.split(".")[1]
        alike = len({record.report.get(f"applications.{row}.{c.key}") for c in FORM.table3_columns[:6]}) == 1
        col = path.split(".")[2]
        moved = any(row in rows and len({record.report.get(f"applications.{r}.{col}") for r in rows}) > 1
                    for rows in (("new_received", "carried_over"), FORM.table3_outcome_rows))
        if not (path.endswith(".total") or alike):
            assert record.provenance[path].status is not Status.PROVEN, path
            assert "READ.COLUMN_RUNS" in record.provenance[path].rules, path
        elif not moved:      # (a moved one is proven only where its partners read down other lines: another page)
            free += 1
            assert record.provenance[path].status is Status.PROVEN, path
    assert free >= 5        # （七）总计 and 四、结转下年度, which no other row stands in for, at least


def test_a_column_parted_inside_by_text_is_read_in_printed_order_but_never_proven() -> None:
    """(pdfminer boxes a column's first cells with the labels beside them, the rest of the column apart:
    40 and 51 numbers, no run whole columns of 13.) Tried only when no reading of whole columns holds."""
    lines = fixture_text(_BY_COLUMNS).split("\n")
    lines.insert(_number_lines(lines)[13 * 3 + 1], "其他")
    readings = read_form_order(lines)
    assert readings is not None and all(r.method == Method.FORM_ORDER_RUNS for r in readings.values())
    truth = fixture_truth(_BY_COLUMNS)
    assert all(readings[p].value == truth_value(truth, p) for p in TABLE3_PATHS)


def test_a_columns_piece_printed_out_of_its_place_leaves_the_table_unread() -> None:
    lines = fixture_text(_BY_COLUMNS).split("\n")
    numbers = _number_lines(lines)
    piece = [lines[i] for i in numbers[:2]]           # 自然人's first two cells, after the next column
    for i in numbers[:2]:
        lines[i] = ""
    lines[numbers[13 * 2]:numbers[13 * 2]] = ["其他", *piece, "其他"]
    assert read_form_order(lines) is None


@pytest.mark.parametrize("name", [_BY_ROWS, _BY_COLUMNS])
def test_a_preamble_naming_the_sections_in_a_list_is_not_the_tables_heading(name: str) -> None:
    """``本报告包括总体情况、主动公开政府信息情况、`` / ``收到和处理政府信息公开申请情况、政府信息公开行政复议…``:
    the table starts at its own heading, not at the preamble's line (表二's numbers are not 表三's)."""
    lines = fixture_text(name).split("\n")
    lines[0:0] = ["本报告包括总体情况、主动公开政府信息情况、",
                  "收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问", "题及改进情况"]
    readings = read_form_order(lines)
    assert readings is not None and all(r.method == Method.FORM_ORDER for r in readings.values())


@pytest.mark.parametrize("name", [_BY_ROWS, _BY_COLUMNS])
def test_table2s_last_cells_printed_after_table3s_heading_are_not_table3s(name: str) -> None:
    """pdftotext may print 表二's last header and its number after 表三's heading (``本年收费金额（单位：万元）`` /
    ``0``): numbers under a 表二 column header, before any of 表三's labels, are not 表三's cells."""
    lines = fixture_text(name).split("\n")
    heading = next(i for i, line in enumerate(lines) if line.startswith("三、收到和处理"))
    lines[heading + 1:heading + 1] = ["本年收费金额（单位：万元）", "0", "现行有效件数", "12", "7"]
    readings = read_form_order(lines)
    assert readings is not None and all(r.method == Method.FORM_ORDER for r in readings.values())


@pytest.mark.parametrize("name", [_BY_ROWS, _BY_COLUMNS])
def test_a_bare_page_number_at_the_foot_of_a_page_is_no_cell(name: str) -> None:
    """pdftotext prints a page's footer last, before the form feed: a bare ``2`` at the foot of page 2
    among 表三's numbers is the page's number, not a cell."""
    lines = fixture_text(name).split("\n")
    at = _number_lines(lines)[50]
    page = sum(line.count("\x0c") for line in lines[:at]) + 1
    lines[at] = "\x0c" + lines[at]
    lines[at:at] = [str(page), ""]
    readings = read_form_order(lines)
    assert readings is not None and all(r.method == Method.FORM_ORDER for r in readings.values())


def test_a_number_at_the_foot_of_a_page_that_is_not_its_number_is_a_cell() -> None:
    lines = fixture_text(_BY_ROWS).split("\n")
    at = _number_lines(lines)[50]
    page = sum(line.count("\x0c") for line in lines[:at]) + 1
    lines[at] = "\x0c" + lines[at]
    lines[at:at] = [str(page + 7), ""]
    assert read_form_order(lines) is None


@pytest.mark.parametrize("name", [_BY_ROWS, _BY_COLUMNS])
def test_a_generic_column_header_names_its_column_with_a_number_that_is_no_cell(name: str) -> None:
    """表三's header replaced by generic words (``数据 1`` … ``数据 6``, one to a line, as pdf2txt.py prints its
    boxes): their numbers name the columns, they are none of the table's 175 cells."""
    lines = fixture_text(name).split("\n")
    heading = next(i for i, line in enumerate(lines) if line.startswith("三、收到和处理"))
    lines[heading + 1:heading + 1] = [x for i in range(1, 7) for x in (f"数据 {i}", "")]
    readings = read_form_order(lines)
    assert readings is not None and all(r.method == Method.FORM_ORDER for r in readings.values())


def test_the_other_handling_groups_label_wrapped_after_its_item_number_names_no_row() -> None:
    """pdf2txt.py may wrap the group's label as ``（六）其他`` / ``处理`` (rather than ``（六）其`` / ``他处理``):
    its first piece is the group's, not 3.其他's label printed before its sub-rows'."""
    lines = fixture_text(_BY_COLUMNS).split("\n")
    at = lines.index("（六）其")
    lines[at], lines[at + 2] = "（六）其他", "处理"
    readings = read_form_order(lines)
    assert readings is not None and all(r.method == Method.FORM_ORDER for r in readings.values())


def test_a_pages_cells_printed_after_table4s_heading_are_table3s() -> None:
    """pdf2txt.py may print a page's part of 表三 after 表四's heading, before 表四's own header words (its
    boxes grouped with that page's): the region up to 表四's first header word holds the table. They are
    never 表四's: a number after them is."""
    lines = fixture_text(_BY_COLUMNS).split("\n")
    heading = next(i for i, line in enumerate(lines) if line.startswith("四、政府信息公开"))
    last = [i for i in _number_lines(lines) if i < heading][-12 * 7:]     # the second page's 12 rows
    moved = [lines[i] for i in last]
    for i in reversed(last):
        del lines[i]
    heading -= len(last)
    lines[heading + 1:heading + 1] = [x for number in moved for x in ("", number)]
    readings = read_form_order(lines)
    truth = fixture_truth(_BY_COLUMNS)
    assert readings is not None
    assert all(readings[p].value == truth_value(truth, p) for p in TABLE3_PATHS)


def test_a_table_of_zeros_and_blanks_printed_apart_from_its_labels_is_read_but_no_cell_proven() -> None:
    """Every label first, then the numbers a column at a time (pdftotext's default mode on a landscape page: a
    band of 21 rows under generic headers 数据1 …, then the last four rows' columns in groups of four): with
    zeros and blanks only, every identity holds whichever order the numbers are taken in, by rows or by
    columns, so the order printed places no cell (a table of no applications, 无 and 0 mixed)."""
    labels = [r.label for r in FORM.table3_rows]
    cell = lambda r, c: "0" if (r * 3 + c * 5) % 4 == 0 else "无"     # noqa: E731
    band = "\n\n".join(f"数据{c + 1}\n" + "\n".join(cell(r, c) for r in range(21)) for c in range(7))
    rest = "\n\n".join("\n".join(cell(r, c) for r in range(21, 25)) for c in range(7))
    text = ("某县2023年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n" + "\n".join(labels) + "\n\n"
            + band + "\n" + rest + "\n\n四、政府信息公开行政复议、行政诉讼情况\n"
            + "本年度未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。\n五、存在的主要问题及改进情况\n无。\n")
    readings = read_form_order(text.split("\n"))
    assert readings is not None and {r.method for r in readings.values()} == {Method.FORM_ORDER_APART}
    record = process_document(Document.from_text(text, doc_id="d"))
    assert not [p for p in TABLE3_PATHS if record.provenance[p].status is Status.PROVEN]


def test_a_table_printed_as_one_block_with_its_total_column_elsewhere_has_it_where_the_row_sums_find_it() -> None:
    """pdfminer prints a one-page table's columns in an order of its own (总计 fourth): the row sums find
    the total column; the six applicant columns stay in printed order, which no identity checks (never
    proven but for the totals and the rows whose applicant cells read alike)."""
    values = {r.key: [0] * 7 for r in FORM.table3_rows}
    for row, n in (("new_received", 3), ("granted", 2), ("denied_third_party", 1), ("total_processed", 3)):
        values[row] = [n, 0, 0, 0, 0, 0, n]
    values["new_received"][4], values["carried_forward"] = 1, [0, 0, 0, 0, 1, 0, 1]
    values["new_received"][6] = 4
    order = (0, 1, 2, 6, 3, 4, 5)
    lines = ["某县2023年政府信息公开工作年度报告", "", "三、收到和处理政府信息公开申请情况", ""]
    lines += [x for r in FORM.table3_rows for x in (r.label, "")]
    lines += [x for c in order for r in FORM.table3_rows for x in (str(values[r.key][c]), "")]
    lines += ["四、政府信息公开行政复议、行政诉讼情况", "", "本年度未发生行政复议、行政诉讼。", "", "五、存在的主要问题及改进情况", "", "无。"]
    readings = read_form_order(lines)
    assert readings is not None and {r.method for r in readings.values()} == {Method.FORM_ORDER_RUNS}
    assert all(readings[f"applications.{row}.{c.key}"].value == values[row][i]
               for row in values for i, c in enumerate(FORM.table3_columns))
    record = process_document(Document.from_text("\n".join(lines), doc_id="d"))
    assert record.provenance["applications.total_processed.total"].status is Status.PROVEN
    assert record.provenance["applications.new_received.natural_person"].status is not Status.PROVEN
    # 一、本年新收 (4) and 二、上年结转 (0) trade places keeping every identity: the column's order is the tool's
    assert record.provenance["applications.new_received.total"].status is not Status.PROVEN


def test_the_total_column_of_a_table_read_in_form_order_with_a_row_unread_is_not_order_free() -> None:
    """pdftotext's default text: 一、本年新收 printed 583 …, 二、上年结转 printed nothing, both labels before the
    numbers. Read in the form's order with one row left unread, which of the two rows (alike in every identity)
    holds the numbers is the reader's guess: their total column is no more proven than their other cells."""
    def runs(value: int) -> Reading:
        return Reading(value, CellKind.NUMBER if value else CellKind.ZERO, str(value), [1], Method.FORM_ORDER_RUNS)

    twins = ("applications.new_received.", "applications.carried_over.")
    readings = {p: runs(583 if p.startswith(twins) else 0) for p in TABLE3_PATHS}
    assert "applications.carried_over.total" not in guessed(readings)     # every row read: the row sums pin it
    for p in [p for p in TABLE3_PATHS if p.startswith("applications.new_received.")]:
        readings[p] = Reading(None, CellKind.MISSING, "", [1], Method.FORM_ORDER_RUNS)
    assert guessed(readings)["applications.carried_over.total"] == COLUMN_RUNS_RULE
