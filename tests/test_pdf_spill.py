"""A sheet wider than the page, printed block by block: its column blocks are one table again.

Excel (or LibreOffice) prints a sheet too wide for the paper in column blocks: the labels and the first
number columns on one page, the rest of the columns on the next, the rows at the same heights and
without labels. Read page by page, the first part was a table of labels with two numbers a row and the
second a table of unlabelled numbers: 表三's rows had two cells. The blocks are joined side by side when
they tile one table (same top and bottom, rows lining up, the later block printing no labels, or the
earlier one no numbers); otherwise they stay as they were. Label columns printed without rules on the page
before the numbers are the rows' labels when each line stands beside one row that has none.
"""

from __future__ import annotations

import pytest

from llm_extract.ingest.pdf_lines import TextLine, Word
from tests.pdf_text_layer import Rule, Run, text_pdf
from llm_extract.ingest.pdf_spill import join_spilled, label_column
from llm_extract.ingest.pdf_tables import PdfCell, PdfTable, build_table, table_lines

pdfplumber = pytest.importorskip("pdfplumber")

from llm_extract.ingest.pdf import pdf_to_text  # noqa: E402

_TOP, _ROW = 100.0, 15.0


def _row(texts: list[str], row: int, *, x: float = 40.0, width: float = 60.0) -> list[PdfCell | None]:
    top = _TOP + row * _ROW
    return [PdfCell(t, x + i * width, x + (i + 1) * width, top, top + _ROW) for i, t in enumerate(texts)]


def _table(rows: list[list[str]], page: int) -> PdfTable:
    return build_table([_row(r, i) for i, r in enumerate(rows)], page)


def _texts(table: PdfTable) -> list[list[str]]:
    return [[c.text for c in row if c is not None] for row in table.rows]


LEFT = [["", "自然人", "商业企业"], ["一、本年新收政府信息公开申请数量", "3", "1"], ["二、上年结转政府信息公开申请数量", "0", "/"]]
RIGHT = [["科研机构", "社会公益组织", "法律服务机构", "其他", "总计"], ["0", "0", "1", "/", "5"], ["1", "0", "0", "0", "1"]]


