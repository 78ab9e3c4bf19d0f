"""（六）其他处理 printed as one row in a crawler's dump, its digits glued on (``（六）其他处理2100003``):
as in every other layout (FORM.md), its three sub-rows are 0 when the row is seven zeros and not printed
otherwise, null in every column, what the identities imply there a candidate only."""

from __future__ import annotations

import pytest

from llm_extract.evidence import CellKind, Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICANT_COLUMNS

SUB_ROWS = ("other_no_correction", "other_unpaid_fee", "other_other")

#: a crawler's 表三, one line: (六) printed as one row holding 2 (natural persons) and 1 (commercial)
DUMP = ("某某县人民政府2022年政府信息公开工作年度报告\n"
        "三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
        "申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他"
        "一、本年新收政府信息公开申请数量{new}二、上年结转政府信息公开申请数量1000001"
        "三、本年度办理结果（一）予以公开7000007（二）部分公开（区分处理的，只计这一情形，不计其他情形）1001002"
        "（三）不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开10000013.危及“三安全一稳定”1000001"
        "4.保护第三方合法权益00000005.属于三类内部事务信息00000006.属于四类过程性信息0000000"
        "7.属于行政执法案卷00000008.属于行政查询事项0000000（四）无法提供1.本机关不掌握相关政府信息2101004"
        "2.没有现成信息需要另行制作00000003.补正后申请内容仍不明确0000000（五）不予处理1.信访举报投诉类申请1000001"
        "2.重复申请10000013.要求提供公开出版物01000014.无正当理由大量反复申请1000001"
        "5.要求行政机关确认或重新出具已获取信息0000000（六）其他处理{six}（七）总计{total}"
        "四、结转下年度继续办理2000103四、政府信息公开行政复议、行政诉讼情况\n")


def _record(six: str = "2100003", total: str = "173020022", new: str = "183021024"):
    return process_document(Document.from_text(DUMP.format(six=six, total=total, new=new), doc_id="x"))


def test_a_non_zero_glued_row_leaves_every_sub_row_cell_null_and_not_printed() -> None:
    record = _record()
    values = record.report.values()
    for row in SUB_ROWS:
        for c in APPLICANT_COLUMNS:
            path = f"applications.{row}.{c}"
            prov = record.provenance[path]
            assert values[path] is None, path
            assert prov.kind is CellKind.ABSENT and prov.status is Status.MISSING, path
            assert "READ.NOT_PRINTED" in prov.rules, path


@pytest.mark.parametrize("column", ["research", "legal_service", "other_org"])
def test_where_the_row_holds_0_the_identities_zero_is_a_candidate_never_the_value(column: str) -> None:
    record = _record()
    for row in SUB_ROWS:
        prov = record.provenance[f"applications.{row}.{column}"]
        assert prov.candidates == {"derived": 0} and record.report.values()[f"applications.{row}.{column}"] is None


def test_the_rows_around_a_glued_one_row_keep_their_own_cells() -> None:
    record = _record()
    apps = record.report.applications
    assert apps.rejected_reconfirm.total == 0 and apps.total_processed.total == 22
    assert apps.total_processed.natural_person == 17


def test_a_glued_row_of_seven_zeros_makes_each_sub_row_0_by_its_one_cut() -> None:
    record = _record("0000000", "152020019", "162021021")   # 3 fewer received, 3 fewer processed
    for row in SUB_ROWS:
        for c in APPLICANT_COLUMNS:
            path = f"applications.{row}.{c}"
            assert record.report.values()[path] == 0, path
            assert record.provenance[path].status is Status.DERIVED, path     # a cut is never proven by itself
