"""PDF text printed without a layout option (``pdftotext`` default, PyMuPDF ``get_text("blocks")``):
tables come as blocks, not rows.

The fixtures are such texts of Chromium-printed reports with ruled tables (an independent
generator's, beside their true values):

* ``pdftotext_displaced_column``: a table split over two pages; page 1's rows printed row by row,
  page 2's labels each with its 自然人 cell, then each column's numbers as a block, and one column's
  block printed after 表四's heading;
* ``pdftotext_two_column_blocks``: blocks of two columns per line (``0 35``);
* ``pdftotext_misprinted_balance``: three columns per line (``0 11 11``), and the report misprints its
  balance (自然人: new 129 + 0 ≠ 128 + 0, all four cells printed beside their labels);
* ``pdftotext_raw_placeholder_columns``: ``pdftotext -raw`` of a Word report's PDF (an independent generator's,
  office seed 41): columns printed as blocks, empty cells as ``—`` beside 0s, （七）总计's label a bare 总计;
* ``pdfminer_table_of_zeros``: ``pdf2txt.py`` of another (office seed 48): a table of zeros whose column blocks
  row heights broke into many small runs, more than the tiling search can place within its cap, and that no
  other block reader reads;
* ``pymupdf_blocks_out_of_order``: each row's label then its seven numbers one per line, rows out of
  reading order (after 五、 and 六、), one wrapped label's tail (``情形）``) printed away from its head;
  the report breaks its own balance identity (a misprint the verifier must show, not hide).

Placing a block of numbers is positional: it is done only when every row's label is found once, the
counts are exact and the identities hold, and a table that fails any of these is left unread (queued),
never shifted.
"""

from __future__ import annotations

import pytest

from llm_extract.evidence import Method, Status
from llm_extract.extract.formorder import read_form_order
from llm_extract.extract import extract_regex
from llm_extract.extract.blocktiles import LABEL_METHOD, TILE_METHOD, assemble_table3
from llm_extract.extract.textblocks import read_blocks
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import TABLE3_PATHS, TABLE4_PATHS
from tests.block_fixtures import fixture_text, fixture_truth, truth_value

_NAMES = ("pdftotext_displaced_column", "pdftotext_two_column_blocks", "pdftotext_misprinted_balance",
          "pymupdf_blocks_out_of_order")


def _record(text: str, doc_id: str = "t"):
    return process_document(Document.from_text(text, doc_id=doc_id))


def _proven_are_true(name: str) -> None:
    """Every 表三 cell of fixture ``name`` proven holds the fixture's true value (the others may be left to review)."""
    record = _record(fixture_text(name))
    truth = fixture_truth(name)
    for path in TABLE3_PATHS:
        if record.provenance[path].status is Status.PROVEN:
            assert record.report.get(path) == truth_value(truth, path), path


def _read_as_true(name: str, paths: tuple[str, ...] = TABLE3_PATHS):
    """The record of fixture ``name``, after checking that it holds the fixture's true value in every path."""
    record = _record(fixture_text(name))
    truth = fixture_truth(name)
    for path in paths:
        assert record.report.get(path) == truth_value(truth, path), path
    return record


@pytest.mark.parametrize("name", _NAMES)
def test_every_table3_cell_is_read_from_the_blocks(name: str) -> None:
    readings = extract_regex(Document.from_text(fixture_text(name), doc_id=name)).readings
    truth = fixture_truth(name)
    assert {p: readings[p].value for p in TABLE3_PATHS} == {p: truth_value(truth, p) for p in TABLE3_PATHS}


@pytest.mark.parametrize("name", ["pdftotext_displaced_column", "pdftotext_two_column_blocks"])
def test_pdftotext_blocks_are_proven_by_the_identities_and_table4_is_read_in_printed_order(name: str) -> None:
    record = _read_as_true(name, TABLE3_PATHS + TABLE4_PATHS)
    for path in TABLE3_PATHS + TABLE4_PATHS:
        assert record.provenance[path].status is Status.PROVEN, path


