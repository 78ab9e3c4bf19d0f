"""``pdftotext`` (default mode) of Word documents LibreOffice printed to PDF: 表三's labels wrapped into
pieces of a few characters, the group column's pieces between them (``（三 5.属`` / ``）不 于三类内部``),
a row's numbers beside the middle of its label cell (between its pieces, or *above* a label of one line),
an item number printed alone on the line before its dot (``（四 1`` / ``）无 .本机关不掌``).

Fixtures (an independent generator's documents, beside their true values):

* ``pdftotext_lo_label_pieces``: rows 1-2 read four cells beside their labels, rows 3-20 as one block of
  numbers one to a line, rows 21-25 each with seven numbers: in the middle of its label, or above it;
* ``pdftotext_lo_numbers_above_labels``: page 2's rows with three cells each beside (or above) their
  labels, their other four columns after 表四's heading, three rows as column blocks;
* ``pdftotext_lo_item_numbers``: as the last, item numbers printed alone (``6`` / ``.属于四类过程``,
  ``（四 1`` / ``）无 .本机关不掌``), most cells 0 and two rows' four columns as blocks of two: many
  placements of the blocks give the same table (the search must not try each);
* ``pdftotext_lo_table4_among_columns``: page 2's four columns printed after 表四's heading, between
  表四's first two numbers and its last thirteen;
* ``pdftotext_lo_cells_under_headers``: labels in pieces of two characters, the first row's cells one to
  a line under the column headers' words, 表二's 现行有效件数 and its numbers printed inside 表三.
"""

from __future__ import annotations

import pytest

from llm_extract.evidence import Status
from llm_extract.extract.blocktiles import assemble_table3
from llm_extract.extract.rowgroups import Group, assign
from llm_extract.extract.blockwords import continues_label
from llm_extract.extract.textblocks import read_blocks
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE3_PATHS
from tests.block_fixtures import fixture_text, fixture_truth, truth_value

_PIECES = "pdftotext_lo_label_pieces"
_ABOVE = "pdftotext_lo_numbers_above_labels"
_ITEMS = "pdftotext_lo_item_numbers"
_T4 = "pdftotext_lo_table4_among_columns"
_HEADERS = "pdftotext_lo_cells_under_headers"


def _blocks(text: str):
    return read_blocks(Document.from_text(text).lines)


def _nothing_proven_wrong(text: str, name: str) -> None:
    record = process_document(Document.from_text(text, doc_id="t"))
    truth = fixture_truth(name)
    assert [p for p in TABLE3_PATHS if record.provenance[p].status is Status.PROVEN
            and record.report.get(p) != truth_value(truth, p)] == []


@pytest.mark.parametrize("name", [_PIECES, _ABOVE, _ITEMS, _T4, _HEADERS])
def test_every_table3_cell_is_read_and_proven(name: str) -> None:
    record = process_document(Document.from_text(fixture_text(name), doc_id=name))
    truth = fixture_truth(name)
    for path in TABLE3_PATHS:
        assert record.report.get(path) == truth_value(truth, path), path
        assert record.provenance[path].status is Status.PROVEN, path


def test_a_label_in_pieces_with_group_pieces_between_is_found_at_its_first_piece() -> None:
    # 5.属于三类内 / 开 (the group's piece) / 部事务信息: no piece names the row alone
    blocks = _blocks(fixture_text(_PIECES))
    assert blocks is not None and len(blocks.rows) == 25
    assert blocks.rows["denied_internal_affairs"].line == 113


def test_numbers_above_a_label_of_one_line_are_its_own() -> None:
    # 1.信访举报投 / 50 1 0 / 诉类 / 申请 / 14 1 0 / 2.重复申请: the second three are 2.重复申请's
    blocks = _blocks(fixture_text(_ABOVE))
    assert [n.cell.value for n in blocks.rows["rejected_petition"].attached] == [50, 1, 0]
    assert [n.cell.value for n in blocks.rows["rejected_duplicate"].attached] == [14, 1, 0]
    # 3.其他 / 809 72 0 / （七）总计 / 0 0 0 / 四、结转…: each row's above its label
    assert [n.cell.value for n in blocks.rows["total_processed"].attached] == [809, 72, 0]


def test_an_item_number_printed_alone_before_its_dot_is_no_cell() -> None:
    text = fixture_text(_PIECES).replace("\n5.属于三类内\n", "\n5\n.属于三类内\n")
    blocks = _blocks(text)
    assert blocks is not None and assemble_table3(blocks) is not None
    assert blocks.rows["denied_third_party"].attached == []


def test_a_number_lost_between_label_pieces_leaves_the_table_unread() -> None:
    lines = fixture_text(_ABOVE).split("\n")
    assert lines[306:309] == ["25", "3", "0"]          # between 2.没有现成信 and 息需要另行
    text = "\n".join(lines[:307] + lines[308:])
    blocks = _blocks(text)
    assert blocks is None or assemble_table3(blocks) is None
    _nothing_proven_wrong(text, _ABOVE)


def test_numbers_above_no_label_leave_the_table_unread() -> None:
    # 四、结转下年度继续办理's seven zeros, printed above it: without the label they are no row's
    text = fixture_text(_PIECES).replace("\n四、结转下年度继续办理\n", "\n")
    blocks = _blocks(text)
    assert blocks is None or assemble_table3(blocks) is None
    _nothing_proven_wrong(text, _PIECES)


def test_a_piece_that_starts_another_label_or_is_a_group_number_continues_none() -> None:
    assert not continues_label("8.属于", "denied_enforcement_file")
    assert not continues_label("(四", "denied_query_matter")
    assert continues_label("一稳定", "denied_security_stability")
    assert continues_label("法案卷", "denied_enforcement_file")


