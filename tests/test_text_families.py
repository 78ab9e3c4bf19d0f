"""Text-family reports (crawler dumps, converter Markdown, pdftotext -layout, Word cells): 表二 and fees.

Each test is a few lines of one family's text, as such reports print them.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from llm_extract.evidence import CellKind, Status
from llm_extract.extract import extract_regex
from llm_extract.extract.cells import parse_cell
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from verify.rules import RULES
from tests.table3_checks import zero_report

_HEAD = "某县2022年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
_T3 = "三、收到和处理政府信息公开申请情况\n"


def _record(table2: str, doc_id: str = "t"):
    return process_document(Document.from_text(_HEAD + table2 + _T3, doc_id=doc_id))


def _ad(record, path: str):
    prov = record.provenance[f"active_disclosure.{path}"]
    return record.report.get(f"active_disclosure.{path}"), prov.status


@pytest.mark.parametrize("raw, value", [
    ("4O4.28", Decimal("404.28")), ("1OO55.O62828", Decimal("10055.062828")), ("5.3O74", Decimal("5.3074")),
    ("O.5", Decimal("0.5")), ("l2.3", Decimal("12.3")),
])
def test_ocr_confusions_inside_a_decimal_are_read_and_marked(raw: str, value: Decimal) -> None:
    cell = parse_cell(raw)
    assert (cell.kind, cell.value) == (CellKind.OCR, value) and "OCR" in (cell.note or "")


@pytest.mark.parametrize("raw", ["O.O", "12.3.4", "l.2.3"])
def test_a_decimal_without_a_digit_or_with_two_points_is_no_ocr_number(raw: str) -> None:
    assert parse_cell(raw).value is None


def test_a_fee_with_ocr_confusions_in_pdf_text_is_read_but_not_proven() -> None:
    # the engine that read 0 as O may as well have doubled a digit: no identity checks 表二 (READ.OCR_DIGITS)
    record = _record("第二十条第（八）项\n信息内容                 本年收费金额（单位：万元）\n"
                     "行政事业性收费                              1OO55.O62828\n")
    assert _ad(record, "fees_10k_yuan") == (Decimal("10055.062828"), Status.UNVERIFIED)
    assert record.provenance["active_disclosure.fees_10k_yuan"].rules == ["READ.OCR_DIGITS"]


@pytest.mark.parametrize("raw, value", [("共35件", 35), ("共0件", 0)])
def test_a_count_printed_as_in_all_n_items_is_that_count(raw: str, value: int) -> None:
    cell = parse_cell(raw)
    assert cell.value == value and cell.note == "共…件"
    record = _record(f"\t规章\n\t0\n\t0\n\t0\n\t行政规范性文件\n\t4\n\t0\n\t{raw}\n")
    assert _ad(record, "normative_documents.in_force") == (value, Status.PROVEN)


@pytest.mark.parametrize("letters, value", [("O", 0), ("l", 1), ("lO", 10)])
def test_a_table2_cell_of_ocr_letters_only_is_read_as_digits_but_never_proven(letters: str, value: int) -> None:
    record = _record(f"\t行政处罚\n\t12\n\t行政强制\n\t{letters}\n\t行政事业性收费\n\t{letters}\n")
    prov = record.provenance["active_disclosure.enforcement"]
    assert (record.report.active_disclosure.enforcement, prov.status, prov.rules) == \
        (value, Status.UNVERIFIED, ["READ.OCR_LETTERS"])
    assert _ad(record, "fees_10k_yuan") == (value, Status.UNVERIFIED)
    assert _ad(record, "punishment") == (12, Status.PROVEN)
    assert "READ.OCR_LETTERS" in RULES


_TAB_ROWS = ("二、主动公开政府信息情况 第二十条第（一）项 信息内容\t本年制发件数\t本年废止件数\t现行有效件数 {row} "
             "行政规范性文件\t0\t23\t19 第二十条第（五）项 信息内容\t本年处理决定数量 行政许可\t19 第二十条第（六）项 "
             "信息内容\t本年处理决定数量 行政处罚\t43 行政强制\t50 第二十条第（八）项 信息内容\t本年收费金额（单位：万元） "
             "行政事业性收费\t204.73 三、收到和处理政府信息公开申请情况 （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
             "\t申请人情况 自然人\t法人或其他组织\t总计 商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他 "
             "一、本年新收政府信息公开申请数量\t3\t1\t1\t0\t0\t0\t5 二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0 "
             "三、本年度办理结果(一)予以公开\t0\t0\t0\t0\t0\t0\t0 (三)不予公开1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0 "
             "2.其他法律行政法规禁止公开\t0\t0\t0\t0\t0\t0\t0\n")


def _crawl(row: str):
    """A crawler's dump of a web page: the whole table on one line, cells separated by one tab each."""
    text = "某县2022年政府信息公开工作年度报告\n一、总体情况 本年度持续深化政务公开。" + _TAB_ROWS.format(row=row)
    return process_document(Document.from_text(text, doc_id="tab"))


