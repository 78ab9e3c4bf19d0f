"""A Word table whose three label columns are very narrow (三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密), read by
plain ``pdftotext`` (no -layout): each label wraps two or three characters to a line, and a page's rows come out as
their labels' pieces first, then their numbers row after row. A run of ``7k`` numbers right after ``k`` item labels
naming consecutive rows is those rows' cells, row by row, when every row keeps its total. The labels and the rows
stand in the page's order, each row's cells a cell to a line left to right: the cells are read in the text's order,
proven where every identity of the whole table holds; where two runs name one row, none is proven.
"""

from __future__ import annotations

from llm_extract.evidence import Method, Status
from llm_extract.extract import extract_regex
from llm_extract.extract.labelruns import read_label_runs
from llm_extract.ingest import Document
from llm_extract.schema import TABLE3_ROW_PATHS
from verify import verify_extraction

_HEAD = """开封市发展和改革委员会 2024 年政府信息公开工作年度报告
三、收到和处理政府信息公开申请情况
"""
_TAIL = """四、政府信息公开行政复议、行政诉讼情况
五、存在的主要问题及改进情况
"""
#: (五)'s title and two items of it, wrapped in pieces, then their two rows' fourteen numbers
_PAGE = """（五
）不
予处
理
1.信访
举报
投诉
类申
请
2.重复
申请
１
０
０
２
０
０
３
０
４
０
０
０
１
５
"""


def _lines(page: str) -> list[str]:
    return (_HEAD + page + _TAIL).split("\n")


def test_a_run_after_its_rows_wrapped_labels_is_read_row_by_row() -> None:
    read = read_label_runs(_lines(_PAGE))
    assert read is not None
    assert [read[p].value for p in TABLE3_ROW_PATHS["rejected_petition"]] == [1, 0, 0, 2, 0, 0, 3]
    assert [read[p].value for p in TABLE3_ROW_PATHS["rejected_duplicate"]] == [0, 4, 0, 0, 0, 1, 5]
    assert {r.method for r in read.values()} == {Method.FORM_ORDER}        # the page's order
    assert len(read) == 14


def test_two_runs_naming_one_row_are_read_in_a_tool_s_order() -> None:
    """The two rows' labels and numbers printed twice (a page break's copy): which run is the rows', no order says."""
    read = read_label_runs(_lines(_PAGE + "（五）不予处理的说明\n" + _PAGE))
    assert read is not None
    assert {r.method for r in read.values()} == {Method.FORM_ORDER_RUNS}


def test_a_run_whose_size_is_not_its_labels_rows_is_not_read() -> None:
    assert read_label_runs(_lines(_PAGE.replace("５\n", ""))) is None      # 13 numbers for two rows


def test_a_run_breaking_a_row_total_is_not_read() -> None:
    assert read_label_runs(_lines(_PAGE.replace("３\n", "９\n", 1))) is None


def test_labels_of_rows_not_consecutive_read_nothing() -> None:
    page = _PAGE.replace("2.重复\n申请", "4.无正\n当理\n由大\n量反\n复申\n请")
    assert read_label_runs(_lines(page)) is None


def test_the_cells_read_go_to_review_with_their_values() -> None:
    record = verify_extraction(extract_regex(Document.from_text("\n".join(_lines(_PAGE)), doc_id="x")))
    for path, value in zip(TABLE3_ROW_PATHS["rejected_petition"], (1, 0, 0, 2, 0, 0, 3)):
        assert record.report.get(path) == value
        assert record.provenance[path].status is not Status.PROVEN


#: 本年度办理结果's title, (一) and (二) in a wider cell, and (三)'s first item beside its group's title, the
#: pieces of the two narrow cells taking turns (plain pdftotext of a Word table, a look document's excerpt)
_GROUPS = """三、 （一）予以
本年 公开
度办 （二）部分
理结 公开（区分
果
处理的，只
计这一情
形，不计其
他情形）
（三 1.属
）不 于国
予公 家秘
开
密
"""
_GRANTED, _PARTIAL = (1, 48, 0, 0, 0, 0, 49), (3, 59, 0, 0, 0, 0, 62)


def _numbers(*rows: tuple[int, ...]) -> str:
    return "".join(f"{v}\n" for row in rows for v in row)


