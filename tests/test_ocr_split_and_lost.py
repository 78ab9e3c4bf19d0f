"""OCR'd 表三 rows of seven numbers whose own total fails because a number was split in two and a cell lost
(``1 1 2 0 0 1 15`` for 11 2 0 0 1 1 15): the row is offered as every join of two neighbours with the lost cell
at each place, and the identities choose. Nothing so placed is proven."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.extract.markgaps import split_and_lost_options
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from tests.test_ocr_letter_gaps import ROW

#: an OCR'd report (the layout of a scanned table: group labels' characters on lines of their own, cells of
#: OCR letters alone: O, D, S)
_TEXT = """和城县人民政府2021年度政府信息公开工作报告
三、收到和处理政府信息公开申请情况
申请人情况
自然人 法人或其他组织 总计
商业企业 科研机构 社会公益组织 法律服务机构 其他
一、本年新收政府信息公开申请数量 80 1 0 0 0 2 83
二、上年结转政府信息公开申请数量 2 0 0 0 0 0 2
(一)予以公开 9 0 0 0 0 0 9
三
(二)部分公开(区分处理的，只计这一情形，不计其他情形) 0 0 0 0 0 0 0
１．属于国家秘密 1 0 0 0 0 0 1
(三)不予公开
２．其他法律行政法规禁止公开 1 0 0 0 0 0 1
３．危及"三安全一稳定" 0 0 0 0 D 0 0
本
４．保护第三方合法权益 4 0 0 0 0 0 4
５．属于三类内部事务信息 1 0 0 0 O 0 1
６．属于四类过程性信息 5 0 0 0 0 0 S
７．属于行政执法案卷 0 0 0 0 0 0 0
８．属于行政查询事项 11 0 0 0 0 0 11
１．本机关不掌握相关政府信息 27 0 0 0 0 1 28
(四)无法提供
２．没有现成信息需要另行制作 3 1 0 0 0 0 4
３．补正后申请内容仍不明确 3 0 0 0 0 0 3
１．信访举报投诉类申请 0 0 0 0 0 0 0
(五)不予处理
２．重复申请 0 0 0 0 0 0 0
３．要求提供公开出版物 0 0 0 0 0 0 0
４．无正当理由大量反复申请 0 0 0 0 0 0 0
５．要求行政机关确认或重新出具已获取信息 3 0 0 0 0 0 3
１．申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 {row}
(六)其他处理
２．申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 0 0 0 0 0 0 0
３．其他 0 0 0 0 0 0 0
(七)总计 82 1 0 0 0 2 85
四、结转下年度继续办理 0 0 0 0 0 0 0
"""


def _read(row: str, text: str = _TEXT):
    return process_document(Document.from_text(text.replace("{row}", row), doc_id="ocr"))


def test_the_readings_of_seven_numbers_that_break_their_total_join_two_and_place_the_lost_cell() -> None:
    options = split_and_lost_options([1, 4, 0, 0, 0, 0, 15])
    assert [14, 0, 0, 0, 0, 1, 15] in options
    assert all(o[6] == sum(o[:6]) and min(o) >= 0 for o in options)
    assert split_and_lost_options([14, 0, 0, 0, 0, 1, 15]) == []         # a row that holds is read as printed
    assert all(o[0] != 4 for o in split_and_lost_options([0, 4, 0, 0, 0, 0, 5]))   # 04 is no count
    # cells that add up to more than the total: a join and a lost cell only add, so a misprint, kept as printed
    assert split_and_lost_options([1948, 130, 5, 19, 29, 50, 2180]) == []
    # a total one more than its cells (a misprint, or the report's own): every join adds more than the one missing,
    # and the last number stays the total (never an applicant cell, the total computed): kept as printed
    assert split_and_lost_options([441, 24, 2, 4, 18, 16, 506]) == []


def test_an_ocr_row_with_a_number_split_and_a_cell_lost_is_placed_by_the_identities() -> None:
    """1 4 0 0 0 0 15 for 14 0 0 0 0 1 15: read as seven cells it breaks its row's total, and every column sum
    through it: the whole table was unchecked."""
    record = _read("1 4 0 0 0 0 15")
    row = record.report.applications.other_no_correction
    assert [getattr(row, c) for c in ROW] == [14, 0, 0, 0, 0, 1, 15]
    paths = [f"applications.other_no_correction.{c}" for c in ROW]
    # the counts each the one value its column's sum leaves; the 0s placed by the printed order (0 or blank?)
    assert [record.provenance[p].status for p in paths] == [Status.PINNED] + [Status.DERIVED] * 4 + [Status.PINNED] * 2
    # the rest of the table, checked by identities that now hold, is proven
    for path in ("applications.granted.natural_person", "applications.total_processed.total"):
        assert record.provenance[path].status is Status.PROVEN, path


def test_a_born_digital_row_that_breaks_its_total_is_kept_as_printed() -> None:
    """Without OCR letters the text is no OCR reading: a row that breaks its total is a misprint, kept."""
    text = _TEXT.replace(" D 0 0", " 0 0 0").replace(" O 0 1", " 0 0 1").replace(" 0 S", " 0 5")
    record = _read("1 4 0 0 0 0 15", text)
    row = record.report.applications.other_no_correction
    assert [getattr(row, c) for c in ROW] == [1, 4, 0, 0, 0, 0, 15]


def test_a_blank_row_of_ocr_text_is_not_said_to_be_pdf_text() -> None:
    """２．重复申请 alone in OCR'd text: its cells blank, the note naming no family the reader cannot know."""
    record = _read("14 0 0 0 0 1 15", _TEXT.replace("２．重复申请 0 0 0 0 0 0 0", "２．重复申请"))
    prov = record.provenance["applications.rejected_duplicate.research"]
    assert prov.method == "label-alone" and record.report.applications.rejected_duplicate.research is None
    assert "label stands alone" in prov.note and "PDF text whose" not in prov.note
