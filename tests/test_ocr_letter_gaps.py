"""OCR'd text whose row lost a cell and prints others as letters alone (``o``, ``D`` for 0): the letters stand
in their places with their guesses among the numbers, and the identities place the lost cell. Nothing so
placed is proven."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.extract.regions import find_regions
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from tests.fakeopenai import report_text, sample_values

ROW = ["natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total"]


def _ocr(replace: dict[str, str], apart: str = "   "):
    text = report_text(sample_values()).replace("\t", apart)
    for old, new in replace.items():
        assert old in text, old
        text = text.replace(old, new)
    return process_document(Document.from_text(text, doc_id="ocr"))


def test_table3_rows_with_a_lost_cell_and_letters_alone_are_placed_by_the_identities() -> None:
    """Four such rows: placed by their numbers alone, their readings are too many to search (35 each); with
    the letters in their places, seven each."""
    record = _ocr({"4.保护第三方合法权益 1 0 0 0 0 0 1": "4.保护第三方合法权益 1 o 0 D 0 1",
                   "信访举报投诉类申请 1 0 0 0 0 0 1": "信访举报投诉类申请 1 O D 0 o 1",
                   "2.重复申请 0 0 0 0 0 0 0": "2.重复申请 0 o 0 D 0 0",
                   "3.要求提供公开出版物 0 0 0 0 0 0 0": "3.要求提供公开出版物 0 0 O 0 o 0"}, apart=" ")
    apps = record.report.applications
    expected = {"denied_third_party": [1, 0, 0, 0, 0, 0, 1], "rejected_petition": [1, 0, 0, 0, 0, 0, 1],
                "rejected_duplicate": [0] * 7, "rejected_publication": [0] * 7}
    for row, values in expected.items():
        assert [getattr(getattr(apps, row), c) for c in ROW] == values, row
        assert {record.provenance[f"applications.{row}.{c}"].status for c in ROW} == {Status.DERIVED}, row


def test_table4_with_a_lost_cell_and_a_letter_alone_is_placed_by_the_identities() -> None:
    record = _ocr({"1   0   0   1   2   0   1   0   0   1   0   0   0   0   0":
                   "1   O   0   1   2   0   1   0   0   1   0   0   0   0"})
    t4 = record.report.review_litigation
    assert (t4.administrative_review.total, t4.litigation_direct.upheld, t4.litigation_direct.total) == (2, 0, 1)
    assert t4.litigation_after_review.total == 0
    assert record.provenance["review_litigation.administrative_review.corrected"].status is Status.DERIVED


def test_a_row_of_seven_tokens_with_placeholders_and_letters_alone_keeps_each_token_in_its_cell() -> None:
    """0 / o 0 / / 0: printed placeholders hold their cells as numbers do; the letters' guesses are the
    identities' to pin."""
    record = _ocr({"4.保护第三方合法权益 1 0 0 0 0 0 1": "4.保护第三方合法权益 1 / o / 0 / 1",
                   "信访举报投诉类申请 1 0 0 0 0 0 1": "信访举报投诉类申请 1 O / 0 o / 1",
                   "2.重复申请 0 0 0 0 0 0 0": "2.重复申请 0 o / D / 0 0",
                   "3.要求提供公开出版物 0 0 0 0 0 0 0": "3.要求提供公开出版物 / 0 O 0 o / 0"}, apart=" ")
    apps = record.report.applications
    expected = {"denied_third_party": [1, None, 0, None, 0, None, 1], "rejected_petition": [1, 0, None, 0, 0, None, 1],
                "rejected_duplicate": [0, 0, None, 0, None, 0, 0], "rejected_publication": [None, 0, 0, 0, 0, None, 0]}
    for row, values in expected.items():
        assert [getattr(getattr(apps, row), c) for c in ROW] == values, row
    assert record.provenance["applications.denied_third_party.research"].status is not Status.MISSING


def test_a_numbered_heading_over_a_lone_comma_speck_still_opens_its_table() -> None:
    """四、政府信息公开行政复议、行政诉讼情况 / 、: the lone 、 is an OCR'd speck under the heading, not a list of
    section names going on (a list's 、 stands before the next name, 况 / 、 / 收到和处理…)."""
    text = report_text(sample_values()).replace("\t", "   ")
    text = text.replace("四、政府信息公开行政复议、行政诉讼情况\n", "四、政府信息公开行政复议、行政诉讼情况\n 、\n")
    text = text.replace("\n行政复议   行政诉讼\n", "\n")     # (no header line that would open 表四 itself)
    lines = text.split("\n")
    regions = find_regions(lines)
    assert regions["表四"].heading == "四、政府信息公开行政复议、行政诉讼情况"
    assert regions["表三"].end == regions["表四"].start


