"""表三 printed column by column, each column's numbers right under its printed header.

``pdftotext`` (default mode) may print a wide table's row labels first, then each column as its header
and its cells one to a line, the columns scattered among 表四's and 五's text. The header places the
column, the form's order its rows: read when every header stands once right before exactly one number
per row and every identity holds; never proven but for the cells no order of the applicant columns
changes.
"""

from __future__ import annotations

from llm_extract.evidence import Method
from llm_extract.extract.colheads import read_column_heads
from llm_extract.form import FORM
from tests.test_column_groups import _ROWS, _table

_LABELS = [r.label for r in FORM.table3_rows]
_COLS = [(c.key, c.label) for c in FORM.table3_columns]
#: the order the columns come out in, and the text a tool prints between them
_ORDER = (0, 1, 6, 2, 3, 4, 5)
_BETWEEN = {1: ["四、政府信息公开行政复议、行政诉讼情况", "结果维持", "0"], 4: ["五、存在的主要问题及改进情况", "无。"]}
#: （六）其他处理's sub-rows printed as its one row
_SIX = ("other_no_correction", "other_unpaid_fee", "other_other")


def _column(t: dict[str, list[int]], c: int, rows: list[str]) -> list[str]:
    key, label = _COLS[c]
    header = [label] if len(label) <= 4 else [label[:2], label[2:]]      # 社会 / 公益组织: wrapped
    return header + [str(t[r][c]) for r in rows] + [""]


def _text(t: dict[str, list[int]], labels: list[str], rows: list[str]) -> list[str]:
    lines = ["2022年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况", *labels, ""]
    for i, c in enumerate(_ORDER):
        lines += _BETWEEN.get(i, []) + _column(t, c, rows)
    return lines + ["六、其他需要报告的事项", "本年度未收取信息处理费。"]


def test_each_column_is_read_under_its_printed_header() -> None:
    t = _table()
    readings = read_column_heads(_text(t, _LABELS, _ROWS))
    assert readings is not None
    for r in _ROWS:
        assert [readings[f"applications.{r}.{c}"].value for c, _ in _COLS] == t[r], r
    assert all(x.method == Method.FORM_ORDER_RUNS for x in readings.values())


def test_a_column_whose_run_misses_a_number_leaves_the_table_unread() -> None:
    t = _table()
    lines = _text(t, _LABELS, _ROWS)
    del lines[lines.index("商业企业") + 3]
    assert read_column_heads(lines) is None


def test_a_header_printed_twice_with_its_run_leaves_the_table_unread() -> None:
    t = _table()
    lines = _text(t, _LABELS, _ROWS)
    lines += _column(t, 1, _ROWS)
    assert read_column_heads(lines) is None


def test_a_broken_identity_leaves_the_table_unread() -> None:
    t = _table()
    lines = _text(t, _LABELS, _ROWS)
    lines[lines.index("自然人") + 1] = "8"
    assert read_column_heads(lines) is None


def test_other_processing_printed_as_one_row_stands_for_its_sub_rows() -> None:
    t = _table()
    rows = [r for r in _ROWS if r not in _SIX[:2]]
    labels = [lab for r, lab in zip(_ROWS, _LABELS) if r not in _SIX] + ["（六）其他处理"]
    readings = read_column_heads(_text(t, labels, rows))
    assert readings is not None
    assert readings["applications.granted.natural_person"].value == 4
    assert all(readings[f"applications.{s}.{c}"].value == 0 for s in _SIX for c, _ in _COLS)
    # with a sub-row's own label printed, the rows are not one row: 23 numbers are no column
    assert read_column_heads(_text(t, labels + [_LABELS[_ROWS.index(_SIX[0])]], rows)) is None
