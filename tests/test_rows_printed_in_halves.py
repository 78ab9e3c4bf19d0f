"""``pdftotext -layout`` may print the numbers of two rows of 表三 whose labels stand on consecutive lines as two
blocks under the labels, a line per row each, the rows' left cells first and then their right cells
(extract/rowhalves.py). Each row is its line of the first block followed by its line of the second; where the
lines do not pair off into seven cells a row, nothing is paired."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document

_ROWS = [
    ("一、本年新收政府信息公开申请数量", "16 7 1 0 3 0 27"),
    ("二、上年结转政府信息公开申请数量", "4 0 0 0 0 0 4"),
    ("      （一）予以公开", "5 2 1 0 1 0 9"),
    ("      （二）部分公开（区分处理的，只计这一情形，不计其他情形）", "2 1 0 0 1 0 4"),
    ("            1.属于国家秘密", "0 0 0 0 0 0 0"),
    ("            2.其他法律行政法规禁止公开", "3 0 0 0 0 0 3"),
    ("            3.危及“三安全一稳定”", "0 0 0 0 0 0 0"),
    ("      （三）不予 4.保护第三方合法权益", "0 0 0 0 0 0 0"),
    ("      公开    5.属于三类内部事务信息", "0 0 0 0 0 0 0"),
    ("            6.属于四类过程性信息", "0 0 0 0 0 0 0"),
    ("            7.属于行政执法案卷", "0 1 0 0 0 0 1"),
    ("            8.属于行政查询事项", "0 0 0 0 0 0 0"),
    None,                                   # 1.本机关不掌握相关政府信息 / 2.没有现成信息需要另行制作: in halves
    ("            3.补正后申请内容仍不明确", "1 1 0 0 0 0 2"),
    ("            1.信访举报投诉类申请", "0 0 0 0 0 0 0"),
    ("            2.重复申请", "0 0 0 0 0 0 0"),
    ("      （五）不予 3.要求提供公开出版物", "2 0 0 0 0 0 2"),
    ("            4.无正当理由大量反复申请", "0 0 0 0 0 0 0"),
    ("            5.要求行政机关确认或重新出具已获取信息", "0 0 0 0 1 0 1"),
    ("            1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "1 0 0 0 0 0 1"),
    ("      （六）其他 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "0 0 0 0 0 0 0"),
    ("            3.其他", "0 0 0 0 0 0 0"),
    ("      （七）总计", "16 7 1 0 3 0 27"),
    ("四、结转下年度继续办理", "4 0 0 0 0 0 4"),
]
_HALVES = """三、本年度 （四）无法 1.本机关不掌握相关政府信息
            2.没有现成信息需要另行制作
                                  2 1 0 0
                                  0 1 0 0
                                                 0 0 3
                                                 0 0 1
办理结果 提供"""


def _text(halves: str = _HALVES) -> str:
    lines = ["东山区教育局2023年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况",
             "                                  自然 商业 科研 社会公益 法律服务 其他 总计"]
    for row in _ROWS:
        if row is None:
            lines.append(halves)
        else:
            label, numbers = row
            lines.append(f"{label}     {numbers}")
    return "\n".join(lines) + "\n\n四、政府信息公开行政复议、行政诉讼情况\n"


def test_two_rows_printed_as_a_left_and_a_right_block_are_read_pairwise() -> None:
    record = process_document(Document.from_text(_text(), doc_id="halves"))
    apps = record.report.applications
    assert apps.unavailable_not_held.model_dump() == {"natural_person": 2, "commercial": 1, "research": 0,
                                                      "social_org": 0, "legal_service": 0, "other_org": 0, "total": 3}
    assert apps.unavailable_needs_creation.model_dump() == {"natural_person": 0, "commercial": 1, "research": 0,
                                                            "social_org": 0, "legal_service": 0, "other_org": 0,
                                                            "total": 1}
    for row in ("unavailable_not_held", "unavailable_needs_creation", "granted"):
        assert record.provenance[f"applications.{row}.commercial"].status is Status.PROVEN, row


def test_blocks_that_do_not_make_seven_cells_a_row_are_not_paired() -> None:
    halves = _HALVES.replace("                                                 0 0 1", "                                                 0 1")
    record = process_document(Document.from_text(_text(halves), doc_id="halves-short"))
    assert record.provenance["applications.unavailable_needs_creation.commercial"].status is not Status.PROVEN


def test_rows_each_wrapped_onto_two_lines_in_turn_are_not_taken_for_blocks() -> None:
    halves = _HALVES.replace("""                                  0 1 0 0
                                                 0 0 3""", """                                                 0 0 3
                                  0 1 0 0""")
    record = process_document(Document.from_text(_text(halves), doc_id="halves-in-turn"))
    apps = record.report.applications
    assert [apps.unavailable_not_held.natural_person, apps.unavailable_not_held.total] == [2, 3]
    assert [apps.unavailable_needs_creation.commercial, apps.unavailable_needs_creation.total] == [1, 1]
