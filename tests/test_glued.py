"""Glued cells: a crawler's dump of 表三 with every separator lost is cut only where the identities allow."""

from __future__ import annotations

import random

from llm_extract.evidence import Status
from llm_extract.extract.glued import cuts, group_cuts, groups_hold, recount_options, row_cuts, row_holds
from llm_extract.ingest import Document
from llm_extract.outputs import read_json
from llm_extract.pipeline import process_document
from llm_extract.review import review_items
from llm_extract.synth.render import TABLE3_ROW_LABELS
from llm_extract.schema import APPLICANT_COLUMNS, APPLICATION_ROWS, Report
from llm_extract.synth import render
from tests.table3_checks import zero_report

ZERO = [0] * 7


def _glued_doc(rows: dict[str, list[int]]) -> str:
    """A 表三-only report as a crawler dumps it: one line per row, label and digits run together."""
    lines = ["某区人民政府2021年政府信息公开工作年度报告", "", "三、收到和处理政府信息公开申请情况",
             "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计"]
    for row in APPLICATION_ROWS:
        group, label = TABLE3_ROW_LABELS[row]
        lines.append(group + label + "".join(str(v) for v in rows.get(row, ZERO)))
    return "\n".join(lines + ["", "五、存在的主要问题及改进情况", "无。"])


def _paths(row: str) -> list[str]:
    return [f"applications.{row}.{c}" for c in APPLICANT_COLUMNS]


def test_a_row_run_is_cut_only_where_its_own_total_adds_up() -> None:
    assert row_cuts("640020470") == [[64, 0, 0, 2, 0, 4, 70]]
    assert sorted(row_cuts("220000022") or []) == [[2, 20, 0, 0, 0, 0, 22], [22, 0, 0, 0, 0, 0, 22]]
    assert row_cuts("000000") == []                         # six digits cannot be seven cells
    assert row_cuts("100000010") == [[10, 0, 0, 0, 0, 0, 10]]   # never 1|00|… nor …|0|010


def test_a_t4_run_is_cut_into_three_groups_that_each_add_up() -> None:
    assert group_cuts("100010000000011") == [[1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1]]


def test_an_enumeration_past_its_step_budget_says_so_instead_of_answering() -> None:
    assert row_cuts("1" * 40, max_steps=1000) is None


def test_a_glued_table_with_one_surviving_split_is_pinned_with_the_identities_that_chose_it() -> None:
    rows = {"new_received": [64, 0, 0, 2, 0, 4, 70], "granted": [60, 0, 0, 2, 0, 4, 66],
            "unavailable_not_held": [4, 0, 0, 0, 0, 0, 4], "total_processed": [64, 0, 0, 2, 0, 4, 70]}
    text = _glued_doc(rows)
    assert "一、本年新收政府信息公开申请数量640020470" in text
    record = process_document(Document.from_text(text, doc_id="glued-unique"))
    for row in APPLICATION_ROWS:
        # a run of seven zeros has no cut to choose (seven cells of 0): read, and proven by the identities; a run
        # cut as the identities leave one way (every cut without a leading zero tried, every digit printed): pinned
        status = Status.PINNED if row in rows else Status.PROVEN
        for path, value in zip(_paths(row), rows.get(row, ZERO)):
            prov = record.provenance[path]
            assert (record.report.get(path), prov.status) == (value, status), path
    prov = record.provenance["applications.new_received.natural_person"]
    assert {"DERIVE.PINNED", "T3.ROW_SUM", "T3.BALANCE"} <= set(prov.rules)
    assert prov.raw == "640020470" and prov.method == "identities"
    assert not any(f.code in ("DERIVE.AMBIGUOUS", "DERIVE.SEARCH_CAP") for f in record.findings)


