"""表三 printed as bands of columns: each column's cells for a band of rows a group of lines of their own.

``pdftotext`` (default mode) prints a wide table's rows labels first, then, band by band (一、 and 二、;
then （一） and （二）; then （三）'s eight rows …), each column's numbers one to a line and a blank line
after them, the column headers before the first band's groups, and all of it possibly after 表四's
heading. The bands are read left to right, the page's order of the columns, which the identities cannot
check: never proven, but for the cells no order of the six applicant columns changes.
"""

from __future__ import annotations

from llm_extract.evidence import Method, Status
from llm_extract.extract.colgroups import labels_fit, read_column_groups
from llm_extract.form import FORM
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document

_ROWS = [r.key for r in FORM.table3_rows]
_LABELS = [r.label for r in FORM.table3_rows]
_HEADERS = [c.label for c in FORM.table3_columns]
_COLS = [c.key for c in FORM.table3_columns]
#: 表四's fifteen cells, printed after its heading (a table of column groups read there must leave them to it)
_T4_ZEROS = ["0"] * 15
#: the bands of rows as a page's row heights may group them
_BANDS = (2, 2, 8, 3, 5, 5)


def _table() -> dict[str, list[int]]:
    """A table whose every identity holds: 7 + 1 new and carried (自然人), 2 new (法律服务机构)."""
    t = {r: [0] * 7 for r in _ROWS}
    t["new_received"][0], t["carried_over"][0], t["granted"][0], t["unavailable_not_held"][0] = 7, 1, 4, 1
    t["new_received"][4], t["granted"][4] = 2, 2
    t["total_processed"] = [sum(t[r][c] for r in _ROWS[2:23]) for c in range(6)] + [0]
    t["carried_forward"] = [t["new_received"][c] + t["carried_over"][c] - t["total_processed"][c] for c in range(6)] + [0]
    for r in _ROWS:
        t[r][6] = sum(t[r][:6])
    return t


def _text(t: dict[str, list[int]], headers_inside: bool = True) -> list[str]:
    lines = ["2022年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况", *_LABELS,
             "", "四、政府信息公开行政复议、行政诉讼情况", ""]
    if not headers_inside:
        lines += [*_HEADERS, ""]
    first = 0
    for k in _BANDS:
        for c in range(7):
            if headers_inside and first == 0:
                lines.append(_HEADERS[c])
            lines += [str(t[r][c]) for r in _ROWS[first:first + k]] + [""]
        first += k
    return lines + ["行政复议", "结果维持", *_T4_ZEROS, "五、存在的主要问题及改进情况", "无。"]


def test_bands_of_column_groups_are_read_row_by_row_in_the_forms_order() -> None:
    t = _table()
    for inside in (True, False):
        readings = read_column_groups(_text(t, headers_inside=inside))
        assert readings is not None
        for r in _ROWS:
            assert [readings[f"applications.{r}.{c}"].value for c in _COLS] == t[r], r
        assert all(x.method == Method.FORM_ORDER_RUNS for x in readings.values())


def test_a_cell_that_breaks_an_identity_leaves_the_table_unread() -> None:
    lines = _text(_table())
    lines[lines.index("7")] = "8"             # new_received's 自然人: its row sum breaks
    assert read_column_groups(lines) is None


def test_a_group_of_another_size_leaves_the_table_unread() -> None:
    lines = _text(_table())
    at = lines.index("商业企业") + 1
    lines.insert(at, "0")                    # 商业企业 three numbers in a band of two rows
    assert read_column_groups(lines) is None


def test_text_between_a_later_bands_groups_leaves_the_table_unread() -> None:
    lines = _text(_table())
    lines.insert(lines.index("商业企业") + 30, "附注")         # inside the second band
    assert read_column_groups(lines) is None


def test_the_applicant_columns_so_placed_are_never_proven_the_totals_are() -> None:
    record = process_document(Document.from_text("\n".join(_text(_table())), doc_id="bands"))
    assert record.report.get("applications.new_received.natural_person") == 7
    assert record.provenance["applications.new_received.natural_person"].status is not Status.PROVEN
    assert record.report.get("applications.total_processed.total") == 7
    assert record.provenance["applications.total_processed.total"].status is Status.PROVEN
    # 一、本年新收 (9) and 二、上年结转 (1) trade places keeping every identity, as （一）予以公开 (6) and the other
    # outcome rows do: read down the columns, the tool's order put them so
    assert record.provenance["applications.new_received.total"].status is not Status.PROVEN
    assert record.provenance["applications.granted.total"].status is not Status.PROVEN


def test_text_before_a_bands_first_group_is_a_page_break_the_table_reads() -> None:
    t = _table()
    lines = _text(t)
    lines.insert(lines.index("自然人") + 28, "第2页")              # before the second band's first group
    lines.insert(lines.index("自然人") + 29, "申请人情况")
    readings = read_column_groups(lines)
    assert readings is not None
    assert [readings[f"applications.granted.{c}"].value for c in _COLS] == t["granted"]