def test_an_empty_field_of_a_crawlers_tab_separated_row_is_a_blank_cell_in_place() -> None:
    record = _crawl("规章\t0\t\t7")
    assert _ad(record, "regulations.issued") == (0, Status.PROVEN)
    assert _ad(record, "regulations.repealed") == (None, Status.UNVERIFIED)      # an isolated blank
    assert _ad(record, "regulations.in_force") == (7, Status.PROVEN)
    assert _ad(record, "normative_documents.repealed") == (23, Status.PROVEN)


@pytest.mark.parametrize("row", ["规章\t\t0\t\t7", "（规章）\t0\t\t7\t", "规章\t0\t\t7\t备注"])
def test_empty_fields_of_a_tab_row_wider_than_its_label_and_cells_are_layout(row: str) -> None:
    record = _crawl(row)
    for c in ("issued", "repealed", "in_force"):
        assert _ad(record, f"regulations.{c}")[1] is not Status.PROVEN, (row, c)


@pytest.mark.parametrize("line, value", [("行政事业性收费80.768万元", Decimal("80.768")), ("行政事业性收费0万元", 0)])
def test_a_fee_glued_to_its_label_with_the_columns_unit_is_read(line: str, value: Decimal) -> None:
    record = _record(f"第二十条第（八）项 信息内容本年收费金额（单位：万元）\n{line}\n")
    assert _ad(record, "fees_10k_yuan") == (value, Status.PROVEN)


@pytest.mark.parametrize("line", ["行政事业性收费80768元", "行政事业性收费80.768亿元"])
def test_a_fee_glued_to_another_unit_than_the_columns_is_not_read(line: str) -> None:
    record = _record(f"第二十条第（六）项\n行政处罚\t12\n第二十条第（八）项 信息内容本年收费金额（单位：万元）\n{line}\n")
    assert _ad(record, "fees_10k_yuan") == (None, Status.MISSING)


def _layout(regulations: str, normative: str):
    """pdftotext -layout: 表二's stock rows, numbers in their columns (a CJK character is two columns wide)."""
    return _record("第二十条第（一）项\n信息内容                                    本年制发件数本年废止件数现行有效件数\n"
                   f"{regulations}\n{normative}\n第二十条第（五）项\n信息内容                本年处理决定数量\n"
                   "行政许可                                     5029\n", doc_id="layout")


def test_a_fixed_width_row_with_a_blank_cell_places_its_numbers_by_the_full_rows_columns() -> None:
    record = _layout("规章                                            0      0    0",
                     "行政规范性文件                                   5   25")
    assert _ad(record, "normative_documents.issued") == (5, Status.PROVEN)
    # (a count of two digits left of the row's blank may be two cells run together, 2 and 5: never proven,
    # verify/mergedstock.py; placed in its column all the same)
    assert _ad(record, "normative_documents.repealed") == (25, Status.UNVERIFIED)
    assert "READ.MERGED_BESIDE_BLANK" in record.provenance["active_disclosure.normative_documents.repealed"].rules
    assert _ad(record, "normative_documents.in_force") == (None, Status.UNVERIFIED)     # the blank
    assert record.provenance["active_disclosure.normative_documents.issued"].method == "layout-columns"
    record = _layout("规章                                                   2   38",     # the blank row first
                     "行政规范性文件                                  0     0     0")
    assert [_ad(record, f"regulations.{c}") for c in ("issued", "repealed", "in_force")] == \
        [(None, Status.UNVERIFIED), (2, Status.PROVEN), (38, Status.PROVEN)]


def test_a_row_placed_by_pdftotext_layouts_character_grid_when_no_display_placement_comes_close() -> None:
    """pdftotext -layout counts a CJK character one column: 规章's numbers stand under the full row's by
    characters, five display columns off (行政规范性文件 is five characters longer)."""
    record = _layout("规章" + " " * 45 + "0",
                     "行政规范性文件" + " " * 16 + "0" + " " * 11 + "1" + " " * 11 + "8")
    assert [_ad(record, f"regulations.{c}") for c in ("issued", "repealed", "in_force")] == \
        [(None, Status.PROVEN), (None, Status.PROVEN), (0, Status.PROVEN)]
    record = _layout("规章" + " " * 43 + "0",                  # two characters off its column: read, not proven
                     "行政规范性文件" + " " * 16 + "0" + " " * 11 + "1" + " " * 11 + "8")
    assert _ad(record, "regulations.in_force") == (0, Status.UNVERIFIED)


