"""表三 in the PDF text of a borderless or 三线 table: a row's numbers are on a line its label spans.

Labels wrap over several lines in a narrow column, the numbers stand on the row's top, middle or
bottom line, and the group labels (三、本年度办理结果, （三）不予公开 …) are printed down their own
narrow columns, so their characters come before or between a label's fragments. The text-layer
lines below are copied from such PDFs (LibreOffice and Chromium prints), numbers anonymised.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from llm_extract.evidence import Ambiguity, CellKind, Reading, Status
from llm_extract.extract.labelspan import reconcile_spans, row_spans
from llm_extract.extract.layout import Region
from llm_extract.ingest import load
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICANT_COLUMNS, TABLE3_PATHS, same_value

LAYOUTS = Path(__file__).parent / "fixtures" / "layouts"
HEADING = "三、收到和处理政府信息公开申请情况"


def spans(*lines: str) -> dict[str, tuple[int, int, int | None, list]]:
    """Each placed row: (first label line, last label line, line of its numbers, their values);
    line 1 is the table's heading, the given lines are 2, 3, …"""
    text = [HEADING, *lines]
    return {s.row: (s.first, s.last, s.line, [c.plain for c in s.cells])
            for s in row_spans(text, Region("表三", 1, len(text) + 1))}


def test_numbers_on_the_middle_line_of_a_label_broken_by_a_group_label_printed_down_its_column():
    found = spans("1．属于国家",
                  "办\t0\t0\t0\t0\t0\t0\t0",      # 办 of 三、本年度办理结果, one character a line
                  "秘密",
                  "理",
                  "2．其他法律",
                  "结",
                  "行政法规禁止\t3\t0\t0\t0\t0\t1\t4",
                  "果",
                  "公开")
    assert found["denied_state_secret"] == (2, 4, 3, [0] * 7)
    assert found["denied_prohibited_by_law"] == (6, 10, 8, [3, 0, 0, 0, 0, 1, 4])


def test_numbers_on_the_top_line_with_the_group_labels_characters_before_and_between_the_fragments():
    found = spans("（三 1．属于国家\t1\t0\t0\t0\t0\t0\t1",
                  "结",
                  "）不 秘密",
                  "果",
                  "予公",
                  "开\t2．其他法律\t0\t2\t0\t0\t0\t0\t2",
                  "行政法规禁",
                  "止公开")
    assert found["denied_state_secret"] == (2, 4, 2, [1, 0, 0, 0, 0, 0, 1])
    assert found["denied_prohibited_by_law"] == (7, 9, 7, [0, 2, 0, 0, 0, 0, 2])


def test_numbers_on_the_bottom_line_and_a_header_repeated_inside_a_label_cut_by_the_page_break():
    found = spans("5．属于三类",
                  "内部事务信息\t7\t0\t0\t0\t0\t0\t7",
                  "6．属于四类\t6\t0\t0\t0\t0\t0\t6",     # the part of the row left on the page
                  "申请人情况",
                  "法人或其他组织",
                  "（本列数据的勾稽关系为：",
                  "第一项加第二项之和，等于\t商业企 科研机 社会公 法律服",
                  "第三项加第四项之和）\t自然人\t业\t构\t益组织 务机构 其他\t总计",
                  "过程性信息",
                  "7．属于行政",
                  "执法案卷\t1\t0\t0\t0\t0\t0\t1")
    assert found["denied_internal_affairs"][2:] == (3, [7, 0, 0, 0, 0, 0, 7])
    assert found["denied_process_info"] == (4, 10, 4, [6, 0, 0, 0, 0, 0, 6])
    assert found["denied_enforcement_file"][2:] == (12, [1, 0, 0, 0, 0, 0, 1])


def test_a_label_read_from_its_beginning_only_places_no_numbers_outside_that_part():
    # the label's end is reworded: its span ends where the form's label stops matching, and the line of
    # numbers below that part is not placed (it could be the next row's); a line of seven within no
    # label is unexplained, so the rows beside it are not placed either
    found = spans("1．本机关不掌握",
                  "有关的信息\t4\t0\t0\t0\t0\t0\t4",
                  "2．没有现成",
                  "信息需要另行",
                  "制作\t1\t0\t0\t0\t0\t0\t1")
    assert found["unavailable_not_held"] == (2, 2, None, [])
    assert found["unavailable_needs_creation"] == (4, 6, None, [])