def test_a_glued_table_with_two_surviving_splits_is_queued_with_both_never_guessed() -> None:
    # 220000022 is 22|0|0|0|0|0|22 or 2|20|0|0|0|0|22 in each of the three rows; both hold everywhere
    rows = {"new_received": [22, 0, 0, 0, 0, 0, 22], "granted": [22, 0, 0, 0, 0, 0, 22],
            "total_processed": [22, 0, 0, 0, 0, 0, 22]}
    doc = Document.from_text(_glued_doc(rows), doc_id="glued-two")
    record = process_document(doc)
    for row in ("new_received", "granted", "total_processed"):
        for path in _paths(row)[:2]:
            assert record.report.get(path) is None and record.provenance[path].status == Status.MISSING
            assert "DERIVE.AMBIGUOUS" in record.provenance[path].rules
    (finding,) = [f for f in record.findings if f.code == "DERIVE.AMBIGUOUS"
                  and f.paths == _paths("new_received")]
    assert sorted(finding.detail["candidates"]) == [[2, 20, 0, 0, 0, 0, 22], [22, 0, 0, 0, 0, 0, 22]]
    # the cells every split agrees on are still not taken from an open row
    assert record.report.get("applications.new_received.total") is None
    items = {i.path: i for i in review_items(record, doc.lines)}
    assert {c["value"] for c in items["applications.new_received.natural_person"].candidates} == {2, 22}
    # the untouched rows, seven zeros each, are read as printed (no cut to choose); the balance that would check
    # 结转下年度 holds the open rows' cells, so it stays unverified (queued), never derived from them
    prov = record.provenance["applications.carried_forward.total"]
    assert (record.report.get("applications.carried_forward.total"), prov.status, prov.method) == \
        (0, Status.UNVERIFIED, "glued")


def test_a_glued_row_with_no_digits_is_a_row_of_empty_cells() -> None:
    text = _glued_doc({}).replace("3.其他0000000", "3.其他")
    record = process_document(Document.from_text(text, doc_id="glued-blank"))
    for path in _paths("other_other"):
        assert record.report.get(path) is None and record.provenance[path].status == Status.PROVEN
    assert record.report.get("applications.rejected_duplicate.total") == 0


def test_a_row_of_eight_offers_every_number_left_out_beside_a_join_that_holds() -> None:
    """``1 0`` → 10 adds up; a number that is no cell of the row (a hidden cell, a 序号) explains it as well."""
    options = recount_options([6, 0, 0, 1, 0, 0, 7, 23], 7, row_holds, extra=True)
    assert [6, 0, 0, 10, 0, 7, 23] in options and [6, 0, 0, 1, 0, 0, 7] in options
    assert recount_options([6, 0, 0, 1, 0, 0, 7, 23], 7, row_holds) == [[6, 0, 0, 10, 0, 7, 23]]
    assert recount_options([1, 0, 2, 0, 0, 0, 0, 13], 7, row_holds, extra=True) == []   # no join holds: no guess


def test_one_number_too_many_where_no_join_holds_is_no_cell_at_either_end() -> None:
    """A 序号 before the row's cells (``5 2 0 0 0 0 0 2``), a page's number after 表四's (``0 … 0 4``)."""
    assert recount_options([5, 2, 0, 0, 0, 0, 0, 2], 7, row_holds, extra=True) == [[2, 0, 0, 0, 0, 0, 2]]
    assert recount_options([0] * 15 + [4], 15, groups_hold, extra=True) == [[0] * 15]
    assert recount_options([0] * 15 + [4], 15, groups_hold) == []                      # without extra: no guess


def test_a_page_number_after_table4s_cells_one_to_a_line_is_left_out_by_the_identities(golden_dir) -> None:
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    text = render(Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields}), "cells")
    head, _, rest = text.partition("四、政府信息公开行政复议、行政诉讼情况\n")
    tail = rest.partition("五、")[2]
    assert "\t0\n" * 15 in rest
    table4 = "四、政府信息公开行政复议、行政诉讼情况\n行政复议\n行政诉讼\n未经复议直接起诉\n复议后起诉\n" \
        + "结果维持\n结果纠正\n其他结果\n尚未审结\n总计\n" * 3 + "0\n" * 15 + "4\n"    # (a PDF library's plain text)
    record = process_document(Document.from_text(head + table4 + "五、" + tail, doc_id="x"))
    path = "review_litigation.litigation_after_review.total"
    assert record.report.get(path) == 0 and record.provenance[path].status is Status.DERIVED