def test_a_row_character_and_display_columns_place_differently_is_read_by_the_nearer_never_proven() -> None:
    """inscriptis pads an HTML table by characters, w3m by display columns: the same short row, ``０`` under
    现行有效件数 by characters, lands under 本年废止件数 by display columns. Neither count is known to be the
    text's, so the row takes the placement whose numbers stand nearer their columns, and is queued."""
    record = _layout("      规章" + " " * 30 + "０",
                     "      行政规范性文件  ５" + " " * 14 + "０" + " " * 7 + "１０２")
    assert [_ad(record, f"regulations.{c}") for c in ("issued", "repealed", "in_force")] == \
        [(None, Status.UNVERIFIED), (None, Status.UNVERIFIED), (0, Status.UNVERIFIED)]
    assert [_ad(record, f"normative_documents.{c}")[0] for c in ("issued", "repealed", "in_force")] == [5, 0, 102]


def test_a_cell_wrapped_round_a_short_row_leaves_its_columns_unplaced() -> None:
    """An annotated number centred in its cell, its text wrapped onto the lines above and below the row
    (``2（其中修`` / row / ``订1件）``): the column it fills is no blank cell, and the row is not placed."""
    record = _layout("规章                                            0      0    0\n"
                     "                                               2（其中修",
                     "行政规范性文件                                          0    0\n"
                     "                                                订1件）")
    assert Status.PROVEN not in {_ad(record, f"normative_documents.{c}")[1] for c in ("issued", "repealed", "in_force")}


def test_a_placement_another_one_comes_close_to_is_read_but_never_proven() -> None:
    record = _layout("规章                                             0           0",
                     "行政规范性文件                                  0    4    0")
    prov = record.provenance["active_disclosure.regulations.issued"]
    assert (record.report.active_disclosure.regulations.issued, prov.status, prov.rules) == \
        (0, Status.UNVERIFIED, ["READ.LAYOUT_CLOSE"])
    assert _ad(record, "regulations.in_force") == (0, Status.UNVERIFIED)
    assert _ad(record, "normative_documents.repealed") == (4, Status.PROVEN)
    assert "READ.LAYOUT_CLOSE" in RULES


@pytest.mark.parametrize("normative", [
    "行政规范性文件                                    3            7",         # 7 between two columns
    "行政规范性文件                                   0     120（新制发4件）",   # 12 and 0 run together
    "行政规范性文件 5 25",                                                     # single spaces: no layout
])
def test_numbers_no_column_placement_is_clear_for_stay_missing(normative: str) -> None:
    record = _layout("规章                                            0     0     0", normative)
    for c in ("issued", "repealed", "in_force"):
        assert _ad(record, f"normative_documents.{c}")[1] is Status.MISSING, (normative, c)


def test_a_table2_row_one_number_short_is_never_derived_as_a_number_cut_in_two() -> None:
    # 5 25 may be 5 | 2 | 5 (two cells run together) or 5 and 25 beside a blank cell: no reading is pinned
    record = _record("\t规章\n\t0\n\t0\n\t0\n\t行政规范性文件\n\t5\n\t25\n\t行政许可\n\t3\n")
    candidates = record.provenance["active_disclosure.normative_documents.repealed"]
    assert _ad(record, "normative_documents.repealed") == (None, Status.MISSING)
    assert "DERIVE.AMBIGUOUS" in candidates.rules


def _dump(sep: str, regulations: str, normative: str, fee: str = "行政事业性收费{s}204.73") -> str:
    """A crawler's dump with cells parted by ``sep`` (one tab or one space each), rows by a space."""
    s = sep
    t3 = s.join(["0"] * 7)
    return ("某县2022年政府信息公开工作年度报告\n一、总体情况 本年度持续深化政务公开。二、主动公开政府信息情况 "
            f"第二十条第（一）项 信息内容{s}本年制发件数{s}本年废止件数{s}现行有效件数 {regulations} {normative} "
            f"第二十条第（五）项 信息内容{s}本年处理决定数量 行政许可{s}19 第二十条第（六）项 信息内容{s}本年处理决定数量 "
            f"行政处罚{s}43 行政强制{s}50 第二十条第（八）项 信息内容{s}本年收费金额（单位：万元） {fee.format(s=s)} "
            "三、收到和处理政府信息公开申请情况 （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
            f"{s}申请人情况 自然人{s}法人或其他组织{s}总计 一、本年新收政府信息公开申请数量{s}{t3} "
            f"二、上年结转政府信息公开申请数量{s}{t3} 三、本年度办理结果(一)予以公开{s}{t3} "
            f"(三)不予公开1.属于国家秘密{s}{t3} 2.其他法律行政法规禁止公开{s}{t3}\n")