def test_a_b_alone_where_a_number_belongs_is_a_6_for_the_identities_to_pin() -> None:
    """行政复议 … 1 0 0 b 7: a scan's 6 read as b, a cell of letters alone like O or l."""
    record = _ocr({"1   0   0   1   2   0   1   0   0   1   0   0   0   0   0":
                   "1   0   0   b   7   0   1   0   0   1   0   0   0   0   0"})
    t4 = record.report.review_litigation
    assert (t4.administrative_review.pending, t4.administrative_review.total) == (6, 7)
    assert record.provenance["review_litigation.administrative_review.pending"].status is not Status.MISSING


def test_a_one_row_other_handling_with_a_letter_still_stands_in_for_its_sub_rows() -> None:
    """（六）其他处理 l 0 0 0 0 0 1 printed as one row, its 1 OCR'd as l: the row stands in for its sub-rows'
    sums in the column identities, the letter's cell as an unknown they pin, so the columns are checked
    (every other cell of them was left unverified); the sub-rows stay not printed."""
    text = report_text(sample_values()).replace("\t", " ")
    start = text.index("（六）其他处理 1.")
    end = text.index("（七）总计")
    text = text[:start] + "（六）其他处理 l 0 0 0 0 0 1\n" + text[end:]
    text = text.replace("（七）总计 12 2 0 0 1 1 16", "（七）总计 13 2 0 0 1 1 17")
    text = text.replace("四、结转下年度继续办理 1 0 0 0 0 0 1", "四、结转下年度继续办理 0 0 0 0 0 0 0")
    record = process_document(Document.from_text(text, doc_id="ocr"))
    assert record.report.applications.total_processed.natural_person == 13
    for path in ("applications.total_processed.natural_person", "applications.granted.natural_person",
                 "applications.total_processed.total"):
        assert record.provenance[path].status is Status.PROVEN, path
    assert record.report.applications.other_no_correction.natural_person is None
    assert record.provenance["applications.other_no_correction.natural_person"].status is Status.MISSING


def test_a_table2_label_with_an_ocr_look_alike_character_is_still_its_rows_label() -> None:
    """行玫许可 / 行玫事业性收费: 玫 is OCR's 政; the row is read (and, from an OCR'd text, not proven)."""
    plain = _ocr({})
    record = _ocr({"行政许可": "行玫许可", "行政事业性收费": "行玫事业性收费"})
    ad, expected = record.report.active_disclosure, plain.report.active_disclosure
    assert ad.licensing is not None and (ad.licensing, ad.fees_10k_yuan) == (expected.licensing, expected.fees_10k_yuan)


def test_a_bar_standing_where_a_table4_cell_belongs_is_ocrs_1_for_the_identities_to_pin() -> None:
    """| 0 0 1 2 0 | 0 0 1 0 0 0 0 0: fifteen tokens with the bars, thirteen without; the bars are cells (a 1
    OCR'd as |), not rules. A ruled row (a bar between every two cells) keeps its bars as rules."""
    record = _ocr({"1   0   0   1   2   0   1   0   0   1   0   0   0   0   0":
                   "|   0   0   1   2   0   |   0   0   1   0   0   0   0   0"})
    t4 = record.report.review_litigation
    assert (t4.administrative_review.upheld, t4.litigation_direct.corrected, t4.litigation_direct.total) == (1, 1, 1)
    assert record.provenance["review_litigation.administrative_review.upheld"].status is not Status.MISSING
    ruled = _ocr({"1   0   0   1   2   0   1   0   0   1   0   0   0   0   0":
                  "1 | 0 | 0 | 1 | 2 | 0 | 1 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0"})
    assert ruled.report.review_litigation.administrative_review.total == 2
    assert ruled.provenance["review_litigation.administrative_review.total"].status is Status.PROVEN


def test_a_bar_standing_where_a_table3_cell_belongs_beside_the_label_is_ocrs_1() -> None:
    """4.保护第三方合法权益 | 0 0 0 0 0 1: six numbers and a bar for seven cells; the bar is not joined onto the label."""
    record = _ocr({"4.保护第三方合法权益 1 0 0 0 0 0 1": "4.保护第三方合法权益 | 0 0 0 0 0 1",
                   "1.信访举报投诉类申请 1 0 0 0 0 0 1": "1.信访举报投诉类申请 1 0 0 0 0 0 |"}, apart=" ")
    for row in ("denied_third_party", "rejected_petition"):
        assert [getattr(getattr(record.report.applications, row), c) for c in ROW] == [1, 0, 0, 0, 0, 0, 1], row
        assert record.provenance[f"applications.{row}.commercial"].status is Status.PROVEN, row   # read, not placed


