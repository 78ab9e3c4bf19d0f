"""The text other tools hand users (pdfminer's pdf2txt.py, OCR engines): no value is proven from
another row's place, from a guess at which tokens are cells, or from an OCR reading no identity checks.

* A 表二 label never takes the cells that follow a section heading of another row (第二十条第（五）项).
* A row holding more tokens than cells, table rules read as letters among them (``l``, ``I``): where
  the rule letters are exactly the tokens too many, the row reads one way only (every one is a rule)
  and is read so, proven where its identities check it (表二, which none checks: read, unverified).
  Where there are more rule letters than that, some may be a ``1``: the row is never read cell by
  cell (表四's row of 15; a 表三 row whose first seven tokens hold such a letter), which tokens are
  rules is a guess. The readings left by dropping rule glyphs are candidates; the identities may pin
  one (derived, and queued), never prove it.
* A 表二 cell whose digits needed an OCR letter (``33B`` → 338) is read but unverified
  (``READ.OCR_DIGITS``): the engine may as well have doubled a digit, and no identity checks 表二.
  In 表三 and 表四 the identities check such a cell.
* A text where letters stand for digits in several cells is an OCR reading: its 表二 is read but
  unverified (``READ.OCR_TEXT``), by the deterministic reader and by a model reading the same text.
"""

from __future__ import annotations

from llm_extract.evidence import Method, Status
from llm_extract.extract import extract_regex
from llm_extract.ingest import Document
from llm_extract.model.answer import ModelAnswer, to_extraction
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICANT_COLUMNS, DISCLOSURE_PATHS, REVIEW_COLUMNS, REVIEW_GROUPS
from tests.fakeopenai import answer_for, report_text, sample_values
from verify.settle import settle
from verify.trust import OCR_CELLS, ocr_cell, ocr_text

VALUES = sample_values()
T2 = [p for p in DISCLOSURE_PATHS if VALUES.get(p) is not None]
T4 = [f"review_litigation.{g}.{c}" for g in REVIEW_GROUPS for c in REVIEW_COLUMNS]

# pdfminer's pdf2txt.py prints a table column by column: the labels, then headings, then the values
PDF2TXT_TABLE2 = "\n\n".join([
    "二、主动公开政府信息情况", "第⼆⼗条第（⼀）项", "信息内容", "规章", "⾏政规范性⽂件", "本年制发件数",
    "本年废⽌件数", "现⾏有效件数", "—", "0", "—", "0", "—", "100", "信息内容", "⾏政许可", "信息内容",
    "⾏政处罚", "⾏政强制", "信息内容", "⾏政事业性收费", "第⼆⼗条第（五）项", "本年处理决定数量", "25",
    "第⼆⼗条第（六）项", "本年处理决定数量", "3243", "0", "第⼆⼗条第（⼋）项", "本年收费⾦额（单位：万元）",
    "239.837718", "三、收到和处理政府信息公开申请情况", ""])


def _doc(text: str):
    return process_document(Document.from_text(text, doc_id="d"))


def _with_table4(text: str) -> str:
    """A 表二 excerpt followed by a sound 表四 (a document where something is read)."""
    return text + "\n" + _table4(" 0 2 0 0 2 0 0 0 2 2 0 0 2 0 2")


def _field(record, path: str):
    return record.report.get(path), record.provenance[path].status


def test_a_fee_label_never_takes_the_number_after_another_rows_section_heading() -> None:
    """(The row reader leaves it; the number under its own column header 本年收费金额 is placed by that
    header alone, extract/t2boxes.py: a candidate, never proven.)"""
    reading = extract_regex(Document.from_text(_with_table4(PDF2TXT_TABLE2), doc_id="d")).readings
    fee = reading["active_disclosure.fees_10k_yuan"]
    assert fee.method == Method.TEXT_BLOCK_POSITION
    record = _doc(_with_table4(PDF2TXT_TABLE2))
    assert record.provenance["active_disclosure.fees_10k_yuan"].status is Status.UNVERIFIED


def test_the_same_heading_run_together_on_one_line_takes_no_cell_either() -> None:
    record = _doc(_with_table4("二、主动公开政府信息情况\n行政事业性收费 第二十条第（五）项 本年处理决定数量 25\n"))
    assert _field(record, "active_disclosure.fees_10k_yuan") == (None, Status.MISSING)


def test_a_section_heading_before_the_label_is_no_obstacle() -> None:
    record = _doc(_with_table4("二、主动公开政府信息情况\n第二十条第（八）项\n行政事业性收费 25\n"))
    assert _field(record, "active_disclosure.fees_10k_yuan") == (25, Status.PROVEN)