@pytest.mark.parametrize("sep", ["\t", " "])
@pytest.mark.parametrize("regulations, normative, blank, doubted", [
    ("规章{s}0{s}{s}7", "行政规范性文件{s}0{s}23{s}19", "regulations.repealed", ()),
    # the row's last cell; 36 left of it may be two cells run together (3 and 6, the 2 slid left from its column):
    # both read in place, neither proven (READ.MERGED_BESIDE_BLANK, verify/mergedstock.py)
    ("规章{s}0{s}0{s}0", "行政规范性文件{s}36{s}2{s}", "normative_documents.in_force",
     ("normative_documents.issued", "normative_documents.repealed")),
    ("规章{s}{s}1{s}38", "行政规范性文件{s}0{s}23{s}19", "regulations.issued", ()),
])
def test_a_crawlers_empty_cell_between_one_separator_per_cell_is_a_blank_cell_in_place(
        sep: str, regulations: str, normative: str, blank: str, doubted: tuple[str, ...]) -> None:
    text = _dump(sep, regulations.format(s=sep), normative.format(s=sep))
    record = process_document(Document.from_text(text, doc_id="dump"))
    expected = {"regulations": regulations, "normative_documents": normative}
    for row, printed in expected.items():
        cells = printed.split("{s}")[1:]
        for c, cell in zip(("issued", "repealed", "in_force"), cells):
            path = f"{row}.{c}"
            value, status = _ad(record, path)
            if path == blank:
                assert (value, status) == (None, Status.UNVERIFIED), (sep, path)
            else:
                assert (value, status) == (int(cell), Status.UNVERIFIED if path in doubted else Status.PROVEN), \
                    (sep, path)


def test_a_crawlers_row_of_single_spaces_with_a_cell_too_few_is_not_guessed() -> None:
    # 规章 0 0, then the next row: no second space marks where the blank cell stood
    text = _dump(" ", "规章 0 0", "行政规范性文件 0 23 19")
    record = process_document(Document.from_text(text, doc_id="dump"))
    for c in ("issued", "repealed", "in_force"):
        assert _ad(record, f"regulations.{c}")[1] is Status.MISSING


@pytest.mark.parametrize("fee, value, status", [
    ("行政事业性收费49O.69", Decimal("490.69"), Status.UNVERIFIED),      # READ.OCR_DIGITS
    ("行政事业性收费O", 0, Status.UNVERIFIED),                           # READ.OCR_LETTERS
])
def test_a_crawlers_fee_glued_to_its_label_with_ocr_confusions_is_read_never_proven(fee: str, value, status: Status) -> None:
    text = _dump("", "规章000", "行政规范性文件02319", fee=fee).replace("（单位：万元） ", "（单位：万元）")
    record = process_document(Document.from_text(text, doc_id="dump"))
    assert _ad(record, "fees_10k_yuan") == (value, status)


@pytest.mark.parametrize("normative, expected", [
    ("行政规范性文件                                  0     0338（其中修订4件）", (0, 0, 338)),
    ("行政规范性文件                                  25     00(含废止6件)", (25, 0, 0)),
])
def test_a_number_with_a_leading_zero_is_two_cells_run_together_and_its_only_cut_is_read_unverified(normative, expected):
    record = _layout("规章                                            0     0     0", normative)
    got = [_ad(record, f"normative_documents.{c}") for c in ("issued", "repealed", "in_force")]
    # read, never derived: no identity checks 表二 (READ.ONE_CUT)
    assert got == [(v, Status.UNVERIFIED) for v in expected]
    assert record.provenance["active_disclosure.normative_documents.issued"].rules == ["READ.ONE_CUT"]


def test_two_cells_run_together_that_cut_two_ways_stay_missing_with_both_cuts_as_candidates() -> None:
    record = _layout("规章                                            0     0     0",
                     "行政规范性文件                                   0     120（新制发4件）")
    assert Status.PROVEN not in {_ad(record, f"normative_documents.{c}")[1] for c in ("issued", "repealed", "in_force")}
    finding = next(f for f in record.findings if f.code == "DERIVE.AMBIGUOUS"
                   and "active_disclosure.normative_documents.issued" in f.paths)
    assert [0, 1, 20] in finding.detail["candidates"] and [0, 12, 0] in finding.detail["candidates"]