def test_a_row_printed_again_after_a_page_break_is_left_to_the_reader():
    found = spans("3．要求提供公开出版",
                  "物\t5\t0\t1\t0\t0\t0\t6",
                  "第 2 页 共 6 页",
                  "3．要求提供公开出版物\t5\t0\t1\t0\t0\t0\t6",
                  "4．无正当理由大量反复申请\t0\t0\t0\t0\t0\t0\t0")
    assert found["rejected_publication"][2] is None
    assert found["rejected_excessive"][2] is None


def test_two_lines_of_numbers_within_one_label_place_neither():
    found = spans("1．属于国家\t1\t0\t0\t0\t0\t0\t1",
                  "秘密\t2\t0\t0\t0\t0\t0\t2")
    assert found["denied_state_secret"] == (2, 3, None, [])


def test_a_number_wrapped_in_its_narrow_column_places_no_row_around_it():
    # 1808 printed as 180 / 8: the line of seven is not the row's whole numbers
    found = spans("3．危及“三",
                  "安全一稳定”\t180\t0\t0\t0\t0\t0\t180",
                  "8\t8",
                  "4．保护第三",
                  "方合法权益\t1\t0\t0\t0\t0\t0\t1")
    assert found["denied_security_stability"][2] is None
    assert found["denied_third_party"][2] is None


def test_a_label_without_a_distinctive_word_is_placed_only_after_its_item_number():
    # 其他 of （六）其他处理 printed down its column is not the row 3．其他
    found = spans("2．申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                  "其他\t1\t0\t0\t0\t0\t0\t1",
                  "处理")
    assert "other_other" not in found
    assert spans("3．其他\t1\t0\t0\t0\t0\t0\t1")["other_other"][2:] == (2, [1, 0, 0, 0, 0, 0, 1])


def test_a_group_labels_character_equal_to_a_labels_first_one_just_above_it_is_not_the_label():
    found = spans("予",
                  "予以公开\t5\t0\t0\t0\t0\t0\t5")
    assert found["granted"] == (3, 3, 3, [5, 0, 0, 0, 0, 0, 5])


def _row(row: str, values: list[int | None], line: int = 9) -> dict[str, Reading]:
    return {f"applications.{row}.{c}": Reading(v, CellKind.MISSING if v is None else CellKind.NUMBER, str(v), [line],
                                               "tab-row") for c, v in zip(APPLICANT_COLUMNS, values)}


SECRET = ["1．属于国家", "结\t2\t0\t0\t0\t0\t0\t2", "秘密"]


LOST = "applications.carried_forward.total"      # a cell the reader lost elsewhere in the table


def _reconcile(readings: dict[str, Reading], ambiguities: list[Ambiguity],
               whole: bool = False) -> tuple[dict, list[Ambiguity]]:
    lines = [HEADING, *SECRET]
    if not whole:
        readings[LOST] = Reading(None, CellKind.MISSING, "", [], "tab-row")
    return reconcile_spans(lines, Region("表三", 1, len(lines) + 1), readings, ambiguities)


def test_a_row_the_reader_lost_is_read_from_the_line_within_its_label_and_its_options_narrowed():
    paths = [f"applications.denied_state_secret.{c}" for c in APPLICANT_COLUMNS]
    other = "applications.denied_prohibited_by_law.natural_person"
    ambiguity = Ambiguity(paths=[paths[0], other], options=[[2, 0], [0, 2]], reason="whose line")
    readings, ambiguities = _reconcile(_row("denied_state_secret", [None] * 7), [ambiguity])
    assert [readings[p].value for p in paths] == [2, 0, 0, 0, 0, 0, 2]
    assert readings[paths[0]].method == "label-span" and readings[paths[0]].lines == [2, 3, 4]
    assert [(a.paths, a.options) for a in ambiguities] == [([other], [[0]])]