def test_groups_read_as_printed_when_that_gives_each_row_its_numbers_in_one_place() -> None:
    groups = [Group("a", [1], next="b"), Group("b", [2], next="c"), Group("c", [3])]
    assert assign(groups) == [["a", "b", "c"]]


def test_a_group_after_a_row_that_has_its_numbers_goes_to_the_next_label() -> None:
    groups = [Group("a", [1], inside=True), Group("a", [2], next="b"), Group("b", [3], next="c")]
    assert assign(groups) == [["a", "b", "c"]]


def test_every_way_the_printing_leaves_is_given_for_the_identities_to_choose() -> None:
    # a's numbers stand inside its label, so the loose one after it is b's; the one between c and d
    # could then be either's
    groups = [Group("a", [1], inside=True), Group("a", [2], next="b"), Group("c", [3], next="d")]
    assert assign(groups) == [["a", "b", "c"], ["a", "b", "d"]]


def test_no_way_to_give_the_groups_their_rows_gives_none() -> None:
    groups = [Group("a", [1], inside=True), Group("a", [2], next="b"), Group("a", [3], next="b")]
    assert assign(groups) == []


def test_a_labels_last_piece_that_is_also_a_groups_piece_ends_the_label() -> None:
    # （一）予以公 / 开 (开 is also （三）不予公开's), 4.保护第 / 三方 (三 a word's numeral, no item number)
    text = fixture_text(_PIECES).replace("\n（一）予以公开\n", "\n（一）予以公\n开\n").replace("\n4.保护第三方\n", "\n4.保护第\n三方\n")
    blocks = _blocks(text)
    assert blocks is not None and len(blocks.rows) == 25
    assert assemble_table3(blocks) is not None


def test_a_label_broken_by_a_blank_line_is_found_at_its_first_piece() -> None:
    # 8.属于行政查 / (page break) / 询事项: the first pieces name no row, the last ends them
    text = fixture_text(_PIECES).replace("\n8.属于行政查\n询事项\n", "\n8.属于行政查\n\n询事项\n")
    blocks = _blocks(text)
    assert blocks is not None and blocks.rows["denied_query_matter"].line == 120
    assert assemble_table3(blocks) is not None


def test_an_item_number_among_the_numbers_above_its_label_is_the_rows_own_digit() -> None:
    # 2 / 14 / 1 / 0 / .重复申请: 重复申请 is item 2, so the 2 is its number, not a cell
    text = fixture_text(_ABOVE).replace("\n14\n1\n0\n2.重复申请\n", "\n2\n14\n1\n0\n.重复申请\n")
    blocks = _blocks(text)
    assert [n.cell.value for n in blocks.rows["rejected_duplicate"].attached] == [14, 1, 0]
    assert assemble_table3(blocks) is not None


def test_a_line_of_a_groups_pieces_between_a_rows_numbers_does_not_part_them() -> None:
    text = fixture_text(_ABOVE).replace("\n14\n1\n0\n2.重复申请\n", "\n14\n（五\n1\n0\n2.重复申请\n")
    blocks = _blocks(text)
    assert [n.cell.value for n in blocks.rows["rejected_duplicate"].attached] == [14, 1, 0]
    assert assemble_table3(blocks) is not None


def test_the_end_of_a_label_after_a_page_break_that_names_its_row_again_continues_it() -> None:
    # 3.补正后申请 / (page break) / 内容仍不明确: 仍不明确 names the row found already: its label goes on
    text = fixture_text(_PIECES).replace("\n3.补正后申请\n内容仍不明确\n", "\n3.补正后申请\n\n内容仍不明确\n")
    blocks = _blocks(text)
    assert blocks is not None and blocks.rows["unavailable_unclear"].line == 129
    assert assemble_table3(blocks) is not None


def test_header_words_before_a_label_are_not_its_pieces() -> None:
    text = fixture_text(_PIECES).replace("\n作\n3.补正后申请\n", "\n作\n第三项加第四项之和）\n3.补正后申请\n")
    blocks = _blocks(text)
    assert blocks is not None and blocks.rows["unavailable_unclear"].line == 130
    assert assemble_table3(blocks) is not None


def test_numbers_under_the_column_header_printed_again_are_a_columns_block() -> None:
    # the block of rows 3-20 under 申请人情况 / 自然人 (a page's header) instead of a blank line
    text = fixture_text(_PIECES).replace("\n出具已获取信\n\n369\n", "\n出具已获取信\n申请人情况\n自然人\n369\n")
    blocks = _blocks(text)
    assert blocks is not None and assemble_table3(blocks) is not None


def test_a_number_of_table2_printed_after_table3s_heading_is_left_out() -> None:
    # 表二's last cell (行政事业性收费's 0) printed under 表三's heading, before its first row label
    text = fixture_text(_PIECES).replace("\n三、收到和处理政府信息公开申请情况\n", "\n三、收到和处理政府信息公开申请情况\n\n0\n\n")
    blocks = _blocks(text)
    assert blocks is not None and assemble_table3(blocks) is not None


def test_table4_in_several_runs_after_header_pieces_is_not_read_in_printed_order() -> None:
    # the fifteen numbers parted by a header's piece: the page's column order, not the form's
    lines = fixture_text(_PIECES).split("\n")
    assert lines[501] == "结" and lines[502:507] == ["0"] * 5
    text = "\n".join(lines[:507] + ["行政诉讼"] + lines[507:])
    assert len(_blocks(fixture_text(_PIECES)).table4) == 15
    assert _blocks(text).table4 == []