def test_group_rows_and_an_item_interleaved_with_its_groups_title_name_their_rows() -> None:
    read = read_label_runs(_lines(_GROUPS + _numbers(_GRANTED, _PARTIAL, (0,) * 7)))
    assert read is not None and len(read) == 21
    assert [read[p].value for p in TABLE3_ROW_PATHS["granted"]] == list(_GRANTED)
    assert [read[p].value for p in TABLE3_ROW_PATHS["partially_granted"]] == list(_PARTIAL)
    assert [read[p].value for p in TABLE3_ROW_PATHS["denied_state_secret"]] == [0] * 7


def test_a_runs_first_row_after_the_column_headers_is_not_read() -> None:
    # the headers' last words (组织 / 机构) right before the numbers: the first row's cells may be staggered
    # among them (0 0 660 108 0 0 768 keeps its total, its first two cells printed first)
    read = read_label_runs(_lines(_GROUPS + "组织\n机构\n" + _numbers(_GRANTED, _PARTIAL, (0,) * 7)))
    assert read is not None and len(read) == 14
    assert not any(p in read for p in TABLE3_ROW_PATHS["granted"])
    assert [read[p].value for p in TABLE3_ROW_PATHS["partially_granted"]] == list(_PARTIAL)


def test_labels_on_lines_of_their_own_are_no_narrow_cells_and_read_nothing() -> None:
    # a label on one line may be printed after its numbers (the next row's numbers after it): no order to trust
    page = "1.信访举报投诉类申请\n2.重复申请\n" + _numbers((1, 0, 0, 2, 0, 0, 3), (0, 4, 0, 0, 0, 1, 5))
    assert read_label_runs(_lines(page)) is None


def test_the_last_label_cut_by_the_pages_end_names_the_row_after_the_one_before_it() -> None:
    # 3.补 (正后申请内容仍不明确 printed after the run, on the next page): the row after 2.没有现成信息需要另行制作
    page = "2.没有\n现成\n信息\n需要\n另行\n制作\n3.补\n" + _numbers((5, 0, 0, 0, 0, 0, 5), (0, 0, 0, 0, 0, 2, 2))
    read = read_label_runs(_lines(page))
    assert read is not None
    assert [read[p].value for p in TABLE3_ROW_PATHS["unavailable_needs_creation"]] == [5, 0, 0, 0, 0, 0, 5]
    assert [read[p].value for p in TABLE3_ROW_PATHS["unavailable_unclear"]] == [0, 0, 0, 0, 0, 2, 2]


def test_a_cut_label_that_does_not_begin_the_next_rows_names_nothing() -> None:
    page = "2.没有\n现成\n信息\n需要\n另行\n制作\n3.要\n" + _numbers((5, 0, 0, 0, 0, 0, 5), (0, 0, 0, 0, 0, 2, 2))
    assert read_label_runs(_lines(page)) is None


def test_a_blank_row_and_a_row_of_zeros_by_columns_are_read_in_a_tool_s_order() -> None:
    """1.信访举报投诉类申请 printed blank (`/`) and 2.重复申请 zeros, the two rows' cells by columns (pdfminer with tight
    margins: `/ 0 / 0 …`): read row by row, every row's sum holds too (a blank counts 0), so the blanks' places are
    the tool's order: read, none proven."""
    labels = _PAGE[:_PAGE.index("１")]
    read = read_label_runs(_lines(labels + "/\n0\n" * 7))
    assert read is not None
    assert {r.method for r in read.values()} == {Method.FORM_ORDER_RUNS}


def test_words_on_a_line_after_a_whole_label_are_no_piece_of_it(golden_dir) -> None:
    """golden/000's text (a Word table saved as text, each label on a line of its own) with its total's label
    garbled (``〈七〉总汁``): ``3.其他``, printed empty, then the unread label, then the total row's seven 0s. The
    garbled line is no piece of ``3.其他`` (the label is whole without it), so 3.其他 is no narrow cell's wrapped
    label and the 0s are not read as its cells: the empty row is never proven 0."""
    text = (golden_dir / "000_38ec84bebc7328d3.txt").read_text(encoding="utf-8").replace("（七）总计", "〈七〉总汁")
    assert read_label_runs(text.split("\n")) is None
    record = verify_extraction(extract_regex(Document.from_text(text, doc_id="g")))
    other = [f"applications.other_other.{c}" for c in ("natural_person", "total")]
    assert all(record.provenance[p].status is not Status.PROVEN or record.report.get(p) is None for p in other)