def test_table3_cells_of_ocr_letters_the_identities_cannot_all_pin_are_read_as_digits_but_never_proven() -> None:
    from llm_extract.synth.render import render

    report = zero_report()
    for path, value in (("applications.new_received.natural_person", 3), ("applications.new_received.total", 3),
                        ("applications.granted.natural_person", 3), ("applications.granted.total", 3),
                        ("applications.total_processed.natural_person", 3), ("applications.total_processed.total", 3)):
        report.set(path, value)
    lines = render(report, "cells").split("\n")
    start = next(i for i, line in enumerate(lines) if "收到和处理政府信息公开申请情况" in line)
    ocr = [i for i in range(start, len(lines)) if lines[i] == "\t0"][::3]       # every third 0 of 表三/表四
    for i in ocr:
        lines[i] = "\tO"
    record = process_document(Document.from_text("\n".join(lines), doc_id="x"))
    assert len(ocr) > 40
    guessed = {p for p, v in record.provenance.items() if v.rules == ["READ.OCR_LETTERS"]}
    assert guessed and all(record.provenance[p].status is Status.UNVERIFIED for p in guessed)
    assert all(record.report.get(p) == 0 for p in guessed)
    for path, prov in record.provenance.items():          # every O is read as 0 or derived, none left missing
        if prov.raw == "O":
            assert record.report.get(path) == 0, path
            assert prov.status in (Status.UNVERIFIED, Status.DERIVED) or prov.rules == ["READ.OCR_LETTERS_PINNED"]


def test_a_table3_row_printed_again_after_a_page_break_is_one_row_derived_where_the_identities_hold() -> None:
    from llm_extract.synth.render import render

    report = zero_report()
    for row in ("new_received", "rejected_publication", "total_processed"):
        report.set(f"applications.{row}.natural_person", 5)
        report.set(f"applications.{row}.research", 1)
        report.set(f"applications.{row}.total", 6)
    lines = render(report, "pdftext").split("\n")
    i = next(n for n, line in enumerate(lines) if line.startswith("3.要求提供公开出版"))
    # pdftotext: the label wrapped, its numbers, the page's footer, then the row printed again
    repeated = ["    3.要求提供公开出版", "    物                                                5    0      1    0     0    0    6",
                "", "                              第 2 页 共 6 页", "",
                "    3.要求提供公开出版物                            5      0     1     0     0     0    6"]
    lines[i:i + 1] = repeated
    doc = Document.from_text("\n".join(lines), doc_id="x")
    offered = [a.options for a in extract_regex(doc).ambiguities
               if a.paths[0] == "applications.rejected_publication.natural_person"]
    assert offered == [[[5, 0, 1, 0, 0, 0, 6]]]          # one copy, for the identities to check
    record = process_document(doc)
    row = record.report.applications.rejected_publication
    assert (row.natural_person, row.research, row.total) == (5, 1, 6)
    # read from the copy, not as one line printed it: pinned, the one value its column's sum leaves
    assert record.provenance["applications.rejected_publication.natural_person"].status is Status.PINNED


def test_a_pdf_text_line_of_placeholders_parted_by_spaces_is_one_empty_cell_each() -> None:
    assert parse_cell("-     -     -").kind is CellKind.TEXT and parse_cell("—/—").kind is CellKind.PLACEHOLDER
    t4 = ("四、政府信息公开行政复议、行政诉讼情况\n"
          "                    行政复议                                          行政诉讼\n"
          "                                                    未经复议直接起诉                      复议后起诉\n"
          "   结果  结果  其他  尚未        结果  结果  其他  尚未        结果  结果  其他  尚未\n"
          "   维持  纠正  结果  审结  总计  维持  纠正  结果  审结  总计  维持  纠正  结果  审结  总计\n"
          "    0     2     0     3     5\n    0     0     2     0     2\n    -     -     -     -     -\n"
          "五、存在的主要问题及改进情况\n")
    record = process_document(Document.from_text(_HEAD + "\t行政许可\n\t3\n" + _T3 + t4, doc_id="t4"))
    rl = record.report.review_litigation
    assert (rl.administrative_review.corrected, rl.administrative_review.total) == (2, 5)
    assert (rl.litigation_direct.other, rl.litigation_direct.total) == (2, 2)
    assert rl.litigation_after_review.total is None
    prov = record.provenance["review_litigation.litigation_after_review.total"]
    assert (prov.kind, prov.raw) == (CellKind.PLACEHOLDER, "-") and prov.status is not Status.MISSING
