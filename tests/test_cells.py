"""Cell semantics: every raw cell keeps its text and gets a kind; golden values follow golden-format.md."""

from __future__ import annotations

from decimal import Decimal

import pytest

from llm_extract.evidence import CellKind, Status
from llm_extract.extract.cells import parse_cell
from llm_extract.extract.layout import tokenize
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document


@pytest.mark.parametrize("raw, value", [
    ("12", 12), ("１２", 12), ("３１５０", 3150), ("1,234", 1234), ("1，234", 1234), ("15,498", 15498),
    ("24,252.311082", Decimal("24252.311082")), ("94.0121", Decimal("94.0121")), (" 466 ", 466), ("\u3000７", 7),
])
def test_digits_full_width_and_thousands_separators_are_numbers(raw: str, value: int | Decimal) -> None:
    cell = parse_cell(raw)
    assert (cell.kind, cell.value, cell.raw) == (CellKind.NUMBER, value, raw)
    assert type(cell.value) is type(value)


@pytest.mark.parametrize("raw", ["0", "０", "0.00", "00", "〇", "\u30000"])
def test_zero_is_a_value_of_its_own_kind(raw: str) -> None:
    cell = parse_cell(raw)
    assert cell.kind == CellKind.ZERO and cell.value == 0 and cell.is_number


@pytest.mark.parametrize("raw", ["", " ", "\u3000", "\xa0"])
def test_blank_cells_have_no_value(raw: str) -> None:
    cell = parse_cell(raw)
    assert cell.kind == CellKind.BLANK and cell.value is None and cell.is_value and not cell.is_number


@pytest.mark.parametrize("raw", ["/", "／", "-", "－", "—", "——", "–", "无", "不适用", "空", "\\", "--",
                                 "无 件", "无件", "/件", "— 件"])     # (a page printing the unit in every cell)
def test_placeholders_have_no_value_but_stand_for_a_cell(raw: str) -> None:
    cell = parse_cell(raw)
    assert cell.kind == CellKind.PLACEHOLDER and cell.value is None and cell.is_value


# a PDF's text layer gives look-alikes for the slash or dash of an empty cell (Chromium's PDF of a web
# page: "/" in a CJK font maps back to U+2215 DIVISION SLASH)
@pytest.mark.parametrize("raw", ["\u2215", "\u2044", "\u2571", "\u2212", "\u2015", "\u2010", "\u2215\u2215"])
def test_slash_and_dash_look_alikes_are_placeholders_too(raw: str) -> None:
    assert parse_cell(raw).kind == CellKind.PLACEHOLDER


@pytest.mark.parametrize("raw", ["\u22125", "1\u22152", "\u2215 \u2215"])
def test_a_look_alike_beside_a_digit_or_two_of_them_apart_is_no_single_placeholder(raw: str) -> None:
    assert parse_cell(raw).kind is not CellKind.PLACEHOLDER


@pytest.mark.parametrize("raw, value, note", [
    ("22（其中修订16件）", 22, "其中修订16件"),
    ("22(其中修订16件)", 22, "其中修订16件"),
    ("5（含上年结转2件）", 5, "含上年结转2件"),
    ("22件（其中修订16件）", 22, "其中修订16件"),
    ("1,234（估算）", 1234, "估算"),
])
def test_annotated_numbers_keep_the_number_and_the_note(raw: str, value: int, note: str) -> None:
    cell = parse_cell(raw)
    assert (cell.kind, cell.value, cell.note) == (CellKind.ANNOTATED, value, note)


@pytest.mark.parametrize("raw, value, note", [("18（其中新制定", 18, "其中新制定"), ("5(含上年结转", 5, "含上年结转")])
def test_a_note_a_line_break_cut_still_annotates_its_number(raw: str, value: int, note: str) -> None:
    """``18（其中新制定`` / ``6件）`` on the next line: the cell is 18 with an open note, not words (which
    would let the row take the note's 6 for a cell of its own)."""
    cell = parse_cell(raw)
    assert (cell.kind, cell.value, cell.note) == (CellKind.ANNOTATED, value, note)


def test_a_table2_row_whose_note_wraps_onto_the_next_line_is_never_slid(golden_dir) -> None:
    from llm_extract.evidence import Status
    from llm_extract.ingest import Document
    from llm_extract.pipeline import process_document

    text = (golden_dir / "002_0126e23b7202ee31.txt").read_text(encoding="utf-8")
    old = "行政规范性文件\t5\t2\t51"
    assert old in text
    text = text.replace(old, "行政规范性文件           5（其中新制定    2         51\n                   3 件）", 1)
    record = process_document(Document.from_text(text, doc_id="wrapped-note"))
    for column, value in (("issued", 5), ("repealed", 2), ("in_force", 51)):
        path = f"active_disclosure.normative_documents.{column}"
        assert record.report.get(path) == value or record.provenance[path].status is not Status.PROVEN, path