def test_the_columns_printed_on_the_next_page_continue_the_rows_of_the_table_before() -> None:
    pages = [[_table(LEFT, 3)], [_table(RIGHT, 4)]]
    join_spilled(pages)
    assert pages[1] == [] and len(pages[0]) == 1
    assert _texts(pages[0][0]) == [
        ["", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"],
        ["一、本年新收政府信息公开申请数量", "3", "1", "0", "0", "1", "/", "5"],
        ["二、上年结转政府信息公开申请数量", "0", "/", "1", "0", "0", "0", "1"]]


def test_a_sheet_printed_over_three_pages_is_joined_block_after_block() -> None:
    groups = build_table([_row(["三、本年度办理结果"], 0), _row(["（一）予以公开"], 1)], 2)
    labels = _table([["1.甲", "2"], ["2.乙", "0"]], 3)
    numbers = _table([["0", "2"], ["0", "0"]], 4)
    pages = [[groups], [labels], [numbers]]
    join_spilled(pages)
    assert _texts(pages[0][0]) == [["三、本年度办理结果", "1.甲", "2", "0", "2"], ["（一）予以公开", "2.乙", "0", "0", "0"]]


def test_a_group_label_spanning_rows_stays_over_its_rows() -> None:
    group = PdfCell("（三）不予公开", 40, 100, _TOP, _TOP + 2 * _ROW)
    left = build_table([[group, *_row(["1.甲", "2"], 0, x=100)], [None, *_row(["2.乙", "0"], 1, x=100)]], 3)
    pages = [[left], [_table([["0", "2"], ["0", "0"]], 4)]]
    join_spilled(pages)
    assert table_lines(pages[0][0]) == ["\t（三）不予公开", "\t1.甲", "\t2", "\t0", "\t2", "",
                                        "\t2.乙", "\t0", "\t0", "\t0", ""]


def test_a_table_on_the_next_page_whose_rows_do_not_line_up_is_not_joined() -> None:
    left = _table(LEFT, 3)
    other = build_table([[PdfCell("0", 40, 100, _TOP + 7, _TOP + 22)], [PdfCell("1", 40, 100, _TOP + 22, _TOP + 45)]], 4)
    pages = [[left], [other]]
    join_spilled(pages)
    assert pages == [[left], [other]]


def test_a_table_that_prints_its_own_labels_is_another_table_not_more_columns() -> None:
    left = _table(LEFT, 3)
    below = _table([["", "结果维持", "总计"], ["行政复议", "0", "0"], ["行政诉讼", "1", "1"]], 4)
    pages = [[left], [below]]
    join_spilled(pages)
    assert pages == [[left], [below]]


@pytest.mark.parametrize("change", ["taller", "page after next", "a table below it"])
def test_blocks_not_printed_as_one_sheet_are_left_alone(change: str) -> None:
    left, right = _table(LEFT, 3), _table(RIGHT, 5 if change == "page after next" else 4)
    if change == "taller":
        right = _table(RIGHT + [["0", "0", "0", "0", "0"]], 4)
    pages = [[left], [right]]
    if change == "a table below it":
        pages[0].append(build_table([_row(["附注", "无"], 30)], 3))
    before = [list(p) for p in pages]
    join_spilled(pages)
    assert pages == before


def _line(text: str, row: int, page: int = 3, *, offset: float = 2.0) -> TextLine:
    top = _TOP + row * _ROW + offset
    return TextLine(text, page, top, top + 10, 842, words=[Word(text, 40, 40 + 10 * len(text), 10)])


def test_labels_printed_without_rules_on_the_page_before_label_the_rows_that_have_none() -> None:
    numbers = build_table([[None, *_row(["自然人", "总计"], 0, x=100)],
                           [None, *_row(["3", "3"], 1, x=100)],
                           [None, *_row(["0", "1"], 2, x=100)],
                           _row(["1.属于国家秘密", "0", "0"], 3),
                           _row(["2.其他法律行政法规禁止公开", "0", "0"], 4)], 4)
    lines = [[TextLine("三、收到和处理政府信息公开申请情况", 3, 60, 70, 842, words=[Word("三、", 40, 60, 10)]),
              _line("一、本年新收政府信息公开申请数量", 1), _line("二、上年结转政府信息公开申请数量", 2),
              _line("（三）不予公开", 3, offset=9.0)], []]
    pages: list[list[PdfTable]] = [[], [numbers]]
    join_spilled(pages, lines)
    assert [ln.text for ln in lines[0]] == ["三、收到和处理政府信息公开申请情况", "（三）不予公开"]
    assert table_lines(pages[1][0])[4:] == ["\t一、本年新收政府信息公开申请数量", "\t3", "\t3", "",
                                            "\t二、上年结转政府信息公开申请数量", "\t0", "\t1", "",
                                            "\t", "\t1.属于国家秘密", "\t0", "\t0", "",
                                            "\t", "\t2.其他法律行政法规禁止公开", "\t0", "\t0", ""]


def test_a_line_across_two_unlabelled_rows_or_holding_numbers_labels_nothing() -> None:
    numbers = build_table([[None, *_row(["3", "3"], 0, x=100)], [None, *_row(["0", "1"], 1, x=100)]], 4)
    assert label_column([_line("一、本年新收政府信息公开申请数量", 0, offset=9.0)], numbers) is None
    counted = TextLine("一、本年新收 3", 3, _TOP + 2, _TOP + 12, 842, words=[Word("一、本年新收", 40, 100, 10),
                                                                           Word("3", 110, 115, 10, " ")])
    assert label_column([counted], numbers) is None


def _ruled(columns: list[float], ys: list[float]) -> list[Rule]:
    return [Rule(columns[0], y, columns[-1], y) for y in ys] + [Rule(x, ys[-1], x, ys[0]) for x in columns]


_YS = [900.0, 885.0, 870.0, 855.0]               # a header row and two rows, 15 points each


def _page_of_numbers(rows: list[list[str]], columns: list[float]) -> list[Run | Rule]:
    runs = [Run(t, columns[i] + 4, _YS[r] - 11, 9) for r, row in enumerate(rows) for i, t in enumerate(row)]
    return [*_ruled(columns, _YS), *runs]


def test_a_pdf_printing_a_sheet_over_two_pages_reads_as_rows_of_all_their_cells() -> None:
    first = _page_of_numbers(LEFT, [40, 340, 400, 460])
    second = _page_of_numbers(RIGHT, [40, 110, 180, 250, 320, 390])
    text = pdf_to_text(text_pdf([first, second], size=(595, 1000)))
    assert "\t一、本年新收政府信息公开申请数量\n\t3\n\t1\n\t0\n\t0\n\t1\n\t/\n\t5\n" in text
    assert "\t二、上年结转政府信息公开申请数量\n\t0\n\t/\n\t1\n\t0\n\t0\n\t0\n\t1\n" in text


def test_a_pdf_printing_its_label_column_without_rules_reads_each_label_with_its_row() -> None:
    labels = [Run(LEFT[1][0], 40, _YS[1] - 11, 9), Run(LEFT[2][0], 40, _YS[2] - 11, 9)]
    columns = [40, 110, 180, 250]            # the label column: its cells merged with the columns before it
    numbers = [*(Rule(40, y, 250, y) for y in _YS), *(Rule(x, _YS[-1], x, _YS[0]) for x in columns[1:]),
               Rule(40, _YS[1], 40, _YS[0]),
               *(Run(t, columns[i + 1] + 4, _YS[r] - 11, 9) for r, row in enumerate([["自然人", "总计"], ["3", "5"],
                                                                                   ["0", "1"]]) for i, t in enumerate(row))]
    text = pdf_to_text(text_pdf([labels, numbers], size=(595, 1000)))
    assert "\t一、本年新收政府信息公开申请数量\n\t3\n\t5\n" in text
    assert "\t二、上年结转政府信息公开申请数量\n\t0\n\t1\n" in text


def test_rows_with_a_first_cell_of_their_own_or_under_a_label_above_take_no_line_of_the_page_before() -> None:
    own = build_table([_row(["", "3", "3"], 0), _row(["", "0", "1"], 1)], 4)
    assert label_column([_line("全年主动公开政府信息1688条", 0), _line("其中通过门户网站公开11条", 1)], own) is None
    group = PdfCell("（三）不予公开", 40, 100, _TOP, _TOP + 2 * _ROW)
    under = build_table([[group, *_row(["3", "3"], 0, x=100)], [None, *_row(["0", "1"], 1, x=100)]], 4)
    assert label_column([_line("1.属于国家秘密", 1)], under) is None


def test_one_row_tables_at_the_same_height_on_consecutive_pages_are_rows_not_column_blocks() -> None:
    left = build_table([_row(["规章", "3", "1"], 0)], 3)
    right = build_table([_row(["0", "0", "1", "/", "5"], 0)], 4)
    pages = [[left], [right]]
    join_spilled(pages)
    assert pages == [[left], [right]]