def test_a_label_broken_after_its_first_words_and_page_numbers_with_ocr_specks() -> None:
    """1、申请人无正当理由逾期不 / 补正、…: the first part names its row (理由逾期, not 4.无正当理由大量反复申请's); a page
    number with an OCR speck after it (2 / 5 _) is page furniture, no cells."""
    from llm_extract.extract.labels import TABLE3_LABELS, match_row
    from llm_extract.extract.layout import is_page_furniture, label_key

    def rows(label: str) -> list[str]:
        return [row for row, pattern in TABLE3_LABELS if match_row(label_key(label), pattern)]

    assert rows("1、申请人无正当理由逾期不") == ["other_no_correction"]
    assert rows("4.无正当理由大量反复申请") == ["rejected_excessive"]
    assert all(is_page_furniture(line) for line in (" 2 / 5 _", "2 / 5", "第 2 页 共 5 页 ."))
    assert not is_page_furniture("2 0 5 _")


def test_an_item_number_parted_from_its_dot_is_the_labels_and_a_letter_cell_is_never_dropped() -> None:
    """（五）不 1. 信访举报投诉类申请 1 0 O 0 0 0 1 / 2 . 重复申请 0 …: the 2 is the next label's item number, not an eighth
    cell of the row above; and seven numbers beside a cell of letters (O) are no reading of seven cells."""
    from llm_extract.extract.layout import tokenize

    items = tokenize(["2 . 重复申请 0 0 0 0 0 0 0"], 1, 2)
    assert items[0].is_text and items[0].key == "2.重复申请" and len(items) == 8
    record = _ocr({"1.信访举报投诉类申请 1 0 0 0 0 0 1\n2.重复申请": "1.信访举报投诉类申请 1 0 O 0 0 0 1\n2 . 重复申请"}, apart=" ")
    row = record.report.applications.rejected_petition
    assert (row.natural_person, row.research, row.other_org, row.total) == (1, 0, 0, 1)
    stray = _ocr({"1.信访举报投诉类申请 1 0 0 0 0 0 1": "1.信访举报投诉类申请 1 0 O 0 0 0 1 2"}, apart=" ")
    assert stray.report.applications.rejected_petition.total in (None, 1)     # never the stray 2


def test_a_row_whose_numbers_run_beyond_the_items_it_is_given_keeps_them_as_read() -> None:
    """bars_as_cells looks for bars among the row's own items: numbers taken from beyond them (a row whose
    cells a page break carried on) have no bar there, and the row is left as read, never an error."""
    from llm_extract.extract.layout import tokenize
    from llm_extract.extract.ruleglyphs import bars_as_cells

    lines = ["（一）予以公开 1 | 0 0 0 0", "2"]
    items = tokenize(lines, 1, 3)
    values = [it for it in items if it.is_value]
    own = [it for it in items if it.line == 1]
    assert bars_as_cells(own, values, 7) == values


def test_a_table3_label_with_ocrs_look_alike_of_kai_is_still_its_rows_label() -> None:
    """（二）部分公幵（区 / 分外理的，只计这一倩形，…）: 幵 (U+5E75) is OCR's look-alike of 开. Unmatched, the
    row's numbers joined 予以公开's (fourteen numbers for one row): both rows, and every column sum through
    them, went unread."""
    record = _ocr({"（二）部分公开 ": "（二）部分公幵（区\n分外理的，只计这一倩形，不计其他情形） "}, apart=" ")
    apps = record.report.applications
    assert [getattr(apps.partially_granted, c) for c in ROW] == [2, 0, 0, 0, 0, 1, 3]
    assert [getattr(apps.granted, c) for c in ROW] == [5, 1, 0, 0, 0, 0, 6]
    for path in ("applications.partially_granted.total", "applications.granted.natural_person",
                 "applications.total_processed.total"):
        assert record.provenance[path].status is Status.PROVEN, path


def test_a_lone_label_under_a_row_with_a_letter_alone_is_a_blank_row() -> None:
    """2.…禁止公开 0 0 D 0 0 0 0 / 3.危及“三安全一稳定” (nothing after it) / 4.… 1 0 0 0 0 0 1: the row above holds
    seven tokens, each in its cell (D, OCR's 0, among them), so none of the lone label's cells stands there: its
    cells are blank, as under a row of digits alone, not zeros the identities pin."""
    record = _ocr({"2.其他法律行政法规禁止公开 0 0 0 0 0 0 0": "2.其他法律行政法规禁止公开 0 0 D 0 0 0 0",
                   "3.危及“三安全一稳定” 0 0 0 0 0 0 0": "3.危及“三安全一稳定”"}, apart=" ")
    apps = record.report.applications
    assert [getattr(apps.denied_security_stability, c) for c in ROW] == [None] * 7
    assert record.provenance["applications.denied_security_stability.total"].method == "label-alone"
    assert [getattr(apps.denied_prohibited_by_law, c) for c in ROW] == [0] * 7
