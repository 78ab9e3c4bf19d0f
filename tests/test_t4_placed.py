"""表四 as one row of fifteen in fixed-width text (``pdftotext -layout``), blank cells inside its groups: each
number is read in the column it stands under (the header's column words, or evenly spaced columns from the
first to the last number), each group's total the sum of its results as placed; never proven."""

from __future__ import annotations

import re

from llm_extract.evidence import CellKind, Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import REVIEW_COLUMNS

from tests.test_table4_group_lines import _group, _text

HEADER = ("                    行政复议                                    行政诉讼\n"
          " 结果  结果  其他  尚未  总计   未经复议直接起诉                  复议后起诉\n"
          " 维持  纠正  结果  审结        结果  结果  其他  尚未  总计  结果  结果  其他  尚未  总计 \n"
          "                               维持  纠正  结果  审结        维持  纠正  结果  审结       ")
#: 78 43 114 _ 235 | 10 _ _ 62 72 | 55 _ 60 _ 115, each under its column
ROW = "  78    43   114         235    10                62    72    55          60         115"
_GROUPS = ("administrative_review", "litigation_direct", "litigation_after_review")


def _doc(golden_dir, header: str, row: str):
    _, text = _text(golden_dir)
    text, n = re.subn(r"(四、政府信息公开行政复议、行政诉讼情况\n).*?\n\n五、",
                      lambda m: m.group(1) + header + "\n" + row + "\n\n五、", text, flags=re.S)
    assert n == 1
    return process_document(Document.from_text(text, doc_id="x"))


def _all_unverified(record) -> None:
    for g in _GROUPS:
        for c in REVIEW_COLUMNS:
            prov = record.provenance[f"review_litigation.{g}.{c}"]
            assert prov.status is Status.UNVERIFIED and "READ.T4_COLUMN_PLACED" in prov.rules


def test_numbers_under_the_headers_column_words_are_read_in_those_columns_never_proven(golden_dir) -> None:
    record = _doc(golden_dir, HEADER, ROW)
    assert _group(record, "administrative_review") == [78, 43, 114, None, 235]
    assert _group(record, "litigation_direct") == [10, None, None, 62, 72]
    assert _group(record, "litigation_after_review") == [55, None, 60, None, 115]
    assert record.provenance["review_litigation.litigation_direct.corrected"].kind is CellKind.BLANK
    _all_unverified(record)


def test_evenly_spaced_numbers_without_a_header_are_placed_by_their_pitch(golden_dir) -> None:
    record = _doc(golden_dir, "                    行政复议                                    行政诉讼", ROW)
    assert _group(record, "litigation_after_review") == [55, None, 60, None, 115]
    _all_unverified(record)


def test_a_group_whose_total_is_not_the_sum_of_its_results_as_placed_leaves_the_table_unread(golden_dir) -> None:
    row = ROW.replace("    62    72", "    72    62")         # 10 + 72 != 62
    record = _doc(golden_dir, HEADER, row)
    for g in _GROUPS:
        assert record.provenance[f"review_litigation.{g}.total"].method != "t4-placed-in-columns"


def test_a_number_between_two_columns_leaves_the_table_unread(golden_dir) -> None:
    row = ROW.replace("  78    43   114  ", "  78      43 114  ")    # 43 three columns off its column
    record = _doc(golden_dir, HEADER, row)
    assert record.provenance["review_litigation.administrative_review.upheld"].method != "t4-placed-in-columns"


#: LibreOffice's narrow cells: each column word a character to a line, columns two to six characters apart
VERTICAL = ("    行政复议                          行政诉讼\n"
            "结   结     其  尚   总         未经复议直接起诉                复议后起诉\n"
            "果   果     他  未   计    结     结 其  尚    总       结   结  其  尚    总\n"
            "维   纠     结  审        果     果 他  未    计       果   果  他  未    计\n"
            "持   正     果  结        维     纠 结  审            维   纠  结  审\n"
            "                      持     正 果  结            持   正  果  结")
#: only 未经复议直接起诉's group printed: 3 _ 1 0 4 would be 3 0 1 0 4 … each number under its column
VERTICAL_ROW = "                      3     0  1  0   4"


def test_a_header_printed_a_character_to_a_line_places_numbers_within_half_its_narrowest_gap(golden_dir) -> None:
    record = _doc(golden_dir, VERTICAL, VERTICAL_ROW)
    assert _group(record, "administrative_review") == [None] * 5
    assert _group(record, "litigation_direct") == [3, 0, 1, 0, 4]
    assert _group(record, "litigation_after_review") == [None] * 5
    _all_unverified(record)


def test_a_number_between_two_close_columns_leaves_the_table_unread(golden_dir) -> None:
    record = _doc(golden_dir, VERTICAL, VERTICAL_ROW.replace("1  0   4", "1   0  4"))  # 0 between 尚未 and 总计
    assert record.provenance["review_litigation.litigation_direct.other"].method != "t4-placed-in-columns"