def _table4(row: str) -> str:
    return ("四、政府信息公开行政复议、行政诉讼情况\n       行政复议                       行政诉讼\n"
            "结果维 结果纠 其他结 尚未审 总 结果维 结果纠 其他结 尚未审 总 结果维 结果纠 其他结 尚未审 总\n"
            " 持 正 果 结 计 持 正 果 结 计 持 正 果 结 计\n" + row + "\n\n五、存在的主要问题及改进情况\n无。\n")


# 0,2,0,0,2 | 0,0,0,2,2 | 0,0,2,0,2 printed by OCR with its rules read as l: 22 tokens for 15 cells,
# seven of them rule letters
OCR_RULED_ROW = " 0 l 2 l 0 l 0 2 0 l 0 l 0   2 2 0 l 0    2 l 0 2"
TRUE_T4 = [0, 2, 0, 0, 2, 0, 0, 0, 2, 2, 0, 0, 2, 0, 2]
# 1,0,0,0,1 | 0,0,0,2,2 | 0,0,2,0,2 with its 1 printed l: 18 tokens for 15 cells, four rule letters, one of them a 1
OCR_RULED_ROW_WITH_A_ONE = " l l 0 0 0 1 l 0 0 0 2 2 l 0 0 2 0 2"


def test_a_table4_row_whose_rule_letters_are_exactly_the_extra_tokens_is_read_and_proven() -> None:
    record = _doc(_table4(OCR_RULED_ROW))
    assert [_field(record, p) for p in T4] == [(v, Status.PROVEN) for v in TRUE_T4]


def test_a_table4_row_with_more_rule_letters_than_extra_tokens_is_never_proven() -> None:
    record = _doc(_table4(OCR_RULED_ROW_WITH_A_ONE))
    assert not any(record.provenance[p].status is Status.PROVEN for p in T4)


def test_dropping_rule_glyphs_offers_the_readings_the_identities_choose_among() -> None:
    # keep the first or second l as the 1: 1,0,0,0,1 | …; keep the third: 0,0,0,1,1 | … (also adds up);
    # the fourth breaks the second group. Two readings stay: candidates, no value
    record = _doc(_table4(OCR_RULED_ROW_WITH_A_ONE))
    assert all(_field(record, p) == (None, Status.MISSING) for p in T4)
    assert "DERIVE.AMBIGUOUS" in record.provenance[T4[0]].rules


def test_a_ruled_table4_row_no_reading_of_which_adds_up_is_queued_not_taken_for_no_table() -> None:
    # every way of dropping the I's and l's breaks a group's total (OCR lost a digit too): the document
    # still holds 表四, every cell a candidate for a person
    record = _doc(_table4(" 0 I l I 0 I 0 0 0 I 0   0 I 0 0 0 I 1 I 0 I O 1"))
    assert all(record.provenance[p].status is Status.MISSING for p in T4)      # (not NotAReportError)


def test_fifteen_numbers_with_rule_letters_between_them_are_read_as_fifteen_numbers() -> None:
    record = _doc(_table4(" 0 2 0 0 2 l 0 0 0 2 2 l 0 0 2 0 2"))
    assert [_field(record, p) for p in T4] == [(v, Status.PROVEN) for v in TRUE_T4]


def test_a_rule_letter_whose_dropping_breaks_a_group_leaves_the_group_disputed_not_proven() -> None:
    # 0,2,0,0,2 | … with the first group's 2 lost by OCR: read as printed, its total breaks
    record = _doc(_table4(" 0 l 0 0 0 l 2 0 0 0 2 2 l 0 0 2 0 2"))
    assert [record.provenance[p].status for p in T4[:5]] == [Status.DISPUTED] * 5


def test_a_rule_letter_between_two_headings_is_no_cell_of_table4() -> None:
    # 1,0,0,0,1 | 0,0,0,0,0 | 1,0,0,0,1, its first 1 printed l, under ``行政复议 l 行政诉讼``
    text = _table4(" l 0 0 0 1 0 0 0 0 0 1 0 0 0 1").replace("行政复议                       行政诉讼",
                                                            "行政复议 l 行政诉讼")
    record = _doc(text)
    assert [_field(record, p) for p in T4] == [(v, Status.PROVEN) for v in (1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1)]


def test_a_table4_row_of_fifteen_numbers_is_still_read_and_proven() -> None:
    record = _doc(_table4(" 0 2 0 0 2 0 0 0 2 2 0 0 2 0 2"))
    assert [_field(record, p) for p in T4] == [(v, Status.PROVEN) for v in TRUE_T4]


