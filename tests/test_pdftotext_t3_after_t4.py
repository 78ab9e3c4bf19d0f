"""Plain ``pdftotext`` of a narrow table (narrow7's generator, look seed 21, lo6vs21_19): the last three rows of 表三
print three cells each beside their labels, their other four cells standing beside 表四's header on the page, so
the tool prints them after 表四's heading, between 表四's first group and its other two. Where 表三's unread cells are
such a block and 表四 is read, the numbers of 表四's section that are not 表四's fill the block in printed order (the
rows cut into bands, each column by column), read where every cut keeping the identities gives one value; never
proven."""

from __future__ import annotations

from llm_extract.evidence import Method
from llm_extract.extract.cells import parse_cell
from llm_extract.extract.readings import reading
from llm_extract.extract.t3tail import read_tail_after_table4
from llm_extract.form import FORM
from llm_extract.schema import TABLE4_PATHS

_ROWS = FORM.table3_row_keys
_COLS = FORM.table3_column_keys
_TABLE = {"new_received": [1, 0, 0, 0, 0, 0, 1], "carried_over": [1, 0, 1, 0, 1, 1, 4],
          "granted": [0, 0, 1, 0, 0, 0, 1], "partially_granted": [1, 0, 0, 0, 0, 0, 1],
          "unavailable_needs_creation": [1, 0, 0, 0, 0, 0, 1], "total_processed": [2, 0, 1, 0, 0, 0, 3],
          "carried_forward": [0, 0, 0, 0, 1, 1, 2]}
_TAIL = [f"applications.{r}.{c}" for r in ("other_other", "total_processed", "carried_forward")
         for c in ("social_org", "legal_service", "other_org", "total")]
_HEAD = ["3.其", "０", "０", "０", "他", "（七）总计", "２", "０", "１", "四、结转下年度继续", "０", "０", "０", "办理",
         "四、政府信息公开行政复议、行政诉讼情况", "行政复议", "结果", "维持", "结果", "纠正", "其他", "结果", "尚未", "审结", "总计"]
_GROUP = ["６", "０", "０", "０", "６"]
#: 表三's twelve cells as the tool prints them: 3.其他's four, then 总计's and 四、's column by column
_LEFT = ["０", "０", "０", "０", "０", "０", "０", "１", "０", "１", "３", "２"]
_SUITS = ["行政诉讼", "未经复议直接起诉", "复议后起诉"] + ["结果", "维持", "结果", "纠正", "其他", "结果", "尚未", "审结", "总计"] * 2
_TAIL_TEXT = ["五、存在的主要问题及改进情况", "政务公开工作仍存在公开内容不够全面等问题。"]


def _lines(left: list[str]) -> list[str]:
    return _HEAD + _GROUP + left + _SUITS + ["０"] * 10 + _TAIL_TEXT


def _readings(lines: list[str], table: dict[str, list[int]]) -> dict:
    out = {f"applications.{r}.{c}": reading(parse_cell(str(table.get(r, [0] * 7)[j])), [1], Method.FORM_ORDER_RUNS)
           for r in _ROWS for j, c in enumerate(_COLS)}
    for p in _TAIL:
        del out[p]
    start = lines.index("四、政府信息公开行政复议、行政诉讼情况") + 1
    group = [start + lines[start - 1:].index("６") + k for k in range(5)]
    suits = [n for n in range(len(lines) - len(_TAIL_TEXT) - 9, len(lines) - len(_TAIL_TEXT) + 1)]
    for path, n in zip(TABLE4_PATHS, group + suits):
        out[path] = reading(parse_cell(lines[n - 1]), [start, n], Method.T4_ACROSS_HEADERS)
    return out


def test_the_numbers_between_table4_s_groups_fill_table3_s_last_cells() -> None:
    lines = _lines(_LEFT)
    readings = _readings(lines, _TABLE)
    got = read_tail_after_table4(lines, readings)
    assert got is not None and set(got) == set(_TAIL)
    assert [got[p].value for p in _TAIL] == [0, 0, 0, 0, 0, 0, 0, 3, 0, 1, 1, 2]
    assert {r.method for r in got.values()} == {Method.T3_AFTER_T4}       # the tool's order: never proven


def test_a_count_other_than_the_unread_cells_reads_nothing() -> None:
    lines = _lines(_LEFT[:-1])
    assert read_tail_after_table4(lines, _readings(lines, _TABLE)) is None


def test_numbers_no_cut_keeps_the_identities_with_are_not_read() -> None:
    """总计's 3 printed where 四、's 2 stands: every cut breaks a column's balance."""
    lines = _lines(_LEFT[:-2] + ["２", "３"])
    assert read_tail_after_table4(lines, _readings(lines, _TABLE)) is None