def test_a_row_the_reader_read_otherwise_is_missing_with_both_readings_offered():
    readings, ambiguities = _reconcile(_row("denied_state_secret", [1, 0, 0, 0, 0, 0, 1]), [])
    paths = [f"applications.denied_state_secret.{c}" for c in APPLICANT_COLUMNS]
    assert all(readings[p].missing for p in paths)
    assert [(a.paths, a.options) for a in ambiguities] == [(paths, [[1, 0, 0, 0, 0, 0, 1], [2, 0, 0, 0, 0, 0, 2]])]


def test_a_row_the_reader_read_alike_keeps_the_readers_reading():
    before = _row("denied_state_secret", [2, 0, 0, 0, 0, 0, 2])
    readings, ambiguities = _reconcile(dict(before), [])
    assert {p: r for p, r in readings.items() if p != LOST} == before and ambiguities == []


def test_a_table_the_reader_read_whole_and_unambiguous_is_left_as_it_is():
    before = _row("denied_state_secret", [1, 0, 0, 0, 0, 0, 1])
    readings, ambiguities = _reconcile(dict(before), [], whole=True)
    assert readings == before and ambiguities == []


@pytest.mark.parametrize("name", ["pdftext_unread_label_between_rows", "pdftext_narrow_label_column"])
def test_every_row_of_a_narrow_label_column_is_read_and_proven(name: str):
    """Two whole reports in this layout (numbers on the middle or the first line of labels wrapped
    over up to eight lines, （三）不予公开 beside them, a header repeated inside a label): every
    表三 cell is read, and the identities prove it."""
    path = LAYOUTS / f"{name}.txt"
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    record = process_document(load(path))
    for p in TABLE3_PATHS:
        node = expected
        for key in p.split("."):
            node = node[key]
        assert same_value(p, record.report.values()[p], node), p
        assert record.provenance[p].status is Status.PROVEN, p


def test_a_labels_words_inside_a_sentence_are_not_the_label():
    found = spans("注：属于国家秘密的，按其他情形统计",
                  "1．属于国家秘密\t3\t0\t0\t0\t0\t0\t3")
    assert found["denied_state_secret"] == (3, 3, 3, [3, 0, 0, 0, 0, 0, 3])


#: 表三's header as a browser repeats it at the top of every page (pdftotext -layout of a Chromium print)
REPEATED_HEADER = ("                                                             申请人情况",
                   "  本列数                                                    法人或其他组织",
                   "  据的勾",
                   "  稽关系 自然人                                                        总计",
                   "                    商业企      科研机构     社会公益组织      法律服务机构   其他",
                   "                     业")


def test_an_item_number_wrapped_onto_a_line_of_its_own_with_the_numbers_beside_it_begins_its_rows_span():
    # a 60-pixel label cell: （一） / 予以公 / 开, the row cut by the page break after its second line, so its
    # numbers stand beside the item number, above the label's words
    found = spans("  （一）         1        0              0                  0                0        4    5",
                  "  予以公",
                  *REPEATED_HEADER,
                  "       开",
                  "",
                  " （二）",
                  " 部分公",
                  " 开（区分处理的，只计这一情形，不计其他情形）  0  0  0  0  0  0  0")
    assert found["granted"] == (2, 10, 2, [1, 0, 0, 0, 0, 4, 5])
    assert found["partially_granted"][2:] == (14, [0] * 7)


def test_an_item_number_on_a_line_between_a_labels_words_is_no_character_of_the_label():
    # a browser sets 1. in a Latin font a little lower than 信访 beside it: pdftotext prints it on a line of its own
    found = spans("   信访",
                  "  1.",
                  "  举报投",
                  "  诉类申         0        0              0                  0                0        0    0",
                  "",
                  "   请",
                  "   重复",
                  "  2.",
                  "   申请         1        0              0                  0                0        0    1")
    assert found["rejected_petition"] == (2, 7, 5, [0] * 7)
    assert found["rejected_duplicate"] == (8, 10, 10, [1, 0, 0, 0, 0, 0, 1])


