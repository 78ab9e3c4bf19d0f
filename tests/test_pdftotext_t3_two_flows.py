"""Plain ``pdftotext`` of a narrow table (narrow7's generator, look seed 21, lo6vs21_00): 表三's first five rows stand
beside the tall column header, and the tool reads them in two flows, each row's left cells (five, four, three, two,
two), the header's words among them, then each row's other cells. Where every other reader left those rows unread,
the region's numbers no other reading took are read so, every row keeping its sum and every identity holding;
the cells every such reading gives one value are read, never proven."""

from __future__ import annotations

from llm_extract.evidence import Method
from llm_extract.extract.cells import parse_cell
from llm_extract.extract.readings import reading
from llm_extract.extract.t3top import read_top_rows
from llm_extract.form import FORM

_ROWS = FORM.table3_row_keys
_COLS = FORM.table3_column_keys
_TABLE = {"new_received": [1, 0, 0, 0, 0, 1, 2], "carried_over": [0, 0, 1, 1, 0, 1, 3],
          "granted": [0, 0, 0, 1, 0, 1, 2], "partially_granted": [0, 0, 0, 0, 0, 1, 1],
          "denied_security_stability": [1, 0, 0, 0, 0, 0, 1], "total_processed": [1, 0, 0, 1, 0, 2, 4],
          "carried_forward": [0, 0, 1, 0, 0, 0, 1]}
_SPLIT = [5, 4, 3, 2, 2]


def _row(r: int, table: dict[str, list[int]]) -> list[int]:
    return table.get(_ROWS[r], [0] * 7)


def _lines(table: dict[str, list[int]]) -> tuple[list[str], dict]:
    """The region's lines and the readings of rows 5 on (one number a line, read by another reader)."""
    left = [str(v) for r, k in enumerate(_SPLIT) for v in _row(r, table)[:k]]
    right = [str(v) for r, k in enumerate(_SPLIT) for v in _row(r, table)[k:]]
    lines = ["三、收到和处理政府信息公开申请情况", "一、本年新收政府信息", "公开申请数量", "二、上年结转政府信息", "公开申请数量"] \
        + left[:2] + ["申请人情况", "法人或其他组织", "科研", "社会", "法律"] + left[2:] \
        + ["自然", "人", "商业", "企业", "总计", "其他"] + right
    readings = {}
    for r in range(5, len(_ROWS)):
        for c, v in zip(_COLS, _row(r, table)):
            lines.append(str(v))
            readings[f"applications.{_ROWS[r]}.{c}"] = reading(parse_cell(str(v)), [len(lines)], Method.FORM_ORDER_RUNS)
    return lines + ["四、政府信息公开行政复议、行政诉讼情况"], readings


def test_the_first_rows_printed_in_two_flows_are_read_where_the_identities_hold() -> None:
    lines, readings = _lines(_TABLE)
    got = read_top_rows(lines, readings)
    assert got is not None
    for r in range(5):
        assert [got[f"applications.{_ROWS[r]}.{c}"].value for c in _COLS] == _row(r, _TABLE), _ROWS[r]
    assert {x.method for x in got.values()} == {Method.T3_LEFTOVER_ORDER}    # the tool's order: never proven


def test_a_number_more_than_the_unread_rows_hold_reads_nothing() -> None:
    lines, readings = _lines(_TABLE)
    lines.insert(6, "0")
    assert read_top_rows(lines, readings) is None


def test_rows_read_by_another_reader_are_left_alone() -> None:
    lines, readings = _lines(_TABLE)
    readings.update({f"applications.new_received.{c}": reading(parse_cell("0"), [2], Method.FORM_ORDER_RUNS)
                     for c in _COLS})
    assert read_top_rows(lines, readings) is None        # (一、 read: the first unread row is not the table's first)