def test_a_table3_row_whose_letters_may_be_rules_is_never_read_cell_by_cell() -> None:
    # 1 0 0 0 0 0 1 printed by OCR as l I 0 0 0 0 0 l: eight tokens for seven cells; taking the first
    # seven shifted every column (1, 1, 0, …, 0)
    text = report_text(VALUES).replace("4.保护第三方合法权益\t1\t0\t0\t0\t0\t0\t1", "4.保护第三方合法权益 l I 0 0 0 0 0 l")
    record = _doc(text)
    paths = [f"applications.denied_third_party.{c}" for c in APPLICANT_COLUMNS]
    # the 1s each the one value its column's balance leaves (pinned); the 0s among OCR letters: blank or 0?
    assert [_field(record, p) for p in paths] == [(v, Status.PINNED if v else Status.DERIVED) for v in (1, 0, 0, 0, 0, 0, 1)]


def test_a_table3_row_whose_rule_letters_are_exactly_the_extra_tokens_is_read_and_proven() -> None:
    # 1 0 0 0 0 0 1 with three rules read as I and l and a 0 as O: ten tokens for seven cells, three rule
    # letters (six numbers: without the rules dropped, which cell the O is would be a guess)
    text = report_text(VALUES).replace("4.保护第三方合法权益\t1\t0\t0\t0\t0\t0\t1",
                                       "4.保护第三方合法权益 I 1 0 l O 0 I 0 0 1")
    record = _doc(text)
    paths = [f"applications.denied_third_party.{c}" for c in APPLICANT_COLUMNS]
    assert [_field(record, p) for p in paths] == [(v, Status.PROVEN) for v in (1, 0, 0, 0, 0, 0, 1)]


def test_a_table2_row_whose_rule_letters_are_exactly_the_extra_tokens_is_read_but_never_proven() -> None:
    # 行政规范性文件 5 2 51 printed with a rule read as l: four tokens for three cells; no identity checks 表二
    record = _doc(report_text(VALUES).replace("行政规范性文件\t5\t2\t51", "行政规范性文件 5 l 2 51"))
    paths = [f"active_disclosure.normative_documents.{c}" for c in ("issued", "repealed", "in_force")]
    assert [_field(record, p) for p in paths] == [(v, Status.UNVERIFIED) for v in (5, 2, 51)]
    assert all(record.provenance[p].rules == ["READ.RULE_GLYPHS"] for p in paths)


def test_a_table2_row_is_read_across_rules_printed_as_marks_but_never_proven() -> None:
    # the rules read as | or as the character 一 stand between the cells: text, no cell
    for printed in ("行政规范性文件 5 | 2 | 51", " | 行政规范性文件 | 5 | 2 | 51", "行政规范性文件 5 一 2 一 51"):
        record = _doc(report_text(VALUES).replace("行政规范性文件\t5\t2\t51", printed))
        paths = [f"active_disclosure.normative_documents.{c}" for c in ("issued", "repealed", "in_force")]
        assert [_field(record, p) for p in paths] == [(v, Status.UNVERIFIED) for v in (5, 2, 51)], printed
        assert all(record.provenance[p].rules == ["READ.RULE_GLYPHS"] for p in paths)


def test_a_rule_letter_before_a_one_cell_rows_number_is_no_digit_of_it() -> None:
    # ``l 75`` on the line under 行政强制: the table's rule, then 75 (not 175)
    record = _doc(report_text(VALUES).replace("行政强制\t10", "行政强制\nl 10"))
    assert _field(record, "active_disclosure.enforcement") == (10, Status.UNVERIFIED)
    assert record.provenance["active_disclosure.enforcement"].rules == ["READ.RULE_GLYPHS"]


def test_a_run_of_rule_letters_is_a_cell_not_a_rule() -> None:
    # 11 0 17 printed ``ll I 0 I 17``: the one-letter I's are the rules, ll the cell 11
    record = _doc(report_text(VALUES).replace("行政规范性文件\t5\t2\t51", "行政规范性文件 ll I 0 I 17"))
    paths = [f"active_disclosure.normative_documents.{c}" for c in ("issued", "repealed", "in_force")]
    assert [_field(record, p) for p in paths] == [(v, Status.UNVERIFIED) for v in (11, 0, 17)]


def test_a_table2_row_with_more_rule_letters_than_extra_tokens_is_not_read() -> None:
    # 1 2 51 printed l l 2 51, one l a rule, the other the 1: which is which is a guess (and l l may be 11)
    record = _doc(report_text(VALUES).replace("行政规范性文件\t5\t2\t51", "行政规范性文件 l l 2 51"))
    assert record.report.get("active_disclosure.normative_documents.issued") is None


