"""表三's lower rows printed as bands of column groups, its first rows printed elsewhere.

``pdftotext`` (default mode) prints a wide table band by band, each column's cells of a band a group of
lines, but the tall first rows (一、 and 二、) otherwise: some of their cells beside 表二's numbers, a column's
first cells with the next band's. The bands from （一）予以公开 down to the table's end are read, upwards
from the end; the first rows are left unread; nothing so placed in an applicant column is proven.
"""

from __future__ import annotations

from llm_extract.evidence import Method, Status
from llm_extract.extract.colgroups import read_column_groups
from llm_extract.extract.coltail import read_column_tail
from llm_extract.form import FORM
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document

_ROWS = [r.key for r in FORM.table3_rows]
_LABELS = [r.label for r in FORM.table3_rows]
_HEADERS = [c.label for c in FORM.table3_columns]
_COLS = [c.key for c in FORM.table3_columns]
#: the bands of rows below 一、 and 二、, as a page's row heights may group them
_BANDS = (2, 8, 3, 5, 1, 1, 3)


def _table() -> dict[str, list[int]]:
    """A table whose every identity holds, 自然人 and 法律服务机构 not all 0."""
    t = {r: [0] * 7 for r in _ROWS}
    t["new_received"][0], t["carried_over"][0], t["granted"][0], t["unavailable_not_held"][0] = 7, 1, 4, 1
    t["denied_third_party"][0], t["new_received"][4], t["granted"][4] = 1, 2, 2
    t["total_processed"] = [sum(t[r][c] for r in _ROWS[2:23]) for c in range(6)] + [0]
    t["carried_forward"] = [t["new_received"][c] + t["carried_over"][c] - t["total_processed"][c] for c in range(6)] + [0]
    for r in _ROWS:
        t[r][6] = sum(t[r][:6])
    return t


def _text(t: dict[str, list[int]], bands: tuple[int, ...] = _BANDS, labels: bool = False) -> list[str]:
    """The first rows' cells scattered (a column's two cells, then one lone cell, then the rest on a line
    with 表二's words), the rows below as bands of column groups, optionally each band's labels before it."""
    lines = ["2022年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况", *_LABELS[:2], "",
             str(t["new_received"][0]), str(t["carried_over"][0]), "", str(t["new_received"][1]), "",
             "本年处理决定数量 " + " ".join(str(v) for v in t["new_received"][2:] + t["carried_over"][1:]), "",
             *_HEADERS, ""]
    first = len(_ROWS) - sum(bands)
    for k in bands:
        if labels:
            lines += _LABELS[first:first + k] + [""]
        for c in range(7):
            lines += [str(t[r][c]) for r in _ROWS[first:first + k]] + [""]
        first += k
    return lines + ["四、政府信息公开行政复议、行政诉讼情况", "行政复议", "结果维持", "0", "五、存在的主要问题及改进情况", "无。"]


def test_the_bands_below_the_first_rows_are_read_upwards_from_the_tables_end() -> None:
    t = _table()
    for labels in (False, True):
        lines = _text(t, labels=labels)
        assert read_column_groups(lines) is None           # (the first rows are no band)
        readings = read_column_tail(lines)
        assert readings is not None
        for r in _ROWS[2:]:
            assert [readings[f"applications.{r}.{c}"].value for c in _COLS] == t[r], r
        assert not any(f"applications.{r}.{c}" in readings for r in _ROWS[:2] for c in _COLS)
        assert all(x.method == Method.FORM_ORDER_RUNS for x in readings.values())


def test_a_chain_that_misses_an_outcome_row_is_not_read() -> None:
    t = _table()
    lines = _text(t, bands=_BANDS[1:])                      # （一） and （二） printed elsewhere: the column sums unchecked
    assert read_column_tail(lines) is None


def test_a_cell_that_breaks_a_column_sum_leaves_the_rows_unread() -> None:
    t = _table()
    t["denied_third_party"][0] = 2                          # 自然人's outcomes no longer sum to （七）总计
    t["denied_third_party"][6] = 2
    assert read_column_tail(_text(t)) is None


def test_labels_before_a_band_that_name_none_of_its_rows_leave_it_unread() -> None:
    t = _table()
    lines = _text(t, labels=True)
    at = lines.index(_LABELS[4])                            # 1.属于国家秘密, before the band of eight rows
    lines[at:at + 8] = _LABELS[12:20]                       # the labels of rows the band is not
    assert read_column_tail(lines) is None


def test_the_first_rows_stay_unread_and_the_applicant_columns_are_never_proven() -> None:
    t = _table()
    record = process_document(Document.from_text("\n".join(_text(t)), doc_id="tail"))
    assert record.report.get("applications.granted.natural_person") == 4
    assert record.provenance["applications.granted.natural_person"].status is not Status.PROVEN
    assert record.report.get("applications.granted.total") == 6
    assert record.provenance["applications.new_received.natural_person"].status is not Status.PROVEN


def _head_text(t: dict[str, list[int]]) -> list[str]:
    """The rows down to （七）总计 as bands of column groups (2, 2, 8, 3, 5, 3, 1), 四、结转 printed cell by cell
    among text after them."""
    lines = ["2022年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况", *_LABELS, "", *_HEADERS, ""]
    first = 0
    for k in (2, 2, 8, 3, 5, 3, 1):
        for c in range(7):
            lines += [str(t[r][c]) for r in _ROWS[first:first + k]] + [""]
        first += k
    for c, v in enumerate(t["carried_forward"]):
        lines += [_HEADERS[c], str(v), ""]
    return lines + ["四、政府信息公开行政复议、行政诉讼情况", "行政复议", "结果维持", "0", "五、存在的主要问题及改进情况", "无。"]


def test_the_bands_down_to_the_total_are_read_its_last_row_left_to_the_identities() -> None:
    t = _table()
    lines = _head_text(t)
    assert read_column_groups(lines) is None
    readings = read_column_tail(lines)
    assert readings is not None
    for r in _ROWS[:-1]:
        assert [readings[f"applications.{r}.{c}"].value for c in _COLS] == t[r], r
    assert not any(f"applications.carried_forward.{c}" in readings for c in _COLS)
    record = process_document(Document.from_text("\n".join(lines), doc_id="head"))
    assert record.report.get("applications.carried_forward.natural_person") == t["carried_forward"][0]


def test_a_chain_of_bands_of_one_row_each_is_no_column_printing() -> None:
    t = _table()
    lines = ["2022年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况", *_LABELS, "", *_HEADERS, ""]
    for r in _ROWS[2:]:                                     # every cell a group of its own, a blank after it
        lines += [x for v in t[r] for x in (str(v), "")]
    lines += ["四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "无。"]
    assert read_column_tail(lines) is None


def test_a_row_of_other_numbers_right_above_the_chain_does_not_hide_it() -> None:
    t = _table()
    lines = _text(t, bands=(1, *_BANDS))                    # 二、 a band of one row too
    at = lines.index(_HEADERS[-1]) + 2                      # before the bands: a row of 表二's numbers, one to a group
    lines[at:at] = [x for v in ("12.5", "0", "0", "0", "0", "0", "3") for x in (v, "")]
    readings = read_column_tail(lines)
    assert readings is not None
    for r in _ROWS[1:]:
        assert [readings[f"applications.{r}.{c}"].value for c in _COLS] == t[r], r
    assert not any(f"applications.new_received.{c}" in readings for c in _COLS)