def test_a_column_block_placed_after_table4s_heading_is_still_table3s() -> None:
    # page 2's 总计 column (3, then seventeen 0) stands after 四、…情况: the only place its count fits
    readings = extract_regex(Document.from_text(fixture_text("pdftotext_displaced_column"))).readings
    total = readings["applications.partially_granted.total"]
    assert (total.value, total.method) == (3, TILE_METHOD)
    assert readings["applications.partially_granted.natural_person"].method == LABEL_METHOD


def test_pymupdf_rows_out_of_order_are_read_by_their_labels_and_a_misprint_stays_visible() -> None:
    record = _read_as_true("pymupdf_blocks_out_of_order")
    # the report's own balance is broken (new 51 + 0 ≠ 50 + 0): the column is not proven
    assert record.provenance["applications.new_received.natural_person"].status is not Status.PROVEN
    # the wrapped label's tail 情形） carries （二）部分公开's seven numbers
    assert record.report.get("applications.partially_granted.natural_person") == 10


def test_pymupdf_table2_rows_are_read_from_the_numbers_after_their_labels() -> None:
    _read_as_true("pymupdf_blocks_out_of_order", ("active_disclosure.regulations.in_force",
                                                  "active_disclosure.normative_documents.issued",
                                                  "active_disclosure.licensing", "active_disclosure.fees_10k_yuan"))


def _without_line(text: str, line: str) -> str:
    lines = text.split("\n")
    lines.remove(line)
    return "\n".join(lines)


def _unread(text: str) -> None:
    """表三 is not assembled from the blocks, and nothing of it is proven wrong."""
    blocks = read_blocks(Document.from_text(text).lines)
    assert blocks is None or assemble_table3(blocks) is None
    record = _record(text)
    truth = fixture_truth("pdftotext_displaced_column")
    wrong = [p for p in TABLE3_PATHS if record.provenance[p].status is Status.PROVEN
             and record.report.get(p) != truth_value(truth, p)]
    assert wrong == []


def test_a_lost_row_label_leaves_the_table_unread_instead_of_sliding_every_column() -> None:
    # without 2.重复申请 every block below it would slide up a row, and most cells are 0: the row
    # sums would still hold. All 25 labels must be found before a block is placed
    _unread(_without_line(fixture_text("pdftotext_displaced_column"), "2.重复申请"))


def test_two_labels_on_one_line_leave_the_table_unread() -> None:
    text = fixture_text("pdftotext_displaced_column").replace("1.信访举报投诉类申请\n0\n2.重复申请\n", "1.信访举报投诉类申请2.重复申请\n0\n")
    _unread(text)


def test_a_block_one_number_short_leaves_the_table_unread() -> None:
    text = fixture_text("pdftotext_displaced_column")
    lines = text.split("\n")
    first_block = lines.index("", 119)          # the blank line before the first column block
    del lines[first_block + 1]
    _unread("\n".join(lines))


def test_blocks_whose_only_tiling_breaks_an_identity_are_not_placed() -> None:
    text = fixture_text("pdftotext_displaced_column")
    lines = text.split("\n")
    first_block = lines.index("", 119)
    lines[first_block + 5] = "7"                  # a 0 of 商业企业's block read as 7: no row sum holds
    _unread("\n".join(lines))


def test_a_row_label_printed_twice_leaves_the_table_unread() -> None:
    text = fixture_text("pdftotext_displaced_column").replace("2.重复申请\n0\n", "2.重复申请\n0\n2.重复申请\n")
    _unread(text)


def test_pdftotext_table2_placed_by_its_headers_is_read_but_never_proven() -> None:
    # 第二十条第（一）项 / 本年制发件数 / 本年废止件数 / 0 0 12 0 … 现行有效件数 / 0 105: the numbers' places
    # come from the headers above them and their order only; no identity checks 表二 (READ.BLOCK_POSITION)
    name = "pdftotext_displaced_column"
    record = _record(fixture_text(name))
    truth = fixture_truth(name)
    for path in ("active_disclosure.normative_documents.issued", "active_disclosure.normative_documents.in_force",
                 "active_disclosure.punishment", "active_disclosure.enforcement", "active_disclosure.licensing"):
        prov = record.provenance[path]
        assert record.report.get(path) == truth_value(truth, path), path
        assert (prov.status, prov.rules) == (Status.UNVERIFIED, ["READ.BLOCK_POSITION"]), path