def test_a_table2_cell_read_through_an_ocr_letter_is_unverified() -> None:
    # 38 printed by OCR as 33B: read 338; no identity can tell the doubled digit
    record = _doc(report_text(VALUES).replace("行政许可\t3150", "行政许可\t33B"))
    assert _field(record, "active_disclosure.licensing") == (338, Status.UNVERIFIED)
    assert record.provenance["active_disclosure.licensing"].rules == ["READ.OCR_DIGITS"]
    assert _field(record, "active_disclosure.punishment") == (65, Status.PROVEN)   # one slip: no OCR text


def test_a_table3_cell_read_through_an_ocr_letter_is_proven_by_its_identities() -> None:
    record = _doc(report_text(VALUES).replace("申请数量\t11\t", "申请数量\t1l\t"))
    assert _field(record, "applications.new_received.natural_person") == (11, Status.PROVEN)


def _ocr_text(letters: int) -> str:
    """The sample report with ``letters`` of the zeros of （一）予以公开 printed as O."""
    row = "（一）予以公开\t5\t1\t0\t0\t0\t0\t6"
    cells = row.split("\t")
    for k in range(3, 3 + letters):
        cells[k] = "O"
    return report_text(VALUES).replace(row, "\t".join(cells))


def test_a_text_with_ocr_letters_in_several_cells_proves_no_table2_cell() -> None:
    record = _doc(_ocr_text(OCR_CELLS))
    for p in T2:
        assert record.provenance[p].status is Status.UNVERIFIED and record.provenance[p].rules == ["READ.OCR_TEXT"]
        assert record.report.get(p) == VALUES[p]                 # read as printed
    assert record.provenance["applications.granted.total"].status is Status.PROVEN   # identities still prove 表三


def test_a_single_letter_for_a_digit_is_a_slip_not_an_ocr_text() -> None:
    record = _doc(_ocr_text(1))
    assert all(record.provenance[p].status is Status.PROVEN for p in T2)


def test_a_model_agreeing_with_an_ocr_text_proves_no_table2_cell_either() -> None:
    doc = Document.from_text(_ocr_text(OCR_CELLS), doc_id="d")
    answer = to_extraction(ModelAnswer.model_validate(answer_for(VALUES)), "d", {"model": "m"})
    record = settle(extract_regex(doc), answer, [], (), doc.lines)
    for p in T2:
        assert record.provenance[p].status is Status.UNVERIFIED and "READ.OCR_TEXT" in record.provenance[p].rules


def test_a_model_agreeing_with_a_cell_read_through_an_ocr_letter_does_not_prove_it() -> None:
    values = VALUES | {"active_disclosure.licensing": 338}
    doc = Document.from_text(report_text(values).replace("行政许可\t338", "行政许可\t33B"), doc_id="d")
    answer = to_extraction(ModelAnswer.model_validate(answer_for(values)), "d", {"model": "m"})
    record = settle(extract_regex(doc), answer, [], (), doc.lines)
    assert record.provenance["active_disclosure.licensing"].status is Status.UNVERIFIED


def test_what_counts_as_a_cell_printed_through_ocr_letters() -> None:
    assert all(ocr_cell(raw) for raw in ("O", "33B", "l4", "2l", "4O4.28", "ＯＯ"))
    assert not any(ocr_cell(raw) for raw in ("0", "338", "", None, "规章", "0 l 2", "B超", "1.5"))
    assert ocr_text(["O", "l4", "33B"]) and not ocr_text(["O", "l4", "0", "15"])


def _t3_row(record, row: str) -> list:
    return [_field(record, f"applications.{row}.{c}") for c in APPLICANT_COLUMNS]


def test_a_rule_read_as_the_character_yi_is_never_joined_onto_a_table3_label() -> None:
    # ``一 3.其他 一 0``: joined, ``一3.其他一`` is no row's label and the row would be lost
    text = report_text(VALUES).replace("3.其他\t0\t0\t0\t0\t0\t0\t0", "一 3.其他 一 0 一 0 0 一 0 一 0 0 0")
    assert _t3_row(_doc(text), "other_other") == [(0, Status.PROVEN)] * 7


def test_a_rule_read_as_yi_before_a_label_line_continued_is_no_item_number_of_another_row() -> None:
    # the label wraps; its second line opens with the rule, joined on with OCR's spaces taken out
    # (``一 处 理``): 一 is no item number (一、) of a row not found
    text = report_text(VALUES).replace("2.申请人逾期未按收费通知要求缴纳费用\t0\t0\t0\t0\t0\t0\t0",
                                       "2.申请人逾期未按收费通知要求缴纳费用、\n 一处理   行政机关不再处理其政府信息公开申请 0 一 0 0 0 0 0 0")
    assert _t3_row(_doc(text), "other_unpaid_fee") == [(0, Status.PROVEN)] * 7