@pytest.mark.parametrize("raw, kind, value", [("3件", CellKind.NUMBER, 3), ("0件", CellKind.ZERO, 0),
                                              ("1,234件", CellKind.NUMBER, 1234), ("4起", CellKind.NUMBER, 4),
                                              ("0宗", CellKind.ZERO, 0)])
def test_a_unit_after_a_number_is_no_annotation(raw: str, kind: CellKind, value: int) -> None:
    """件, and 起 / 宗 (a count of cases: 表四)."""
    cell = parse_cell(raw)
    assert (cell.kind, cell.value) == (kind, value) and cell.note and cell.note.endswith(raw[-1])


@pytest.mark.parametrize("raw, value", [("1O", 10), ("l2", 12), ("S", None), ("1S", 15), ("B0", 80), ("IO5", 105),
                                        ("l,492", 1492), ("2,O5l", 2051)])
def test_ocr_confusions_inside_a_digit_run_are_read_and_marked(raw: str, value: int | None) -> None:
    cell = parse_cell(raw)
    if value is None:                       # a letter alone is no number
        assert cell.kind == CellKind.TEXT
    else:
        assert (cell.kind, cell.value) == (CellKind.OCR, value) and "OCR" in (cell.note or "")


@pytest.mark.parametrize("raw, value", [("|,213", 1213), ("9|8", 918), ("|4", 14), ("2|.52", Decimal("21.52")),
                                        ("bb4", 664), ("7b", 76), ("1s", 15), ("|D6", 106),
                                        ("|", None), ("b", None), ("s", None)])
def test_a_bar_b_and_s_beside_a_digit_are_1_6_and_5_and_alone_no_number(raw: str, value) -> None:
    """A scan's 1 read as ``|``, 6 as ``b``, 5 as ``s``: a digit in the token anchors them. Alone, ``|`` is a table
    rule (``0 | 0``), and ``b`` or ``s`` no number (a cell of letters alone: llm_extract/extract/layout.py)."""
    cell = parse_cell(raw)
    if value is None:
        assert cell.kind == CellKind.TEXT
    else:
        assert (cell.kind, cell.value) == (CellKind.OCR, value)


@pytest.mark.parametrize("raw", ["自然人", "（七）总计", "N/A", "1,2", "约5", "12.3.4", "-3"])
def test_words_where_a_number_belongs_are_text(raw: str) -> None:
    cell = parse_cell(raw)
    assert cell.kind == CellKind.TEXT and cell.value is None and not cell.is_value


@pytest.mark.parametrize("raw", ["1 0", "1\u30000", "0 0 0 0 0 0 0", "3 150", "l 75", "O 0", "1 O"])
def test_digits_separated_by_spaces_are_never_joined_silently(raw: str) -> None:
    cell = parse_cell(raw)
    assert cell.kind == CellKind.TEXT and cell.value is None


def test_a_line_of_space_separated_numbers_becomes_one_item_per_number() -> None:
    items = tokenize(["1.属于国家秘密", "0 0 0 0 0 0 0"], 1, 3)
    assert [(it.raw, it.cell.kind) for it in items] == [("1.属于国家秘密", CellKind.TEXT)] + [("0", CellKind.ZERO)] * 7


_REPORT = """某某县人民政府2021年政府信息公开工作年度报告
一、总体情况
本年度共收到政府信息公开申请22件。
二、主动公开政府信息情况
\t第二十条第（一）项
\t信息内容
\t本年制发件数
\t本年废止件数
\t现行有效件数
\t规章
\t—
\t/
\t０
\t行政规范性文件
\t22（其中修订16件）
\t2
\t1,234
\t第二十条第（五）项
\t信息内容
\t本年处理决定数量
\t行政许可
\t
\t第二十条第（六）项
\t信息内容
\t本年处理决定数量
\t行政处罚
\t1O
\t行政强制
\t无
\t第二十条第（八）项
\t信息内容
\t本年收费金额（单位：万元）
\t行政事业性收费
\t24,252.311082
"""


def test_golden_values_follow_the_cells_and_provenance_keeps_raw_kind_and_note() -> None:
    record = process_document(Document.from_text(_REPORT, doc_id="cells"))
    got = {p: (record.report.get(p), v.kind, v.raw) for p, v in record.provenance.items()
           if p.startswith("active_disclosure")}
    a = "active_disclosure."
    assert got[a + "regulations.issued"] == (None, CellKind.PLACEHOLDER, "—")
    assert got[a + "regulations.repealed"] == (None, CellKind.PLACEHOLDER, "/")
    assert got[a + "regulations.in_force"] == (0, CellKind.ZERO, "０")
    assert got[a + "normative_documents.issued"] == (22, CellKind.ANNOTATED, "22（其中修订16件）")
    assert record.provenance[a + "normative_documents.issued"].note == "其中修订16件"
    assert got[a + "normative_documents.in_force"] == (1234, CellKind.NUMBER, "1,234")
    assert got[a + "licensing"] == (None, CellKind.BLANK, "")
    assert got[a + "punishment"] == (10, CellKind.OCR, "1O")
    assert got[a + "enforcement"] == (None, CellKind.PLACEHOLDER, "无")
    assert got[a + "fees_10k_yuan"] == (Decimal("24252.311082"), CellKind.NUMBER, "24,252.311082")
    assert record.provenance[a + "punishment"].status != Status.MISSING


