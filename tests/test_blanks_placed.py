"""表三 copied out of a PDF viewer, one cell a line: an empty cell gives no line, so a row prints fewer than seven
numbers (``1 / 1`` for 自然人 1, the other five empty, 总计 1) and a label with no number is a row of empty cells.
Every placement of the printed numbers is a reading; twenty rows of them multiply past any search. Taking the cells
not printed as EMPTY, the identities place them: a cell every surviving placement agrees on is ``derived`` (rule
``DERIVE.BLANKS_PLACED``), its empty cells ``None``, never 0 and never proven; where placements differ (a 0 that
could stand in any empty column) the cell stays missing."""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICANT_COLUMNS
from verify.rules import RULES

_ = None
# row key → label, cells (natural, commercial, research, social, legal, other, total); None: an empty cell
_ROWS: list[tuple[str, str, list[int | None]]] = [
    ("new_received", "一、本年新收政府信息公开申请数量", [20, 5, 8, 7, 4, 1, 45]),
    ("carried_over", "二、上年结转政府信息公开申请数量", [1, _, _, _, _, _, 1]),
    ("granted", "（一）予以公开", [10, 3, _, 1, 4, _, 18]),
    ("partially_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", [4, _, 8, _, _, 1, 13]),
    ("denied_state_secret", "１．属于国家秘密", [_] * 7),
    ("denied_prohibited_by_law", "２．其他法律行政法规禁止公开", [_] * 7),
    ("denied_security_stability", "３．危及“三安全一稳定”", [_] * 7),
    ("denied_third_party", "４．保护第三方合法权益", [_] * 7),
    ("denied_internal_affairs", "５．属于三类内部事务信息", [_] * 7),
    ("denied_process_info", "６．属于四类过程性信息", [_] * 7),
    ("denied_enforcement_file", "７．属于行政执法案卷", [_] * 7),
    ("denied_query_matter", "８．属于行政查询事项", [_] * 7),
    ("unavailable_not_held", "１．本机关不掌握相关政府信息", [5, 2, _, 6, _, _, 13]),
    ("unavailable_needs_creation", "２．没有现成信息需要另行制作", [_] * 7),
    ("unavailable_unclear", "３．补正后申请内容仍不明确", [_] * 7),
    ("rejected_petition", "１．信访举报投诉类申请", [_] * 7),
    ("rejected_duplicate", "２．重复申请", [_] * 7),
    ("rejected_publication", "３．要求提供公开出版物", [_] * 7),
    ("rejected_excessive", "４．无正当理由大量反复申请", [_] * 7),
    ("rejected_reconfirm", "５．要求行政机关确认或重新出具已获取信息", [_] * 7),
    ("other_no_correction", "１．申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", [_] * 7),
    ("other_unpaid_fee", "２．申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", [_] * 7),
    ("other_other", "３．其他", [_] * 7),
    ("total_processed", "总计", [19, 5, 8, 7, 4, 1, 44]),
    ("carried_forward", "四、结转下年度继续办理", [2, _, _, _, _, _, 2]),
]
_GROUPS = {"granted": "三、本年度办理结果", "denied_state_secret": "（三）不予公开", "unavailable_not_held": "（四）无法提供",
           "rejected_petition": "（五）不予处理", "other_no_correction": "（六）其他处理"}


