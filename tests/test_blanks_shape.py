"""表三 with the five 法人或其他组织 columns left empty row after row, copied one cell a line: an empty cell gives no
line, so each such row prints two numbers, 自然人 and 总计 (``2 / 2``, ``0 / 0``). Taking the cells not printed as
empty, the identities place the rows of counts (the 自然人 column's sums take their numbers), but a row of zeros
holds in all 21 placements. Where at least two rows placed alone print as many numbers, all in the same columns, the
open rows printing that many are placed there too (``DERIVE.BLANKS_SHAPE``): derived, never proven, each queued."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICANT_COLUMNS
from verify.rules import RULES

_ = None
_LABELS = [
    ("new_received", "一、本年新收政府信息公开申请数量"), ("carried_over", "二、上年结转政府信息公开申请数量"),
    ("granted", "（一）予以公开"), ("partially_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("denied_state_secret", "１．属于国家秘密"), ("denied_prohibited_by_law", "２．其他法律行政法规禁止公开"),
    ("denied_security_stability", "３．危及“三安全一稳定”"), ("denied_third_party", "４．保护第三方合法权益"),
    ("denied_internal_affairs", "５．属于三类内部事务信息"), ("denied_process_info", "６．属于四类过程性信息"),
    ("denied_enforcement_file", "７．属于行政执法案卷"), ("denied_query_matter", "８．属于行政查询事项"),
    ("unavailable_not_held", "１．本机关不掌握相关政府信息"), ("unavailable_needs_creation", "２．没有现成信息需要另行制作"),
    ("unavailable_unclear", "３．补正后申请内容仍不明确"), ("rejected_petition", "１．信访举报投诉类申请"),
    ("rejected_duplicate", "２．重复申请"), ("rejected_publication", "３．要求提供公开出版物"),
    ("rejected_excessive", "４．无正当理由大量反复申请"), ("rejected_reconfirm", "５．要求行政机关确认或重新出具已获取信息"),
    ("other_no_correction", "１．申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("other_unpaid_fee", "２．申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("other_other", "３．其他"), ("total_processed", "总计"), ("carried_forward", "四、结转下年度继续办理"),
]
_GROUPS = {"granted": "三、本年度办理结果", "denied_state_secret": "（三）不予公开", "unavailable_not_held": "（四）无法提供",
           "rejected_petition": "（五）不予处理", "other_no_correction": "（六）其他处理"}
_HEAD = ["某区人民政府2024年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况",
         "申请人情况", "自然人", "法人或其他组织", "总计", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]


def _cells(**given: list[int | None]) -> dict[str, list[int | None]]:
    """The report: 法人 columns empty but in the two rows printed whole; rows not given are 0 / 0."""
    rows = {key: [0, _, _, _, _, _, 0] for key, _label in _LABELS}
    rows.update(new_received=[4, 0, 0, 0, 0, 0, 4], carried_over=[1, _, _, _, _, _, 1], granted=[2, _, _, _, _, _, 2],
                partially_granted=[1, _, _, _, _, _, 1], total_processed=[3, 0, 0, 0, 0, 0, 3],
                carried_forward=[2, _, _, _, _, _, 2])
    rows.update(given)
    return rows


def _record(rows: dict[str, list[int | None]]):
    lines = list(_HEAD)
    for key, label in _LABELS:
        if key in _GROUPS:
            lines.append(_GROUPS[key])
        lines.append(label)
        lines += [str(v) for v in rows[key] if v is not None]      # an empty cell leaves no line
    lines.append("四、政府信息公开行政复议、行政诉讼情况")
    return process_document(Document.from_text("\n".join(lines) + "\n", doc_id="shape"))


def _row(record, key: str) -> list:
    return [record.report.values()[f"applications.{key}.{c}"] for c in APPLICANT_COLUMNS]


def test_rows_of_zeros_are_placed_where_the_rows_of_counts_print_their_numbers() -> None:
    rows = _cells()
    record = _record(rows)
    for key, _label in _LABELS:
        assert _row(record, key) == rows[key], key
    for c in APPLICANT_COLUMNS:
        prov = record.provenance[f"applications.denied_state_secret.{c}"]
        assert prov.status is Status.DERIVED and "DERIVE.BLANKS_SHAPE" in prov.rules     # a guess: never proven
    assert "DERIVE.BLANKS_SHAPE" not in record.provenance["applications.granted.natural_person"].rules
    assert "DERIVE.BLANKS_SHAPE" in RULES


def test_rows_placed_alone_in_other_columns_leave_the_zeros_open() -> None:
    # 部分公开's 1 printed under 其他, not 自然人: the rows placed alone disagree about the columns, nothing is guessed
    rows = _cells(partially_granted=[_, _, _, _, _, 1, 1], new_received=[3, 0, 0, 0, 0, 1, 4],
                  total_processed=[2, 0, 0, 0, 0, 1, 3])
    record = _record(rows)
    assert _row(record, "partially_granted") == [_, _, _, _, _, 1, 1]
    for c in APPLICANT_COLUMNS:
        prov = record.provenance[f"applications.denied_state_secret.{c}"]
        assert prov.status is Status.MISSING and "DERIVE.BLANKS_SHAPE" not in prov.rules


def test_one_row_placed_alone_is_no_shape() -> None:
    # only 予以公开 prints a count in a short row: one row shows no habit of the report's
    rows = _cells(carried_over=[0, 0, 0, 0, 0, 0, 0], partially_granted=[0, _, _, _, _, _, 0],
                  new_received=[2, 0, 0, 0, 0, 0, 2], total_processed=[2, 0, 0, 0, 0, 0, 2],
                  carried_forward=[0, 0, 0, 0, 0, 0, 0])
    record = _record(rows)
    assert _row(record, "granted") == [2, _, _, _, _, _, 2]
    assert record.provenance["applications.denied_state_secret.natural_person"].status is Status.MISSING
