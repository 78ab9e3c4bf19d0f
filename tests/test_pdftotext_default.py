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
  headers: by rows or by columns, as blanks and zeros hold any group sum;
* a number printed past a page's foot after a 表二 label: out of the page's flow, not known to be its cell.
"""

from __future__ import annotations

import re

from llm_extract.evidence import CellKind, Method, Reading, Status
from llm_extract.extract.cells import parse_cell
from llm_extract.extract.formorder import read_form_order
from llm_extract.extract.layout import Item, label_key
from llm_extract.extract.readings import Readings, missing
from llm_extract.extract.lonelabels import blank_label_rows
from llm_extract.form import FORM
from llm_extract.ingest import Document
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE3_PATHS, TABLE4_PATHS, Report
from llm_extract.synth import render
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


def _band_text(changed: dict[str, list[int]] | None = None) -> list[str]:
    """表三 as pdftotext prints a ruled table's bands: rows 1-2 column by column after their labels; rows 3-4
    column by column and row 5's seven cells after them with no text between, their labels after; every
    other row its label and its seven cells (``changed``: rows printed with other values)."""
    def values(row: str) -> list:
        return (changed or {}).get(row) or _values(row)

    lines = ["三、收到和处理政府信息公开申请情况", _LABELS[_ROWS[0]], _LABELS[_ROWS[1]]]
    a, b = values(_ROWS[0]), values(_ROWS[1])
    lines += [str(v) for pair in zip(a, b) for v in pair]
    lines += ["三、本年度办理结果"]
    c, d = values(_ROWS[2]), values(_ROWS[3])
    lines += [str(v) for pair in zip(c, d) for v in pair] + [str(v) for v in values(_ROWS[4])]
    lines += [_LABELS[r] for r in _ROWS[2:5]]
    for row in _ROWS[5:]:
        lines += [_LABELS[row]] + [str(v) for v in values(row)]
    return lines + ["四、政府信息公开行政复议、行政诉讼情况", "0"]


def test_a_run_holding_a_band_by_columns_and_a_row_is_read_but_never_proven() -> None:
    lines = _band_text()
    readings = read_form_order(lines)
    assert readings is not None
    truth = fixture_truth(_BY_ROWS)
    assert {p: r.value for p, r in readings.items()} == {p: truth_value(truth, p) for p in TABLE3_PATHS}
    assert all(r.method == Method.FORM_ORDER_RUNS for r in readings.values())


def test_a_band_whose_columns_may_trade_places_is_read_but_never_proven() -> None:
    """一、 prints 1 under 科研机构 and 二、 1 under 社会公益组织, column by column: the two columns in the other order
    (0 / 1 and 1 / 0) keep every identity, so which row's 1 is whose is the tool's order."""
    new, over, forward = _values(_ROWS[0]), _values(_ROWS[1]), _values(_ROWS[-1])
    changed = {_ROWS[0]: new[:2] + [1, 0] + new[4:6] + [new[6] + 1],
               _ROWS[1]: over[:2] + [0, 1] + over[4:6] + [over[6] + 1],
               _ROWS[-1]: forward[:2] + [1, 1] + forward[4:6] + [forward[6] + 2]}
    readings = read_form_order(_band_text(changed))
    assert readings is not None
    assert readings[f"applications.{_ROWS[0]}.research"].value == 1
    assert all(r.method == Method.FORM_ORDER_RUNS for r in readings.values())


def test_a_band_whose_row_sums_break_leaves_the_table_unread() -> None:
    lines = _band_text()
    heading = lines.index("三、本年度办理结果")
    lines[heading + 1], lines[heading + 2] = lines[heading + 2], lines[heading + 1]   # 1288 and 447 traded
    assert read_form_order(lines) is None


def _report_003(golden_dir) -> Report:
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    return Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields})


def _row_line(text: str, label: str, new: str) -> str:
    """``text`` with the line holding ``label`` (and its cells) replaced by ``new``."""
    out, n = re.subn(rf"^.*{re.escape(label)}.*$", new, text, count=1, flags=re.M)
    assert n == 1, label
    return out


def _lone_label_rows(first_row_numbers: int) -> tuple[list[Item], list[tuple[str, int]], dict, Readings]:
    """（五）1. with ``first_row_numbers`` numbers after its label (over lines of their own), 2. with seven, 3.'s
    label alone, 4. with seven on its label's line: the region reader's items, rows, spans and readings."""
    zero = parse_cell("0")
    items: list[Item] = []
    order: list[tuple[str, int]] = []
    out: Readings = {}
    line = 1
    for row, label, numbers, beside in (("rejected_petition", "1.信访举报投诉类申请", first_row_numbers, False),
                                        ("rejected_duplicate", "2.重复申请", 7, False),
                                        ("rejected_publication", "3.要求提供公开出版物", 0, False),
                                        ("rejected_excessive", "4.无正当理由大量反复申请", 7, True)):
        order.append((row, len(items)))
        items.append(Item(label, line, parse_cell(label), key=label_key(label)))
        first = line if beside else line + 1                    # the numbers' first line, seven to a line
        items += [Item("0", first + k // 7, zero) for k in range(numbers)]
        line = max(line, first + (numbers - 1) // 7) + 1 if numbers else line + 1
        for c in _COLS:
            path = f"applications.{row}.{c}"
            out[path] = missing("", [line], Method.CELLS_AFTER_LABEL, "0 numbers for 7 columns") if numbers != 7 \
                else Reading(0, CellKind.ZERO, "0", [line], Method.CELLS_AFTER_LABEL)
    spans = {row: items[idx + 1:(order[k + 1][1] if k + 1 < len(order) else len(items))]
             for k, (row, idx) in enumerate(order)}
    return items, order, spans, out


def test_a_lone_label_below_rows_whose_numbers_stand_before_their_labels_is_no_blank_row() -> None:
    """1.信访 is followed by fourteen numbers (its own and 2.重复申请's, printed before that one-line label),
    2.重复申请 by seven (3.要求提供公开出版物's): 3.'s label stands alone, but its cells are printed, so it is
    not read as a blank row (null, proven)."""
    items, order, spans, out = _lone_label_rows(14)
    blank_label_rows(items, order, spans, out)
    assert all(out[f"applications.rejected_publication.{c}"].kind is CellKind.MISSING for c in _COLS)


def test_a_lone_label_below_rows_of_seven_numbers_each_is_a_blank_row() -> None:
    items, order, spans, out = _lone_label_rows(7)
    blank_label_rows(items, order, spans, out)
    assert all(out[f"applications.rejected_publication.{c}"].kind is CellKind.BLANK for c in _COLS)


def test_seven_more_cells_after_a_rows_seven_are_another_rows(golden_dir) -> None:
    """Labels stacked (（一）, （二）, 1.), then 2.'s label and fourteen cells: seven numbers and seven dashes.
    They are two rows' cells, the stacked labels' among them: not 2.'s seven (whose row sum and column sums
    hold either way)."""
    report = _report_003(golden_dir)
    for row in ("partially_granted", "denied_state_secret", "denied_prohibited_by_law"):
        for c in _COLS:
            setattr(getattr(report.applications, row), c, None)
    text = render(report, "pdftext")
    text = _row_line(text, "（一）予以公开", "三、本年度办理结果 （一）予以公开")
    text = _row_line(text, "（二）部分公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）")
    text = _row_line(text, "1.属于国家秘密", "（三）不予公开 1.属于国家秘密")
    text = _row_line(text, "2.其他法律行政法规禁止公开",
                     "2.其他法律行政法规禁止公开 0 0 0 0 0 0 0\n- - - - - - -")
    record = process_document(Document.from_text(text, doc_id="x"))
    for c in _COLS:
        path = f"applications.denied_prohibited_by_law.{c}"
        assert not (record.provenance[path].status is Status.PROVEN and record.report.values()[path] == 0), c


def test_table4_by_rows_or_by_columns_with_blanks_is_not_read(golden_dir) -> None:
    """表四's groups named, then its five column headers once, then fifteen cells one to a line: a grid of three
    rows printed by rows or by columns. With blanks (无) and zeros both orders keep every group sum."""
    text = render(_report_003(golden_dir), "pdftext")
    start = text.index("四、政府信息公开行政复议")
    end = text.index("五、存在的主要问题")
    cells = ["无", "无", "0"] * 5              # by columns: 行政复议 and 直接起诉 blank, 复议后起诉 0
    table4 = ["四、政府信息公开行政复议、行政诉讼情况", "行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）",
              "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] + cells
    text = text[:start] + "\n".join(table4) + "\n\n" + text[end:]
    record = process_document(Document.from_text(text, doc_id="x"))
    for path in TABLE4_PATHS:
        assert record.provenance[path].status is not Status.PROVEN, path


def test_seven_more_cells_alike_leave_the_row_its_cells_either_way(golden_dir) -> None:
    """Fourteen dashes after 2.'s label: whichever seven are its own, its cells are dashes (null)."""
    report = _report_003(golden_dir)
    for row in ("denied_state_secret", "denied_prohibited_by_law"):
        for c in _COLS:
            setattr(getattr(report.applications, row), c, None)
    text = render(report, "pdftext")
    text = _row_line(text, "1.属于国家秘密", "（三）不予公开 1.属于国家秘密")
    text = _row_line(text, "2.其他法律行政法规禁止公开", "2.其他法律行政法规禁止公开 - - - - - - -\n- - - - - - -")
    record = process_document(Document.from_text(text, doc_id="x"))
    for c in _COLS:
        path = f"applications.denied_prohibited_by_law.{c}"
        assert record.report.values()[path] is None and record.provenance[path].kind is CellKind.PLACEHOLDER, c


def test_a_number_printed_past_a_pages_foot_is_not_the_table2_label_s_cell(golden_dir) -> None:
    """pdftotext prints a page's blocks in its reading order: 行政强制, the page's foot (—1—), then a number
    that stood elsewhere on the page (another row's cell). No identity checks 表二: it is left unread."""
    report = _report_003(golden_dir)
    report.active_disclosure.enforcement = None
    text = _row_line(render(report, "pdftext"), "行政强制", "行政强制\n\n—1—\n\n13")
    record = process_document(Document.from_text(text, doc_id="x"))
    assert record.report.values()["active_disclosure.enforcement"] is None
    assert record.provenance["active_disclosure.enforcement"].status is not Status.PROVEN


def test_a_number_right_after_its_table2_label_is_its_cell(golden_dir) -> None:
    text = _row_line(render(_report_003(golden_dir), "pdftext"), "行政强制", "行政强制\n\n0\n\n—1—")
    record = process_document(Document.from_text(text, doc_id="x"))
    assert record.report.values()["active_disclosure.enforcement"] == 0
    assert record.provenance["active_disclosure.enforcement"].status is Status.PROVEN
