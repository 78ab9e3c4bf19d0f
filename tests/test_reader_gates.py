"""The deterministic reader runs a pass or a fallback reader only where the text prints what it needs: each gate is
exact (a text failing it is one the pass changes nothing in, or the reader reads nothing from), the readings unchanged.
"""

from __future__ import annotations

import pytest

import llm_extract.extract.t4plain as t4plain
from llm_extract.evidence import Ambiguity, CellKind, Reading
from llm_extract.extract.headdigits import joined_header_digits
from llm_extract.extract.markgaps import placeholders_where_printed
from llm_extract.extract.t4plain import read_plain_blocks
from llm_extract.extract.t4rowsbeside import read_rows_beside

#: 表四 as a word processor's table pasted as text: its rows' cells joined with tabs (no plain-pdftotext blocks)
_TABBED_T4 = ["四、政府信息公开行政复议、行政诉讼情况", "行政复议\t\t\t\t\t行政诉讼",
              "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计",
              "1\t0\t0\t0\t1\t0\t0\t0\t0\t0", "五、存在的主要问题及改进情况"]
#: the same as plain pdftotext prints it: each group's name alone, each header then its cell
_PLAIN_T4 = ["四、政府信息公开行政复议、行政诉讼情况", "行政复议", "结果维持", "1", "结果纠正", "0"]


def _refuse(*_: object) -> None:
    raise AssertionError("a plain-pdftotext 表四 reader walked a text it cannot read")


@pytest.mark.parametrize("reader", ["read_labelled_columns", "read_column_rows", "read_header_runs",
                                    "read_rows_beside"])
def test_the_plain_table4_readers_do_not_walk_a_table_of_tab_joined_rows(monkeypatch: pytest.MonkeyPatch,
                                                                          reader: str) -> None:
    monkeypatch.setattr(t4plain, reader, _refuse)
    assert read_plain_blocks(_TABBED_T4, 1) is None


def test_the_plain_table4_readers_walk_a_text_printing_a_group_s_name_or_a_header_alone(
        monkeypatch: pytest.MonkeyPatch) -> None:
    walked: list[str] = []
    monkeypatch.setattr(t4plain, "read_labelled_columns", lambda *_: walked.append("labelled"))
    monkeypatch.setattr(t4plain, "read_column_rows", lambda *_: walked.append("column rows"))
    read_plain_blocks(_PLAIN_T4, 1)
    read_plain_blocks([_PLAIN_T4[0], "表四", *_PLAIN_T4[2:]], 1)          # (结果维持 alone, no group's name)
    assert walked == ["labelled", "column rows", "labelled", "column rows"]


def test_a_line_of_the_four_results_headers_alone_is_what_the_rows_beside_reader_needs() -> None:
    lines = ["四、政府信息公开行政复议、行政诉讼情况", "结果维持 结果纠正 其他结果 尚未审结", "行政复议", "0", "0", "0", "1",
             "行政诉讼", "0", "0", "29", "0", "（未经复", "议直接起", "诉）", "行政诉讼", "0", "1", "0", "0", "（复议后",
             "起诉）", "总计", "1", "29", "1"]
    assert t4plain._may_print_blocks([lines[0], *lines[1:2], *lines[3:]], 1)    # (no 行政复议 alone: the headers)
    assert read_rows_beside(lines, 1) is not None and read_plain_blocks(lines, 1) is not None


class _Untouched(dict):             # (readings that may not be looked at)
    def get(self, *_: object) -> None:     # type: ignore[override]
        raise AssertionError("the rows' habits were counted with no placeholder row to keep")


def test_placeholder_habits_are_counted_only_where_a_placeholder_row_s_readings_are_to_keep() -> None:
    plain = Ambiguity(paths=["applications.granted.natural_person"], options=[[1], [2]], reason="two readings")
    placeholders_where_printed([plain], _Untouched())      # (no placeholder row among the ambiguities)
    readings = {"applications.granted.natural_person": Reading(value=0, kind=CellKind.ZERO)}
    placeholders_where_printed([], readings)


@pytest.mark.parametrize("line, glued", [
    ("                 数据 1   数据 2   数据 3   总计", "                 数据1   数据2   数据3   总计"),
    ("数据 2  数据 4", "数据2  数据4"),
    ("数据\u30002\u3000数据\u30004", "数据2\u3000数据4"),    # (an ideographic space is a space)
    ("数据 2", "数据 2"),                                   # (once: no header of numbered words)
    ("本年新收 数据 2 数据 4 共 6 件", "本年新收 数据 2 数据 4 共 6 件"),   # (another number: a row's)
    ("本机关2021年共收到申请6件", "本机关2021年共收到申请6件"),           # (prose without a space)
])
def test_a_numbered_header_word_is_glued_to_its_number_where_a_line_prints_it_so_twice(line: str, glued: str) -> None:
    assert joined_header_digits(["x y", line]) == ["x y", glued]


class _Watched(list):               # (lines that say which of them a pass looked at one by one)
    def __init__(self, lines: list[str]) -> None:
        super().__init__(lines)
        self.looked: set[int] = set()

    def __getitem__(self, i):       # type: ignore[no-untyped-def]
        if isinstance(i, int):
            self.looked.add(i)
        return super().__getitem__(i)


def test_a_region_s_lines_are_looked_at_one_by_one_only_where_one_may_end_in_a_cut_number() -> None:
    from llm_extract.extract.cutnumbers import cut_number_lines
    lines = _Watched(["（一）予以公开\t0\t0\t61\t0\t122\t0\t183", "（二）部分公开（区分", "\t4,75\t4,75",
                      "理结果  处理的，只计这一情\t0\t0\t0\t0\t0", "\t8\t8", "形，不计其他情形）", "本年共办理 96171.",
                      "6 件", "1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0"])
    assert cut_number_lines(lines, 1, 10) == {3: "475", 5: "475", 7: "96171", 8: "96171"}
    assert lines.looked <= {2, 3, 4, 6, 7}      # (the lines ending so, 0-based, and the lines after them)


def test_only_the_lines_holding_an_opening_bracket_are_looked_at_for_a_noted_cell_s_stack() -> None:
    from llm_extract.extract.notestacks import stacked_notes
    stack = ["                                                           36",
             "                                                        1（其中",
             "                       规章            0        0          修订",
             "                                                          279",
             "                                                         件）"]
    prose = ["本机关（区政府办公室）全年主动公开信息 1200 条。", "（一）主动公开情况"]
    got = stacked_notes(prose + stack + prose)
    assert got[:2] == prose and got[-2:] == prose
    assert "361（其中修订279件）" in got[4] and [got[2], got[3], got[5], got[6]] == ["", "", "", ""]
    assert stacked_notes(["规章 0 0 36", "行政规范性文件 0 2 0"]) == ["规章 0 0 36", "行政规范性文件 0 2 0"]