def _blocks_text(t: dict[str, list[int]]) -> list[str]:
    """The table printed as blocks of neighbouring columns (Chromium's small landscape page): 自然人 … 社会公益组织
    band by band (21 rows, then 4), 法律服务机构's 25 cells as one group, then 其他 and 总计 band by band."""
    lines = ["2022年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况", *_LABELS, ""]
    for block in ((0, 1, 2, 3), (4,), (5, 6)):
        lines += [_HEADERS[c] for c in block] + [""]
        for first, k in (((0, 25),) if len(block) == 1 else ((0, 21), (21, 4))):
            for c in block:
                lines += [str(t[r][c]) for r in _ROWS[first:first + k]] + [""]
    return lines + ["四、政府信息公开行政复议、行政诉讼情况", "行政复议", "结果维持", *_T4_ZEROS, "五、存在的主要问题及改进情况", "无。"]


def test_blocks_of_neighbouring_columns_each_read_as_bands_left_to_right() -> None:
    t = _table()
    assert read_column_groups(_blocks_text(t)) is None      # (only as the weaker reading)
    readings = read_column_groups(_blocks_text(t), blocks=True)
    assert readings is not None
    for r in _ROWS:
        assert [readings[f"applications.{r}.{c}"].value for c in _COLS] == t[r], r
    assert all(x.method == Method.FORM_ORDER_RUNS for x in readings.values())


def test_a_row_label_before_a_band_names_one_of_its_rows() -> None:
    duplicate = _ROWS.index("rejected_duplicate")
    assert labels_fit(["2.重复申请"], duplicate, 1)
    assert labels_fit(["1.信访举报投诉类申请", "2.重复申请"], duplicate, 1)     # (a label after its own numbers)
    assert not labels_fit(["2.重复申请"], duplicate + 1, 1)                       # the band one row off
    assert labels_fit(["自然人", "总计"], duplicate + 1, 1)                        # headers name no row



def test_other_handling_printed_as_one_row_leaves_23_rows_read_as_bands() -> None:
    t = _table()
    t["other_other"] = [1, 0, 0, 0, 0, 0, 1]               # （六）其他处理's one row: 1 by a natural person
    t["granted"] = [3, 0, 0, 0, 2, 0, 5]
    rows = [r for r in _ROWS if r not in ("other_no_correction", "other_unpaid_fee")]
    labels = [r.label if r.key != "other_other" else "（六）其他处理" for r in FORM.table3_rows if r.key in rows]
    lines = ["2022年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况", *labels, "", *_HEADERS, ""]
    first = 0
    for k in (2, 2, 8, 3, 5, 3):
        for c in range(7):
            lines += [str(t[r][c]) for r in rows[first:first + k]] + [""]
        first += k
    lines += ["四、政府信息公开行政复议、行政诉讼情况", "行政复议", "结果维持", *_T4_ZEROS, "五、存在的主要问题及改进情况", "无。"]
    readings = read_column_groups(lines)
    assert readings is not None
    for r in rows[:-3]:
        assert [readings[f"applications.{r}.{c}"].value for c in _COLS] == t[r], r
    assert [readings[f"applications.total_processed.{c}"].value for c in _COLS] == t["total_processed"]
    assert readings["applications.other_no_correction.natural_person"].value is None     # not printed
    assert read_column_groups(lines[:4] + ["1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"]
                              + lines[4:]) is None        # a sub-row's label printed: 25 rows, not 23


def _zeros_text(blank_row: str | None, t4: str) -> list[str]:
    """A table of 0s printed a cell to a group (pdf2txt.py's boxes: each number alone, a blank line after it), its
    rows in the form's order, ``blank_row`` printed as empty cells (nothing at all); then 表四's heading and ``t4``'s
    numbers the same way."""
    lines = ["2022年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况", *_LABELS, "", *_HEADERS, ""]
    for r in _ROWS:
        if r != blank_row:
            lines += ["0", ""] * 7
    return lines + ["四、政府信息公开行政复议、行政诉讼情况", "行政复议", "结果维持", "", *(x for n in t4.split()
                                                                               for x in (n, "")),
                    "五、存在的主要问题及改进情况", "无。"]


def test_a_row_printed_as_empty_cells_is_not_made_of_table4s_numbers() -> None:
    """A table of 0s with a row of empty cells holds seven numbers too few: a window running on past 表四's
    heading takes seven of 表四's for them, and every identity holds (all 0). 表四's fifteen must all be left to
    it: the table is not read so (its cells are not known to be 0)."""
    assert read_column_groups(_zeros_text(None, " ".join(["0"] * 15))) is not None
    assert read_column_groups(_zeros_text("unavailable_unclear", " ".join(["0"] * 15))) is None


def test_a_table_printed_after_table_fours_heading_leaves_it_its_fifteen_cells() -> None:
    """pdf2txt.py may print 表三's column groups after 表四's heading: there too a row printed as empty cells must not
    be made of 表四's 0s."""
    def text(blank_row: str | None) -> list[str]:
        lines = _zeros_text(blank_row, " ".join(["0"] * 15))
        at = lines.index("四、政府信息公开行政复议、行政诉讼情况")
        first = lines.index(_HEADERS[-1]) + 2          # (the first group of 表三's numbers)
        return lines[:first] + [lines[at]] + lines[first:at] + lines[at + 1:]
    assert read_column_groups(text(None)) is not None
    assert read_column_groups(text("unavailable_unclear")) is None