def test_a_row_of_nine_offers_every_two_joins_that_hold() -> None:
    """Two numbers split (``2 9 0 0 0 0 0 2 9``), or one split twice (``1 2 3``): two joins of neighbours."""
    assert recount_options([2, 9, 0, 0, 0, 0, 0, 2, 9], 7, row_holds) == [[29, 0, 0, 0, 0, 0, 29]]
    assert [123, 0, 0, 0, 0, 0, 123] in recount_options([1, 2, 3, 0, 0, 0, 0, 0, 123], 7, row_holds)
    assert recount_options([2, 9, 0, 0, 0, 0, 0, 2, 8], 7, row_holds, extra=True) == []    # nothing holds: no guess


def test_a_row_whose_two_cells_a_converter_split_into_runs_is_derived_not_missing() -> None:
    """A Word page's cell of two runs (``<span>2</span><span>9</span>``) flattened with a space between them, a
    cell a line: the row reads nine numbers; the one reading of seven that every identity holds with is derived
    (and queued), never proven."""
    from llm_extract.synth.render import render

    report = zero_report()
    for row in ("new_received", "granted", "total_processed"):
        report.set(f"applications.{row}.natural_person", 29)
        report.set(f"applications.{row}.total", 29)
    lines = render(report, "cells").split("\n")
    lines = [line.replace("\t29", "\t2 9") for line in lines]      # three rows of nine numbers
    record = process_document(Document.from_text("\n".join(lines), doc_id="x"))
    for path in _paths("new_received") + _paths("granted") + _paths("total_processed"):
        assert record.report.get(path) == report.get(path), path
        assert record.provenance[path].status is Status.DERIVED, path


def test_a_row_of_five_and_six_digit_counts_is_cut_within_the_step_budget() -> None:
    # cut one part after another, half of such rows ran out of the 200,000 steps and stayed unread
    cells = [48213, 9077, 61540, 30318, 72004, 15263]
    options = row_cuts("".join(map(str, cells + [sum(cells)])))
    assert options is not None and cells + [sum(cells)] in options
    cells = [482130, 907715, 615400, 303181, 720045, 152639]
    options = row_cuts("".join(map(str, cells + [sum(cells)])))
    assert options is not None and cells + [sum(cells)] in options


def test_a_run_too_long_for_seven_counts_is_given_up_at_once() -> None:
    # a 200-digit run took the whole step budget (0.3 s) in each of 表三's 25 rows: 5 s for a 7 KB page
    digits = "".join(random.Random(1).choice("0123456789") for _ in range(200))
    assert row_cuts(digits, max_steps=1000) == []
    assert group_cuts(digits, max_steps=1000) == []


def test_a_cut_from_both_ends_finds_what_a_cut_from_the_front_finds_in_the_same_order() -> None:
    from llm_extract.extract.summingcuts import parts_summing

    rnd = random.Random(5)
    for _ in range(500):
        parts, digits = rnd.randint(1, 6), "".join(rnd.choice("0102") for _ in range(rnd.randint(1, 9)))
        total = rnd.randint(0, 30)
        front = [c for c in cuts(digits, parts) if sum(c) == total and all(len(str(v)) <= len(str(total)) for v in c)]
        assert parts_summing(digits, parts, total, lambda: None) == front


def test_a_table4_cell_with_a_notes_mark_among_merged_cells_is_no_run_to_cut_and_no_crash(golden_dir) -> None:
    """14 cells one to a line, two merged (``03``), one with a note's superscript mark (``0¹``): the reader
    cuts the spaced runs by the groups' identities, and a mark is no digit of a count (it used to crash)."""
    g = read_json(golden_dir / "003_d677def7845cc038.json")
    text = render(Report.model_validate({k: v for k, v in g.items() if k in Report.model_fields}), "cells")
    head, _, rest = text.partition("四、政府信息公开行政复议、行政诉讼情况\n")
    tail = rest.partition("五、")[2]
    table4 = "四、政府信息公开行政复议、行政诉讼情况\n行政复议\n行政诉讼\n未经复议直接起诉\n复议后起诉\n" \
        + "结果维持\n结果纠正\n其他结果\n尚未审结\n总计\n" * 3 \
        + "".join(f"{c}\n" for c in ["0", "1", "2", "2", "5", "0", "0¹", "0", "3", "3", "03", "1", "0", "4"])
    record = process_document(Document.from_text(head + table4 + "五、" + tail, doc_id="x"))
    assert record.report.review_litigation is not None