def test_table2_headers_over_a_run_of_the_wrong_count_place_nothing() -> None:
    text = fixture_text("pdftotext_displaced_column").replace("本年废止件数\n0\n0\n12\n0\n", "本年废止件数\n0\n12\n0\n")
    record = _record(text)
    assert record.report.get("active_disclosure.normative_documents.issued") is None
    assert record.report.get("active_disclosure.licensing") == 19      # another section's run stands on its own


def test_table4_in_printed_order_is_read_only_where_its_group_sums_hold() -> None:
    # 4 1 0 0 | 6: 总计 6 ≠ 4 + 1 + 0 + 0, so the printed order is not shown to be the columns' order
    text = fixture_text("pdftotext_displaced_column").replace("\n0 5 0\n", "\n0 6 0\n")
    readings = extract_regex(Document.from_text(text)).readings
    assert all(readings[p].missing for p in TABLE4_PATHS)
    assert readings["applications.partially_granted.total"].value == 3      # 表三 is read all the same


def test_a_wrapped_tail_with_two_runs_of_numbers_gives_its_row_neither() -> None:
    tail = "情形）\n10\n1\n1\n0\n0\n0\n12\n"
    text = fixture_text("pymupdf_blocks_out_of_order")
    assert tail in text
    text += "\n" + tail.replace("10\n1\n1", "1\n10\n1")       # the tail printed again with other numbers
    blocks = read_blocks(Document.from_text(text).lines)
    assert blocks is not None and assemble_table3(blocks) is None


def test_a_misprint_beside_the_labels_places_the_blocks_and_stays_visible() -> None:
    # the broken balance holds only label cells: it says nothing of where a block goes, and the blocks'
    # one tiling keeps every other identity. The region reader's slid row (19 53 200 under 上年结转) gives way
    record = _read_as_true("pdftotext_misprinted_balance")
    assert record.provenance["applications.new_received.natural_person"].status is not Status.PROVEN
    assert record.provenance["applications.unavailable_not_held.other_org"].status is Status.PROVEN


def test_part_of_a_row_beside_its_label_with_an_empty_cell_among_it_places_no_block() -> None:
    """pdftotext's default mode: ``1.本机关不掌握相关`` / seven 0s / ``法提供`` / ``政府信息`` / then the next rows' ``-``
    cells. One ``-`` right after the label's tail is all that stands beside it: which column that empty cell is in,
    the row's other cells placed by the blocks, is not known (it had been proven the row's 自然人, a 0)."""
    _proven_are_true("pdftotext_placeholder_after_wrapped_tail")


def test_a_fixed_width_row_printed_beside_and_below_its_label_is_not_read_in_printed_order() -> None:
    """pdftotext -layout: ``２．没有现成信息需要另行制作          无`` (the empty cell's mark on the label's line, under
    社会公益组织) then ``0 0 0   0 0 0`` on the next line. Read in printed order, 无 became the row's 自然人, proven;
    neither the blocks nor the form's order places a row whose cells mix a line's part and another line's."""
    _proven_are_true("pdftotext_layout_row_beside_and_below_label")


def test_a_bare_total_word_right_above_carried_forwards_label_is_the_total_rows_label() -> None:
    """合计 / 总计 alone is a column header's word too; right above 四、结转下年度继续办理 it is （七）总计's label."""
    text = fixture_text("pdftotext_lo_item_numbers")
    assert text.count("（七）总计\n四、结转下年") == 1
    readings = extract_regex(Document.from_text(text.replace("（七）总计\n四、结转", "合计\n四、结转"), doc_id="t")).readings
    truth = fixture_truth("pdftotext_lo_item_numbers")
    assert {p: readings[p].value for p in TABLE3_PATHS} == {p: truth_value(truth, p) for p in TABLE3_PATHS}
    assert {readings[p].method for p in TABLE3_PATHS} <= {LABEL_METHOD, TILE_METHOD}


