"""``pdftotext`` (default mode) text of a report PDF: text blocks in reading order, a ruled table's cells
printed away from their labels. What such a text leaves ambiguous is read only where the form's order,
the labels and the identities leave one table; otherwise the cells stay missing, never proven.

* 表三 under generic column headers (``数据 1`` … ``数据 6``), a header's digit on a line of its own: the
  digit is the header's, not a cell;
* a band of rows printed column by column and the next row's seven cells after it, no text between: one
  run of numbers holding two blocks;
* a one-line label's numbers printed before it, after the label above: the lone label below is no blank
  row (its numbers may be the ones after the label above);
* seven cells after a row's seven, labels stacked above: those are other rows' cells;
* 表四 as three rows of five, its cells one to a line, its groups' names printed before its column
  headers: by rows or by columns, as blanks and zeros hold any group sum.
"""

from __future__ import annotations

from llm_extract.evidence import Method
from llm_extract.extract.formorder import read_form_order
from llm_extract.form import FORM
from llm_extract.schema import TABLE3_PATHS
from tests.block_fixtures import fixture_text, fixture_truth, truth_value

_BY_ROWS = "pdftotext_real_labels_after_numbers"
_ROWS = [r.key for r in FORM.table3_rows]
_COLS = [c.key for c in FORM.table3_columns]
_LABELS = {r.key: r.label for r in FORM.table3_rows}


def _generic_headers(lines: list[str]) -> list[str]:
    """The fixture with its 表三 column headers replaced by generic ones, some digits on lines of their own."""
    heading = next(i for i, line in enumerate(lines) if line.startswith("三、收到和处理"))
    first = lines.index("一、本年新收政府信息公开申请数量")
    return lines[:heading + 1] + ["数据 1", "数据", "2", "", "数据 3", "数据 4", "数据", "5", "数据 6", "总计", ""] \
        + lines[first:]


def test_a_generic_headers_digit_on_a_line_of_its_own_is_no_cell() -> None:
    lines = _generic_headers(fixture_text(_BY_ROWS).split("\n"))
    readings = read_form_order(lines)
    assert readings is not None
    truth = fixture_truth(_BY_ROWS)
    assert {p: r.value for p, r in readings.items()} == {p: truth_value(truth, p) for p in TABLE3_PATHS}


def test_a_digit_after_other_text_is_still_a_cell() -> None:
    """Only a generic header's word (数据) takes the digit printed under it: after any other text it is a cell,
    and one number too many leaves the table unread."""
    lines = _generic_headers(fixture_text(_BY_ROWS).split("\n"))
    lines[lines.index("数据 6")] = "说明"
    lines.insert(lines.index("说明") + 1, "6")
    assert read_form_order(lines) is None


def _values(row: str) -> list:
    return [truth_value(fixture_truth(_BY_ROWS), f"applications.{row}.{c}") for c in _COLS]


def _band_text() -> list[str]:
    """表三 as pdftotext prints a ruled table's bands: rows 1-2 column by column after their labels; rows 3-4
    column by column and row 5's seven cells after them with no text between, their labels after; every
    other row its label and its seven cells."""
    lines = ["三、收到和处理政府信息公开申请情况", _LABELS[_ROWS[0]], _LABELS[_ROWS[1]]]
    a, b = _values(_ROWS[0]), _values(_ROWS[1])
    lines += [str(v) for pair in zip(a, b) for v in pair]
    lines += ["三、本年度办理结果"]
    c, d = _values(_ROWS[2]), _values(_ROWS[3])
    lines += [str(v) for pair in zip(c, d) for v in pair] + [str(v) for v in _values(_ROWS[4])]
    lines += [_LABELS[r] for r in _ROWS[2:5]]
    for row in _ROWS[5:]:
        lines += [_LABELS[row]] + [str(v) for v in _values(row)]
    return lines + ["四、政府信息公开行政复议、行政诉讼情况", "0"]


def test_a_run_holding_a_band_by_columns_and_a_row_is_read_but_never_proven() -> None:
    lines = _band_text()
    readings = read_form_order(lines)
    assert readings is not None
    truth = fixture_truth(_BY_ROWS)
    assert {p: r.value for p, r in readings.items()} == {p: truth_value(truth, p) for p in TABLE3_PATHS}
    assert all(r.method == Method.FORM_ORDER_RUNS for r in readings.values())


def test_a_band_whose_row_sums_break_leaves_the_table_unread() -> None:
    lines = _band_text()
    heading = lines.index("三、本年度办理结果")
    lines[heading + 1], lines[heading + 2] = lines[heading + 2], lines[heading + 1]   # 1288 and 447 traded
    assert read_form_order(lines) is None
