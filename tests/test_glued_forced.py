"""A glued run the text alone cuts is read as printed; a run is never derived into numbers its digits cannot print.

A crawler's dump runs a row's cells together (``数量45无无无无无45``, ``0000000``). Where each placeholder is one
empty cell, each run of zeros as many cells of 0 and each other run one number already fill the row, there is no
cut to choose: the row is read like one whose separators survived, and the identities check it (proven). A run that
may be several numbers (``640020470``) is still cut by the identities (derived, queued).
"""

from __future__ import annotations

from llm_extract.evidence import Status
from llm_extract.extract.glued import forced_cells, placeholder_partings
from llm_extract.ingest import Document
from llm_extract.pipeline import process_document
from llm_extract.schema import APPLICANT_COLUMNS, APPLICATION_ROWS, REVIEW_COLUMNS, REVIEW_GROUPS
from llm_extract.synth.render import TABLE3_ROW_LABELS

ZERO = [0] * 7
T4_HEADER = ["四、政府信息公开行政复议、行政诉讼情况", "行政复议行政诉讼",
             "结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉",
             "结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计"]


def _paths(row: str) -> list[str]:
    return [f"applications.{row}.{c}" for c in APPLICANT_COLUMNS]


def _crawler_doc(rows: dict[str, str], t2: list[str] = (), t4: str = "") -> str:
    """A report as a crawler dumps it: each row's label and cells run together (``rows``: row → its run)."""
    lines = ["某县人民政府办公室2023年度政府信息公开工作报告", "二、主动公开政府信息情况", "第二十条第（一）项",
             "信息内容本年制发件数本年废止件数现行有效件数", *t2, "",
             "三、收到和处理政府信息公开申请情况",
             "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况",
             "自然人法人或其他组织总计", "商业企业科研机构社会公益组织法律服务机构其他"]
    for row in APPLICATION_ROWS:
        group, label = TABLE3_ROW_LABELS[row]
        lines.append(group + label + rows.get(row, "0000000"))
    if t4:
        lines += ["", *T4_HEADER, t4]
    return "\n".join(lines + ["", "五、存在的主要问题及改进情况", "无。"])


def test_the_text_alone_cuts_a_run_whose_placeholders_and_zeros_fill_the_row() -> None:
    assert forced_cells(placeholder_partings("45无无无无无45")[0], 7) == [45, None, None, None, None, None, 45]
    assert forced_cells(["0000000"], 7) == ZERO
    assert forced_cells(placeholder_partings("00—0000")[0], 7) == [0, 0, None, 0, 0, 0, 0]
    assert forced_cells(["000"], 3) == [0, 0, 0]


def test_a_run_that_may_be_several_numbers_is_left_to_the_identities() -> None:
    assert forced_cells(["640020470"], 7) is None           # seven cells hide in it somewhere
    assert forced_cells(["116"], 3) is None                 # 1 1 6, or 11 and 6 beside an empty cell
    assert forced_cells(placeholder_partings("45无无无无45")[0], 7) is None    # six parts: one may be two numbers
    assert forced_cells(["00000000"], 7) is None            # eight zeros are no seven cells
    assert forced_cells(placeholder_partings("045无无无无无4")[0], 7) is None  # 045 is two numbers at least


def test_a_glued_row_with_its_empty_cells_printed_is_proven_not_derived() -> None:
    runs = {"new_received": "45无无无无无45", "unavailable_not_held": "45无无无无无45",
            "total_processed": "45无无无无无45"}
    record = process_document(Document.from_text(_crawler_doc(runs), doc_id="placeholders"))
    for path, value in zip(_paths("new_received"), [45, None, None, None, None, None, 45]):
        prov = record.provenance[path]
        assert (record.report.get(path), prov.status, prov.method) == (value, Status.PROVEN, "glued"), path
    prov = record.provenance["applications.carried_forward.total"]          # 0000000: seven cells of 0
    assert (record.report.get("applications.carried_forward.total"), prov.status) == (0, Status.PROVEN)


def test_fifteen_zeros_of_t4_and_three_of_a_t2_stock_row_are_proven() -> None:
    text = _crawler_doc({}, t2=["规章000", "行政规范性文件116"], t4="0" * 15)
    record = process_document(Document.from_text(text, doc_id="zeros"))
    for group in REVIEW_GROUPS:
        for column in REVIEW_COLUMNS:
            path = f"review_litigation.{group}.{column}"
            assert (record.report.get(path), record.provenance[path].status) == (0, Status.PROVEN), path
    for column in ("issued", "repealed", "in_force"):
        prov = record.provenance[f"active_disclosure.regulations.{column}"]
        assert (record.report.get(f"active_disclosure.regulations.{column}"), prov.status) == (0, Status.PROVEN)
        # 116 has one cut into three cells, but an empty cell leaves no trace in a run: never proven
        assert record.provenance[f"active_disclosure.normative_documents.{column}"].status == Status.UNVERIFIED


def test_a_run_is_never_derived_into_numbers_its_digits_cannot_print() -> None:
    # every row reads 0 but 结转下年度 prints 1000001: the report breaks its balance (0 + 0 ≠ 0 + 1). The identities
    # would pin that row to seven 0s, which 1000001 cannot be: it is read as printed and the balance disputed
    record = process_document(Document.from_text(_crawler_doc({"carried_forward": "1000001"}), doc_id="broken"))
    for path, value in zip(_paths("carried_forward"), [1, 0, 0, 0, 0, 0, 1]):
        assert record.report.get(path) == value, path
        assert record.provenance[path].status != Status.DERIVED, path
    prov = record.provenance["applications.carried_forward.total"]
    assert prov.status == Status.DISPUTED and "T3.BALANCE" in prov.rules
    # and the rows the broken balance checks are not proven by a value derived to mend it
    assert record.provenance["applications.new_received.total"].status == Status.DISPUTED