def test_placeholders_and_zeros_in_one_column_block_are_placed_by_their_column_groups() -> None:
    """A 0 and a — printed in one column block may trade places for all the identities say: the table read by its
    column groups (each cell under its column's header) places every one as printed, but proves neither: down a
    column the order is the tool's, and pdfminer's boxes move a blank row's marks into rows of zeros
    (tests/test_column_runs_blanks_among_zeros.py)."""
    record = _read_as_true("pdftotext_raw_placeholder_columns")
    truth = fixture_truth("pdftotext_raw_placeholder_columns")
    empty = [p for p in TABLE3_PATHS if truth_value(truth, p) is None]
    assert len(empty) > 50
    assert not any(record.provenance[p].status is Status.PROVEN for p in empty)
    _proven_are_true("pdftotext_raw_placeholder_columns")


def test_a_table_of_zeros_holding_exactly_its_cells_is_read_in_the_forms_order_and_proven() -> None:
    """Its region holds exactly 175 numbers and every row's label (（七）总计 printed as a bare 总计): every order
    of 175 zeros is the same table (extract/formorder.py)."""
    record = _read_as_true("pdfminer_table_of_zeros")
    for path in TABLE3_PATHS:
        prov = record.provenance[path]
        assert prov.status is Status.PROVEN and prov.method == Method.FORM_ORDER, path


def test_a_table_of_zeros_is_read_whatever_order_its_labels_were_printed_in() -> None:
    """Labels printed out of the form's order (a tool's boxes) break the reading by rows or by blocks of any other
    table; 175 zeros are one table in every order."""
    lines = fixture_text("pdfminer_table_of_zeros").split("\n")
    a, b = lines.index("1.信访举报投诉类申请"), lines.index("2.重复申请")
    lines[a], lines[b] = lines[b], lines[a]
    readings = read_form_order(lines)
    assert readings is not None
    assert {r.value for r in readings.values()} == {0} and len(readings) == len(TABLE3_PATHS)
    heading = next(i for i, line in enumerate(lines) if "收到和处理政府信息公开申请情况" in line and i > 20)
    lines[lines.index("0", heading)] = "1"     # one number of another value: the order matters, the labels refuse it
    assert read_form_order(lines) is None


def test_column_blocks_all_of_one_number_are_read_without_a_tiling_but_never_proven() -> None:
    """One 0 more in the region (right after the heading): the count no longer says which numbers are 表三's
    cells. Every way to place blocks of zeros gives the same table: read, but no tiling shows they are 表三's cells."""
    lines = fixture_text("pdfminer_table_of_zeros").split("\n")
    heading = next(i for i, line in enumerate(lines) if "收到和处理政府信息公开申请情况" in line and i > 20)
    record = _record("\n".join(lines[:heading + 1] + ["", "0"] + lines[heading + 1:]))
    truth = fixture_truth("pdfminer_table_of_zeros")
    placed = [p for p in TABLE3_PATHS if record.provenance[p].method != LABEL_METHOD]    # (not beside a label)
    assert len(placed) > 100
    for path in placed:
        prov = record.provenance[path]
        assert record.report.get(path) == truth_value(truth, path), path
        assert prov.status is Status.UNVERIFIED and prov.rules == ["READ.BLOCKS_ALIKE"], path


def test_column_blocks_of_more_than_one_number_are_not_read_without_a_tiling() -> None:
    text = fixture_text("pdfminer_table_of_zeros")
    lines = text.split("\n")
    heading = next(i for i, line in enumerate(lines) if "收到和处理政府信息公开申请情况" in line and i > 20)
    lines[lines.index("0", heading)] = "1"          # one cell of 表三's first column block: 1, not 0
    readings = extract_regex(Document.from_text("\n".join(lines), doc_id="t")).readings
    assert all(readings[p].method != "text-blocks-alike" for p in TABLE3_PATHS)