def test_a_blank_cell_among_numbers_is_unverified_not_proven():
    from llm_extract.ingest import Document
    from llm_extract.pipeline import process_document
    from llm_extract.schema import Report
    from llm_extract.synth.render import render
    from verify.rules import RULES

    report = Report(doc_id="x", agency="向阳区", year=2021)
    for path in report.values():
        if path.startswith(("applications.", "review_litigation.")):
            report.set(path, 0)
    report.set("applications.denied_third_party.research", None)      # one blank among zeros
    record = process_document(Document.from_text(render(report, "cells"), doc_id="x"))
    prov = record.provenance["applications.denied_third_party.research"]
    assert record.report.get("applications.denied_third_party.research") is None
    assert prov.status.value == "unverified" and prov.rules == ["READ.ISOLATED_BLANK"]
    assert "READ.ISOLATED_BLANK" in RULES
    # a whole blank row is what the report says, not an isolated blank
    assert record.provenance["applications.denied_third_party.total"].status.value == "proven"


def _zeros_but(*blanks: str):
    from llm_extract.ingest import Document
    from llm_extract.pipeline import process_document
    from llm_extract.schema import Report
    from llm_extract.synth.render import render

    report = Report(doc_id="x", agency="向阳区", year=2021)
    for path in report.values():
        if path.startswith(("applications.", "review_litigation.")):
            report.set(path, 0)
    for path in blanks:
        report.set(path, None)
    return process_document(Document.from_text(render(report, "cells"), doc_id="x"))


def test_two_blanks_one_above_the_other_among_numbers_are_unverified_not_proven():
    """Two rows that each lost their last cell (a cell dropped, two run together as ``00``, the numbers moved one
    field left): a pair of blank totals, numbers all around."""
    pair = ("applications.unavailable_not_held.total", "applications.unavailable_needs_creation.total")
    record = _zeros_but(*pair)
    assert all(record.provenance[p].rules == ["READ.ISOLATED_BLANK"] for p in pair)
    # three blanks one above the other, or a whole blank column, are what the report says
    three = _zeros_but(*pair, "applications.unavailable_unclear.total")
    assert all(three.provenance[p].status.value == "proven" for p in pair)


@pytest.mark.parametrize("raw, value, note", [("159¹", 159, "mark ¹"), ("0③", 0, "mark ③"), ("※3835", 3835, "mark ※"),
                                              ("5*", 5, "mark *"), ("12注", 12, "mark 注"), ("538.37¹", Decimal("538.37"), "mark ¹")])
def test_a_footnotes_mark_beside_a_number_is_no_digit_of_it(raw: str, value, note: str) -> None:
    """NFKC would read a superscript or circled digit as one more digit (159¹ → 1591, 0③ → 3)."""
    cell = parse_cell(raw)
    assert (cell.kind, cell.value, cell.note) == (CellKind.ANNOTATED, value, note)


@pytest.mark.parametrize("raw", ["10¹,164", "1³2", "4②5"])
def test_a_footnotes_mark_inside_a_number_leaves_its_digits_unknown(raw: str) -> None:
    """``10¹,164``: a note's mark put inside a count (10164); NFKC would make it one more digit (101164). Where
    the count's digits stand round the mark is not known for sure: a number's place, its value unread."""
    cell = parse_cell(raw)
    assert cell.kind is CellKind.MISSING and cell.value is None


@pytest.mark.parametrize("raw", ["①", "※", "*"])
def test_a_footnotes_mark_alone_is_no_number(raw: str) -> None:
    assert parse_cell(raw).kind is CellKind.TEXT


@pytest.mark.parametrize("raw, value", [("零", 0), ("十二", 12), ("四十六", 46), ("一百零二", 102), ("两千零五", 2005)])
def test_a_count_in_chinese_numerals_is_its_number(raw: str, value: int) -> None:
    assert parse_cell(raw).value == value and parse_cell(raw).is_number


@pytest.mark.parametrize("raw", ["一", "十", "二零", "零零", "四六"])
def test_one_numeral_character_or_a_run_of_digits_is_no_count(raw: str) -> None:
    """A single character may be a piece of a header printed a character to a line (第/一/项); 二零 and 四六 are no
    numerals."""
    assert parse_cell(raw).kind is CellKind.TEXT