def test_a_label_without_a_distinctive_word_after_its_own_item_number_printed_as_a_word_apart():
    assert spans("  3.   其他     0    0    0    1    0    0    1")["other_other"] == (2, 2, 2, [0, 0, 0, 1, 0, 0, 1])
    assert spans("  （七）", "   总计         2    1    0    1    0    6    10")["total_processed"] == \
        (2, 3, 3, [2, 1, 0, 1, 0, 6, 10])
    # another row's item number before the words is not the label's: （六） / 其他处 / 理 is the group, not 3.其他
    found = spans("  （六）", "  其他处", "   理", "  （七）", "   总计    0    0    0    0    0    0    0")
    assert "other_other" not in found and found["total_processed"][2] == 6


def test_a_browsers_page_header_and_footer_inside_a_label_cut_by_the_page_break_are_no_part_of_it():
    # Chromium prints the page's address and number at the foot, the date and the title at the head
    found = spans("  （一）         1        0              0                  0                0        4    5",
                  "  予以公",
                  "file:///C:/Users/user/Desktop/report.html                                               2/7",
                  "12/7/26, 3:47 AM                                     海陵区人民政府办公室2023年政府信息公开工作年度报告",
                  *REPEATED_HEADER,
                  "       开")
    assert found["granted"] == (2, 12, 2, [1, 0, 0, 0, 0, 4, 5])


def test_an_item_number_printed_below_its_labels_words_with_the_numbers_beside_it_ends_its_rows_span():
    # pdftotext -layout of a browser's print: 2. set in a Latin font a little lower than 重复申请 comes out on the
    # line below, the row's numbers beside it; 其他 / 3. likewise (a label without a distinctive word, placed by it)
    found = spans("           1.  信访举报投诉类申请       0   0   0   0   0   0   0",
                  "",
                  "                     重复申请",
                  "                    2.         4   0   0   0   0   0   4",
                  "",
                  "           3.  要求提供公开出版物       0   0   0   0   0   0   0",
                  "（六）其他处理   申请人逾期未按收费通",
                  "          2.",
                  "          知要求缴纳费用、行政",
                  "          机关不再处理其政府信           0   0   0   0   0   0   0",
                  "             息公开申请",
                  "                          其他",
                  "                         3.    1   0   0   0   0   0   1",
                  "                          （七）总计           5       0       0       0          0        0   5")
    assert found["rejected_duplicate"] == (4, 5, 5, [4, 0, 0, 0, 0, 0, 4])
    assert found["rejected_publication"][2] == 7
    assert found["other_unpaid_fee"][2] == 11
    assert found["other_other"] == (13, 14, 14, [1, 0, 0, 0, 0, 0, 1])
    assert found["total_processed"][2] == 15


def test_a_rows_first_line_right_below_the_column_header_is_the_rows_not_the_headers():
    # pdfplumber's extract_text(layout=True) of a browser's print: no blank line between the header's last line
    # (业 of 商业企业) and 一、本; 一、本 and 三、本 are all characters of the header (its 第一项…本列数据), but a
    # line opening with an item number and its 、 starts a row: 一's label is read whole and its numbers placed
    found = spans("     本列数",
                  "                                        法人或其他组织",
                  "     据的勾",
                  "     稽关系",
                  "          自然人                                                               总计",
                  "               商业企",
                  "                       科研机构          社会公益组织           法律服务机构         其他",
                  "                业",
                  "     一、本",
                  "     年新收",
                  "     政府信",
                  "           2    1        0              1                 0           6     10",
                  "     息公开",
                  "     申请数",
                  "      量",
                  "",
                  "     二、上",
                  "     年结转",
                  "     政府信",
                  "           0    0        0              0                 0           0      0",
                  "     息公开",
                  "     申请数",
                  "      量")
    assert found["new_received"] == (10, 16, 13, [2, 1, 0, 1, 0, 6, 10])
    assert found["carried_over"][2:] == (21, [0, 0, 0, 0, 0, 0, 0])