_HEAD = ["某区人民政府2024年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况",
         "申请人情况", "自然人", "法人或其他组织", "总计", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
_T4_HEADING = "四、政府信息公开行政复议、行政诉讼情况"


def _copied(rows: list[tuple[str, str, list[int | None]]]) -> str:
    lines = list(_HEAD)
    for key, label, cells in rows:
        if key in _GROUPS:
            lines.append(_GROUPS[key])
        lines.append(label)
        lines += [str(v) for v in cells if v is not None]      # an empty cell leaves no line
    lines += [_T4_HEADING]
    return "\n".join(lines) + "\n"


def _record(rows=_ROWS):
    return process_document(Document.from_text(_copied(rows), doc_id="copied"))


def _row(record, key: str) -> list:
    return [record.report.values()[f"applications.{key}.{c}"] for c in APPLICANT_COLUMNS]


def test_the_identities_place_the_printed_numbers_with_the_other_cells_empty() -> None:
    record = _record()
    for key, _label, cells in _ROWS:
        assert _row(record, key) == cells, key
    for c in APPLICANT_COLUMNS:
        prov = record.provenance[f"applications.carried_over.{c}"]
        assert prov.status is Status.DERIVED and "DERIVE.BLANKS_PLACED" in prov.rules
    empty = record.provenance["applications.carried_over.commercial"]
    assert empty.candidates == {"derived": 0}           # blank counts as 0 in the sums; output empty, never 0
    assert record.provenance["applications.denied_state_secret.total"].status is Status.DERIVED
    assert "DERIVE.BLANKS_PLACED" in RULES


def test_no_placed_cell_is_proven() -> None:
    record = _record()
    for key, _label, cells in _ROWS:
        if len([v for v in cells if v is not None]) < 7:
            assert {record.provenance[f"applications.{key}.{c}"].status for c in APPLICANT_COLUMNS} == {Status.DERIVED}


def test_a_zero_any_empty_column_could_hold_leaves_its_cell_open() -> None:
    # 结转下年度 printed 2 / 0 / 2: the 0 fits every column the balance leaves at 0
    rows = [(k, label, [2, 0, _, _, _, _, 2] if k == "carried_forward" else cells) for k, label, cells in _ROWS]
    record = _record(rows)
    assert _row(record, "carried_forward")[0] == 2 and _row(record, "carried_forward")[6] == 2
    for c in APPLICANT_COLUMNS[1:6]:
        prov = record.provenance[f"applications.carried_forward.{c}"]
        assert prov.status is Status.MISSING and record.report.values()[f"applications.carried_forward.{c}"] is None
    assert _row(record, "granted") == [10, 3, None, 1, 4, None, 18]      # the other rows are placed still


def test_a_table_no_placement_holds_is_left_missing() -> None:
    # 新收 printed 总计 46 where its cells sum to 45: no placement with the other cells empty makes the table hold
    rows = [(k, label, [20, 5, 8, 7, 4, 1, 46] if k == "new_received" else cells) for k, label, cells in _ROWS]
    record = _record(rows)
    assert all(record.provenance[f"applications.carried_over.{c}"].status is Status.MISSING for c in APPLICANT_COLUMNS)


def test_the_sums_that_placed_the_rows_prove_no_read_cell() -> None:
    # 新收 printed whole is read; the balance and column sums hold only because the rows beside it were placed so
    record = _record()
    assert _row(record, "new_received") == [20, 5, 8, 7, 4, 1, 45]
    for c in APPLICANT_COLUMNS:
        prov = record.provenance[f"applications.new_received.{c}"]
        assert prov.status is Status.UNVERIFIED and "READ.UNCHECKED" in prov.rules


def test_rows_whose_numbers_stand_in_a_block_after_another_label_are_not_rows_of_empty_cells() -> None:
    """pdfminer's text of a browser-printed table: the labels one after another, the rows' numbers in one block
    after a later label (``２．重复申请`` then 0 0 … 9 0 0 0 1 1 11 …), two rows printing a few zeros of their own.
    The rows with no number after their label are unread, not empty: nothing is placed as blank (before, every
    cell of 表三 came out derived empty, 一's 9 among them), and the table stays queued."""
    values = {"new_received": [9, 0, 0, 0, 1, 1, 11], "granted": [9, 0, 0, 0, 1, 1, 11],
              "total_processed": [9, 0, 0, 0, 1, 1, 11]}
    crowd = [str(v) for key, _label, _cells in _ROWS if key not in ("other_no_correction", "carried_forward")
             for v in values.get(key, [0] * 7)]
    lines = list(_HEAD)
    for key, label, _cells in _ROWS:
        if key in _GROUPS:
            lines.append(_GROUPS[key])
        lines.append(label)
        if key == "rejected_duplicate":
            lines += crowd
        elif key == "other_no_correction":
            lines.append("0")
        elif key == "carried_forward":
            lines += ["0"] * 4
    lines.append(_T4_HEADING)
    record = process_document(Document.from_text("\n".join(lines) + "\n", doc_id="crowd"))
    placed = [p for p, prov in record.provenance.items() if "DERIVE.BLANKS_PLACED" in prov.rules]
    assert placed == []
    assert record.report.values()["applications.new_received.natural_person"] in (None, 9)
    assert record.provenance["applications.new_received.natural_person"].status is not Status.PROVEN
    assert record.report.values()["applications.new_received.natural_person"] != 0
