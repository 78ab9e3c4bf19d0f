"""Numbers split over a word processor's runs and parted by a crawler's separator are joined as printed.

A cell pasted from Word into a CMS page often holds its number in two runs (``<span>2</span><span>08</span>``);
BeautifulSoup's ``get_text(" ")`` or ``get_text("\\n")`` parts them. The joins are options the identities choose
among: ``2 08`` is 208 (never 28), ``08`` alone is no count, and a row that prints its blanks as ``/`` may have
two of its numbers split. What they pin is derived and queued, never proven.
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.extract.glued import recount_options, row_holds
from llm_extract.extract.runjoins import joined_readings, printed_pieces
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document


def test_a_later_piece_keeps_its_leading_zero_when_joined() -> None:
    pieces = printed_pieces(["0", "0", "0", "2", "08", "0", "0", "2", "08"], [0, 0, 0, 2, 8, 0, 0, 2, 8])
    assert pieces[4] == "08"
    assert recount_options([0, 0, 0, 2, 8, 0, 0, 2, 8], 7, row_holds, pieces=pieces) == [[0, 0, 0, 208, 0, 0, 208]]


def test_a_piece_that_begins_with_zero_is_no_count_of_its_own() -> None:
    assert joined_readings(["08", "1"], 0) == []
    assert joined_readings(["1", "08", "3"], 1) == [[108, 3]]


def test_full_width_digits_and_a_thousands_separator_are_pieces_as_printed() -> None:
    assert printed_pieces(["１", "０８", "1,02", "9"], [1, 8, 102, 9]) == ["1", "08", "102", "9"]


# A TRS page's 表三 (Word runs in its cells, blanks printed ``/``) as BeautifulSoup's get_text(" ") leaves it
_T3 = """三、收到和处理政府信息公开申请情况
 （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） 申请人情况
 自然人 法人或其他组织 总计
 商业企业 科研机构 社会公益组织 法律服务机构 其他
 一、本年新收政府信息公开申请数量 694 / 2 56 77 2 / 1,02 9
 二、上年结转政府信息公开申请数量 1 / / / 1 / 2
 三、本年度办理结果 （一）予以公开 1 / 25 5 39 2 / 297
 （二）部分公开 （区分处理的，只计这一情形，不计其他情形） / / / / / / /
 （三）不予公开 1.属于国家秘密 / / / / / / /
 2.其他法律行政法规禁止公开 / / / 1 / / 1
 3.危及“三安全一稳定” 1 / / / / / 1
 4.保护第三方合法权益 / / / / / / /
 5.属于三类内部事务信息 / / / / / / /
 6.属于四类过程性信息 / / / / / / /
 7.属于行政执法案卷 / / / / / / /
 8.属于行政查询事项 2 57 / / / / / 257
 （四）无法提供 1.本机关不掌握相关政府信息 9 / / 3 2 / / 4 1
 2.没有现成信息需要另行制作 / / / / / / /
 3.补正后申请内容仍不明确 / / / / / / /
 （五）不予处理 1.信访举报投诉类申请 / / 1 1 / / 2
 2.重复申请 42 7 / / 1 / / 42 8
 3.要求提供公开出版物 / / / / / / /
 4.无正当理由大量反复申请 / / / / / / /
 5.要求行政机关确认或重新出具已获取信息 / / / / / / /
 （六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 / / / / / / /
 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 / / / / / / /
 3.其他 / / / 3 / / 3
 （七）总计 69 5 / 2 56 77 2 / 1,030
 四、结转下年度继续办理 / / / / 1 / 1
"""


def test_rows_that_mark_their_blanks_with_two_numbers_split_are_pinned_by_the_identities_and_queued() -> None:
    record = process_document(Document.from_text("方正县会发镇2023年政府信息公开工作年度报告\n" + _T3, doc_id="runs"))
    apps = record.report.applications
    assert [apps.unavailable_not_held.natural_person, apps.unavailable_not_held.social_org,
            apps.unavailable_not_held.total] == [9, 32, 41]
    assert [apps.rejected_duplicate.natural_person, apps.rejected_duplicate.total] == [427, 428]
    assert [apps.total_processed.natural_person, apps.total_processed.research, apps.total_processed.total] == [
        695, 256, 1030]
    for row in ("unavailable_not_held", "rejected_duplicate", "total_processed"):
        for col in ("natural_person", "total"):
            assert record.provenance[f"applications.{row}.{col}"].status is not Status.PROVEN
